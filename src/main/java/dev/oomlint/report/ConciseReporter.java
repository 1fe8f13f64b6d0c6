package dev.oomlint.report;

import dev.oomlint.ast.SourceFile;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.engine.FileProblem;
import dev.oomlint.engine.FileResult;
import dev.oomlint.engine.FixMode;
import java.io.IOException;

/**
 * {@code --output-format concise}: Ruff's format of that name, one line per finding,
 * {@code path:line:col: CODE [*] message} ({@code [*]} when {@code --fix} would fix it), then the
 * text format's summary line. A syntax error reads {@code path:line:col: SyntaxError: message}, a
 * file that could not be read or checked {@code path: error: message}. Positions are those of the
 * text format (1-based, columns in code points, {@code cell N:line:col} in a notebook).
 */
public final class ConciseReporter implements Reporter {
  @Override
  public void write(Report report, Appendable out) throws IOException {
    FixMode mode = report.fixMode();
    Tally tally = new Tally(mode);
    for (FileResult f : report.files()) {
      for (Diagnostic d : f.diagnostics()) {
        boolean fix = tally.finding(d);
        out.append(f.path()).append(position(f, d.range().start())).append(": ").append(d.code()).append(' ');
        if (fix) {
          out.append("[*] ");
        }
        out.append(d.message()).append('\n');
      }
      for (FileProblem p : f.problems()) {
        tally.problem(p);
        if (p.kind() == FileProblem.Kind.SYNTAX_ERROR) {
          String at = p.range() == null ? "" : position(f, p.range().start());
          out.append(f.path()).append(at).append(": SyntaxError: ").append(p.message()).append('\n');
        } else {
          out.append(f.path()).append(": error: ").append(p.message()).append('\n');
        }
      }
    }
    tally.writeSummary(out, report.fixedCount(), " (see above)");
  }

  /** {@code :line:col} of {@code offset}, or nothing when the text is not at hand. */
  private static String position(FileResult f, int offset) {
    SourceFile src = f.source();
    if (src == null) {
      return "";
    }
    return ":" + TextReporter.location(f, Math.max(0, Math.min(offset, src.text().length())));
  }
}
