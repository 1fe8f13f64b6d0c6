package dev.oomlint.rules.checks;

import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Stmt;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.diagnostics.Edit;
import dev.oomlint.diagnostics.Fix;
import dev.oomlint.rules.FixSafety;
import dev.oomlint.rules.Level;
import dev.oomlint.rules.Rule;
import dev.oomlint.rules.RuleContext;
import dev.oomlint.rules.RuleInfo;
import dev.oomlint.rules.edits.LoopHeaders;
import dev.oomlint.semantic.AstUtil;
import dev.oomlint.semantic.SemanticModel;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * OOM201: a training loop steps an optimizer but never resets gradients (no {@code zero_grad()}, no
 * {@code p.grad = None}), at any depth of its body or in a same-file function it calls.
 */
@RuleInfo(code = "OOM201", name = "missing-zero-grad",
    summary = "A training loop steps an optimizer but never resets the gradients.",
    level = Level.WARNING, fix = FixSafety.UNSAFE, precision = "high",
    mentions = "backward")
public final class MissingZeroGrad implements Rule {
  @Override
  public void check(RuleContext ctx) {
    SemanticModel sm = ctx.semantic();
    if (sm.isOtherFramework() || sm.isTestFile()) {
      return;
    }
    for (Stmt loop : sm.loops()) {
      if (!sm.isTrainingLoop(loop) || sm.isTestCode(loop)) {
        continue; // a test_ function's loop times or checks a layer on fake data (val15, val16: 6 false findings)
      }
      List<Expr> unreset = sm.unresetOptimizers(loop);
      if (unreset.isEmpty()) {
        continue;
      }
      Set<String> optimizers = new LinkedHashSet<>();
      boolean local = true;
      for (Expr opt : unreset) {
        optimizers.add(ctx.file().slice(opt.range()));
        local &= loop.range().contains(opt.range());
      }
      String first = optimizers.iterator().next();
      String message = "This training loop calls `" + first + ".step()` but never resets gradients, so they"
          + " add up across iterations (every step applies the sum of all past gradients) and the gradient"
          + " buffers stay allocated through the next forward pass; call `" + first
          + ".zero_grad(set_to_none=True)` once per iteration.";
      ctx.report(new Diagnostic(ctx.code(), message, LoopHeaders.header(ctx.file(), loop),
          local ? fix(ctx, loop, optimizers) : null));
    }
    for (Stmt.FunctionDef f : sm.iterationFunctions()) {
      if (sm.innermostTrainingLoop(f) != null || sm.isTestCode(f)) {
        continue;
      }
      List<Expr> unreset = sm.unresetOptimizersIn(f);
      if (unreset.isEmpty()) {
        continue;
      }
      Expr opt = unreset.get(0);
      String first = ctx.file().slice(opt.range());
      String message = "`" + f.name() + "` runs once per training iteration and calls `" + first + ".step()` but"
          + " never resets gradients, so they add up across iterations (every step applies the sum of all past"
          + " gradients) and the gradient buffers stay allocated through the next forward pass; call `" + first
          + ".zero_grad(set_to_none=True)` once per iteration.";
      ctx.report(new Diagnostic(ctx.code(), message, opt.range(), null));
    }
  }

  private static Fix fix(RuleContext ctx, Stmt loop, Set<String> optimizers) {
    List<Stmt> body = AstUtil.loopBody(loop);
    Stmt first = body.get(0);
    String indent = LoopHeaders.indentation(ctx.file(), first);
    if (indent == null) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    for (String opt : optimizers) {
      if (opt.contains("\n") || opt.contains("\r")) {
        return null;
      }
      sb.append(indent).append(opt).append(".zero_grad()").append(LoopHeaders.newline(ctx.file()));
    }
    return Fix.unsafe("Reset gradients at the start of each iteration",
        Edit.insert(LoopHeaders.lineStart(ctx.file(), first), sb.toString()));
  }
}
