package dev.oomlint.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Syntax newer than the target version is a syntax error naming the version it needs. */
class VersionGateTest {
  /** "ok", or the message and the offset of the first error under {@code target}. */
  private static String gate(String src, String target) {
    SyntaxError e = VersionGate.check(src, P.module(src), PythonVersion.fromOption(target));
    return e == null ? "ok" : e.message() + " @" + e.offset();
  }

  @Test
  void statementsNameTheVersionTheyNeed() {
    assertEquals("Type statement is only supported in Python 3.12 and greater (target-version is py311) @0",
        gate("type X = int\n", "py311"));
    assertEquals("ok", gate("type X = int\n", "py312"));
    assertEquals("ok", gate("type = 1\ntype(x)\n", "py38"));
    assertEquals("Type parameter lists are only supported in Python 3.12 and greater (target-version is py311) @6",
        gate("def f[T](x: T) -> T: pass\n", "py311"));
    assertEquals("Type parameter lists are only supported in Python 3.12 and greater (target-version is py310) @8",
        gate("class C[T]: pass\n", "py310"));
    assertEquals("Type parameter defaults are only supported in Python 3.13 and greater (target-version is py312) @10",
        gate("def f[T = int](): pass\n", "py312"));
    assertEquals("ok", gate("def f[T = int](): pass\n", "py313"));
    assertEquals("Pattern matching is only supported in Python 3.10 and greater (target-version is py39) @14",
        gate("x = 1\nif x:\n  match x:\n    case 1: pass\n", "py39"));
    assertEquals("ok", gate("match = 1\nmatch(x)\n", "py38"));
    assertEquals("ok", gate("match x:\n  case 1: pass\n", "py310"));
    assertEquals("Exception groups are only supported in Python 3.11 and greater (target-version is py310) @10",
        gate("try: pass\nexcept* E: pass\n", "py310"));
    assertEquals("ok", gate("try: pass\nexcept* E: pass\n", "py311"));
  }

  @Test
  void parenthesisedContextManagersNeed39OnlyWhereThe38GrammarFails() {
    String msg = "Parenthesized context managers are only supported in Python 3.9 and greater (target-version is py38)";
    assertEquals(msg + " @5", gate("with (open(a) as f, open(b) as g): pass\n", "py38"));
    assertEquals(msg + " @28", gate("async def f():\n  async with (a as b,\n   c): pass\n", "py38"));
    assertEquals(msg + " @5", gate("with ((a) as b): pass\n", "py38"));
    assertEquals(msg + " @8", gate("with \\\n (a as b): pass\n", "py38"));
    // valid 3.8: a parenthesised expression, a tuple, parentheses of the item's own expression
    assertEquals("ok", gate("with (a, b): pass\n", "py38"));
    assertEquals("ok", gate("with (a) as b, (c) as d: pass\n", "py38"));
    assertEquals("ok", gate("with (a): pass\n", "py38"));
    assertEquals("ok", gate("with open(a) as f: pass\n", "py38"));
    assertEquals("ok", gate("with (open(a) as f, open(b) as g): pass\n", "py39"));
  }

  @Test
  void relaxedDecoratorsNeed39() {
    String msg = "Decorators other than a dotted name with an optional call are only supported in Python 3.9"
        + " and greater (target-version is py38)";
    for (String ok : new String[] {"@property\ndef f(): pass\n", "@a.b.c\ndef f(): pass\n",
        "@a.b(1, *c, k=2)\nclass C: pass\n", "@ a . b\ndef f(): pass\n", "@\\\n a(x)\ndef f(): pass\n",
        "@torch.no_grad()\ndef f(): pass\n"}) {
      assertEquals("ok", gate(ok, "py38"), ok);
    }
    assertEquals(msg + " @1", gate("@a[0]\ndef f(): pass\n", "py38"));
    assertEquals(msg + " @2", gate("@(a)\ndef f(): pass\n", "py38"));
    assertEquals(msg + " @1", gate("@a(b)(c)\ndef f(): pass\n", "py38"));
    assertEquals(msg + " @1", gate("@a.b().c\nclass C: pass\n", "py38"));
    assertEquals(msg + " @1", gate("@x if y else z\ndef f(): pass\n", "py38"));
    assertEquals(msg + " @4", gate("@a\n@b[1]\ndef f(): pass\n", "py38"));
    assertEquals("ok", gate("@a[0]\n@(b)\ndef f(): pass\n", "py39"));
  }

  @Test
  void pep646StarsNeed311() {
    String msg = "Star expressions in subscripts are only supported in Python 3.11 and greater (target-version is py310)";
    assertEquals(msg + " @2", gate("a[*b]\n", "py310"));
    assertEquals(msg + " @5", gate("a[x, *b,]\n", "py310"));
    assertEquals(msg + " @7", gate("a[(x), *(b)]\n", "py310"));
    assertEquals("ok", gate("a[(*b,)]\na[(x, *b)]\na[x, (*b,)]\na[x:y, z]\n", "py310"));
    assertEquals("ok", gate("a[*b]\n", "py311"));
    assertEquals("Star annotations on *args are only supported in Python 3.11 and greater (target-version is py310) @13",
        gate("def f(*args: *Ts): pass\n", "py310"));
    assertEquals("ok", gate("def f(*args: Ts): pass\n", "py38"));
  }

  @Test
  void walrusAndPositionalOnlyAreFineOn38() {
    assertEquals("ok", gate("if (n := len(a)) > 1: pass\ndef f(a, /, b): pass\nprint(f'{x=}')\n", "py38"));
  }

  @Test
  void pep701FStringsNeed312() {
    String tail = " only supported in Python 3.12 and greater (target-version is py311)";
    assertEquals("Backslashes in f-string expressions are" + tail + " @4", gate("f\"{'\\n'.join(a)}\"\n", "py311"));
    assertEquals("Reusing the enclosing quote in an f-string expression is" + tail + " @3",
        gate("f\"{\"a\"}\"\n", "py311"));
    assertEquals("Reusing the enclosing quote in an f-string expression is" + tail + " @8",
        gate("x = f'{f'{y}'}'\n", "py311"));
    assertEquals("Comments in f-string expressions are" + tail + " @7", gate("f'''{x # c\n}'''\n", "py311"));
    assertEquals("Line breaks in the expressions of single-quoted f-strings are" + tail + " @6",
        gate("f'{a +\n b}'\n", "py311"));
    assertEquals("Format specifiers nested more than two levels deep are" + tail + " @8",
        gate("f'{a:{b:{c}}}'\n", "py311"));
    assertEquals("Whitespace after an f-string conversion is" + tail + " @6", gate("f'{x!r }'\n", "py311"));
    assertEquals("f-string: cannot use starred expression here (target-version is py311) @3", gate("f'{*a}'\n", "py311"));
    // what 3.11 accepts
    for (String ok : new String[] {"f'{a:{b}}'\n", "f'''{x\n+1}'''\n", "f\"{f'{x}'}\"\n", "f'''{\"'\"}'''\n",
        "f'{x:\\n}'\n", "f'{x = }'\n", "f'{x=!r:>{w}}'\n", "f'{*a,}'\n", "f'{a!r:{b}}'\n", "f'\\N{EM DASH}{x}'\n",
        "('a' f'{x}'\n  # c\n  f\"{y}\")\n", "f'{(lambda x: 1)}'\n", "f'{a[\"x\"]}'\n", "f'\uD83D\uDE00{\"a\"}'\n",
        "f'{{x}}{y:{{}}>3}'\n", "rf'\\{x}'\n", "f'{x!r:\\\\}'\n"}) {
      assertEquals("ok", gate(ok, "py311"), ok);
    }
    assertEquals("ok", gate("f\"{'\\n'}\" f'{f'{x}'}' f'''{x # c\n}'''\n", "py312"));
  }

  @Test
  void offsetsCountUtf16UnitsAfterAnAstralCharacter() {
    assertEquals("Backslashes in f-string expressions are only supported in Python 3.12 and greater"
        + " (target-version is py311) @11", gate("x='\uD83D\uDE00';f'{\"\\n\"}'\n", "py311"));
  }

  @Test
  void theFirstProblemInTheFileWins() {
    assertEquals("Pattern matching is only supported in Python 3.10 and greater (target-version is py38) @0",
        gate("match x:\n  case 1:\n    with (a as b): pass\ntype X = int\n", "py38"));
  }

  @Test
  void applyLeavesTheNewestTargetAndFailuresAlone() {
    ParseOutcome parsed = PythonFrontEnd.parse("type X = int\n");
    assertSame(parsed, VersionGate.apply(parsed, "type X = int\n", PythonVersion.PY313));
    ParseOutcome failed = PythonFrontEnd.parse("x = (\n");
    assertSame(failed, VersionGate.apply(failed, "x = (\n", PythonVersion.PY38));
    assertEquals("Type statement is only supported in Python 3.12 and greater (target-version is py38)",
        ((ParseOutcome.Failed) VersionGate.apply(parsed, "type X = int\n", PythonVersion.PY38)).error().message());
  }

  @Test
  void requiresPythonLowerBounds() {
    assertEquals(PythonVersion.PY39, PythonVersion.fromRequiresPython(">=3.9"));
    assertEquals(PythonVersion.PY310, PythonVersion.fromRequiresPython(">= 3.10, <4"));
    assertEquals(PythonVersion.PY311, PythonVersion.fromRequiresPython("~=3.11"));
    assertEquals(PythonVersion.PY312, PythonVersion.fromRequiresPython("==3.12.*"));
    assertEquals(PythonVersion.PY38, PythonVersion.fromRequiresPython(">=3.6"));
    assertEquals(PythonVersion.PY313, PythonVersion.fromRequiresPython(">=3.14"));
    assertEquals(PythonVersion.PY39, PythonVersion.fromRequiresPython(">=3.8,>=3.9,!=3.9.1"));
    assertNull(PythonVersion.fromRequiresPython("<3.12"));
    assertNull(PythonVersion.fromRequiresPython(">=2.7"));
    assertNull(PythonVersion.fromRequiresPython("nonsense"));
    assertNull(PythonVersion.fromRequiresPython(null));
  }
}
