package dev.oomlint.semantic;

import dev.oomlint.ast.AstWalker;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Stmt;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keras models: which expressions hold a Keras (or {@code tf.keras}, {@code tf_keras}) model, from how
 * they were built ({@code Sequential}, {@code Model}, {@code keras.applications.*}, {@code load_model},
 * a same-file subclass of {@code Model}, a same-file function that builds one) or, for parameters and
 * attributes whose value cannot be seen, from their name in a file that uses Keras and no PyTorch.
 */
final class KerasModels {
  private static final int MAX_DEPTH = 4;

  /** The package prefixes Keras lives under, each ending in a dot. */
  static final List<String> PREFIXES = List.of("tensorflow.keras.", "tf_keras.", "keras.",
      "tensorflow.python.keras.");

  private static final Set<String> LOADERS = Set.of("models.load_model", "saving.load_model");

  private static final Set<String> KERAS_TOPS = Set.of("keras", "tensorflow", "tf_keras");

  /** Libraries whose objects also have a {@code predict}: a file using one of them gives no name-based guess. */
  private static final Set<String> OTHER_PREDICTORS = Set.of("torch", "sklearn", "xgboost", "lightgbm",
      "catboost", "statsmodels", "transformers", "lightning", "pytorch_lightning", "jax", "flax", "ultralytics",
      "prophet", "sktime", "pycaret", "h2o", "mxnet", "paddle");

  private final SemanticModel sm;
  private final Map<Stmt.FunctionDef, Boolean> builders = new IdentityHashMap<>();
  private Boolean kerasOnly;

  KerasModels(SemanticModel sm) {
    this.sm = sm;
  }

  /**
   * The Keras prefix ({@code "tensorflow.keras."}) of a qualified model class name:
   * {@code Sequential}, {@code Model} (also under {@code models.}), a {@code keras.applications}
   * class; null for anything else.
   */
  static String modelClassPrefix(String q) {
    for (String p : PREFIXES) {
      if (!q.startsWith(p)) {
        continue;
      }
      String rest = q.substring(p.length());
      if (rest.equals("Sequential") || rest.equals("Model") || rest.equals("models.Sequential")
          || rest.equals("models.Model")) {
        return p;
      }
      if (rest.startsWith("applications.")) {
        String last = rest.substring(rest.lastIndexOf('.') + 1);
        return !last.isEmpty() && Character.isUpperCase(last.charAt(0)) ? p : null;
      }
      return null;
    }
    return null;
  }

  /** Whether a qualified name is Keras' {@code load_model}. */
  static boolean isLoader(String q) {
    for (String p : PREFIXES) {
      if (q.startsWith(p) && LOADERS.contains(q.substring(p.length()))) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code e} holds a Keras model. */
  boolean isKerasModel(Expr e) {
    return isKerasModel(e, 0);
  }

  private boolean isKerasModel(Expr e, int depth) {
    if (e == null || depth > MAX_DEPTH) {
      return false;
    }
    if (e instanceof Expr.Name n) {
      List<Binding> bs = sm.resolve(n);
      if (bs.isEmpty()) {
        return false;
      }
      boolean unknown = false;
      for (Binding b : bs) {
        switch (b.kind()) {
          case ASSIGN, NAMED_EXPR, ANNOTATION -> {
            if (b.index() >= 0 || b.value() == null) {
              unknown = true;
            } else if (builds(b.value(), depth)) {
              return true;
            } else if (!(b.value() instanceof Expr.Call)) {
              unknown |= b.value() instanceof Expr.Subscript || b.value() instanceof Expr.Attribute
                  || b.value() instanceof Expr.Name;
            }
          }
          case PARAMETER, WITH_TARGET -> unknown = true;
          default -> { }
        }
      }
      return unknown && guessByName(n.id());
    }
    if (e instanceof Expr.Attribute a && sm.isSelf(a.value())) {
      List<Expr> values = sm.selfAssignedValues(a);
      for (Expr v : values) {
        if (builds(v, depth)) {
          return true;
        }
      }
      return values.isEmpty() && guessByName(a.attr());
    }
    return false;
  }

  /** Whether the value builds or loads a Keras model, or is (an alias of) one. */
  private boolean builds(Expr v, int depth) {
    if (v instanceof Expr.Name || v instanceof Expr.Attribute) {
      return isKerasModel(v, depth + 1);
    }
    if (!(v instanceof Expr.Call c)) {
      return false;
    }
    String q = sm.qualifiedName(c.func());
    if (q != null) {
      return modelClassPrefix(q) != null || isLoader(q);
    }
    Stmt.ClassDef cls = sm.classCalled(c);
    if (cls != null) {
      return isModelSubclass(cls, 0);
    }
    Stmt.FunctionDef f = sm.resolveCall(c);
    return f != null && functionBuilds(f, depth + 1);
  }

  private boolean isModelSubclass(Stmt.ClassDef cls, int depth) {
    if (depth > MAX_DEPTH) {
      return false;
    }
    for (Expr b : cls.bases()) {
      String q = sm.qualifiedName(b);
      if (q != null) {
        if (modelClassPrefix(q) != null) {
          return true;
        }
      } else if (b instanceof Expr.Name n) {
        for (Binding binding : sm.resolve(n)) {
          if (binding.node() instanceof Stmt.ClassDef base && base != cls && isModelSubclass(base, depth + 1)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Whether a same-file function returns a Keras model it builds or loads (directly or through a helper). */
  private boolean functionBuilds(Stmt.FunctionDef f, int depth) {
    Boolean m = builders.get(f);
    if (m != null) {
      return m;
    }
    builders.put(f, false);
    if (depth > MAX_DEPTH) {
      return false;
    }
    boolean[] hit = {false};
    AstWalker.walkAll(f.body(), n -> {
      if (!hit[0] && n instanceof Stmt.Return r && r.value() != null) {
        hit[0] = builds(r.value(), depth);
      }
    });
    builders.put(f, hit[0]);
    return hit[0];
  }

  /** For a value the file does not show: a model-like name in a file that uses Keras and no other predictor library. */
  private boolean guessByName(String id) {
    return kerasOnly() && TorchApi.isModelName(id) && !definesOwnPredictor();
  }

  private Boolean ownPredictor;

  /**
   * Whether the file defines a class of its own, not a Keras model, with a {@code predict} method (a
   * TF1 value or policy model running {@code session.run}): then a parameter named like a model may be
   * one of those, and its name says nothing about Keras.
   */
  private boolean definesOwnPredictor() {
    if (ownPredictor == null) {
      boolean found = false;
      for (Stmt st : sm.statements()) {
        if (st instanceof Stmt.ClassDef cls && !isModelSubclass(cls, 0)) {
          for (Stmt m : cls.body()) {
            found |= m instanceof Stmt.FunctionDef f && f.name().equals("predict");
          }
        }
      }
      ownPredictor = found;
    }
    return ownPredictor;
  }

  private boolean kerasOnly() {
    if (kerasOnly == null) {
      boolean keras = false;
      boolean other = false;
      for (Stmt s : sm.allImportStatements()) {
        for (String m : SemanticModel.importedModules(s)) {
          String top = m.contains(".") ? m.substring(0, m.indexOf('.')) : m;
          keras |= KERAS_TOPS.contains(top);
          other |= OTHER_PREDICTORS.contains(top);
        }
      }
      kerasOnly = keras && !other;
    }
    return kerasOnly;
  }
}
