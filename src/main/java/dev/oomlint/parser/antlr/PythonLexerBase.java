package dev.oomlint.parser.antlr;

import dev.oomlint.parser.SyntaxError;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Lexer;

/** Hand-written part of the Python lexer (work in progress). */
public abstract class PythonLexerBase extends Lexer {
  private SyntaxError error;

  protected PythonLexerBase(CharStream input) {
    super(input);
  }

  /** The first lexical error, or null. */
  public SyntaxError lexError() {
    return error;
  }

  /** Whether the innermost f-string being lexed is raw. */
  protected boolean rawFString() {
    return false;
  }
}
