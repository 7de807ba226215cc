using System.Globalization;
using Accel.Codegen.Ir;

namespace Accel.Codegen.Backends.Hls;

/// <summary>How IR types, constants, intrinsics and directives are spelled in C++.</summary>
internal static class CppSpellings
{
    public static string Type(IrType type) => type switch
    {
        VoidType => "void",
        BoolType => "bool",
        IntType i => $"{(i.Signed ? "" : "u")}int{i.Bits}_t",
        FloatType { Bits: 32 } => "float",
        FloatType => "double",
        ApType a => ApSpelling(a),
        AggregateType a => a.Name,
        _ => throw new InternalCompilerException($"no C++ spelling for {type}"),
    };

    /// <summary>ap_int&lt;W&gt;, ap_uint&lt;W&gt;, ap_fixed&lt;W, I&gt; or ap_fixed&lt;W, I, AP_RND, AP_SAT&gt; (the
    /// modes written when not Vitis's defaults, AP_TRN and AP_WRAP).</summary>
    private static string ApSpelling(ApType a)
    {
        var f = a.Format;
        if (f.IsInt) return $"ap_{(f.Signed ? "" : "u")}int<{f.Width}>";
        var modes = a is { Quant: Hw.QuantMode.Trn, Overflow: Hw.OverflowMode.Wrap } ? "" : $", {QuantModes[a.Quant]}, {OverflowModes[a.Overflow]}";
        return $"ap_{(f.Signed ? "" : "u")}fixed<{f.Width}, {f.IntBits}{modes}>";
    }

    private static readonly Dictionary<Hw.QuantMode, string> QuantModes = new()
    {
        [Hw.QuantMode.Trn] = "AP_TRN", [Hw.QuantMode.TrnZero] = "AP_TRN_ZERO", [Hw.QuantMode.Rnd] = "AP_RND",
        [Hw.QuantMode.RndZero] = "AP_RND_ZERO", [Hw.QuantMode.RndMinInf] = "AP_RND_MIN_INF", [Hw.QuantMode.RndInf] = "AP_RND_INF",
        [Hw.QuantMode.RndConv] = "AP_RND_CONV",
    };

    private static readonly Dictionary<Hw.OverflowMode, string> OverflowModes = new()
    {
        [Hw.OverflowMode.Wrap] = "AP_WRAP", [Hw.OverflowMode.Sat] = "AP_SAT", [Hw.OverflowMode.SatZero] = "AP_SAT_ZERO", [Hw.OverflowMode.SatSym] = "AP_SAT_SYM",
    };

    public static string Constant(IrType type, long value, double floatValue) => type switch
    {
        BoolType => value != 0 ? "true" : "false",
        IntType { Bits: 32, Signed: true } => value == int.MinValue ? "(-2147483647 - 1)" : value.ToString(CultureInfo.InvariantCulture),
        IntType { Bits: 64, Signed: true } => value == long.MinValue ? "INT64_MIN" : $"INT64_C({value.ToString(CultureInfo.InvariantCulture)})",
        IntType { Bits: 32, Signed: false } => $"{(uint)value}u",
        IntType { Bits: 64, Signed: false } => $"UINT64_C({(ulong)value})",
        IntType i => $"static_cast<{Type(i)}>({value.ToString(CultureInfo.InvariantCulture)})",
        FloatType { Bits: 32 } => HexFloat(floatValue) + "f",
        FloatType => HexFloat(floatValue),
        ApType a when value == 0 => $"{Type(a)}(0)", // default(T): zero (a default-constructed ap value may hold anything)
        _ => throw new InternalCompilerException($"no C++ constant of type {type}"),
    };

    /// <summary>Exact, locale-free spelling of a floating-point value (C++17 hexadecimal literal).</summary>
    private static string HexFloat(double value)
    {
        if (value == 0) return double.IsNegative(value) ? "-0.0" : "0.0";
        long bits = BitConverter.DoubleToInt64Bits(value);
        string sign = bits < 0 ? "-" : "";
        int exponent = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xFFFFFFFFFFFFFL;
        string lead = exponent == 0 ? "0" : "1";
        int e = exponent == 0 ? -1022 : exponent - 1023;
        return $"{sign}0x{lead}.{mantissa:x13}p{e}";
    }

    public static string Intrinsic(Intrinsic intrinsic) => intrinsic.Info().Cpp;

    /// <summary>An ARRAY_PARTITION or ARRAY_RESHAPE pragma, or null for a factor-1 one (it asks for nothing).</summary>
    private static string? Partition(string pragma, string variable, Hw.PartitionKind kind, int factor, int dim) => kind switch
    {
        Hw.PartitionKind.Complete => $"HLS {pragma} variable={variable} type=complete dim={dim}",
        _ when factor <= 1 => null,
        _ => $"HLS {pragma} variable={variable} type={kind.ToString().ToLowerInvariant()} factor={factor} dim={dim}",
    };

    /// <summary>The pragma text of a directive, or null when it asks for nothing (a factor-1 partition).</summary>
    public static string? Pragma(Directive directive) => directive switch
    {
        PipelineDirective p => $"HLS PIPELINE II={p.II}",
        UnrollDirective { Factor: 0 } => "HLS UNROLL",
        UnrollDirective u => $"HLS UNROLL factor={u.Factor}",
        ArrayPartitionDirective a => Partition(a.PragmaName, a.Array.Name, a.Kind, a.Factor, a.Dim),
        TablePartitionDirective t => Partition("ARRAY_PARTITION", t.Table.Name, t.Kind, t.Factor, 1),
        DataflowDirective => "HLS DATAFLOW",
        AllocationDirective a => $"HLS ALLOCATION function instances={a.Function} limit={a.Limit}",
        InlineDirective { On: true } => "HLS INLINE",
        InlineDirective => "HLS INLINE off",
        DependenceDirective { Carried: false } d => $"HLS DEPENDENCE variable={d.Array.Name} type=inter dependent=false",
        DependenceDirective { Distance: > 0 } d => $"HLS DEPENDENCE variable={d.Array.Name} type=inter dependent=true distance={d.Distance}",
        DependenceDirective d => $"HLS DEPENDENCE variable={d.Array.Name} type=inter dependent=true",
        LoopTripCountDirective t => $"HLS LOOP_TRIPCOUNT min={t.Min} max={t.Max}",
        _ => throw new InternalCompilerException($"no pragma for {directive}"),
    };

    public static string PragmaLine(string text) => $"ACCEL_PRAGMA(\"{text}\")";
}
