package dev.oomlint.rules.checks;

import dev.oomlint.ast.AstWalker;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Operators;
import dev.oomlint.ast.Stmt;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.rules.FixSafety;
import dev.oomlint.rules.Level;
import dev.oomlint.rules.Rule;
import dev.oomlint.rules.RuleContext;
import dev.oomlint.rules.RuleInfo;
import dev.oomlint.rules.edits.ExprEdits;
import dev.oomlint.semantic.AstUtil;
import dev.oomlint.semantic.Iterations;
import dev.oomlint.semantic.LossSums;
import dev.oomlint.semantic.SemanticModel;
import dev.oomlint.semantic.Tensors;
import dev.oomlint.semantic.TrainingIteration;
import java.util.List;

/**
 * OOM104: the losses of a loop's forward passes (micro-batches) are added into one tensor, or
 * collected in a list and summed, and backpropagated once after the loop: every pass's autograd graph,
 * with its saved activations, stays alive until that backward. Not reported: a loop that runs a
 * backward itself, loss parts of one forward pass (a loop over loss terms or heads over shared
 * features), recurrent steps (the previous pass's state goes into the next forward), a sum that is
 * combined with something else before the backward (policy-gradient returns), CPU-only code and tests.
 */
@RuleInfo(code = "OOM104", name = "losses-summed-before-backward",
    summary = "Losses of a loop's forward passes are summed and backpropagated once after the loop.",
    level = Level.WARNING, fix = FixSafety.NONE, precision = "high",
    mentions = "backward")
public final class LossesSummedBeforeBackward implements Rule {
  @Override
  public void check(RuleContext ctx) {
    SemanticModel sm = ctx.semantic();
    if (sm.isOtherFramework() || !TrainingIteration.graphLeakCostsGpuMemory(sm)) {
      return;
    }
    for (Stmt s : sm.statements()) {
      if (s instanceof Stmt.AugAssign a && a.op() == Operators.Operator.ADD) {
        check(ctx, sm, s, a.target(), a.value(), false);
      } else if (s instanceof Stmt.Assign a && a.targets().size() == 1 && a.value() instanceof Expr.BinOp b
          && b.op() == Operators.Operator.ADD) {
        String p = AstUtil.path(a.targets().get(0));
        if (p != null && p.equals(AstUtil.path(b.left()))) {
          check(ctx, sm, s, a.targets().get(0), b.right(), false);
        } else if (p != null && p.equals(AstUtil.path(b.right()))) {
          check(ctx, sm, s, a.targets().get(0), b.left(), false);
        }
      } else if (s instanceof Stmt.ExprStmt e && e.value() instanceof Expr.Call c
          && "append".equals(AstUtil.methodName(c)) && c.args().size() == 1 && c.keywords().isEmpty()) {
        check(ctx, sm, s, AstUtil.receiver(c), c.args().get(0), true);
      }
    }
  }

  private static void check(RuleContext ctx, SemanticModel sm, Stmt stmt, Expr acc, Expr added, boolean list) {
    String accPath = AstUtil.path(acc);
    if (accPath == null || !sm.isGradCarrying(added) || Tensors.isLossCompanion(sm, added)) {
      return;
    }
    Stmt loop = Iterations.innermostLoop(sm, stmt);
    if (loop == null || sm.isTrainingLoop(loop) || sm.isTestCode(stmt)
        || !TrainingIteration.ofLoop(sm, loop).outlivesIteration(acc, stmt)
        || !LossSums.fromIndependentForward(sm, loop, added)) {
      return;
    }
    Expr.Call backward = backwardAfter(sm, loop, accPath);
    if (backward == null || exclusiveBranches(sm, stmt, backward)) {
      return; // a validation branch sums losses that only the training branch backpropagates
    }
    String a = ExprEdits.text(ctx.file(), acc);
    String t = ExprEdits.text(ctx.file(), added);
    String per = ExprEdits.isPrimary(added) ? t : "(" + t + ")";
    int line = sm.file().lines().line(backward.range().start());
    String what = list ? "`" + a + "` collects the loss of every pass of this loop" : "`" + a
        + "` adds up the loss of every pass of this loop";
    ctx.report(new Diagnostic(ctx.code(), what + " and is backpropagated once after it (line " + line
        + "), so every pass's autograd graph and activations stay in GPU memory until then; call `(" + per
        + " / n).backward()` on each pass instead (same gradients, one graph at a time).", stmt.range(), null));
  }

  /**
   * Whether the two nodes sit in opposite branches of tests written the same way: the sum is made under
   * {@code if train: ... else:} and the backward only under a later {@code if train:} (or under
   * {@code if not train:} on the same side), so the summed graph is never backpropagated on that path.
   */
  private static boolean exclusiveBranches(SemanticModel sm, dev.oomlint.ast.Node a, dev.oomlint.ast.Node b) {
    java.util.Map<String, Boolean> sides = branches(sm, a);
    for (var e : branches(sm, b).entrySet()) {
      Boolean other = sides.get(e.getKey());
      if (other != null && !other.equals(e.getValue())) {
        return true;
      }
    }
    return false;
  }

  /** For each {@code if} around a node, up to its function: the test's text (without a leading {@code not}) and whether the node takes its true side. */
  private static java.util.Map<String, Boolean> branches(SemanticModel sm, dev.oomlint.ast.Node n) {
    java.util.Map<String, Boolean> out = new java.util.HashMap<>();
    for (SemanticModel.EnclosingIf e : sm.enclosingIfs(n)) {
      boolean body = e.onTrueSide();
      Expr test = e.statement().test();
      if (test instanceof Expr.UnaryOp u && u.op() == Operators.UnaryOperator.NOT) {
        test = u.operand();
        body = !body;
      }
      out.putIfAbsent(sm.file().slice(test.range()).replaceAll("\\s+", ""), body);
    }
    return out;
  }

  /** A backward after {@code loop}, in the same function, that propagates from the sum at {@code accPath}. */
  private static Expr.Call backwardAfter(SemanticModel sm, Stmt loop, String accPath) {
    List<Stmt> after = LossSums.following(sm, loop, sm.enclosingFunction(loop));
    Expr.Call[] found = {null};
    AstWalker.walkAll(after, n -> {
      if (found[0] == null && n instanceof Expr.Call c && sm.isBackwardCall(c)) {
        for (Expr target : sm.backwardTargets(c)) {
          if (LossSums.reducesTo(sm, target, accPath, loop)) {
            found[0] = c;
          }
        }
      }
    });
    return found[0];
  }
}
