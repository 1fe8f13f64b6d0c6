package dev.oomlint.rules.checks;

import dev.oomlint.ast.AstWalker;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.Stmt;
import dev.oomlint.ast.Support;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.rules.FixSafety;
import dev.oomlint.rules.Level;
import dev.oomlint.rules.Rule;
import dev.oomlint.rules.RuleContext;
import dev.oomlint.rules.RuleInfo;
import dev.oomlint.semantic.AstUtil;
import dev.oomlint.semantic.Calls;
import dev.oomlint.semantic.HeadOnlyTraining;
import dev.oomlint.semantic.MixedPrecision;
import dev.oomlint.semantic.ModelSizes;
import dev.oomlint.semantic.SemanticModel;
import java.util.List;

/**
 * OOM601 (opt-in): a GPU training loop, or a Hugging Face {@code TrainingArguments}, that
 * trains a sizeable network in float32: nothing in the file chooses a lower precision (autocast,
 * GradScaler, bf16/fp16, {@code .half()}, {@code precision=}, Accelerate, DeepSpeed, quantized training,
 * an amp switch). Activations, which dominate training memory, take twice the bytes of bf16/fp16.
 * Silent for networks defined in the file (their size is not shown), checkpoints known to be small,
 * a new head trained on a frozen network ({@link HeadOnlyTraining}), CPU-only code ({@code no_cuda=True})
 * and tests.
 */
@RuleInfo(code = "OOM601", name = "training-without-mixed-precision",
    summary = "A GPU training loop trains a sizeable network in float32, with no autocast or bf16/fp16 anywhere.",
    level = Level.NOTE, fix = FixSafety.NONE, precision = "medium", tags = {"memory", "precision"},
    mentions = {"cuda|device", "backward|TrainingArguments|Config"}, enabledByDefault = false)
public final class TrainingWithoutMixedPrecision implements Rule {
  private static final String ADVICE = "; activations, most of training memory, take twice the bytes of"
      + " bfloat16/float16: run the forward pass and loss under `torch.autocast(\"cuda\", dtype=torch.bfloat16)`"
      + " (with a `GradScaler` for float16)";

  @Override
  public void check(RuleContext ctx) {
    SemanticModel sm = ctx.semantic();
    if (sm.isTestFile() || sm.isOtherFramework() || !sm.usesGpu() || !ModelSizes.loadsSizeableNetwork(sm)
        || MixedPrecision.chosenInFile(sm) || HeadOnlyTraining.trainsOnlyAHead(sm)) {
      return;
    }
    for (Stmt loop : sm.loops()) {
      if (sm.isTestCode(loop) || !steppingTrainingLoop(sm, loop) || hasNestedSteppingLoop(sm, loop)) {
        continue;
      }
      Node at = loop instanceof Stmt.For f ? f.iter() : ((Stmt.While) loop).test();
      ctx.report(new Diagnostic(ctx.code(), "This GPU training loop runs in float32 (nothing in the file"
          + " chooses autocast, bf16 or fp16)" + ADVICE + ".", at.range(), null));
    }
    for (Expr.Call c : sm.calls()) {
      String q = sm.qualifiedName(c.func());
      if (q == null || !isTrainingArguments(q) || sm.isTestCode(c) || Calls.hasDoubleStar(c) || onCpu(c)) {
        continue;
      }
      String owner = q.substring(q.lastIndexOf('.') + 1);
      ctx.report(new Diagnostic(ctx.code(), "`" + owner + "(...)` sets neither `bf16=True` nor `fp16=True`, so"
          + " the trainer trains in float32" + ADVICE.replace(": run the forward pass", "; pass `bf16=True`"
              + " (Ampere or newer) or `fp16=True`, or run the forward pass") + ".", c.range(), null));
    }
  }

  /** A loop that runs a backward and steps an optimizer itself. */
  private static boolean steppingTrainingLoop(SemanticModel sm, Stmt loop) {
    if (!sm.isTrainingLoop(loop)) {
      return false;
    }
    boolean network = false;
    for (Expr.Call step : sm.directSteps(loop)) {
      Expr opt = sm.optimizerStepped(step);
      // an optimizer over plain tensors (style transfer's image, an adversarial input) trains no network
      network |= opt == null || !sm.optimizesTensorsOnly(opt);
    }
    return network;
  }

  /** Whether a loop nested in this one is itself a stepping training loop (report the inner one only). */
  private static boolean hasNestedSteppingLoop(SemanticModel sm, Stmt loop) {
    boolean[] hit = {false};
    AstWalker.walkAll(AstUtil.loopBody(loop), (Node n) -> {
      if (!hit[0] && n instanceof Stmt inner && AstUtil.isLoop(inner) && steppingTrainingLoop(sm, inner)) {
        hit[0] = true;
      }
    });
    return hit[0];
  }

  private static final List<String> ARGUMENT_CLASSES = List.of("transformers.TrainingArguments",
      "transformers.Seq2SeqTrainingArguments");

  /** {@code TrainingArguments} or {@code Seq2SeqTrainingArguments} (float32 unless told otherwise). */
  private static boolean isTrainingArguments(String q) {
    return ARGUMENT_CLASSES.contains(q); // trl's configs (SFTConfig, GRPOConfig...) default to bf16
  }

  /** {@code no_cuda=True} or {@code use_cpu=True}: the trainer runs on the CPU. */
  private static boolean onCpu(Expr.Call c) {
    for (String name : List.of("no_cuda", "use_cpu")) {
      Support.Keyword k = Calls.keyword(c, name);
      if (k != null && k.value() instanceof Expr.Constant kc && kc.value() instanceof dev.oomlint.ast.ConstValue.Bool b
          && b.value()) {
        return true;
      }
    }
    return false;
  }
}
