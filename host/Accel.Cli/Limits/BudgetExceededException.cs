namespace Accel.Cli.Limits;

/// <summary>A run went past its memory budget or its time limit and was stopped (exit 1). The message names the
/// kernel, what of it was running, the figure reached and the option that raises the limit.</summary>
public sealed class BudgetExceededException(string message) : Exception(message);
