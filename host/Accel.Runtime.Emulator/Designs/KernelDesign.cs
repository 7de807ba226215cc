using Accel.Codegen;
using Accel.Codegen.Backends.Hls;
using Accel.Codegen.Frontend;
using Accel.Codegen.Ir;
using Accel.Kernels.Catalog;

namespace Accel.Runtime.Emulator.Designs;

/// <summary>
/// A design as Accel describes it: one kernel at one configuration, for a board and a clock. The emulator
/// runs it; <see cref="KernelXclbin"/> turns it into the xclbin metadata XRT loads.
/// </summary>
public sealed class KernelDesign
{
    /// <summary>Clock range in MHz: the emulator's operator latency table has columns up to 300 MHz.</summary>
    public const int MaxClockMhz = 300;

    private readonly Lazy<IrKernel> ir;

    public KernelDesign(KernelProject project, KernelInfo kernel, KernelConfig config, Board board, int clockMhz)
    {
        if (clockMhz is < 1 or > MaxClockMhz)
            throw new KernelParameterException($"clock {clockMhz} MHz: expected a whole number of MHz in [1, {MaxClockMhz}]");
        Project = project;
        Kernel = kernel;
        Config = config;
        Board = board;
        ClockMhz = clockMhz;
        ir = new(() => Transpiler.Lower(project, kernel, config));
    }

    public KernelProject Project { get; }
    public KernelInfo Kernel { get; }
    public KernelConfig Config { get; }
    public Board Board { get; }
    public int ClockMhz { get; }

    /// <summary>The kernel lowered at this configuration (its top function's parameters are the xclbin arguments).</summary>
    public IrKernel Ir => ir.Value;

    /// <summary>Whether the kernel writes this argument of its top function (an array, or an output axis stream): the
    /// outputs a run gives back.</summary>
    public bool Writes(Variable parameter) => parameter.Type is StreamType
        ? Codegen.Ir.Analysis.VariableUse.Of(Ir).WritesStream(parameter)
        : Codegen.Ir.Analysis.VariableUse.Of(Ir).IsWritten(parameter);

    /// <summary>The arguments a run gives back: the memory ports and axis streams the kernel writes.</summary>
    public IEnumerable<Variable> Outputs => Ir.Top.Parameters.Where(p => (p.Port is not null || p.Interface == InterfaceMode.Axis) && Writes(p));

    /// <summary>The name written into the xclbin, from which <see cref="FromName"/> finds this design again.</summary>
    public string Name => DesignName.Format(Kernel.Name, Config.Name, Config.Values);

    /// <summary>
    /// The design an Accel design name describes, with the kernel taken from <paramref name="project"/> and its
    /// parameters validated against their declared ranges.
    /// </summary>
    public static KernelDesign FromName(DesignName name, KernelProject project, Board board, int clockMhz)
    {
        var kernel = KernelCatalog.Find(project, name.Kernel);
        var config = KernelConfig.Resolve(kernel, null, name.Assignments) with { Name = name.Config };
        return new KernelDesign(project, kernel, config, board, clockMhz);
    }
}
