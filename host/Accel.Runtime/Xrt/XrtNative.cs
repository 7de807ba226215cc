using System.Runtime.InteropServices;

namespace Accel.Runtime.Xrt;

/// <summary>
/// XRT's C API in libxrt_coreutil.so.2 (XRT 2.13), fixed-signature entry points only: .NET cannot
/// make C varargs calls, so arguments go through xrtRunSetArgV (value pointer + size) rather than
/// the variadic xrtRunSetArg. Handles are opaque pointers. SetLastError captures the errno XRT sets.
/// </summary>
internal static unsafe partial class XrtNative
{
    private const string Library = XrtLibrary.CoreUtil;

    // The buffer sync directions of enum xclBOSyncDirection.
    public const int SyncToDevice = 0;
    public const int SyncFromDevice = 1;

    // xrtErrorClass values queried for a device's last asynchronous error.
    public static readonly int[] ErrorClasses = [1 /* system */, 2 /* AIE */, 3 /* hardware */];

    [LibraryImport(Library, SetLastError = true)]
    public static partial nint xrtDeviceOpen(uint index);

    [LibraryImport(Library, SetLastError = true)]
    public static partial int xrtDeviceClose(nint device);

    [LibraryImport(Library, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int xrtDeviceLoadXclbinFile(nint device, string path);

    [LibraryImport(Library, SetLastError = true)]
    public static partial int xrtDeviceGetXclbinUUID(nint device, byte* uuid16);

    [LibraryImport(Library, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint xrtPLKernelOpen(nint device, byte* uuid16, string name);

    [LibraryImport(Library, SetLastError = true)]
    public static partial int xrtKernelClose(nint kernel);

    [LibraryImport(Library, SetLastError = true)]
    public static partial int xrtKernelArgGroupId(nint kernel, int argumentIndex);

    [LibraryImport(Library, SetLastError = true)]
    public static partial nint xrtBOAlloc(nint device, nuint size, ulong flags, uint memoryGroup);

    [LibraryImport(Library, SetLastError = true)]
    public static partial int xrtBOFree(nint buffer);

    [LibraryImport(Library, SetLastError = true)]
    public static partial ulong xrtBOAddress(nint buffer);

    [LibraryImport(Library, SetLastError = true)]
    public static partial int xrtBOSync(nint buffer, int direction, nuint size, nuint offset);

    [LibraryImport(Library, SetLastError = true)]
    public static partial void* xrtBOMap(nint buffer);

    [LibraryImport(Library, SetLastError = true)]
    public static partial int xrtBOWrite(nint buffer, void* source, nuint size, nuint seek);

    [LibraryImport(Library, SetLastError = true)]
    public static partial int xrtBORead(nint buffer, void* destination, nuint size, nuint skip);

    [LibraryImport(Library, SetLastError = true)]
    public static partial nint xrtRunOpen(nint kernel);

    // Declared in xrt_kernel.cpp without extern "C", so 2.13 exports it under its C++ name.
    [LibraryImport(Library, EntryPoint = "_Z13xrtRunSetArgVPviPKvm", SetLastError = true)]
    public static partial int xrtRunSetArgV(nint run, int index, void* value, nuint bytes);

    [LibraryImport(Library, SetLastError = true)]
    public static partial int xrtRunStart(nint run);

    [LibraryImport(Library, SetLastError = true)]
    public static partial int xrtRunWait(nint run);

    [LibraryImport(Library, SetLastError = true)]
    public static partial int xrtRunWaitFor(nint run, uint timeoutMs);

    [LibraryImport(Library, SetLastError = true)]
    public static partial int xrtRunState(nint run);

    [LibraryImport(Library, SetLastError = true)]
    public static partial int xrtRunClose(nint run);

    // xrt_error.h lacks extern "C" in 2.13, so these two are exported under their C++ names too.
    [LibraryImport(Library, EntryPoint = "_Z15xrtErrorGetLastPv13xrtErrorClassPmS1_", SetLastError = true)]
    public static partial int xrtErrorGetLast(nint device, int errorClass, ulong* code, ulong* timestamp);

    [LibraryImport(Library, EntryPoint = "_Z17xrtErrorGetStringPvmPcmPm", SetLastError = true)]
    public static partial int xrtErrorGetString(nint device, ulong code, byte* text, nuint length, nuint* textLength);

    [LibraryImport(Library, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int xrtIniStringSet(string key, string value);
}
