using System.Globalization;
using System.Numerics;
using System.Reflection;
using Accel.Hw;

namespace Accel.Tests.Hw;

/// <summary>Accel.Hw's Int/UInt/Fixed/UFixed against Vitis's real ap_types headers: ApGolden/ap-golden.txt holds
/// what the C++ computed for every operation and mode at widths 8 to 64 on fixed random inputs
/// (scripts/aptypes/golden.cpp, rerun with scripts/aptypes/generate.sh). Each line is replayed on the C# types,
/// and a result's shape (width, integer bits, signedness, ap_int or ap_fixed) is checked as well as its bits.</summary>
public sealed class ApGoldenTests
{
    private static readonly string[] Lines = File.ReadAllLines(TestPaths.Data("ApGolden", "ap-golden.txt"));

    public static TheoryData<string> Operations => new(Lines.Select(l => l.Split(' ')[0]).Distinct());

    [Theory]
    [MemberData(nameof(Operations))]
    public void EveryLineOfAnOperationMatchesTheRealHeaders(string operation)
    {
        var lines = Lines.Where(l => l.StartsWith(operation + " ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(lines);
        var mismatches = lines.Select(l => (Line: l, Got: Replay(l.Split(' ')))).Where(r => r.Got is not null).ToList();
        Assert.True(mismatches.Count == 0,
            $"{mismatches.Count} of {lines.Count} '{operation}' lines differ; first five:\n" + string.Join("\n", mismatches.Take(5).Select(m => $"{m.Line}  (C#: {m.Got})")));
    }

    [Fact]
    public void TheDataCoversEveryModePairAtSeveralWidths()
    {
        var conversions = Lines.Where(l => l.StartsWith("conv ", StringComparison.Ordinal)).Select(l => l.Split(' ')).ToList();
        Assert.Equal(Enum.GetValues<QuantMode>().Length * Enum.GetValues<OverflowMode>().Length,
            conversions.Select(c => (c[2], c[3])).Distinct().Count());
        Assert.Superset(new HashSet<int> { 8, 16, 18, 24, 32, 40 }, conversions.Select(c => Format(c[1]).Width).ToHashSet());
    }

    /// <summary>Null when C# agrees with the line's expected result, else what C# computed.</summary>
    private static string? Replay(string[] f)
    {
        string Check(object got, string expected) => got.ToString() == expected ? "" : got.ToString()!;
        string result = f[0] switch
        {
            "conv" => Check(Store(Format(f[1]), f[2], f[3], Value(f[4], f[5])), f[6]),
            "double" => Check(StoreDouble(Format(f[1]), f[2], f[3], BitConverter.UInt64BitsToDouble(ulong.Parse(f[4], CultureInfo.InvariantCulture))), f[5]),
            "add" or "sub" or "mul" => Arithmetic(f[0], Typed(f[1], f[2]), Typed(f[3], f[4])) is var r
                && r.Format == Format(f[5]) ? Check(r.Raw, f[6]) : $"{r.Format} {r.Raw}",
            "cmp" => Check(Comparisons(Typed(f[1], f[2]), Typed(f[3], f[4])), f[5]),
            "neg" => -Typed(f[1], f[2]) is var n && n.Format == Format(f[3]) ? Check(n.Raw, f[4]) : $"{n.Format} {n.Raw}",
            "shl" => Check((Typed(f[1], f[2]) << int.Parse(f[3], CultureInfo.InvariantCulture)).Raw, f[4]),
            "shr" => Check((Typed(f[1], f[2]) >> int.Parse(f[3], CultureInfo.InvariantCulture)).Raw, f[4]),
            "toint" => Check((long)Typed(f[1], f[2]), f[3]),
            "todouble" => Check(BitConverter.DoubleToUInt64Bits((double)Typed(f[1], f[2])), f[3]),
            _ => throw new InvalidDataException($"unknown operation {f[0]}"),
        };
        return result.Length == 0 ? null : result;
    }

    private static FixedValue Arithmetic(string op, FixedValue a, FixedValue b) => op switch
    {
        "add" => a + b,
        "sub" => a - b,
        _ => a * b,
    };

    private static string Comparisons(FixedValue a, FixedValue b) =>
        string.Concat(new[] { a == b, a != b, a < b, a <= b, a > b, a >= b }.Select(x => x ? '1' : '0'));

    private static ApFormat Format(string text)
    {
        var p = text.Split(',');
        return new ApFormat(int.Parse(p[1], CultureInfo.InvariantCulture), int.Parse(p[2], CultureInfo.InvariantCulture), p[0] is "s" or "int", p[0] is "int" or "uint");
    }

    private static FixedValue Value(string format, string raw) => new(BigInteger.Parse(raw, CultureInfo.InvariantCulture), Format(format));

    /// <summary>An operand as a value of the typed C# struct of its shape (Int, UInt, Fixed or UFixed), read
    /// through FromRaw, so the operators under test are the structs' own.</summary>
    private static FixedValue Typed(string format, string raw)
    {
        var shape = Format(format);
        var type = TypeOf(shape, shape.IsInt ? null : ("Trn", "Wrap"));
        var bits = unchecked((long)(ulong)(BigInteger.Parse(raw, CultureInfo.InvariantCulture) & ulong.MaxValue));
        var value = type.GetMethod("FromRaw")!.Invoke(null, [bits])!;
        return (FixedValue)Conversion(type, type, typeof(FixedValue)).Invoke(null, [value])!;
    }

    /// <summary>A value stored into the C# type of a shape and modes (its implicit conversion from FixedValue).</summary>
    private static BigInteger Store(ApFormat shape, string q, string o, FixedValue value)
    {
        var type = TypeOf(shape, (q, o));
        return RawOf(type, Conversion(type, typeof(FixedValue), type).Invoke(null, [value])!, shape);
    }

    private static BigInteger StoreDouble(ApFormat shape, string q, string o, double value)
    {
        var type = TypeOf(shape, (q, o));
        var stored = type.GetMethods().Single(m => m.Name == "op_Explicit" && m.ReturnType == type && m.GetParameters()[0].ParameterType == typeof(double)).Invoke(null, [value])!;
        return RawOf(type, stored, shape);
    }

    // The file writes raw values sign-extended for signed shapes and as unsigned numbers otherwise.
    private static BigInteger RawOf(Type type, object value, ApFormat shape)
    {
        long raw = (long)type.GetProperty("Raw")!.GetValue(value)!;
        return shape.Signed ? raw : raw & ((BigInteger.One << shape.Width) - 1);
    }

    private static MethodInfo Conversion(Type owner, Type from, Type to) =>
        owner.GetMethods().Single(m => m.Name == "op_Implicit" && m.ReturnType == to && m.GetParameters()[0].ParameterType == from);

    private static Type TypeOf(ApFormat shape, (string Q, string O)? modes)
    {
        Type Marker(string name) => typeof(W0).Assembly.GetType("Accel.Hw." + name, throwOnError: true)!;
        if (modes is null)
            return (shape.Signed ? typeof(Int<>) : typeof(UInt<>)).MakeGenericType(Marker($"W{shape.Width}"));
        var (q, o) = modes.Value;
        return (shape.Signed ? typeof(Fixed<,,,>) : typeof(UFixed<,,,>)).MakeGenericType(Marker($"W{shape.Width}"), Marker($"W{shape.IntBits}"), Marker(q), Marker(o));
    }
}
