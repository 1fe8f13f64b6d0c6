package dev.oomlint.parser.antlr;

import static dev.oomlint.parser.antlr.LexerSupport.error;
import static dev.oomlint.parser.antlr.LexerSupport.errorOrNull;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;

/** Lexical errors: CPython's message and the offset (UTF-16 code units) they point at. */
class LexerErrorTest {

  private static void assertError(String source, String message, int offset) {
    LexError e = error(source);
    assertEquals(message, e.message(), () -> "message for " + source);
    assertEquals(offset, e.offset(), () -> "offset for " + source);
  }

  @Test
  void unterminatedStrings() {
    assertError("x = 'abc\n", "unterminated string literal (detected at line 1)", 4);
    assertError("x = rb'abc\ny = 1\n", "unterminated string literal (detected at line 1)", 4);
    assertError("'abc", "unterminated string literal (detected at line 1)", 0);
    assertError("x = 'ab\\\ncd\n", "unterminated string literal (detected at line 2)", 4);
    assertError("a\nb = \"x\r\n", "unterminated string literal (detected at line 2)", 6);
  }

  @Test
  void unterminatedTripleQuotedStrings() {
    assertError("x = '''abc\n\n", "unterminated triple-quoted string literal (detected at line 2)",
        4);
    assertError("x = '''abc\n\ny", "unterminated triple-quoted string literal (detected at line 3)",
        4);
    assertError("x = \"\"\"abc\"\"", "unterminated triple-quoted string literal (detected at line 1)",
        4);
    assertError("x = \"\"\"abc\\", "unterminated triple-quoted string literal (detected at line 1)",
        4);
  }

  @Test
  void unterminatedFStrings() {
    assertError("x = f'abc\n", "unterminated f-string literal (detected at line 1)", 4);
    assertError("x = f'''abc\n", "unterminated triple-quoted f-string literal (detected at line 1)",
        4);
    assertError("f\"\"\"{x}\n\nabc", "unterminated triple-quoted f-string literal (detected at line 3)",
        0);
    assertError("f'{x\n", "'{' was never closed", 2);
  }

  @Test
  void fStringBraceErrors() {
    assertError("f'a}b'\n", "f-string: single '}' is not allowed", 3);
    assertError("f'{x:}}'\n", "f-string: single '}' is not allowed", 6);
    assertError("f'{)}'\n", "f-string: unmatched ')'", 3);
    assertError("f'{x:abc'\n", "f-string: expecting '}'", 8);
    assertError("f'{'\n", "f-string: expecting '}'", 3);
    assertError("f'{x:{y:{z:{w}}}}'\n", "f-string: expressions nested too deeply", 11);
  }

  @Test
  void tooManyNestedFStrings() {
    String ok = "f'{".repeat(150) + "x" + "}'".repeat(150) + "\n";
    assertNull(errorOrNull(ok));
    String deep = "f'{".repeat(151) + "x" + "}'".repeat(151) + "\n";
    assertError(deep, "too many nested f-strings", 450);
  }

  @Test
  void indentationErrors() {
    assertError("if x:\n        a\n    b\n", "unindent does not match any outer indentation level",
        20);
    assertError("if x:\n\ta\n        b\n", "inconsistent use of tabs and spaces in indentation", 9);
    assertError("if x:\n        a\n\tb\n", "inconsistent use of tabs and spaces in indentation",
        16);
    assertError("if x:\n  \tb\n   \tc\n", "inconsistent use of tabs and spaces in indentation", 11);
    assertError("if x:\n    a\n  \tb\n", "inconsistent use of tabs and spaces in indentation", 12);
  }

  @Test
  void tooManyLevelsOfIndentation() {
    StringBuilder ok = new StringBuilder();
    for (int i = 0; i < 99; i++) {
      ok.append(" ".repeat(i)).append("if 1:\n");
    }
    ok.append(" ".repeat(99)).append("pass\n");
    assertNull(errorOrNull(ok.toString()));
    StringBuilder deep = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      deep.append(" ".repeat(i)).append("if 1:\n");
    }
    int lineStart = deep.length();
    deep.append(" ".repeat(100)).append("pass\n");
    assertError(deep.toString(), "too many levels of indentation", lineStart);
  }

  @Test
  void bracketErrors() {
    assertError("x = 1)\n", "unmatched ')'", 5);
    assertError("x = ]\n", "unmatched ']'", 4);
    assertError("x = (1]\n", "closing parenthesis ']' does not match opening parenthesis '('", 6);
    assertError("x = (1\n\n]\n",
        "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 8);
    assertError("x = {1: [2)}\n",
        "closing parenthesis ')' does not match opening parenthesis '['", 10);
  }

  @Test
  void bracketNeverClosed() {
    assertError("foo(a, [b,\n", "'[' was never closed", 7);
    assertError("foo(a,\n  b\n", "'(' was never closed", 3);
    assertError("x = {", "'{' was never closed", 4);
  }

  @Test
  void tooManyNestedParentheses() {
    assertError("x = " + "[".repeat(201), "too many nested parentheses", 204);
  }

  @Test
  void numberErrors() {
    assertError("0777\n", "leading zeros in decimal integer literals are not permitted; "
        + "use an 0o prefix for octal integers", 0);
    assertError("x = 0_7\n", "leading zeros in decimal integer literals are not permitted; "
        + "use an 0o prefix for octal integers", 4);
    assertError("1abc\n", "invalid decimal literal", 1);
    assertError("1_\n", "invalid decimal literal", 1);
    assertError("1__0\n", "invalid decimal literal", 1);
    assertError("1.5x\n", "invalid decimal literal", 3);
    assertError("1.real\n", "invalid decimal literal", 2);
    assertError("1jx\n", "invalid imaginary literal", 2);
    assertError("0x\n", "invalid hexadecimal literal", 1);
    assertError("0x1g\n", "invalid hexadecimal literal", 3);
    assertError("0o\n", "invalid octal literal", 1);
    assertError("0o8\n", "invalid digit '8' in octal literal", 2);
    assertError("0o78\n", "invalid digit '8' in octal literal", 3);
    assertError("0b\n", "invalid binary literal", 1);
    assertError("0b2\n", "invalid digit '2' in binary literal", 2);
    assertError("0b12\n", "invalid digit '2' in binary literal", 3);
  }

  @Test
  void invalidCharacters() {
    assertError("a € b\n", "invalid character '€' (U+20AC)", 2);
    assertError("a \u0001 b\n", "invalid non-printable character U+0001", 2);
    assertError("a\u00a0= 1\n", "invalid non-printable character U+00A0", 1);
    assertError("x = 1\u000b\n", "invalid non-printable character U+000B", 5);
  }

  @Test
  void asciiCharactersThatStartNoTokenGoToTheParser() {
    // CPython's tokenizer hands these to the parser as ERRORTOKEN ("invalid syntax" there), and a
    // later tokenizer error in the file wins over that parser error.
    assertEquals(List.of("NAME:a", "ERRORTOKEN", "NAME:b", "ERRORTOKEN", "ERRORTOKEN", "NAME:c",
        "ERRORTOKEN", "NEWLINE", "EOF"), LexerSupport.tokens("a $ b ? `c`\n"));
    assertError("x = $\ny = 'abc\n", "unterminated string literal (detected at line 2)", 10);
  }

  @Test
  void indentationErrorsComeBeforeErrorsInTheLinesFirstToken() {
    assertError("if x:\n    a\n  'abc\n", "unindent does not match any outer indentation level",
        14);
    assertError("if x:\n    a\n  €\n", "unindent does not match any outer indentation level",
        14);
  }

  @Test
  void errorKindsTellHowCPythonRanksThemAgainstParserErrors() {
    assertEquals(PythonLexerBase.LexErrorKind.EAGER, kind("x = 'abc\n"));
    assertEquals(PythonLexerBase.LexErrorKind.EAGER, kind("x = 1)\n"));
    assertEquals(PythonLexerBase.LexErrorKind.EAGER, kind("x = 1abc\n"));
    assertEquals(PythonLexerBase.LexErrorKind.EAGER, kind("x = €\n"));
    assertEquals(PythonLexerBase.LexErrorKind.WHEN_REACHED, kind("if x:\n    a\n  b\n"));
    assertEquals(PythonLexerBase.LexErrorKind.WHEN_REACHED, kind("if x:\n\ta\n        b\n"));
    assertEquals(PythonLexerBase.LexErrorKind.WHEN_REACHED, kind("x = 1 \\ 2\n"));
    assertEquals(PythonLexerBase.LexErrorKind.WHEN_REACHED, kind("x = f'abc\n"));
    assertEquals(PythonLexerBase.LexErrorKind.WHEN_REACHED, kind("x = f'{1abc}'\n"));
    assertEquals(PythonLexerBase.LexErrorKind.UNCLOSED_BRACKET, kind("x = (1,\n"));
    assertNull(LexerSupport.lexAll("x = 1\n", new ArrayList<>()).lexErrorKind());
  }

  private static PythonLexerBase.LexErrorKind kind(String source) {
    return LexerSupport.lexAll(source, new ArrayList<>()).lexErrorKind();
  }

  @Test
  void nulBytes() {
    assertError("x = 1\u0000\n", "source code cannot contain null bytes", 5);
  }

  @Test
  void offsetsAreUtf16UnitsAfterNonBmpCharacters() {
    // '𝔘' is one code point but two UTF-16 code units.
    assertError("𝔘 = 1 €\n", "invalid character '€' (U+20AC)", 7);
    assertError("s = '𝔘'; t = '😀\n", "unterminated string literal (detected at line 1)", 14);
    assertError("x = 😀\n", "invalid character '😀' (U+1F600)", 4);
  }

  @Test
  void lineContinuationErrors() {
    assertError("x = 1 \\ 2\n", "unexpected character after line continuation character", 7);
    assertError("x = 1 + \\", "unexpected EOF while parsing", 9);
    assertError("x = 1 + \\\n", "unexpected EOF while parsing", 9);
  }

  @Test
  void theTokenStreamEndsAtTheFirstError() {
    List<Token> all = new ArrayList<>();
    PythonLexer lexer = LexerSupport.lexAll("a = 1\nb = €\nc = 'x\n", all);
    assertEquals("invalid character '€' (U+20AC)", lexer.lexError().message());
    assertEquals(10, lexer.lexError().offset());
    assertEquals(10, lexer.lexErrorCodePointIndex());
    List<String> names = new ArrayList<>();
    for (Token t : all) {
      names.add(LexerSupport.describe(t));
    }
    assertEquals(List.of("NAME:a", "EQUAL", "NUMBER:1", "NEWLINE", "NAME:b", "EQUAL", "EOF"), names);
    assertEquals(Token.EOF, lexer.nextToken().getType());
  }

  @Test
  void nothingIsPrintedForBadInput() {
    PrintStream saved = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      error("x = $ ? ` € \\ 'abc\n");
      error("f'{x:abc'\n");
    } finally {
      System.setErr(saved);
    }
    assertEquals("", captured.toString(StandardCharsets.UTF_8));
  }
}
