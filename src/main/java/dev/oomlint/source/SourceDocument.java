package dev.oomlint.source;

import dev.oomlint.ast.SourceFile;
import dev.oomlint.diagnostics.Edit;
import dev.oomlint.fix.AtomicWriter;
import dev.oomlint.fix.Fixer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One file as the pipeline handles it, whatever its kind (as Ruff's {@code SourceKind}): the text to
 * lint, how fixes are applied to it (or refused), how it is encoded, diffed and written back. A
 * {@link ScriptDocument} is a Python file; a {@link NotebookDocument} is a Jupyter notebook whose
 * Python cells are linted as one module. Documents are immutable: applying fixes gives the next one.
 * {@link SourceReader} reads either kind.
 */
public sealed interface SourceDocument permits ScriptDocument, NotebookDocument {
  /** The path shown for the file (what reports and diffs name). */
  String path();

  /** The text the parser and the rules see; every diagnostic's range is an offset into it. */
  SourceFile file();

  /**
   * What the reader found about {@link #file()}'s text for the rules' prefilters, or null (the
   * linter then finds it).
   */
  TextFacts facts();

  /** False when there is nothing to parse (a notebook without a Python cell): its lint is empty. */
  boolean lintable();

  /**
   * Why {@code edits} (on {@link #file()}) cannot be applied to this document, or null when they can.
   * A script takes any edit; a notebook refuses edits that cross cells or touch masked IPython lines.
   */
  String refusal(List<Edit> edits);

  /**
   * The document with {@code chosen}'s edits (sorted, non-overlapping, none refused) applied, or
   * null when they change nothing.
   */
  SourceDocument apply(Fixer.Selection chosen) throws EditFailedException;

  /** Where {@code offset} of {@link #file()} is, as messages name it ("line 3", "cell 2:1:5"). */
  String describePosition(int offset);

  /** The whole file's text as it is stored: a script's text, a notebook's raw JSON. */
  String contents();

  /** The bytes to write back: the script in its own charset and byte order mark, the notebook's JSON. */
  byte[] encode() throws AtomicWriter.UnencodableException;

  /**
   * {@code --diff} output from {@code before} (an earlier version of this document) to this one: a
   * unified diff for a script, one per changed cell for a notebook; "" when nothing changed.
   */
  String diff(SourceDocument before);

  /** Writes {@link #encode()}'s bytes to {@code file}, atomically. */
  default void write(Path file) throws IOException {
    AtomicWriter.write(file, encode());
  }

  /** Fixes that could not be written into the document; the message is the file's internal-error detail. */
  final class EditFailedException extends Exception {
    public EditFailedException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
