package dev.oomlint.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Pins each counting formula of docs/estimate.md to hand-computed values. */
class FormulasTest {
  private static final long P = 1_000_000_000L;

  @Test
  void weightsPerDtype() {
    assertEquals(4_000_000_000L, Formulas.weights(P, Precision.FLOAT32, false));
    assertEquals(2_000_000_000L, Formulas.weights(P, Precision.FLOAT16, false));
    assertEquals(2_000_000_000L, Formulas.weights(P, Precision.BFLOAT16, false));
    assertEquals(1_000_000_000L, Formulas.weights(P, Precision.INT8, false));
  }

  @Test
  void fourBitWeightsCarryTheirBlockConstants() {
    // 0.5 byte per weight + one fp32 absmax per 64 weights = 0.5 + 4/64 = 0.5625 byte
    assertEquals(562_500_000L, Formulas.weights(P, Precision.NF4, false));
    assertEquals(562_500_000L, Formulas.weights(P, Precision.FP4, false));
    // double quantization: an 8-bit constant per 64 weights and an fp32 one per 256 blocks
    // 0.5 + 1/64 + 4/16384 = 0.5158691... byte
    assertEquals(515_869_141L, Formulas.weights(P, Precision.NF4, true));
    // QLoRA paper: 32/64 = 0.5 bit per parameter without, 8/64 + 32/(64*256) = 0.127 bit with double quantization
    assertEquals(0.5, Formulas.quantConstantsPerParameter(false) * 8, 1e-12);
    assertEquals(0.127, Formulas.quantConstantsPerParameter(true) * 8, 0.0005);
  }

  @Test
  void gradientsInTheParameterDtype() {
    assertEquals(4 * P, Formulas.gradients(P, 4));
    assertEquals(2 * P, Formulas.gradients(P, 2));
  }

  @Test
  void optimizerStatesPerParameter() {
    assertEquals(8 * P, Formulas.optimizer(P, Optimizer.ADAMW, false));
    assertEquals(8 * P, Formulas.optimizer(P, Optimizer.ADAM, false));
    assertEquals(2 * P, Formulas.optimizer(P, Optimizer.ADAMW_8BIT, false));
    assertEquals(2 * P, Formulas.optimizer(P, Optimizer.PAGED_ADAMW_8BIT, false));
    assertEquals(4 * P, Formulas.optimizer(P, Optimizer.SGD_MOMENTUM, false));
    assertEquals(0, Formulas.optimizer(P, Optimizer.SGD, false));
    // mixed precision keeps an fp32 master copy: 4 more bytes per parameter
    assertEquals(12 * P, Formulas.optimizer(P, Optimizer.ADAMW, true));
  }

  @Test
  void activationsPerLayerFollowKorthikanti() {
    long s = 2048;
    long b = 4;
    long h = 4096;
    long a = 32;
    // s*b*h*(34 + 5*a*s/h) = 2048*4*4096*(34 + 5*32*2048/4096) = 33,554,432 * 114
    assertEquals(33_554_432.0 * 114, Formulas.layerActivations(s, b, h, a, true), 1e-3);
    // without the attention matrix (SDPA / FlashAttention): s*b*h*34
    assertEquals(33_554_432.0 * 34, Formulas.layerActivations(s, b, h, a, false), 1e-3);
  }

  @Test
  void trainingActivationsWithAndWithoutCheckpointing() {
    long layers = 32;
    long sbh = 2048L * 4 * 4096;
    assertEquals(layers * sbh * 34, Formulas.trainingActivations(layers, 2048, 4, 4096, 32, false, false, 1));
    // float32 activations take twice the bytes
    assertEquals(2 * layers * sbh * 34, Formulas.trainingActivations(layers, 2048, 4, 4096, 32, false, false, 2));
    // checkpointing: every layer's input (2*s*b*h bytes) plus one layer's full activations
    assertEquals(layers * 2 * sbh + sbh * 34, Formulas.trainingActivations(layers, 2048, 4, 4096, 32, false, true, 1));
  }

  @Test
  void kvCache() {
    // Llama 2 7B, 1 sequence of 4096 tokens in fp16: 2 * 32 * 1 * 4096 * 32 * 128 * 2 = 2 GiB
    assertEquals(2L * 1024 * 1024 * 1024, Formulas.kvCache(32, 1, 4096, 32, 128, 2));
    // Llama 2 70B's grouped-query attention (8 KV heads) at the same length: 80 layers
    assertEquals(2L * 80 * 4096 * 8 * 128 * 2, Formulas.kvCache(80, 1, 4096, 8, 128, 2));
  }

  @Test
  void loraParametersOfOneLinear() {
    assertEquals(16L * (4096 + 4096), Formulas.loraParameters(16, 4096, 4096));
  }

  @Test
  void overheadIsHalfAGibibyte() {
    assertEquals(536_870_912L, Formulas.CUDA_OVERHEAD);
  }
}
