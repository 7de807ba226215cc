namespace Accel.Codegen.Ir;

/// <summary>What a kernel's top-function interfaces decide about its flow: the Vitis kernel flow (an .xo for XRT)
/// allows only m_axi, s_axilite and axis ports (UG1399, "Interfaces for Vitis Kernel Flow"); ap_memory, ap_vld and
/// ap_none belong to the Vivado IP flow.</summary>
public static class TopInterfaces
{
    public static bool IsVivadoOnly(Variable parameter) => parameter.Interface is InterfaceMode.ApMemory or InterfaceMode.ApVld or InterfaceMode.ApNone;

    /// <summary>The top's first parameter that only the Vivado IP flow can build, or null for an XRT kernel.</summary>
    public static Variable? VivadoOnlyParameter(IrKernel kernel) => kernel.Top.Parameters.FirstOrDefault(IsVivadoOnly);

    public static IEnumerable<Variable> AxisStreams(IrKernel kernel) => kernel.Top.Parameters.Where(p => p.Interface == InterfaceMode.Axis);

    /// <summary>Control goes through s_axilite, as XRT drives it, unless the kernel is for the Vivado IP flow and has no
    /// AXI-Lite register at all (no m_axi offset, no s_axilite scalar): then the block handshake ap_ctrl_hs.</summary>
    public static bool HasAxiLiteControl(IrFunction top) =>
        !top.Parameters.Any(IsVivadoOnly) || top.Parameters.Any(p => Mode(p) is "s_axilite" or "m_axi");

    /// <summary>The pragma's mode for a parameter: its own, or m_axi / s_axilite by default.</summary>
    public static string Mode(Variable parameter) => parameter.Interface switch
    {
        InterfaceMode.Axis => "axis",
        InterfaceMode.ApMemory => "ap_memory",
        InterfaceMode.ApVld => "ap_vld",
        InterfaceMode.ApNone => "ap_none",
        _ => parameter.Port is not null ? "m_axi" : "s_axilite",
    };
}
