package dev.oomlint.parser;

import dev.oomlint.ast.SourceFile;

/**
 * The parser front end: text -> tokens -> ANTLR parse tree -> our AST. Never throws for bad input;
 * every problem comes back as {@link ParseOutcome.Failed}. Thread-safe.
 */
public final class PythonFrontEnd {
  private PythonFrontEnd() {}

  public static ParseOutcome parse(SourceFile file) {
    throw new UnsupportedOperationException("parser front end not written yet");
  }
}
