package dev.oomlint.report;

import dev.oomlint.ast.LineIndex;
import dev.oomlint.ast.SourceRange;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.engine.FileProblem;
import dev.oomlint.engine.FileResult;
import dev.oomlint.rules.Level;
import dev.oomlint.rules.Rule;
import dev.oomlint.rules.RuleInfo;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code --output-format github}: one GitHub Actions workflow command per finding, which the
 * runner turns into an annotation on the pull request:
 * {@code ::warning title=oomlint (OOM101),file=train.py,line=3,col=5,endLine=3,endColumn=9::message}.
 * Error-level rules give {@code ::error}, note-level ones {@code ::notice}; files that could not be
 * analysed give {@code ::error} with the title {@code oomlint (syntax error)} and the like. Columns
 * count code points and the end is exclusive, as in the text and JSON output. Values are escaped as
 * the Actions toolkit does: {@code %}, CR and LF everywhere, and also {@code :} and {@code ,} in the
 * properties. A notebook's annotations point at the lines of the raw {@code .ipynb} file, as its SARIF
 * results do.
 */
public final class GithubReporter implements Reporter {
  @Override
  public void write(Report report, Appendable out) throws IOException {
    Map<String, RuleInfo> rules = new HashMap<>();
    for (Rule rule : report.rules()) {
      rules.putIfAbsent(rule.info().code(), rule.info());
    }
    for (FileResult file : report.files()) {
      ShownPositions shown = new ShownPositions(file);
      LineIndex lines = shown.lines();
      String path = file.path().replace('\\', '/');
      for (FileProblem problem : file.problems()) {
        String title = "oomlint (" + problem.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")";
        command(out, "error", title, path, lines, shown.range(problem.range()), problem.message());
      }
      for (Diagnostic diagnostic : file.diagnostics()) {
        RuleInfo rule = rules.get(diagnostic.code());
        String command = switch (rule == null ? Level.WARNING : rule.level()) {
          case ERROR -> "error";
          case WARNING -> "warning";
          case NOTE -> "notice";
        };
        command(out, command, "oomlint (" + diagnostic.code() + ")", path, lines,
            shown.range(diagnostic.range()), diagnostic.message());
      }
    }
  }

  private static void command(Appendable out, String command, String title, String path, LineIndex lines,
      SourceRange range, String message) throws IOException {
    out.append("::").append(command)
        .append(" title=").append(escapeProperty(title))
        .append(",file=").append(escapeProperty(path));
    if (lines != null && range != null) {
      int length = lines.text().length();
      int start = Math.min(range.start(), length);
      int end = Math.max(start, Math.min(range.end(), length));
      out.append(",line=").append(Integer.toString(lines.line(start)))
          .append(",col=").append(Integer.toString(lines.codePointColumn(start)))
          .append(",endLine=").append(Integer.toString(lines.line(end)))
          .append(",endColumn=").append(Integer.toString(lines.codePointColumn(end)));
    }
    out.append("::").append(escapeData(message)).append('\n');
  }

  /** A command's message: {@code %}, CR and LF percent-encoded. */
  static String escapeData(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** A property value: as {@link #escapeData}, and also {@code :} and {@code ,}. */
  static String escapeProperty(String s) {
    return escapeData(s).replace(":", "%3A").replace(",", "%2C");
  }
}
