package dev.oomlint.engine;

import dev.oomlint.diagnostics.Fix;
import dev.oomlint.fix.Fixer;
import dev.oomlint.source.SourceDocument;
import java.util.LinkedHashSet;
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
          new Applicable(mode, document));
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
      if (after.problem() != null && after.problem().kind() == FileProblem.Kind.SYNTAX_ERROR) {
        int at = after.problem().range() == null ? 0 : after.problem().range().start();
        FileProblem broken = FileProblem.internal("the fix for " + String.join(", ", codes)
            + " produced code that does not parse (" + after.problem().message() + " at "
            + next.describePosition(at) + "); the file was left unchanged");
        return new Outcome(original, 0, failed(first, broken), first);
      }
      document = next;
      current = after;
      fixed += chosen.fixed();
    }
    return new Outcome(document, fixed, current, first);
  }

  /** The original's findings with {@code problem} in place of its own. */
  static Linter.Result failed(Linter.Result first, FileProblem problem) {
    return new Linter.Result(first.module(), first.diagnostics(), problem, null);
  }

  /** The fixes this run applies that the document accepts (a class: see {@link Engine}'s tasks). */
  private static final class Applicable implements Predicate<Fix> {
    private final FixMode mode;
    private final SourceDocument document;

    Applicable(FixMode mode, SourceDocument document) {
      this.mode = mode;
      this.document = document;
    }

    @Override
    public boolean test(Fix f) {
      return mode.applicable(f) && document.refusal(f.edits()) == null;
    }
  }
}
