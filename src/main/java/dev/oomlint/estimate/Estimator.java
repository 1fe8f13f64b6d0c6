package dev.oomlint.estimate;

import dev.oomlint.ast.Mod;
import dev.oomlint.ast.SourceFile;
import dev.oomlint.ast.Expr;
import dev.oomlint.semantic.Calls;
import dev.oomlint.semantic.SemanticModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Estimates the GPU memory of every model a script loads, statically: it reads the script's load
 * sites, precision, training set-up, batch size and sequence length (never importing or running it,
 * never downloading), sizes each model from a local {@code config.json}, the bundled
 * {@link Catalogue} or the size tag in its id, and applies {@link Formulas}.
 *
 * <p>A rule calls {@link #estimate(SemanticModel, Options)} with the file's model; the {@code estimate}
 * command calls {@link #estimate(SourceFile, Mod.Module, Options)}.
 */
public final class Estimator {
  /**
   * What the caller knows beyond the script.
   *
   * @param budget GPU memory in bytes to compare against, or null
   * @param batchSize overrides the batch size read from the script, or null
   * @param seqLen overrides the sequence length read from the script, or null
   * @param cwd the directory relative paths (the script's, local model directories) resolve against
   */
  public record Options(Long budget, Integer batchSize, Integer seqLen, Path cwd) {
    public Options {
      cwd = cwd == null ? Path.of("").toAbsolutePath() : cwd;
    }

    public static Options defaults() {
      return new Options(null, null, null, null);
    }
  }

  private Estimator() {}

  /** The call as written, on one line and at most 100 characters. */
  static String snippet(String source) {
    String one = source.replaceAll("\\s*\\n\\s*", " ").replaceAll("\\(\\s+", "(").replaceAll(",\\s*\\)", ")");
    return one.length() <= 100 ? one : one.substring(0, 99) + "…";
  }

  /** The estimates of every load site of a parsed file, in source order. */
  public static List<SiteEstimate> estimate(SourceFile file, Mod.Module module, Options options) {
    return estimate(SemanticModel.build(file, module), options);
  }

  /** The estimates of every load site of a file whose semantic model is built already. */
  public static List<SiteEstimate> estimate(SemanticModel model, Options options) {
    List<SiteEstimate> out = new ArrayList<>();
    for (ScriptReader.Site s : new ScriptReader(model, options, Catalogue.builtIn()).read()) {
      out.add(toEstimate(model.file(), s, options.budget()));
    }
    return out;
  }

  private static SiteEstimate toEstimate(SourceFile file, ScriptReader.Site s, Long budget) {
    Setup st = s.setup;
    Setup.Result r = st.compute();
    List<String> assumptions = new ArrayList<>(s.assumptions);
    assumptions.addAll(r.notes());
    SiteEstimate.Bytes bytes = r.bytes();
    if (bytes.total() != null) {
      assumptions.add(String.format(Locale.ROOT, "overhead: %s for the CUDA context and the allocator"
          + " (a stated constant)", Units.human(Formulas.CUDA_OVERHEAD)));
      if (bytes.activations() == null && !"diffusion".equals(st.kind)) {
        assumptions.add("activations not counted: " + (st.arch == null ? "the model's architecture is unknown"
            : "batch size or sequence length unknown") + "; the total is a lower bound");
      }
    }
    Boolean fits = budget == null || bytes.total() == null ? null : bytes.total() <= budget;
    List<SiteEstimate.Suggestion> ladder = Boolean.FALSE.equals(fits) ? withEdits(s, Ladder.of(st, budget))
        : List.of();
    int start = s.call.range().start();
    boolean diffusion = "diffusion".equals(st.kind);
    return new SiteEstimate(file.path(), file.lines().line(start), file.lines().codePointColumn(start),
        snippet(file.slice(s.call.range())),
        st.model, st.parameters, st.parameterSource, st.parameterDetail,
        st.parameters == null ? null : st.precision.dtypeName(),
        st.parameters == null ? null : st.precision.quantization() == null ? null
            : st.precision.quantization() + (st.doubleQuant ? "-double-quant" : ""),
        st.mode.name().toLowerCase(Locale.ROOT),
        st.training() && st.optimizer != null ? st.optimizer.label() : null,
        diffusion ? null : st.batch, diffusion ? null : st.seq, st.training() && st.checkpointing, bytes,
        List.copyOf(assumptions), budget, fits, ladder, s.call);
  }

  /**
   * The rungs that are one keyword added to the script, with that edit: a 16-bit dtype on a load call
   * that accepts {@code torch_dtype} and sets no precision at all (no dtype, no conversion, no
   * {@code **kwargs} that may carry one); gradient checkpointing in the {@code TrainingArguments} read
   * for the site, when it does not mention it.
   */
  private static List<SiteEstimate.Suggestion> withEdits(ScriptReader.Site s, List<SiteEstimate.Suggestion> ladder) {
    List<SiteEstimate.Suggestion> out = new ArrayList<>(ladder.size());
    for (SiteEstimate.Suggestion g : ladder) {
      SiteEstimate.KeywordEdit e = switch (g.kind()) {
        case BFLOAT16, FLOAT16 -> takesDtype(s) ? new SiteEstimate.KeywordEdit(s.call, "torch_dtype", null,
            g.kind() == SiteEstimate.Change.BFLOAT16 ? "bfloat16" : "float16") : null;
        case GRADIENT_CHECKPOINTING -> s.trainingArguments != null && open(s.trainingArguments, "gradient_checkpointing")
            ? new SiteEstimate.KeywordEdit(s.trainingArguments, "gradient_checkpointing", "True", null) : null;
        default -> null;
      };
      out.add(e == null ? g : g.withEdit(e));
    }
    return List.copyOf(out);
  }

  /** A transformers or diffusers load whose precision the script leaves at the float32 default. */
  private static boolean takesDtype(ScriptReader.Site s) {
    return s.dtypeOrigin == null && (s.label.endsWith(".from_pretrained") || s.label.equals("pipeline"))
        && open(s.call, "torch_dtype") && open(s.call, "dtype") && open(s.call, "model_kwargs");
  }

  /** {@code keyword} can be appended to {@code c}: not there yet, and no {@code **kwargs} or {@code *args}. */
  private static boolean open(Expr.Call c, String keyword) {
    return Calls.keyword(c, keyword) == null && !Calls.hasDoubleStar(c) && !Calls.hasStarred(c);
  }
}
