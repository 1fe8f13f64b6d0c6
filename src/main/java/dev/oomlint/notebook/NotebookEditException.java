package dev.oomlint.notebook;

/**
 * Edits that cannot be written back to a notebook: they span two cells, touch a masked IPython
 * line, or overlap. The message is one sentence; the engine leaves such a fix unapplied.
 */
public final class NotebookEditException extends Exception {
  private static final long serialVersionUID = 1L;

  public NotebookEditException(String message) {
    super(message, null, false, false);
  }
}
