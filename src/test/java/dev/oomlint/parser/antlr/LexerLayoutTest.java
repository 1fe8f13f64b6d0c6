package dev.oomlint.parser.antlr;

import static dev.oomlint.parser.antlr.LexerSupport.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;

/** NEWLINE / INDENT / DEDENT, line joining, line endings and comments. */
class LexerLayoutTest {

  private static void assertTokens(String source, String... expected) {
    assertEquals(List.of(expected), tokens(source), () -> "tokens of " + source);
  }

  @Test
  void simpleStatementEndsWithNewline() {
    assertTokens("x = 1\n", "NAME:x", "EQUAL", "NUMBER:1", "NEWLINE", "EOF");
  }

  @Test
  void emptyAndBlankFilesHaveOnlyEof() {
    assertTokens("", "EOF");
    assertTokens("\n\n   \n\t\n", "EOF");
    assertTokens("# just a comment\n", "EOF");
  }

  @Test
  void missingFinalNewlineIsAdded() {
    assertTokens("x", "NAME:x", "NEWLINE", "EOF");
    assertTokens("x  # comment", "NAME:x", "NEWLINE", "EOF");
    assertTokens("if a:\n  b", "IF", "NAME:a", "COLON", "NEWLINE", "INDENT", "NAME:b", "NEWLINE",
        "DEDENT", "EOF");
  }

  @Test
  void indentAndDedentFollowTheStack() {
    assertTokens("if a:\n    if b:\n        c\n    d\ne\n",
        "IF", "NAME:a", "COLON", "NEWLINE",
        "INDENT", "IF", "NAME:b", "COLON", "NEWLINE",
        "INDENT", "NAME:c", "NEWLINE",
        "DEDENT", "NAME:d", "NEWLINE",
        "DEDENT", "NAME:e", "NEWLINE", "EOF");
  }

  @Test
  void severalDedentsAtOnceAndAtEof() {
    assertTokens("if a:\n if b:\n  if c:\n   d\ne\n",
        "IF", "NAME:a", "COLON", "NEWLINE", "INDENT", "IF", "NAME:b", "COLON", "NEWLINE", "INDENT",
        "IF", "NAME:c", "COLON", "NEWLINE", "INDENT", "NAME:d", "NEWLINE", "DEDENT", "DEDENT",
        "DEDENT", "NAME:e", "NEWLINE", "EOF");
    assertTokens("def f():\n    if a:\n        b\n",
        "DEF", "NAME:f", "LPAR", "RPAR", "COLON", "NEWLINE", "INDENT", "IF", "NAME:a", "COLON",
        "NEWLINE", "INDENT", "NAME:b", "NEWLINE", "DEDENT", "DEDENT", "EOF");
  }

  @Test
  void blankAndCommentLinesInsideBlocksAreIgnoredWhateverTheirIndentation() {
    assertTokens("if a:\n    b\n\n  # shallow comment\n          # deep comment\n   \n\t\n    c\n",
        "IF", "NAME:a", "COLON", "NEWLINE", "INDENT", "NAME:b", "NEWLINE", "NAME:c", "NEWLINE",
        "DEDENT", "EOF");
  }

  @Test
  void commentsComeOnTheCommentsChannelInOrder() {
    List<Token> all = new ArrayList<>();
    LexerSupport.lexAll("# head\nx = 1  # tail\n    # indented\n", all);
    List<String> comments = new ArrayList<>();
    for (Token t : all) {
      if (t.getChannel() == PythonLexer.COMMENTS) {
        assertEquals(PythonLexer.COMMENT, t.getType());
        comments.add(t.getText());
      }
    }
    assertEquals(List.of("# head", "# tail", "# indented"), comments);
  }

  @Test
  void bracketsJoinLinesWithoutNewlineOrIndent() {
    assertTokens("x = (1,\n        2,\n  3)\ny = [\n]\nz = {\n\n}\n",
        "NAME:x", "EQUAL", "LPAR", "NUMBER:1", "COMMA", "NUMBER:2", "COMMA", "NUMBER:3", "RPAR",
        "NEWLINE", "NAME:y", "EQUAL", "LSQB", "RSQB", "NEWLINE", "NAME:z", "EQUAL", "LBRACE",
        "RBRACE", "NEWLINE", "EOF");
  }

  @Test
  void commentsInsideBracketsDoNotEndTheLine() {
    assertTokens("f(a,  # first\n  b)  # last\n", "NAME:f", "LPAR", "NAME:a", "COMMA", "NAME:b",
        "RPAR", "NEWLINE", "EOF");
  }

  @Test
  void backslashContinuationJoinsLines() {
    assertTokens("x = 1 + \\\n    2\ny\n", "NAME:x", "EQUAL", "NUMBER:1", "PLUS", "NUMBER:2",
        "NEWLINE", "NAME:y", "NEWLINE", "EOF");
    assertTokens("if a and \\\n        b:\n    c\n", "IF", "NAME:a", "AND", "NAME:b", "COLON",
        "NEWLINE", "INDENT", "NAME:c", "NEWLINE", "DEDENT", "EOF");
  }

  @Test
  void indentationOfABackslashJoinedLineComesFromItsFirstPhysicalLine() {
    // CPython: `  \` fixes the indentation at 2 columns, whatever the next line has.
    assertTokens("if a:\n  \\\n    b\n", "IF", "NAME:a", "COLON", "NEWLINE", "INDENT", "NAME:b",
        "NEWLINE", "DEDENT", "EOF");
    assertTokens("if a:\n    b\n    \\\n        c\n", "IF", "NAME:a", "COLON", "NEWLINE", "INDENT",
        "NAME:b", "NEWLINE", "NAME:c", "NEWLINE", "DEDENT", "EOF");
  }

  @Test
  void crlfAndLoneCrLineEndings() {
    assertTokens("if a:\r\n    b\r\nc\r\n", "IF", "NAME:a", "COLON", "NEWLINE", "INDENT", "NAME:b",
        "NEWLINE", "DEDENT", "NAME:c", "NEWLINE", "EOF");
    assertTokens("if a:\r    b\rc\r", "IF", "NAME:a", "COLON", "NEWLINE", "INDENT", "NAME:b",
        "NEWLINE", "DEDENT", "NAME:c", "NEWLINE", "EOF");
    assertTokens("x = (1,\r\n 2) \\\r\n + 3 # c\r\n", "NAME:x", "EQUAL", "LPAR", "NUMBER:1",
        "COMMA", "NUMBER:2", "RPAR", "PLUS", "NUMBER:3", "NEWLINE", "EOF");
    assertTokens("s = 'a\\\r\nb'\r\n", "NAME:s", "EQUAL", "STRING:'a\\\r\nb'", "NEWLINE", "EOF");
  }

  @Test
  void consistentTabIndentation() {
    assertTokens("if a:\n\tb\n\tif c:\n\t\td\n", "IF", "NAME:a", "COLON", "NEWLINE", "INDENT",
        "NAME:b", "NEWLINE", "IF", "NAME:c", "COLON", "NEWLINE", "INDENT", "NAME:d", "NEWLINE",
        "DEDENT", "DEDENT", "EOF");
    // "  \t" is column 8 (alternate column 3) on both lines: consistent.
    assertTokens("if a:\n  \tb\n  \tc\n", "IF", "NAME:a", "COLON", "NEWLINE", "INDENT", "NAME:b",
        "NEWLINE", "NAME:c", "NEWLINE", "DEDENT", "EOF");
  }

  @Test
  void formFeedResetsTheColumn() {
    assertTokens("if a:\n    b\n\f    c\n", "IF", "NAME:a", "COLON", "NEWLINE", "INDENT", "NAME:b",
        "NEWLINE", "NAME:c", "NEWLINE", "DEDENT", "EOF");
    assertTokens("if a:\n    b\n    \fc\n", "IF", "NAME:a", "COLON", "NEWLINE", "INDENT", "NAME:b",
        "NEWLINE", "DEDENT", "NAME:c", "NEWLINE", "EOF");
    assertTokens("\f\nx = 1\f+ 2\n", "NAME:x", "EQUAL", "NUMBER:1", "PLUS", "NUMBER:2", "NEWLINE",
        "EOF");
  }

  @Test
  void unexpectedIndentIsLeftToTheParser() {
    assertTokens("  x\n", "INDENT", "NAME:x", "NEWLINE", "DEDENT", "EOF");
  }

  @Test
  void semicolonsStayOnOneLogicalLine() {
    assertTokens("a; b;\n", "NAME:a", "SEMI", "NAME:b", "SEMI", "NEWLINE", "EOF");
  }

  @Test
  void syntheticTokensHavePositions() {
    List<Token> all = new ArrayList<>();
    LexerSupport.lexAll("if a:\n    b\nc", all);
    Token indent = all.get(4);
    assertEquals(PythonLexer.INDENT, indent.getType());
    assertEquals(10, indent.getStartIndex());
    assertEquals(2, indent.getLine());
    assertEquals(4, indent.getCharPositionInLine());
    Token dedent = all.get(7);
    assertEquals(PythonLexer.DEDENT, dedent.getType());
    assertEquals(12, dedent.getStartIndex());
    Token lastNewline = all.get(9);
    assertEquals(PythonLexer.NEWLINE, lastNewline.getType());
    assertEquals(13, lastNewline.getStartIndex());
    assertEquals("", lastNewline.getText());
    assertEquals(Token.EOF, all.get(10).getType());
  }

  @Test
  void tenThousandNestedParenthesesFailFast() {
    String deep = "(".repeat(10_000) + ")".repeat(10_000) + "\n";
    assertEquals("too many nested parentheses", LexerSupport.error(deep).message());
    assertEquals(200, LexerSupport.error(deep).offset());
    String ok = "(".repeat(200) + ")".repeat(200) + "\n";
    assertEquals(null, LexerSupport.errorOrNull(ok));
  }
}
