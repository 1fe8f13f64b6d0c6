package dev.oomlint.fix;

import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.diagnostics.Edit;
import dev.oomlint.diagnostics.Fix;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Applies one round of fixes to a text. Fixes are taken in order of their first edit (then code);
 * a fix that overlaps one already taken this round, or inserts at the very point where the previous
 * one inserted, is skipped (the next round retries it). A fix identical to one already taken counts as applied too. Newlines in inserted text are
 * written in the file's own line ending.
 */
public final class Fixer {
  /** The text after one round, how many diagnostics it fixed, and which codes they had. */
  public record Round(String text, int fixed, Set<String> codes) {}

  /**
   * The edits one round takes (sorted, non-overlapping, inserted line breaks already in the text's own
   * line ending), how many diagnostics they fix, and which codes. Notebooks apply these edits to cells.
   */
  public record Selection(List<Edit> edits, int fixed, Set<String> codes) {}

  private Fixer() {}

  public static Round apply(String text, List<Diagnostic> diagnostics, Predicate<Fix> applicable) {
    Selection chosen = select(text, diagnostics, applicable);
    if (chosen.edits().isEmpty()) {
      return new Round(text, 0, Set.of());
    }
    return new Round(applyEdits(text, chosen.edits()), chosen.fixed(), chosen.codes());
  }

  /** {@code text} with {@code edits} (sorted, non-overlapping, as {@link #select} chooses them) applied. */
  public static String applyEdits(String text, List<Edit> edits) {
    StringBuilder sb = new StringBuilder(text.length() + 64);
    int pos = 0;
    for (Edit e : edits) {
      sb.append(text, pos, e.range().start());
      sb.append(e.content());
      pos = e.range().end();
    }
    sb.append(text, pos, text.length());
    return sb.toString();
  }

  /** Chooses one round's fixes (see the class comment) without applying them. */
  public static Selection select(String text, List<Diagnostic> diagnostics, Predicate<Fix> applicable) {
    List<Diagnostic> candidates = new ArrayList<>();
    for (Diagnostic d : diagnostics) {
      if (d.fix() != null && !d.fix().edits().isEmpty() && applicable.test(d.fix()) && valid(d.fix(), text)) {
        candidates.add(d);
      }
    }
    candidates.sort(Comparator.comparingInt((Diagnostic d) -> minStart(d.fix()))
        .thenComparing(Diagnostic::code));
    String eol = LineEndings.detect(text);
    List<Edit> taken = new ArrayList<>();
    List<List<Edit>> takenFixes = new ArrayList<>();
    Set<String> codes = new LinkedHashSet<>();
    int fixed = 0;
    int lastEnd = -1;
    int lastInsertion = -1;
    for (Diagnostic d : candidates) {
      List<Edit> edits = sorted(d.fix().edits());
      if (takenFixes.contains(edits)) {
        fixed++;
        codes.add(d.code());
        continue;
      }
      Edit first = edits.get(0);
      if (first.range().start() < lastEnd
          || (first.range().length() == 0 && first.range().start() == lastInsertion)) {
        continue; // overlaps, or a second insertion at the same point (order would be a guess)
      }
      for (Edit e : edits) {
        taken.add(new Edit(e.range(), LineEndings.convert(e.content(), eol)));
      }
      takenFixes.add(edits);
      Edit last = edits.get(edits.size() - 1);
      lastEnd = last.range().end();
      lastInsertion = last.range().length() == 0 ? last.range().start() : -1;
      fixed++;
      codes.add(d.code());
    }
    return new Selection(taken, fixed, codes);
  }

  private static int minStart(Fix f) {
    int min = Integer.MAX_VALUE;
    for (Edit e : f.edits()) {
      min = Math.min(min, e.range().start());
    }
    return min;
  }

  private static List<Edit> sorted(List<Edit> edits) {
    List<Edit> s = new ArrayList<>(edits);
    s.sort(Comparator.comparingInt((Edit e) -> e.range().start()).thenComparingInt(e -> e.range().end()));
    return s;
  }

  /** A fix whose edits fall outside the text or overlap each other is never applied. */
  private static boolean valid(Fix f, String text) {
    int last = -1;
    for (Edit e : sorted(f.edits())) {
      if (e.range().end() > text.length() || e.range().start() < last
          || (e.range().start() == last && e.range().length() == 0)) {
        return false;
      }
      last = e.range().end();
    }
    return true;
  }
}
