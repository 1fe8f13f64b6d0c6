package dev.oomlint.report;

import dev.oomlint.diagnostics.Applicability;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.engine.FileProblem;
import dev.oomlint.engine.FixMode;
import java.io.IOException;

/**
 * The counts behind a report's closing lines (Ruff's "Found N problems (M fixable with --fix)."):
 * findings and problems, those {@code --fix} would fix in this mode, those only
 * {@code --unsafe-fixes} would, and files with an internal error.
 */
final class Tally {
  private final FixMode mode;
  private int problems;
  private int fixable;
  private int hiddenUnsafe;
  private int internal;

  Tally(FixMode mode) {
    this.mode = mode;
  }

  /** Counts a finding; true when this run's fix mode applies (or would apply) its fix. */
  boolean finding(Diagnostic d) {
    problems++;
    boolean fix = mode.applicable(d.fix());
    if (fix) {
      fixable++;
    } else if (d.fix() != null && d.fix().applicability() == Applicability.UNSAFE) {
      hiddenUnsafe++;
    }
    return fix;
  }

  /** Counts a file's problem: an internal error apart, a syntax error or unreadable file as a problem. */
  void problem(FileProblem p) {
    if (p.kind() == FileProblem.Kind.INTERNAL_ERROR) {
      internal++;
    } else {
      problems++;
    }
  }

  int problems() {
    return problems;
  }

  /** The summary line, unless the run only had internal errors; then the internal-error line, if any. */
  void writeSummary(Appendable out, int fixed, String seeAbove) throws IOException {
    if (internal == 0 || problems > 0 || fixed > 0) {
      out.append(TextReporter.summary(problems, fixable, hiddenUnsafe, fixed, mode)).append('\n');
    }
    writeInternal(out, seeAbove);
  }

  /** The summary line alone. */
  void writeSummaryLine(Appendable out, int fixed) throws IOException {
    out.append(TextReporter.summary(problems, fixable, hiddenUnsafe, fixed, mode)).append('\n');
  }

  /** "N files could not be fully checked because of an internal error" when there were any. */
  void writeInternal(Appendable out, String seeAbove) throws IOException {
    if (internal > 0) {
      out.append(internal == 1 ? "1 file" : internal + " files")
          .append(" could not be fully checked because of an internal error").append(seeAbove).append(".\n");
    }
  }
}
