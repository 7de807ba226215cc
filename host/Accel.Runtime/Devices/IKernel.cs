using Accel.Runtime.Xclbin;

namespace Accel.Runtime.Devices;

/// <summary>
/// A kernel of the loaded design. Thread-safe: several threads may allocate buffers and create runs.
/// </summary>
public interface IKernel : IDisposable
{
    string Name { get; }

    /// <summary>Arguments, ports and compute units as the xclbin describes them.</summary>
    XclbinKernel Definition { get; }

    /// <summary>
    /// Allocates a buffer of <paramref name="length"/> elements in a memory bank that argument
    /// <paramref name="argumentName"/> is connected to: <paramref name="bank"/> when given (refused if the
    /// argument is not connected to it), otherwise the argument's default bank
    /// (<see cref="ArgumentRules.DefaultBank"/>). A known element type in the argument's C spelling
    /// ("float*") must match <typeparamref name="T"/>.
    /// </summary>
    IBuffer<T> AllocateBuffer<T>(string argumentName, int length, int? bank = null) where T : unmanaged;

    /// <summary>Creates a run: a set of argument values that can be started and waited for, repeatedly.</summary>
    IRun CreateRun();
}
