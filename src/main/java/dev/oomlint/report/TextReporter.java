package dev.oomlint.report;

import dev.oomlint.ast.LineIndex;
import dev.oomlint.ast.SourceFile;
import dev.oomlint.diagnostics.Applicability;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.diagnostics.Fix;
import dev.oomlint.engine.FileProblem;
import dev.oomlint.engine.FileResult;
import dev.oomlint.engine.FixMode;
import java.io.IOException;

/**
 * Human-readable output in the style of Ruff's {@code full} format: a header
 * {@code path:line:col: CODE [*] message} ({@code [*]} when {@code --fix} would fix it), the source
 * line with a caret underline, the fix title as help, and a summary line. In a notebook the position
 * reads {@code path:cell N:line:col} with the line counted within the cell, as Ruff prints it. Columns are 1-based code
 * points. Colour (ANSI) only when asked for, which the CLI does only on a terminal without
 * {@code NO_COLOR}.
 */
public final class TextReporter implements Reporter {
  private final boolean color;

  public TextReporter(boolean color) {
    this.color = color;
  }

  private String paint(String code, String s) {
    return color ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
  }

  @Override
  public void write(Report report, Appendable out) throws IOException {
    FixMode mode = report.fixMode();
    Tally tally = new Tally(mode);
    for (FileResult f : report.files()) {
      for (Diagnostic d : f.diagnostics()) {
        tally.finding(d);
        writeDiagnostic(out, f, d, mode);
      }
      for (FileProblem p : f.problems()) {
        tally.problem(p);
        writeProblem(out, f, p);
      }
    }
    tally.writeSummary(out, report.fixedCount(), " (see above)");
  }

  static String summary(int remaining, int fixable, int hiddenUnsafe, int fixed, FixMode mode) {
    if (remaining == 0 && fixed == 0) {
      return "All checks passed!";
    }
    if (mode.apply()) {
      int total = remaining + fixed;
      return "Found " + plural(total) + " (" + fixed + " fixed, " + remaining + " remaining).";
    }
    StringBuilder sb = new StringBuilder("Found ").append(plural(remaining));
    if (fixable > 0 || hiddenUnsafe > 0) {
      sb.append(" (");
      if (fixable > 0) {
        sb.append(fixable).append(" fixable with --fix");
      }
      if (hiddenUnsafe > 0) {
        sb.append(fixable > 0 ? ", " + hiddenUnsafe + " more" : hiddenUnsafe + " fixable")
            .append(" with --fix --unsafe-fixes");
      }
      sb.append(')');
    }
    return sb.append('.').toString();
  }

  private static String plural(int n) {
    return n == 1 ? "1 problem" : n + " problems";
  }

  private void writeDiagnostic(Appendable out, FileResult f, Diagnostic d, FixMode mode)
      throws IOException {
    SourceFile src = f.source();
    if (src == null) { // not produced by the engine, but never crash on it
      out.append(paint("1", f.path())).append(": ").append(paint("1;31", d.code())).append(' ')
          .append(d.message()).append("\n\n");
      return;
    }
    LineIndex li = src.lines();
    int start = Math.min(d.range().start(), src.text().length());
    int line = li.line(start);
    out.append(paint("1", f.path())).append(':').append(location(f, start)).append(": ")
        .append(paint("1;31", d.code())).append(' ');
    Fix fix = d.fix();
    if (mode.applicable(fix)) {
      out.append(paint("36", "[*]")).append(' ');
    }
    out.append(d.message()).append('\n');
    snippet(out, f, start, Math.min(d.range().end(), src.text().length()), d.code());
    if (fix != null) {
      String help = fix.title();
      if (fix.applicability() == Applicability.UNSAFE && !mode.unsafe()) {
        help += " (unsafe fix available with --unsafe-fixes)";
      }
      out.append(gutter(li, shownLine(f, line))).append(paint("1;34", "= help: ")).append(help).append('\n');
    }
    out.append('\n');
  }

  private void writeProblem(Appendable out, FileResult f, FileProblem p) throws IOException {
    if (p.kind() == FileProblem.Kind.SYNTAX_ERROR && f.source() != null && p.range() != null) {
      LineIndex li = f.source().lines();
      int at = Math.min(p.range().start(), f.source().text().length());
      out.append(paint("1", f.path())).append(':').append(location(f, at)).append(": ")
          .append(paint("1;31", "SyntaxError")).append(": ").append(p.message()).append('\n');
      snippet(out, f, at, Math.max(at, p.range().end()), null);
      out.append('\n');
      return;
    }
    String label = switch (p.kind()) {
      case SYNTAX_ERROR -> "SyntaxError";
      case UNREADABLE, WRITE_FAILED -> "error";
      case INTERNAL_ERROR -> "error";
    };
    out.append(paint("1", f.path())).append(": ").append(paint("1;31", label)).append(": ")
        .append(p.message()).append("\n\n");
  }

  /** Gutter padding wide enough for {@code line}'s number. */
  private String gutter(LineIndex li, int line) {
    return " ".repeat(String.valueOf(line).length() + 1);
  }

  /**
   * {@code line:col} of {@code offset}; in a notebook {@code cell N:line:col}, the line counted
   * within the cell (as Ruff prints it).
   */
  static String location(FileResult f, int offset) {
    if (f.notebook() != null) {
      return f.notebook().position(offset).toString();
    }
    LineIndex li = f.source().lines();
    return li.line(offset) + ":" + li.codePointColumn(offset);
  }

  /** The line number shown for 1-based {@code line} of the file's text (its line within the cell in a notebook). */
  private static int shownLine(FileResult f, int line) {
    return f.notebook() == null ? line : f.notebook().lineInCell(line);
  }

  private void snippet(Appendable out, FileResult f, int start, int end, String label)
      throws IOException {
    LineIndex li = f.source().lines();
    int line = li.line(start);
    int shown = shownLine(f, line);
    String pad = " ".repeat(String.valueOf(shown).length() + 1);
    String bar = paint("1;34", "|");
    String text = li.lineText(line);
    int lineStart = li.lineStart(line);
    int from = Math.min(start - lineStart, text.length());
    int to = Math.min(Math.max(end, start) - lineStart, text.length());
    StringBuilder indent = new StringBuilder();
    for (int i = 0; i < from; ) {
      int cp = text.codePointAt(i);
      indent.append(cp == '\t' ? '\t' : ' ');
      i += Character.charCount(cp);
    }
    int width = Math.max(1, text.codePointCount(from, Math.max(from, to)));
    out.append(pad).append(bar).append('\n');
    out.append(paint("1;34", shown + " |")).append(' ').append(text).append('\n');
    out.append(pad).append(bar).append(' ').append(indent)
        .append(paint("1;31", "^".repeat(width) + (label == null ? "" : " " + label))).append('\n');
    out.append(pad).append(bar).append('\n');
  }
}
