namespace Accel.Codegen.Ir;

/// <summary>
/// The hardware operators a kernel's IR is built from: the one vocabulary of the emulator's operator latency
/// table (<c>emulator/Accel.Emulation.Kernels/Schedule/operator-latencies.json</c>) and the estimator's
/// operator cost table (<c>codegen/Accel.Resources/operator-costs.json</c>, calibrated with Yosys). Integer
/// operators appear in both; <see cref="Muxn"/> and <see cref="Clz"/> are costed only (the schedule times them
/// as chains of 2:1 muxes); the block RAM read and the floating-point cores are timed only (the estimator costs
/// them as memories and IP cores of their own).
/// </summary>
public enum OperatorKind
{
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    /// <summary>An ordered compare (less than, and the others built from it).</summary>
    Lt,
    Eq,
    /// <summary>Bitwise logic (and, or, xor).</summary>
    And,
    /// <summary>A 2:1 multiplexer.</summary>
    Mux,
    /// <summary>An n:1 multiplexer (a run-time read of a register array).</summary>
    Muxn,
    /// <summary>A shift by a run-time amount; a shift by a constant is wiring.</summary>
    Shl,
    Shr,
    /// <summary>Count of leading zeros.</summary>
    Clz,
    BramRead,
    /// <summary>Floating-point cores, 32 bits float, 64 bits double.</summary>
    FloatAdd,
    FloatMul,
    FloatDiv,
    /// <summary>int to float, float to int, float to double and back.</summary>
    FloatConvert,
}
