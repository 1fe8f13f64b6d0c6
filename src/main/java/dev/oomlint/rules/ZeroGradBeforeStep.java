package dev.oomlint.rules;

import dev.oomlint.ast.Expr;
import dev.oomlint.ast.SourceFile;
import dev.oomlint.ast.Stmt;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.diagnostics.Edit;
import dev.oomlint.diagnostics.Fix;
import dev.oomlint.semantic.AstUtil;
import dev.oomlint.semantic.SemanticModel;
import java.util.ArrayList;
import java.util.List;

/**
 * OOM202: in the straight-line statements of a training loop's body, a {@code zero_grad()} that runs
 * after {@code backward()} and before the same optimizer's {@code step()} wipes the gradients the
 * step was meant to apply. Only resets and steps that are statements of the same block (with
 * {@code with} bodies inlined) are considered; anything under an {@code if} is left alone.
 */
@RuleInfo(code = "OOM202", name = "zero-grad-between-backward-and-step",
    summary = "zero_grad() between backward() and step() wipes the gradients before they are applied.",
    level = Level.WARNING, fix = FixSafety.UNSAFE, precision = "high")
public final class ZeroGradBeforeStep implements Rule {
  @Override
  public void check(RuleContext ctx) {
    SemanticModel sm = ctx.semantic();
    if (sm.isOtherFramework()) {
      return;
    }
    for (Stmt loop : sm.loops()) {
      if (!sm.isTrainingLoop(loop)) {
        continue;
      }
      List<Stmt> flat = new ArrayList<>();
      flatten(AstUtil.loopBody(loop), flat);
      scan(ctx, sm, loop, flat);
    }
  }

  /** The block's statements with the bodies of {@code with} statements inlined, in order. */
  private static void flatten(List<Stmt> block, List<Stmt> out) {
    for (Stmt s : block) {
      if (s instanceof Stmt.With w) {
        flatten(w.body(), out);
      } else {
        out.add(s);
      }
    }
  }

  private static void scan(RuleContext ctx, SemanticModel sm, Stmt loop, List<Stmt> flat) {
    boolean backward = false;
    Stmt.ExprStmt reset = null;
    Expr resetTarget = null;
    for (Stmt s : flat) {
      Expr.Call c = s instanceof Stmt.ExprStmt es && es.value() instanceof Expr.Call call ? call : null;
      if (c != null && sm.isBackwardCall(c)) {
        backward = true;
        reset = null;
        continue;
      }
      Expr stepped = c == null ? null : sm.optimizerStepped(c);
      if (stepped != null) {
        if (reset != null && resets(ctx.file(), sm, resetTarget, stepped)) {
          report(ctx, sm, loop, reset, resetTarget, stepped);
        }
        backward = false;
        reset = null;
        continue;
      }
      if (c != null && "zero_grad".equals(AstUtil.methodName(c)) && AstUtil.receiver(c) != null) {
        if (backward && reset == null) {
          reset = (Stmt.ExprStmt) s;
          resetTarget = AstUtil.receiver(c);
        }
        continue;
      }
      if (reset != null && touchesGradients(sm, s)) {
        reset = null; // gradients handled by hand (saved and restored, recomputed): stay silent
      }
    }
  }

  /** Whether resetting {@code target} clears the gradients {@code optimizer} is about to apply. */
  private static boolean resets(SourceFile f, SemanticModel sm, Expr target, Expr optimizer) {
    String t = f.slice(target.range());
    if (sm.isOptimizer(target)) {
      return t.equals(f.slice(optimizer.range()));
    }
    if (!sm.isModel(target)) {
      return false;
    }
    // model.zero_grad(): only when the stepped optimizer was built over this model's parameters
    String opt = f.slice(optimizer.range());
    for (Stmt.Assign a : assignments(sm)) {
      if (a.targets().size() == 1 && f.slice(a.targets().get(0).range()).equals(opt)) {
        String value = f.slice(a.value().range());
        if (value.contains(t + ".parameters(") || value.contains(t + ".named_parameters(")) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<Stmt.Assign> assignments(SemanticModel sm) {
    List<Stmt.Assign> out = new ArrayList<>();
    AstUtil.walk(sm.module(), n -> {
      if (n instanceof Stmt.Assign a) {
        out.add(a);
      }
      return n instanceof Stmt || n instanceof dev.oomlint.ast.Mod;
    });
    return out;
  }

  /** Whether a statement reads or writes {@code .grad}, or computes gradients another way. */
  private static boolean touchesGradients(SemanticModel sm, Stmt s) {
    boolean[] found = {false};
    AstUtil.walk(s, n -> {
      if (n instanceof Expr.Attribute a && a.attr().equals("grad")
          || n instanceof Expr.Call c && (sm.isBackwardCall(c)
              || "torch.autograd.grad".equals(sm.qualifiedName(c.func())))) {
        found[0] = true;
      }
      return !found[0];
    });
    return found[0];
  }

  private static void report(RuleContext ctx, SemanticModel sm, Stmt loop, Stmt.ExprStmt reset, Expr target,
      Expr optimizer) {
    SourceFile f = ctx.file();
    Expr.Call call = (Expr.Call) reset.value();
    String t = f.slice(target.range());
    ctx.report(new Diagnostic(ctx.code(), "`" + t + ".zero_grad()` runs after `backward()` and before `"
        + f.slice(optimizer.range()) + ".step()`, so it wipes the gradients just computed and the step"
        + " applies nothing; reset the gradients at the start of the iteration, before the forward pass.",
        call.range(), fix(f, loop, reset)));
  }

  /** Moves a one-line reset statement to be the first statement of the loop body. */
  private static Fix fix(SourceFile f, Stmt loop, Stmt reset) {
    Stmt first = AstUtil.loopBody(loop).get(0);
    String indent = LoopHeaders.indentation(f, first);
    int line = f.lines().line(reset.range().start());
    if (indent == null || LoopHeaders.indentation(f, reset) == null
        || f.lines().line(reset.range().end()) != line || line >= f.lines().lineCount()) {
      return null;
    }
    int from = f.lines().lineStart(line);
    int to = f.lines().lineStart(line + 1);
    String rest = f.text().substring(reset.range().start(), to);
    return Fix.unsafe("Move the reset to the start of the loop body",
        Edit.insert(LoopHeaders.lineStart(f, first), indent + rest),
        Edit.delete(new dev.oomlint.ast.SourceRange(from, to)));
  }
}
