package dev.oomlint.semantic;

import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Stmt;
import dev.oomlint.ast.Support;
import java.util.List;
import java.util.Set;

/**
 * Hugging Face trainers: which calls build a {@code transformers.Trainer} (or {@code Seq2SeqTrainer},
 * trl's {@code SFTTrainer}, a same-file subclass of one), the training arguments they are given, the
 * model class they train and whether that model's evaluation outputs are large.
 *
 * <p>The evaluation loop of these trainers ({@code Trainer.evaluation_loop}) keeps the outputs of every
 * evaluation batch when it needs them for {@code compute_metrics} (or for {@code predict}), on the device,
 * until the loop ends or {@code eval_accumulation_steps} batches have passed.
 */
public final class HfTrainers {
  private HfTrainers() {}

  /** The trainer classes whose evaluation loop is transformers' own, by library. */
  private static final Set<String> TRANSFORMERS_TRAINERS = Set.of("Trainer", "Seq2SeqTrainer");

  private static final Set<String> TRL_TRAINERS = Set.of("SFTTrainer");

  /** Methods a subclass overrides when it runs its own evaluation (and may not keep the outputs). */
  private static final Set<String> OWN_EVALUATION = Set.of("evaluate", "evaluation_loop", "prediction_loop",
      "prediction_step", "predict");

  private static final Set<String> TRAINING_ARGUMENTS = Set.of("transformers.TrainingArguments",
      "transformers.Seq2SeqTrainingArguments", "transformers.training_args.TrainingArguments",
      "transformers.training_args_seq2seq.Seq2SeqTrainingArguments", "trl.SFTConfig",
      "trl.trainer.sft_config.SFTConfig");

  /**
   * Parts of a model class name whose head outputs one score per vocabulary entry (or class) for every
   * position (token, pixel): causal, masked and sequence-to-sequence language models, image and speech
   * to text, semantic segmentation. Their outputs grow with the evaluation set times sequence length
   * times vocabulary. Classification, regression, question answering, token classification and CTC heads
   * give a few numbers per sample or token and are not listed.
   */
  private static final List<String> PER_POSITION_VOCABULARY_HEADS = List.of("causallm", "lmhead", "seq2seqlm",
      "maskedlm", "conditionalgeneration", "speechseq2seq", "vision2seq", "imagetexttotext", "encoderdecodermodel",
      "forpretraining", "semanticsegmentation");

  /** The head kinds known to be small (a few numbers per sample or token). */
  private static final List<String> SMALL_HEADS = List.of("sequenceclassification", "imageclassification",
      "audioclassification", "videoclassification", "tokenclassification", "questionanswering", "multiplechoice",
      "ctc", "objectdetection", "regression", "nextsentenceprediction",
      "audioframeclassification", "xvector", "zeroshot", "depthestimation", "prediction", "forecasting");

  /** What a trainer call builds. */
  public enum Kind {
    /** {@code transformers.Trainer} or a subclass defined in the file. */
    TRAINER,
    /** {@code transformers.Seq2SeqTrainer}: trains a sequence-to-sequence model. */
    SEQ2SEQ,
    /** trl's {@code SFTTrainer}: trains a language model. */
    SFT
  }

  /**
   * What kind of Hugging Face trainer the call builds, or null when it builds none (or a same-file
   * subclass that runs its own evaluation).
   */
  public static Kind trainerKind(SemanticModel sm, Expr.Call c) {
    Kind k = kindOf(sm.qualifiedName(c.func()));
    if (k != null) {
      return k;
    }
    Stmt.ClassDef cls = sm.classCalled(c);
    for (int depth = 0; cls != null && depth < 4; depth++) {
      for (Stmt s : cls.body()) {
        if (s instanceof Stmt.FunctionDef f && OWN_EVALUATION.contains(f.name())) {
          return null;
        }
      }
      Stmt.ClassDef next = null;
      for (Expr b : cls.bases()) {
        Kind bk = kindOf(sm.qualifiedName(b));
        if (bk != null) {
          return bk;
        }
        if (b instanceof Expr.Name n) {
          for (Binding bd : sm.resolve(n)) {
            if (bd.kind() == Binding.Kind.CLASS && bd.statement() instanceof Stmt.ClassDef cd) {
              next = cd;
            }
          }
        }
      }
      cls = next;
    }
    return null;
  }

  private static Kind kindOf(String q) {
    if (q == null) {
      return null;
    }
    String last = q.substring(q.lastIndexOf('.') + 1);
    if (q.startsWith("transformers.") && TRANSFORMERS_TRAINERS.contains(last)) {
      return last.equals("Trainer") ? Kind.TRAINER : Kind.SEQ2SEQ;
    }
    return q.startsWith("trl.") && TRL_TRAINERS.contains(last) ? Kind.SFT : null;
  }

  /** Whether the call builds transformers' {@code TrainingArguments}, {@code Seq2SeqTrainingArguments} or trl's {@code SFTConfig}. */
  public static boolean isTrainingArguments(SemanticModel sm, Expr.Call c) {
    String q = sm.qualifiedName(c.func());
    return q != null && TRAINING_ARGUMENTS.contains(q);
  }

  /** The expression passed as the trainer's training arguments ({@code args=}, or the second positional), or null. */
  public static Expr argsArgument(Expr.Call trainer) {
    return Calls.argument(trainer, 1, "args");
  }

  /** The expression passed as the trainer's model ({@code model=}, or the first positional), or null. */
  public static Expr modelArgument(Expr.Call trainer) {
    return Calls.argument(trainer, 0, "model");
  }

  /**
   * The {@code TrainingArguments(...)} call an expression is, or the one a name was assigned once
   * ({@code args = TrainingArguments(...)}); null otherwise.
   */
  public static Expr.Call trainingArgumentsCall(SemanticModel sm, Expr e) {
    Expr v = e instanceof Expr.Name ? Tensors.singleValue(sm, e) : e;
    return v instanceof Expr.Call c && isTrainingArguments(sm, c) ? c : null;
  }

  /**
   * The qualified class of the model an expression holds, followed through assignments, peft wrappers
   * ({@code get_peft_model(m, cfg)}, {@code prepare_model_for_kbit_training(m)},
   * {@code PeftModel.from_pretrained(m, id)}) and device moves ({@code m.to(device)}); null when not shown.
   * A model id string is given as {@code "str"} (trl loads it with {@code AutoModelForCausalLM}).
   */
  public static String modelClass(SemanticModel sm, Expr e) {
    for (int depth = 0; e != null && depth < 8; depth++) {
      if (Calls.string(e) != null) {
        return "str";
      }
      if (e instanceof Expr.Name n) {
        List<Binding> bs = sm.resolve(n);
        if (bs.size() != 1 || bs.get(0).kind() != Binding.Kind.ASSIGN || bs.get(0).index() >= 0) {
          return null;
        }
        e = bs.get(0).value();
        continue;
      }
      if (!(e instanceof Expr.Call c)) {
        return null;
      }
      String q = sm.qualifiedName(c.func());
      String m = AstUtil.methodName(c);
      if (q != null && (q.equals("peft.get_peft_model") || q.equals("peft.prepare_model_for_kbit_training")
          || q.startsWith("peft.") && q.endsWith(".from_pretrained") && !q.startsWith("peft.AutoPeft"))) {
        e = c.args().isEmpty() ? Calls.argument(c, 0, "model") : c.args().get(0);
        continue;
      }
      if ("from_pretrained".equals(m)) {
        String cls = sm.qualifiedName(AstUtil.receiver(c));
        return cls != null && HfModels.isModelClass(cls) ? cls : null;
      }
      if ("to".equals(m) || "cuda".equals(m) || "half".equals(m) || "bfloat16".equals(m)) {
        e = AstUtil.receiver(c);
        continue;
      }
      return q != null && HfModels.isModelClass(q) ? q : null;
    }
    return null;
  }

  /**
   * Whether a model class's head gives a score per vocabulary entry (or class) at every position:
   * a language model, a sequence-to-sequence or image/speech-to-text model, a semantic segmentation model.
   */
  public static boolean hasPerPositionVocabularyHead(String qualifiedClass) {
    String last = lastLower(qualifiedClass);
    for (String h : PER_POSITION_VOCABULARY_HEADS) {
      if (last.contains(h)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a model class's head is known to give a few numbers per sample or token (classification...). */
  public static boolean hasSmallHead(String qualifiedClass) {
    String last = lastLower(qualifiedClass);
    for (String h : SMALL_HEADS) {
      if (last.contains(h)) {
        return true;
      }
    }
    return false;
  }

  private static String lastLower(String q) {
    return q.substring(q.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
  }

  /** The keyword {@code name=} of a call unless its value is {@code None}; null when absent or None. */
  public static Support.Keyword givenKeyword(Expr.Call c, String name) {
    Support.Keyword k = Calls.keyword(c, name);
    return k == null || k.value() instanceof Expr.Constant kc
        && kc.value() == dev.oomlint.ast.ConstValue.Singleton.NONE ? null : k;
  }
}
