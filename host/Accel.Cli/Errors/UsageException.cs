namespace Accel.Cli;

/// <summary>A command line Accel cannot act on: an option's value out of range, options that exclude each other,
/// an unknown action. The message names the option, the value and what is accepted (exit 2).</summary>
public sealed class UsageException(string message) : Exception(message);
