namespace Accel.Emulation.Kernels.Schedule;

/// <summary>How long after an iteration starts a value is ready, along the dependences the walk follows; None
/// when it does not depend on them. <see cref="Base"/> is set while the value is the carried value plus integer
/// terms that do not depend on it: Vitis re-associates such a sum (expression balancing), so the carried value
/// meets only the last adder whatever the number of terms. <see cref="Op"/> is the costliest operator on the path.</summary>
internal readonly record struct Dep(double Latency, double Base, string? Op, double OpCycles)
{
    public static readonly Dep None = new(double.NegativeInfinity, double.NaN, null, 0);

    /// <summary>The carried value itself, at the start of the iteration.</summary>
    public static readonly Dep Start = new(0, 0, null, 0);

    /// <summary>A value known at the start of the iteration, with no re-association allowed.</summary>
    public static readonly Dep Ready = new(0, double.NaN, null, 0);

    public bool Depends => !double.IsNegativeInfinity(Latency);

    public bool Accumulates => Depends && !double.IsNaN(Base);

    /// <summary>The later of two values; two dependent values combined are no longer a plain accumulation.</summary>
    public static Dep Max(Dep a, Dep b) =>
        !a.Depends ? b : !b.Depends ? a : (a.Latency >= b.Latency ? a : b) with { Base = double.NaN };

    /// <summary>This value through one more operator.</summary>
    public Dep Then(double cycles, string op) =>
        !Depends ? this : new(Latency + cycles, double.NaN, cycles > 0 && cycles >= OpCycles ? op : Op, Math.Max(cycles, OpCycles));

    /// <summary>This value as the carried value plus independent integer terms, after one adder.</summary>
    public Dep Accumulated(double adder) => this with { Latency = Base + adder };
}
