package dev.oomlint.parser.antlr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;

/**
 * Names with non-ASCII characters. The grammar lets every non-ASCII character into a NAME and the lexer
 * base cuts it where PEP 3131's XID_Start / XID_Continue end it; the tokens and errors must be those of
 * the exact rule, on both of the lexer's paths (its own char-array stream and ANTLR's code-point stream).
 */
class LexerNonAsciiNameTest {

  /** Every token as type:text@start..stop line:col, then the error, on one stream. */
  private static String lex(String text, boolean fast) {
    CharStream in = fast ? TextCharStream.of(text) : CharStreams.fromString(text);
    assertNotNull(in, "TextCharStream.of refused the text");
    PythonLexer lexer = new PythonLexer(in);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      Token t = lexer.nextToken();
      String name = t.getType() == Token.EOF ? "EOF" : PythonLexer.VOCABULARY.getSymbolicName(t.getType());
      out.add(name + ":" + t.getText() + "@" + t.getStartIndex() + ".." + t.getStopIndex() + " " + t.getLine()
          + ":" + t.getCharPositionInLine());
      if (t.getType() == Token.EOF) {
        break;
      }
    }
    LexError e = lexer.lexError();
    out.add(e == null ? "no error" : e.message() + " at " + e.offset());
    return String.join("\n", out);
  }

  /** Both paths agree; returns what they say. */
  private static String lex(String text) {
    String slow = lex(text, false);
    if (TextCharStream.of(text) != null) {
      assertEquals(slow, lex(text, true), () -> "the two lexer paths differ on " + text);
    }
    return slow;
  }

  private static List<String> names(String text) {
    List<String> out = new ArrayList<>();
    for (String line : lex(text).split("\n")) {
      if (line.startsWith("NAME:") || line.startsWith("IF:") || line.startsWith("MATCH:")) {
        out.add(line.substring(0, line.indexOf('@')));
      }
    }
    return out;
  }

  private static String error(String text) {
    String[] lines = lex(text).split("\n");
    return lines[lines.length - 1];
  }

  @Test
  void identifierCharactersStayInOneName() {
    assertEquals(List.of("NAME:été", "NAME:x·y", "NAME:中文", "NAME:a\u0300b"), names("été = x·y + 中文 - a\u0300b\n"));
    assertEquals(List.of("NAME:𝑥", "NAME:ª_٠"), names("𝑥 = ª_٠\n"));
    assertEquals("no error", error("été = x·y + 中文\n"));
  }

  @Test
  void aNameEndsBeforeTheFirstCharacterThatCannotContinueIt() {
    assertEquals("invalid character '∑' (U+2211) at 2", error("ab∑c = 1\n"));
    assertEquals("invalid character '€' (U+20AC) at 6", error("x = ab€\n"));
    assertEquals("invalid non-printable character U+00A0 at 5", error("a = b\u00a0\n"));
    // ZERO WIDTH SPACE is a format character: CPython calls it non-printable
    assertEquals("invalid non-printable character U+200B at 5", error("a = b\u200bc\n"));
  }

  @Test
  void aCutNameThatSpellsAKeywordIsThatKeyword() {
    String out = lex("if∑ x: pass\n");
    assertEquals("IF:if@0..1 1:0", out.split("\n")[0]);
    assertEquals("invalid character '∑' (U+2211) at 2", error("if∑ x: pass\n"));
    assertEquals("MATCH:match@0..4 1:0", lex("match€\n").split("\n")[0]);
  }

  @Test
  void aCharacterThatCannotStartANameIsReportedWhereItStands() {
    assertEquals("invalid character '∑' (U+2211) at 0", error("∑ = 1\n"));
    assertEquals("invalid character '😀' (U+1F600) at 4", error("x = 😀\n"));
    // a combining mark continues a name but cannot start one
    assertEquals("invalid character '\u0300' (U+0300) at 4", error("x = \u0300a\n"));
    assertEquals("invalid character '·' (U+00B7) at 0", error("·\n"));
  }

  @Test
  void columnsAndLinesAfterACutNameStayRight() {
    String out = lex("x = 1\n  ab∑ = 2\n");
    assertEquals(true, out.contains("NAME:ab@8..9 2:2"), out);
    assertEquals("invalid character '∑' (U+2211) at 10", error("x = 1\n  ab∑ = 2\n"));
  }

  @Test
  void supplementaryCharactersCountOneCodePointEach() {
    // '𝔘' takes two UTF-16 units: the error offset is in units, token indices in code points
    String out = lex("𝔘𝔘 = a∑\n");
    assertEquals(true, out.contains("NAME:𝔘𝔘@0..1 1:0"), out);
    assertEquals(true, out.contains("NAME:a@5..5 1:5"), out);
    assertEquals("invalid character '∑' (U+2211) at 8", error("𝔘𝔘 = a∑\n"));
  }

  @Test
  void namesInsideFStringFieldsAreCheckedToo() {
    assertEquals("no error", error("f'{été}'\n"));
    assertEquals("invalid character '∑' (U+2211) at 5", error("f'{ab∑}'\n"));
  }

  @Test
  void aTextWithALoneSurrogateTakesANTLRsStreamAndTheSameRules() {
    assertNull(TextCharStream.of("'\udc00'\nab∑ = 1\n"));
    assertEquals("invalid character '∑' (U+2211) at 6", error("'\udc00'\nab∑ = 1\n"));
    assertEquals("no error", error("'\udc00'\nabé = 1\n"));
  }
}
