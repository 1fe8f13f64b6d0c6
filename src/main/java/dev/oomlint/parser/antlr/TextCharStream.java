package dev.oomlint.parser.antlr;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * A {@link CharStream} of the code points of a text, held as one {@code char} per code point, so that
 * {@link FastLexerSimulator} can walk the array directly. Cheaper than ANTLR's
 * {@code CodePointCharStream}: for the usual text without surrogates the array is the text's own
 * UTF-16 code units and indices are both code-point indices and {@code String} offsets. A code point
 * above U+FFFF takes one slot holding {@link #SUPPLEMENTARY} (a lone surrogate, which such a text cannot
 * otherwise hold), and {@link #codePoint} gives its real value.
 */
public final class TextCharStream implements CharStream {
  /** Stands for a code point above U+FFFF in {@link #data}. */
  static final char SUPPLEMENTARY = '\uD800';

  final char[] data;
  final int size;
  /** The text itself. */
  private final String text;
  /** Whether the text is all ASCII. */
  private final boolean ascii;
  /** The text's UTF-16 code units (the same array as {@link #data} when it has no surrogates). */
  private final char[] utf16;
  /** Whether the code points {@code [start, stop]} are all ASCII. */
  public boolean isAscii(int start, int stop) {
    if (ascii) {
      return true;
    }
    int end = Math.min(stop, size - 1);
    for (int i = Math.max(start, 0); i <= end; i++) {
      if (data[i] >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** Code-point index to UTF-16 offset ({@code size + 1} entries), or null without surrogates. */
  private final int[] utf16Offsets;
  private int p;

  private TextCharStream(String text, boolean ascii, char[] data, int size, char[] utf16, int[] utf16Offsets) {
    this.text = text;
    this.ascii = ascii;
    this.data = data;
    this.size = size;
    this.utf16 = utf16;
    this.utf16Offsets = utf16Offsets;
  }

  /**
   * A stream over {@code text}, or null if it holds a lone surrogate (then ANTLR's
   * {@code CharStreams.fromString} must be used, which keeps it as a code point).
   */
  public static TextCharStream of(String text) {
    char[] chars = text.toCharArray();
    int len = chars.length;
    int i = 0;
    while (i < len && chars[i] < 0x80) {
      i++;
    }
    if (i == len) {
      return new TextCharStream(text, true, chars, len, chars, null);
    }
    while (i < len && (chars[i] < Character.MIN_SURROGATE || chars[i] > Character.MAX_SURROGATE)) {
      i++;
    }
    if (i == len) {
      return new TextCharStream(text, false, chars, len, chars, null);
    }
    char[] cps = new char[len];
    int[] offsets = new int[len + 1];
    int n = 0;
    for (int k = 0; k < len; k++) {
      char c = chars[k];
      offsets[n] = k;
      if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
        if (!Character.isHighSurrogate(c) || k + 1 >= len || !Character.isLowSurrogate(chars[k + 1])) {
          return null;
        }
        cps[n++] = SUPPLEMENTARY;
        k++;
      } else {
        cps[n++] = c;
      }
    }
    offsets[n] = len;
    return new TextCharStream(text, false, cps, n, chars, java.util.Arrays.copyOf(offsets, n + 1));
  }

  /** Whether the text is all ASCII. */
  public boolean isAscii() {
    return ascii;
  }

  /** Code-point index to UTF-16 offset ({@code size() + 1} entries), or null if they are equal. */
  public int[] utf16Offsets() {
    return utf16Offsets;
  }

  /** The code point at {@code index} (which must be within the text). */
  int codePoint(int index) {
    char c = data[index];
    if (c != SUPPLEMENTARY || utf16Offsets == null) {
      return c;
    }
    int at = utf16Offsets[index];
    return Character.toCodePoint(utf16[at], utf16[at + 1]);
  }

  /** Sets the position to {@code index} (no checks; the simulator keeps it within the text). */
  void moveTo(int index) {
    p = index;
  }

  @Override
  public String getText(Interval interval) {
    int start = Math.min(interval.a, size);
    int len = Math.min(interval.b - interval.a + 1, size - start);
    if (start < 0) {
      throw new IndexOutOfBoundsException("start " + start);
    }
    if (len <= 0) {
      return "";
    }
    if (utf16Offsets == null) {
      return text.substring(start, start + len);
    }
    return text.substring(utf16Offsets[start], utf16Offsets[start + len]);
  }

  @Override
  public void consume() {
    if (p >= size) {
      throw new IllegalStateException("cannot consume EOF");
    }
    p++;
  }

  @Override
  public int LA(int i) {
    if (i > 0) {
      int at = p + i - 1;
      return at < size ? codePoint(at) : IntStream.EOF;
    }
    if (i == 0) {
      return 0;
    }
    int at = p + i;
    return at >= 0 && at < size ? codePoint(at) : IntStream.EOF;
  }

  @Override
  public int mark() {
    return -1;
  }

  @Override
  public void release(int marker) {
    // the whole text stays available
  }

  @Override
  public int index() {
    return p;
  }

  @Override
  public void seek(int index) {
    p = index;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public String getSourceName() {
    return IntStream.UNKNOWN_SOURCE_NAME;
  }

  @Override
  public String toString() {
    return text;
  }
}
