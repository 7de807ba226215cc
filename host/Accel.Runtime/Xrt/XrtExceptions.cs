namespace Accel.Runtime.Xrt;

/// <summary>
/// XRT cannot be used in this process as configured (library missing, XILINX_XRT unset, driver library
/// absent). Raised before XRT is called, because XRT 2.13 aborts the whole process in these cases.
/// The message says how to fix it.
/// </summary>
public sealed class XrtUnavailableException(string message) : Exception(message);

/// <summary>An XRT call failed; the message carries what XRT logged for it and the errno it set.</summary>
public sealed class XrtException(string operation, string xrtMessages, int errno)
    : Exception($"XRT: {operation} failed: " +
                (xrtMessages.Length > 0 ? xrtMessages : "XRT logged no message") +
                (errno != 0 ? $" (errno {errno}: {System.Runtime.InteropServices.Marshal.GetPInvokeErrorMessage(errno)})" : ""))
{
    /// <summary>What Accel asked XRT to do, e.g. "opening kernel 'vadd'".</summary>
    public string Operation { get; } = operation;

    /// <summary>XRT's own error and warning lines logged during the call (may be empty).</summary>
    public string XrtMessages { get; } = xrtMessages;

    /// <summary>errno after the call; XRT's C API sets it on many failures (0 if not).</summary>
    public int Errno { get; } = errno;
}
