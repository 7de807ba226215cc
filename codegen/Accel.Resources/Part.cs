namespace Accel.Resources;

/// <summary>An FPGA part and what it holds. <see cref="Names"/> are the names a user may give (board, card, part).</summary>
public sealed record Part(string Name, string Device, ResourceVector Capacity, IReadOnlyList<string> Names);
