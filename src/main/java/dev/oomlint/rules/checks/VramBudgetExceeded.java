package dev.oomlint.rules.checks;

import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.diagnostics.Edit;
import dev.oomlint.diagnostics.Fix;
import dev.oomlint.estimate.Estimator;
import dev.oomlint.estimate.SiteEstimate;
import dev.oomlint.estimate.Units;
import dev.oomlint.rules.FixSafety;
import dev.oomlint.rules.Level;
import dev.oomlint.rules.Rule;
import dev.oomlint.rules.RuleContext;
import dev.oomlint.rules.RuleInfo;
import dev.oomlint.rules.RuleOptions;
import dev.oomlint.rules.edits.CallEdits;
import dev.oomlint.rules.edits.ImportEdits;
import dev.oomlint.semantic.SemanticModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * OOM404: with a GPU memory budget configured ({@code gpu-memory} or {@code gpu} in
 * {@code [tool.oomlint]}, or {@code --gpu-memory}/{@code --gpu}), a model load site whose static
 * estimate ({@link Estimator}, as {@code oomlint estimate} prints it) exceeds the budget. The message
 * gives the estimate, the budget and the cheapest change on the estimator's ladder that fits; when that
 * change is one keyword on one call (a 16-bit {@code torch_dtype}, {@code gradient_checkpointing=True}
 * in {@code TrainingArguments}) it is offered as an unsafe fix. Without a budget the rule returns before
 * building anything; a site whose size is unknown never fires.
 */
@RuleInfo(code = "OOM404", name = "vram-budget-exceeded",
    summary = "A model load site's estimated GPU memory exceeds the configured budget (gpu-memory or gpu).",
    level = Level.WARNING, fix = FixSafety.UNSAFE, precision = "medium", tags = {"memory", "loading", "estimate"},
    mentions = "from_pretrained|pipeline|create_model|torch")
public final class VramBudgetExceeded implements Rule {
  @Override
  public void check(RuleContext ctx) {
    RuleOptions options = ctx.options();
    Long budget = options.gpuMemory();
    if (budget == null) {
      return; // no budget: nothing to compare with, and nothing built
    }
    SemanticModel sm = ctx.semantic();
    Estimator.Options eo = new Estimator.Options(budget, null, null, options.workingDirectory());
    for (SiteEstimate s : Estimator.estimate(sm, eo)) {
      if (!Boolean.FALSE.equals(s.fits()) || s.parameters() == null || s.loadCall() == null) {
        continue; // fits, or its size (or total) is unknown
      }
      SiteEstimate.Suggestion best = s.cheapestFit();
      String message = message(s, budget, options.gpuMemoryOrigin(), best);
      ctx.report(new Diagnostic(ctx.code(), message, s.loadCall().range(), best == null ? null : fix(ctx, sm, best)));
    }
  }

  static String message(SiteEstimate s, long budget, String origin, SiteEstimate.Suggestion best) {
    List<String> what = new ArrayList<>();
    what.add(parameters(s.parameters()) + " parameters");
    what.add(s.quantization() != null ? s.quantization() : s.dtype());
    what.add(switch (s.mode()) {
      case "full" -> "full training" + (s.optimizer() == null ? "" : " with " + s.optimizer());
      case "lora" -> "LoRA fine-tuning" + (s.optimizer() == null ? "" : " with " + s.optimizer());
      default -> "inference";
    });
    if (s.batchSize() != null && !"inference".equals(s.mode())) {
      what.add("batch " + s.batchSize() + (s.sequenceLength() == null ? "" : " × " + s.sequenceLength() + " tokens"));
    }
    StringBuilder m = new StringBuilder();
    m.append(s.model() == null ? "The model" : "`" + s.model() + "`").append(" (").append(String.join(", ", what))
        .append(") needs an estimated ").append(Units.human(s.bytes().total()))
        .append(" of GPU memory, over the budget of ").append(Units.human(budget));
    if (origin != null) {
      m.append(" (").append(origin).append(')');
    }
    if (best != null) {
      m.append("; the cheapest change that fits: ").append(best.change()).append(", estimated ")
          .append(Units.human(best.total()));
    } else {
      m.append("; no single change of the estimator's ladder fits (see `oomlint estimate`)");
    }
    return m.append('.').toString();
  }

  private static String parameters(long n) {
    if (n >= 1_000_000_000L) {
      return String.format(Locale.ROOT, "%.2fB", n / 1e9);
    }
    if (n >= 1_000_000L) {
      return String.format(Locale.ROOT, "%.0fM", n / 1e6);
    }
    return String.format(Locale.ROOT, "%,d", n);
  }

  /**
   * The suggestion's edit as an unsafe fix: the keyword appended to its call, a torch attribute written
   * under the name the file imports torch as (no fix when it does not import it at module level).
   */
  private static Fix fix(RuleContext ctx, SemanticModel sm, SiteEstimate.Suggestion best) {
    SiteEstimate.KeywordEdit e = best.edit();
    if (e == null) {
      return null;
    }
    String value = e.value();
    if (e.torchAttribute() != null) {
      String torch = ImportEdits.aliasAt(sm, "torch", e.call());
      if (torch == null) {
        return null;
      }
      value = torch + "." + e.torchAttribute();
    }
    String text = e.keyword() + "=" + value;
    Edit edit = CallEdits.append(ctx.file(), e.call(), text);
    if (edit == null) {
      return null;
    }

    return Fix.unsafe("Add `" + text + "`" + (e.keyword().equals("gradient_checkpointing")
        ? " to the training arguments" : ""), edit);
  }
}
