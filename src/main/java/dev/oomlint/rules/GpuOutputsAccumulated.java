package dev.oomlint.rules;

import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Mod;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.Stmt;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.diagnostics.Edit;
import dev.oomlint.diagnostics.Fix;
import dev.oomlint.semantic.AstUtil;
import dev.oomlint.semantic.GradMode;
import dev.oomlint.semantic.SemanticModel;
import java.util.List;

/**
 * OOM302: in an inference loop, a model's output (directly, or one of its attributes or items) is
 * appended to a list created before the loop without moving it off the GPU, so device memory grows
 * with the dataset even under {@code no_grad}.
 */
@RuleInfo(code = "OOM302", name = "gpu-outputs-accumulated",
    summary = "Model outputs appended to a list across an inference loop stay on the GPU.",
    level = Level.WARNING, fix = FixSafety.SAFE, precision = "high")
public final class GpuOutputsAccumulated implements Rule {
  @Override
  public void check(RuleContext ctx) {
    SemanticModel sm = ctx.semantic();
    if (sm.isOtherFramework() || !mentionsDevice(ctx.file().text())) {
      return;
    }
    for (Expr.Call c : sm.calls()) {
      if (!"append".equals(AstUtil.methodName(c)) || !(AstUtil.receiver(c) instanceof Expr.Name list)
          || c.args().size() != 1 || !c.keywords().isEmpty()) {
        continue;
      }
      Stmt loop = RetainGraphInLoop.innermostLoop(sm, c);
      if (!(loop instanceof Stmt.For f) || !overData(f.iter(), 0) || !LoopIterations.isInferenceLoop(sm, loop)
          || !boundBefore(sm, loop, list.id())) {
        continue;
      }
      Expr value = c.args().get(0);
      if (!modelDerived(sm, loop, c, value, 0)) {
        continue;
      }
      boolean disabled = sm.gradMode(c) == GradMode.DISABLED;
      String move = disabled ? ".cpu()" : ".detach().cpu()";
      String v = ctx.file().slice(value.range());
      ctx.report(new Diagnostic(ctx.code(), "`" + list.id() + "` keeps this model output on the GPU across the"
          + " whole loop, so device memory grows with every batch; append `" + v + move + "` (or reduce it"
          + " with `.item()`/`.tolist()`) instead.", c.range(),
          Fix.safe("Move the output to the CPU before keeping it", Edit.insert(value.range().end(), move))));
    }
  }

  /**
   * Whether a loop iterates over a dataset (a name or attribute mentioning a loader, data or batches,
   * possibly wrapped in {@code enumerate}, {@code tqdm}, {@code zip}...): the list then grows with the
   * dataset, unlike the chunks of one batch a pipeline decodes and concatenates.
   */
  private static boolean overData(Expr iter, int depth) {
    if (depth > 3) {
      return false;
    }
    if (iter instanceof Expr.Call c) {
      for (Expr a : c.args()) {
        if (overData(a, depth + 1)) {
          return true;
        }
      }
      return false;
    }
    String last = AstUtil.lastName(iter);
    if (last == null) {
      return false;
    }
    String n = last.toLowerCase(java.util.Locale.ROOT);
    return n.contains("loader") || n.contains("data") || n.contains("batches") || n.equals("dl")
        || n.equals("ds");
  }

  /** Whether the file shows any sign of running on a GPU (else outputs live in host memory anyway). */
  private static boolean mentionsDevice(String text) {
    return text.contains("cuda") || text.contains("device") || text.contains("mps");
  }

  /**
   * Whether {@code name} is bound to an empty list ({@code []} or {@code list()}) before the loop, in
   * the loop's function, and never rebound inside the loop.
   */
  private static boolean boundBefore(SemanticModel sm, Stmt loop, String name) {
    Stmt.FunctionDef f = sm.enclosingFunction(loop);
    Node unit = f == null ? sm.module() : f;
    boolean[] before = {false};
    boolean[] inside = {false};
    AstUtil.walk(unit, n -> {
      if (n instanceof Stmt.Assign a) {
        for (Expr t : a.targets()) {
          if (t instanceof Expr.Name nm && nm.id().equals(name)) {
            if (loop.range().contains(a.range())) {
              inside[0] = true;
            } else if (a.range().end() <= loop.range().start() && emptyList(a.value())) {
              before[0] = true;
            }
          }
        }
      }
      return n == unit || !(n instanceof Stmt.FunctionDef) && !(n instanceof Stmt.ClassDef);
    });
    return before[0] && !inside[0];
  }

  private static boolean emptyList(Expr e) {
    return e instanceof Expr.ListExpr l && l.elts().isEmpty()
        || e instanceof Expr.Call c && c.func() instanceof Expr.Name n && n.id().equals("list") && c.args().isEmpty();
  }

  /**
   * Whether {@code e} is a model call's result, an attribute or item of one, its {@code .detach()}, or
   * a name last assigned such a value earlier in the loop body.
   */
  private static boolean modelDerived(SemanticModel sm, Stmt loop, Expr.Call use, Expr e, int depth) {
    if (depth > 4) {
      return false;
    }
    if (e instanceof Expr.Call c) {
      if (sm.isModelCall(c)) {
        return true;
      }
      return "detach".equals(AstUtil.methodName(c)) && c.args().isEmpty()
          && modelDerived(sm, loop, use, AstUtil.receiver(c), depth + 1);
    }
    if (e instanceof Expr.Attribute a) {
      return !a.attr().equals("shape") && modelDerived(sm, loop, use, a.value(), depth + 1);
    }
    if (e instanceof Expr.Subscript s) {
      return modelDerived(sm, loop, use, s.value(), depth + 1);
    }
    if (e instanceof Expr.Name n) {
      Expr value = lastAssignment(loop, use, n.id());
      return value != null && modelDerived(sm, loop, use, value, depth + 1);
    }
    return false;
  }

  /** The value of the last plain assignment {@code name = value} in the loop before {@code use}, or null. */
  private static Expr lastAssignment(Stmt loop, Expr.Call use, String name) {
    Expr[] last = {null};
    List<Stmt> body = AstUtil.loopBody(loop);
    for (Stmt s : body) {
      AstUtil.walk(s, n -> {
        if (n.range().start() >= use.range().start()) {
          return false;
        }
        if (n instanceof Stmt.Assign a) {
          for (Expr t : a.targets()) {
            if (t instanceof Expr.Name nm && nm.id().equals(name)) {
              last[0] = a.value();
            } else if (mentions(t, name)) {
              last[0] = null; // unpacked or otherwise rebound: unknown
            }
          }
        } else if (n instanceof Stmt.AugAssign a && mentions(a.target(), name)
            || n instanceof Stmt.For f && mentions(f.target(), name)) {
          last[0] = null;
        }
        return !(n instanceof Stmt.FunctionDef) && !(n instanceof Stmt.ClassDef) && !(n instanceof Mod);
      });
    }
    return last[0];
  }

  private static boolean mentions(Expr target, String name) {
    boolean[] found = {false};
    AstUtil.walk(target, n -> {
      if (n instanceof Expr.Name nm && nm.id().equals(name)) {
        found[0] = true;
      }
      return !found[0];
    });
    return found[0];
  }
}
