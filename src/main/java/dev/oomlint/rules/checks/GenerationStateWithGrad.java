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
import dev.oomlint.semantic.Generation;
import dev.oomlint.semantic.GradMode;
import dev.oomlint.semantic.SemanticModel;
import dev.oomlint.semantic.TrainingIteration;
import java.util.List;

/**
 * OOM304: a hand-written decoding or recurrent loop in inference code that feeds a value made from
 * the model's output (the {@code past_key_values} cache, a hidden state, generated embeddings) back
 * into the model on every step with autograd on: each step's graph hangs on the next, so memory grows
 * with every generated token. Not reported: loops that run a backward (training, truncated BPTT),
 * state detached each step, code under {@code no_grad}/{@code inference_mode} (a decorator, a
 * {@code with} block, or callers that all disable grad), {@code model.generate} (no loop here),
 * loops in code that trains, CPU-only code (also a loop fed state moved to the CPU on purpose,
 * {@code hidden = hidden.to("cpu")}), and tests.
 */
@RuleInfo(code = "OOM304", name = "generation-state-with-grad",
    summary = "A hand-written decoding or recurrent loop feeds the model's state back each step with autograd on.",
    level = Level.WARNING, fix = FixSafety.NONE, precision = "high",
    mentions = "torch", enabledByDefault = false)
public final class GenerationStateWithGrad implements Rule {
  @Override
  public void check(RuleContext ctx) {
    SemanticModel sm = ctx.semantic();
    if (sm.isOtherFramework() || !TrainingIteration.graphLeakCostsGpuMemory(sm)) {
      return;
    }
    for (Stmt loop : sm.loops()) {
      if (sm.isTestCode(loop) || sm.isTrainingLoop(loop) || !inferenceCode(sm, loop)) {
        continue;
      }
      Expr.Call[] call = {null};
      List<Expr.Name>[] carried = new List[] {null};
      AstWalker.walkAll(AstUtil.loopBody(loop), (Node n) -> {
        if (call[0] == null && n instanceof Expr.Call c && sm.isModelCall(c) && sm.gradMode(c) == GradMode.ENABLED
            && sm.innermostTrainingLoop(c) == null) {
          List<Expr.Name> in = Generation.carriedInputs(sm, loop, c);
          if (!in.isEmpty()) {
            call[0] = c;
            carried[0] = in;
          }
        }
      });
      if (call[0] == null || !insideOwnLoop(sm, call[0], loop) || sm.inputsMovedToCpu(call[0]) || sm.onlyTinyNetworks()) {
        continue;
      }
      String model = ExprEdits.text(ctx.file(), call[0].func());
      String state = carried[0].get(0).id();
      ctx.report(new Diagnostic(ctx.code(), "`" + model + "(...)` takes back `" + state + "`, made from its"
          + " own output on an earlier step, with autograd on: each step's graph stays linked to the next, so"
          + " memory grows with every step; run the loop under `torch.inference_mode()` or `torch.no_grad()`"
          + " (or `.detach()` the state each step).", carried[0].get(0).range(), null));
    }
  }

  /** Whether the call's innermost loop is {@code loop} (a nested loop is checked on its own). */
  private static boolean insideOwnLoop(SemanticModel sm, Expr.Call c, Stmt loop) {
    return dev.oomlint.semantic.Iterations.innermostLoop(sm, c) == loop;
  }

  /**
   * Whether the loop runs in inference code: an inference region (evaluation, sampling, a script that
   * never trains), or a function named for generating or decoding that runs no backward and computes
   * no gradients; at module level, a script that does not train.
   */
  private static boolean inferenceCode(SemanticModel sm, Stmt loop) {
    if (sm.inInferenceRegion(loop)) {
      return true;
    }
    Stmt.FunctionDef f = sm.enclosingFunction(loop);
    if (f == null) {
      return !sm.fileTrains() && !sm.computesGradients(sm.module());
    }
    Stmt.ClassDef owner = sm.enclosingClass(f);
    if (owner != null && sm.isModuleClass(owner) && !Generation.isGenerationMethodName(f.name())) {
      return false; // a model's own method (forward, decode, tiled_decode) runs in its caller's grad mode
    }
    return Generation.isGenerationName(f.name()) && !sm.runsBackward(f) && !sm.computesGradients(f);
  }
}
