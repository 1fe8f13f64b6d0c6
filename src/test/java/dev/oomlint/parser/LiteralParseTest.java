package dev.oomlint.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Literals: numbers, strings and bytes with every prefix, escapes, implicit concatenation, f-strings. */
class LiteralParseTest {
  private static void assertTree(String src, String expected) {
    assertEquals(expected, P.tree(P.module(src), src), src);
  }

  @Test
  void numbers() {
    assertTree("0",
        "Module[ExprStmt\"0\"(Constant\"0\"(0))]");
    assertTree("00",
        "Module[ExprStmt\"00\"(Constant\"00\"(0))]");
    assertTree("1_000",
        "Module[ExprStmt\"1_000\"(Constant\"1_000\"(1000))]");
    assertTree("0x_Ff",
        "Module[ExprStmt\"0x_Ff\"(Constant\"0x_Ff\"(255))]");
    assertTree("0o17",
        "Module[ExprStmt\"0o17\"(Constant\"0o17\"(15))]");
    assertTree("0B101",
        "Module[ExprStmt\"0B101\"(Constant\"0B101\"(5))]");
    assertTree("123456789012345678901234567890",
        "Module[ExprStmt\"123456789012345678901234567890\"(Constant\"123456789012345678901234567890\"(123456789012345678901234567890))]");
    assertTree("1.5",
        "Module[ExprStmt\"1.5\"(Constant\"1.5\"(1.5))]");
    assertTree("1.",
        "Module[ExprStmt\"1.\"(Constant\"1.\"(1.0))]");
    assertTree(".5",
        "Module[ExprStmt\".5\"(Constant\".5\"(0.5))]");
    assertTree("1e10",
        "Module[ExprStmt\"1e10\"(Constant\"1e10\"(1.0E10))]");
    assertTree("1_0.5E-3",
        "Module[ExprStmt\"1_0.5E-3\"(Constant\"1_0.5E-3\"(0.0105))]");
    assertTree("1j",
        "Module[ExprStmt\"1j\"(Constant\"1j\"(1.0j))]");
    assertTree("1.5J",
        "Module[ExprStmt\"1.5J\"(Constant\"1.5J\"(1.5j))]");
    assertTree("0j",
        "Module[ExprStmt\"0j\"(Constant\"0j\"(0.0j))]");
    assertTree("1e5j",
        "Module[ExprStmt\"1e5j\"(Constant\"1e5j\"(100000.0j))]");
  }

  @Test
  void stringPrefixesAndQuotes() {
    assertTree("'a'",
        "Module[ExprStmt\"'a'\"(Constant\"'a'\"('a'))]");
    assertTree("\"a\"",
        "Module[ExprStmt\"\"a\"\"(Constant\"\"a\"\"('a'))]");
    assertTree("'''a\nb'''",
        "Module[ExprStmt\"'''a\\nb'''\"(Constant\"'''a\\nb'''\"('a\\nb'))]");
    assertTree("\"\"\"a\"\"\"",
        "Module[ExprStmt\"\"\"\"a\"\"\"\"(Constant\"\"\"\"a\"\"\"\"('a'))]");
    assertTree("r'\\n'",
        "Module[ExprStmt\"r'\\n'\"(Constant\"r'\\n'\"('\\\\n'))]");
    assertTree("R'\\n'",
        "Module[ExprStmt\"R'\\n'\"(Constant\"R'\\n'\"('\\\\n'))]");
    assertTree("u'x'",
        "Module[ExprStmt\"u'x'\"(Constant\"u'x'\"('x' u))]");
    assertTree("U'x'",
        "Module[ExprStmt\"U'x'\"(Constant\"U'x'\"('x'))]");
    assertTree("b'x'",
        "Module[ExprStmt\"b'x'\"(Constant\"b'x'\"(b'x'))]");
    assertTree("B'x'",
        "Module[ExprStmt\"B'x'\"(Constant\"B'x'\"(b'x'))]");
    assertTree("rb'\\x00'",
        "Module[ExprStmt\"rb'\\x00'\"(Constant\"rb'\\x00'\"(b'\\\\x00'))]");
    assertTree("bR'\\n'",
        "Module[ExprStmt\"bR'\\n'\"(Constant\"bR'\\n'\"(b'\\\\n'))]");
    assertTree("Rb'x'",
        "Module[ExprStmt\"Rb'x'\"(Constant\"Rb'x'\"(b'x'))]");
    assertTree("BR'x'",
        "Module[ExprStmt\"BR'x'\"(Constant\"BR'x'\"(b'x'))]");
  }

  @Test
  void escapes() {
    assertTree("'\\n\\t\\\\\\'\\\"\\a\\b\\f\\v\\r'",
        "Module[ExprStmt\"'\\n\\t\\\\\\'\\\"\\a\\b\\f\\v\\r'\"(Constant\"'\\n\\t\\\\\\'\\\"\\a\\b\\f\\v\\r'\"('\\n\\x09\\\\'\"\\x07\\x08\\x0c\\x0b\\x0d'))]");
    assertTree("'\\x41\\101\\0'",
        "Module[ExprStmt\"'\\x41\\101\\0'\"(Constant\"'\\x41\\101\\0'\"('AA\\x00'))]");
    assertTree("'\\u00e9\\U0001F600'",
        "Module[ExprStmt\"'\\u00e9\\U0001F600'\"(Constant\"'\\u00e9\\U0001F600'\"('\u00e9\ud83d\ude00'))]");
    assertTree("'\\N{DIGIT ONE}\\N{greek small letter alpha}'",
        "Module[ExprStmt\"'\\N{DIGIT ONE}\\N{greek small letter alpha}'\"(Constant\"'\\N{DIGIT ONE}\\N{greek small letter alpha}'\"('1\u03b1'))]");
    assertTree("'\\d\\w'",
        "Module[ExprStmt\"'\\d\\w'\"(Constant\"'\\d\\w'\"('\\\\d\\\\w'))]");
    assertTree("'a\\\nb'",
        "Module[ExprStmt\"'a\\\\nb'\"(Constant\"'a\\\\nb'\"('ab'))]");
    assertTree("b'\\xff\\377\\d'",
        "Module[ExprStmt\"b'\\xff\\377\\d'\"(Constant\"b'\\xff\\377\\d'\"(b'\\xff\\xff\\\\d'))]");
    assertTree("'\\N{CJK UNIFIED IDEOGRAPH-6574}'",
        "Module[ExprStmt\"'\\N{CJK UNIFIED IDEOGRAPH-6574}'\"(Constant\"'\\N{CJK UNIFIED IDEOGRAPH-6574}'\"('\u6574'))]");
  }

  @Test
  void implicitConcatenation() {
    assertTree("'a' 'b'",
        "Module[ExprStmt\"'a' 'b'\"(Constant\"'a' 'b'\"('ab'))]");
    assertTree("u'a' 'b'",
        "Module[ExprStmt\"u'a' 'b'\"(Constant\"u'a' 'b'\"('ab' u))]");
    assertTree("'a' u'b'",
        "Module[ExprStmt\"'a' u'b'\"(Constant\"'a' u'b'\"('ab'))]");
    assertTree("b'a' b'b'",
        "Module[ExprStmt\"b'a' b'b'\"(Constant\"b'a' b'b'\"(b'ab'))]");
    assertTree("('a'\n 'b')",
        "Module[ExprStmt\"('a'\\n 'b')\"(Constant\"'a'\\n 'b'\"('ab'))]");
    assertTree("'a' r'\\n' '''c'''",
        "Module[ExprStmt\"'a' r'\\n' '''c'''\"(Constant\"'a' r'\\n' '''c'''\"('a\\\\nc'))]");
  }

  @Test
  void fstrings() {
    assertTree("f\"a{x}b\"",
        "Module[ExprStmt\"f\"a{x}b\"\"(JoinedStr\"f\"a{x}b\"\"([Constant\"a\"('a'), FormattedValue\"{x}\"(Name\"x\"(x LOAD) -1), Constant\"b\"('b')]))]");
    assertTree("f\"{x!r:>{w}}\"",
        "Module[ExprStmt\"f\"{x!r:>{w}}\"\"(JoinedStr\"f\"{x!r:>{w}}\"\"([FormattedValue\"{x!r:>{w}}\"(Name\"x\"(x LOAD) 114 JoinedStr\":>{w}\"([Constant\">\"('>'), FormattedValue\"{w}\"(Name\"w\"(w LOAD) -1)]))]))]");
    assertTree("f\"{x=}\"",
        "Module[ExprStmt\"f\"{x=}\"\"(JoinedStr\"f\"{x=}\"\"([Constant\"x=\"('x='), FormattedValue\"{x=}\"(Name\"x\"(x LOAD) 114)]))]");
    assertTree("f\"{ x = !s}\"",
        "Module[ExprStmt\"f\"{ x = !s}\"\"(JoinedStr\"f\"{ x = !s}\"\"([Constant\" x = \"(' x = '), FormattedValue\"{ x = !s}\"(Name\"x\"(x LOAD) 115)]))]");
    assertTree("f\"{x=:>10}\"",
        "Module[ExprStmt\"f\"{x=:>10}\"\"(JoinedStr\"f\"{x=:>10}\"\"([Constant\"x=\"('x='), FormattedValue\"{x=:>10}\"(Name\"x\"(x LOAD) -1 JoinedStr\":>10\"([Constant\">10\"('>10')]))]))]");
    assertTree("f\"{x:}\"",
        "Module[ExprStmt\"f\"{x:}\"\"(JoinedStr\"f\"{x:}\"\"([FormattedValue\"{x:}\"(Name\"x\"(x LOAD) -1 JoinedStr\":\")]))]");
    assertTree("f\"\"",
        "Module[ExprStmt\"f\"\"\"(JoinedStr\"f\"\"\")]");
    assertTree("f\"{{a}}{x}\"",
        "Module[ExprStmt\"f\"{{a}}{x}\"\"(JoinedStr\"f\"{{a}}{x}\"\"([Constant\"{{a}}\"('{a}'), FormattedValue\"{x}\"(Name\"x\"(x LOAD) -1)]))]");
    assertTree("rf\"\\n{x}\"",
        "Module[ExprStmt\"rf\"\\n{x}\"\"(JoinedStr\"rf\"\\n{x}\"\"([Constant\"\\n\"('\\\\n'), FormattedValue\"{x}\"(Name\"x\"(x LOAD) -1)]))]");
    assertTree("F\"{x,y}\"",
        "Module[ExprStmt\"F\"{x,y}\"\"(JoinedStr\"F\"{x,y}\"\"([FormattedValue\"{x,y}\"(Tuple\"x,y\"([Name\"x\"(x LOAD), Name\"y\"(y LOAD)] LOAD) -1)]))]");
    assertTree("f\"{x:{y}.{z}f}\"",
        "Module[ExprStmt\"f\"{x:{y}.{z}f}\"\"(JoinedStr\"f\"{x:{y}.{z}f}\"\"([FormattedValue\"{x:{y}.{z}f}\"(Name\"x\"(x LOAD) -1 JoinedStr\":{y}.{z}f\"([FormattedValue\"{y}\"(Name\"y\"(y LOAD) -1), Constant\".\"('.'), FormattedValue\"{z}\"(Name\"z\"(z LOAD) -1), Constant\"f\"('f')]))]))]");
    assertTree("f\"a\" \"b\" f\"{c}\" \"d\"",
        "Module[ExprStmt\"f\"a\" \"b\" f\"{c}\" \"d\"\"(JoinedStr\"f\"a\" \"b\" f\"{c}\" \"d\"\"([Constant\"a\" \"b\"\"('ab'), FormattedValue\"{c}\"(Name\"c\"(c LOAD) -1), Constant\"\"d\"\"('d')]))]");
    assertTree("u\"a\" f\"{x}\"",
        "Module[ExprStmt\"u\"a\" f\"{x}\"\"(JoinedStr\"u\"a\" f\"{x}\"\"([Constant\"u\"a\"\"('a' u), FormattedValue\"{x}\"(Name\"x\"(x LOAD) -1)]))]");
    assertTree("f\"{x}\" \"\"",
        "Module[ExprStmt\"f\"{x}\" \"\"\"(JoinedStr\"f\"{x}\" \"\"\"([FormattedValue\"{x}\"(Name\"x\"(x LOAD) -1)]))]");
    assertTree("f'{'nested'}'",
        "Module[ExprStmt\"f'{'nested'}'\"(JoinedStr\"f'{'nested'}'\"([FormattedValue\"{'nested'}\"(Constant\"'nested'\"('nested') -1)]))]");
    assertTree("f\"{f\"{x}\"}\"",
        "Module[ExprStmt\"f\"{f\"{x}\"}\"\"(JoinedStr\"f\"{f\"{x}\"}\"\"([FormattedValue\"{f\"{x}\"}\"(JoinedStr\"f\"{x}\"\"([FormattedValue\"{x}\"(Name\"x\"(x LOAD) -1)]) -1)]))]");
    assertTree("f\"\"\"{\nx\n}\"\"\"",
        "Module[ExprStmt\"f\"\"\"{\\nx\\n}\"\"\"\"(JoinedStr\"f\"\"\"{\\nx\\n}\"\"\"\"([FormattedValue\"{\\nx\\n}\"(Name\"x\"(x LOAD) -1)]))]");
    assertTree("f\"{x!a}\"",
        "Module[ExprStmt\"f\"{x!a}\"\"(JoinedStr\"f\"{x!a}\"\"([FormattedValue\"{x!a}\"(Name\"x\"(x LOAD) 97)]))]");
    assertTree("f\"{yield}\"",
        "Module[ExprStmt\"f\"{yield}\"\"(JoinedStr\"f\"{yield}\"\"([FormattedValue\"{yield}\"(Yield\"yield\" -1)]))]");
    assertTree("f\"\\N{DIGIT ONE}{x}\"",
        "Module[ExprStmt\"f\"\\N{DIGIT ONE}{x}\"\"(JoinedStr\"f\"\\N{DIGIT ONE}{x}\"\"([Constant\"\\N{DIGIT ONE}\"('1'), FormattedValue\"{x}\"(Name\"x\"(x LOAD) -1)]))]");
    assertTree("f\"{x:\\x41}\"",
        "Module[ExprStmt\"f\"{x:\\x41}\"\"(JoinedStr\"f\"{x:\\x41}\"\"([FormattedValue\"{x:\\x41}\"(Name\"x\"(x LOAD) -1 JoinedStr\":\\x41\"([Constant\"\\x41\"('A')]))]))]");
    assertTree("f\"{x = # c\n}\"",
        "Module[ExprStmt\"f\"{x = # c\\n}\"\"(JoinedStr\"f\"{x = # c\\n}\"\"([Constant\"x = # c\\n\"('x = \\n'), FormattedValue\"{x = # c\\n}\"(Name\"x\"(x LOAD) 114)]))]");
  }

  @Test
  void constantsAndNames() {
    assertTree("None",
        "Module[ExprStmt\"None\"(Constant\"None\"(None))]");
    assertTree("True",
        "Module[ExprStmt\"True\"(Constant\"True\"(True))]");
    assertTree("False",
        "Module[ExprStmt\"False\"(Constant\"False\"(False))]");
    assertTree("...",
        "Module[ExprStmt\"...\"(Constant\"...\"(Ellipsis))]");
    assertTree("x",
        "Module[ExprStmt\"x\"(Name\"x\"(x LOAD))]");
    assertTree("\ufb01",
        "Module[ExprStmt\"\ufb01\"(Name\"\ufb01\"(fi LOAD))]");
    assertTree("\u00b5",
        "Module[ExprStmt\"\u00b5\"(Name\"\u00b5\"(\u03bc LOAD))]");
    assertTree("nonlocal_",
        "Module[ExprStmt\"nonlocal_\"(Name\"nonlocal_\"(nonlocal_ LOAD))]");
    assertTree("print",
        "Module[ExprStmt\"print\"(Name\"print\"(print LOAD))]");
  }
}
