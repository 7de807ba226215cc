namespace Accel.Cli;

/// <summary>The exit codes every verb uses (sysexits' EX_SOFTWARE for Accel's own bugs).</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int CheckFailed = 1;
    public const int BadInput = 2;
    public const int InternalError = 70;
}
