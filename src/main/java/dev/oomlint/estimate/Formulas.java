package dev.oomlint.estimate;

/**
 * The counting formulas of docs/estimate.md, each a pure function of its inputs (tests pin every one).
 * All results are bytes.
 */
public final class Formulas {
  private Formulas() {}

  /** The stated CUDA context and allocator overhead: 0.5 GiB. */
  public static final long CUDA_OVERHEAD = 512L * 1024 * 1024;

  /** Weights in a 4-bit block are quantized in blocks of 64, each with one absmax constant (QLoRA, Dettmers et al. 2023). */
  public static final int BLOCK = 64;
  /** With double quantization the block constants are themselves quantized to 8 bits in blocks of 256. */
  public static final int SECOND_BLOCK = 256;

  /**
   * Weights: parameters × bytes of the load dtype; for 4-bit, 0.5 byte per weight plus one fp32
   * constant per 64-weight block (4/64 = 0.0625 byte), or with double quantization one 8-bit constant
   * per block and one fp32 constant per 256 blocks (1/64 + 4/(64·256) ≈ 0.0159 byte).
   */
  public static long weights(long parameters, Precision p, boolean doubleQuant) {
    if (!p.isFourBit()) {
      return Math.round(parameters * p.bytesPerParameter());
    }
    double perParam = 0.5 + quantConstantsPerParameter(doubleQuant);
    return Math.round(parameters * perParam);
  }

  /** Bytes of quantization constants per 4-bit weight. */
  public static double quantConstantsPerParameter(boolean doubleQuant) {
    return doubleQuant ? 1.0 / BLOCK + 4.0 / ((double) BLOCK * SECOND_BLOCK) : 4.0 / BLOCK;
  }

  /** Gradients: one per trainable parameter, in the parameter dtype. */
  public static long gradients(long trainable, int gradBytes) {
    return trainable * gradBytes;
  }

  /** Optimizer states, plus the fp32 master copy (4 bytes per parameter) when {@code masterCopy}. */
  public static long optimizer(long trainable, Optimizer o, boolean masterCopy) {
    return Math.round(trainable * o.bytesPerParameter()) + (masterCopy ? trainable * 4 : 0);
  }

  /**
   * Activations of one transformer layer in training, 16-bit (Korthikanti et al. 2022, eq. 1):
   * {@code s·b·h·(34 + 5·a·s/h)}; the attention-matrix term {@code 5·a·s/h} is dropped when the
   * attention kernel never materialises the matrix (SDPA memory-efficient or FlashAttention).
   */
  public static double layerActivations(long s, long b, long h, long a, boolean attentionMatrix) {
    double base = 34.0 * s * b * h;
    return attentionMatrix ? base + 5.0 * a * s * s * b : base;
  }

  /**
   * Activations kept for the backward pass of {@code layers} layers: every layer's full activations,
   * or with gradient checkpointing each layer's input ({@code 2·s·b·h}) plus one layer's full set.
   * {@code scale} is activation bytes / 2 (1 in 16-bit, 2 in fp32).
   */
  public static long trainingActivations(long layers, long s, long b, long h, long a, boolean attentionMatrix,
      boolean checkpointing, double scale) {
    double one = layerActivations(s, b, h, a, attentionMatrix);
    double total = checkpointing ? layers * 2.0 * s * b * h + one : layers * one;
    return Math.round(total * scale);
  }

  /** The KV cache of generation: {@code 2 · layers · b · s · kv_heads · head_dim · bytes}. */
  public static long kvCache(long layers, long b, long s, long kvHeads, long headDim, int bytes) {
    return 2L * layers * b * s * kvHeads * headDim * bytes;
  }

  /** LoRA's trainable parameters for one adapted linear layer {@code in → out}: {@code r·(in + out)}. */
  public static long loraParameters(long r, long in, long out) {
    return r * (in + out);
  }
}
