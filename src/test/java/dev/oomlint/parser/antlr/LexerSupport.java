package dev.oomlint.parser.antlr;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/** Test helpers: run the lexer over a text and describe the tokens. */
final class LexerSupport {
  private LexerSupport() {}

  /** The lexer after it has produced all tokens. */
  static PythonLexer lexAll(String text, List<Token> out) {
    PythonLexer lexer = new PythonLexer(CharStreams.fromString(text));
    for (int i = 0; i < 1_000_000; i++) {
      Token t = lexer.nextToken();
      out.add(t);
      if (t.getType() == Token.EOF) {
        return lexer;
      }
    }
    throw new AssertionError("lexer did not reach EOF");
  }

  /** Default-channel tokens as "TYPE" or "TYPE:text" (text shown for names, numbers, strings, ...). */
  static List<String> tokens(String text) {
    List<Token> all = new ArrayList<>();
    PythonLexer lexer = lexAll(text, all);
    if (lexer.lexError() != null) {
      throw new AssertionError("unexpected lexical error " + lexer.lexError() + " in " + text);
    }
    List<String> out = new ArrayList<>();
    for (Token t : all) {
      if (t.getChannel() == Token.DEFAULT_CHANNEL) {
        out.add(describe(t));
      }
    }
    return out;
  }

  static String describe(Token t) {
    String name = t.getType() == Token.EOF ? "EOF" : PythonLexer.VOCABULARY.getSymbolicName(t.getType());
    switch (t.getType()) {
      case PythonLexer.NAME:
      case PythonLexer.NUMBER:
      case PythonLexer.STRING:
      case PythonLexer.FSTRING_START:
      case PythonLexer.FSTRING_MIDDLE:
      case PythonLexer.FSTRING_END:
      case PythonLexer.COMMENT:
        return name + ":" + t.getText();
      default:
        return name;
    }
  }

  /** The lexical error for a text (fails if there is none). */
  static LexError error(String text) {
    PythonLexer lexer = lexAll(text, new ArrayList<>());
    if (lexer.lexError() == null) {
      throw new AssertionError("expected a lexical error in " + text);
    }
    return lexer.lexError();
  }

  static LexError errorOrNull(String text) {
    return lexAll(text, new ArrayList<>()).lexError();
  }
}
