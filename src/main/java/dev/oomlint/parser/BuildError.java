package dev.oomlint.parser;

/**
 * A syntax error found while turning the parse tree into the AST (an invalid assignment target, a bad
 * parameter order, ...). Carries no stack trace: it is control flow, caught by {@link PythonFrontEnd}.
 */
final class BuildError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int offset;

  BuildError(String message, int offset) {
    super(message, null, false, false);
    this.offset = offset;
  }

  int offset() {
    return offset;
  }

  SyntaxError toSyntaxError() {
    return new SyntaxError(getMessage(), offset);
  }
}
