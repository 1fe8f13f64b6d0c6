package dev.oomlint.source;

import dev.oomlint.ast.SourceFile;
import dev.oomlint.diagnostics.Edit;
import dev.oomlint.fix.Fixer;
import dev.oomlint.fix.UnifiedDiff;
import dev.oomlint.notebook.Cell;
import dev.oomlint.notebook.NotebookEditException;
import dev.oomlint.notebook.NotebookException;
import dev.oomlint.notebook.NotebookSource;
import java.util.List;

/**
 * A Jupyter notebook ({@code .ipynb}): its Python code cells, masked and joined into one module
 * ({@link NotebookSource}), are what is linted; fixes are written back into the changed cells only
 * (every other byte of the file is kept), and {@code --diff} shows one diff per changed cell.
 * {@link #cells()} says where each cell sits in the joined text, so a cell can also be parsed on
 * its own.
 */
public record NotebookDocument(NotebookSource source) implements SourceDocument {
  /** Reads a notebook from its bytes; a notebook that cannot be read is {@link SourceReader.Outcome.Unreadable}. */
  static SourceReader.Outcome decode(byte[] bytes, String displayPath) {
    try {
      return new SourceReader.Outcome.Read(new NotebookDocument(NotebookSource.read(bytes, displayPath)));
    } catch (NotebookException e) {
      return SourceReader.unreadable(e.getMessage());
    }
  }

  @Override
  public String path() {
    return source.file().path();
  }

  @Override
  public SourceFile file() {
    return source.file();
  }

  /** The linted cells in order, each with its place in {@link #file()}. */
  public List<NotebookSource.CodeCell> cells() {
    return source.codeCells();
  }

  /** None: the joined text is not the file's bytes, so the linter finds the words in it. */
  @Override
  public TextFacts facts() {
    return null;
  }

  @Override
  public boolean lintable() {
    return !source.isEmpty();
  }

  @Override
  public String refusal(List<Edit> edits) {
    return source.refusal(edits);
  }

  @Override
  public NotebookDocument apply(Fixer.Selection chosen) throws EditFailedException {
    try {
      String raw = source.applyEdits(chosen.edits());
      if (raw.equals(source.notebook().raw())) {
        return null;
      }
      return new NotebookDocument(NotebookSource.of(source.notebook().reread(raw), path()));
    } catch (NotebookEditException | NotebookException e) {
      throw new EditFailedException("writing the fixes into the notebook failed: " + e.getMessage(), e);
    }
  }

  @Override
  public String describePosition(int offset) {
    return source.position(offset).toString();
  }

  @Override
  public String contents() {
    return source.notebook().raw();
  }

  @Override
  public byte[] encode() {
    return source.notebook().encode(source.notebook().raw());
  }

  /** One unified diff per changed cell, named {@code path:cell N} (as Ruff); a script before is diffed as a whole. */
  @Override
  public String diff(SourceDocument before) {
    if (!(before instanceof NotebookDocument b)) {
      return UnifiedDiff.diff(path(), before.contents(), contents());
    }
    StringBuilder sb = new StringBuilder();
    List<Cell> a = b.source().notebook().cells();
    List<Cell> c = source.notebook().cells();
    for (int i = 0; i < Math.min(a.size(), c.size()); i++) {
      if (!a.get(i).source().equals(c.get(i).source())) {
        sb.append(UnifiedDiff.diff(path() + ":cell " + a.get(i).number(), a.get(i).source(), c.get(i).source()));
      }
    }
    return sb.toString();
  }
}
