package dev.oomlint.diagnostics;

import dev.oomlint.ast.SourceRange;

/** Replace {@code range} of the source text with {@code content} ("" deletes, an empty range inserts). */
public record Edit(SourceRange range, String content) {
  public static Edit replace(SourceRange range, String content) {
    return new Edit(range, content);
  }

  public static Edit insert(int offset, String content) {
    return new Edit(new SourceRange(offset, offset), content);
  }

  public static Edit delete(SourceRange range) {
    return new Edit(range, "");
  }
}
