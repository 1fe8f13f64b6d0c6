package dev.oomlint.parser.antlr;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * A {@link CharStream} over the UTF-16 code units of a text without surrogates, where every code
 * unit is a code point, so indices are both code-point indices (what ANTLR expects) and
 * {@code String} offsets. Cheaper than ANTLR's {@code CodePointCharStream}: no code-point buffer is
 * built, and {@link FastLexerSimulator} walks {@link #data} directly. Texts with surrogates use
 * {@code CharStreams.fromString} instead (see {@link #of}).
 */
public final class TextCharStream implements CharStream {
  final char[] data;
  final int size;
  private int p;

  private TextCharStream(char[] data) {
    this.data = data;
    this.size = data.length;
  }

  /** A stream over {@code chars} (which it keeps), or null if they hold a surrogate. */
  public static TextCharStream of(char[] chars) {
    for (char c : chars) {
      if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
        return null;
      }
    }
    return new TextCharStream(chars);
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
    return len <= 0 ? "" : new String(data, start, len);
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
      return at < size ? data[at] : IntStream.EOF;
    }
    if (i == 0) {
      return 0;
    }
    int at = p + i;
    return at >= 0 && at < size ? data[at] : IntStream.EOF;
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
    return new String(data);
  }
}
