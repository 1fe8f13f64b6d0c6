package dev.oomlint.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Expression shapes and CPython ranges (every node shows the source its range covers). */
class ExpressionParseTest {
  private static void assertTree(String src, String expected) {
    assertEquals(expected, P.tree(P.module(src), src), src);
  }

  @Test
  void booleanOperatorsMergeAndNest() {
    assertTree("a or b and not c",
        "Module[ExprStmt\"a or b and not c\"(BoolOp\"a or b and not c\"(OR [Name\"a\"(a LOAD), BoolOp\"b and not c\"(AND [Name\"b\"(b LOAD), UnaryOp\"not c\"(NOT Name\"c\"(c LOAD))])]))]");
    assertTree("a or b or c",
        "Module[ExprStmt\"a or b or c\"(BoolOp\"a or b or c\"(OR [Name\"a\"(a LOAD), Name\"b\"(b LOAD), Name\"c\"(c LOAD)]))]");
    assertTree("a and b and c or d",
        "Module[ExprStmt\"a and b and c or d\"(BoolOp\"a and b and c or d\"(OR [BoolOp\"a and b and c\"(AND [Name\"a\"(a LOAD), Name\"b\"(b LOAD), Name\"c\"(c LOAD)]), Name\"d\"(d LOAD)]))]");
    assertTree("(a or b) or c",
        "Module[ExprStmt\"(a or b) or c\"(BoolOp\"(a or b) or c\"(OR [BoolOp\"a or b\"(OR [Name\"a\"(a LOAD), Name\"b\"(b LOAD)]), Name\"c\"(c LOAD)]))]");
    assertTree("not not a",
        "Module[ExprStmt\"not not a\"(UnaryOp\"not not a\"(NOT UnaryOp\"not a\"(NOT Name\"a\"(a LOAD))))]");
  }

  @Test
  void comparisonsChain() {
    assertTree("a < b <= c != d",
        "Module[ExprStmt\"a < b <= c != d\"(Compare\"a < b <= c != d\"(Name\"a\"(a LOAD) [LT, LT_E, NOT_EQ] [Name\"b\"(b LOAD), Name\"c\"(c LOAD), Name\"d\"(d LOAD)]))]");
    assertTree("a not in b is not c",
        "Module[ExprStmt\"a not in b is not c\"(Compare\"a not in b is not c\"(Name\"a\"(a LOAD) [NOT_IN, IS_NOT] [Name\"b\"(b LOAD), Name\"c\"(c LOAD)]))]");
    assertTree("a in b is c == d > e >= f",
        "Module[ExprStmt\"a in b is c == d > e >= f\"(Compare\"a in b is c == d > e >= f\"(Name\"a\"(a LOAD) [IN, IS, EQ, GT, GT_E] [Name\"b\"(b LOAD), Name\"c\"(c LOAD), Name\"d\"(d LOAD), Name\"e\"(e LOAD), Name\"f\"(f LOAD)]))]");
    assertTree("not a == b",
        "Module[ExprStmt\"not a == b\"(UnaryOp\"not a == b\"(NOT Compare\"a == b\"(Name\"a\"(a LOAD) [EQ] [Name\"b\"(b LOAD)])))]");
  }

  @Test
  void binaryPrecedenceAndAssociativity() {
    assertTree("a | b ^ c & d << e + f * g @ h // i % j / k",
        "Module[ExprStmt\"a | b ^ c & d << e + f * g @ h // i % j / k\"(BinOp\"a | b ^ c & d << e + f * g @ h // i % j / k\"(Name\"a\"(a LOAD) BIT_OR BinOp\"b ^ c & d << e + f * g @ h // i % j / k\"(Name\"b\"(b LOAD) BIT_XOR BinOp\"c & d << e + f * g @ h // i % j / k\"(Name\"c\"(c LOAD) BIT_AND BinOp\"d << e + f * g @ h // i % j / k\"(Name\"d\"(d LOAD) LSHIFT BinOp\"e + f * g @ h // i % j / k\"(Name\"e\"(e LOAD) ADD BinOp\"f * g @ h // i % j / k\"(BinOp\"f * g @ h // i % j\"(BinOp\"f * g @ h // i\"(BinOp\"f * g @ h\"(BinOp\"f * g\"(Name\"f\"(f LOAD) MULT Name\"g\"(g LOAD)) MAT_MULT Name\"h\"(h LOAD)) FLOOR_DIV Name\"i\"(i LOAD)) MOD Name\"j\"(j LOAD)) DIV Name\"k\"(k LOAD))))))))]");
    assertTree("a - b - c",
        "Module[ExprStmt\"a - b - c\"(BinOp\"a - b - c\"(BinOp\"a - b\"(Name\"a\"(a LOAD) SUB Name\"b\"(b LOAD)) SUB Name\"c\"(c LOAD)))]");
    assertTree("a >> b << c",
        "Module[ExprStmt\"a >> b << c\"(BinOp\"a >> b << c\"(BinOp\"a >> b\"(Name\"a\"(a LOAD) RSHIFT Name\"b\"(b LOAD)) LSHIFT Name\"c\"(c LOAD)))]");
    assertTree("-a ** -b",
        "Module[ExprStmt\"-a ** -b\"(UnaryOp\"-a ** -b\"(USUB BinOp\"a ** -b\"(Name\"a\"(a LOAD) POW UnaryOp\"-b\"(USUB Name\"b\"(b LOAD)))))]");
    assertTree("~a + +b",
        "Module[ExprStmt\"~a + +b\"(BinOp\"~a + +b\"(UnaryOp\"~a\"(INVERT Name\"a\"(a LOAD)) ADD UnaryOp\"+b\"(UADD Name\"b\"(b LOAD))))]");
    assertTree("a ** b ** c",
        "Module[ExprStmt\"a ** b ** c\"(BinOp\"a ** b ** c\"(Name\"a\"(a LOAD) POW BinOp\"b ** c\"(Name\"b\"(b LOAD) POW Name\"c\"(c LOAD))))]");
    assertTree("await x ** 2",
        "Module[ExprStmt\"await x ** 2\"(BinOp\"await x ** 2\"(Await\"await x\"(Name\"x\"(x LOAD)) POW Constant\"2\"(2)))]");
    assertTree("(a + b) * c",
        "Module[ExprStmt\"(a + b) * c\"(BinOp\"(a + b) * c\"(BinOp\"a + b\"(Name\"a\"(a LOAD) ADD Name\"b\"(b LOAD)) MULT Name\"c\"(c LOAD)))]");
  }

  @Test
  void parenthesesExtendParentRanges() {
    assertTree("(a)(b)[c].d",
        "Module[ExprStmt\"(a)(b)[c].d\"(Attribute\"(a)(b)[c].d\"(Subscript\"(a)(b)[c]\"(Call\"(a)(b)\"(Name\"a\"(a LOAD) [Name\"b\"(b LOAD)]) Name\"c\"(c LOAD) LOAD) d LOAD))]");
    assertTree("((a)) + b",
        "Module[ExprStmt\"((a)) + b\"(BinOp\"((a)) + b\"(Name\"a\"(a LOAD) ADD Name\"b\"(b LOAD)))]");
    assertTree("-(a)",
        "Module[ExprStmt\"-(a)\"(UnaryOp\"-(a)\"(USUB Name\"a\"(a LOAD)))]");
    assertTree("(a).b",
        "Module[ExprStmt\"(a).b\"(Attribute\"(a).b\"(Name\"a\"(a LOAD) b LOAD))]");
  }

  @Test
  void conditionalExpressions() {
    assertTree("x if y else z if w else v",
        "Module[ExprStmt\"x if y else z if w else v\"(IfExp\"x if y else z if w else v\"(Name\"y\"(y LOAD) Name\"x\"(x LOAD) IfExp\"z if w else v\"(Name\"w\"(w LOAD) Name\"z\"(z LOAD) Name\"v\"(v LOAD))))]");
    assertTree("(x if y else z) if w else v",
        "Module[ExprStmt\"(x if y else z) if w else v\"(IfExp\"(x if y else z) if w else v\"(Name\"w\"(w LOAD) IfExp\"x if y else z\"(Name\"y\"(y LOAD) Name\"x\"(x LOAD) Name\"z\"(z LOAD)) Name\"v\"(v LOAD)))]");
    assertTree("a if b else lambda: c",
        "Module[ExprStmt\"a if b else lambda: c\"(IfExp\"a if b else lambda: c\"(Name\"b\"(b LOAD) Name\"a\"(a LOAD) Lambda\"lambda: c\"(Arguments\"\" Name\"c\"(c LOAD))))]");
  }

  @Test
  void lambdas() {
    assertTree("lambda: 0",
        "Module[ExprStmt\"lambda: 0\"(Lambda\"lambda: 0\"(Arguments\"\" Constant\"0\"(0)))]");
    assertTree("lambda a, /, b=1, *c, d, e=2, **f: a",
        "Module[ExprStmt\"lambda a, /, b=1, *c, d, e=2, **f: a\"(Lambda\"lambda a, /, b=1, *c, d, e=2, **f: a\"(Arguments\"a, /, b=1, *c, d, e=2, **f\"([Arg\"a\"(a)] [Arg\"b\"(b)] Arg\"c\"(c) [Arg\"d\"(d), Arg\"e\"(e)] [null, Constant\"2\"(2)] Arg\"f\"(f) [Constant\"1\"(1)]) Name\"a\"(a LOAD)))]");
    assertTree("lambda *, a: a",
        "Module[ExprStmt\"lambda *, a: a\"(Lambda\"lambda *, a: a\"(Arguments\"*, a\"([Arg\"a\"(a)] [null]) Name\"a\"(a LOAD)))]");
    assertTree("lambda *a, **k: (a, k)",
        "Module[ExprStmt\"lambda *a, **k: (a, k)\"(Lambda\"lambda *a, **k: (a, k)\"(Arguments\"*a, **k\"(Arg\"a\"(a) Arg\"k\"(k)) Tuple\"(a, k)\"([Name\"a\"(a LOAD), Name\"k\"(k LOAD)] LOAD)))]");
    assertTree("lambda x: lambda y: x + y",
        "Module[ExprStmt\"lambda x: lambda y: x + y\"(Lambda\"lambda x: lambda y: x + y\"(Arguments\"x\"([Arg\"x\"(x)]) Lambda\"lambda y: x + y\"(Arguments\"y\"([Arg\"y\"(y)]) BinOp\"x + y\"(Name\"x\"(x LOAD) ADD Name\"y\"(y LOAD)))))]");
  }

  @Test
  void walrus() {
    assertTree("(y := f(x))",
        "Module[ExprStmt\"(y := f(x))\"(NamedExpr\"y := f(x)\"(Name\"y\"(y STORE) Call\"f(x)\"(Name\"f\"(f LOAD) [Name\"x\"(x LOAD)])))]");
    assertTree("[y for x in z if (y := x)]",
        "Module[ExprStmt\"[y for x in z if (y := x)]\"(ListComp\"[y for x in z if (y := x)]\"(Name\"y\"(y LOAD) [Comprehension\"for x in z if (y := x)\"(Name\"x\"(x STORE) Name\"z\"(z LOAD) [NamedExpr\"y := x\"(Name\"y\"(y STORE) Name\"x\"(x LOAD))])]))]");
    assertTree("[y := 1, 2]",
        "Module[ExprStmt\"[y := 1, 2]\"(ListExpr\"[y := 1, 2]\"([NamedExpr\"y := 1\"(Name\"y\"(y STORE) Constant\"1\"(1)), Constant\"2\"(2)] LOAD))]");
    assertTree("f(x := 1)",
        "Module[ExprStmt\"f(x := 1)\"(Call\"f(x := 1)\"(Name\"f\"(f LOAD) [NamedExpr\"x := 1\"(Name\"x\"(x STORE) Constant\"1\"(1))]))]");
    assertTree("a[x:=1]",
        "Module[ExprStmt\"a[x:=1]\"(Subscript\"a[x:=1]\"(Name\"a\"(a LOAD) NamedExpr\"x:=1\"(Name\"x\"(x STORE) Constant\"1\"(1)) LOAD))]");
  }

  @Test
  void calls() {
    assertTree("f()",
        "Module[ExprStmt\"f()\"(Call\"f()\"(Name\"f\"(f LOAD)))]");
    assertTree("f(a, *b, c=1, **d)",
        "Module[ExprStmt\"f(a, *b, c=1, **d)\"(Call\"f(a, *b, c=1, **d)\"(Name\"f\"(f LOAD) [Name\"a\"(a LOAD), Starred\"*b\"(Name\"b\"(b LOAD) LOAD)] [Keyword\"c=1\"(c Constant\"1\"(1)), Keyword\"**d\"(Name\"d\"(d LOAD))]))]");
    assertTree("f(*a, *b, c=1, *d)",
        "Module[ExprStmt\"f(*a, *b, c=1, *d)\"(Call\"f(*a, *b, c=1, *d)\"(Name\"f\"(f LOAD) [Starred\"*a\"(Name\"a\"(a LOAD) LOAD), Starred\"*b\"(Name\"b\"(b LOAD) LOAD), Starred\"*d\"(Name\"d\"(d LOAD) LOAD)] [Keyword\"c=1\"(c Constant\"1\"(1))]))]");
    assertTree("f(x for x in y)",
        "Module[ExprStmt\"f(x for x in y)\"(Call\"f(x for x in y)\"(Name\"f\"(f LOAD) [GeneratorExp\"(x for x in y)\"(Name\"x\"(x LOAD) [Comprehension\"for x in y\"(Name\"x\"(x STORE) Name\"y\"(y LOAD))])]))]");
    assertTree("f((x for x in y), 1)",
        "Module[ExprStmt\"f((x for x in y), 1)\"(Call\"f((x for x in y), 1)\"(Name\"f\"(f LOAD) [GeneratorExp\"(x for x in y)\"(Name\"x\"(x LOAD) [Comprehension\"for x in y\"(Name\"x\"(x STORE) Name\"y\"(y LOAD))]), Constant\"1\"(1)]))]");
    assertTree("f(a)(b)",
        "Module[ExprStmt\"f(a)(b)\"(Call\"f(a)(b)\"(Call\"f(a)\"(Name\"f\"(f LOAD) [Name\"a\"(a LOAD)]) [Name\"b\"(b LOAD)]))]");
    assertTree("f(a,)",
        "Module[ExprStmt\"f(a,)\"(Call\"f(a,)\"(Name\"f\"(f LOAD) [Name\"a\"(a LOAD)]))]");
  }

  @Test
  void subscriptsAndSlices() {
    assertTree("a[1:2, ::3, :]",
        "Module[ExprStmt\"a[1:2, ::3, :]\"(Subscript\"a[1:2, ::3, :]\"(Name\"a\"(a LOAD) Tuple\"1:2, ::3, :\"([Slice\"1:2\"(Constant\"1\"(1) Constant\"2\"(2)), Slice\"::3\"(Constant\"3\"(3)), Slice\":\"] LOAD) LOAD))]");
    assertTree("a[:]",
        "Module[ExprStmt\"a[:]\"(Subscript\"a[:]\"(Name\"a\"(a LOAD) Slice\":\" LOAD))]");
    assertTree("a[::]",
        "Module[ExprStmt\"a[::]\"(Subscript\"a[::]\"(Name\"a\"(a LOAD) Slice\"::\" LOAD))]");
    assertTree("a[1:2:3]",
        "Module[ExprStmt\"a[1:2:3]\"(Subscript\"a[1:2:3]\"(Name\"a\"(a LOAD) Slice\"1:2:3\"(Constant\"1\"(1) Constant\"2\"(2) Constant\"3\"(3)) LOAD))]");
    assertTree("a[i]",
        "Module[ExprStmt\"a[i]\"(Subscript\"a[i]\"(Name\"a\"(a LOAD) Name\"i\"(i LOAD) LOAD))]");
    assertTree("a[i,]",
        "Module[ExprStmt\"a[i,]\"(Subscript\"a[i,]\"(Name\"a\"(a LOAD) Tuple\"i,\"([Name\"i\"(i LOAD)] LOAD) LOAD))]");
    assertTree("a[*b, c]",
        "Module[ExprStmt\"a[*b, c]\"(Subscript\"a[*b, c]\"(Name\"a\"(a LOAD) Tuple\"*b, c\"([Starred\"*b\"(Name\"b\"(b LOAD) LOAD), Name\"c\"(c LOAD)] LOAD) LOAD))]");
    assertTree("a[*b]",
        "Module[ExprStmt\"a[*b]\"(Subscript\"a[*b]\"(Name\"a\"(a LOAD) Tuple\"*b\"([Starred\"*b\"(Name\"b\"(b LOAD) LOAD)] LOAD) LOAD))]");
    assertTree("a[1:2, 3,]",
        "Module[ExprStmt\"a[1:2, 3,]\"(Subscript\"a[1:2, 3,]\"(Name\"a\"(a LOAD) Tuple\"1:2, 3,\"([Slice\"1:2\"(Constant\"1\"(1) Constant\"2\"(2)), Constant\"3\"(3)] LOAD) LOAD))]");
  }

  @Test
  void displays() {
    assertTree("...",
        "Module[ExprStmt\"...\"(Constant\"...\"(Ellipsis))]");
    assertTree("(1,)",
        "Module[ExprStmt\"(1,)\"(Tuple\"(1,)\"([Constant\"1\"(1)] LOAD))]");
    assertTree("()",
        "Module[ExprStmt\"()\"(Tuple\"()\"(LOAD))]");
    assertTree("(a, *b)",
        "Module[ExprStmt\"(a, *b)\"(Tuple\"(a, *b)\"([Name\"a\"(a LOAD), Starred\"*b\"(Name\"b\"(b LOAD) LOAD)] LOAD))]");
    assertTree("[a, *b]",
        "Module[ExprStmt\"[a, *b]\"(ListExpr\"[a, *b]\"([Name\"a\"(a LOAD), Starred\"*b\"(Name\"b\"(b LOAD) LOAD)] LOAD))]");
    assertTree("[]",
        "Module[ExprStmt\"[]\"(ListExpr\"[]\"(LOAD))]");
    assertTree("{a: b, **c}",
        "Module[ExprStmt\"{a: b, **c}\"(Dict\"{a: b, **c}\"([Name\"a\"(a LOAD), null] [Name\"b\"(b LOAD), Name\"c\"(c LOAD)]))]");
    assertTree("{**c, a: b}",
        "Module[ExprStmt\"{**c, a: b}\"(Dict\"{**c, a: b}\"([null, Name\"a\"(a LOAD)] [Name\"c\"(c LOAD), Name\"b\"(b LOAD)]))]");
    assertTree("{a, *b}",
        "Module[ExprStmt\"{a, *b}\"(Set\"{a, *b}\"([Name\"a\"(a LOAD), Starred\"*b\"(Name\"b\"(b LOAD) LOAD)]))]");
    assertTree("{}",
        "Module[ExprStmt\"{}\"(Dict\"{}\")]");
    assertTree("(a)",
        "Module[ExprStmt\"(a)\"(Name\"a\"(a LOAD))]");
    assertTree("((a, b))",
        "Module[ExprStmt\"((a, b))\"(Tuple\"(a, b)\"([Name\"a\"(a LOAD), Name\"b\"(b LOAD)] LOAD))]");
    assertTree("[\n  1,\n  2,\n]",
        "Module[ExprStmt\"[\\n  1,\\n  2,\\n]\"(ListExpr\"[\\n  1,\\n  2,\\n]\"([Constant\"1\"(1), Constant\"2\"(2)] LOAD))]");
  }

  @Test
  void comprehensions() {
    assertTree("[x async for x in y]",
        "Module[ExprStmt\"[x async for x in y]\"(ListComp\"[x async for x in y]\"(Name\"x\"(x LOAD) [Comprehension\"async for x in y\"(Name\"x\"(x STORE) Name\"y\"(y LOAD) isAsync)]))]");
    assertTree("{k: v for k, v in d.items() if k}",
        "Module[ExprStmt\"{k: v for k, v in d.items() if k}\"(DictComp\"{k: v for k, v in d.items() if k}\"(Name\"k\"(k LOAD) Name\"v\"(v LOAD) [Comprehension\"for k, v in d.items() if k\"(Tuple\"k, v\"([Name\"k\"(k STORE), Name\"v\"(v STORE)] STORE) Call\"d.items()\"(Attribute\"d.items\"(Name\"d\"(d LOAD) items LOAD)) [Name\"k\"(k LOAD)])]))]");
    assertTree("{x for x in y for z in x}",
        "Module[ExprStmt\"{x for x in y for z in x}\"(SetComp\"{x for x in y for z in x}\"(Name\"x\"(x LOAD) [Comprehension\"for x in y\"(Name\"x\"(x STORE) Name\"y\"(y LOAD)), Comprehension\"for z in x\"(Name\"z\"(z STORE) Name\"x\"(x LOAD))]))]");
    assertTree("(x for x in y if a if b)",
        "Module[ExprStmt\"(x for x in y if a if b)\"(GeneratorExp\"(x for x in y if a if b)\"(Name\"x\"(x LOAD) [Comprehension\"for x in y if a if b\"(Name\"x\"(x STORE) Name\"y\"(y LOAD) [Name\"a\"(a LOAD), Name\"b\"(b LOAD)])]))]");
    assertTree("[x for x, in y]",
        "Module[ExprStmt\"[x for x, in y]\"(ListComp\"[x for x, in y]\"(Name\"x\"(x LOAD) [Comprehension\"for x, in y\"(Tuple\"x,\"([Name\"x\"(x STORE)] STORE) Name\"y\"(y LOAD))]))]");
    assertTree("[x for (a, b) in y]",
        "Module[ExprStmt\"[x for (a, b) in y]\"(ListComp\"[x for (a, b) in y]\"(Name\"x\"(x LOAD) [Comprehension\"for (a, b) in y\"(Tuple\"(a, b)\"([Name\"a\"(a STORE), Name\"b\"(b STORE)] STORE) Name\"y\"(y LOAD))]))]");
    assertTree("[x for *a, b in y]",
        "Module[ExprStmt\"[x for *a, b in y]\"(ListComp\"[x for *a, b in y]\"(Name\"x\"(x LOAD) [Comprehension\"for *a, b in y\"(Tuple\"*a, b\"([Starred\"*a\"(Name\"a\"(a STORE) STORE), Name\"b\"(b STORE)] STORE) Name\"y\"(y LOAD))]))]");
    assertTree("[x for x in a or b]",
        "Module[ExprStmt\"[x for x in a or b]\"(ListComp\"[x for x in a or b]\"(Name\"x\"(x LOAD) [Comprehension\"for x in a or b\"(Name\"x\"(x STORE) BoolOp\"a or b\"(OR [Name\"a\"(a LOAD), Name\"b\"(b LOAD)]))]))]");
  }

  @Test
  void yieldAndAwait() {
    assertTree("(yield)",
        "Module[ExprStmt\"(yield)\"(Yield\"yield\")]");
    assertTree("(yield a, b)",
        "Module[ExprStmt\"(yield a, b)\"(Yield\"yield a, b\"(Tuple\"a, b\"([Name\"a\"(a LOAD), Name\"b\"(b LOAD)] LOAD)))]");
    assertTree("(yield from x)",
        "Module[ExprStmt\"(yield from x)\"(YieldFrom\"yield from x\"(Name\"x\"(x LOAD)))]");
    assertTree("await a.b()",
        "Module[ExprStmt\"await a.b()\"(Await\"await a.b()\"(Call\"a.b()\"(Attribute\"a.b\"(Name\"a\"(a LOAD) b LOAD))))]");
    assertTree("(await x)",
        "Module[ExprStmt\"(await x)\"(Await\"await x\"(Name\"x\"(x LOAD)))]");
  }

  @Test
  void starredInTuplesAndDisplays() {
    assertTree("*a, b",
        "Module[ExprStmt\"*a, b\"(Tuple\"*a, b\"([Starred\"*a\"(Name\"a\"(a LOAD) LOAD), Name\"b\"(b LOAD)] LOAD))]");
    assertTree("a, *b,",
        "Module[ExprStmt\"a, *b,\"(Tuple\"a, *b,\"([Name\"a\"(a LOAD), Starred\"*b\"(Name\"b\"(b LOAD) LOAD)] LOAD))]");
    assertTree("[*a, *b]",
        "Module[ExprStmt\"[*a, *b]\"(ListExpr\"[*a, *b]\"([Starred\"*a\"(Name\"a\"(a LOAD) LOAD), Starred\"*b\"(Name\"b\"(b LOAD) LOAD)] LOAD))]");
  }
}
