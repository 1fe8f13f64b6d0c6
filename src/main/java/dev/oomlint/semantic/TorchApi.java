package dev.oomlint.semantic;

import dev.oomlint.ast.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What oomlint knows about PyTorch and its ecosystem: names, tables and naming conventions. */
public final class TorchApi {
  private TorchApi() {}

  /** Context managers / decorators that turn autograd off. */
  static final Set<String> NO_GRAD = Set.of("torch.no_grad", "torch.autograd.no_grad",
      "torch.autograd.grad_mode.no_grad", "torch.inference_mode", "torch.autograd.inference_mode",
      "torch.autograd.grad_mode.inference_mode");

  static final Set<String> INFERENCE_MODE = Set.of("torch.inference_mode", "torch.autograd.inference_mode",
      "torch.autograd.grad_mode.inference_mode");

  static final Set<String> ENABLE_GRAD = Set.of("torch.enable_grad", "torch.autograd.enable_grad",
      "torch.autograd.grad_mode.enable_grad");

  static final Set<String> SET_GRAD_ENABLED = Set.of("torch.set_grad_enabled", "torch.autograd.set_grad_enabled",
      "torch.autograd.grad_mode.set_grad_enabled");

  /** Tensor methods whose result carries no autograd graph. */
  public static final Set<String> DETACHING_METHODS = Set.of("item", "detach", "detach_", "tolist", "numpy");

  /** Methods whose result is an integer/boolean tensor or a plain Python value: never grad-carrying. */
  static final Set<String> NON_GRAD_METHODS = Set.of("argmax", "argmin", "argsort", "eq", "ne", "lt", "gt",
      "le", "ge", "equal", "allclose", "isclose", "isnan", "isinf", "isfinite", "nonzero", "count_nonzero",
      "any", "all", "size", "dim", "ndimension", "numel", "nelement", "element_size", "long", "int", "bool",
      "byte", "short", "char", "data_ptr", "stride", "is_contiguous", "get_device", "backward", "zero_grad",
      "step", "append", "extend", "insert", "update", "add_scalar", "add_scalars", "log_dict",
      "print", "format", "startswith", "endswith", "join", "keys", "requires_grad_", "eval",
      "train", "parameters", "named_parameters", "state_dict", "load_state_dict", "register_buffer",
      "modules", "children", "buffers", "zero_", "fill_", "copy_", "manual_backward",
      "clip_grad_norm_", "unscale_", "save", "wait", "generate", "to_dict");

  /** Methods that, called on a model, run its forward pass. */
  static final Set<String> FORWARD_METHODS = Set.of("forward", "encode", "decode", "__call__",
      "get_text_features", "get_image_features", "encode_image", "encode_text", "forward_features",
      "forward_head", "embed");

  /** Keywords only a tokenizer's {@code encode}/{@code decode} takes ({@code return_tensors="pt"}). */
  private static final Set<String> TOKENIZER_KEYWORDS = Set.of("return_tensors", "skip_special_tokens",
      "add_special_tokens", "padding", "truncation", "clean_up_tokenization_spaces", "return_attention_mask",
      "return_token_type_ids", "return_offsets_mapping");

  /**
   * Whether an {@code encode}/{@code decode} call is a tokenizer's, known from its keywords
   * ({@code model.encode(prompts, return_tensors="pt")}, {@code model.decode(ids, skip_special_tokens=True)}
   * on a wrapper that forwards to its tokenizer) or from decoding one unbatched sequence
   * ({@code model.decode(output_ids[0])}): it runs no forward pass.
   */
  static boolean isTokenizerCall(Expr.Call c) {
    if (!(c.func() instanceof Expr.Attribute a) || !a.attr().contains("code")) {
      return false;
    }
    for (var k : c.keywords()) {
      if (k.arg() != null && TOKENIZER_KEYWORDS.contains(k.arg())) {
        return true;
      }
    }
    // decode(ids[0]): one unbatched sequence, which only a tokenizer decodes (a decoder network takes a batch)
    if (!a.attr().equals("decode") || c.args().size() != 1 || !(c.args().get(0) instanceof Expr.Subscript sub)) {
      return false;
    }
    Expr first = sub.slice() instanceof Expr.Tuple t && !t.elts().isEmpty() ? t.elts().get(0) : sub.slice();
    return first instanceof Expr.Constant k && k.value() instanceof dev.oomlint.ast.ConstValue.Int;
  }

  /** Attributes that never carry the graph. */
  static final Set<String> NON_GRAD_ATTRIBUTES = Set.of("data", "grad", "shape", "device", "dtype",
      "requires_grad", "is_cuda", "ndim", "is_leaf", "grad_fn", "layout", "names", "T_max");

  /**
   * Names of values that are counts of right answers, which no gradient flows through (they come from
   * comparisons: {@code (pred == y).float().mean()}): a model output's {@code ["accuracy"]} or {@code .acc}.
   */
  static final Set<String> NON_GRAD_METRICS = Set.of("accuracy", "acc", "correct", "num_correct", "n_correct",
      "correct_count", "precision", "recall", "f1", "top1", "top5", "acc1", "acc5");

  /** torch functions whose result carries no graph. */
  static final Set<String> TORCH_NON_GRAD = Set.of("argmax", "argmin", "argsort", "eq", "ne", "lt", "gt",
      "le", "ge", "equal", "allclose", "isclose", "isnan", "isinf", "isfinite", "nonzero", "count_nonzero",
      "zeros", "ones", "empty", "full", "rand", "randn", "randint", "randperm", "arange", "linspace",
      "logspace", "eye", "zeros_like", "ones_like", "empty_like", "full_like", "rand_like", "randn_like",
      "randint_like", "tensor", "as_tensor", "from_numpy", "manual_seed", "save", "load", "numel",
      "is_tensor", "no_grad", "enable_grad", "set_grad_enabled", "inference_mode", "device", "bucketize",
      "searchsorted", "multinomial", "bernoulli", "normal", "poisson", "sign", "round", "floor", "ceil",
      "unique", "histc", "bincount");

  /** torch.nn.functional losses: their value is the scalar that gets backpropagated. */
  static boolean isLossFunction(String qualified) {
    if (qualified == null || !qualified.startsWith("torch.nn.functional.")) {
      return false;
    }
    String f = qualified.substring("torch.nn.functional.".length());
    return f.contains("loss") || f.equals("cross_entropy") || f.startsWith("binary_cross_entropy")
        || f.equals("kl_div");
  }

  /** A torch.nn layer/container class (a callable model), not a loss, parameter or container of modules. */
  static boolean isNnModuleClass(String qualified) {
    if (qualified == null || !qualified.startsWith("torch.nn.")) {
      return false;
    }
    String last = lastPart(qualified);
    if (last.isEmpty() || !Character.isUpperCase(last.charAt(0)) || last.endsWith("Loss")) {
      return false;
    }
    if (qualified.startsWith("torch.nn.utils.") || qualified.startsWith("torch.nn.init.")
        || qualified.startsWith("torch.nn.functional.")) {
      return false;
    }
    return !Set.of("Parameter", "ParameterList", "ParameterDict", "ModuleList", "ModuleDict", "Module",
        "Buffer", "UninitializedParameter").contains(last) && !STATELESS_NN.contains(last);
  }

  /**
   * torch.nn modules without parameters (activations, dropout, pooling, reshaping, padding): calling one
   * is a function on its input, not a model's forward pass ({@code torch.nn.Sigmoid()(logits)}).
   */
  private static final Set<String> STATELESS_NN = Set.of("Sigmoid", "Tanh", "ReLU", "ReLU6", "LeakyReLU", "ELU",
      "SELU", "CELU", "GELU", "SiLU", "Mish", "Softmax", "Softmax2d", "LogSoftmax", "Softmin", "Softplus",
      "Softsign", "Hardtanh", "Hardswish", "Hardsigmoid", "Tanhshrink", "Softshrink", "Hardshrink", "Threshold",
      "LogSigmoid", "GLU", "Dropout", "Dropout1d", "Dropout2d", "Dropout3d", "AlphaDropout", "Identity",
      "Flatten", "Unflatten", "MaxPool1d", "MaxPool2d", "MaxPool3d", "AvgPool1d", "AvgPool2d", "AvgPool3d",
      "AdaptiveAvgPool1d", "AdaptiveAvgPool2d", "AdaptiveAvgPool3d", "AdaptiveMaxPool1d", "AdaptiveMaxPool2d",
      "AdaptiveMaxPool3d", "Upsample", "UpsamplingNearest2d", "UpsamplingBilinear2d", "PixelShuffle",
      "PixelUnshuffle", "ZeroPad2d", "ConstantPad1d", "ConstantPad2d", "ReflectionPad2d", "ReplicationPad2d",
      "CosineSimilarity", "PairwiseDistance", "ChannelShuffle", "Fold", "Unfold");

  static boolean isNnLossClass(String qualified) {
    return qualified != null && qualified.startsWith("torch.nn.") && qualified.endsWith("Loss");
  }

  /** Constructors of optimizers (torch.optim and well-known third-party ones). */
  static boolean isOptimizerConstructor(String q) {
    if (q == null) {
      return false;
    }
    String last = lastPart(q);
    if (q.startsWith("torch.optim.")) {
      return !q.contains("lr_scheduler") && !q.contains("swa_utils") && !last.isEmpty()
          && Character.isUpperCase(last.charAt(0));
    }
    if (q.startsWith("bitsandbytes.optim.") || q.startsWith("apex.optimizers.")
        || q.startsWith("deepspeed.ops.adam.") || q.startsWith("deepspeed.ops.lamb.")
        || q.startsWith("torch_optimizer.") || q.startsWith("schedulefree.") || q.startsWith("lion_pytorch.")
        || q.startsWith("torch.distributed.optim.")) {
      return !last.isEmpty() && Character.isUpperCase(last.charAt(0)) && !last.toLowerCase(Locale.ROOT).contains("sched");
    }
    return Set.of("transformers.AdamW", "transformers.Adafactor", "transformers.optimization.AdamW",
        "transformers.optimization.Adafactor", "timm.optim.create_optimizer", "timm.optim.create_optimizer_v2",
        "timm.optim.optim_factory.create_optimizer", "timm.optim.optim_factory.create_optimizer_v2",
        "timm.optim.AdamW", "timm.optim.Lamb", "timm.optim.Lars", "timm.optim.AdamP", "timm.optim.Lookahead")
        .contains(q);
  }

  /** Model constructors from well-known libraries (torchvision, timm, hub, transformers, diffusers). */
  static boolean isModelFactory(String q) {
    if (q == null) {
      return false;
    }
    if (q.startsWith("torchvision.models.") || q.equals("timm.create_model") || q.equals("torch.hub.load")
        || q.equals("timm.models.create_model")) {
      return !Character.isUpperCase(lastPart(q).charAt(0)) || q.startsWith("torchvision.models.");
    }
    return false;
  }

  /** Classes loaded with from_pretrained that are not models (they do not build an autograd graph). */
  static boolean isNonModelClassName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.contains("tokenizer") || n.contains("processor") || n.contains("extractor") || n.contains("config")
        || n.contains("scheduler") || n.contains("pipeline") || n.contains("dataset") || n.contains("loader")
        || n.contains("encoding");
  }

  static String lastPart(String q) {
    int i = q.lastIndexOf('.');
    return i < 0 ? q : q.substring(i + 1);
  }

  /** Splits an identifier into lower-case words at underscores, digits and camel-case humps. */
  static List<String> words(String id) {
    List<String> out = new ArrayList<>();
    int start = 0; // the current word is id[start, i): every character since start belongs to it
    int n = id.length();
    for (int i = 0; i < n; i++) {
      char c = id.charAt(i);
      boolean skip = c == '_' || Character.isDigit(c);
      boolean boundary = skip || (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(id.charAt(i - 1)));
      if (boundary && i > start) {
        out.add(id.substring(start, i).toLowerCase(Locale.ROOT));
      }
      if (skip) {
        start = i + 1;
      } else if (boundary) {
        start = i;
      }
    }
    if (n > start) {
      out.add(id.substring(start).toLowerCase(Locale.ROOT));
    }
    return out;
  }

  private static final Set<String> MODEL_WORDS = Set.of("model", "net", "network", "generator",
      "discriminator", "encoder", "decoder", "autoencoder", "vae", "unet", "backbone", "classifier", "critic",
      "actor", "policy", "transformer", "teacher", "student", "gpt", "bert", "llm", "ema", "detector",
      "segmenter", "regressor");

  private static final Set<String> NOT_MODEL_WORDS = Set.of("tokenizer", "processor", "extractor", "loss",
      "criterion", "optimizer", "optim", "opt", "scheduler", "sched", "pipe", "pipeline", "fn", "func",
      "function", "config", "cfg", "args", "dataset", "loader", "data", "metric", "metrics", "writer",
      "logger", "path", "dir", "name", "names", "file", "type", "kwargs", "state", "dict", "list", "params",
      "parameters", "output", "outputs", "class", "cls", "fns", "builder", "factory", "registry", "id", "ids",
      "url", "str", "key", "keys", "size", "dim", "hparams", "checkpoint", "ckpt", "cache");

  /** Leading words that make a name an action on a model ({@code unwrap_model}, {@code load_model}). */
  private static final Set<String> VERBS = Set.of("get", "build", "create", "load", "unwrap", "enable",
      "disable", "init", "initialize", "make", "set", "save", "prepare", "wrap", "compile", "freeze",
      "unfreeze", "to", "register", "apply", "configure", "setup", "reset", "update", "log", "print", "export",
      "convert", "copy", "push", "download", "upload", "is", "has", "count", "num", "check", "validate", "eval",
      "evaluate", "train", "test", "fit", "run", "remove", "add", "patch", "cast", "move", "sync", "merge",
      "fuse", "delete", "upcast", "offload", "unload", "quantize", "resize", "replace", "select", "find", "default", "swap", "average", "clone", "share",
      "parse", "format", "extract", "compute", "calc", "calculate", "process", "preprocess", "postprocess",
      "tokenize", "render", "plot", "show", "display", "read", "write", "filter", "split", "collect", "normalize");

  /** Whether an identifier names a model ({@code model}, {@code netG}, {@code policy_net}, {@code G}). */
  static boolean isModelName(String id) {
    if (id.equals("G") || id.equals("D")) {
      return true;
    }
    List<String> ws = words(id);
    if (!ws.isEmpty() && VERBS.contains(ws.get(0))) {
      return false;
    }
    boolean hit = false;
    for (String w : ws) {
      if (NOT_MODEL_WORDS.contains(w)) {
        return false;
      }
      if (MODEL_WORDS.contains(w) || w.endsWith("net") && w.length() > 3 && !w.equals("internet")
          || w.endsWith("model") || w.equals("models")) {
        hit = true;
      }
    }
    return hit;
  }

  /**
   * Whether an attribute names a model held by an object ({@code self.model}, {@code trainer.net},
   * {@code self.text_encoder}): a model name whose last word is the model word.
   */
  static boolean isModelAttributeName(String attr) {
    if (!isModelName(attr)) {
      return false;
    }
    List<String> ws = words(attr);
    String last = ws.isEmpty() ? "" : ws.get(ws.size() - 1);
    return MODEL_WORDS.contains(last) || last.endsWith("net") || last.endsWith("model") || last.equals("models")
        || attr.equals("G") || attr.equals("D") || ws.size() == 2 && ws.get(0).equals("net");
  }

  /** Whether a class name reads like a model class ({@code Net}, {@code ResNet}, {@code GPT}). */
  static boolean isModelClassName(String id) {
    if (isNonModelClassName(id)) {
      return false;
    }
    return isModelName(id) || id.endsWith("Net") || id.equals("GPT") || id.endsWith("Model");
  }

  private static final Set<String> LOSS_WORDS = Set.of("criterion", "loss", "lossfn", "losses");

  /** Whether an identifier names a loss callable ({@code criterion}, {@code loss_fn}, {@code mse_loss}). */
  static boolean isLossCallableName(String id) {
    List<String> ws = words(id);
    for (String w : ws) {
      if (w.equals("criterion") || w.equals("lossfn")) {
        return true;
      }
    }
    return ws.contains("loss") && (ws.contains("fn") || ws.contains("func") || ws.contains("function")
        || ws.contains("module") || ws.size() >= 2 && ws.get(ws.size() - 1).equals("loss"));
  }

  /** Words that make an optimizer-named name a count, a setting or a part of one, not the optimizer. */
  private static final Set<String> NOT_AN_OPTIMIZER_OBJECT = Set.of("step", "steps", "iter", "iters", "iteration",
      "iterations", "epoch", "epochs", "per", "every", "freq", "interval", "num", "count", "cfg", "config", "conf",
      "args", "kwargs", "kw", "type", "name", "cls", "class", "params", "lr", "fn", "func", "level", "mode");

  /** Whether an identifier names an optimizer ({@code optimizer}, {@code opt_g}, {@code optimizerD}). */
  static boolean isOptimizerName(String id) {
    String lower = id.toLowerCase(Locale.ROOT);
    if (lower.contains("sched") || lower.contains("option") || lower.equals("opts")) {
      return false;
    }
    List<String> words = words(id); // lower case
    if (words.stream().anyMatch(NOT_AN_OPTIMIZER_OBJECT::contains)) {
      return false; // optim_steps_per_collect, optimizer_cfg, optim_params: a number, a setting, a list
    }
    for (String w : words) {
      if (w.equals("opt") || w.equals("optim") || w.equals("optimizer") || w.equals("optimiser")
          || w.equals("optimizers") || w.equals("optims") || w.equals("optimisers")) {
        return true;
      }
    }
    return false;
  }

  private static final Set<String> EVAL_WORDS = Set.of("eval", "evaluate", "evaluation", "evaluating",
      "validate", "validation", "valid", "val", "test", "testing", "predict", "prediction", "predictions",
      "infer", "inference", "evaluator", "predictor", "tester", "validator");

  /** Whether a function name says it evaluates ({@code evaluate}, {@code validate_epoch}, {@code predict}). */
  static boolean isEvalFunctionName(String id) {
    for (String w : words(id)) {
      if (EVAL_WORDS.contains(w)) {
        return true;
      }
    }
    return false;
  }

  private static final Set<String> EVAL_DATA_WORDS = Set.of("val", "valid", "validation", "test", "testing",
      "eval", "evaluation", "dev");

  /** Whether a name says it holds evaluation data ({@code val_loader}, {@code test_dl}, {@code dev_set}). */
  static boolean isEvalDataName(String id) {
    for (String w : words(id)) {
      if (EVAL_DATA_WORDS.contains(w)) {
        return true;
      }
    }
    return false;
  }
}
