namespace Accel.Omap.Host;

/// <summary>Direction of one host-memory transfer as the attacker sees it.</summary>
public enum HostAccessKind : byte
{
    Read,
    Write,
}

/// <summary>One transfer between the accelerator and host memory: where, how many bytes and which way.</summary>
public readonly record struct HostAccess(long Offset, int Bytes, HostAccessKind Kind);
