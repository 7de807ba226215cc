namespace Accel.Codegen.Reference;

/// <summary>A run went past its memory budget or its time limit and was stopped, or would certainly go past the
/// budget and was refused before spending it (exit 1). The message names the kernel, what of it was running, the
/// figure reached or needed and the option that raises the limit.</summary>
public sealed class BudgetExceededException(string message) : Exception(message);
