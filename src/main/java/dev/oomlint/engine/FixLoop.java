package dev.oomlint.engine;

import dev.oomlint.diagnostics.Fix;
import dev.oomlint.fix.Fixer;
import dev.oomlint.source.SourceDocument;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Lints and fixes one document, script or notebook, until nothing changes (at most
 * {@link #MAX_ROUNDS} rounds). Every round's output is linted again, which also re-parses it: when a
 * fix produces text that does not parse, the original document is kept and the file gets an
 * internal error naming the rules whose fixes did it.
 */
public final class FixLoop {
  public static final int MAX_ROUNDS = 10;

  /** Lints one version of the document. */
  public interface Lint {
    Linter.Result lint(SourceDocument document);
  }

  /**
   * The final document (the original itself when nothing was fixed or a fix broke the code), how
   * many findings were fixed, the lint result of the final document (with the internal error, if
   * any), and the lint result of the original.
   */
  public record Outcome(SourceDocument document, int fixed, Linter.Result result, Linter.Result first) {}

  private FixLoop() {}

  /** Fixes {@code original}, applying the fixes {@code mode} applies and the document accepts. */
  public static Outcome run(SourceDocument original, Lint lint, FixMode mode) {
    Linter.Result first = lint.lint(original);
    Linter.Result current = first;
    SourceDocument document = original;
    int fixed = 0;
    Set<String> codes = new LinkedHashSet<>();
    for (int round = 0; round < MAX_ROUNDS && current.problem() == null; round++) {
      Fixer.Selection chosen = Fixer.select(document.file().text(), current.diagnostics(),
          new Applicable(mode, document, current.skipped()));
      if (chosen.fixed() == 0) {
        break;
      }
      SourceDocument next;
      try {
        next = document.apply(chosen);
      } catch (SourceDocument.EditFailedException e) {
        // the cause is not handed on: it never reached --verbose
        return new Outcome(original, 0, failed(first, FileProblem.internal(e.getMessage())), first);
      }
      if (next == null) {
        break; // fixes that change nothing
      }
      codes.addAll(chosen.codes());
      Linter.Result after = lint.lint(next);
      FileProblem syntax = after.problem() != null && after.problem().kind() == FileProblem.Kind.SYNTAX_ERROR
          ? after.problem() : newCellError(current, after);
      if (syntax != null) {
        int at = syntax.range() == null ? 0 : syntax.range().start();
        FileProblem broken = FileProblem.internal("the fix for " + String.join(", ", codes)
            + " produced code that does not parse (" + syntax.message() + " at "
            + next.describePosition(at) + "); the file was left unchanged");
        return new Outcome(original, 0, failed(first, broken), first);
      }
      document = next;
      current = after;
      fixed += chosen.fixed();
    }
    return new Outcome(document, fixed, current, first);
  }

  /**
   * The syntax error of a notebook cell that parsed before a round and no longer does (fixes never
   * write into a cell that was already skipped, so any further skipped cell is the fix's doing).
   */
  private static FileProblem newCellError(Linter.Result before, Linter.Result after) {
    if (after.skipped().size() <= before.skipped().size()) {
      return null;
    }
    outer:
    for (SkippedCell c : after.skipped()) {
      for (SkippedCell b : before.skipped()) {
        if (b.range().start() == c.range().start()) {
          continue outer;
        }
      }
      return c.error();
    }
    return after.skipped().get(0).error();
  }

  /** The original's findings with {@code problem} in place of its own. */
  static Linter.Result failed(Linter.Result first, FileProblem problem) {
    return new Linter.Result(first.module(), first.diagnostics(), problem, null, first.skipped());
  }

  /** The fixes this run applies that the document accepts (a class: see {@link Engine}'s tasks). */
  private static final class Applicable implements Predicate<Fix> {
    private final FixMode mode;
    private final SourceDocument document;
    private final List<SkippedCell> skipped;

    Applicable(FixMode mode, SourceDocument document, List<SkippedCell> skipped) {
      this.mode = mode;
      this.document = document;
      this.skipped = skipped;
    }

    @Override
    public boolean test(Fix f) {
      return mode.applicable(f) && document.refusal(f.edits()) == null
          && !SkippedCell.touchedBy(skipped, f.edits());
    }
  }
}
