namespace Accel.Runtime.Devices;

/// <summary>State of a run; the values are XRT's ert_cmd_state so the XRT backend passes them through.</summary>
public enum RunState
{
    New = 1,
    Queued = 2,
    Running = 3,
    Completed = 4,
    Error = 5,
    Abort = 6,
    Submitted = 7,
    /// <summary>The scheduler gave up on the compute unit (not a host-side wait timeout).</summary>
    Timeout = 8,
    NoResponse = 9,
    SoftKernelError = 10,
    SoftKernelCrashed = 11,
}
