package dev.oomlint.rules.edits;

import dev.oomlint.ast.Expr;
import dev.oomlint.ast.SourceFile;
import dev.oomlint.ast.SourceRange;
import dev.oomlint.ast.Stmt;

/** Source positions around loop statements: the header ({@code for ...:}) and indentation. */
public final class LoopHeaders {
  private LoopHeaders() {}

  /** The range of a loop's header, from {@code for}/{@code while} through its colon. */
  public static SourceRange header(SourceFile f, Stmt loop) {
    Expr last = loop instanceof Stmt.For fo ? fo.iter() : ((Stmt.While) loop).test();
    String text = f.text();
    int i = last.range().end();
    int limit = loop.range().end();
    int depth = 0;
    while (i < limit) {
      char c = text.charAt(i);
      if (c == '#') {
        while (i < limit && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
          i++;
        }
        continue;
      }
      if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
      } else if (c == ':' && depth <= 0) {
        return new SourceRange(loop.range().start(), i + 1);
      }
      i++;
    }
    int lineEnd = f.lines().lineEnd(f.lines().line(loop.range().start()));
    return new SourceRange(loop.range().start(), Math.max(loop.range().start(), Math.min(lineEnd, limit)));
  }

  /**
   * The whitespace before a statement when it starts its own line (its indentation), or null when
   * something else precedes it on the line ({@code for x in y: step()}).
   */
  public static String indentation(SourceFile f, Stmt s) {
    int start = s.range().start();
    int lineStart = f.lines().lineStart(f.lines().line(start));
    String before = f.text().substring(lineStart, start);
    return before.isBlank() ? before : null;
  }

  /** The file's line terminator: {@code \r\n} when it uses that, else {@code \n}. */
  public static String newline(SourceFile f) {
    int i = f.text().indexOf('\n');
    return i > 0 && f.text().charAt(i - 1) == '\r' ? "\r\n" : "\n";
  }

  /** Offset of the first character of the line a statement starts on. */
  public static int lineStart(SourceFile f, Stmt s) {
    return f.lines().lineStart(f.lines().line(s.range().start()));
  }
}
