package dev.oomlint.report;

import dev.oomlint.engine.FixMode;
import dev.oomlint.ast.SourceFile;
import dev.oomlint.diagnostics.Applicability;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.engine.FileProblem;
import dev.oomlint.engine.FileResult;
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
    int problems = 0;
    int fixable = 0;
    int hiddenUnsafe = 0;
    int internal = 0;
    for (FileResult f : report.files()) {
      for (Diagnostic d : f.diagnostics()) {
        problems++;
        boolean fix = mode.applicable(d.fix());
        if (fix) {
          fixable++;
        } else if (d.fix() != null && d.fix().applicability() == Applicability.UNSAFE) {
          hiddenUnsafe++;
        }
        out.append(f.path()).append(position(f, d.range().start())).append(": ").append(d.code()).append(' ');
        if (fix) {
          out.append("[*] ");
        }
        out.append(d.message()).append('\n');
      }
      for (FileProblem p : f.problems()) {
        if (p.kind() == FileProblem.Kind.INTERNAL_ERROR) {
          internal++;
        } else {
          problems++;
        }
        if (p.kind() == FileProblem.Kind.SYNTAX_ERROR) {
          String at = p.range() == null ? "" : position(f, p.range().start());
          out.append(f.path()).append(at).append(": SyntaxError: ").append(p.message()).append('\n');
        } else {
          out.append(f.path()).append(": error: ").append(p.message()).append('\n');
        }
      }
    }
    if (internal == 0 || problems > 0 || report.fixedCount() > 0) {
      out.append(TextReporter.summary(problems, fixable, hiddenUnsafe, report.fixedCount(), mode)).append('\n');
    }
    if (internal > 0) {
      out.append(internal == 1 ? "1 file" : internal + " files")
          .append(" could not be fully checked because of an internal error (see above).\n");
    }
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
