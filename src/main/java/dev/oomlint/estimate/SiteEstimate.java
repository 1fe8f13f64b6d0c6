package dev.oomlint.estimate;

import dev.oomlint.ast.Expr;
import java.util.List;

/**
 * The estimate for one load site, in the shape of the JSON output (docs/json-output.md). Byte counts
 * are null where unknown; {@code parameters} is null for a model oomlint cannot size.
 *
 * @param call the loading call as written, on one line, at most 100 characters (not in the JSON)
 * @param parameterSource {@code config}, {@code catalogue} or {@code name}; null when unknown
 * @param parameterDetail where the count comes from, in words (the catalogue's source, the config's path)
 * @param mode {@code inference}, {@code lora} or {@code full}
 * @param loadCall the loading call's node (not in the JSON; null for estimates not read from a tree)
 */
public record SiteEstimate(String path, int line, int column, String call, String model, Long parameters,
    String parameterSource, String parameterDetail, String dtype, String quantization, String mode,
    String optimizer, Integer batchSize, Integer sequenceLength, boolean gradientCheckpointing, Bytes bytes,
    List<String> assumptions, Long budget, Boolean fits, List<Suggestion> suggestions, Expr.Call loadCall) {

  /** The components of the estimate; each null when it cannot be told. */
  public record Bytes(Long weights, Long gradients, Long optimizer, Long activations, Long overhead, Long total) {}

  /** The kinds of rungs of the ladder of fixes, cheapest first. */
  public enum Change {
    FLOAT16, BFLOAT16, INT8, INT8_LORA, QLORA, FOUR_BIT, LORA, OPTIMIZER_8BIT, GRADIENT_CHECKPOINTING,
    SMALLER_BATCH, PIPELINE_CPU_OFFLOAD, OPTIMIZER_OFFLOAD, WEIGHT_OFFLOAD
  }

  /**
   * A rung that is one keyword added to one call of the script, so a tool can offer it as an edit:
   * {@code keyword=value} appended to {@code call}'s arguments. When {@code torchAttribute} is set, the
   * value is that attribute of the {@code torch} module ({@code bfloat16}: write {@code torch.bfloat16},
   * under the name the script imports torch as) and {@code value} is null.
   */
  public record KeywordEdit(Expr.Call call, String keyword, String value, String torchAttribute) {}

  /**
   * One rung of the ladder of fixes: its kind, the change in words, and the site's total after it;
   * {@code edit} is the local edit that makes the change, where it is one (not in the JSON; else null).
   */
  public record Suggestion(Change kind, String change, long total, KeywordEdit edit) {
    public Suggestion(Change kind, String change, long total) {
      this(kind, change, total, null);
    }

    Suggestion withEdit(KeywordEdit e) {
      return new Suggestion(kind, change, total, e);
    }
  }

  /** The first suggestion whose total fits the budget (the ladder is cheapest first), or null. */
  public Suggestion cheapestFit() {
    if (budget == null) {
      return null;
    }
    for (Suggestion s : suggestions) {
      if (s.total() <= budget) {
        return s;
      }
    }
    return null;
  }
}
