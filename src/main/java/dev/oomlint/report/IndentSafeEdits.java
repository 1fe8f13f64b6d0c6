package dev.oomlint.report;

import dev.oomlint.ast.LineIndex;
import dev.oomlint.ast.SourceRange;
import dev.oomlint.diagnostics.Edit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Rewrites a fix's edits so that none starts inside a line's indentation, with the same result
 * when applied. The VS Code SARIF Viewer moves a replacement's start to the line's first
 * non-whitespace character ({@code regionToSelection.ts}), so an edit that starts in the
 * indentation (deleting a whole line, inserting a statement at column 1) would be applied wrongly.
 *
 * <p>An edit {@code [p, e) -> C} whose start {@code p} lies before the first non-blank character
 * {@code f} of its line becomes:
 *
 * <ol>
 *   <li>{@code [f, e) -> C'} when the edit reaches {@code f} and {@code C} begins with the
 *       whitespace {@code text[p, f)} it replaces ({@code C'} is the rest of {@code C});
 *   <li>otherwise, past line 1, {@code [q, e) -> text[q, p) + C}, where {@code q} is the end of the
 *       previous line (a point no viewer moves): the line break and indentation are deleted and
 *       inserted again;
 *   <li>otherwise (an indented first line) it stays as it is.
 * </ol>
 *
 * Widened edits that come to overlap or touch a neighbour are merged with it. Whitespace is what
 * JavaScript's {@code \s} matches, as the viewer's {@code firstNonWhitespaceCharacterIndex} uses.
 */
final class IndentSafeEdits {
  private IndentSafeEdits() {}

  /** An equivalent edit: {@code [start, end) -> content}, where {@code content} begins with {@code text[start, keptFrom)}. */
  private record Adjusted(int start, int end, String content, int keptFrom, int order) {}

  static List<Edit> adjust(String text, LineIndex lines, List<Edit> edits) {
    List<Adjusted> adjusted = new ArrayList<>(edits.size());
    for (int i = 0; i < edits.size(); i++) {
      adjusted.add(adjustOne(text, lines, edits.get(i), i));
    }
    adjusted.sort(Comparator.comparingInt(Adjusted::keptFrom).thenComparingInt(Adjusted::order));
    List<Adjusted> merged = new ArrayList<>(adjusted.size());
    for (Adjusted next : adjusted) {
      Adjusted last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && overlaps(last, next) && last.end() <= next.keptFrom()) {
        String content = last.content() + text.substring(last.end(), next.keptFrom())
            + next.content().substring(next.keptFrom() - next.start());
        merged.set(merged.size() - 1,
            new Adjusted(last.start(), Math.max(last.end(), next.end()), content, last.keptFrom(), last.order()));
      } else {
        merged.add(next);
      }
    }
    List<Edit> out = new ArrayList<>(merged.size());
    for (Adjusted a : merged) {
      out.add(new Edit(new SourceRange(a.start(), a.end()), a.content()));
    }
    return out;
  }

  private static boolean overlaps(Adjusted last, Adjusted next) {
    if (next.start() < last.end()) {
      return true;
    }
    // two edits meeting at one point, one of them an insertion: order would matter, so join them
    return next.start() == last.end() && next.start() != next.keptFrom()
        && (last.start() == last.end() || next.start() == next.end());
  }

  private static Adjusted adjustOne(String text, LineIndex lines, Edit edit, int order) {
    int p = Math.min(edit.range().start(), text.length());
    int e = Math.min(Math.max(edit.range().end(), p), text.length());
    String content = edit.content();
    int line = lines.line(p);
    int f = firstNonWhitespace(text, lines, line);
    if (p >= f) {
      return new Adjusted(p, e, content, p, order);
    }
    String indentation = text.substring(p, f);
    if (e >= f && content.startsWith(indentation)) {
      return new Adjusted(f, e, content.substring(indentation.length()), f, order);
    }
    if (line > 1) {
      int q = lines.lineEnd(line - 1);
      return new Adjusted(q, e, text.substring(q, p) + content, p, order);
    }
    return new Adjusted(p, e, content, p, order);
  }

  /** Offset of the first non-whitespace character of 1-based {@code line}, or its end when it is blank. */
  static int firstNonWhitespace(String text, LineIndex lines, int line) {
    int i = lines.lineStart(line);
    int end = lines.lineEnd(line);
    while (i < end && isJsWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /** JavaScript's {@code \s}: ECMAScript WhiteSpace and LineTerminator. */
  static boolean isJsWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\u000b' || c == '\f' || c == '\n' || c == '\r'
        || c == '\u00a0' || c == '\u1680' || (c >= '\u2000' && c <= '\u200a') || c == '\u2028'
        || c == '\u2029' || c == '\u202f' || c == '\u205f' || c == '\u3000' || c == '\ufeff';
  }
}
