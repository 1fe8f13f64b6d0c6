package dev.oomlint.notebook;

/**
 * A notebook that cannot be read: not UTF-8, not JSON, not nbformat 4, or a cell of the wrong shape.
 * The message is one sentence (lower-case start, no trailing period) fit to show as that file's
 * error, e.g. {@code notebook is not valid JSON: unterminated string at line 12, column 5}.
 */
public final class NotebookException extends Exception {
  private static final long serialVersionUID = 1L;

  public NotebookException(String message) {
    super(message, null, false, false);
  }
}
