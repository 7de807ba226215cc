using Accel.Runtime.Devices;
using Accel.Runtime.Xclbin;
using Accel.Runtime.Xrt;

namespace Accel.Cli.Commands;

/// <summary>
/// The host runtime's errors, which Cli.Run does not know: a bad xclbin, an unusable XRT, a refused argument,
/// buffer or bank are bad input (exit 2); a run that failed or timed out is a failed check (exit 1).
/// </summary>
internal static class RuntimeErrors
{
    public static int Guard(string verb, Func<int> command)
    {
        try
        {
            return command();
        }
        catch (Exception e) when (e is XclbinFormatException or XrtUnavailableException or XrtException or ArgumentException)
        {
            Console.Error.WriteLine($"accel {verb}: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is RunFailedException or RunTimeoutException)
        {
            Console.Error.WriteLine($"accel {verb}: {e.Message}");
            return ExitCodes.CheckFailed;
        }
    }
}
