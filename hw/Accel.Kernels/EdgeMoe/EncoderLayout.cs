using Accel.Hw;

namespace Accel.Kernels.EdgeMoe;

/// <summary>Where the composed encoder keeps things. On chip, one activation buffer in regions of `tokens` rows:
/// x, normed, attended and gathered (dim columns each), qkv (3 dim), the gate's logits (experts), the MLP's hidden
/// rows (mlpHidden) and the experts' (expertHidden); one buffer, so the one linear unit reads and writes all of them.
/// Off chip, every linear layer's weights in one array and their biases in another (one bundle each, so the one
/// linear unit reads all of them), layer after layer: qkv (3 dim x dim), proj (dim x dim), then for a dense (even)
/// layer fc1 (mlpHidden x dim) and fc2 (dim x mlpHidden), for an MoE (odd) layer the gates of every task
/// (task-major, experts x dim each), the experts' fc1 (experts x expertHidden x dim) and fc2 (experts x dim x
/// expertHidden). Biases follow the same order.</summary>
[KernelLibrary]
public static class EncoderLayout
{
    public static int Normed(int tokens, int dim) => tokens * dim;

    public static int Attended(int tokens, int dim) => 2 * tokens * dim;

    public static int Gathered(int tokens, int dim) => 3 * tokens * dim;

    public static int Qkv(int tokens, int dim) => 4 * tokens * dim;

    public static int Logits(int tokens, int dim) => 7 * tokens * dim;

    public static int MlpRows(int tokens, int dim, int experts) => 7 * tokens * dim + tokens * experts;

    public static int ExpertRows(int tokens, int dim, int experts, int mlpHidden) => 7 * tokens * dim + tokens * experts + tokens * mlpHidden;

    /// <summary>First weight of layer l (dense layers before it: (l + 1) / 2, MoE layers: l / 2; halved by shifts).</summary>
    public static int LayerWeights(int l, int dim, int mlpHidden, int experts, int expertHidden, int tasks) =>
        l * 4 * dim * dim + ((l + 1) >> 1) * 2 * mlpHidden * dim + (l >> 1) * (tasks * experts * dim + 2 * experts * expertHidden * dim);

    /// <summary>First bias of layer l.</summary>
    public static int LayerBiases(int l, int dim, int mlpHidden, int experts, int expertHidden, int tasks) =>
        l * 4 * dim + ((l + 1) >> 1) * (mlpHidden + dim) + (l >> 1) * (tasks * experts + experts * expertHidden + experts * dim);
}
