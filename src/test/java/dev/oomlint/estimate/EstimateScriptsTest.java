package dev.oomlint.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.oomlint.testing.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every script in testdata/estimate/ against its expected JSON in testdata/estimate/expected/ (reviewed
 * by hand; rewrite them with -Doomlint.estimate.update=true after a deliberate change), and the key
 * figures of a dozen scripts re-derived here from the formulas, independently of the estimator.
 */
class EstimateScriptsTest {
  static final Path ROOT = Path.of("").toAbsolutePath();
  static final Path DATA = ROOT.resolve("testdata/estimate");

  static Stream<String> scripts() throws IOException {
    try (Stream<Path> s = Files.walk(DATA)) {
      return s.filter(p -> p.toString().endsWith(".py")).map(p -> ROOT.relativize(p).toString().replace('\\', '/'))
          .sorted().toList().stream();
    }
  }

  static JsonObject run(String script, String... extra) {
    String[] args = Stream.concat(Stream.of("estimate", "--output-format", "json"),
        Stream.concat(Stream.of(extra), Stream.of(script))).toArray(String[]::new);
    Cli.Run r = new Cli(ROOT).run(args);
    assertTrue(r.code() == 0 || r.code() == 1, r.toString());
    assertEquals("", r.err(), r.toString());
    return JsonParser.parseString(r.out()).getAsJsonObject();
  }

  private static Path expectedFile(String script) {
    String rel = script.substring("testdata/estimate/".length()).replace("/", "__").replace(".py", ".json");
    return DATA.resolve("expected").resolve(rel);
  }

  @Test
  void atLeastTwentyFiveScripts() throws IOException {
    assertTrue(scripts().count() >= 25);
  }

  @ParameterizedTest
  @MethodSource("scripts")
  void jsonMatchesItsExpectation(String script) throws IOException {
    JsonObject actual = run(script, "--gpu", "rtx4090"); // a budget, so the ladders are pinned too
    Path file = expectedFile(script);
    if (Boolean.getBoolean("oomlint.estimate.update")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, new com.google.gson.GsonBuilder().setPrettyPrinting().serializeNulls()
          .disableHtmlEscaping().create().toJson(actual) + "\n", StandardCharsets.UTF_8);
    }
    assertTrue(Files.exists(file), "no expectation for " + script + " (" + file + ")");
    JsonElement expected = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
    assertEquals(expected, actual, script);
  }

  private static JsonObject site(String script, int index, String... extra) {
    JsonArray sites = run("testdata/estimate/" + script, extra).getAsJsonArray("sites");
    return sites.get(index).getAsJsonObject();
  }

  private static long b(JsonObject site, String key) {
    return site.getAsJsonObject("bytes").get(key).getAsLong();
  }

  private static boolean isNull(JsonObject site, String key) {
    return site.getAsJsonObject("bytes").get(key).isJsonNull();
  }

  private static final long OVERHEAD = 512L << 20;

  @Test
  void fullFineTuneWithTheTrainerInFloat32() {
    JsonObject s = site("llama2_7b_full_finetune_trainer.py", 0);
    long p = 6_738_415_616L;
    assertEquals(p, s.get("parameters").getAsLong());
    assertEquals("catalogue", s.get("parameterSource").getAsString());
    assertEquals("float32", s.get("dtype").getAsString());
    assertEquals("full", s.get("mode").getAsString());
    assertEquals("AdamW", s.get("optimizer").getAsString());
    assertEquals(4, s.get("batchSize").getAsInt());
    assertEquals(512, s.get("sequenceLength").getAsInt());
    assertEquals(4 * p, b(s, "weights"));
    assertEquals(4 * p, b(s, "gradients"));
    assertEquals(8 * p, b(s, "optimizer"));
    // 32 layers, s=512, b=4, h=4096, SDPA (no attention matrix), float32 activations (x2)
    assertEquals(2L * 32 * 34 * 512 * 4 * 4096, b(s, "activations"));
    assertEquals(16 * p + 2L * 32 * 34 * 512 * 4 * 4096 + OVERHEAD, b(s, "total"));
    assertTrue(s.get("fits").isJsonNull());
  }

  @Test
  void qloraOnSeventyB() {
    JsonObject s = site("llama2_70b_qlora.py", 0);
    long p = 68_976_648_192L;
    assertEquals("nf4", s.get("dtype").getAsString());
    assertEquals("nf4-double-quant", s.get("quantization").getAsString());
    assertEquals("lora", s.get("mode").getAsString());
    assertTrue(s.get("gradientCheckpointing").getAsBoolean()); // prepare_model_for_kbit_training
    assertEquals(1, s.get("batchSize").getAsInt());
    assertEquals(2048, s.get("sequenceLength").getAsInt());
    // r=16 on q,k,v,o of 80 layers: q,o 8192->8192, k,v 8192->1024
    long lora = 80L * 16 * ((8192 + 8192) * 2 + (8192 + 1024) * 2);
    long base = Math.round(p * (0.5 + 1.0 / 64 + 4.0 / (64 * 256)));
    assertEquals(base + 4 * lora, b(s, "weights"));
    assertEquals(4 * lora, b(s, "gradients"));
    assertEquals(2 * lora, b(s, "optimizer")); // paged 8-bit AdamW
    assertEquals(80L * 2 * 2048 * 8192 + 34L * 2048 * 8192, b(s, "activations"));
  }

  @Test
  void loraInBfloat16WithCheckpointingAndTheModelsMaximumLength() {
    JsonObject s = site("mistral_lora_bf16.py", 0);
    long p = 7_241_732_096L;
    assertEquals("bfloat16", s.get("dtype").getAsString());
    assertEquals(32768, s.get("sequenceLength").getAsInt());
    long lora = 32L * 8 * ((4096 + 4096) + (4096 + 1024));
    assertEquals(2 * p + 4 * lora, b(s, "weights"));
    assertEquals(8 * lora, b(s, "optimizer"));
    assertEquals(32L * 2 * 32768 * 2 * 4096 + 34L * 32768 * 2 * 4096, b(s, "activations"));
    assertTrue(s.get("assumptions").toString().contains("sequence length 32768: the model's maximum, not set in the script"));
  }

  @Test
  void handLoopWithAutocastIsEighteenBytesPerParameter() {
    JsonObject s = site("gpt2_hand_loop_amp.py", 0);
    long p = 124_439_808L;
    assertEquals(16, s.get("batchSize").getAsInt());
    assertEquals(1024, s.get("sequenceLength").getAsInt());
    assertEquals(18 * p, b(s, "weights") + b(s, "gradients") + b(s, "optimizer"));
    assertEquals(12L * 34 * 1024 * 16 * 768, b(s, "activations")); // 16-bit under autocast
  }

  @Test
  void argparseDefaultsAndTheirOverride() {
    JsonObject s = site("bert_classifier_argparse.py", 0);
    assertEquals("bert-base-cased", s.get("model").getAsString());
    assertEquals(32, s.get("batchSize").getAsInt());
    assertEquals(128, s.get("sequenceLength").getAsInt());
    assertEquals("Adam", s.get("optimizer").getAsString());
    assertEquals(2L * 12 * 34 * 128 * 32 * 768, b(s, "activations"));
    JsonObject o = site("bert_classifier_argparse.py", 0, "--batch-size", "8", "--seq-len", "512");
    assertEquals(8, o.get("batchSize").getAsInt());
    assertEquals(512, o.get("sequenceLength").getAsInt());
    assertEquals(2L * 12 * 34 * 512 * 8 * 768, b(o, "activations"));
    assertTrue(o.get("assumptions").toString().contains("batch size 8: from --batch-size"));
  }

  @Test
  void localConfigJsonIsCounted() {
    JsonObject s = site("local_llama/train_local.py", 0);
    assertEquals("config", s.get("parameterSource").getAsString());
    assertEquals(1_100_048_384L, s.get("parameters").getAsLong()); // TinyLlama-1.1B
    JsonObject g = site("local_gpt2/generate_local.py", 0);
    assertEquals(81_912_576L, g.get("parameters").getAsLong()); // DistilGPT-2
    assertEquals("float16", g.get("dtype").getAsString()); // .half()
    // KV cache: 6 layers x 200 tokens x 12 heads x 64 x 2 bytes x 2 (K and V), plus one layer's working set
    assertEquals(2L * 6 * 200 * 12 * 64 * 2 + 34L * 200 * 768, b(g, "activations"));
  }

  @Test
  void unknownModelsGetNoNumber() {
    for (String script : List.of("unknown_model.py", "model_id_unreadable.py", "pipeline_default_model.py",
        "local_unknown_type/run_mamba.py", "local_no_config/load_checkpoint.py")) {
      JsonObject s = site(script, 0);
      assertTrue(s.get("parameters").isJsonNull(), script);
      assertTrue(isNull(s, "total"), script);
      assertTrue(s.get("fits").isJsonNull(), script);
    }
  }

  @Test
  void sizeTagIsApproximate() {
    JsonObject s = site("size_tag_model.py", 0);
    assertEquals("name", s.get("parameterSource").getAsString());
    assertEquals(13_000_000_000L, s.get("parameters").getAsLong());
    assertEquals(26_000_000_000L, b(s, "weights"));
    assertTrue(isNull(s, "activations"));
  }

  @Test
  void twoSitesAreToldApart() {
    JsonArray sites = run("testdata/estimate/distill_two_models.py").getAsJsonArray("sites");
    assertEquals(2, sites.size());
    assertEquals("inference", sites.get(0).getAsJsonObject().get("mode").getAsString());
    assertEquals("full", sites.get(1).getAsJsonObject().get("mode").getAsString());
    assertEquals(8, sites.get(1).getAsJsonObject().get("batchSize").getAsInt());
  }

  @Test
  void diffusionOffloadKeepsTheLargestComponent() {
    JsonObject s = site("flux_dev_offload.py", 0);
    assertEquals(2L * 11_901_408_320L, b(s, "weights"));
    JsonObject fp32 = site("sdxl_fp32_default.py", 0);
    assertEquals(4L * 3_468_837_867L, b(fp32, "weights"));
  }

  @Test
  void budgetAndLadder() {
    JsonObject s = site("llama2_7b_full_finetune_trainer.py", 0, "--gpu", "rtx4090");
    assertEquals(24L << 30, s.get("budget").getAsLong());
    assertEquals(false, s.get("fits").getAsBoolean());
    JsonArray ladder = s.getAsJsonArray("suggestions");
    assertTrue(ladder.size() >= 5, ladder.toString());
    assertTrue(ladder.get(0).getAsJsonObject().get("change").getAsString().startsWith("load in bfloat16"));
    long p = 6_738_415_616L;
    // bfloat16: weights 2, gradients 2, AdamW 8 + fp32 master 4; activations in 16-bit
    assertEquals(16 * p + 32L * 34 * 512 * 4 * 4096 + OVERHEAD, ladder.get(0).getAsJsonObject().get("total").getAsLong());
    boolean anyFits = false;
    for (JsonElement e : ladder) {
      anyFits |= e.getAsJsonObject().get("total").getAsLong() <= (24L << 30);
    }
    assertTrue(anyFits);
    JsonObject fits = site("llama2_7b_inference_fp16.py", 0, "--gpu-memory", "80GiB");
    assertEquals(true, fits.get("fits").getAsBoolean());
    assertEquals(0, fits.getAsJsonArray("suggestions").size());
  }

  @Test
  void largestBatchThatFits() {
    JsonObject s = site("bert_classifier_argparse.py", 0, "--gpu-memory", "3GiB");
    String ladder = s.getAsJsonArray("suggestions").toString();
    assertTrue(ladder.contains("(the largest that fits)"), ladder);
    for (JsonElement e : s.getAsJsonArray("suggestions")) {
      String change = e.getAsJsonObject().get("change").getAsString();
      if (change.startsWith("batch size ")) {
        int batch = Integer.parseInt(change.split(" ")[2]);
        long total = e.getAsJsonObject().get("total").getAsLong();
        assertTrue(total <= 3L << 30);
        long perSample = 2L * 12 * 34 * 128 * 768;
        assertTrue(total + perSample > 3L << 30, "batch " + (batch + 1) + " would fit too");
      }
    }
  }

  @Test
  void aFrozenModelFeedingATrainedHeadIsInference() {
    JsonObject s = site("frozen_clip_custom_head.py", 0);
    assertEquals("inference", s.get("mode").getAsString());
    assertTrue(s.get("optimizer").isJsonNull());
    assertEquals(4L * 151_277_313L, b(s, "weights"));
    assertTrue(isNull(s, "gradients"));
  }

  @Test
  void imagesPerPromptScaleTheDiffusionWorkingSet() {
    JsonObject one = site("sd15_512_default.py", 0);
    JsonObject four = site("sd15_four_images.py", 0);
    assertEquals(b(one, "weights"), b(four, "weights"));
    assertEquals(4 * b(one, "activations"), b(four, "activations"), 4);
    // one image: the guide's 4 GB minimum for SD 1.5 at 512x512
    assertEquals(4_000_000_000L, b(one, "total"), 1);
  }
}
