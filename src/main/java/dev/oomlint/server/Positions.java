package dev.oomlint.server;

import dev.oomlint.ast.LineIndex;
import dev.oomlint.ast.SourceRange;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Converts between the engine's offsets (UTF-16 code units into the text) and LSP positions
 * (0-based line, 0-based UTF-16 character: LSP's default position encoding).
 */
final class Positions {
  private Positions() {}

  static Position position(LineIndex lines, int offset) {
    int o = Math.max(0, Math.min(offset, lines.text().length()));
    return new Position(lines.line(o) - 1, lines.column(o) - 1);
  }

  static Range range(LineIndex lines, SourceRange r) {
    return new Range(position(lines, r.start()), position(lines, Math.max(r.start(), r.end())));
  }

  /** The offset of an LSP position, clamped into the text (a character past the line's end means its end). */
  static int offset(LineIndex lines, Position p) {
    if (p.getLine() < 0) {
      return 0;
    }
    if (p.getLine() >= lines.lineCount()) {
      return lines.text().length();
    }
    int line = p.getLine() + 1;
    int start = lines.lineStart(line);
    int end = lines.lineEnd(line);
    return Math.max(start, Math.min(start + Math.max(0, p.getCharacter()), end));
  }

  /** The whole text as one range (for a whole-document edit). */
  static Range whole(LineIndex lines) {
    return new Range(new Position(0, 0), position(lines, lines.text().length()));
  }
}
