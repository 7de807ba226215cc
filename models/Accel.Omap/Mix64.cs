using Accel.Kernels.Omap;

namespace Accel.Omap;

/// <summary>SplitMix64's finaliser (the one the controller kernel hashes keys with).</summary>
internal static class Mix64
{
    public static ulong Of(ulong z) => OmapControllerLayout.Mix(z);
}
