package dev.oomlint.engine;

import dev.oomlint.ast.SourceRange;

/**
 * A file that could not be analysed: a syntax error (with the range it points at) or a file that
 * could not be read or decoded ({@code range} null). {@code message} is one clear sentence.
 */
public record FileProblem(Kind kind, String message, SourceRange range) {
  public enum Kind { SYNTAX_ERROR, UNREADABLE }
}
