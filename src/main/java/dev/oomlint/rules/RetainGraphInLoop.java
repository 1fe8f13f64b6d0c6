package dev.oomlint.rules;

import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.SourceRange;
import dev.oomlint.ast.Stmt;
import dev.oomlint.ast.Support;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.diagnostics.Edit;
import dev.oomlint.diagnostics.Fix;
import dev.oomlint.semantic.AstUtil;
import dev.oomlint.semantic.SemanticModel;
import java.util.List;
import java.util.Set;

/**
 * OOM103: {@code backward(retain_graph=True)} in a training loop with no later backward (or
 * {@code torch.autograd.grad}) in the same iteration that could need the retained graph.
 */
@RuleInfo(code = "OOM103", name = "retain-graph-in-loop",
    summary = "backward(retain_graph=True) in a training loop keeps each iteration's graph alive.",
    level = Level.WARNING, fix = FixSafety.UNSAFE, precision = "high")
public final class RetainGraphInLoop implements Rule {
  private static final Set<String> GRAPH_USERS = Set.of("torch.autograd.grad", "torch.autograd.backward",
      "torch.autograd.functional.vjp", "torch.autograd.functional.jacobian", "torch.autograd.functional.hessian");

  @Override
  public void check(RuleContext ctx) {
    SemanticModel sm = ctx.semantic();
    if (sm.isOtherFramework()) {
      return;
    }
    for (Expr.Call c : sm.calls()) {
      if (!sm.isBackwardCall(c)) {
        continue;
      }
      Support.Keyword k = CallEdits.keyword(c, "retain_graph");
      if (k == null || !CallEdits.isTrue(k.value())) {
        continue;
      }
      Stmt loop = innermostLoop(sm, c);
      if (loop == null || !sm.isTrainingLoop(loop) || !LoopIterations.callsModel(sm, loop)
          || graphBuiltOutside(sm, loop) || laterGraphUse(sm, loop, c)) {
        continue;
      }
      Edit edit = dropKeyword(ctx, c, k);
      ctx.report(new Diagnostic(ctx.code(), "`retain_graph=True` keeps this iteration's autograd graph (every"
          + " saved activation) alive after `backward()`, and nothing later in the iteration runs a second"
          + " backward over it; drop the argument so the graph is freed as soon as gradients are computed.",
          c.range(), edit == null ? null : Fix.unsafe("Remove `retain_graph=True`", edit)));
    }
  }

  /** The innermost loop around {@code n} within its function, or null. */
  static Stmt innermostLoop(SemanticModel sm, Node n) {
    for (Node p = sm.parent(n); p != null; p = sm.parent(p)) {
      if (p instanceof Stmt.FunctionDef || p instanceof Stmt.ClassDef || p instanceof Expr.Lambda) {
        return null;
      }
      if (AstUtil.isLoop(p)) {
        return (Stmt) p;
      }
    }
    return null;
  }

  /**
   * Whether a loop around {@code loop} calls a model outside it: the graph may be shared by the
   * iterations of {@code loop} (one backward per head or per loss), which then needs the graph kept.
   */
  private static boolean graphBuiltOutside(SemanticModel sm, Stmt loop) {
    for (Node p = sm.parent(loop); p != null; p = sm.parent(p)) {
      if (p instanceof Stmt.FunctionDef || p instanceof Stmt.ClassDef) {
        return false;
      }
      if (AstUtil.isLoop(p)) {
        boolean[] found = {false};
        for (Stmt s : AstUtil.loopBody((Stmt) p)) {
          AstUtil.walk(s, x -> {
            if (x instanceof Expr.Call c && sm.isModelCall(c)) {
              found[0] = true;
            }
            return !found[0] && x != loop && !(x instanceof Stmt.FunctionDef) && !(x instanceof Stmt.ClassDef);
          });
        }
        if (found[0]) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether the loop runs, after {@code c} in the source, another backward, a gradient API, or a
   * same-file function that runs a backward: any of them may reuse the retained graph.
   */
  private static boolean laterGraphUse(SemanticModel sm, Stmt loop, Expr.Call c) {
    for (Expr.Call other : sm.calls()) {
      if (other == c || !loop.range().contains(other.range()) || other.range().start() < c.range().end()) {
        continue;
      }
      String q = sm.qualifiedName(other.func());
      if (sm.isBackwardCall(other) || q != null && GRAPH_USERS.contains(q)) {
        return true;
      }
      Stmt.FunctionDef f = sm.resolveCall(other);
      if (f != null && sm.runsBackward(f)) {
        return true;
      }
    }
    return false;
  }

  /** Deletes the keyword with the comma that joins it to its neighbour; null when comments are in the way. */
  private static Edit dropKeyword(RuleContext ctx, Expr.Call c, Support.Keyword k) {
    List<Node> all = CallEdits.arguments(c);
    int i = all.indexOf(k);
    SourceRange cut;
    if (all.size() == 1) {
      int close = CallEdits.closingParen(ctx.file(), c);
      int open = c.func().range().end();
      if (close < 0 || ctx.file().text().charAt(open) != '(') {
        return null;
      }
      cut = new SourceRange(open + 1, close);
    } else if (i > 0) {
      cut = new SourceRange(all.get(i - 1).range().end(), k.range().end());
    } else {
      cut = new SourceRange(k.range().start(), all.get(1).range().start());
    }
    String text = ctx.file().slice(cut);
    return text.contains("#") ? null : Edit.delete(cut);
  }
}
