package dev.oomlint.ast;

/**
 * A half-open range {@code [start, end)} of a source text, in UTF-16 code units (Java {@code char}
 * indices into the decoded text). {@link LineIndex} converts offsets to lines and columns.
 */
public record SourceRange(int start, int end) {
  public static final SourceRange EMPTY = new SourceRange(0, 0);

  public SourceRange {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad range " + start + ".." + end);
    }
  }

  public int length() {
    return end - start;
  }

  public boolean contains(int offset) {
    return offset >= start && offset < end;
  }

  public boolean contains(SourceRange other) {
    return other.start >= start && other.end <= end;
  }

  public SourceRange cover(SourceRange other) {
    return new SourceRange(Math.min(start, other.start), Math.max(end, other.end));
  }
}
