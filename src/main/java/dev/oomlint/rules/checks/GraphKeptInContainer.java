package dev.oomlint.rules.checks;

import dev.oomlint.ast.AstWalker;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.Operators;
import dev.oomlint.ast.Stmt;
import dev.oomlint.ast.Support;
import dev.oomlint.diagnostics.Applicability;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.diagnostics.Edit;
import dev.oomlint.diagnostics.Fix;
import dev.oomlint.rules.FixSafety;
import dev.oomlint.rules.Level;
import dev.oomlint.rules.Rule;
import dev.oomlint.rules.RuleContext;
import dev.oomlint.rules.RuleInfo;
import dev.oomlint.rules.edits.ExprEdits;
import dev.oomlint.semantic.AstUtil;
import dev.oomlint.semantic.Binding;
import dev.oomlint.semantic.Calls;
import dev.oomlint.semantic.Containers;
import dev.oomlint.semantic.SemanticModel;
import dev.oomlint.semantic.Tensors;
import dev.oomlint.semantic.TorchApi;
import dev.oomlint.semantic.TrainingIteration;
import java.util.ArrayList;
import java.util.List;

/**
 * OOM101: a grad-carrying tensor is stored in a container that outlives the training-loop iteration
 * ({@code losses.append(loss)}, {@code history[k] = loss}, {@code meter.update(loss)}), so every
 * iteration's autograd graph stays alive.
 */
@RuleInfo(code = "OOM101", name = "graph-kept-in-container",
    summary = "A tensor that carries an autograd graph is stored in a container that outlives the training-loop iteration.",
    level = Level.WARNING, fix = FixSafety.SAFE, precision = "high",
    mentions = "backward", enabledByDefault = false)
public final class GraphKeptInContainer implements Rule {

  @Override
  public void check(RuleContext ctx) {
    SemanticModel sm = ctx.semantic();
    if (sm.isOtherFramework() || !TrainingIteration.graphLeakCostsGpuMemory(sm)) {
      return;
    }
    for (Expr.Call c : sm.calls()) {
      String m = AstUtil.methodName(c);
      if (m == null) {
        continue;
      }
      Expr container = AstUtil.receiver(c);
      Expr value;
      if (Containers.ADDERS.contains(m)) {
        value = Calls.argument(c, m.equals("insert") ? 1 : 0, null);
      } else if (m.equals("update") && storesLikeMeter(sm, container)) {
        value = Calls.argument(c, 0, "val");
      } else {
        continue;
      }
      if (value != null && sm.qualifiedName(c.func()) == null) {
        check(ctx, sm, container, value, c, m.equals("extend"));
      }
    }
    List<Stmt> statements = sm.statements();
    for (int i = 0; i < statements.size(); i++) {
      if (statements.get(i) instanceof Stmt.Assign a) {
        List<Expr> targets = a.targets();
        for (int k = 0; k < targets.size(); k++) {
          if (targets.get(k) instanceof Expr.Subscript sub && isKeyed(sub) && !overwritesOneEntry(sub)
              && Containers.isDictOrList(sm, sub.value())) {
            check(ctx, sm, sub.value(), a.value(), a, false);
          }
        }
      }
    }
  }

  private void check(RuleContext ctx, SemanticModel sm, Expr container, Expr value, Node site, boolean extend) {
    if (!sm.isGradCarrying(value)) {
      return;
    }
    TrainingIteration tc = TrainingIteration.of(sm, site);
    if (tc == null || !tc.outlivesIteration(container, site) || tc.feedsBackward(container)
        || tc.drains(AstUtil.path(container)) || tc.runsOnCpu()) {
      return;
    }
    Expr focus = value;
    if (!extend && (value instanceof Expr.Tuple || value instanceof Expr.ListExpr)) {
      for (Node k : dev.oomlint.ast.Nodes.children(value)) {
        if (k instanceof Expr e && sm.isGradCarrying(e)) {
          focus = e;
          break;
        }
      }
    }
    String v = ExprEdits.text(ctx.file(), focus);
    String box = ExprEdits.text(ctx.file(), container);
    boolean primary = ExprEdits.isPrimary(focus);
    String item = primary ? v + ".item()" : "(" + v + ").item()";
    String detach = primary ? v + ".detach()" : "(" + v + ").detach()";
    String message = Tensors.isScalarLoss(sm, focus)
        ? "`" + v + "` is stored in `" + box + "`, which outlives the training-loop iteration, so every"
            + " iteration's autograd graph stays in memory; store `" + item + "` (a number) or `" + detach
            + "` instead."
        : "`" + v + "` carries an autograd graph and is stored in `" + box + "`, which outlives the"
            + " training-loop iteration, so every iteration's graph stays in memory; store `" + detach
            + "` instead.";
    ctx.report(new Diagnostic(ctx.code(), message, site.range(), fix(sm, value, extend)));
  }

  /** {@code .detach()} on the value (each grad-carrying element of a literal tuple/list). */
  private static Fix fix(SemanticModel sm, Expr value, boolean extend) {
    List<Expr> parts = new ArrayList<>();
    if (value instanceof Expr.Tuple t && !extend) {
      parts.addAll(t.elts());
    } else if (value instanceof Expr.ListExpr l && !extend) {
      parts.addAll(l.elts());
    } else {
      parts.add(value);
    }
    List<Edit> edits = new ArrayList<>();
    boolean safe = true;
    for (Expr p : parts) {
      if (p instanceof Expr.Starred || !sm.isGradCarrying(p)) {
        continue;
      }
      if (!Tensors.isTensor(sm, p)) {
        if (extend) {
          return null;
        }
        safe = false;
      }
      edits.addAll(ExprEdits.suffix(p, ".detach()"));
    }
    if (edits.isEmpty()) {
      return null;
    }
    return new Fix("Store a detached tensor", safe ? Applicability.SAFE : Applicability.UNSAFE, edits);
  }

  /** {@code d[k]} with a plain key (not a slice or tuple: that would be tensor indexing). */
  private static boolean isKeyed(Expr.Subscript sub) {
    return !(sub.slice() instanceof Expr.Slice) && !(sub.slice() instanceof Expr.Tuple);
  }

  /**
   * {@code d["loss"] = loss}: a constant key names one entry, overwritten every iteration, so the
   * container keeps one iteration's value (and graph), not one per iteration.
   */
  private static boolean overwritesOneEntry(Expr.Subscript sub) {
    return sub.slice() instanceof Expr.Constant;
  }

  /** A same-file class instance whose {@code update(value, ...)} keeps its argument in an attribute. */
  private static boolean storesLikeMeter(SemanticModel sm, Expr receiver) {
    Stmt.ClassDef cls = receiver == null ? null : sm.classOfInstance(receiver);
    if (cls == null && receiver != null && !sm.isSelf(receiver)) {
      return isImportedMeter(sm, receiver);
    }
    if (cls == null || sm.isSelf(receiver)) {
      return false;
    }
    Stmt.FunctionDef update = sm.findMethod(cls, "update");
    if (update == null) {
      return false;
    }
    List<Support.Arg> ps = new ArrayList<>(update.args().posonlyargs());
    ps.addAll(update.args().args());
    if (ps.size() < 2) {
      return false;
    }
    String param = ps.get(1).arg();
    boolean[] stores = {false};
    AstWalker.descend(update, n -> {
      if (n instanceof Stmt.Assign a) {
        for (Expr t : a.targets()) {
          if (selfAttribute(sm, t) && usesRaw(a.value(), param)) {
            stores[0] = true;
          }
        }
      } else if (n instanceof Stmt.AugAssign a && selfAttribute(sm, a.target()) && usesRaw(a.value(), param)) {
        stores[0] = true;
      } else if (n instanceof Expr.Call c && Containers.ADDERS.contains(String.valueOf(AstUtil.methodName(c)))
          && selfAttribute(sm, AstUtil.receiver(c)) && !c.args().isEmpty() && usesRaw(c.args().get(0), param)) {
        stores[0] = true;
      }
      return !stores[0];
    });
    return stores[0];
  }

  /**
   * A name bound to an instance of an imported class named like a meter ({@code AverageMeter},
   * {@code utils.AverageMeter}): by convention its {@code update(val, n)} keeps {@code val}.
   */
  private static boolean isImportedMeter(SemanticModel sm, Expr receiver) {
    if (!(receiver instanceof Expr.Name n)) {
      return false;
    }
    List<Binding> bs = sm.resolve(n);
    if (bs.size() != 1 || bs.get(0).kind() != Binding.Kind.ASSIGN || bs.get(0).index() >= 0
        || !(bs.get(0).value() instanceof Expr.Call c)) {
      return false;
    }
    String q = sm.qualifiedName(c.func());
    String cls = q != null ? q.substring(q.lastIndexOf('.') + 1) : AstUtil.lastName(c.func());
    return cls != null && cls.endsWith("Meter") && (q != null || c.func() instanceof Expr.Attribute);
  }

  private static boolean selfAttribute(SemanticModel sm, Expr e) {
    return e instanceof Expr.Attribute a && sm.isSelf(AstUtil.root(a));
  }

  /** Whether {@code e} uses {@code param} other than through a call that converts it to a number. */
  private static boolean usesRaw(Expr e, String param) {
    boolean[] hit = {false};
    AstWalker.descend(e, n -> {
      if (n instanceof Expr.Call c) {
        String m = AstUtil.methodName(c);
        if (m != null && TorchApi.DETACHING_METHODS.contains(m)) {
          return false;
        }
        if (c.func() instanceof Expr.Name f && (f.id().equals("float") || f.id().equals("int"))) {
          return false;
        }
      }
      if (n instanceof Expr.Name nm && nm.id().equals(param) && nm.ctx() == Operators.ExprContext.LOAD) {
        hit[0] = true;
      }
      return !hit[0];
    });
    return hit[0];
  }
}
