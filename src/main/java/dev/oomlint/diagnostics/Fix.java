package dev.oomlint.diagnostics;

import java.util.List;

/** A suggested rewrite: a title for humans, its applicability, and non-overlapping edits. */
public record Fix(String title, Applicability applicability, List<Edit> edits) {
  public Fix {
    edits = List.copyOf(edits);
  }

  public static Fix safe(String title, Edit... edits) {
    return new Fix(title, Applicability.SAFE, List.of(edits));
  }

  public static Fix unsafe(String title, Edit... edits) {
    return new Fix(title, Applicability.UNSAFE, List.of(edits));
  }
}
