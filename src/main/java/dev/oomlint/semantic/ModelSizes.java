package dev.oomlint.semantic;

import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Stmt;
import dev.oomlint.ast.Support;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the code shows about the size of a checkpoint a {@code from_pretrained} call loads: the
 * checkpoint id (a string, or a name bound to strings), its {@code subfolder}, and the class. A
 * checkpoint is <em>small</em> when it has at most {@link #SMALL_PARAMETERS} parameters: loading it in
 * float32 instead of bfloat16 costs at most 0.4 GB more. Only sizes that are known are used: a size tag
 * in the id ({@code SmolLM2-135M}, {@code Qwen2.5-7B}), or a family whose published checkpoints are all
 * small (the table below; sources on the OOM403 rule page). Loose tags are not trusted: {@code -mini}
 * (Phi-3-mini is 3.8B), {@code -small} (Mistral-Small is 22B), {@code -tiny} (TinyLlama is 1.1B) and
 * {@code -base} (stable-diffusion-xl-base is 3.5B) say nothing on their own.
 */
public final class ModelSizes {
  private ModelSizes() {}

  /** The largest parameter count treated as small (fp32 over bf16: 2 bytes a parameter, 0.4 GB). */
  public static final long SMALL_PARAMETERS = 200_000_000L;

  /** A size tag in a checkpoint name: {@code 135M}, {@code 0.5B}, {@code 7b}, between separators. */
  private static final Pattern SIZE_TAG = Pattern.compile("(?:^|[-_.])(\\d+(?:\\.\\d+)?)([mb])(?=$|[-_.])");

  /**
   * Families whose every published checkpoint is small, matched at the start of the checkpoint's
   * name (the part after the last {@code /}, lower case), with the largest member's size.
   */
  private static final List<String[]> SMALL_PREFIXES = List.of(
      new String[] {"distilbert", "66M"}, new String[] {"distilroberta", "82M"},
      new String[] {"distilgpt2", "82M"}, new String[] {"bert-base", "178M"},
      new String[] {"roberta-base", "125M"}, new String[] {"albert-base", "12M"},
      new String[] {"electra-small", "14M"}, new String[] {"electra-base", "110M"},
      new String[] {"t5-small", "60M"}, new String[] {"flan-t5-small", "77M"},
      new String[] {"vit-base", "86M"}, new String[] {"deit-", "86M"},
      new String[] {"clip-vit-base", "150M"}, new String[] {"owlvit-base", "153M"},
      new String[] {"owlv2-base", "155M"}, new String[] {"dpt-hybrid", "123M"},
      new String[] {"wav2vec2-base", "95M"}, new String[] {"whisper-tiny", "39M"},
      new String[] {"whisper-base", "74M"}, new String[] {"ddpm-", "114M"},
      new String[] {"swin2sr-lightweight", "1M"}, new String[] {"all-minilm", "33M"},
      new String[] {"all-mpnet-base", "110M"}, new String[] {"retribert-base", "110M"},
      new String[] {"dpr-", "110M"});

  /** Families matched anywhere in the name (sentence-transformers prefixes them: multi-qa-mpnet-base). */
  private static final List<String[]> SMALL_INFIXES = List.of(
      new String[] {"mpnet-base", "110M"}, new String[] {"minilm", "118M"},
      // every DETR-style detector: DETR R50/R101 41M/60M, Conditional/Deformable/DAB-DETR 40-63M, RT-DETR up to R101 76M
      new String[] {"detr", "76M"},
      // a ViT-Base backbone: SAM/MedSAM vit-base 94M, CLIP ViT-B 150M
      new String[] {"vit-base", "150M"});

  /** More families matched at the start of the name. */
  private static final List<String[]> MORE_SMALL_PREFIXES = List.of(
      new String[] {"imagegpt-small", "76M"}, new String[] {"table-transformer", "29M"},
      new String[] {"table-structure-recognition", "29M"}, new String[] {"segformer-", "85M"},
      new String[] {"mit-b", "82M"}, new String[] {"groupvit-", "56M"}, new String[] {"yolos-", "127M"},
      new String[] {"optical-flow-perceiver", "41M"}, new String[] {"vision-perceiver-", "62M"},
      new String[] {"mobilevit", "6M"}, new String[] {"mobilenet", "6M"}, new String[] {"efficientnet", "66M"},
      new String[] {"resnet-", "60M"});

  /**
   * Model classes (the name after the last dot, prefix matched) whose every published checkpoint is
   * small, so the class alone tells the size: DETR-style detectors, SegFormer (B0-B5), GroupViT, YOLOS,
   * the vision Perceivers, Table Transformer, and small vision and text families.
   */
  private static final List<String[]> SMALL_CLASSES = List.of(
      new String[] {"Detr", "60M"}, new String[] {"ConditionalDetr", "63M"}, new String[] {"DeformableDetr", "40M"},
      new String[] {"DabDetr", "63M"}, new String[] {"RTDetr", "76M"}, new String[] {"TableTransformer", "29M"},
      new String[] {"Yolos", "127M"}, new String[] {"Segformer", "85M"}, new String[] {"GroupViT", "56M"},
      new String[] {"PerceiverForImageClassification", "62M"}, new String[] {"PerceiverForOpticalFlow", "41M"},
      new String[] {"MobileViT", "6M"}, new String[] {"MobileNetV1", "4M"}, new String[] {"MobileNetV2", "6M"},
      new String[] {"EfficientNet", "66M"}, new String[] {"ResNet", "60M"}, new String[] {"DistilBert", "66M"},
      new String[] {"MobileBert", "25M"}, new String[] {"SqueezeBert", "51M"}, new String[] {"Swin2SR", "12M"},
      new String[] {"Levit", "39M"}, new String[] {"PoolFormer", "73M"}, new String[] {"Deit", "87M"},
      // DPR's encoders and reader and RetriBERT are BERT-base models (110M)
      new String[] {"DPRContextEncoder", "110M"}, new String[] {"DPRQuestionEncoder", "110M"},
      new String[] {"DPRReader", "110M"}, new String[] {"RetriBert", "110M"});

  /** The known size of a class whose every published checkpoint is small, or null. */
  static String smallClass(String cls) {
    if (cls.startsWith("TF") && cls.length() > 2 && Character.isUpperCase(cls.charAt(2))) {
      cls = cls.substring(2);   // TFDistilBertForQuestionAnswering: the same checkpoint in TensorFlow
    } else if (cls.startsWith("Flax") && cls.length() > 4 && Character.isUpperCase(cls.charAt(4))) {
      cls = cls.substring(4);
    }
    for (String[] f : SMALL_CLASSES) {
      if (cls.startsWith(f[0])) {
        return f[1];
      }
    }
    return null;
  }

  /** Library constructors of pretrained or full-size networks, by qualified-name prefix. */
  private static final List<String> NETWORK_FACTORIES = List.of("torchvision.models.", "timm.create_model",
      "torch.hub.load", "open_clip.create_model", "ultralytics.YOLO", "segmentation_models_pytorch.");

  /**
   * torchvision's small classifiers (under ~12M parameters: ResNet-18, MobileNets, SqueezeNets,
   * ShuffleNets, MNASNets, EfficientNet-B0), and AlexNet (61M parameters, but five convolutions on a
   * 55x55 map at most): their training activations are small next to a GPU's memory, and mixed
   * precision does not shrink the float32 weights and optimizer state that make the rest.
   */
  private static boolean smallVisionModel(String q) {
    if (!q.startsWith("torchvision.models.")) {
      return false;
    }
    String name = q.substring(q.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
    return name.equals("resnet18") || name.equals("alexnet") || name.startsWith("mobilenet") || name.startsWith("squeezenet")
        || name.startsWith("shufflenet") || name.startsWith("mnasnet") || name.equals("efficientnet_b0");
  }

  /**
   * Whether the file loads or builds a network that is not known to be small (torchvision's small
   * classifiers are): a Hugging Face
   * {@code from_pretrained} of a checkpoint not known small ({@link #smallCheckpoint}), a torchvision or
   * timm model, a {@code torch.hub} model. A network defined in the file itself is not counted (a
   * tutorial's MLP is small; its size is not shown).
   */
  public static boolean loadsSizeableNetwork(SemanticModel sm) {
    for (Expr.Call c : sm.calls()) {
      String cls = HfModels.loadedModelClass(sm, c);
      if (cls != null) {
        if (smallCheckpoint(sm, c, cls) == null) {
          return true;
        }
        continue;
      }
      String q = sm.qualifiedName(c.func());
      if (q != null && !smallVisionModel(q)) {
        for (String p : NETWORK_FACTORIES) {
          if (q.startsWith(p)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * The known size of a small checkpoint ({@code "135M"}), or null when the checkpoint is large or its
   * size is not known. Every id the name may hold must be small.
   */
  public static String smallCheckpoint(SemanticModel sm, Expr.Call load, String modelClass) {
    Expr idArg = load.args().isEmpty() ? keywordValue(load, "pretrained_model_name_or_path") : load.args().get(0);
    String cls = modelClass.substring(modelClass.lastIndexOf('.') + 1);
    String subfolder = Calls.string(keywordValue(load, "subfolder"));
    if (subfolder == null && smallClass(cls) != null) {
      return smallClass(cls);
    }
    if (cls.equals("AutoencoderKL") || cls.equals("AutoencoderTiny")) {
      return "84M"; // the image VAEs of Stable Diffusion 1.x to 3 and FLUX, whatever the id
    }
    List<String> ids = strings(sm, idArg);
    if (ids == null || ids.isEmpty()) {
      return null;
    }
    String size = null;
    for (String id : ids) {
      String s = smallSize(id, subfolder, cls);
      if (s == null) {
        return null;
      }
      size = size == null ? s : size;
    }
    return size;
  }

  /**
   * The known size of the small checkpoint a {@code pipeline(task, model="id")} call loads, or null when
   * it is large, not known or not given.
   */
  public static String smallPipelineModel(SemanticModel sm, Expr.Call pipeline) {
    List<String> ids = strings(sm, Calls.argument(pipeline, 1, "model"));
    if (ids == null || ids.isEmpty()) {
      return null;
    }
    String size = null;
    for (String id : ids) {
      String s = smallSize(id, null, "");
      if (s == null) {
        return null;
      }
      size = size == null ? s : size;
    }
    return size;
  }

  private static Expr keywordValue(Expr.Call c, String name) {
    Support.Keyword k = Calls.keyword(c, name);
    return k == null ? null : k.value();
  }

  /** The checkpoint ids a {@code from_pretrained} call may load (constants, or a name bound to them), or null. */
  public static List<String> checkpointIds(SemanticModel sm, Expr.Call load) {
    if (Calls.keyword(load, "subfolder") != null) {
      return null; // one component of a repository: the id's size is the whole repository's
    }
    Expr idArg = load.args().isEmpty() ? keywordValue(load, "pretrained_model_name_or_path") : load.args().get(0);
    return strings(sm, idArg);
  }

  /** The strings an expression may be: a constant, or a name every reaching binding sets to a constant. */
  /**
   * Whether every checkpoint id the load may read is published already quantized (GPTQ, AWQ, GGUF,
   * bitsandbytes 4-/8-bit, EXL2: {@code TheBloke/...-GPTQ}, {@code unsloth/...-bnb-4bit}): the
   * quantization comes from the checkpoint's config and transformers loads the rest in float16.
   */
  public static boolean preQuantized(SemanticModel sm, Expr.Call load) {
    Expr idArg = load.args().isEmpty() ? keywordValue(load, "pretrained_model_name_or_path") : load.args().get(0);
    List<String> ids = strings(sm, idArg);
    if (ids == null || ids.isEmpty()) {
      return false;
    }
    for (String id : ids) {
      if (!PRE_QUANTIZED.matcher(id).find()) {
        return false;
      }
    }
    return true;
  }

  private static final java.util.regex.Pattern PRE_QUANTIZED = java.util.regex.Pattern.compile(
      "(?i)(?:gptq|awq|gguf|exl2|bnb-[48]bit|[-_][48]bit\\b|[-_]int[48]\\b)");

  private static List<String> strings(SemanticModel sm, Expr e) {
    String s = Calls.string(e);
    if (s != null) {
      return List.of(s);
    }
    if (e instanceof Expr.Attribute a && a.value() instanceof Expr.Name owner) {
      String v = classConstant(sm, owner, a.attr()); // Config.BASE_MODEL
      return v == null ? null : List.of(v);
    }
    if (!(e instanceof Expr.Name n)) {
      return null;
    }
    List<Binding> bs = sm.reachingBindings(n);
    java.util.ArrayList<String> out = new java.util.ArrayList<>(bs.size());
    for (Binding b : bs) {
      String v = b.kind() == Binding.Kind.ASSIGN && b.index() < 0 ? Calls.string(b.value()) : null;
      if (v == null) {
        return null;
      }
      out.add(v);
    }
    return out;
  }

  /** The string a same-file class assigns to {@code attr} in its body ({@code class Config: BASE = "id"}), or null. */
  private static String classConstant(SemanticModel sm, Expr.Name owner, String attr) {
    List<Binding> bs = sm.resolve(owner);
    if (bs.size() != 1 || bs.get(0).kind() != Binding.Kind.CLASS || !(bs.get(0).node() instanceof Stmt.ClassDef cls)) {
      return null;
    }
    String found = null;
    for (Stmt st : cls.body()) {
      if (st instanceof Stmt.Assign as && as.targets().size() == 1 && as.targets().get(0) instanceof Expr.Name t
          && t.id().equals(attr)) {
        found = Calls.string(as.value());
        if (found == null) {
          return null;
        }
      }
    }
    return found;
  }

  /** The size of one checkpoint id when it is known to be small, else null. */
  static String smallSize(String id, String subfolder, String cls) {
    String name = id.substring(id.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    String sub = subfolder == null ? "" : subfolder.toLowerCase(Locale.ROOT);
    // the VAE of every Stable Diffusion generation (1.x, 2.x, XL, 3, FLUX) has about 84M parameters
    if (sub.equals("vae") || cls.equals("AutoencoderKL") || cls.equals("AutoencoderTiny")) {
      return "84M";
    }
    String lowerId = id.toLowerCase(Locale.ROOT);
    // Stable Diffusion 1.x's text encoder is CLIP ViT-L/14's text tower: 123M
    if (sub.equals("text_encoder") && lowerId.contains("stable-diffusion-v1")) {
      return "123M";
    }
    // the text towers of OpenAI's CLIP ViT-B and ViT-L: 63M and 123M
    if (cls.startsWith("CLIPTextModel") && (name.startsWith("clip-vit-base") || name.startsWith("clip-vit-large"))) {
      return "123M";
    }
    if (!sub.isEmpty()) {
      return null; // one component of a larger repository: the id's size tag is the whole model's
    }
    Matcher m = SIZE_TAG.matcher(name);
    if (m.find()) {
      double n = Double.parseDouble(m.group(1)) * (m.group(2).equals("b") ? 1e9 : 1e6);
      return n <= SMALL_PARAMETERS ? m.group(1) + m.group(2).toUpperCase(Locale.ROOT) : null;
    }
    if (name.equals("gpt2") || (name.startsWith("gpt2-") || name.startsWith("gpt2_"))
        && !name.matches("gpt2[-_](medium|large|xl)([-_].*)?")) {
      return "124M"; // GPT-2 and fine-tunes of it named after it (gpt2-imdb, gpt2-wikitext2)
    }
    for (String[] f : MORE_SMALL_PREFIXES) {
      if (name.startsWith(f[0])) {
        return f[1];
      }
    }
    for (String[] f : SMALL_PREFIXES) {
      if (name.startsWith(f[0])) {
        return f[1];
      }
    }
    for (String[] f : SMALL_INFIXES) {
      if (name.contains(f[0])) {
        return f[1];
      }
    }
    return null;
  }
}
