package dev.oomlint.rules.checks;

import dev.oomlint.ast.AstWalker;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Mod;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.SourceFile;
import dev.oomlint.ast.SourceRange;
import dev.oomlint.ast.Stmt;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.diagnostics.Edit;
import dev.oomlint.diagnostics.Fix;
import dev.oomlint.rules.FixSafety;
import dev.oomlint.rules.Level;
import dev.oomlint.rules.Rule;
import dev.oomlint.rules.RuleContext;
import dev.oomlint.rules.RuleInfo;
import dev.oomlint.rules.edits.ExprEdits;
import dev.oomlint.rules.edits.LoopHeaders;
import dev.oomlint.semantic.AstUtil;
import dev.oomlint.semantic.ResetsBeforeStep;
import dev.oomlint.semantic.SemanticModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * OOM202: a gradient reset that runs after a backward and before the optimizer step on the same path
 * wipes the gradients just computed, so the step does nothing.
 */
@RuleInfo(code = "OOM202", name = "zero-grad-between-backward-and-step",
    summary = "zero_grad() runs after backward() and before the optimizer's step(), wiping the gradients just computed.",
    level = Level.WARNING, fix = FixSafety.UNSAFE, precision = "high",
    mentions = {"zero_grad", "backward|autograd"}, enabledByDefault = false)
public final class ZeroGradBetweenBackwardAndStep implements Rule {
  @Override
  public void check(RuleContext ctx) {
    SemanticModel sm = ctx.semantic();
    if (sm.isOtherFramework() || sm.isTestFile()) {
      return;
    }
    Map<Expr.Call, Expr.Call> found = ResetsBeforeStep.find(sm);
    List<Expr.Call> resets = new ArrayList<>(found.keySet());
    resets.sort((x, y) -> Integer.compare(x.range().start(), y.range().start()));
    for (Expr.Call r : resets) {
      if (resetsAtIterationStart(sm, r, found.get(r))) {
        continue;
      }
      String reset = ExprEdits.text(ctx.file(), r);
      String step = ExprEdits.text(ctx.file(), found.get(r));
      String message = "`" + reset + "` runs after the backward and before `" + step + "`, so it wipes the"
          + " gradients just computed and the step updates nothing; reset gradients at the start of the"
          + " iteration, before the forward pass.";
      ctx.report(new Diagnostic(ctx.code(), message, r.range(), fix(ctx.file(), sm, r)));
    }
  }

  /**
   * The reset comes before every backward of its loop's body and a backward lies between it and the
   * step: the recommended order (reset, forward, backward, step). The only backward-to-reset path then
   * wraps around the loop (a {@code continue}, an inner loop over zero batches), which runs no
   * backward in the iteration and so wipes nothing.
   */
  private static boolean resetsAtIterationStart(SemanticModel sm, Expr.Call reset, Expr.Call step) {
    Stmt loop = sm.innermostTrainingLoop(reset);
    if (loop == null || step == null || !loop.range().contains(step.range())
        || step.range().start() < reset.range().start()) {
      return false;
    }
    boolean between = false;
    for (Expr.Call c : sm.calls()) {
      if (!loop.range().contains(c.range()) || !sm.isBackwardCall(c)) {
        continue;
      }
      if (c.range().start() < reset.range().start()) {
        return false;
      }
      between |= c.range().start() < step.range().start();
    }
    return between;
  }

  // ------------------------------------------------------------------ fix

  /**
   * Moves the reset's line to the start of the loop body (or function body), when only {@code with}
   * blocks lie between them and a backward runs before it there. The start of the loop body, outside
   * {@code with accelerator.accumulate(model):}, keeps gradient accumulation intact: a prepared
   * optimizer's {@code zero_grad()} there acts only after a synchronising step.
   */
  private static Fix fix(SourceFile f, SemanticModel sm, Expr.Call r) {
    Stmt st = (Stmt) sm.parent(r);
    Node owner = ResetsBeforeStep.owner(sm, st);
    if (owner instanceof Mod.Module) {
      return null;
    }
    for (Node cur = sm.parent(st); cur != owner; cur = sm.parent(cur)) {
      if (!(cur instanceof Stmt.With)) {
        return null;
      }
    }
    List<Stmt> body = owner instanceof Stmt.FunctionDef fd ? fd.body() : AstUtil.loopBody((Stmt) owner);
    Stmt first = body.get(0);
    if (owner instanceof Stmt.FunctionDef && AstUtil.isDocstring(first)) {
      if (body.size() < 2) {
        return null;
      }
      first = body.get(1);
    }
    if (first == st) {
      return null;
    }
    boolean[] backward = {false};
    for (Stmt s : body) {
      AstWalker.descend(s, n -> {
        if (n instanceof Expr.Call c && c.range().end() <= r.range().start()
            && (sm.isBackwardCall(c) || sm.resolveCall(c) != null && sm.runsBackward(sm.resolveCall(c)))) {
          backward[0] = true;
        }
        return !backward[0] && !(n instanceof Stmt.FunctionDef) && !(n instanceof Stmt.ClassDef);
      });
    }
    String indent = LoopHeaders.indentation(f, first);
    if (!backward[0] || indent == null || LoopHeaders.indentation(f, st) == null) {
      return null;
    }
    int line = f.lines().line(st.range().start());
    if (f.lines().line(st.range().end()) != line || sm.blockOf(st).size() == 1) {
      return null;
    }
    int lineEnd = f.lines().lineEnd(line);
    String tail = f.text().substring(st.range().end(), lineEnd);
    if (!tail.isBlank() && !tail.strip().startsWith("#")) {
      return null; // another statement shares the line
    }
    String content = f.text().substring(st.range().start(), lineEnd);
    int nextLine = line < f.lines().lineCount() ? f.lines().lineStart(line + 1) : lineEnd;
    return Fix.unsafe("Move the reset to the start of the iteration",
        Edit.insert(LoopHeaders.lineStart(f, first), indent + content + LoopHeaders.newline(f)),
        Edit.delete(new SourceRange(LoopHeaders.lineStart(f, st), nextLine)));
  }
}
