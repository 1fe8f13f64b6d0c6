package dev.oomlint.engine;

import dev.oomlint.ast.SourceFile;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.notebook.NotebookSource;
import java.util.List;

/**
 * What checking one file produced. {@code source} is null when the file could not be read;
 * {@code problem} is null when it was analysed. Diagnostics are sorted by position.
 *
 * <p>For a notebook ({@code .ipynb}), {@code source} is the joined text of its Python cells (what
 * the ranges of the diagnostics and the problem refer to) and {@code notebook} maps those ranges
 * back to cells and to the raw file; {@code notebook} is null for every other file, and whenever
 * {@code source} is.
 */
public record FileResult(String path, SourceFile source, List<Diagnostic> diagnostics, FileProblem problem,
    NotebookSource notebook) {
  public FileResult(String path, SourceFile source, List<Diagnostic> diagnostics, FileProblem problem) {
    this(path, source, diagnostics, problem, null);
  }
}
