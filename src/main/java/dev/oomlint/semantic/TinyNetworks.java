package dev.oomlint.semantic;

import dev.oomlint.ast.ConstValue;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.Stmt;
import dev.oomlint.ast.Support;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether every network a torch file runs is a tutorial-sized one it builds itself, on toy data: the
 * MNIST classifier, the seq2seq lesson on five literal sentences. Then an evaluation with autograd on,
 * or a decoding loop that keeps its graph, costs megabytes: no GPU memory is at stake.
 *
 * <p>A file counts when all of this holds:
 * <ul>
 *   <li>it loads no network from elsewhere: no {@code from_pretrained}, {@code torch.load},
 *       {@code torch.hub}, torchvision or timm model, and imports no capitalised name (a model class)
 *       from a module that is not a known data, plotting or numeric library;</li>
 *   <li>it builds at least one sized torch layer, and every torch layer it builds has sizes that
 *       evaluate to numbers (literals, arithmetic, names bound to them, {@code __init__} parameters given
 *       numbers by every construction of the class in the file, or their defaults), except at most
 *       one size per layer that the data decides (a vocabulary) in a layer whose other sizes multiply to
 *       at most {@link #NARROW}; layers repeated by a loop count as often as its header says; no
 *       transformer or attention layers;</li>
 *   <li>the known sizes add up to at most {@link #TINY_PARAMETERS} parameters;</li>
 *   <li>its data is a toy: MNIST, Fashion-MNIST, CIFAR or SVHN, or samples written as literals
 *       (or a scikit-learn toy dataset) in a file that reads nothing from disk or the network;</li>
 *   <li>with convolutions, the images are those small datasets' and every data loader's batch size
 *       is shown, so that one batch's convolution outputs take at most {@link #CONV_ACTIVATION_BYTES}
 *       (the canonical MNIST example's test batch of 1000 from the command line is not tiny).</li>
 * </ul>
 */
public final class TinyNetworks {
  /** Five million parameters: 20 MB of float32 weights. */
  static final long TINY_PARAMETERS = 5_000_000;
  /** The widest a layer with a data-sized dimension may be otherwise (an {@code Embedding(vocab, 256)}). */
  static final long NARROW = 256;
  /** The most a tiny network's convolution outputs may take for one batch: 64 MB. */
  static final long CONV_ACTIVATION_BYTES = 64L << 20;
  /** The widest a convolution may be. */
  static final long CONV_CHANNELS = 256;
  private static final int MAX_DEPTH = 4;

  /** Top-level packages whose capitalised names are data, plotting, numeric or utility classes, not networks. */
  private static final Set<String> SAFE_PACKAGES = Set.of("torch", "torchvision", "numpy", "pandas", "sklearn",
      "scipy", "matplotlib", "seaborn", "PIL", "collections", "typing", "dataclasses", "enum", "pathlib", "tqdm",
      "IPython", "io", "string", "random", "math", "os", "sys", "time", "datetime", "json", "re", "itertools",
      "functools", "copy", "unicodedata", "glob", "argparse", "abc", "__future__", "logging", "warnings",
      "torchsummary", "torchviz", "tensorboardX", "visdom", "csv", "pickle", "shutil", "urllib", "zipfile",
      "tarfile", "operator", "statistics", "plotly", "ipywidgets", "nltk", "spacy", "gensim", "cv2", "skimage",
      "imageio", "requests", "contextlib", "types", "inspect", "heapq", "bisect", "queue", "struct");

  /** Calls that bring a network from elsewhere (prefixes of qualified names). */
  private static final List<String> EXTERNAL = List.of("torch.load", "torch.jit.load", "torch.hub.",
      "torch.jit.script", "torchvision.models.", "timm.", "transformers.", "diffusers.", "sentence_transformers.",
      "peft.", "open_clip.", "clip.load", "ultralytics.", "segmentation_models_pytorch.", "torchaudio.models.",
      "torchaudio.pipelines.", "torchtext.models.", "lightning.", "pytorch_lightning.", "fairseq.", "mmcv.",
      "detectron2.");

  /** Small-image datasets: convolutions over them keep activations of a few megabytes. */
  private static final Set<String> SMALL_IMAGES = Set.of("MNIST", "FashionMNIST", "KMNIST", "EMNIST", "QMNIST",
      "CIFAR10", "CIFAR100", "SVHN", "USPS");

  /** torch.nn layers that hold no parameters, or containers that count what they hold. */
  private static final Set<String> SIZELESS = Set.of("Sequential", "ModuleList", "ModuleDict", "Module", "Identity",
      "Dropout", "Dropout1d", "Dropout2d", "Dropout3d", "AlphaDropout", "ReLU", "ReLU6", "LeakyReLU", "PReLU", "ELU",
      "SELU", "CELU", "GELU", "SiLU", "Mish", "Sigmoid", "Tanh", "Softmax", "LogSoftmax", "Softplus", "Softsign",
      "Hardtanh", "Hardswish", "Hardsigmoid", "Tanhshrink", "Threshold", "GLU", "Flatten", "Unflatten",
      "MaxPool1d", "MaxPool2d", "MaxPool3d", "AvgPool1d", "AvgPool2d", "AvgPool3d", "AdaptiveAvgPool1d",
      "AdaptiveAvgPool2d", "AdaptiveAvgPool3d", "AdaptiveMaxPool1d", "AdaptiveMaxPool2d", "Upsample",
      "UpsamplingNearest2d", "UpsamplingBilinear2d", "PixelShuffle", "PixelUnshuffle", "ZeroPad2d",
      "ConstantPad2d", "ReflectionPad2d", "ReplicationPad2d", "CosineSimilarity", "PairwiseDistance");

  private final SemanticModel sm;
  private long total;
  private boolean conv;
  private boolean sized;
  private long channels;
  private long batch;
  /** {@link #parameter}'s answers by function and parameter name, so that call sites are read once. */
  private final Map<Stmt.FunctionDef, Map<String, Long>> parameters = new IdentityHashMap<>();

  private TinyNetworks(SemanticModel sm) {
    this.sm = sm;
  }

  /** Whether every network the file runs is a tiny one it builds itself (see the class comment). */
  static boolean onlyTiny(SemanticModel sm) {
    return new TinyNetworks(sm).check();
  }

  private boolean check() {
    if (!importsOnlyKnownClasses()) {
      return false;
    }
    boolean smallImages = false;
    for (Expr.Call c : sm.calls()) {
      String q = sm.qualifiedName(c.func());
      String m = AstUtil.methodName(c);
      if ("from_pretrained".equals(m) || "load_state_dict_from_url".equals(m)) {
        return false;
      }
      if (q == null) {
        if (sm.classCalled(c) == null && c.func() instanceof Expr.Attribute a && capitalised(a.attr())
            && !(a.value() instanceof Expr.Name n && safeModule(sm, n))) {
          return false;   // models.Generator(): a class of a module the file does not show
        }
        continue;
      }
      for (String p : EXTERNAL) {
        if (q.startsWith(p)) {
          return false;
        }
      }
      if (q.startsWith("torchvision.datasets.") && SMALL_IMAGES.contains(TorchApi.lastPart(q))) {
        smallImages = true;
      }
      if (q.startsWith("torch.nn.") && !layer(c, q)) {
        return false;
      }
      if (q.equals("torch.utils.data.DataLoader")) {
        batch(c);
      }
    }
    if (!sized || total > TINY_PARAMETERS) {
      return false;
    }
    if (conv) {   // every convolution's output kept for a batch of 32x32 images, in float32
      return smallImages && batch > 0 && batch * channels * 32 * 32 * 4 <= CONV_ACTIVATION_BYTES;
    }
    return smallImages || toyData();
  }

  /** Takes the largest batch a data loader makes; -1 once one's batch size is not shown. */
  private void batch(Expr.Call loader) {
    Expr size = Calls.argument(loader, 1, "batch_size");
    Long b = size == null ? Long.valueOf(1) : dim(size, 0);
    batch = b == null || batch < 0 ? -1 : Math.max(batch, b);
  }

  /** Functions that read data from outside the file: files, datasets, folders of images. */
  private static final List<String> DATA_SOURCES = List.of("open", "pandas.read_", "numpy.load", "numpy.loadtxt",
      "numpy.genfromtxt", "numpy.fromfile", "torchvision.datasets.", "torchtext.", "datasets.load_dataset",
      "sklearn.datasets.fetch_", "glob.", "os.listdir", "os.walk", "PIL.Image.open", "cv2.imread", "h5py.",
      "scipy.io.loadmat", "pickle.load", "json.load", "io.open", "codecs.open", "pathlib.Path.read_text",
      "urllib.request.urlopen", "requests.get", "torchaudio.load", "librosa.load", "nltk.corpus.");

  /** scikit-learn's toy datasets: a few hundred to a few thousand samples. */
  private static final List<String> TOY_DATASETS = List.of("sklearn.datasets.load_", "sklearn.datasets.make_");

  /**
   * Whether the data is a toy: the file reads nothing from outside (no file, dataset or folder) and
   * makes its samples from literals ({@code torch.tensor([[1.0], [2.0]])}, a list of sentences) or
   * a scikit-learn toy dataset ({@code load_iris()}, {@code make_moons(200)}).
   */
  private boolean toyData() {
    boolean literal = false;
    for (Expr.Call c : sm.calls()) {
      String q = sm.qualifiedName(c.func());
      if (q == null) {
        continue;
      }
      for (String p : DATA_SOURCES) {
        if (q.startsWith(p)) {
          return false;
        }
      }
      for (String p : TOY_DATASETS) {
        literal |= q.startsWith(p);
      }
      if ((q.startsWith("torch.") || q.startsWith("numpy.")) && !c.args().isEmpty()
          && literalData(c.args().get(0))) {
        literal = true;   // torch.tensor([[1.0, 2.0], ...]), np.array(["a", "b"])
      }
    }
    if (!literal) {
      for (Stmt s : sm.module().body()) {
        literal |= s instanceof Stmt.Assign a && literalData(a.value());   // raw = ["I feel hungry.", ...]
      }
    }
    return literal;
  }

  /** A list or tuple literal of at least two elements, each a number, a string or such a literal itself. */
  private static boolean literalData(Expr e) {
    List<Expr> elts = e instanceof Expr.ListExpr l ? l.elts() : e instanceof Expr.Tuple t ? t.elts() : null;
    if (elts == null || elts.size() < 2) {
      return false;
    }
    for (Expr x : elts) {
      boolean ok = x instanceof Expr.Constant k && (k.value() instanceof ConstValue.Int
          || k.value() instanceof ConstValue.Float || k.value() instanceof ConstValue.Str)
          || x instanceof Expr.UnaryOp u && u.operand() instanceof Expr.Constant
          || literalData(x);
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static boolean capitalised(String name) {
    return !name.isEmpty() && Character.isUpperCase(name.charAt(0)) && !name.equals(name.toUpperCase(java.util.Locale.ROOT));
  }

  /** Whether every capitalised name the file imports comes from a known library (not a network's module). */
  private boolean importsOnlyKnownClasses() {
    for (Stmt s : sm.allImportStatements()) {
      if (s instanceof Stmt.ImportFrom f) {
        if (f.level() > 0 || f.module() == null || !SAFE_PACKAGES.contains(topPackage(f.module()))) {
          for (Support.Alias a : f.names()) {
            if (a.name().equals("*") || capitalised(a.name())) {
              return false;
            }
          }
        }
      }
    }
    return true;
  }

  private static String topPackage(String module) {
    int dot = module.indexOf('.');
    return dot < 0 ? module : module.substring(0, dot);
  }

  private static boolean safeModule(SemanticModel sm, Expr.Name n) {
    for (Binding b : sm.resolve(n)) {
      if (b.kind() == Binding.Kind.IMPORT && b.qualifiedName() != null
          && SAFE_PACKAGES.contains(topPackage(b.qualifiedName()))) {
        return true;
      }
    }
    return false;
  }

  /** Adds one torch.nn construction to the sizes; false when it makes the file not tiny. */
  private boolean layer(Expr.Call c, String q) {
    String last = TorchApi.lastPart(q);
    if (q.startsWith("torch.nn.functional.") || q.startsWith("torch.nn.init.") || q.startsWith("torch.nn.utils.")
        || SIZELESS.contains(last) || TorchApi.isNnLossClass(q) || last.isEmpty()
        || !Character.isUpperCase(last.charAt(0))) {
      return true;
    }
    long times = repeats(c);
    if (times < 0) {
      return false;
    }
    List<Long> dims = new ArrayList<>();
    switch (last) {
      case "Linear", "Embedding", "EmbeddingBag" -> {
        dims.add(dim(Calls.argument(c, 0, last.equals("Linear") ? "in_features" : "num_embeddings"), 0));
        dims.add(dim(Calls.argument(c, 1, last.equals("Linear") ? "out_features" : "embedding_dim"), 0));
      }
      case "RNN", "GRU", "LSTM", "RNNCell", "GRUCell", "LSTMCell" -> {
        Long in = dim(Calls.argument(c, 0, "input_size"), 0);
        Long hidden = dim(Calls.argument(c, 1, "hidden_size"), 0);
        Expr layersArg = last.endsWith("Cell") ? null : Calls.argument(c, 2, "num_layers");
        Long layers = layersArg == null ? Long.valueOf(1) : dim(layersArg, 0);
        if (hidden == null || layers == null || layers > 8) {
          return false;
        }
        long gates = last.startsWith("LSTM") ? 4 : last.startsWith("GRU") ? 3 : 1;
        if (in == null && hidden > NARROW || in != null && in > 1L << 20 || hidden > 1L << 20) {
          return false;   // an input width the data decides, into a wide state
        }
        // (input + hidden) * hidden weights per gate and layer, twice for a bidirectional one
        sized = true;
        total += times * 2 * gates * layers * hidden * ((in == null ? 0 : in) + hidden);
        return total <= TINY_PARAMETERS;
      }
      case "Conv1d", "Conv2d", "Conv3d", "ConvTranspose1d", "ConvTranspose2d", "ConvTranspose3d" -> {
        Long in = dim(Calls.argument(c, 0, "in_channels"), 0);
        Long out = dim(Calls.argument(c, 1, "out_channels"), 0);
        Long k = dim(Calls.argument(c, 2, "kernel_size"), 0);
        if (in == null || out == null || k == null || in > CONV_CHANNELS || out > CONV_CHANNELS || k > 11) {
          return false;
        }
        conv = true;
        sized = true;
        channels += times * out;
        total += times * in * out * k * k;
        return total <= TINY_PARAMETERS;
      }
      case "BatchNorm1d", "BatchNorm2d", "BatchNorm3d", "LayerNorm", "GroupNorm", "InstanceNorm1d",
          "InstanceNorm2d", "InstanceNorm3d" -> {
        return true;   // two numbers per feature of a layer counted elsewhere
      }
      default -> {
        return false;   // transformers, attention, anything whose size is not read here
      }
    }
    int unknown = 0;
    long known = 1;
    for (Long d : dims) {
      if (d == null) {
        unknown++;
      } else {
        known *= d;
      }
    }
    if (unknown > 1 || unknown == 1 && known > NARROW || known > 1L << 40) {
      return false;
    }
    sized = true;
    total += times * known;
    return total <= TINY_PARAMETERS;
  }

  /** How many times a layer construction runs in its function: the product of its loops' literal passes; -1 when unknown. */
  private long repeats(Expr.Call c) {
    long times = 1;
    for (Node cur = sm.parent(c); cur != null; cur = sm.parent(cur)) {
      if (cur instanceof Stmt.FunctionDef || cur instanceof Stmt.ClassDef) {
        break;
      }
      if (cur instanceof Stmt.For || cur instanceof Stmt.While) {
        long n = Iterations.literalPasses(sm, (Stmt) cur);
        if (n < 0) {
          return -1;
        }
        times *= Math.max(n, 1);
      } else if (cur instanceof Expr.ListComp || cur instanceof Expr.GeneratorExp || cur instanceof Expr.SetComp
          || cur instanceof Expr.DictComp) {
        return -1;
      }
    }
    return times;
  }

  /** The value of a size expression, or null when the code does not show it. */
  private Long dim(Expr e, int depth) {
    if (e == null || depth > MAX_DEPTH) {
      return null;
    }
    if (e instanceof Expr.Constant k) {
      return k.value() instanceof ConstValue.Int i && i.value().signum() >= 0 && i.value().bitLength() < 32
          ? i.value().longValue() : null;
    }
    if (e instanceof Expr.Tuple t) {   // kernel_size=(3, 3)
      Long most = null;
      for (Expr x : t.elts()) {
        Long v = dim(x, depth + 1);
        if (v == null) {
          return null;
        }
        most = most == null ? v : Math.max(most, v);
      }
      return most;
    }
    if (e instanceof Expr.BinOp b) {
      Long l = dim(b.left(), depth + 1);
      Long r = l == null ? null : dim(b.right(), depth + 1);
      if (l == null || r == null) {
        return null;
      }
      return switch (b.op()) {
        case ADD -> l + r;
        case SUB -> Math.max(0, l - r);
        case MULT -> l * r;
        case FLOOR_DIV, DIV -> r == 0 ? null : l / r;
        default -> null;
      };
    }
    if (e instanceof Expr.Call c && c.func() instanceof Expr.Name f && f.id().equals("int") && c.args().size() == 1) {
      return dim(c.args().get(0), depth + 1);
    }
    if (e instanceof Expr.Attribute a && sm.isSelf(a.value())) {
      return most(sm.selfAssignedValues(a), depth);
    }
    if (e instanceof Expr.Name n) {
      List<Binding> bs = sm.resolve(n);
      if (bs.isEmpty()) {
        return null;
      }
      List<Expr> values = new ArrayList<>();
      for (Binding b : bs) {
        if (b.kind() == Binding.Kind.PARAMETER) {
          return parameter(n, b, depth);
        }
        if (b.kind() != Binding.Kind.ASSIGN || b.index() >= 0 || b.value() == null) {
          return null;
        }
        values.add(b.value());
      }
      return most(values, depth);
    }
    return null;
  }

  private Long most(List<Expr> values, int depth) {
    if (values.isEmpty()) {
      return null;
    }
    long most = 0;
    for (Expr v : values) {
      Long d = dim(v, depth + 1);
      if (d == null) {
        return null;
      }
      most = Math.max(most, d);
    }
    return most;
  }

  /**
   * A parameter's value: the largest the file gives it, over every construction of the class whose
   * {@code __init__} it belongs to (or every call of its function), with its default where a call
   * leaves it out; null when a call gives it something that is not a number, or nothing calls it.
   */
  private Long parameter(Expr.Name use, Binding b, int depth) {
    Stmt.FunctionDef f = sm.parameterOwner(use, b);
    if (f == null) {
      return null;
    }
    Map<String, Long> known = parameters.computeIfAbsent(f, k -> new HashMap<>());
    if (known.containsKey(b.name())) {
      return known.get(b.name());
    }
    known.put(b.name(), null);   // while the call sites are read: a cycle through them is unknown
    Long value = givenAtEveryCall(f, b.name(), depth);
    known.put(b.name(), value);
    return value;
  }

  private Long givenAtEveryCall(Stmt.FunctionDef f, String name, int depth) {
    Stmt.ClassDef cls = f.name().equals("__init__") ? sm.enclosingClass(f) : null;
    List<Expr.Call> calls = new ArrayList<>();
    int skip = 0;
    if (cls != null) {
      skip = 1;
      for (Expr.Call c : sm.calls()) {
        if (sm.classCalled(c) == cls) {
          calls.add(c);
        }
      }
    } else if (sm.enclosingClass(f) == null) {
      calls.addAll(sm.callSites(f));
    }
    if (calls.isEmpty()) {
      return null;
    }
    int at = AstUtil.positionOf(f, name) - skip;
    Expr dflt = AstUtil.defaultOf(f, name);
    List<Expr> given = new ArrayList<>();
    for (Expr.Call c : calls) {
      Expr v = Calls.passed(c, at, name);
      if (Calls.hasStarred(c) || (v == null ? dflt : v) == null) {
        return null;
      }
      given.add(v == null ? dflt : v);
    }
    return most(given, depth);
  }

}
