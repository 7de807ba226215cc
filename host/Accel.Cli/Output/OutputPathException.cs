namespace Accel.Cli.Output;

/// <summary>An output path Accel cannot write (an unwritable or missing folder, a full disk): bad input (exit 2),
/// the message names the option and the path.</summary>
public sealed class OutputPathException(string message, Exception? inner = null) : Exception(message, inner);
