package dev.oomlint.rules.checks;

import dev.oomlint.ast.AstWalker;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.Stmt;
import dev.oomlint.ast.Support;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.diagnostics.Edit;
import dev.oomlint.diagnostics.Fix;
import dev.oomlint.rules.FixSafety;
import dev.oomlint.rules.Level;
import dev.oomlint.rules.Rule;
import dev.oomlint.rules.RuleContext;
import dev.oomlint.rules.RuleInfo;
import dev.oomlint.rules.edits.CallEdits;
import dev.oomlint.semantic.AstUtil;
import dev.oomlint.semantic.Binding;
import dev.oomlint.semantic.Calls;
import dev.oomlint.semantic.HfTrainers;
import dev.oomlint.semantic.SemanticModel;
import java.util.Set;

/**
 * OOM303: a Hugging Face {@code Trainer} that evaluates with {@code compute_metrics} on a model whose
 * outputs are per position and per vocabulary entry (a language model, a sequence-to-sequence model, a
 * semantic segmentation model), without {@code eval_accumulation_steps} and without
 * {@code preprocess_logits_for_metrics}: the evaluation loop keeps every batch's logits on the GPU until
 * the whole evaluation set has run. Classification-like heads (a few numbers per sample or token) are
 * not reported; neither is a plain {@code Trainer} whose model class the file does not show.
 */
@RuleInfo(code = "OOM303", name = "trainer-eval-logits-on-gpu",
    summary = "A Hugging Face Trainer evaluates a language model with compute_metrics and keeps every batch's logits on the GPU.",
    level = Level.WARNING, fix = FixSafety.UNSAFE, precision = "high", tags = {"memory", "huggingface"},
    mentions = {"compute_metrics", "Trainer"})
public final class TrainerEvalLogitsOnGpu implements Rule {
  /** Attributes that, set anywhere in the file, change what the evaluation loop keeps. */
  private static final Set<String> SET_LATER = Set.of("eval_accumulation_steps", "preprocess_logits_for_metrics",
      "batch_eval_metrics", "prediction_loss_only", "predict_with_generate");

  private static final Set<String> EVALUATE_METHODS = Set.of("evaluate", "predict");

  @Override
  public void check(RuleContext ctx) {
    SemanticModel sm = ctx.semantic();
    if (sm.isTestFile() || setsEvaluationAttribute(sm)) {
      return;
    }
    for (Expr.Call c : sm.calls()) {
      HfTrainers.Kind kind = HfTrainers.trainerKind(sm, c);
      if (kind == null || Calls.hasDoubleStar(c) || Calls.hasStarred(c)
          || HfTrainers.givenKeyword(c, "compute_metrics") == null
          || HfTrainers.givenKeyword(c, "preprocess_logits_for_metrics") != null) {
        continue;
      }
      String model = HfTrainers.modelClass(sm, HfTrainers.modelArgument(c));
      if (!largeOutputs(kind, model)) {
        continue;
      }
      Expr argsExpr = HfTrainers.argsArgument(c);
      Expr.Call args = argsExpr == null ? null : HfTrainers.trainingArgumentsCall(sm, argsExpr);
      if (argsExpr != null && (args == null || Calls.hasDoubleStar(args) || Calls.hasStarred(args))) {
        continue; // arguments parsed from the command line or built elsewhere: they may set it
      }
      if (args != null && (HfTrainers.givenKeyword(args, "eval_accumulation_steps") != null
          || givenTrue(args, "batch_eval_metrics") || givenTrue(args, "prediction_loss_only")
          || givenTrue(args, "predict_with_generate") || givenTrue(args, "use_cpu") || givenTrue(args, "no_cuda"))) {
        continue;
      }
      Expr.Call evaluate = evaluateCall(sm, c);
      boolean evalData = HfTrainers.givenKeyword(c, "eval_dataset") != null
          || evaluate != null && (!evaluate.args().isEmpty() || HfTrainers.givenKeyword(evaluate, "eval_dataset") != null
          || HfTrainers.givenKeyword(evaluate, "test_dataset") != null);
      if (!evalData || evaluate == null && !evaluatesDuringTraining(args)) {
        continue;
      }
      String what = model == null || model.equals("str")
          ? (kind == HfTrainers.Kind.SEQ2SEQ ? "a sequence-to-sequence model" : "a language model")
          : "`" + model.substring(model.lastIndexOf('.') + 1) + "`";
      String name = AstUtil.lastName(c.func());
      ctx.report(new Diagnostic(ctx.code(), "`" + name + "` computes metrics on " + what + " and its evaluation"
          + " loop keeps every batch's logits (samples x sequence x vocabulary) on the GPU until the whole"
          + " evaluation set has run; set `eval_accumulation_steps` in the training arguments, or reduce the"
          + " logits with `preprocess_logits_for_metrics` (e.g. an argmax).", c.range(), fix(ctx, args)));
    }
  }

  /** Whether the trainer's model gives per-position vocabulary scores, by its class and the trainer kind. */
  private static boolean largeOutputs(HfTrainers.Kind kind, String model) {
    if (model != null && !model.equals("str")) {
      return HfTrainers.hasPerPositionVocabularyHead(model);
    }
    // a model the file does not show: a sequence-to-sequence or SFT trainer trains a generative model,
    // a plain Trainer may train anything (most often a classifier)
    return kind != HfTrainers.Kind.TRAINER;
  }

  private static boolean givenTrue(Expr.Call c, String name) {
    Support.Keyword k = Calls.keyword(c, name);
    return k != null && !Calls.isFalsyConstant(k.value());
  }

  /** Whether training arguments evaluate during training: an evaluation strategy other than "no". */
  private static boolean evaluatesDuringTraining(Expr.Call args) {
    if (args == null) {
      return false;
    }
    for (String kw : new String[] {"eval_strategy", "evaluation_strategy"}) {
      Support.Keyword k = Calls.keyword(args, kw);
      if (k == null) {
        continue;
      }
      String s = Calls.string(k.value());
      if (s != null) {
        return !s.equalsIgnoreCase("no");
      }
      return !(k.value() instanceof Expr.Attribute a && a.attr().equals("NO")) && !Calls.isFalsyConstant(k.value());
    }
    return false;
  }

  /** A later {@code trainer.evaluate(...)} or {@code trainer.predict(...)} on the name the trainer call is bound to; or null. */
  private static Expr.Call evaluateCall(SemanticModel sm, Expr.Call trainer) {
    for (Expr.Call e : sm.calls()) {
      String m = AstUtil.methodName(e);
      if (m == null || !EVALUATE_METHODS.contains(m) || !(AstUtil.receiver(e) instanceof Expr.Name n)) {
        continue;
      }
      for (Binding b : sm.reachingBindings(n)) {
        if (b.value() == trainer) {
          return e;
        }
      }
    }
    return null;
  }

  /** Whether the file sets one of the evaluation attributes itself ({@code args.eval_accumulation_steps = 4}). */
  private static boolean setsEvaluationAttribute(SemanticModel sm) {
    boolean[] hit = {false};
    for (Stmt s : sm.statements()) {
      if (s instanceof Stmt.Assign a) {
        for (Expr t : a.targets()) {
          AstWalker.walk(t, (Node n) -> {
            if (n instanceof Expr.Attribute at && SET_LATER.contains(at.attr())) {
              hit[0] = true;
            }
          });
        }
      }
    }
    return hit[0];
  }

  private static Fix fix(RuleContext ctx, Expr.Call args) {
    if (args == null) {
      return null;
    }
    Edit edit = CallEdits.append(ctx.file(), args, "eval_accumulation_steps=1");
    return edit == null ? null : Fix.unsafe("Add `eval_accumulation_steps=1` to the training arguments", edit);
  }
}
