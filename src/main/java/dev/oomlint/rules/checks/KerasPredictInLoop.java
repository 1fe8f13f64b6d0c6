package dev.oomlint.rules.checks;

import dev.oomlint.ast.AstWalker;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.Stmt;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.rules.FixSafety;
import dev.oomlint.rules.Level;
import dev.oomlint.rules.Rule;
import dev.oomlint.rules.RuleContext;
import dev.oomlint.rules.RuleInfo;
import dev.oomlint.rules.edits.ExprEdits;
import dev.oomlint.semantic.AstUtil;
import dev.oomlint.semantic.Binding;
import dev.oomlint.semantic.Iterations;
import dev.oomlint.semantic.SemanticModel;
import java.util.Set;

/**
 * OOM505: Keras {@code model.predict(x)} on every iteration of a Python loop. Each call builds a new
 * input pipeline (and, for new shapes, a new function trace) that is not freed while the loop runs.
 * Not reported: a loop over the models themselves, a loop over a short literal list or a few
 * {@code take(n)} batches, a loop that also fits the model (one prediction per epoch), and test files.
 */
@RuleInfo(code = "OOM505", name = "keras-predict-in-loop",
    summary = "Keras model.predict() is called on every iteration of a Python loop.",
    level = Level.WARNING, fix = FixSafety.NONE, precision = "high", tags = {"memory", "keras"},
    mentions = {"predict", "keras|tensorflow"}, enabledByDefault = false)
public final class KerasPredictInLoop implements Rule {
  /** A loop that its header bounds to this many passes runs predict a bounded, small number of times. */
  private static final int FEW_PASSES = 100;

  private static final Set<String> FIT_METHODS = Set.of("fit", "fit_generator");

  @Override
  public void check(RuleContext ctx) {
    SemanticModel sm = ctx.semantic();
    if (sm.isTestFile()) {
      return;
    }
    Boolean graphMode = null;
    for (Expr.Call c : sm.calls()) {
      if (!"predict".equals(AstUtil.methodName(c)) || !sm.isKerasModel(AstUtil.receiver(c))) {
        continue;
      }
      Stmt loop = Iterations.innermostLoop(sm, c);
      if (loop == null || iteratesModels(sm, loop, AstUtil.receiver(c)) || fewIterations(sm, loop)
          || fitsInBody(loop) || Iterations.pacedByInput(sm, loop) || everyNthPass(sm, c, loop)) {
        continue;
      }
      if (graphMode == null) {
        graphMode = sm.tensorFlowGraphMode();
      }
      if (graphMode) {
        return;   // TF1 graph execution: predict runs in the session's graph, nothing is built per call
      }
      ctx.report(new Diagnostic(ctx.code(), "`" + ExprEdits.text(ctx.file(), c) + "` runs on every iteration"
          + " of the loop at line " + sm.file().lines().line(loop.range().start()) + ": each call builds a new"
          + " input pipeline and keeps memory until the loop ends; call `model(x, training=False)` or"
          + " `predict_on_batch(x)` per batch, or predict once on the whole dataset.", c.range(), null));
    }
  }

  /**
   * Whether the call runs only on every n-th pass of the loop: it sits under {@code if step % interval == 0:}
   * (or {@code if not step % n:}), the sample plotted every few hundred steps of a {@code train_on_batch}
   * loop. A bounded number of calls leaves a bounded number of pipelines.
   */
  private static boolean everyNthPass(SemanticModel sm, Expr.Call call, Stmt loop) {
    for (SemanticModel.EnclosingIf e : sm.enclosingIfs(call)) {
      if (e.onTrueSide() && loop.range().contains(e.statement().range()) && testsModulo(e.statement().test())) {
        return true;
      }
    }
    return false;
  }

  private static boolean testsModulo(Expr test) {
    boolean[] hit = {false};
    AstWalker.walkAll(java.util.List.of(test), n -> hit[0] |= n instanceof Expr.BinOp b
        && b.op() == dev.oomlint.ast.Operators.Operator.MOD && !(b.left() instanceof Expr.Constant));
    return hit[0];
  }

  /** Whether the model is the loop's own variable ({@code for m in models: m.predict(x)}). */
  private static boolean iteratesModels(SemanticModel sm, Stmt loop, Expr receiver) {
    Expr.Name root = AstUtil.root(receiver);
    if (root == null) {
      return false;
    }
    for (Binding b : sm.resolve(root)) {
      if (b.kind() == Binding.Kind.FOR_TARGET) {
        for (Stmt l = loop; l != null; l = Iterations.innermostLoop(sm, l)) {
          if (b.statement() == l) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * Whether the loop runs only a few times by its header: at most {@link #FEW_PASSES} passes by its
   * literals ({@code range(20)}, {@code texts[:10]}, a literal list, {@code ds.take(5)}; a few calls
   * leave a few small pipelines, not a growing heap), or {@code ds.take(n)} with n not a literal
   * (peeking at a few batches to show them: {@code for image, mask in dataset.take(num)}).
   */
  private static boolean fewIterations(SemanticModel sm, Stmt loop) {
    long passes = Iterations.literalPasses(sm, loop);
    if (passes >= 0) {
      return passes <= FEW_PASSES;
    }
    return loop instanceof Stmt.For f && f.iter() instanceof Expr.Call c && "take".equals(AstUtil.methodName(c))
        && c.args().size() == 1;
  }

  /** Whether the loop body fits a model itself: the loop is over epochs, with one prediction each. */
  private static boolean fitsInBody(Stmt loop) {
    boolean[] hit = {false};
    AstWalker.walkAll(AstUtil.loopBody(loop), (Node n) -> {
      String m = n instanceof Expr.Call c ? AstUtil.methodName(c) : null;
      if (m != null && FIT_METHODS.contains(m)) {
        hit[0] = true;
      }
    });
    return hit[0];
  }
}
