package dev.oomlint.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Size parsing, GPU names, and config.json reading per family. */
class UnitsAndConfigTest {
  @Test
  void sizes() {
    assertEquals(24L << 30, Units.parse("24GiB"));
    assertEquals(24L << 30, Units.parse("24 gib"));
    assertEquals(24L << 30, Units.parse("24G"));
    assertEquals(24L << 30, Units.parse("24"));
    assertEquals(16_000_000_000L, Units.parse("16GB"));
    assertEquals(1536L << 20, Units.parse("1.5GiB"));
    assertEquals(512L << 20, Units.parse("512MiB"));
    assertNull(Units.parse("lots"));
    assertNull(Units.parse("0"));
    assertNull(Units.parse("-3GiB"));
    assertEquals("12.55 GiB", Units.human(13_476_831_232L));
    assertEquals("512.0 MiB", Units.human(512L << 20));
  }

  @Test
  void gpus() {
    assertEquals(24L << 30, Gpus.bytes("rtx4090"));
    assertEquals(24L << 30, Gpus.bytes("RTX 4090"));
    assertEquals(40L << 30, Gpus.bytes("a100-40gb"));
    assertEquals(40L << 30, Gpus.bytes("A100_40GB"));
    assertEquals(80L << 30, Gpus.bytes("h100"));
    assertEquals(16L << 30, Gpus.bytes("t4"));
    assertEquals(24L << 30, Gpus.bytes("l4"));
    assertNull(Gpus.bytes("voodoo2"));
  }

  @Test
  void configFamilies() {
    // Mistral-7B-v0.1's config.json
    ModelConfig.Read mistral = ModelConfig.parse("""
        {"model_type": "mistral", "hidden_size": 4096, "intermediate_size": 14336, "num_attention_heads": 32,
         "num_hidden_layers": 32, "num_key_value_heads": 8, "vocab_size": 32000, "max_position_embeddings": 32768,
         "tie_word_embeddings": false, "torch_dtype": "bfloat16"}""");
    assertEquals(7_241_732_096L, mistral.architecture().parameters());
    assertEquals("bfloat16", mistral.torchDtype());
    // Qwen2.5-0.5B: q/k/v biases and tied embeddings
    ModelConfig.Read qwen = ModelConfig.parse("""
        {"model_type": "qwen2", "hidden_size": 896, "intermediate_size": 4864, "num_attention_heads": 14,
         "num_hidden_layers": 24, "num_key_value_heads": 2, "vocab_size": 151936, "tie_word_embeddings": true}""");
    assertEquals(494_032_768L, qwen.architecture().parameters());
    // Gemma 2 2B: four norms per block, head_dim 256, tied by default
    ModelConfig.Read gemma = ModelConfig.parse("""
        {"model_type": "gemma2", "hidden_size": 2304, "intermediate_size": 9216, "num_attention_heads": 8,
         "num_hidden_layers": 26, "num_key_value_heads": 4, "head_dim": 256, "vocab_size": 256000}""");
    assertEquals(2_614_341_888L, gemma.architecture().parameters());
    // GPT-2 medium
    ModelConfig.Read gpt2 = ModelConfig.parse("""
        {"model_type": "gpt2", "n_embd": 1024, "n_head": 16, "n_layer": 24, "n_positions": 1024,
         "vocab_size": 50257, "n_inner": null}""");
    assertEquals(354_823_168L, gpt2.architecture().parameters());
    // Pythia-410m (GPT-NeoX)
    ModelConfig.Read neox = ModelConfig.parse("""
        {"model_type": "gpt_neox", "hidden_size": 1024, "intermediate_size": 4096, "num_attention_heads": 16,
         "num_hidden_layers": 24, "vocab_size": 50304, "max_position_embeddings": 2048}""");
    assertEquals(405_334_016L, neox.architecture().parameters());
    // bert-base-uncased and roberta-base
    ModelConfig.Read bert = ModelConfig.parse("""
        {"model_type": "bert", "hidden_size": 768, "intermediate_size": 3072, "num_attention_heads": 12,
         "num_hidden_layers": 12, "vocab_size": 30522, "max_position_embeddings": 512, "type_vocab_size": 2}""");
    assertEquals(109_482_240L, bert.architecture().parameters());
    ModelConfig.Read roberta = ModelConfig.parse("""
        {"model_type": "roberta", "hidden_size": 768, "intermediate_size": 3072, "num_attention_heads": 12,
         "num_hidden_layers": 12, "vocab_size": 50265, "max_position_embeddings": 514, "type_vocab_size": 1}""");
    assertEquals(124_645_632L, roberta.architecture().parameters());
    // t5-small (v1.0, tied) and flan-t5-base (v1.1 gated-gelu, untied)
    ModelConfig.Read t5 = ModelConfig.parse("""
        {"model_type": "t5", "d_model": 512, "d_ff": 2048, "d_kv": 64, "num_heads": 8, "num_layers": 6,
         "vocab_size": 32128, "feed_forward_proj": "relu"}""");
    assertEquals(60_506_624L, t5.architecture().parameters());
    ModelConfig.Read flan = ModelConfig.parse("""
        {"model_type": "t5", "d_model": 768, "d_ff": 2048, "d_kv": 64, "num_heads": 12, "num_layers": 12,
         "num_decoder_layers": 12, "vocab_size": 32128, "feed_forward_proj": "gated-gelu",
         "tie_word_embeddings": false}""");
    assertEquals(247_577_856L, flan.architecture().parameters());
    // Mixtral 8x7B: eight experts and a router per block
    ModelConfig.Read mixtral = ModelConfig.parse("""
        {"model_type": "mixtral", "hidden_size": 4096, "intermediate_size": 14336, "num_attention_heads": 32,
         "num_hidden_layers": 32, "num_key_value_heads": 8, "vocab_size": 32000, "num_local_experts": 8}""");
    assertEquals(46_702_792_704L, mixtral.architecture().parameters());
  }

  @Test
  void unreadableConfigsSayWhy() {
    assertNotNull(ModelConfig.parse("not json").problem());
    assertNotNull(ModelConfig.parse("[1, 2]").problem());
    assertNotNull(ModelConfig.parse("{}").problem());
    assertEquals("model_type 'mamba' is not one oomlint can count",
        ModelConfig.parse("{\"model_type\": \"mamba\"}").problem());
    assertNotNull(ModelConfig.parse("{\"model_type\": \"llama\", \"hidden_size\": \"big\"}").problem());
    assertNotNull(ModelConfig.parse("{\"model_type\": \"llama\"}").problem());
  }
}
