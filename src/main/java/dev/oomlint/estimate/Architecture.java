package dev.oomlint.estimate;

import java.util.Map;

/**
 * The shape of a transformer, as its {@code config.json} gives it: enough to count its parameters
 * and to size its activations, KV cache and LoRA adapters.
 *
 * @param family {@code llama} (also Mistral, Mixtral, Qwen2, Gemma, Gemma 2, Phi-3), {@code gpt2},
 *     {@code gpt_neox}, {@code bert} (also RoBERTa), {@code t5}
 * @param layers transformer blocks (for T5: encoder blocks; {@code decoderLayers} separately)
 * @param hidden model width h
 * @param heads attention heads a
 * @param kvHeads key/value heads (grouped-query attention), = heads without GQA
 * @param headDim width of one head (h/a unless the config says otherwise)
 * @param intermediate MLP width
 * @param vocab vocabulary size
 * @param maxPositions the longest sequence the model takes ({@code max_position_embeddings})
 * @param tied whether the output head shares the input embedding
 * @param qkvBias whether q/k/v projections have biases (Qwen2)
 * @param norms norms per block (Gemma 2 has 4)
 * @param experts MLP experts per block (Mixtral: 8), 1 for a dense model
 * @param typeVocab BERT's token-type vocabulary
 * @param gated T5 v1.1 gated-GELU feed-forward (three matrices instead of two)
 * @param decoderLayers T5 decoder blocks
 */
public record Architecture(String family, int layers, int hidden, int heads, int kvHeads, int headDim,
    int intermediate, int vocab, int maxPositions, boolean tied, boolean qkvBias, int norms, int experts,
    int typeVocab, boolean gated, int decoderLayers) {

  /** A Llama-shaped decoder. */
  public static Architecture llama(int layers, int hidden, int heads, int kvHeads, int headDim, int intermediate,
      int vocab, int maxPositions, boolean tied, boolean qkvBias, int norms, int experts) {
    return new Architecture("llama", layers, hidden, heads, kvHeads, headDim == 0 ? hidden / heads : headDim,
        intermediate, vocab, maxPositions, tied, qkvBias, norms, experts, 0, false, 0);
  }

  /** The total parameter count, from the family's layout. */
  public long parameters() {
    long h = hidden;
    long v = vocab;
    long i = intermediate;
    long l = layers;
    return switch (family) {
      case "gpt2" -> v * h + (long) maxPositions * h + l * (12 * h * h + 13 * h) + 2 * h;
      case "gpt_neox" -> v * h * (tied ? 1 : 2) + l * (4 * h + 3 * h * h + 3 * h + h * h + h + h * i + i + i * h + h)
          + 2 * h;
      case "bert" -> v * h + (long) maxPositions * h + (long) typeVocab * h + 2 * h
          + l * (4 * h * h + 4 * h + 2 * h + 2 * h * i + i + h + 2 * h) + h * h + h;
      case "t5" -> {
        long inner = (long) heads * headDim;
        long ff = (gated ? 3 : 2) * h * i;
        long enc = l * (4 * h * inner + h + ff + h) + 32L * heads + h;
        long dec = (long) decoderLayers * (8 * h * inner + ff + 3 * h) + 32L * heads + h;
        yield v * h * (tied ? 1 : 2) + enc + dec;
      }
      default -> {
        long hd = headDim;
        long attn = h * heads * hd * 2 + h * kvHeads * hd * 2 + (qkvBias ? heads * hd + 2L * kvHeads * hd : 0);
        long mlp = 3 * h * i * experts + (experts > 1 ? h * experts : 0);
        yield v * h * (tied ? 1 : 2) + l * (attn + mlp + norms * h) + h;
      }
    };
  }

  /** Blocks that keep activations (T5: encoder and decoder). */
  public int totalLayers() {
    return layers + decoderLayers;
  }

  /**
   * The input and output widths of a linear module by its usual name in this family, or null when
   * the family has no module of that name. Used to count LoRA parameters.
   */
  public int[] linearShape(String module) {
    int q = heads * headDim;
    int kv = kvHeads * headDim;
    Map<String, int[]> shapes = switch (family) {
      case "gpt2" -> Map.of("c_attn", new int[] {hidden, 3 * hidden}, "c_proj", new int[] {hidden, hidden},
          "c_fc", new int[] {hidden, intermediate});
      case "gpt_neox" -> Map.of("query_key_value", new int[] {hidden, 3 * hidden}, "dense", new int[] {hidden, hidden},
          "dense_h_to_4h", new int[] {hidden, intermediate}, "dense_4h_to_h", new int[] {intermediate, hidden});
      case "bert" -> Map.of("query", new int[] {hidden, hidden}, "key", new int[] {hidden, hidden},
          "value", new int[] {hidden, hidden}, "dense", new int[] {hidden, hidden});
      case "t5" -> Map.of("q", new int[] {hidden, q}, "k", new int[] {hidden, q}, "v", new int[] {hidden, q},
          "o", new int[] {q, hidden}, "wi", new int[] {hidden, intermediate}, "wo", new int[] {intermediate, hidden});
      default -> Map.of("q_proj", new int[] {hidden, q}, "k_proj", new int[] {hidden, kv},
          "v_proj", new int[] {hidden, kv}, "o_proj", new int[] {q, hidden},
          "gate_proj", new int[] {hidden, intermediate}, "up_proj", new int[] {hidden, intermediate},
          "down_proj", new int[] {intermediate, hidden}, "qkv_proj", new int[] {hidden, q + 2 * kv},
          "gate_up_proj", new int[] {hidden, 2 * intermediate});
    };
    return shapes.get(module);
  }

  /** How many times a module appears per block (T5's attention modules: 1 in the encoder, 2 in the decoder). */
  int perLayerCount(String module) {
    if (family.equals("t5") && (module.equals("q") || module.equals("k") || module.equals("v") || module.equals("o"))) {
      return 1;
    }
    if (family.equals("llama") && experts > 1 && (module.endsWith("_proj") && (module.startsWith("gate")
        || module.startsWith("up") || module.startsWith("down")))) {
      return experts;
    }
    return 1;
  }

  /** The modules peft adapts by default for this family (peft's TRANSFORMERS_MODELS_TO_LORA_TARGET_MODULES_MAPPING). */
  public java.util.List<String> defaultLoraTargets() {
    return switch (family) {
      case "gpt2" -> java.util.List.of("c_attn");
      case "gpt_neox" -> java.util.List.of("query_key_value");
      case "bert" -> java.util.List.of("query", "value");
      case "t5" -> java.util.List.of("q", "v");
      default -> java.util.List.of("q_proj", "v_proj");
    };
  }

  /** Every linear module name of the family ({@code target_modules="all-linear"}, the head excluded). */
  public java.util.List<String> allLinear() {
    return switch (family) {
      case "gpt2" -> java.util.List.of("c_attn", "c_proj", "c_fc");
      case "gpt_neox" -> java.util.List.of("query_key_value", "dense", "dense_h_to_4h", "dense_4h_to_h");
      case "bert" -> java.util.List.of("query", "key", "value", "dense");
      case "t5" -> java.util.List.of("q", "k", "v", "o", "wi", "wo");
      default -> java.util.List.of("q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj");
    };
  }

  /**
   * LoRA's trainable parameters: {@code r·(in + out)} for every targeted linear module of every block.
   * Returns -1 when a target is not a module of this family.
   */
  public long loraParameters(int r, java.util.List<String> targets) {
    long perBlock = 0;
    long decoderExtra = 0;
    for (String t : targets) {
      int[] s = linearShape(t);
      if (s == null) {
        return -1;
      }
      long one = Formulas.loraParameters(r, s[0], s[1]) * perLayerCount(t);
      if (family.equals("gpt2") && t.equals("c_proj")) {
        // GPT-2 names the attention output and the MLP output both c_proj: a target matches both
        one += Formulas.loraParameters(r, intermediate, hidden);
      }
      if (family.equals("bert") && t.equals("dense")) {
        // BERT's attention output, intermediate and output are all "dense"
        one = Formulas.loraParameters(r, hidden, hidden) + Formulas.loraParameters(r, hidden, intermediate)
            + Formulas.loraParameters(r, intermediate, hidden);
      }
      perBlock += one;
      if (family.equals("t5")) {
        boolean attention = t.length() == 1;
        decoderExtra += attention ? 2 * one : one; // self- and cross-attention in the decoder
      }
    }
    return (long) layers * perBlock + (long) decoderLayers * decoderExtra;
  }
}
