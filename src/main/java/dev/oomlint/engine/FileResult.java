package dev.oomlint.engine;

import dev.oomlint.ast.SourceFile;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.notebook.NotebookSource;
import java.util.ArrayList;
import java.util.List;

/**
 * What checking one file produced. {@code source} is null when the file could not be read;
 * {@code problem} is null when it was analysed. Diagnostics are sorted by position.
 *
 * <p>For a notebook ({@code .ipynb}), {@code source} is the joined text of its Python cells (what
 * the ranges of the diagnostics and the problem refer to) and {@code notebook} maps those ranges
 * back to cells and to the raw file; {@code notebook} is null for every other file, and whenever
 * {@code source} is. {@code cellErrors} are the syntax errors of a notebook's cells that did not
 * parse on their own and were left out of the lint (in cell order; empty for every other file):
 * the other cells' findings are still reported.
 */
public record FileResult(String path, SourceFile source, List<Diagnostic> diagnostics, FileProblem problem,
    NotebookSource notebook, List<FileProblem> cellErrors) {
  public FileResult {
    cellErrors = List.copyOf(cellErrors);
  }

  public FileResult(String path, SourceFile source, List<Diagnostic> diagnostics, FileProblem problem,
      NotebookSource notebook) {
    this(path, source, diagnostics, problem, notebook, List.of());
  }

  public FileResult(String path, SourceFile source, List<Diagnostic> diagnostics, FileProblem problem) {
    this(path, source, diagnostics, problem, null);
  }

  /** Every problem to report: the cells' syntax errors, then {@link #problem()} when there is one. */
  public List<FileProblem> problems() {
    if (cellErrors.isEmpty()) {
      return problem == null ? List.of() : List.of(problem);
    }
    List<FileProblem> all = new ArrayList<>(cellErrors);
    if (problem != null) {
      all.add(problem);
    }
    return all;
  }

  /** True when there is something to report besides the diagnostics. */
  public boolean hasProblems() {
    return problem != null || !cellErrors.isEmpty();
  }
}
