package dev.oomlint.server;

import dev.oomlint.ast.LineIndex;
import dev.oomlint.diagnostics.Edit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The edit that silences one code on one line: extends the line's {@code # noqa: CODES} comment, or
 * appends {@code  # noqa: CODE} at the end of the line. (The caller checks the result by linting it.)
 */
final class Noqa {
  /** A {@code # noqa: A1, B2} directive with its list of codes (group 1). */
  private static final Pattern DIRECTIVE =
      Pattern.compile("#\\s*(?i:noqa)\\s*:\\s*([A-Z]+[0-9]+(?:\\s*,\\s*[A-Z]+[0-9]+)*)");

  private Noqa() {}

  /** The edit adding {@code code} to the noqa directive of 1-based {@code line}. */
  static Edit edit(LineIndex lines, int line, String code) {
    int start = lines.lineStart(line);
    int end = lines.lineEnd(line);
    String text = lines.lineText(line);
    Matcher m = DIRECTIVE.matcher(text);
    if (m.find()) {
      return Edit.insert(start + m.end(1), ", " + code);
    }
    String trimmed = text.stripTrailing();
    int at = start + trimmed.length();
    return new Edit(new dev.oomlint.ast.SourceRange(at, end), (trimmed.isEmpty() ? "" : "  ") + "# noqa: " + code);
  }

  /** {@code text} with {@code edit} applied. */
  static String apply(String text, Edit edit) {
    return text.substring(0, edit.range().start()) + edit.content() + text.substring(edit.range().end());
  }
}
