package dev.oomlint.semantic;

import dev.oomlint.ast.AstWalker;
import dev.oomlint.ast.ConstValue;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Mod;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.Stmt;
import dev.oomlint.ast.Support;
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
  private static final Set<String> RUNS_EXACT = Set.of("tensorflow.GradientTape", "tensorflow.Session",
      "tensorflow.compat.v1.Session", "tensorflow.InteractiveSession", "tensorflow.compat.v1.InteractiveSession",
      "tensorflow.saved_model.load", "tensorflow.compat.v1.train.MonitoredTrainingSession",
      "tensorflow_hub.load", "tensorflow_hub.KerasLayer");

  private final SemanticModel sm;
  private Node workSite;
  private boolean workSearched;

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
   * ({@code tf.GradientTape}) or opens a TF1 session; or null.
   */
  Node workSite() {
    if (!workSearched) {
      workSearched = true;
      for (Expr.Call c : sm.calls()) {
        if (isWork(c) && (workSite == null || c.range().start() < workSite.range().start())) {
          workSite = c;
        }
      }
    }
    return workSite;
  }

  private boolean isWork(Expr.Call c) {
    String q = sm.qualifiedName(c.func());
    if (q != null) {
      if (RUNS_EXACT.contains(q) || q.startsWith("tensorflow.estimator.") && Character.isUpperCase(lastChar0(q))
          || q.startsWith("transformers.TF") && q.contains("Model")) {
        return true;
      }
      String p = KerasModels.modelClassPrefix(q);
      return p != null || KerasModels.isLoader(q);
    }
    String m = AstUtil.methodName(c);
    if (m != null && (MODEL_RUNS.contains(m) || "from_pretrained".equals(m))) {
      Expr recv = AstUtil.receiver(c);
      if ("from_pretrained".equals(m)) {
        String rq = sm.qualifiedName(recv);
        return rq != null && rq.startsWith("transformers.TF");
      }
      return sm.isKerasModel(recv);
    }
    return false;
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
   * {@code limit_gpu_memory()}).
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
        hit[0] = q != null && LIMITING_CALLS.contains(q) || name != null && helperLimits(name);
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

  /** A same-project helper whose name says it sets GPU memory growth or a limit. */
  private static boolean helperLimits(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.contains("memory_growth") || n.contains("allow_growth") || n.contains("gpu") && (n.contains("memory")
        || n.contains("mem_") || n.endsWith("mem") || n.contains("growth") || n.contains("limit"));
  }

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
      if (n instanceof Stmt.Assign as && as.targets().size() == 1 && as.targets().get(0) instanceof Expr.Subscript sub
          && "CUDA_VISIBLE_DEVICES".equals(Calls.string(sub.slice()))) {
        String v = Calls.string(as.value());
        hit[0] = v != null && (v.isBlank() || v.strip().equals("-1"));
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
    for (Stmt s : sm.module().body()) {
      if (s instanceof Stmt.If i && i.test() instanceof Expr.Compare cmp && cmp.left() instanceof Expr.Name n
          && n.id().equals("__name__")) {
        return true;
      }
    }
    Node w = workSite();
    return w != null && sm.enclosingFunction(w) == null && !inClass(w);
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
