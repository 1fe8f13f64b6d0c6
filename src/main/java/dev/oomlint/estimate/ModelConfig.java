package dev.oomlint.estimate;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.oomlint.source.RegularFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads a Hugging Face {@code config.json} into an {@link Architecture} for the families whose
 * layout {@link Architecture#parameters} knows. Never throws: a config it cannot read is null.
 */
public final class ModelConfig {
  private ModelConfig() {}

  /** The families read, by {@code model_type}. */
  static final Map<String, String> FAMILIES = Map.ofEntries(Map.entry("llama", "llama"),
      Map.entry("mistral", "llama"), Map.entry("mixtral", "llama"), Map.entry("qwen2", "llama"),
      Map.entry("gemma", "llama"), Map.entry("gemma2", "llama"), Map.entry("phi3", "llama"),
      Map.entry("gpt2", "gpt2"), Map.entry("gpt_neox", "gpt_neox"), Map.entry("bert", "bert"),
      Map.entry("roberta", "bert"), Map.entry("t5", "t5"));

  /** The outcome of reading one config: the architecture, or why there is none. */
  public record Read(Architecture architecture, String modelType, String torchDtype, String problem) {}

  public static Read read(Path configJson) {
    String text;
    try {
      text = new String(RegularFiles.read(configJson), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return new Read(null, null, null, "cannot read " + configJson.getFileName());
    }
    return parse(text);
  }

  public static Read parse(String text) {
    JsonObject o;
    try {
      JsonElement e = JsonParser.parseString(text);
      if (!e.isJsonObject()) {
        return new Read(null, null, null, "config.json is not a JSON object");
      }
      o = e.getAsJsonObject();
    } catch (RuntimeException e) {
      return new Read(null, null, null, "config.json is not valid JSON");
    }
    String type = str(o, "model_type");
    String dtype = str(o, "torch_dtype");
    if (dtype == null) {
      dtype = str(o, "dtype");
    }
    if (type == null) {
      return new Read(null, null, dtype, "config.json has no model_type");
    }
    String family = FAMILIES.get(type);
    if (family == null) {
      return new Read(null, type, dtype, "model_type '" + type + "' is not one oomlint can count");
    }
    try {
      Architecture a = switch (family) {
        case "gpt2" -> {
          int h = num(o, "n_embd", 768);
          int inner = o.has("n_inner") && !o.get("n_inner").isJsonNull() ? num(o, "n_inner", 4 * h) : 4 * h;
          int heads = num(o, "n_head", 12);
          yield new Architecture("gpt2", num(o, "n_layer", 12), h, heads, heads, h / heads, inner,
              num(o, "vocab_size", 50257), num(o, "n_positions", 1024), true, false, 2, 1, 0, false, 0);
        }
        case "gpt_neox" -> {
          int h = num(o, "hidden_size", 0);
          int heads = num(o, "num_attention_heads", 0);
          yield new Architecture("gpt_neox", num(o, "num_hidden_layers", 0), h, heads, heads, h / heads,
              num(o, "intermediate_size", 4 * h), num(o, "vocab_size", 0), num(o, "max_position_embeddings", 2048),
              bool(o, "tie_word_embeddings", false), false, 2, 1, 0, false, 0);
        }
        case "bert" -> {
          int h = num(o, "hidden_size", 768);
          int heads = num(o, "num_attention_heads", 12);
          yield new Architecture("bert", num(o, "num_hidden_layers", 12), h, heads, heads, h / heads,
              num(o, "intermediate_size", 3072), num(o, "vocab_size", 30522), num(o, "max_position_embeddings", 512),
              true, false, 2, 1, num(o, "type_vocab_size", 2), false, 0);
        }
        case "t5" -> {
          int layers = num(o, "num_layers", 6);
          String ff = str(o, "feed_forward_proj");
          int heads = num(o, "num_heads", 8);
          yield new Architecture("t5", layers, num(o, "d_model", 512), heads, heads, num(o, "d_kv", 64),
              num(o, "d_ff", 2048), num(o, "vocab_size", 32128), 512, bool(o, "tie_word_embeddings", true), false,
              2, 1, 0, ff != null && ff.startsWith("gated"), num(o, "num_decoder_layers", layers));
        }
        default -> {
          int h = num(o, "hidden_size", 0);
          int heads = num(o, "num_attention_heads", 0);
          int kv = num(o, "num_key_value_heads", heads);
          int hd = o.has("head_dim") && !o.get("head_dim").isJsonNull() ? num(o, "head_dim", 0) : 0;
          boolean tiedDefault = type.startsWith("gemma");
          boolean bias = type.equals("qwen2") || bool(o, "attention_bias", false);
          yield Architecture.llama(num(o, "num_hidden_layers", 0), h, heads, kv, hd, num(o, "intermediate_size", 0),
              num(o, "vocab_size", 0), num(o, "max_position_embeddings", 2048),
              bool(o, "tie_word_embeddings", tiedDefault), bias, type.equals("gemma2") ? 4 : 2,
              num(o, "num_local_experts", 1));
        }
      };
      if (a.layers() <= 0 || a.hidden() <= 0 || a.heads() <= 0 || a.vocab() <= 0) {
        return new Read(null, type, dtype, "config.json lacks the sizes oomlint needs");
      }
      return new Read(a, type, dtype, null);
    } catch (RuntimeException e) {
      return new Read(null, type, dtype, "config.json has a size that is not a number");
    }
  }

  private static String str(JsonObject o, String k) {
    JsonElement e = o.get(k);
    return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() ? e.getAsString() : null;
  }

  private static int num(JsonObject o, String k, int dflt) {
    JsonElement e = o.get(k);
    if (e == null || e.isJsonNull()) {
      return dflt;
    }
    return e.getAsInt();
  }

  private static boolean bool(JsonObject o, String k, boolean dflt) {
    JsonElement e = o.get(k);
    return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean() ? e.getAsBoolean() : dflt;
  }
}
