package dev.oomlint.engine;

import dev.oomlint.ast.SourceFile;
import dev.oomlint.diagnostics.Fix;
import dev.oomlint.fix.Fixer;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Lints and fixes one text until nothing changes (at most {@link #MAX_ROUNDS} rounds). Every round's
 * output is linted again, which also re-parses it: when a fix produces text that does not parse,
 * the original text is kept and the file gets an internal error naming the rules whose fixes did it.
 */
public final class FixLoop {
  public static final int MAX_ROUNDS = 10;

  /**
   * The final text (the original when nothing was fixed or a fix broke the code), how many
   * findings were fixed, and the lint result of the final text (with the internal error, if any).
   */
  public record Outcome(String text, int fixed, Linter.Result result) {
    public boolean changed(String original) {
      return !text.equals(original);
    }
  }

  private FixLoop() {}

  /**
   * Fixes {@code original}; {@code lint} lints a text (the same file under another text), and
   * {@code applicable} says which fixes this run applies.
   */
  public static Outcome run(SourceFile original, Function<SourceFile, Linter.Result> lint,
      Predicate<Fix> applicable) {
    Linter.Result first = lint.apply(original);
    Linter.Result current = first;
    String text = original.text();
    int fixed = 0;
    Set<String> codes = new LinkedHashSet<>();
    for (int round = 0; round < MAX_ROUNDS; round++) {
      if (current.problem() != null) {
        break;
      }
      Fixer.Round r = Fixer.apply(text, current.diagnostics(), applicable);
      if (r.fixed() == 0 || r.text().equals(text)) {
        break; // nothing to apply, or fixes that change nothing
      }
      codes.addAll(r.codes());
      Linter.Result next = lint.apply(new SourceFile(original.path(), r.text()));
      if (next.problem() != null && next.problem().kind() == FileProblem.Kind.SYNTAX_ERROR) {
        String where = "line " + new SourceFile(original.path(), r.text()).lines()
            .line(next.problem().range() == null ? 0 : next.problem().range().start());
        FileProblem broken = FileProblem.internal("the fix for " + String.join(", ", codes)
            + " produced code that does not parse (" + next.problem().message() + " at " + where
            + "); the file was left unchanged");
        return new Outcome(original.text(), 0,
            new Linter.Result(first.module(), first.diagnostics(), broken, null));
      }
      text = r.text();
      fixed += r.fixed();
      current = next;
    }
    return new Outcome(text, fixed, current);
  }
}
