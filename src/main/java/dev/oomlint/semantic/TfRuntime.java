package dev.oomlint.semantic;

import dev.oomlint.ast.AstWalker;
import dev.oomlint.ast.ConstValue;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Mod;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.Stmt;
import dev.oomlint.ast.Support;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How a file sets up TensorFlow's GPU runtime: its first TensorFlow import, the first place it builds,
 * loads, trains or runs a TensorFlow/Keras model (what makes TensorFlow initialise the GPU and reserve
 * its memory), whether it limits that reservation (memory growth, a memory limit, the TF1 session
 * options, {@code TF_FORCE_GPU_ALLOW_GROWTH}), and whether it hides the GPUs or targets a TPU.
 */
final class TfRuntime {
  /** Calls (qualified) that limit TensorFlow's GPU memory reservation. */
  private static final Set<String> LIMITING_CALLS = Set.of(
      "tensorflow.config.experimental.set_memory_growth", "tensorflow.config.set_memory_growth",
      "tensorflow.config.set_logical_device_configuration",
      "tensorflow.config.experimental.set_virtual_device_configuration",
      "tensorflow.config.experimental.set_logical_device_configuration",
      "tensorflow.config.LogicalDeviceConfiguration", "tensorflow.config.experimental.VirtualDeviceConfiguration",
      "tensorflow.config.gpu.set_per_process_memory_growth", "tensorflow.config.gpu.set_per_process_memory_fraction",
      "tensorflow.GPUOptions", "tensorflow.compat.v1.GPUOptions");

  /** Keyword arguments and attributes that limit it ({@code GPUOptions(allow_growth=True)}, {@code config.gpu_options.allow_growth = True}). */
  private static final Set<String> LIMITING_OPTIONS = Set.of("allow_growth", "per_process_gpu_memory_fraction",
      "memory_limit", "gpu_options");

  /** Environment variables that limit it, or that switch the GPUs off or to another allocator. */
  private static final Set<String> LIMITING_ENV = Set.of("TF_FORCE_GPU_ALLOW_GROWTH", "TF_GPU_ALLOCATOR");

  /** Keras methods that train or run a model. */
  private static final Set<String> MODEL_RUNS = Set.of("fit", "fit_generator", "train_on_batch", "predict",
      "predict_on_batch", "evaluate", "evaluate_generator", "predict_generator", "test_on_batch");

  /** Calls (qualified name prefixes or names) that run TensorFlow computation on a device. */
  private static final Set<String> RUNS_EXACT = Set.of("tensorflow.saved_model.load", "tensorflow_hub.load",
      "tensorflow_hub.KerasLayer");

  private final SemanticModel sm;
  private Node workSite;
  private boolean workSearched;
  /** The calls that run a model or record gradients ({@link Work#RUN}, {@link Work#TAPE}), found by {@link #workSite}. */
  private final List<Expr.Call> running = new java.util.ArrayList<>();

  TfRuntime(SemanticModel sm) {
    this.sm = sm;
  }

  /** The first statement importing TensorFlow ({@code import tensorflow as tf}, {@code from tensorflow import keras}), or null. */
  Stmt firstImport() {
    Stmt first = null;
    for (Stmt s : sm.allImportStatements()) {
      for (String m : SemanticModel.importedModules(s)) {
        if ((m.equals("tensorflow") || m.startsWith("tensorflow."))
            && (first == null || s.range().start() < first.range().start())) {
          first = s;
        }
      }
    }
    return first;
  }

  /**
   * The first call that builds, loads, trains or runs a TensorFlow or Keras model, records gradients
   * ({@code tf.GradientTape}) or opens a TF1 session; or null. Two kinds of file have none although
   * they call such things: a file that only builds or loads a model to print, plot or save it (a
   * model file's self-test, a plotting script: it never runs the model), and one whose gradient tapes
   * and sessions compute on plain tensors with no model, layer or optimizer anywhere in it (an
   * autodiff or {@code tf.multiply} demo).
   */
  Node workSite() {
    if (!workSearched) {
      workSearched = true;
      Node first = null;
      Node firstModel = null;
      boolean runs = false;
      boolean builds = false;
      boolean evidence = false;
      boolean tapes = false;
      for (Expr.Call c : sm.calls()) {
        Work w = work(c);
        evidence = evidence || w == Work.BUILD || w == Work.RUN || modelEvidence(c);
        if (w == Work.NONE) {
          continue;
        }
        tapes |= w == Work.TAPE;
        runs |= w == Work.RUN;
        if (w == Work.RUN || w == Work.TAPE) {
          running.add(c);
        }
        builds |= w == Work.BUILD;
        if (first == null || c.range().start() < first.range().start()) {
          first = c;
        }
        if (w != Work.TAPE && (firstModel == null || c.range().start() < firstModel.range().start())) {
          firstModel = c;
        }
      }
      if (tapes && (evidence || definesModelClass())) {
        workSite = first;
      } else if (runs || builds && modelUsed()) {
        workSite = firstModel;
      }
    }
    return workSite;
  }

  private enum Work { NONE, BUILD, RUN, TAPE }

  /** Gradient tapes and TF1 sessions: GPU work when the file also has a model, layer or optimizer. */
  private static final Set<String> TAPES = Set.of("tensorflow.GradientTape", "tensorflow.Session",
      "tensorflow.compat.v1.Session", "tensorflow.InteractiveSession", "tensorflow.compat.v1.InteractiveSession",
      "tensorflow.compat.v1.train.MonitoredTrainingSession");

  /** Methods of a Keras model that only describe, plot or save it: a model used only through them never runs. */
  private static final Set<String> DESCRIBES = Set.of("summary", "save", "save_weights", "to_json", "to_yaml",
      "count_params", "get_config", "get_layer", "compile", "build");

  /**
   * Functions a model is passed to without running it: printing and plotting, and the converters and
   * savers of export scripts (TFLite's {@code from_keras_model}, tf2onnx's {@code from_keras},
   * keras2onnx's {@code convert_keras}, {@code save_model}).
   */
  private static final Set<String> DESCRIBERS = Set.of("print", "plot_model", "model_to_dot", "len", "str", "repr",
      "type", "isinstance", "id", "from_keras_model", "from_keras", "convert_keras", "save_model");

  private Work work(Expr.Call c) {
    String q = sm.qualifiedName(c.func());
    if (q != null) {
      if (TAPES.contains(q)) {
        return Work.TAPE;
      }
      if (RUNS_EXACT.contains(q) || q.startsWith("tensorflow.estimator.") && Character.isUpperCase(lastChar0(q))) {
        return Work.RUN;
      }
      if (q.startsWith("transformers.TF") && q.contains("Model")) {
        return Work.RUN;   // pretrained weights are loaded to be used
      }
      return KerasModels.modelClassPrefix(q) != null || KerasModels.isLoader(q) ? Work.BUILD : Work.NONE;
    }
    String m = AstUtil.methodName(c);
    if (m != null && (MODEL_RUNS.contains(m) || "from_pretrained".equals(m))) {
      Expr recv = AstUtil.receiver(c);
      if ("from_pretrained".equals(m)) {
        String rq = sm.qualifiedName(recv);
        return rq != null && rq.startsWith("transformers.TF") ? Work.RUN : Work.NONE;
      }
      return sm.isKerasModel(recv) ? Work.RUN : Work.NONE;
    }
    return Work.NONE;
  }

  /**
   * Whether a model the file builds is run or handed on: called ({@code model(x)}), a method other than
   * describing or saving it called on it, or passed to a function other than {@code print} and
   * {@code plot_model} (a training helper, a converter).
   */
  private boolean modelUsed() {
    for (Expr.Call c : sm.calls()) {
      if (sm.isKerasModel(c.func()) || callsKerasClassInstance(c.func())) {
        return true;
      }
      String m = AstUtil.methodName(c);
      if (m != null && (MODEL_RUNS.contains(m) || !DESCRIBES.contains(m) && sm.isKerasModel(AstUtil.receiver(c)))) {
        return true;   // fit/predict on a model built through helpers the model tracking does not follow
      }
      String callee = AstUtil.lastName(c.func());
      if (callee != null && DESCRIBERS.contains(callee)) {
        continue;
      }
      if (Calls.anyArgument(c, sm::isKerasModel)) {
        return true;
      }
    }
    return false;
  }

  /** Parts of TensorFlow that make a model: Keras layers, models and optimizers, TF1 layers and optimizers, hub modules. */
  private static final List<String> EVIDENCE_PREFIXES = List.of("tensorflow.keras.", "keras.", "tf_keras.",
      "tensorflow.python.keras.", "tensorflow.layers.", "tensorflow.compat.v1.layers.", "tensorflow.contrib.",
      "tensorflow.estimator.", "tensorflow.optimizers.", "tensorflow_hub.", "transformers.TF", "sonnet.");

  /** TF1 calls that show trained variables or a stored graph: initialisers, savers, {@code get_variable}, frozen graphs. */
  private static final Set<String> TF1_EVIDENCE = Set.of("global_variables_initializer", "initialize_all_variables",
      "Saver", "get_variable", "import_graph_def", "GraphDef", "GraphDef.FromString", "loader.load");

  /** {@code tf.nn} functions that are layers, not arithmetic. */
  private static final List<String> NN_LAYER_WORDS = List.of("conv", "pool", "rnn", "lstm", "gru", "embedding",
      "dropout", "batch_norm", "xw_plus_b", "bias_add", "cross_entropy", "attention");

  private boolean modelEvidence(Expr.Call c) {
    String q = sm.qualifiedName(c.func());
    if (q == null) {
      return false;
    }
    for (String p : EVIDENCE_PREFIXES) {
      if (q.startsWith(p)) {
        return true;
      }
    }
    if ((q.startsWith("tensorflow.train.") || q.startsWith("tensorflow.compat.v1.train.")) && q.endsWith("Optimizer")) {
      return true;
    }
    String rest = q.startsWith("tensorflow.compat.v1.") ? q.substring("tensorflow.compat.v1.".length())
        : q.startsWith("tensorflow.") ? q.substring("tensorflow.".length()) : null;
    if (rest != null && (TF1_EVIDENCE.contains(rest) || rest.startsWith("train.") && TF1_EVIDENCE.contains(rest.substring(6))
        || rest.startsWith("saved_model.") && TF1_EVIDENCE.contains(rest.substring(12)))) {
      return true;
    }
    if (q.startsWith("tensorflow.nn.") || q.startsWith("tensorflow.compat.v1.nn.")) {
      for (String w : NN_LAYER_WORDS) {
        if (q.contains(w)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether {@code callee} is an instance of a same-file Keras layer or model class, or of a
   * {@code tf.Module}: {@code FCLayer(2048, 512)} in {@code FCLayer(2048, 512)(h)}, or a name bound
   * to one ({@code layer = SelfAttention(512)}, then {@code layer(x)}): calling it runs it.
   */
  private boolean callsKerasClassInstance(Expr callee) {
    if (callee instanceof Expr.Call made) {
      Stmt.ClassDef cls = sm.classCalled(made);
      return cls != null && kerasClass(cls, 0);
    }
    if (callee instanceof Expr.Name n) {
      for (Binding b : sm.resolve(n)) {
        if (b.value() instanceof Expr.Call made) {
          Stmt.ClassDef cls = sm.classCalled(made);
          if (cls != null && kerasClass(cls, 0)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private boolean kerasClass(Stmt.ClassDef cls, int depth) {
    if (depth > 4) {
      return false;
    }
    for (Expr b : cls.bases()) {
      String q = sm.qualifiedName(b);
      if (q != null) {
        if (kerasBase(q)) {
          return true;
        }
      } else if (b instanceof Expr.Name n) {
        for (Binding binding : sm.resolve(n)) {
          if (binding.node() instanceof Stmt.ClassDef base && base != cls && kerasClass(base, depth + 1)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean kerasBase(String q) {
    return q.equals("tensorflow.Module") || KerasModels.modelClassPrefix(q) != null
        || q.contains("keras.") && q.contains("layers.");
  }

  /** Whether the file defines a class deriving from a Keras model or layer, or from {@code tf.Module}. */
  private boolean definesModelClass() {
    boolean[] hit = {false};
    AstWalker.walk(sm.module(), n -> {
      if (!hit[0] && n instanceof Stmt.ClassDef cls) {
        for (Expr b : cls.bases()) {
          String q = sm.qualifiedName(b);
          hit[0] |= q != null && kerasBase(q);
        }
      }
    });
    return hit[0];
  }

  private static char lastChar0(String q) {
    String last = q.substring(q.lastIndexOf('.') + 1);
    return last.isEmpty() ? 'x' : last.charAt(0);
  }

  /**
   * Whether the file limits TensorFlow's GPU memory: memory growth, a logical device with a
   * {@code memory_limit}, TF1 {@code gpu_options} ({@code allow_growth},
   * {@code per_process_gpu_memory_fraction}), {@code TF_FORCE_GPU_ALLOW_GROWTH} or
   * {@code TF_GPU_ALLOCATOR} named, or a helper whose name says it does ({@code set_gpu_memory_growth()},
   * {@code limit_gpu_memory()}, {@code tf_cap_memory()}).
   */
  boolean limitsGpuMemory() {
    boolean[] hit = {false};
    AstWalker.walk(sm.module(), n -> {
      if (hit[0]) {
        return;
      }
      if (n instanceof Expr.Call c) {
        String q = sm.qualifiedName(c.func());
        String name = q != null ? q.substring(q.lastIndexOf('.') + 1) : AstUtil.lastName(c.func());
        hit[0] = q != null && (LIMITING_CALLS.contains(q) || projectHelperLimits(q)) || name != null && helperLimits(name);
        for (Support.Keyword k : c.keywords()) {
          hit[0] |= k.arg() != null && LIMITING_OPTIONS.contains(k.arg());
        }
      } else if (n instanceof Expr.Attribute a && LIMITING_OPTIONS.contains(a.attr())) {
        hit[0] = true;
      } else if (n instanceof Expr.Constant k && k.value() instanceof ConstValue.Str s) {
        for (String env : LIMITING_ENV) {
          hit[0] |= s.value().contains(env);
        }
      }
    });
    return hit[0];
  }

  /**
   * A call of a function imported from a module of the project that configures TensorFlow's GPU memory
   * ({@code common.utils.optimize_tf_gpu(tf, K)} where that module calls {@code set_memory_growth} or
   * sets {@code allow_growth}).
   */
  private boolean projectHelperLimits(String qualified) {
    int dot = qualified.lastIndexOf('.');
    if (dot <= 0 || qualified.startsWith("tensorflow.") || qualified.startsWith("keras.")) {
      return false;
    }
    ModuleSummary m = sm.project().module(qualified.substring(0, dot), null);
    return m != null && (m.mentions("set_memory_growth") || m.mentions("allow_growth")
        || m.mentions("per_process_gpu_memory_fraction") || m.mentions("memory_limit"));
  }

  /** A same-project helper whose name says it sets GPU memory growth or a limit. */
  private static boolean helperLimits(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.contains("memory_growth") || n.contains("allow_growth") || n.contains("gpu") && (n.contains("memory")
        || n.contains("mem_") || n.endsWith("mem") || n.contains("growth") || n.contains("limit"))
        || (n.contains("memory") || n.startsWith("mem_") || n.contains("_mem_") || n.endsWith("_mem"))
        && (n.contains("cap") || n.contains("limit") || n.contains("growth"));
  }

  /**
   * Whether the file switches TensorFlow to TF1 graph execution ({@code tf.compat.v1.disable_eager_execution()},
   * {@code disable_v2_behavior()}): Keras then runs {@code predict} through the session's graph, with no
   * new {@code tf.data} pipeline or traced function per call.
   */
  boolean graphMode() {
    for (Expr.Call c : sm.calls()) {
      String last = AstUtil.lastName(c.func());
      String q = sm.qualifiedName(c.func());
      if (q == null || !q.startsWith("tensorflow.")) {
        continue;
      }
      if ("disable_eager_execution".equals(last) || "disable_v2_behavior".equals(last)
          || TF1_ONLY.contains(q) || q.startsWith("tensorflow.contrib.")) {
        return true; // TF1: tf.Session(), tf.placeholder(...), tf.contrib exist only before TensorFlow 2
      }
    }
    for (Stmt s : sm.module().body()) {
      if (s instanceof Stmt.Import imp && imp.names().stream().anyMatch(a -> a.name().startsWith("tensorflow.contrib"))
          || s instanceof Stmt.ImportFrom f && f.module() != null && f.module().startsWith("tensorflow.contrib")) {
        return true;
      }
    }
    // the project installs TensorFlow 1 or multi-backend Keras (before 2.4): Keras on a TF1 session
    return sm.libraryPinnedBefore("tensorflow", "2") || sm.libraryPinnedBefore("tensorflow-gpu", "2")
        || sm.libraryPinnedBefore("keras", "2.4");
  }

  /** Top-level TensorFlow 1 APIs that TensorFlow 2 removed (kept only under {@code tf.compat.v1}). */
  private static final java.util.Set<String> TF1_ONLY = java.util.Set.of("tensorflow.Session",
      "tensorflow.InteractiveSession", "tensorflow.placeholder", "tensorflow.global_variables_initializer",
      "tensorflow.ConfigProto", "tensorflow.Summary", "tensorflow.summary.FileWriter", "tensorflow.train.Saver",
      "tensorflow.get_default_graph", "tensorflow.reset_default_graph", "tensorflow.variable_scope",
      "tensorflow.GPUOptions");

  /**
   * Whether the file keeps TensorFlow off the GPUs: {@code CUDA_VISIBLE_DEVICES} set to {@code ""} or
   * {@code "-1"}, {@code tf.config.set_visible_devices([], "GPU")}, or a TPU strategy or resolver.
   */
  boolean hidesGpus() {
    boolean[] hit = {false};
    AstWalker.walk(sm.module(), n -> {
      if (hit[0]) {
        return;
      }
      if (n instanceof Stmt s && HiddenGpus.hides(s) != null) {
        hit[0] = HiddenGpus.hides(s);
      } else if (n instanceof Expr.Call c) {
        String q = sm.qualifiedName(c.func());
        if (q == null) {
          return;
        }
        hit[0] = q.contains("TPUStrategy") || q.contains("TPUClusterResolver")
            || (q.endsWith("set_visible_devices") && !c.args().isEmpty()
                && c.args().get(0) instanceof Expr.ListExpr l && l.elts().isEmpty());
      }
    });
    return hit[0];
  }

  /**
   * Whether the file is a program rather than a library module: a notebook, a file with an
   * {@code if __name__ == "__main__":} block, or one whose TensorFlow work runs at module level.
   */
  boolean isProgram() {
    if (sm.file().path().endsWith(".ipynb")) {
      return true;
    }
    Stmt.If selfTest = null;
    for (Stmt s : sm.module().body()) {
      if (s instanceof Stmt.If i && i.test() instanceof Expr.Compare cmp && cmp.left() instanceof Expr.Name n
          && n.id().equals("__name__")) {
        if (!selfTest(i)) {
          return true;
        }
        selfTest = i;
      }
    }
    Node w = workSite();
    return w != null && sm.enclosingFunction(w) == null && !inClass(w)
        && (selfTest == null || !TorchObjects.within(selfTest, w));
  }

  /**
   * Whether a {@code __main__} block is a model file's self-test: it runs ({@code predict}, outside any
   * loop) only models built by a function or class of this file, trains nothing, opens no session, reads
   * no command-line arguments, and no model runs anywhere else in the file
   * ({@code model = MobileNet(weights="imagenet"); model.summary(); print(model.predict(x))} at the
   * bottom of a backbone definition). Importing the file is its use; the demo is run by hand, if ever.
   */
  private boolean selfTest(Stmt.If main) {
    boolean[] builtHere = {false};
    boolean[] other = {false};
    AstWalker.descend(main, n -> {
      if (other[0]) {
        return false;
      }
      if (n instanceof Stmt.For || n instanceof Stmt.While) {
        other[0] = true;
      } else if (n instanceof Expr.Call c) {
        String m = AstUtil.methodName(c);
        String q = sm.qualifiedName(c.func());
        if (m != null && (TRAINS.contains(m) || m.equals("run")) || q != null && (q.startsWith("argparse.")
            || TAPES.contains(q) || q.startsWith("absl."))) {
          other[0] = true;
        } else if (work(c) == Work.RUN) {
          if (runsOwnModel(c)) {
            builtHere[0] = true;
          } else {
            other[0] = true;
          }
        }
      } else if (n instanceof Expr.Attribute a && a.value() instanceof Expr.Name s && s.id().equals("sys")
          && a.attr().equals("argv")) {
        other[0] = true;
      }
      return !(n instanceof Stmt.FunctionDef) && !(n instanceof Stmt.ClassDef) && !(n instanceof Expr.Lambda);
    });
    if (other[0] || !builtHere[0]) {
      return false;
    }
    workSite();
    for (Expr.Call c : running) {
      if (!TorchObjects.within(main, c)) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code c} runs ({@code model.predict(x)}) a model bound only to what a definition of this file builds. */
  private boolean runsOwnModel(Expr.Call c) {
    if (!(AstUtil.receiver(c) instanceof Expr.Name model)) {
      return false;
    }
    List<Binding> bs = sm.resolve(model);
    if (bs.isEmpty()) {
      return false;
    }
    for (Binding b : bs) {
      if (b.kind() != Binding.Kind.ASSIGN || b.index() >= 0 || !(b.value() instanceof Expr.Call made)
          || !topLevelDefinition(made)) {
        return false;
      }
    }
    return true;
  }

  /** Methods that train a model or run it over a dataset. */
  private static final Set<String> TRAINS = Set.of("fit", "fit_generator", "train_on_batch", "evaluate",
      "evaluate_generator", "predict_generator");

  private boolean topLevelDefinition(Expr.Call c) {
    if (!(c.func() instanceof Expr.Name f)) {
      return false;
    }
    for (Binding b : sm.resolve(f)) {
      if ((b.node() instanceof Stmt.FunctionDef || b.node() instanceof Stmt.ClassDef)
          && AstUtil.containsNode(sm.module().body(), b.node())) {
        return true;
      }
    }
    return false;
  }

  private boolean inClass(Node n) {
    for (Node cur = sm.parent(n); cur != null; cur = sm.parent(cur)) {
      if (cur instanceof Stmt.ClassDef) {
        return true;
      }
      if (cur instanceof Mod.Module) {
        return false;
      }
    }
    return false;
  }
}
