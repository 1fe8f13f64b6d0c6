package dev.oomlint.rules;

import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.Stmt;
import dev.oomlint.ast.Support;
import dev.oomlint.semantic.AstUtil;
import dev.oomlint.semantic.GradMode;
import dev.oomlint.semantic.InferenceRegion;
import dev.oomlint.semantic.SemanticModel;
import java.util.List;

/** Which loop runs a node on every iteration, and which loops run a model for evaluation. */
final class LoopIterations {
  private LoopIterations() {}

  /**
   * The innermost loop whose body runs {@code n} unconditionally on each iteration: no {@code if},
   * {@code match}, exception handler, conditional expression or short-circuit operand lies between
   * them, and no earlier statement on the way can skip the rest of the iteration ({@code continue},
   * {@code break}, {@code return}, {@code raise}). Null when there is none within n's function.
   */
  static Stmt loopRunningEveryIteration(SemanticModel sm, Node n) {
    Node cur = n;
    while (true) {
      Node p = sm.parent(cur);
      if (p == null || p instanceof Stmt.FunctionDef || p instanceof Stmt.ClassDef || p instanceof Expr.Lambda
          || p instanceof Expr.ListComp || p instanceof Expr.SetComp || p instanceof Expr.DictComp
          || p instanceof Expr.GeneratorExp || p instanceof Support.Comprehension || p instanceof Stmt.If
          || p instanceof Stmt.Match || p instanceof Support.MatchCase || p instanceof Support.ExceptHandler
          || p instanceof Expr.IfExp || p instanceof Expr.BoolOp && !firstOperand((Expr.BoolOp) p, cur)) {
        return null;
      }
      if (p instanceof Stmt.For || p instanceof Stmt.While) {
        List<Stmt> body = AstUtil.loopBody((Stmt) p);
        return AstUtil.containsNode(body, cur) && !skippedBefore(body, (Stmt) cur) ? (Stmt) p : null;
      }
      if (p instanceof Stmt.Try t) {
        if (!AstUtil.containsNode(t.body(), cur) && !AstUtil.containsNode(t.finalbody(), cur)) {
          return null;
        }
        if (skippedBefore(AstUtil.containsNode(t.body(), cur) ? t.body() : t.finalbody(), (Stmt) cur)) {
          return null;
        }
      }
      if (p instanceof Stmt.With w && cur instanceof Stmt s && skippedBefore(w.body(), s)) {
        return null;
      }
      cur = p;
    }
  }

  private static boolean firstOperand(Expr.BoolOp b, Node operand) {
    return !b.values().isEmpty() && b.values().get(0) == operand;
  }

  /** Whether a statement before {@code s} in {@code block} may end the iteration early. */
  private static boolean skippedBefore(List<Stmt> block, Stmt s) {
    for (Stmt before : block) {
      if (before == s) {
        return false;
      }
      boolean[] found = {false};
      AstUtil.walk(before, x -> {
        if (x instanceof Stmt.Continue || x instanceof Stmt.Break || x instanceof Stmt.Return
            || x instanceof Stmt.Raise) {
          found[0] = true;
        }
        return !found[0] && !(x instanceof Stmt.FunctionDef) && !(x instanceof Stmt.ClassDef)
            && !(x != before && AstUtil.isLoop(x));
      });
      if (found[0]) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a loop (not a training loop) runs a model for evaluation: it lies in, or holds the first
   * model call of, an inference region; or autograd is disabled in it and its body calls a model.
   */
  static boolean isInferenceLoop(SemanticModel sm, Stmt loop) {
    if (sm.isTrainingLoop(loop)) {
      return false;
    }
    for (InferenceRegion r : sm.inferenceRegions()) {
      if (r.node().range().contains(loop.range()) || loop.range().contains(r.firstModelCall().range())) {
        return true;
      }
    }
    List<Stmt> body = AstUtil.loopBody(loop);
    if (body.isEmpty() || sm.gradMode(body.get(0)) != GradMode.DISABLED) {
      return false;
    }
    return callsModel(sm, loop);
  }

  /** Whether another loop inside {@code loop} (same function) is a training or an inference loop. */
  static boolean hasNestedWorkLoop(SemanticModel sm, Stmt loop) {
    for (Stmt other : sm.loops()) {
      if (other != loop && loop.range().contains(other.range())
          && sm.enclosingFunction(other) == sm.enclosingFunction(loop)
          && (sm.isTrainingLoop(other) || isInferenceLoop(sm, other))) {
        return true;
      }
    }
    return false;
  }

  /** Whether a loop's body (not nested functions) calls a model. */
  static boolean callsModel(SemanticModel sm, Stmt loop) {
    boolean[] found = {false};
    for (Stmt s : AstUtil.loopBody(loop)) {
      AstUtil.walk(s, x -> {
        if (x instanceof Expr.Call c && sm.isModelCall(c)) {
          found[0] = true;
        }
        return !found[0] && !(x instanceof Stmt.FunctionDef) && !(x instanceof Stmt.ClassDef)
            && !(x instanceof Expr.Lambda);
      });
    }
    return found[0];
  }
}
