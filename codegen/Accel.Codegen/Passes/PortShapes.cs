using Accel.Codegen.Frontend;
using Accel.Codegen.Ir;

namespace Accel.Codegen.Passes;

/// <summary>A multi-dimensional port's C++ declares the dimensions of the default seed's stimulus array; a stimulus
/// run with another seed must give the same, or the C++ would index its rows with the wrong length.</summary>
public static class PortShapes
{
    public static void Check(IrKernel kernel, Hw.Stimulus stimulus)
    {
        foreach (var p in kernel.Top.Parameters)
        {
            if (p.Type is not PortType { Shape.DimValues: { } declared } || !stimulus.Arrays.TryGetValue(p.Name, out var given)) continue;
            var dims = Reference.RowMajor.Dimensions(given);
            if (!dims.SequenceEqual(declared))
                throw new KernelParameterException($"kernel '{kernel.Name}': the [Stimulus] gives the port '{p.Name}' a {string.Join(" x ", dims)} array at seed {stimulus.Seed} " +
                    $"and a {string.Join(" x ", declared)} one at the default seed; a multi-dimensional port's dimensions are its C++ declaration's, so they must not depend on the seed");
        }
    }
}
