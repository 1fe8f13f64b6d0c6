package dev.oomlint.ast;

/**
 * One decoded source text with its display path (as given on the command line, or the notebook's
 * path) and its line index.
 */
public record SourceFile(String path, String text, LineIndex lines) {
  public SourceFile(String path, String text) {
    this(path, text, new LineIndex(text));
  }

  public String slice(SourceRange r) {
    return text.substring(r.start(), r.end());
  }
}
