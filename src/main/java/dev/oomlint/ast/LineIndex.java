package dev.oomlint.ast;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Converts offsets (UTF-16 code units into the decoded text) to 1-based lines and columns. A line ends
 * at {@code \n}, {@code \r\n} or a lone {@code \r}. Columns come in three units: UTF-16 code units (what
 * SARIF and editors use), code points, and UTF-8 bytes (what CPython's {@code col_offset} counts).
 */
public final class LineIndex {
  private final String text;
  /** Where each line starts; computed on first use (most files are linted without a finding). */
  private volatile int[] lineStarts;

  public LineIndex(String text) {
    this.text = text;
  }

  private int[] starts() {
    int[] s = lineStarts;
    if (s == null) {
      s = compute(text); // threads racing here compute the same array
      lineStarts = s;
    }
    return s;
  }

  private static int[] compute(String text) {
    int[] starts = new int[16];
    int n = 0;
    starts[n++] = 0;
    if (text.indexOf('\r') < 0) {
      // The usual case: String.indexOf scans far faster than a charAt loop.
      for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
        if (n == starts.length) {
          starts = Arrays.copyOf(starts, n * 2);
        }
        starts[n++] = i + 1;
      }
    } else {
      char[] cs = text.toCharArray();
      int len = cs.length;
      for (int i = 0; i < len; i++) {
        char c = cs[i];
        if (c == '\n' || c == '\r') {
          if (c == '\r' && i + 1 < len && cs[i + 1] == '\n') {
            i++;
          }
          if (n == starts.length) {
            starts = Arrays.copyOf(starts, n * 2);
          }
          starts[n++] = i + 1;
        }
      }
    }
    return Arrays.copyOf(starts, n);
  }

  public String text() {
    return text;
  }

  public int lineCount() {
    return starts().length;
  }

  /** 1-based line containing {@code offset} (an offset at the very end belongs to the last line). */
  public int line(int offset) {
    int i = Arrays.binarySearch(starts(), offset);
    return i >= 0 ? i + 1 : -i - 1;
  }

  /** Offset of the first character of 1-based {@code line}. */
  public int lineStart(int line) {
    return starts()[line - 1];
  }

  /** Offset just past the last character of 1-based {@code line}, excluding its line terminator. */
  public int lineEnd(int line) {
    int[] starts = starts();
    int end = line < starts.length ? starts[line] : text.length();
    while (end > starts[line - 1] && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return end;
  }

  /** The text of 1-based {@code line} without its terminator. */
  public String lineText(int line) {
    return text.substring(lineStart(line), lineEnd(line));
  }

  /** 1-based column in UTF-16 code units. */
  public int column(int offset) {
    return offset - lineStart(line(offset)) + 1;
  }

  /** 1-based column in Unicode code points. */
  public int codePointColumn(int offset) {
    int start = lineStart(line(offset));
    return text.codePointCount(start, offset) + 1;
  }

  /** 0-based column in UTF-8 bytes, as CPython's {@code col_offset}. */
  public int utf8ByteColumn(int offset) {
    int start = lineStart(line(offset));
    return utf8Length(text, start, offset);
  }

  /** Offset of 1-based {@code line} and 1-based UTF-16 {@code column}. */
  public int offset(int line, int column) {
    return lineStart(line) + column - 1;
  }

  static int utf8Length(String s, int from, int to) {
    int bytes = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  /** UTF-8 byte length of {@code s}. */
  public static int utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
