package dev.oomlint.parser.antlr;

import static dev.oomlint.parser.antlr.LexerSupport.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Names, keywords, soft keywords, operators, strings and numbers. */
class LexerLiteralTest {

  private static void assertTokens(String source, String... expected) {
    assertEquals(List.of(expected), tokens(source), () -> "tokens of " + source);
  }

  /** The tokens of one line, without the final NEWLINE and EOF. */
  private static void assertLine(String line, String... expected) {
    List<String> all = tokens(line + "\n");
    assertEquals(List.of(expected), all.subList(0, all.size() - 2), () -> "tokens of " + line);
  }

  @Test
  void hardKeywords() {
    assertLine("False None True and as assert async await break class continue def del elif else",
        "FALSE", "NONE", "TRUE", "AND", "AS", "ASSERT", "ASYNC", "AWAIT", "BREAK", "CLASS",
        "CONTINUE", "DEF", "DEL", "ELIF", "ELSE");
    assertLine("except finally for from global if import in is lambda nonlocal not or pass raise",
        "EXCEPT", "FINALLY", "FOR", "FROM", "GLOBAL", "IF", "IMPORT", "IN", "IS", "LAMBDA",
        "NONLOCAL", "NOT", "OR", "PASS", "RAISE");
    assertLine("return try while with yield", "RETURN", "TRY", "WHILE", "WITH", "YIELD");
  }

  @Test
  void softKeywordsHaveTheirOwnTokens() {
    assertLine("match case type _", "MATCH", "CASE", "TYPE", "UNDERSCORE");
  }

  @Test
  void wordsThatStartLikeKeywordsAreNames() {
    assertLine("iff _x __init__ matches typed None_ Truex elsewhere async_ x_",
        "NAME:iff", "NAME:_x", "NAME:__init__", "NAME:matches", "NAME:typed", "NAME:None_",
        "NAME:Truex", "NAME:elsewhere", "NAME:async_", "NAME:x_");
  }

  @Test
  void nonAsciiIdentifiers() {
    assertLine("café = π * naïve", "NAME:café", "EQUAL", "NAME:π", "STAR", "NAME:naïve");
    assertLine("变量 = データ", "NAME:变量", "EQUAL", "NAME:データ");
    assertLine("Ωmega ℘ x٣", "NAME:Ωmega", "NAME:℘", "NAME:x٣");
    // Outside the Basic Multilingual Plane (a surrogate pair in Java strings).
    assertLine("𝔘𝔫𝔦 = 1", "NAME:𝔘𝔫𝔦", "EQUAL", "NUMBER:1");
  }

  @Test
  void everyOperatorAndDelimiter() {
    assertLine("( ) [ ] { } : , ; + - * / | & < > = . % == != <= >= ~ ^ << >> **",
        "LPAR", "RPAR", "LSQB", "RSQB", "LBRACE", "RBRACE", "COLON", "COMMA", "SEMI", "PLUS",
        "MINUS", "STAR", "SLASH", "VBAR", "AMPER", "LESS", "GREATER", "EQUAL", "DOT", "PERCENT",
        "EQEQUAL", "NOTEQUAL", "LESSEQUAL", "GREATEREQUAL", "TILDE", "CIRCUMFLEX", "LEFTSHIFT",
        "RIGHTSHIFT", "DOUBLESTAR");
    assertLine("+= -= *= /= %= &= |= ^= <<= >>= **= // //= @ @= -> ... := !",
        "PLUSEQUAL", "MINEQUAL", "STAREQUAL", "SLASHEQUAL", "PERCENTEQUAL", "AMPEREQUAL",
        "VBAREQUAL", "CIRCUMFLEXEQUAL", "LEFTSHIFTEQUAL", "RIGHTSHIFTEQUAL", "DOUBLESTAREQUAL",
        "DOUBLESLASH", "DOUBLESLASHEQUAL", "AT", "ATEQUAL", "RARROW", "ELLIPSIS", "COLONEQUAL",
        "EXCLAMATION");
  }

  @Test
  void longestOperatorWinsWithoutSpaces() {
    assertLine("a**=b//c<<=d->e", "NAME:a", "DOUBLESTAREQUAL", "NAME:b", "DOUBLESLASH", "NAME:c",
        "LEFTSHIFTEQUAL", "NAME:d", "RARROW", "NAME:e");
    assertLine("x[...]..", "NAME:x", "LSQB", "ELLIPSIS", "RSQB", "DOT", "DOT");
    assertLine("a<>b", "NAME:a", "LESS", "GREATER", "NAME:b");
  }

  @Test
  void stringQuotesAndTripleQuotes() {
    assertLine("'a' \"b\" '' \"\"", "STRING:'a'", "STRING:\"b\"", "STRING:''", "STRING:\"\"");
    assertLine("'''a ' '' \" b''' \"\"\"x \"\" y\"\"\"", "STRING:'''a ' '' \" b'''",
        "STRING:\"\"\"x \"\" y\"\"\"");
    assertLine("'''''' \"\"\"\"\"\"", "STRING:''''''", "STRING:\"\"\"\"\"\"");
  }

  @Test
  void tripleQuotedStringsSpanLinesWithoutNewlineTokens() {
    assertTokens("x = '''one\n  two\n\nthree'''\ny\n", "NAME:x", "EQUAL",
        "STRING:'''one\n  two\n\nthree'''", "NEWLINE", "NAME:y", "NEWLINE", "EOF");
    assertTokens("def f():\n    \"\"\"Doc.\n\nMore.\n    \"\"\"\n    return 1\n", "DEF", "NAME:f",
        "LPAR", "RPAR", "COLON", "NEWLINE", "INDENT", "STRING:\"\"\"Doc.\n\nMore.\n    \"\"\"",
        "NEWLINE", "RETURN", "NUMBER:1", "NEWLINE", "DEDENT", "EOF");
  }

  @Test
  void everyStringPrefixInAnyCase() {
    assertLine("r'a' R'a' u'a' U'a' b'a' B'a'", "STRING:r'a'", "STRING:R'a'", "STRING:u'a'",
        "STRING:U'a'", "STRING:b'a'", "STRING:B'a'");
    assertLine("br'a' bR'a' Br'a' BR'a' rb'a' rB'a' Rb'a' RB'a'", "STRING:br'a'", "STRING:bR'a'",
        "STRING:Br'a'", "STRING:BR'a'", "STRING:rb'a'", "STRING:rB'a'", "STRING:Rb'a'",
        "STRING:RB'a'");
    assertLine("rb'''a''' Br\"\"\"b\"\"\"", "STRING:rb'''a'''", "STRING:Br\"\"\"b\"\"\"");
  }

  @Test
  void invalidPrefixesAreANameFollowedByAString() {
    assertLine("ur'a'", "NAME:ur", "STRING:'a'");
    assertLine("bu'a'", "NAME:bu", "STRING:'a'");
    assertLine("rr'a'", "NAME:rr", "STRING:'a'");
  }

  @Test
  void implicitConcatenationIsSeveralTokens() {
    assertLine("'a' \"b\" r'c'", "STRING:'a'", "STRING:\"b\"", "STRING:r'c'");
  }

  @Test
  void escapesDoNotEndTheString() {
    assertLine("'it\\'s' \"say \\\"hi\\\"\" '\\\\' '\\n\\t\\x41\\u1234\\N{BULLET}'",
        "STRING:'it\\'s'", "STRING:\"say \\\"hi\\\"\"", "STRING:'\\\\'",
        "STRING:'\\n\\t\\x41\\u1234\\N{BULLET}'");
    assertLine("r'\\'' r'\\\\'", "STRING:r'\\''", "STRING:r'\\\\'");
    assertLine("'''a\\''''", "STRING:'''a\\''''");
  }

  @Test
  void backslashNewlineContinuesAShortString() {
    assertTokens("s = 'a\\\nb'\n", "NAME:s", "EQUAL", "STRING:'a\\\nb'", "NEWLINE", "EOF");
  }

  @Test
  void stringsKeepBracketsAndCommentCharacters() {
    assertLine("'(# not a comment' + ')'", "STRING:'(# not a comment'", "PLUS", "STRING:')'");
  }

  @Test
  void decimalIntegers() {
    assertLine("0 7 00 0_0 1_000_000 123", "NUMBER:0", "NUMBER:7", "NUMBER:00", "NUMBER:0_0",
        "NUMBER:1_000_000", "NUMBER:123");
  }

  @Test
  void otherBases() {
    assertLine("0x1F 0XdeadBEEF 0x_ff 0o17 0O7_7 0b1010 0B_1", "NUMBER:0x1F",
        "NUMBER:0XdeadBEEF", "NUMBER:0x_ff", "NUMBER:0o17", "NUMBER:0O7_7", "NUMBER:0b1010",
        "NUMBER:0B_1");
  }

  @Test
  void floats() {
    assertLine("1.5 1. .5 1e10 1E-5 1.5e+3 1_0.0_1 0777.5 0777e1 00.0", "NUMBER:1.5", "NUMBER:1.",
        "NUMBER:.5", "NUMBER:1e10", "NUMBER:1E-5", "NUMBER:1.5e+3", "NUMBER:1_0.0_1",
        "NUMBER:0777.5", "NUMBER:0777e1", "NUMBER:00.0");
  }

  @Test
  void imaginaryNumbersIncludeTheSuffix() {
    assertLine("1j 1.5J .5j 1e3j 0777j 1_0j", "NUMBER:1j", "NUMBER:1.5J", "NUMBER:.5j",
        "NUMBER:1e3j", "NUMBER:0777j", "NUMBER:1_0j");
  }

  @Test
  void numbersNextToOtherTokens() {
    assertLine("x[1:2]+3.0-.5", "NAME:x", "LSQB", "NUMBER:1", "COLON", "NUMBER:2", "RSQB", "PLUS",
        "NUMBER:3.0", "MINUS", "NUMBER:.5");
    assertLine("1 .real", "NUMBER:1", "DOT", "NAME:real");
    assertLine("1..real", "NUMBER:1.", "DOT", "NAME:real");
  }

  @Test
  void keywordRightAfterANumberIsAcceptedLikeCPython() {
    // CPython only warns for these (verify_end_of_number); the parser decides.
    assertLine("1if x else 2", "NUMBER:1", "IF", "NAME:x", "ELSE", "NUMBER:2");
    assertLine("[0x1for x in y]", "LSQB", "NUMBER:0x1f", "OR", "NAME:x", "IN", "NAME:y", "RSQB");
    assertLine("1or 2", "NUMBER:1", "OR", "NUMBER:2");
    assertLine("1and 2", "NUMBER:1", "AND", "NUMBER:2");
    assertLine("1in x", "NUMBER:1", "IN", "NAME:x");
    assertLine("1is x", "NUMBER:1", "IS", "NAME:x");
    assertLine("1not in x", "NUMBER:1", "NOT", "IN", "NAME:x");
    assertLine("1else", "NUMBER:1", "ELSE");
  }
}
