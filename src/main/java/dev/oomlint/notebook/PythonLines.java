package dev.oomlint.notebook;

import java.util.ArrayList;
import java.util.List;

/** Python's {@code str.splitlines(keepends=True)}, which nbformat uses to store a source as a list. */
final class PythonLines {
  private PythonLines() {}

  /** Splits after each line break Python knows (LF, CR, CRLF, VT, FF, FS, GS, RS, NEL, LS, PS), keeping it. */
  static List<String> splitKeepEnds(String s) {
    List<String> out = new ArrayList<>();
    int start = 0;
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (isBreak(c)) {
        int end = c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n' ? i + 2 : i + 1;
        out.add(s.substring(start, end));
        start = end;
        i = end;
      } else {
        i++;
      }
    }
    if (start < n) {
      out.add(s.substring(start));
    }
    return out;
  }

  private static boolean isBreak(char c) {
    return c == '\n' || c == '\r' || c == '\u000b' || c == '\f' || c == '\u001c' || c == '\u001d'
        || c == '\u001e' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }
}
