package dev.oomlint.semantic;

import dev.oomlint.ast.AstWalker;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.Stmt;
import dev.oomlint.ast.Support;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * TensorFlow's {@code tf.function}: which expressions create one (the decorator, with or without
 * options, and the call {@code tf.function(fn, ...)}), which calls run one (a same-file function or
 * method decorated with it, a name or {@code self} attribute bound to {@code tf.function(...)}), and
 * whether it limits retracing ({@code input_signature=}, {@code reduce_retracing=True},
 * {@code experimental_relax_shapes=True}). TensorFlow resolved however imported.
 */
final class TfFunctions {
  private static final int MAX_DEPTH = 4;

  /** The qualified names of {@code tf.function}. */
  static final Set<String> API = Set.of("tensorflow.function", "tensorflow.compat.v2.function",
      "tensorflow.compat.v1.function", "tensorflow.python.eager.def_function.function",
      "tensorflow.python.eager.polymorphic_function.polymorphic_function.function");

  private final SemanticModel sm;

  TfFunctions(SemanticModel sm) {
    this.sm = sm;
  }

  /** Whether {@code e} is the {@code tf.function} API itself (not a call of it). */
  boolean isApi(Expr e) {
    String q = sm.qualifiedName(e);
    return q != null && API.contains(q);
  }

  /**
   * Whether {@code c} creates a tf.function: {@code tf.function(fn, ...)} or
   * {@code tf.function(jit_compile=True)(fn)}.
   */
  boolean createsFunction(Expr.Call c) {
    return isApi(c.func()) && !c.args().isEmpty()
        || c.func() instanceof Expr.Call inner && isApi(inner.func()) && !c.args().isEmpty();
  }

  /** The decorator of {@code f} that makes it a tf.function ({@code @tf.function}, {@code @tf.function(...)}), or null. */
  Expr decorator(Stmt.FunctionDef f) {
    for (Expr d : f.decoratorList()) {
      if (isApi(d) || d instanceof Expr.Call c && isApi(c.func())) {
        return d;
      }
    }
    return null;
  }

  /**
   * The tf.function a call runs, or null: a same-file function or method decorated with
   * {@code tf.function}, or a name or {@code self} attribute bound to {@code tf.function(fn, ...)}.
   */
  SemanticModel.TfFunction called(Expr.Call c) {
    Stmt.FunctionDef f = sm.resolveCall(c);
    if (f != null) {
      Expr d = decorator(f);
      return d == null ? null : new SemanticModel.TfFunction(f, d instanceof Expr.Call dc && limitsRetracing(dc));
    }
    return held(c.func(), 0);
  }

  private SemanticModel.TfFunction held(Expr e, int depth) {
    if (depth > MAX_DEPTH) {
      return null;
    }
    List<Expr> values = new ArrayList<>();
    if (e instanceof Expr.Name n) {
      for (Binding b : sm.resolve(n)) {
        if ((b.kind() == Binding.Kind.ASSIGN || b.kind() == Binding.Kind.ANNOTATION) && b.index() < 0
            && b.value() != null) {
          values.add(b.value());
        }
      }
    } else if (e instanceof Expr.Attribute a && sm.isSelf(a.value())) {
      values.addAll(sm.selfAssignedValues(a));
    }
    for (Expr v : values) {
      if (v instanceof Expr.Call vc && createsFunction(vc)) {
        return new SemanticModel.TfFunction(vc, limitsRetracing(vc)
            || vc.func() instanceof Expr.Call inner && limitsRetracing(inner));
      }
      if (v instanceof Expr.Name || v instanceof Expr.Attribute) {
        SemanticModel.TfFunction t = held(v, depth + 1);
        if (t != null) {
          return t;
        }
      }
    }
    return null;
  }

  /**
   * Whether a {@code tf.function(...)} call (decorator or wrapper) limits retracing: it gives an
   * {@code input_signature} (not None), or {@code reduce_retracing}/{@code experimental_relax_shapes}
   * not a falsy constant; also a {@code **options} whose contents are not shown.
   */
  static boolean limitsRetracing(Expr.Call c) {
    for (Support.Keyword k : c.keywords()) {
      if (k.arg() == null) {
        return true;
      }
      if (("input_signature".equals(k.arg()) || "reduce_retracing".equals(k.arg())
          || "experimental_relax_shapes".equals(k.arg())) && !Calls.isFalsyConstant(k.value())) {
        return true;
      }
    }
    // tf.function(fn, input_signature) positionally
    return c.args().size() >= 2 && !Calls.isFalsyConstant(c.args().get(1));
  }

  /** Whether {@code n} lies in the body of a tf.function (autograph traces it once per trace). */
  boolean insideFunction(Node n) {
    for (Stmt.FunctionDef f = sm.enclosingFunction(n); f != null; f = sm.enclosingFunction(f)) {
      if (decorator(f) != null) {
        return true;
      }
    }
    return false;
  }
}
