package dev.oomlint.engine;

import dev.oomlint.ast.SourceRange;
import dev.oomlint.diagnostics.Edit;
import java.util.List;

/**
 * A notebook cell that does not parse on its own: {@code error} is its syntax error (positioned in
 * the cell, its message counting the cell's lines), {@code range} the cell's text in the joined
 * text, {@code fullEnd} where the next cell starts. The other cells are linted without it, and no
 * fix may write into it.
 */
public record SkippedCell(SourceRange range, int fullEnd, FileProblem error) {
  /** True when {@code edit} would change this cell (an insertion at its start included). */
  public boolean touchedBy(Edit edit) {
    int a = edit.range().start();
    int b = edit.range().end();
    return a < fullEnd && (b > range.start() || a >= range.start());
  }

  /** True when any of {@code edits} would change one of {@code cells}. */
  public static boolean touchedBy(List<SkippedCell> cells, List<Edit> edits) {
    for (SkippedCell c : cells) {
      for (Edit e : edits) {
        if (c.touchedBy(e)) {
          return true;
        }
      }
    }
    return false;
  }
}
