using System.Diagnostics;
using System.Reflection;

namespace Accel.Codegen.Reference;

/// <summary>The kernel's own C# threw (a division by zero, an index out of range, a read from an empty stream):
/// a fault of the user's design, reported at its place in the kernel's source, not a bug in Accel.</summary>
public sealed class KernelFaultException(string kernel, string method, string? location, Exception fault)
    : Exception($"kernel '{kernel}' threw {fault.GetType().Name} in {method}{(location is null ? "" : $" at {location}")}: {fault.Message}", fault)
{
    public string Kernel { get; } = kernel;

    /// <summary><c>File.cs(line,col)</c> of the innermost frame in the kernel's own code, when line information exists.</summary>
    public string? Location { get; } = location;

    /// <summary>The innermost frame of <paramref name="fault"/> that lies in <paramref name="kernelAssembly"/>, as
    /// <c>file(line,col)</c>; null when the assembly carries no line information.</summary>
    public static string? LocationIn(Exception fault, Assembly kernelAssembly)
    {
        foreach (var frame in new StackTrace(fault, fNeedFileInfo: true).GetFrames())
        {
            if (frame.GetMethod()?.DeclaringType?.Assembly != kernelAssembly) continue;
            if (frame.GetFileName() is { } file && frame.GetFileLineNumber() > 0)
                return $"{file}({frame.GetFileLineNumber()},{Math.Max(frame.GetFileColumnNumber(), 1)})";
        }
        return null;
    }
}
