using System.Runtime.InteropServices;
using System.Text;

namespace Accel.Runtime.Xrt;

/// <summary>Turns a failed XRT call into an <see cref="XrtException"/> with XRT's own words.</summary>
internal static unsafe class XrtErrors
{
    /// <summary>Call right after the failed import, before any other native call overwrites errno.</summary>
    public static XrtException CallFailed(string operation)
    {
        var errno = Marshal.GetLastPInvokeError();
        return new XrtException(operation, XrtLog.TakeNewMessages(), errno);
    }

    /// <summary>
    /// What XRT logged about a failed run, plus the device's last asynchronous errors (firewall trips,
    /// hardware faults) as xrtErrorGetString words them. Devices without error reporting (noop) add nothing.
    /// </summary>
    public static string DeviceErrors(nint device)
    {
        var logged = XrtLog.TakeNewMessages();
        var found = new List<string>();
        foreach (var errorClass in XrtNative.ErrorClasses)
        {
            ulong code, timestamp;
            if (XrtNative.xrtErrorGetLast(device, errorClass, &code, &timestamp) == 0 && code != 0)
                found.Add(Describe(device, code));
        }
        XrtLog.TakeNewMessages();   // drop what the queries logged about themselves (noop: "No such query request")
        return string.Join("; ", new[] { logged }.Concat(found).Where(s => s.Length > 0));
    }

    /// <summary>XRT's description of an error code (number, driver, severity, module, class), on one line.</summary>
    public static string Describe(nint device, ulong code)
    {
        var text = new byte[1024];
        nuint length;
        fixed (byte* p = text)
            if (XrtNative.xrtErrorGetString(device, code, p, (nuint)text.Length, &length) != 0)
                return $"error code 0x{code:X} (XRT could not describe it)";
        var end = Array.IndexOf(text, (byte)0);
        return Encoding.UTF8.GetString(text, 0, end < 0 ? text.Length : end).Trim().ReplaceLineEndings("; ");
    }
}
