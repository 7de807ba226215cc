namespace Accel.Hw;

/// <summary>Marks a class as an accelerator kernel. Its primary-constructor parameters are the kernel's
/// compile-time parameters (constants in the generated C++); its [Top] method is the HLS top function.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class KernelAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>The kernel's top function: the one that becomes the HLS top and the XRT kernel.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class TopAttribute : Attribute;

/// <summary>An off-chip memory port (HLS m_axi). Arrays passed to the top function must carry it.
/// <paramref name="bundle"/> groups ports onto one AXI master; <paramref name="bank"/> is the memory
/// the port is connected to in link.cfg (e.g. "HBM[0]", "DDR[1]", "HOST[0]").</summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class MAxiAttribute(string bundle, string bank = "HBM[0]") : Attribute
{
    public string Bundle { get; } = bundle;
    public string Bank { get; } = bank;
    /// <summary>Data width of the AXI master in bits (what the emulator times and the pragma requests).</summary>
    public int WidthBits { get; init; } = 512;
    public int MaxBurst { get; init; } = 16;
    public int MaxOutstanding { get; init; } = 16;
    public int LatencyCycles { get; init; } = 64;
}

/// <summary>An instance field computed by C# at generation time and emitted as a constant array with the
/// same bits. The field initializer may use any C# (double math included); it never becomes C++.</summary>
[AttributeUsage(AttributeTargets.Field, Inherited = false)]
public sealed class LookupTableAttribute : Attribute;

/// <summary>Accepted range of a kernel parameter, checked before the kernel is built or run.</summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class RangeAttribute(long min, long max) : Attribute
{
    public long Min { get; } = min;
    public long Max { get; } = max;
}

/// <summary>A named parameter set, e.g. [Config("small", "rowLength=16,lanes=1")].</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ConfigAttribute(string name, string assignments) : Attribute
{
    public string Name { get; } = name;
    public string Assignments { get; } = assignments;
}

/// <summary>The method that fills a <see cref="Stimulus"/> with seeded golden inputs: gen, csim and emulate
/// call it; it never becomes C++. Signature: <c>void Name(Stimulus s)</c>.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class StimulusAttribute : Attribute;

/// <summary>A static class of functions that kernels share: its static methods transpile like the kernel's own
/// (as C++ functions named Class_Method). They see no kernel parameters or tables: pass what they need.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class KernelLibraryAttribute : Attribute;

/// <summary>A parameter that selects a variant to compare (e.g. a loop order): sweeps cover all its values
/// unless the sweep fixes it, so each point is reported for every variant.</summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class VariantAttribute : Attribute;

/// <summary>A condition on the kernel's parameters that every configuration must meet, checked before the kernel
/// is built or run, e.g. [Requires("topK <= experts", "top-k picks among the experts")]. The condition is a C#
/// expression over parameter names, integer literals, + - * / %, comparisons, &amp;&amp;, || and !.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class RequiresAttribute(string condition, string reason = "") : Attribute
{
    public string Condition { get; } = condition;
    public string Reason { get; } = reason;
}

/// <summary>An AXI4-Stream port (HLS axis) on a <c>Stream&lt;T&gt;</c> parameter of the top function: the kernel either
/// reads it (an input) or writes it (an output), one word per transfer. The stimulus gives an input's words as the
/// array of that name and an output's expected word count with <c>Output&lt;T&gt;</c>.</summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class AxisAttribute : Attribute;

/// <summary>A block-RAM port (HLS ap_memory) on an array parameter of the top function: address, data, chip and
/// write enable, for a memory outside the kernel. Vivado IP flow only: an XRT kernel cannot have it.</summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class ApMemoryAttribute : Attribute;

/// <summary>A scalar input of the top function as a wire with a valid signal (HLS ap_vld) instead of a control
/// register. Vivado IP flow only.</summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class ApVldAttribute : Attribute;

/// <summary>A scalar input of the top function as a plain wire without handshake (HLS ap_none): it must hold its
/// value for the whole run. Vivado IP flow only.</summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class ApNoneAttribute : Attribute;
