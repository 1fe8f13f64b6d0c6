package dev.oomlint.engine;

import dev.oomlint.fix.AtomicWriter;
import dev.oomlint.fix.Fixer;
import dev.oomlint.fix.UnifiedDiff;
import dev.oomlint.notebook.Cell;
import dev.oomlint.notebook.Notebook;
import dev.oomlint.notebook.NotebookEditException;
import dev.oomlint.notebook.NotebookException;
import dev.oomlint.notebook.NotebookSource;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The engine's path for Jupyter notebooks ({@code .ipynb}): read the JSON, join the Python code
 * cells ({@link NotebookSource}), lint the joined text like a script, and with {@code --fix} write
 * the fixes back into the changed cells only (every other byte of the file is kept). A notebook
 * that cannot be read is that file's {@code UNREADABLE} problem.
 */
final class NotebookCheck {
  private NotebookCheck() {}

  /** True for a path (or display name) the engine reads as a notebook. */
  static boolean isNotebook(String name) {
    return name.endsWith(".ipynb");
  }

  /** Reads {@code path}'s bytes; null with {@code problem[0]} set when it cannot be read. */
  static byte[] read(Path path, FileProblem[] problem) {
    try {
      return Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      problem[0] = unreadable("file does not exist");
    } catch (AccessDeniedException e) {
      problem[0] = unreadable("file cannot be read: permission denied");
    } catch (IOException | OutOfMemoryError | SecurityException e) {
      problem[0] = unreadable("file cannot be read: " + SourceReader.describe(e));
    }
    return null;
  }

  /**
   * Checks one notebook's bytes. With {@code writeBack} the fixed notebook is written to
   * {@code target}'s path; otherwise it is returned as the outcome's fixed text (standard input).
   */
  static Engine.FileOutcome check(byte[] bytes, FileWalker.Target t, Linter linter, Set<String> ignored,
      FixMode mode, boolean writeBack, Consumer<Throwable> verbose) {
    String path = t.displayPath();
    NotebookSource src;
    try {
      src = NotebookSource.read(bytes, path);
    } catch (NotebookException e) {
      return new Engine.FileOutcome(new FileResult(path, null, List.of(), unreadable(e.getMessage())), 0, "", null);
    }
    Linter.Result first = lint(linter, src, ignored, verbose);
    if (!mode.apply()) {
      return new Engine.FileOutcome(result(path, src, first), 0, "", null);
    }

    NotebookSource current = src;
    Linter.Result result = first;
    int fixed = 0;
    Set<String> codes = new LinkedHashSet<>();
    for (int round = 0; round < FixLoop.MAX_ROUNDS && result.problem() == null; round++) {
      NotebookSource here = current;
      Fixer.Selection chosen = Fixer.select(here.file().text(), result.diagnostics(),
          f -> mode.applicable(f) && here.refusal(f.edits()) == null);
      if (chosen.fixed() == 0) {
        break;
      }
      NotebookSource next;
      try {
        String raw = here.applyEdits(chosen.edits());
        if (raw.equals(here.notebook().raw())) {
          break; // fixes that change nothing
        }
        next = NotebookSource.of(here.notebook().reread(raw), path);
      } catch (NotebookEditException | NotebookException e) {
        FileProblem p = Linter.internal("writing the fixes into the notebook failed: " + e.getMessage());
        return new Engine.FileOutcome(result(path, src, new Linter.Result(first.module(), first.diagnostics(), p, e)),
            0, "", null);
      }
      codes.addAll(chosen.codes());
      Linter.Result after = lint(linter, next, ignored, verbose);
      if (after.problem() != null && after.problem().kind() == FileProblem.Kind.SYNTAX_ERROR) {
        int at = after.problem().range() == null ? 0 : after.problem().range().start();
        FileProblem broken = FileProblem.internal("the fix for " + String.join(", ", codes)
            + " produced code that does not parse (" + after.problem().message() + " at " + next.position(at)
            + "); the file was left unchanged");
        return new Engine.FileOutcome(result(path, src,
            new Linter.Result(first.module(), first.diagnostics(), broken, null)), 0, "", null);
      }
      current = next;
      result = after;
      fixed += chosen.fixed();
    }
    if (current == src) {
      return new Engine.FileOutcome(result(path, src, result), 0, "", null);
    }
    String newRaw = current.notebook().raw();
    if (mode.diff()) {
      String diff = cellDiffs(path, src.notebook(), current.notebook());
      return new Engine.FileOutcome(result(path, current, result), fixed, diff, writeBack ? null : newRaw);
    }
    if (writeBack) {
      try {
        AtomicWriter.write(t.path(), current.notebook().encode(newRaw));
      } catch (IOException | RuntimeException e) {
        FileProblem p = new FileProblem(FileProblem.Kind.INTERNAL_ERROR,
            "could not write the fixed file: " + SourceReader.describe(e), null);
        return new Engine.FileOutcome(result(path, src,
            new Linter.Result(first.module(), first.diagnostics(), p, null)), 0, "", null);
      }
    }
    return new Engine.FileOutcome(result(path, current, result), fixed, "", writeBack ? null : newRaw);
  }

  private static Linter.Result lint(Linter linter, NotebookSource src, Set<String> ignored,
      Consumer<Throwable> verbose) {
    if (src.isEmpty()) {
      return new Linter.Result(null, List.of(), null, null); // no Python cell: nothing to parse
    }
    Linter.Result r = linter.lint(src.file(), ignored);
    if (r.cause() != null) {
      verbose.accept(r.cause());
    }
    return r;
  }

  /** The file's result; as for scripts, the text is kept only when something will be shown for it. */
  private static FileResult result(String path, NotebookSource src, Linter.Result r) {
    boolean keep = !r.diagnostics().isEmpty() || r.problem() != null;
    return new FileResult(path, keep ? src.file() : null, r.diagnostics(), r.problem(), keep ? src : null);
  }

  /** {@code --diff} for a notebook: one unified diff per changed cell, named {@code path:cell N} (as Ruff). */
  static String cellDiffs(String path, Notebook before, Notebook after) {
    StringBuilder sb = new StringBuilder();
    List<Cell> a = before.cells();
    List<Cell> b = after.cells();
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      if (!a.get(i).source().equals(b.get(i).source())) {
        sb.append(UnifiedDiff.diff(path + ":cell " + a.get(i).number(), a.get(i).source(), b.get(i).source()));
      }
    }
    return sb.toString();
  }

  private static FileProblem unreadable(String message) {
    return new FileProblem(FileProblem.Kind.UNREADABLE, message, null);
  }
}
