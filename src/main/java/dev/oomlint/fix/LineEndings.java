package dev.oomlint.fix;

/** A file's line ending (the first one it uses) and conversion of inserted text to it. */
public final class LineEndings {
  private LineEndings() {}

  /** {@code "\r\n"}, {@code "\r"} or {@code "\n"}: the first terminator in {@code text} ({@code "\n"} when none). */
  public static String detect(String text) {
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        return "\n";
      }
      if (c == '\r') {
        return i + 1 < n && text.charAt(i + 1) == '\n' ? "\r\n" : "\r";
      }
    }
    return "\n";
  }

  /** Rewrites every line terminator in {@code content} as {@code eol}. */
  public static String convert(String content, String eol) {
    if (content.indexOf('\n') < 0 && content.indexOf('\r') < 0) {
      return content;
    }
    return content.replace("\r\n", "\n").replace('\r', '\n').replace("\n", eol);
  }
}
