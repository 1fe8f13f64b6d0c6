package dev.oomlint.report;

import dev.oomlint.rules.FixSafety;
import dev.oomlint.rules.Level;
import dev.oomlint.rules.Rule;
import dev.oomlint.rules.RuleContext;
import dev.oomlint.rules.RuleInfo;
import java.util.List;

/** Rules that exist only for the reporter tests: metadata via {@link RuleInfo}, no checking. */
final class FakeRules {
  private FakeRules() {}

  /** Has a page in the test resources ({@code dev/oomlint/rules/pages/OOM901.md}). */
  @RuleInfo(code = "OOM901", name = "loss-kept-in-list", summary = "A loss tensor is appended to a list and keeps its graph alive",
      level = Level.WARNING, fix = FixSafety.SAFE, precision = "high", tags = {"memory", "autograd"})
  static final class LossKept implements Rule {
    @Override
    public void check(RuleContext context) {}
  }

  /** Has no page: help falls back to the summary. */
  @RuleInfo(code = "OOM902", name = "dead-tensor-line", summary = "A statement creates a CUDA tensor nobody uses",
      level = Level.ERROR, fix = FixSafety.UNSAFE, precision = "medium", tags = {"memory", "cuda"})
  static final class DeadTensor implements Rule {
    @Override
    public void check(RuleContext context) {}
  }

  /** Enabled but never reported: still listed in {@code rules[]}. */
  @RuleInfo(code = "OOM903", name = "cache-never-emptied", summary = "The CUDA cache is never emptied.",
      level = Level.NOTE, precision = "low")
  static final class CacheNote implements Rule {
    @Override
    public void check(RuleContext context) {}
  }

  static List<Rule> all() {
    return List.of(new LossKept(), new DeadTensor(), new CacheNote());
  }
}
