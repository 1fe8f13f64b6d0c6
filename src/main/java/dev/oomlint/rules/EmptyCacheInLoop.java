package dev.oomlint.rules;

import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Stmt;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.semantic.SemanticModel;

/**
 * OOM504: {@code torch.cuda.empty_cache()} on every iteration of a training or inference loop frees
 * nothing that is still referenced and makes every step slower.
 */
@RuleInfo(code = "OOM504", name = "empty-cache-in-training-loop",
    summary = "torch.cuda.empty_cache() runs on every iteration of a training or inference loop.",
    level = Level.NOTE, fix = FixSafety.NONE, precision = "high", tags = {"performance"})
public final class EmptyCacheInLoop implements Rule {
  @Override
  public void check(RuleContext ctx) {
    SemanticModel sm = ctx.semantic();
    for (Expr.Call c : sm.calls()) {
      if (!"torch.cuda.empty_cache".equals(sm.qualifiedName(c.func()))) {
        continue;
      }
      Stmt loop = LoopIterations.loopRunningEveryIteration(sm, c);
      if (loop == null || LoopIterations.hasNestedWorkLoop(sm, loop)) {
        continue;
      }
      String kind;
      if (sm.isTrainingLoop(loop)) {
        kind = "training";
      } else if (LoopIterations.isInferenceLoop(sm, loop)) {
        kind = "inference";
      } else {
        continue;
      }
      ctx.report(new Diagnostic(ctx.code(), "`torch.cuda.empty_cache()` runs on every iteration of this " + kind
          + " loop: it cannot free memory that live tensors still use, and handing cached blocks back to the"
          + " driver makes the next iteration allocate them again, slowing every step; call it once after the"
          + " loop (or every N steps) instead.", c.range(), null));
    }
  }
}
