package dev.oomlint.diagnostics;

import dev.oomlint.ast.SourceRange;

/**
 * One finding of a rule in one file: the rule's code, a message (what, why it costs memory, how to
 * fix), the range it points at, and an optional fix (null when none).
 */
public record Diagnostic(String code, String message, SourceRange range, Fix fix) {
  public Diagnostic(String code, String message, SourceRange range) {
    this(code, message, range, null);
  }
}
