package dev.oomlint.engine;

import dev.oomlint.diagnostics.Applicability;
import dev.oomlint.diagnostics.Fix;

/**
 * How a run treats fixes. {@code apply}: {@code --fix} (or {@code --diff}) was given;
 * {@code unsafe}: {@code --unsafe-fixes} was given, so unsafe fixes count as applicable;
 * {@code diff}: {@code --diff} (nothing is written; a diff is printed instead of findings).
 */
public record FixMode(boolean apply, boolean unsafe, boolean diff) {
  public static final FixMode REPORT_ONLY = new FixMode(false, false, false);

  /** True when this run would apply {@code fix} (given {@code --fix}): safe ones, unsafe ones only with {@code --unsafe-fixes}. */
  public boolean applicable(Fix fix) {
    if (fix == null) {
      return false;
    }
    return fix.applicability() == Applicability.SAFE
        || (unsafe && fix.applicability() == Applicability.UNSAFE);
  }
}
