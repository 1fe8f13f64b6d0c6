package dev.oomlint.estimate;

import java.util.List;

/**
 * The estimate for one load site, in the shape of the JSON output (docs/json-output.md). Byte counts
 * are null where unknown; {@code parameters} is null for a model oomlint cannot size.
 *
 * @param call the loading call as written, on one line, at most 100 characters (not in the JSON)
 * @param parameterSource {@code config}, {@code catalogue} or {@code name}; null when unknown
 * @param parameterDetail where the count comes from, in words (the catalogue's source, the config's path)
 * @param mode {@code inference}, {@code lora} or {@code full}
 */
public record SiteEstimate(String path, int line, int column, String call, String model, Long parameters,
    String parameterSource, String parameterDetail, String dtype, String quantization, String mode,
    String optimizer, Integer batchSize, Integer sequenceLength, boolean gradientCheckpointing, Bytes bytes,
    List<String> assumptions, Long budget, Boolean fits, List<Suggestion> suggestions) {

  /** The components of the estimate; each null when it cannot be told. */
  public record Bytes(Long weights, Long gradients, Long optimizer, Long activations, Long overhead, Long total) {}

  /** One rung of the ladder of fixes: the change, in words, and the site's total after it. */
  public record Suggestion(String change, long total) {}

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
