package dev.oomlint.estimate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Everything the estimate of one load site depends on, as read from the script (or changed by a rung
 * of the ladder of fixes). {@link #compute} applies the formulas of {@link Formulas}.
 */
final class Setup implements Cloneable {
  enum Mode { INFERENCE, LORA, FULL }

  String model;
  Long parameters;
  String parameterSource;
  String parameterDetail;
  /** llm, diffusion, vision, other; null when the model is unknown. */
  String kind;
  Architecture arch;
  Catalogue.Entry diffusion;
  long controlnetParameters;
  int resolution;
  /** Images per pipeline call ({@code num_images_per_prompt}). */
  int images = 1;
  boolean cpuOffload;

  Precision precision = Precision.FLOAT32;
  boolean doubleQuant;
  /** The compute dtype of a bitsandbytes 4-bit model ({@code bnb_4bit_compute_dtype}; float32 by default). */
  Precision computeDtype;
  /** Autocast (or Trainer/Accelerate mixed precision) over float32 weights. */
  boolean amp;
  Mode mode = Mode.INFERENCE;
  Optimizer optimizer;
  int loraR = 8;
  List<String> loraTargets;
  Integer batch;
  Integer seq;
  boolean checkpointing;
  boolean attentionMatrix;
  /** Inference of a decoder: the KV cache counts. */
  boolean generation;
  /** Optimizer states (and master weights) offloaded to the CPU. */
  boolean optimizerOffload;
  /** Inference with weights streamed from the CPU one layer at a time. */
  boolean weightOffload;

  @Override
  public Setup clone() {
    try {
      Setup s = (Setup) super.clone();
      s.loraTargets = loraTargets == null ? null : new ArrayList<>(loraTargets);
      return s;
    } catch (CloneNotSupportedException e) {
      throw new AssertionError(e);
    }
  }

  boolean training() {
    return mode != Mode.INFERENCE;
  }

  /** The byte components and what was assumed computing them. */
  record Result(SiteEstimate.Bytes bytes, List<String> notes, Long loraParameters) {}

  Result compute() {
    List<String> notes = new ArrayList<>();
    if (parameters == null) {
      return new Result(new SiteEstimate.Bytes(null, null, null, null, null, null), notes, null);
    }
    long p = parameters;
    long overhead = Formulas.CUDA_OVERHEAD;
    if ("diffusion".equals(kind)) {
      return diffusion(notes, overhead);
    }
    long weights = Formulas.weights(p, precision, doubleQuant);
    if (weightOffload && arch != null) {
      weights = weights / arch.totalLayers();
      notes.add("CPU offload: one layer's weights resident at a time (1/" + arch.totalLayers() + ")");
    }
    Long loraParams = null;
    long trainable = 0;
    Long gradients = null;
    Long optimizerBytes = null;
    if (mode == Mode.FULL) {
      trainable = p;
      if (precision.isQuantized()) {
        notes.add("quantized weights cannot be trained directly; gradients and states counted as for 16-bit weights");
      }
      int gradBytes = precision == Precision.FLOAT32 ? 4 : 2;
      gradients = Formulas.gradients(trainable, gradBytes);
      if (amp && precision == Precision.FLOAT32) {
        long copy = p * 2;
        weights += copy;
        notes.add("autocast keeps 16-bit copies of the float32 weights during the forward pass (2 bytes/parameter,"
            + " counted with the weights)");
      }
      boolean master = precision != Precision.FLOAT32;
      Optimizer o = optimizer == null ? null : optimizer;
      optimizerBytes = o == null ? (master ? trainable * 4 : 0L) : Formulas.optimizer(trainable, o, master);
      if (master) {
        notes.add("16-bit weights in training: an fp32 master copy (4 bytes/parameter), counted with the optimizer");
      }
    } else if (mode == Mode.LORA) {
      if (arch != null) {
        List<String> targets = loraTargets == null ? arch.defaultLoraTargets() : loraTargets;
        long lp = arch.loraParameters(loraR, targets);
        if (lp < 0) {
          notes.add("LoRA targets " + targets + " are not modules oomlint knows for this model: adapters not counted");
        } else {
          loraParams = lp;
        }
      } else {
        notes.add("no architecture for this model: LoRA adapters not counted");
      }
      if (loraParams != null) {
        trainable = loraParams;
        weights += trainable * 4;
        gradients = trainable * 4;
        optimizerBytes = optimizer == null ? 0L : Formulas.optimizer(trainable, optimizer, false);
        notes.add(String.format(Locale.ROOT, "LoRA r=%d on %s: %,d trainable parameters, kept in float32"
            + " (weights, gradients and optimizer states); the base model is frozen (weights only)",
            loraR, loraTargets == null ? arch.defaultLoraTargets() + " (peft's default for this family)" : loraTargets,
            trainable));
      }
    }
    if (optimizer == Optimizer.ADAFACTOR && optimizerBytes != null) {
      notes.add("Adafactor keeps factored second moments (a row and a column vector per matrix) and no first"
          + " moment by default: counted as 0 bytes per parameter");
    }
    if (optimizerOffload && optimizerBytes != null) {
      optimizerBytes = 0L;
      notes.add("optimizer states offloaded to the CPU");
    }
    Long activations = activations(notes);
    long total = weights + overhead + nz(gradients) + nz(optimizerBytes) + nz(activations);
    return new Result(new SiteEstimate.Bytes(weights, gradients, optimizerBytes, activations, overhead, total), notes,
        loraParams);
  }

  private static long nz(Long l) {
    return l == null ? 0 : l;
  }

  /** Bytes per activation value / 2: 1 for 16-bit compute, 2 for float32. */
  double activationScale() {
    if (amp) {
      return 1.0;
    }
    if (precision.isFourBit()) {
      return computeDtype == null || computeDtype == Precision.FLOAT32 ? 2.0 : 1.0;
    }
    return precision == Precision.FLOAT32 ? 2.0 : 1.0;
  }

  private Long activations(List<String> notes) {
    if (!"llm".equals(kind) || arch == null || batch == null || seq == null) {
      return null;
    }
    long s = seq;
    long b = batch;
    long h = arch.hidden();
    long a = arch.heads();
    if (training()) {
      return Formulas.trainingActivations(arch.totalLayers(), s, b, h, a, attentionMatrix, checkpointing,
          activationScale());
    }
    long working = Math.round(Formulas.layerActivations(s, b, h, a, attentionMatrix) * activationScale());
    if (generation) {
      int kvBytes = precision == Precision.FLOAT32 ? 4 : 2;
      int decoderLayers = arch.family().equals("t5") ? arch.decoderLayers() : arch.layers();
      long kv = Formulas.kvCache(decoderLayers, b, s, arch.kvHeads(), arch.headDim(), kvBytes);
      notes.add(String.format(Locale.ROOT, "activations: KV cache of %d layers × %d sequences × %d tokens"
          + " plus one layer's working set", decoderLayers, b, s));
      return kv + working;
    }
    notes.add("activations: one layer's working set (no KV cache: not a generating decoder)");
    return working;
  }

  private Result diffusion(List<String> notes, long overhead) {
    double bytes = precision.bytesPerParameter();
    long all = Math.round((parameters + controlnetParameters) * bytes);
    long weights = all;
    if (cpuOffload) {
      long largest = 0;
      for (long c : diffusion.components().values()) {
        largest = Math.max(largest, c);
      }
      weights = Math.round(Math.max(largest, controlnetParameters) * bytes);
      notes.add("model CPU offload: only the largest component (" + String.format(Locale.ROOT, "%,d", largest)
          + " parameters) is on the GPU at a time");
    }
    Guide.Minimum min = Guide.minimum(diffusion.diffusionKind(), controlnetParameters > 0, resolution);
    Long activations = null;
    if (min != null) {
      long fp16Weights = (parameters + controlnetParameters) * 2;
      long working = min.bytes() - fp16Weights - overhead;
      if (working > 0) {
        double scale = (double) resolution * resolution / ((double) min.resolution() * min.resolution()) * images;
        activations = Math.round(working * scale);
        notes.add("activations: the working set implied by the guide's minimum for " + min.label() + " ("
            + min.gb() + " GB in float16) less the float16 weights and the CUDA overhead"
            + (min.resolution() == resolution ? "" : ", scaled by pixel count to " + resolution + "×" + resolution)
            + (images == 1 ? "; one image per call" : ", times " + images + " images per call (assumed linear)"));
      } else {
        notes.add("activations not estimated: the guide's " + min.gb() + " GB minimum for " + min.label()
            + " is below the float16 weights alone (it assumes quantized or offloaded components)");
      }
    } else {
      notes.add("activations not estimated: the guide gives no minimum for this pipeline");
    }
    long total = weights + overhead + (activations == null ? 0 : activations);
    return new Result(new SiteEstimate.Bytes(weights, null, null, activations, overhead, total), notes, null);
  }
}
