package dev.oomlint.parser.antlr;

import static dev.oomlint.parser.antlr.LexerSupport.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** PEP 701 f-strings: FSTRING_START / FSTRING_MIDDLE / FSTRING_END and the fields between. */
class LexerFStringTest {

  /** The tokens of one line, without the final NEWLINE and EOF. */
  private static void assertLine(String line, String... expected) {
    List<String> all = tokens(line + "\n");
    assertEquals(List.of(expected), all.subList(0, all.size() - 2), () -> "tokens of " + line);
  }

  @Test
  void plainFString() {
    assertLine("f'abc'", "FSTRING_START:f'", "FSTRING_MIDDLE:abc", "FSTRING_END:'");
    assertLine("f''", "FSTRING_START:f'", "FSTRING_END:'");
  }

  @Test
  void everyPrefixAndQuote() {
    assertLine("F\"a\" rf'b' fR'c' Rf\"d\" FR'e'", "FSTRING_START:F\"", "FSTRING_MIDDLE:a",
        "FSTRING_END:\"", "FSTRING_START:rf'", "FSTRING_MIDDLE:b", "FSTRING_END:'",
        "FSTRING_START:fR'", "FSTRING_MIDDLE:c", "FSTRING_END:'", "FSTRING_START:Rf\"",
        "FSTRING_MIDDLE:d", "FSTRING_END:\"", "FSTRING_START:FR'", "FSTRING_MIDDLE:e",
        "FSTRING_END:'");
    assertLine("f'''a''' F\"\"\"b\"\"\" rf'''''' ", "FSTRING_START:f'''", "FSTRING_MIDDLE:a",
        "FSTRING_END:'''", "FSTRING_START:F\"\"\"", "FSTRING_MIDDLE:b", "FSTRING_END:\"\"\"",
        "FSTRING_START:rf'''", "FSTRING_END:'''");
  }

  @Test
  void replacementFieldsWithExpressions() {
    assertLine("f'a{x}b{y + 1}c'", "FSTRING_START:f'", "FSTRING_MIDDLE:a", "LBRACE", "NAME:x",
        "RBRACE", "FSTRING_MIDDLE:b", "LBRACE", "NAME:y", "PLUS", "NUMBER:1", "RBRACE",
        "FSTRING_MIDDLE:c", "FSTRING_END:'");
  }

  @Test
  void doubledBracesAreLiteralTextKeptAsWritten() {
    assertLine("f'{{a}} {{{x}}}'", "FSTRING_START:f'", "FSTRING_MIDDLE:{{a}} {{", "LBRACE",
        "NAME:x", "RBRACE", "FSTRING_MIDDLE:}}", "FSTRING_END:'");
  }

  @Test
  void conversionsAndDebugSpecifier() {
    assertLine("f'{x!r}{y!s}{z!a}'", "FSTRING_START:f'", "LBRACE", "NAME:x", "EXCLAMATION",
        "NAME:r", "RBRACE", "LBRACE", "NAME:y", "EXCLAMATION", "NAME:s", "RBRACE", "LBRACE",
        "NAME:z", "EXCLAMATION", "NAME:a", "RBRACE", "FSTRING_END:'");
    assertLine("f'{x=}{ y = !r:>10}'", "FSTRING_START:f'", "LBRACE", "NAME:x", "EQUAL", "RBRACE",
        "LBRACE", "NAME:y", "EQUAL", "EXCLAMATION", "NAME:r", "COLON", "FSTRING_MIDDLE:>10",
        "RBRACE", "FSTRING_END:'");
  }

  @Test
  void notEqualInsideAFieldIsAnOperator() {
    assertLine("f'{a!=b}'", "FSTRING_START:f'", "LBRACE", "NAME:a", "NOTEQUAL", "NAME:b",
        "RBRACE", "FSTRING_END:'");
  }

  @Test
  void formatSpecWithNestedFields() {
    assertLine("f'{x:>{width}.{prec}f}'", "FSTRING_START:f'", "LBRACE", "NAME:x", "COLON",
        "FSTRING_MIDDLE:>", "LBRACE", "NAME:width", "RBRACE", "FSTRING_MIDDLE:.", "LBRACE",
        "NAME:prec", "RBRACE", "FSTRING_MIDDLE:f", "RBRACE", "FSTRING_END:'");
    assertLine("f'{x:{y:{z}}}'", "FSTRING_START:f'", "LBRACE", "NAME:x", "COLON", "LBRACE",
        "NAME:y", "COLON", "LBRACE", "NAME:z", "RBRACE", "RBRACE", "RBRACE", "FSTRING_END:'");
    assertLine("f'{x:}'", "FSTRING_START:f'", "LBRACE", "NAME:x", "COLON", "RBRACE",
        "FSTRING_END:'");
  }

  @Test
  void colonsInAFormatSpecAreText() {
    assertLine("f'{t:%H:%M}'", "FSTRING_START:f'", "LBRACE", "NAME:t", "COLON",
        "FSTRING_MIDDLE:%H:%M", "RBRACE", "FSTRING_END:'");
    assertLine("f'{x:!r}'", "FSTRING_START:f'", "LBRACE", "NAME:x", "COLON", "FSTRING_MIDDLE:!r",
        "RBRACE", "FSTRING_END:'");
  }

  @Test
  void colonInsideBracketsOfAFieldIsNotAFormatSpec() {
    assertLine("f'{a[1:2]}'", "FSTRING_START:f'", "LBRACE", "NAME:a", "LSQB", "NUMBER:1", "COLON",
        "NUMBER:2", "RSQB", "RBRACE", "FSTRING_END:'");
    assertLine("f'{ {1: 2}[1] }'", "FSTRING_START:f'", "LBRACE", "LBRACE", "NUMBER:1", "COLON",
        "NUMBER:2", "RBRACE", "LSQB", "NUMBER:1", "RSQB", "RBRACE", "FSTRING_END:'");
    assertLine("f'{(lambda x: x)(1)}'", "FSTRING_START:f'", "LBRACE", "LPAR", "LAMBDA", "NAME:x",
        "COLON", "NAME:x", "RPAR", "LPAR", "NUMBER:1", "RPAR", "RBRACE", "FSTRING_END:'");
    assertLine("f'{(y:=1)}'", "FSTRING_START:f'", "LBRACE", "LPAR", "NAME:y", "COLONEQUAL",
        "NUMBER:1", "RPAR", "RBRACE", "FSTRING_END:'");
  }

  @Test
  void walrusAtTheTopOfAFieldIsAFormatSpec() {
    // CPython: f'{x:=5}' formats x with the spec "=5".
    assertLine("f'{x:=5}'", "FSTRING_START:f'", "LBRACE", "NAME:x", "COLON", "FSTRING_MIDDLE:=5",
        "RBRACE", "FSTRING_END:'");
  }

  @Test
  void unparenthesizedLambdaColonStartsTheFormatSpecLikeCPython() {
    // CPython 3.12 rejects this in the parser ("lambda expressions are not allowed without
    // parentheses"); the lexer sees the ':' as the start of a format spec.
    assertLine("f'{lambda x:1}'", "FSTRING_START:f'", "LBRACE", "LAMBDA", "NAME:x", "COLON",
        "FSTRING_MIDDLE:1", "RBRACE", "FSTRING_END:'");
  }

  @Test
  void sameQuotesNestInsideFields() {
    assertLine("f'{'a'}'", "FSTRING_START:f'", "LBRACE", "STRING:'a'", "RBRACE", "FSTRING_END:'");
    assertLine("f\"{d[\"key\"]}\"", "FSTRING_START:f\"", "LBRACE", "NAME:d", "LSQB",
        "STRING:\"key\"", "RSQB", "RBRACE", "FSTRING_END:\"");
    assertLine("f'{f'{f'{x}'}'}'", "FSTRING_START:f'", "LBRACE", "FSTRING_START:f'", "LBRACE",
        "FSTRING_START:f'", "LBRACE", "NAME:x", "RBRACE", "FSTRING_END:'", "RBRACE",
        "FSTRING_END:'", "RBRACE", "FSTRING_END:'");
    assertLine("f'{x:{'>'}10}'", "FSTRING_START:f'", "LBRACE", "NAME:x", "COLON", "LBRACE",
        "STRING:'>'", "RBRACE", "FSTRING_MIDDLE:10", "RBRACE", "FSTRING_END:'");
  }

  @Test
  void otherQuotesInsideLiteralText() {
    assertLine("f\"it's {x}\"", "FSTRING_START:f\"", "FSTRING_MIDDLE:it's ", "LBRACE", "NAME:x",
        "RBRACE", "FSTRING_END:\"");
    assertLine("f'''a'b''{x}\"'''", "FSTRING_START:f'''", "FSTRING_MIDDLE:a'b''", "LBRACE",
        "NAME:x", "RBRACE", "FSTRING_MIDDLE:\"", "FSTRING_END:'''");
  }

  @Test
  void escapesInLiteralText() {
    assertLine("f'a\\'b\\n{x}'", "FSTRING_START:f'", "FSTRING_MIDDLE:a\\'b\\n", "LBRACE",
        "NAME:x", "RBRACE", "FSTRING_END:'");
    assertLine("f'\\N{BULLET} {x}'", "FSTRING_START:f'", "FSTRING_MIDDLE:\\N{BULLET} ", "LBRACE",
        "NAME:x", "RBRACE", "FSTRING_END:'");
    // In a raw f-string \N is just two characters and the brace opens a field.
    assertLine("rf'\\N{x}'", "FSTRING_START:rf'", "FSTRING_MIDDLE:\\N", "LBRACE", "NAME:x",
        "RBRACE", "FSTRING_END:'");
    // A backslash before a brace stays text; the brace keeps its meaning (CPython 3.12).
    assertLine("f'\\{x}'", "FSTRING_START:f'", "FSTRING_MIDDLE:\\", "LBRACE", "NAME:x", "RBRACE",
        "FSTRING_END:'");
    assertLine("rf'\\d+{x}\\\\'", "FSTRING_START:rf'", "FSTRING_MIDDLE:\\d+", "LBRACE",
        "NAME:x", "RBRACE", "FSTRING_MIDDLE:\\\\", "FSTRING_END:'");
    // In a raw f-string, too, a backslash keeps the next quote from ending it.
    assertLine("rf'a\\'b'", "FSTRING_START:rf'", "FSTRING_MIDDLE:a\\'b", "FSTRING_END:'");
  }

  @Test
  void backslashesAndCommentsInsideFields() {
    assertLine("f'{\"\\n\".join(x)}'", "FSTRING_START:f'", "LBRACE", "STRING:\"\\n\"", "DOT",
        "NAME:join", "LPAR", "NAME:x", "RPAR", "RBRACE", "FSTRING_END:'");
    assertEquals(
        List.of("NAME:s", "EQUAL", "FSTRING_START:f'''", "FSTRING_MIDDLE:a", "LBRACE", "NAME:x",
            "PLUS", "NAME:y", "RBRACE", "FSTRING_MIDDLE:\nb", "FSTRING_END:'''", "NEWLINE", "EOF"),
        tokens("s = f'''a{\n  x  # the x\n  + y\n}\nb'''\n"));
  }

  @Test
  void fieldsSpanLinesInTripleQuotedFStrings() {
    assertEquals(
        List.of("IF", "NAME:a", "COLON", "NEWLINE", "INDENT", "NAME:s", "EQUAL",
            "FSTRING_START:f\"\"\"", "FSTRING_MIDDLE:\n  x: ", "LBRACE", "NAME:f", "LPAR",
            "NAME:a", "COMMA", "NAME:b", "RPAR", "COLON", "FSTRING_MIDDLE:>10\n", "RBRACE",
            "FSTRING_MIDDLE:\n", "FSTRING_END:\"\"\"", "NEWLINE", "NAME:t", "NEWLINE", "DEDENT",
            "EOF"),
        tokens("if a:\n    s = f\"\"\"\n  x: {f(a,\nb):>10\n}\n\"\"\"\n    t\n"));
  }

  @Test
  void fieldsMaySpanLinesInSingleQuotedFStringsSince312() {
    assertLine("f'{x\n}'", "FSTRING_START:f'", "LBRACE", "NAME:x", "RBRACE", "FSTRING_END:'");
    // A line break ends the format spec of a single-quoted f-string (CPython 3.12 / 3.13).
    assertLine("f'{x:\n}'", "FSTRING_START:f'", "LBRACE", "NAME:x", "COLON", "RBRACE",
        "FSTRING_END:'");
  }

  @Test
  void fStringsAndStringsConcatenate() {
    assertLine("f'{x}' 'y' F\"{z}\"", "FSTRING_START:f'", "LBRACE", "NAME:x", "RBRACE",
        "FSTRING_END:'", "STRING:'y'", "FSTRING_START:F\"", "LBRACE", "NAME:z", "RBRACE",
        "FSTRING_END:\"");
  }

  @Test
  void codeAfterAnFStringIsLexedNormally() {
    assertEquals(List.of("NAME:print", "LPAR", "FSTRING_START:f'", "LBRACE", "NAME:a", "COLON",
        "FSTRING_MIDDLE:.2f", "RBRACE", "FSTRING_END:'", "COMMA", "NAME:b", "RPAR", "NEWLINE",
        "NAME:c", "EQUAL", "LBRACE", "NUMBER:1", "COLON", "NUMBER:2", "RBRACE", "NEWLINE", "EOF"),
        tokens("print(f'{a:.2f}', b)\nc = {1: 2}\n"));
  }
}
