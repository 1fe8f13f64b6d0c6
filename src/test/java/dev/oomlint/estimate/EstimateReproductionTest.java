package dev.oomlint.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomlint.ast.SourceFile;
import dev.oomlint.parser.ParseOutcome;
import dev.oomlint.parser.PythonFrontEnd;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The side-by-side figures of docs/estimate.md: the guide's tables, accelerate estimate-memory and the
 * Transformers docs, each reproduced from a script the estimator reads.
 */
class EstimateReproductionTest {
  private static final double GB = 1e9;

  static SiteEstimate only(String source) {
    SourceFile f = new SourceFile("t.py", source);
    ParseOutcome.Parsed p = (ParseOutcome.Parsed) PythonFrontEnd.parse(f);
    List<SiteEstimate> sites = Estimator.estimate(f, p.module(), Estimator.Options.defaults());
    assertEquals(1, sites.size(), source);
    return sites.get(0);
  }

  private static String load(String id, String kwargs) {
    return "import torch\nfrom transformers import AutoModelForCausalLM, BitsAndBytesConfig\n"
        + "model = AutoModelForCausalLM.from_pretrained(\"" + id + "\"" + kwargs + ")\n";
  }

  private static void within(double expectedGb, long bytes, double tolerance, String what) {
    double gb = bytes / GB;
    assertTrue(Math.abs(gb - expectedGb) / expectedGb <= tolerance,
        what + ": " + gb + " GB vs " + expectedGb + " GB");
  }

  @Test
  void guideWeightTable() {
    String[] ids = {"meta-llama/Llama-2-7b-hf", "meta-llama/Llama-2-13b-hf", "meta-llama/Llama-2-70b-hf"};
    double[][] guide = {{28, 14, 7, 3.5}, {52, 26, 13, 6.5}, {280, 140, 70, 35}};
    String[] kwargs = {", torch_dtype=torch.float32", ", torch_dtype=torch.float16", ", load_in_8bit=True",
        ", quantization_config=BitsAndBytesConfig(load_in_4bit=True, bnb_4bit_quant_type=\"nf4\","
            + " bnb_4bit_use_double_quant=True)"};
    for (int m = 0; m < ids.length; m++) {
      for (int k = 0; k < kwargs.length; k++) {
        SiteEstimate s = only(load(ids[m], kwargs[k]));
        within(guide[m][k], s.bytes().weights(), 0.05, ids[m] + kwargs[k]);
      }
    }
  }

  @Test
  void guideInferenceColumn() {
    String[] ids = {"meta-llama/Llama-2-7b-hf", "meta-llama/Llama-2-13b-hf", "meta-llama/Llama-2-70b-hf"};
    double[] guide = {14, 26, 140};
    for (int m = 0; m < ids.length; m++) {
      SiteEstimate s = only(load(ids[m], ", torch_dtype=torch.float16"));
      assertEquals("inference", s.mode());
      assertNull(s.bytes().activations()); // no sequence length in the script
      within(guide[m], s.bytes().total(), 0.05, ids[m]);
    }
  }

  @Test
  void guideFullTrainingColumnIsEightBytesPerParameter() {
    // 56/104/560 GB = 8 bytes per parameter: float32 weights and gradients, no optimizer state (plain SGD),
    // activations and overhead left out
    String[] ids = {"meta-llama/Llama-2-7b-hf", "meta-llama/Llama-2-13b-hf", "meta-llama/Llama-2-70b-hf"};
    double[] guide = {56, 104, 560};
    for (int m = 0; m < ids.length; m++) {
      SiteEstimate s = only(load(ids[m], "") + "opt = torch.optim.SGD(model.parameters(), lr=0.1)\n");
      assertEquals("full", s.mode());
      assertEquals("SGD", s.optimizer());
      within(guide[m], s.bytes().weights() + s.bytes().gradients() + s.bytes().optimizer(), 0.05, ids[m]);
    }
  }

  @Test
  void accelerateEstimateMemoryForBertBaseCased() {
    String src = "import torch\nfrom transformers import AutoModel\n"
        + "model = AutoModel.from_pretrained(\"bert-base-cased\")\n"
        + "opt = torch.optim.Adam(model.parameters())\n";
    SiteEstimate s = only(src);
    // accelerate: float32 total 413.18 MB (MiB); it also counts two 512-entry int64 buffers (8 KiB)
    assertEquals(413.18, (s.bytes().weights() + 8192) / 1048576.0, 0.005);
    assertEquals(413.17, s.bytes().weights() / 1048576.0, 0.005);
    // accelerate: training with Adam 1.61 GB (GiB) = 4 x the model: weights, gradients, two Adam moments
    long training = s.bytes().weights() + s.bytes().gradients() + s.bytes().optimizer();
    assertEquals(16L * 108_310_272, training);
    assertEquals(1.61, training / 1073741824.0, 0.005);
  }

  @Test
  void transformersDocsEighteenBytesPerParameterForMixedPrecisionAdamW() {
    String src = "import torch\nfrom transformers import AutoModelForCausalLM\n"
        + "model = AutoModelForCausalLM.from_pretrained(\"gpt2\")\n"
        + "opt = torch.optim.AdamW(model.parameters())\n"
        + "scaler = torch.amp.GradScaler()\n";
    SiteEstimate s = only(src);
    long p = s.parameters();
    // model weights 6 bytes (fp32 + fp16 copy), gradients 4, optimizer 8
    assertEquals(6 * p, s.bytes().weights());
    assertEquals(4 * p, s.bytes().gradients());
    assertEquals(8 * p, s.bytes().optimizer());
  }

  private static SiteEstimate pipeline(String cls, String id, String extra, String call) {
    return only("import torch\nfrom diffusers import " + cls + ", ControlNetModel\n" + extra
        + "pipe = " + cls + ".from_pretrained(\"" + id + "\", torch_dtype=torch.float16"
        + (extra.isEmpty() ? "" : ", controlnet=cn") + ")\npipe(\"x\"" + call + ")\n");
  }

  @Test
  void guideImageGenerationMinimums() {
    SiteEstimate sd512 = pipeline("StableDiffusionPipeline", "runwayml/stable-diffusion-v1-5", "", "");
    SiteEstimate sd768 = pipeline("StableDiffusionPipeline", "runwayml/stable-diffusion-v1-5", "",
        ", height=768, width=768");
    SiteEstimate sdxl = pipeline("StableDiffusionXLPipeline", "stabilityai/stable-diffusion-xl-base-1.0", "", "");
    SiteEstimate cn = pipeline("StableDiffusionXLControlNetPipeline", "stabilityai/stable-diffusion-xl-base-1.0",
        "cn = ControlNetModel.from_pretrained(\"diffusers/controlnet-canny-sdxl-1.0\")\n", "");
    SiteEstimate flux = pipeline("FluxPipeline", "black-forest-labs/FLUX.1-dev", "", "");
    // the float16 weights and the overhead fit under the guide's minimum, whose remainder is the working set
    long[] minimums = {4, 6, 8, 12};
    SiteEstimate[] sites = {sd512, sd768, sdxl, cn};
    for (int i = 0; i < sites.length; i++) {
      SiteEstimate s = sites[i];
      assertTrue(s.bytes().weights() + s.bytes().overhead() < minimums[i] * GB, s.model());
      assertEquals(minimums[i] * GB, s.bytes().total(), 1.0, s.model() + " " + i);
    }
    assertEquals(2L * (1_066_235_307L), sd512.bytes().weights());
    assertEquals(2L * (3_468_837_867L + 1_251_014_160L), cn.bytes().weights());
    // Flux.1: the 16 GB minimum is below its bfloat16 weights (33.7 GB); no working set is made up
    assertNull(flux.bytes().activations());
    assertEquals(2L * 16_870_599_139L, flux.bytes().weights());
  }

  @Test
  void fourBitComputeDtypeSetsTheActivationWidth() {
    String base = "import torch\nfrom peft import LoraConfig, get_peft_model\n"
        + "from transformers import AutoModelForCausalLM, BitsAndBytesConfig\n"
        + "BATCH_SIZE = 2\nMAX_LENGTH = 1024\n"
        + "model = AutoModelForCausalLM.from_pretrained(\"meta-llama/Llama-2-7b-hf\", quantization_config="
        + "BitsAndBytesConfig(load_in_4bit=True, bnb_4bit_quant_type=\"nf4\"%s))\n"
        + "model = get_peft_model(model, LoraConfig(r=8))\n";
    SiteEstimate fp32 = only(String.format(base, ""));
    SiteEstimate bf16 = only(String.format(base, ", bnb_4bit_compute_dtype=torch.bfloat16"));
    long layer = 34L * 1024 * 2 * 4096;
    assertEquals(32 * layer, bf16.bytes().activations());
    assertEquals(2 * 32 * layer, fp32.bytes().activations()); // bitsandbytes computes in float32 by default
    assertEquals("nf4", fp32.quantization());
  }

  @Test
  void aRuleGetsPerSiteEstimatesFromTheSemanticModel() {
    String src = "import torch\nfrom transformers import AutoModelForCausalLM, AutoTokenizer\n"
        + "tok = AutoTokenizer.from_pretrained(\"meta-llama/Llama-2-13b-hf\")\n"
        + "big = AutoModelForCausalLM.from_pretrained(\"meta-llama/Llama-2-13b-hf\")\n"
        + "small = AutoModelForCausalLM.from_pretrained(\"gpt2\", torch_dtype=torch.float16)\n";
    SourceFile f = new SourceFile("t.py", src);
    ParseOutcome.Parsed p = (ParseOutcome.Parsed) PythonFrontEnd.parse(f);
    dev.oomlint.semantic.SemanticModel model = dev.oomlint.semantic.SemanticModel.build(f, p.module());
    List<SiteEstimate> sites = Estimator.estimate(model, new Estimator.Options(32L << 30, null, null, null));
    assertEquals(2, sites.size()); // the tokenizer is not a load site
    SiteEstimate big = sites.get(0);
    assertEquals(4, big.line());
    assertEquals(7, big.column());
    assertEquals(Boolean.FALSE, big.fits());
    SiteEstimate.Suggestion fix = big.cheapestFit();
    assertEquals("load in bfloat16 (torch_dtype=torch.bfloat16)", fix.change());
    assertTrue(fix.total() <= 32L << 30); // 13B in bfloat16: 24.7 GiB
    assertEquals(Boolean.TRUE, sites.get(1).fits());
    assertNull(sites.get(1).cheapestFit());
  }
}
