package dev.oomlint.semantic;

import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Support;
import java.util.List;
import java.util.Locale;

/**
 * Hugging Face loading calls, recognised through qualified names: {@code X.from_pretrained(...)}
 * where {@code X} is a model (or diffusers pipeline) class imported from transformers, diffusers or
 * peft, never a tokenizer, processor, feature extractor, config or scheduler.
 */
public final class HfModels {
  private HfModels() {}

  private static final List<String> LIBRARIES = List.of("transformers.", "diffusers.", "peft.");

  /** Class-name parts of {@code from_pretrained} owners that load no weights worth a GPU. */
  private static final List<String> NOT_MODELS = List.of("tokenizer", "processor", "extractor", "config",
      "scheduler", "dataset", "modularpipeline");

  /**
   * The qualified name of the model class a {@code from_pretrained} call loads
   * ({@code "transformers.AutoModelForCausalLM"}), or null when the call is something else.
   */
  public static String loadedModelClass(SemanticModel sm, Expr.Call c) {
    if (!(c.func() instanceof Expr.Attribute a) || !a.attr().equals("from_pretrained")) {
      return null;
    }
    String q = sm.qualifiedName(a.value());
    return q != null && isModelClass(q) ? q : null;
  }

  /** Whether a qualified class name is a transformers / diffusers / peft model or pipeline class. */
  public static boolean isModelClass(String q) {
    boolean known = false;
    for (String lib : LIBRARIES) {
      known |= q.startsWith(lib);
    }
    if (!known) {
      return false;
    }
    String last = q.substring(q.lastIndexOf('.') + 1);
    if (last.isEmpty() || !Character.isUpperCase(last.charAt(0))) {
      return false;
    }
    String lower = last.toLowerCase(Locale.ROOT);
    for (String n : NOT_MODELS) {
      if (lower.contains(n)) {
        return false;
      }
    }
    // peft's PeftModel.from_pretrained(base, adapter) wraps a model that is already loaded
    return !(q.startsWith("peft.") && !lower.startsWith("autopeft"));
  }

  /**
   * Whether a {@code from_pretrained} call runs the checkpoint's own modelling code
   * ({@code trust_remote_code=} anything but a false constant). That code builds the model, and may
   * choose its precision itself (Qwen's first models cast themselves to bfloat16 or float16 unless told
   * otherwise, and take {@code bf16=True}/{@code fp16=True}): which dtype the weights get cannot be told
   * from the call.
   */
  public static boolean runsRemoteCode(Expr.Call c) {
    Support.Keyword k = Calls.keyword(c, "trust_remote_code");
    return k != null && !Calls.isFalsyConstant(k.value());
  }

  /** Whether the class is a transformers class (they take {@code torch_dtype="auto"} and bitsandbytes kwargs). */
  public static boolean isTransformers(String q) {
    return q.startsWith("transformers.") || q.startsWith("peft.");
  }

  /**
   * Whether transformers' {@code from_pretrained} in this file's project already loads the
   * checkpoint's own dtype when none is given: transformers 5 defaults to {@code dtype="auto"}, so
   * this holds when the project targets transformers 5 or later (its {@code target-transformers}
   * option, else the lowest version its declared requirement allows: requirements files,
   * {@code pyproject.toml}, {@code setup.py}/{@code setup.cfg}). Unknown means no.
   */
  public static boolean loadsCheckpointDtypeByDefault(SemanticModel sm) {
    ProjectView.DeclaredVersion v = sm.targetTransformers();
    return v != null && v.major() >= 5;
  }

  /** Whether the qualified name is transformers' {@code pipeline()} factory. */
  public static boolean isPipelineFactory(String q) {
    return q != null && (q.equals("transformers.pipeline") || q.equals("transformers.pipelines.pipeline"));
  }
}
