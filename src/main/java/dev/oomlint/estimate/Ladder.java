package dev.oomlint.estimate;

import java.util.ArrayList;
import java.util.List;

/**
 * The guide's ladder of fixes for a site that does not fit, cheapest change first: 16-bit weights,
 * 8-bit, 4-bit, LoRA instead of full fine-tuning, an 8-bit optimizer, gradient checkpointing, the
 * largest batch that fits, CPU offload. Each rung is applied alone to the site's set-up and carries
 * its own total; rungs that change nothing or save nothing are left out.
 */
final class Ladder {
  private Ladder() {}

  static List<SiteEstimate.Suggestion> of(Setup base, long budget) {
    long current = base.compute().bytes().total();
    List<SiteEstimate.Suggestion> out = new ArrayList<>();
    if (base.parameters == null) {
      return out;
    }
    if ("diffusion".equals(base.kind)) {
      if (base.precision == Precision.FLOAT32) {
        Setup s = base.clone();
        s.precision = Precision.FLOAT16;
        add(out, SiteEstimate.Change.FLOAT16, "load in float16 (torch_dtype=torch.float16, variant=\"fp16\")", s, current);
      }
      if (!base.cpuOffload) {
        Setup s = base.clone();
        s.cpuOffload = true;
        add(out, SiteEstimate.Change.PIPELINE_CPU_OFFLOAD, "pipe.enable_model_cpu_offload() instead of pipe.to(\"cuda\")", s, current);
      }
      return out;
    }
    boolean training = base.training();
    if (base.precision == Precision.FLOAT32) {
      Setup s = base.clone();
      s.precision = Precision.BFLOAT16;
      s.amp = false;
      add(out, SiteEstimate.Change.BFLOAT16, "load in bfloat16 (torch_dtype=torch.bfloat16)", s, current);
    }
    if (base.mode == Setup.Mode.FULL) {
      if (base.precision != Precision.INT8 && !base.precision.isFourBit() && base.arch != null) {
        Setup s = lora(base);
        s.precision = Precision.INT8;
        add(out, SiteEstimate.Change.INT8_LORA, "8-bit base (BitsAndBytesConfig(load_in_8bit=True)) with LoRA r=8: weights cannot be trained"
            + " in 8-bit", s, current);
        Setup q = lora(base);
        q.precision = Precision.NF4;
        q.doubleQuant = true;
        q.computeDtype = Precision.BFLOAT16;
        add(out, SiteEstimate.Change.QLORA, "QLoRA: 4-bit NF4 base with double quantization and bfloat16 compute, LoRA r=8", q, current);
      }
    } else {
      if (base.precision != Precision.INT8 && !base.precision.isFourBit()) {
        Setup s = base.clone();
        s.precision = Precision.INT8;
        add(out, SiteEstimate.Change.INT8, "load in 8-bit (quantization_config=BitsAndBytesConfig(load_in_8bit=True))", s, current);
      }
      if (!base.precision.isFourBit()) {
        Setup s = base.clone();
        s.precision = Precision.NF4;
        s.doubleQuant = true;
        s.computeDtype = Precision.BFLOAT16;
        add(out, SiteEstimate.Change.FOUR_BIT, "load in 4-bit (BitsAndBytesConfig(load_in_4bit=True, bnb_4bit_quant_type=\"nf4\","
            + " bnb_4bit_use_double_quant=True, bnb_4bit_compute_dtype=torch.bfloat16))", s, current);
      }
    }
    if (base.mode == Setup.Mode.FULL && base.arch != null) {
      add(out, SiteEstimate.Change.LORA, "LoRA (r=8 on " + base.arch.defaultLoraTargets() + ") instead of full fine-tuning", lora(base), current);
    }
    if (training && base.optimizer != null && base.optimizer.hasEightBitVariant()) {
      Setup s = base.clone();
      s.optimizer = Optimizer.ADAMW_8BIT;
      add(out, SiteEstimate.Change.OPTIMIZER_8BIT, "8-bit AdamW (optim=\"adamw_bnb_8bit\" or bitsandbytes.optim.AdamW8bit)", s, current);
    }
    Long activations = base.compute().bytes().activations();
    if (training && !base.checkpointing && activations != null) {
      Setup s = base.clone();
      s.checkpointing = true;
      add(out, SiteEstimate.Change.GRADIENT_CHECKPOINTING, "gradient checkpointing (model.gradient_checkpointing_enable() or gradient_checkpointing=True)",
          s, current);
    }
    if (activations != null && base.batch != null && base.batch > 1) {
      for (int b = base.batch - 1; b >= 1; b--) {
        Setup s = base.clone();
        s.batch = b;
        long t = s.compute().bytes().total();
        if (t <= budget) {
          add(out, SiteEstimate.Change.SMALLER_BATCH, "batch size " + b + " (the largest that fits)", s, current);
          break;
        }
      }
    }
    if (training && base.optimizer != null && base.optimizer.bytesPerParameter() > 0 || training
        && base.precision != Precision.FLOAT32 && base.mode == Setup.Mode.FULL) {
      Setup s = base.clone();
      s.optimizerOffload = true;
      add(out, SiteEstimate.Change.OPTIMIZER_OFFLOAD, "offload the optimizer states to the CPU (DeepSpeed ZeRO-Offload, offload_optimizer)", s, current);
    } else if (!training && base.arch != null) {
      Setup s = base.clone();
      s.weightOffload = true;
      add(out, SiteEstimate.Change.WEIGHT_OFFLOAD, "CPU offload of the weights (device_map=\"auto\" with max_memory, or sequential offload; slow)", s,
          current);
    }
    return out;
  }

  private static Setup lora(Setup base) {
    Setup s = base.clone();
    s.mode = Setup.Mode.LORA;
    s.loraR = 8;
    s.loraTargets = null;
    return s;
  }

  private static void add(List<SiteEstimate.Suggestion> out, SiteEstimate.Change kind, String change, Setup s,
      long current) {
    Long t = s.compute().bytes().total();
    if (t != null && t < current) {
      out.add(new SiteEstimate.Suggestion(kind, change, t));
    }
  }
}
