package dev.oomlint.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** match statements: every pattern kind, guards, and their CPython ranges. */
class PatternParseTest {
  private static void assertTree(String src, String expected) {
    assertEquals(expected, P.tree(P.module(src), src), src);
  }

  @Test
  void literalAndSingletonPatterns() {
    assertTree("match x:\n  case 1: pass\n  case -1: pass\n  case 1.5 + 2j: pass\n  case -1 - 2j: pass\n  case \"a\" \"b\": pass\n  case b'x': pass\n  case None: pass\n  case True: pass\n  case False: pass\n",
        "Module[Match\"match x:\\n  case 1: pass\\n  case -1: pass\\n  case 1.5 + 2j: pass\\n  case -1 - 2j: pass\\n  case \"a\" \"b\": pass\\n  case b'x': pass\\n  case None: pass\\n  case True: pass\\n  case False: pass\"(Name\"x\"(x LOAD) [MatchCase\"case 1: pass\"(MatchValue\"1\"(Constant\"1\"(1)) [Pass\"pass\"]), MatchCase\"case -1: pass\"(MatchValue\"-1\"(UnaryOp\"-1\"(USUB Constant\"1\"(1))) [Pass\"pass\"]), MatchCase\"case 1.5 + 2j: pass\"(MatchValue\"1.5 + 2j\"(BinOp\"1.5 + 2j\"(Constant\"1.5\"(1.5) ADD Constant\"2j\"(2.0j))) [Pass\"pass\"]), MatchCase\"case -1 - 2j: pass\"(MatchValue\"-1 - 2j\"(BinOp\"-1 - 2j\"(UnaryOp\"-1\"(USUB Constant\"1\"(1)) SUB Constant\"2j\"(2.0j))) [Pass\"pass\"]), MatchCase\"case \"a\" \"b\": pass\"(MatchValue\"\"a\" \"b\"\"(Constant\"\"a\" \"b\"\"('ab')) [Pass\"pass\"]), MatchCase\"case b'x': pass\"(MatchValue\"b'x'\"(Constant\"b'x'\"(b'x')) [Pass\"pass\"]), MatchCase\"case None: pass\"(MatchSingleton\"None\"(None) [Pass\"pass\"]), MatchCase\"case True: pass\"(MatchSingleton\"True\"(True) [Pass\"pass\"]), MatchCase\"case False: pass\"(MatchSingleton\"False\"(False) [Pass\"pass\"])])]");
  }

  @Test
  void captureWildcardValuePatterns() {
    assertTree("match x:\n  case a: pass\n  case _: pass\n  case a.b: pass\n  case a.b.c: pass\n  case a as b: pass\n  case (a): pass\n",
        "Module[Match\"match x:\\n  case a: pass\\n  case _: pass\\n  case a.b: pass\\n  case a.b.c: pass\\n  case a as b: pass\\n  case (a): pass\"(Name\"x\"(x LOAD) [MatchCase\"case a: pass\"(MatchAs\"a\"(a) [Pass\"pass\"]), MatchCase\"case _: pass\"(MatchAs\"_\" [Pass\"pass\"]), MatchCase\"case a.b: pass\"(MatchValue\"a.b\"(Attribute\"a.b\"(Name\"a\"(a LOAD) b LOAD)) [Pass\"pass\"]), MatchCase\"case a.b.c: pass\"(MatchValue\"a.b.c\"(Attribute\"a.b.c\"(Attribute\"a.b\"(Name\"a\"(a LOAD) b LOAD) c LOAD)) [Pass\"pass\"]), MatchCase\"case a as b: pass\"(MatchAs\"a as b\"(MatchAs\"a\"(a) b) [Pass\"pass\"]), MatchCase\"case (a): pass\"(MatchAs\"a\"(a) [Pass\"pass\"])])]");
  }

  @Test
  void sequencePatterns() {
    assertTree("match x:\n  case []: pass\n  case (): pass\n  case [a, *rest]: pass\n  case (a, b): pass\n  case (a,): pass\n  case a, b: pass\n  case a, *_: pass\n  case *a, b: pass\n  case [*_]: pass\n  case [a, [b, c]]: pass\n  case a, b,: pass\n",
        "Module[Match\"match x:\\n  case []: pass\\n  case (): pass\\n  case [a, *rest]: pass\\n  case (a, b): pass\\n  case (a,): pass\\n  case a, b: pass\\n  case a, *_: pass\\n  case *a, b: pass\\n  case [*_]: pass\\n  case [a, [b, c]]: pass\\n  case a, b,: pass\"(Name\"x\"(x LOAD) [MatchCase\"case []: pass\"(MatchSequence\"[]\" [Pass\"pass\"]), MatchCase\"case (): pass\"(MatchSequence\"()\" [Pass\"pass\"]), MatchCase\"case [a, *rest]: pass\"(MatchSequence\"[a, *rest]\"([MatchAs\"a\"(a), MatchStar\"*rest\"(rest)]) [Pass\"pass\"]), MatchCase\"case (a, b): pass\"(MatchSequence\"(a, b)\"([MatchAs\"a\"(a), MatchAs\"b\"(b)]) [Pass\"pass\"]), MatchCase\"case (a,): pass\"(MatchSequence\"(a,)\"([MatchAs\"a\"(a)]) [Pass\"pass\"]), MatchCase\"case a, b: pass\"(MatchSequence\"a, b\"([MatchAs\"a\"(a), MatchAs\"b\"(b)]) [Pass\"pass\"]), MatchCase\"case a, *_: pass\"(MatchSequence\"a, *_\"([MatchAs\"a\"(a), MatchStar\"*_\"]) [Pass\"pass\"]), MatchCase\"case *a, b: pass\"(MatchSequence\"*a, b\"([MatchStar\"*a\"(a), MatchAs\"b\"(b)]) [Pass\"pass\"]), MatchCase\"case [*_]: pass\"(MatchSequence\"[*_]\"([MatchStar\"*_\"]) [Pass\"pass\"]), MatchCase\"case [a, [b, c]]: pass\"(MatchSequence\"[a, [b, c]]\"([MatchAs\"a\"(a), MatchSequence\"[b, c]\"([MatchAs\"b\"(b), MatchAs\"c\"(c)])]) [Pass\"pass\"]), MatchCase\"case a, b,: pass\"(MatchSequence\"a, b,\"([MatchAs\"a\"(a), MatchAs\"b\"(b)]) [Pass\"pass\"])])]");
  }

  @Test
  void mappingPatterns() {
    assertTree("match x:\n  case {}: pass\n  case {1: a, \"k\": b}: pass\n  case {a.b: c, **rest}: pass\n  case {None: a, -1: b, 1+2j: c}: pass\n",
        "Module[Match\"match x:\\n  case {}: pass\\n  case {1: a, \"k\": b}: pass\\n  case {a.b: c, **rest}: pass\\n  case {None: a, -1: b, 1+2j: c}: pass\"(Name\"x\"(x LOAD) [MatchCase\"case {}: pass\"(MatchMapping\"{}\" [Pass\"pass\"]), MatchCase\"case {1: a, \"k\": b}: pass\"(MatchMapping\"{1: a, \"k\": b}\"([Constant\"1\"(1), Constant\"\"k\"\"('k')] [MatchAs\"a\"(a), MatchAs\"b\"(b)]) [Pass\"pass\"]), MatchCase\"case {a.b: c, **rest}: pass\"(MatchMapping\"{a.b: c, **rest}\"([Attribute\"a.b\"(Name\"a\"(a LOAD) b LOAD)] [MatchAs\"c\"(c)] rest) [Pass\"pass\"]), MatchCase\"case {None: a, -1: b, 1+2j: c}: pass\"(MatchMapping\"{None: a, -1: b, 1+2j: c}\"([Constant\"None\"(None), UnaryOp\"-1\"(USUB Constant\"1\"(1)), BinOp\"1+2j\"(Constant\"1\"(1) ADD Constant\"2j\"(2.0j))] [MatchAs\"a\"(a), MatchAs\"b\"(b), MatchAs\"c\"(c)]) [Pass\"pass\"])])]");
  }

  @Test
  void classPatterns() {
    assertTree("match x:\n  case C(): pass\n  case C(a, b): pass\n  case C(x=1, y=_): pass\n  case a.C(1, y=[a]): pass\n  case C(a, b=c,): pass\n",
        "Module[Match\"match x:\\n  case C(): pass\\n  case C(a, b): pass\\n  case C(x=1, y=_): pass\\n  case a.C(1, y=[a]): pass\\n  case C(a, b=c,): pass\"(Name\"x\"(x LOAD) [MatchCase\"case C(): pass\"(MatchClass\"C()\"(Name\"C\"(C LOAD)) [Pass\"pass\"]), MatchCase\"case C(a, b): pass\"(MatchClass\"C(a, b)\"(Name\"C\"(C LOAD) [MatchAs\"a\"(a), MatchAs\"b\"(b)]) [Pass\"pass\"]), MatchCase\"case C(x=1, y=_): pass\"(MatchClass\"C(x=1, y=_)\"(Name\"C\"(C LOAD) [x, y] [MatchValue\"1\"(Constant\"1\"(1)), MatchAs\"_\"]) [Pass\"pass\"]), MatchCase\"case a.C(1, y=[a]): pass\"(MatchClass\"a.C(1, y=[a])\"(Attribute\"a.C\"(Name\"a\"(a LOAD) C LOAD) [MatchValue\"1\"(Constant\"1\"(1))] [y] [MatchSequence\"[a]\"([MatchAs\"a\"(a)])]) [Pass\"pass\"]), MatchCase\"case C(a, b=c,): pass\"(MatchClass\"C(a, b=c,)\"(Name\"C\"(C LOAD) [MatchAs\"a\"(a)] [b] [MatchAs\"c\"(c)]) [Pass\"pass\"])])]");
  }

  @Test
  void orAndAsPatterns() {
    assertTree("match x:\n  case 1 | 2 | 3: pass\n  case (1 | 2) as x: pass\n  case [a] | (a,) as b: pass\n  case C() | D(x=1): pass\n",
        "Module[Match\"match x:\\n  case 1 | 2 | 3: pass\\n  case (1 | 2) as x: pass\\n  case [a] | (a,) as b: pass\\n  case C() | D(x=1): pass\"(Name\"x\"(x LOAD) [MatchCase\"case 1 | 2 | 3: pass\"(MatchOr\"1 | 2 | 3\"([MatchValue\"1\"(Constant\"1\"(1)), MatchValue\"2\"(Constant\"2\"(2)), MatchValue\"3\"(Constant\"3\"(3))]) [Pass\"pass\"]), MatchCase\"case (1 | 2) as x: pass\"(MatchAs\"(1 | 2) as x\"(MatchOr\"1 | 2\"([MatchValue\"1\"(Constant\"1\"(1)), MatchValue\"2\"(Constant\"2\"(2))]) x) [Pass\"pass\"]), MatchCase\"case [a] | (a,) as b: pass\"(MatchAs\"[a] | (a,) as b\"(MatchOr\"[a] | (a,)\"([MatchSequence\"[a]\"([MatchAs\"a\"(a)]), MatchSequence\"(a,)\"([MatchAs\"a\"(a)])]) b) [Pass\"pass\"]), MatchCase\"case C() | D(x=1): pass\"(MatchOr\"C() | D(x=1)\"([MatchClass\"C()\"(Name\"C\"(C LOAD)), MatchClass\"D(x=1)\"(Name\"D\"(D LOAD) [x] [MatchValue\"1\"(Constant\"1\"(1))])]) [Pass\"pass\"])])]");
  }

  @Test
  void guardsAndSubjects() {
    assertTree("match x:\n  case a if a > 0:\n    y\n  case _ if (z := a):\n    w\n",
        "Module[Match\"match x:\\n  case a if a > 0:\\n    y\\n  case _ if (z := a):\\n    w\"(Name\"x\"(x LOAD) [MatchCase\"case a if a > 0:\\n    y\"(MatchAs\"a\"(a) Compare\"a > 0\"(Name\"a\"(a LOAD) [GT] [Constant\"0\"(0)]) [ExprStmt\"y\"(Name\"y\"(y LOAD))]), MatchCase\"case _ if (z := a):\\n    w\"(MatchAs\"_\" NamedExpr\"z := a\"(Name\"z\"(z STORE) Name\"a\"(a LOAD)) [ExprStmt\"w\"(Name\"w\"(w LOAD))])])]");
    assertTree("match a, *b:\n  case _: pass\n",
        "Module[Match\"match a, *b:\\n  case _: pass\"(Tuple\"a, *b\"([Name\"a\"(a LOAD), Starred\"*b\"(Name\"b\"(b LOAD) LOAD)] LOAD) [MatchCase\"case _: pass\"(MatchAs\"_\" [Pass\"pass\"])])]");
    assertTree("match (a, b):\n  case _: pass\n",
        "Module[Match\"match (a, b):\\n  case _: pass\"(Tuple\"(a, b)\"([Name\"a\"(a LOAD), Name\"b\"(b LOAD)] LOAD) [MatchCase\"case _: pass\"(MatchAs\"_\" [Pass\"pass\"])])]");
    assertTree("match x,:\n  case _: pass\n",
        "Module[Match\"match x,:\\n  case _: pass\"(Tuple\"x,\"([Name\"x\"(x LOAD)] LOAD) [MatchCase\"case _: pass\"(MatchAs\"_\" [Pass\"pass\"])])]");
    assertTree("match -x:\n  case _: pass\n",
        "Module[Match\"match -x:\\n  case _: pass\"(UnaryOp\"-x\"(USUB Name\"x\"(x LOAD)) [MatchCase\"case _: pass\"(MatchAs\"_\" [Pass\"pass\"])])]");
    assertTree("match f(x):\n  case _: pass\n",
        "Module[Match\"match f(x):\\n  case _: pass\"(Call\"f(x)\"(Name\"f\"(f LOAD) [Name\"x\"(x LOAD)]) [MatchCase\"case _: pass\"(MatchAs\"_\" [Pass\"pass\"])])]");
  }
}
