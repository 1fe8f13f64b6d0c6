package dev.oomlint.report;

import dev.oomlint.ast.LineIndex;
import dev.oomlint.ast.SourceRange;
import dev.oomlint.engine.FileResult;
import dev.oomlint.notebook.NotebookSource;

/**
 * Where a report that names lines of the file on disk points: the file's own lines for a script, the
 * raw {@code .ipynb} lines for a notebook (as its SARIF results do), for the GitHub and GitLab reports.
 */
final class ShownPositions {
  private final FileResult file;
  private final NotebookSource notebook;
  private final LineIndex lines;

  ShownPositions(FileResult file) {
    this.file = file;
    this.notebook = file.source() == null ? null : file.notebook();
    this.lines = notebook != null ? notebook.rawLines() : file.source() == null ? null : file.source().lines();
  }

  /** The line index the ranges below are in; null when the file's text is not at hand. */
  LineIndex lines() {
    return lines;
  }

  /** {@code range} of the linted text as shown (in the raw notebook for a notebook); null stays null. */
  SourceRange range(SourceRange range) {
    return notebook == null || range == null ? range : SarifReporter.rawRange(notebook, file.source(), range);
  }
}
