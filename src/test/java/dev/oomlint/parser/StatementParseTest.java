package dev.oomlint.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Statement shapes and CPython ranges (every node shows the source its range covers). */
class StatementParseTest {
  private static void assertTree(String src, String expected) {
    assertEquals(expected, P.tree(P.module(src), src), src);
  }

  @Test
  void assignments() {
    assertTree("x = 1",
        "Module[Assign\"x = 1\"([Name\"x\"(x STORE)] Constant\"1\"(1))]");
    assertTree("a = b = c",
        "Module[Assign\"a = b = c\"([Name\"a\"(a STORE), Name\"b\"(b STORE)] Name\"c\"(c LOAD))]");
    assertTree("a, b = c",
        "Module[Assign\"a, b = c\"([Tuple\"a, b\"([Name\"a\"(a STORE), Name\"b\"(b STORE)] STORE)] Name\"c\"(c LOAD))]");
    assertTree("(a, b) = c",
        "Module[Assign\"(a, b) = c\"([Tuple\"(a, b)\"([Name\"a\"(a STORE), Name\"b\"(b STORE)] STORE)] Name\"c\"(c LOAD))]");
    assertTree("[a, *b] = c",
        "Module[Assign\"[a, *b] = c\"([ListExpr\"[a, *b]\"([Name\"a\"(a STORE), Starred\"*b\"(Name\"b\"(b STORE) STORE)] STORE)] Name\"c\"(c LOAD))]");
    assertTree("a.b[c] = d",
        "Module[Assign\"a.b[c] = d\"([Subscript\"a.b[c]\"(Attribute\"a.b\"(Name\"a\"(a LOAD) b LOAD) Name\"c\"(c LOAD) STORE)] Name\"d\"(d LOAD))]");
    assertTree("x = yield y",
        "Module[Assign\"x = yield y\"([Name\"x\"(x STORE)] Yield\"yield y\"(Name\"y\"(y LOAD)))]");
    assertTree("*a, = b",
        "Module[Assign\"*a, = b\"([Tuple\"*a,\"([Starred\"*a\"(Name\"a\"(a STORE) STORE)] STORE)] Name\"b\"(b LOAD))]");
    assertTree("x += 1",
        "Module[AugAssign\"x += 1\"(Name\"x\"(x STORE) ADD Constant\"1\"(1))]");
    assertTree("a.b //= 2",
        "Module[AugAssign\"a.b //= 2\"(Attribute\"a.b\"(Name\"a\"(a LOAD) b STORE) FLOOR_DIV Constant\"2\"(2))]");
    assertTree("x: int",
        "Module[AnnAssign\"x: int\"(Name\"x\"(x STORE) Name\"int\"(int LOAD) simple)]");
    assertTree("x: int = 1",
        "Module[AnnAssign\"x: int = 1\"(Name\"x\"(x STORE) Name\"int\"(int LOAD) Constant\"1\"(1) simple)]");
    assertTree("(x): int = 1",
        "Module[AnnAssign\"(x): int = 1\"(Name\"x\"(x STORE) Name\"int\"(int LOAD) Constant\"1\"(1))]");
    assertTree("a.b: int",
        "Module[AnnAssign\"a.b: int\"(Attribute\"a.b\"(Name\"a\"(a LOAD) b STORE) Name\"int\"(int LOAD))]");
    assertTree("x = *a, *b",
        "Module[Assign\"x = *a, *b\"([Name\"x\"(x STORE)] Tuple\"*a, *b\"([Starred\"*a\"(Name\"a\"(a LOAD) LOAD), Starred\"*b\"(Name\"b\"(b LOAD) LOAD)] LOAD))]");
  }

  @Test
  void simpleStatements() {
    assertTree("pass",
        "Module[Pass\"pass\"]");
    assertTree("break",
        "Module[Break\"break\"]");
    assertTree("continue",
        "Module[Continue\"continue\"]");
    assertTree("return",
        "Module[Return\"return\"]");
    assertTree("return a, *b",
        "Module[Return\"return a, *b\"(Tuple\"a, *b\"([Name\"a\"(a LOAD), Starred\"*b\"(Name\"b\"(b LOAD) LOAD)] LOAD))]");
    assertTree("raise",
        "Module[Raise\"raise\"]");
    assertTree("raise E",
        "Module[Raise\"raise E\"(Name\"E\"(E LOAD))]");
    assertTree("raise E from c",
        "Module[Raise\"raise E from c\"(Name\"E\"(E LOAD) Name\"c\"(c LOAD))]");
    assertTree("global a, b",
        "Module[Global\"global a, b\"([a, b])]");
    assertTree("nonlocal a",
        "Module[Nonlocal\"nonlocal a\"([a])]");
    assertTree("del a, b[0], c.d",
        "Module[Delete\"del a, b[0], c.d\"([Name\"a\"(a DEL), Subscript\"b[0]\"(Name\"b\"(b LOAD) Constant\"0\"(0) DEL), Attribute\"c.d\"(Name\"c\"(c LOAD) d DEL)])]");
    assertTree("del (a, b)",
        "Module[Delete\"del (a, b)\"([Tuple\"(a, b)\"([Name\"a\"(a DEL), Name\"b\"(b DEL)] DEL)])]");
    assertTree("del a,",
        "Module[Delete\"del a,\"([Name\"a\"(a DEL)])]");
    assertTree("assert a",
        "Module[Assert\"assert a\"(Name\"a\"(a LOAD))]");
    assertTree("assert a, \"m\"",
        "Module[Assert\"assert a, \"m\"\"(Name\"a\"(a LOAD) Constant\"\"m\"\"('m'))]");
    assertTree("yield x",
        "Module[ExprStmt\"yield x\"(Yield\"yield x\"(Name\"x\"(x LOAD)))]");
    assertTree("await x",
        "Module[ExprStmt\"await x\"(Await\"await x\"(Name\"x\"(x LOAD)))]");
    assertTree("x = 1; y = 2;",
        "Module[Assign\"x = 1\"([Name\"x\"(x STORE)] Constant\"1\"(1)), Assign\"y = 2\"([Name\"y\"(y STORE)] Constant\"2\"(2))]");
  }

  @Test
  void imports() {
    assertTree("import a",
        "Module[Import\"import a\"([Alias\"a\"(a)])]");
    assertTree("import a.b.c as d, e",
        "Module[Import\"import a.b.c as d, e\"([Alias\"a.b.c as d\"(a.b.c d), Alias\"e\"(e)])]");
    assertTree("from a import b",
        "Module[ImportFrom\"from a import b\"(a [Alias\"b\"(b)] 0)]");
    assertTree("from . import (b as c, d,)",
        "Module[ImportFrom\"from . import (b as c, d,)\"([Alias\"b as c\"(b c), Alias\"d\"(d)] 1)]");
    assertTree("from ...a.b import *",
        "Module[ImportFrom\"from ...a.b import *\"(a.b [Alias\"*\"(*)] 3)]");
    assertTree("from .... import x",
        "Module[ImportFrom\"from .... import x\"([Alias\"x\"(x)] 4)]");
  }

  @Test
  void functionsAndClasses() {
    assertTree("def f(): pass",
        "Module[FunctionDef\"def f(): pass\"(f Arguments\"\" [Pass\"pass\"])]");
    assertTree("@d\n@e.f(1)\ndef f(a, b=1, /, c=2, *d, e, f=3, **g) -> r:\n  return a\n",
        "Module[FunctionDef\"def f(a, b=1, /, c=2, *d, e, f=3, **g) -> r:\\n  return a\"(f Arguments\"a, b=1, /, c=2, *d, e, f=3, **g\"([Arg\"a\"(a), Arg\"b\"(b)] [Arg\"c\"(c)] Arg\"d\"(d) [Arg\"e\"(e), Arg\"f\"(f)] [null, Constant\"3\"(3)] Arg\"g\"(g) [Constant\"1\"(1), Constant\"2\"(2)]) [Return\"return a\"(Name\"a\"(a LOAD))] [Name\"d\"(d LOAD), Call\"e.f(1)\"(Attribute\"e.f\"(Name\"e\"(e LOAD) f LOAD) [Constant\"1\"(1)])] Name\"r\"(r LOAD))]");
    assertTree("async def f():\n  await x",
        "Module[FunctionDef\"async def f():\\n  await x\"(f Arguments\"\" [ExprStmt\"await x\"(Await\"await x\"(Name\"x\"(x LOAD)))] isAsync)]");
    assertTree("@dec\nasync def f(): pass",
        "Module[FunctionDef\"async def f(): pass\"(f Arguments\"\" [Pass\"pass\"] [Name\"dec\"(dec LOAD)] isAsync)]");
    assertTree("def f(*, a): pass",
        "Module[FunctionDef\"def f(*, a): pass\"(f Arguments\"*, a\"([Arg\"a\"(a)] [null]) [Pass\"pass\"])]");
    assertTree("def f(*args: *Ts): pass",
        "Module[FunctionDef\"def f(*args: *Ts): pass\"(f Arguments\"*args: *Ts\"(Arg\"args: *Ts\"(args Starred\"*Ts\"(Name\"Ts\"(Ts LOAD) LOAD))) [Pass\"pass\"])]");
    assertTree("def f(a: int = 1, *b: str): pass",
        "Module[FunctionDef\"def f(a: int = 1, *b: str): pass\"(f Arguments\"a: int = 1, *b: str\"([Arg\"a: int\"(a Name\"int\"(int LOAD))] Arg\"b: str\"(b Name\"str\"(str LOAD)) [Constant\"1\"(1)]) [Pass\"pass\"])]");
    assertTree("class C: pass",
        "Module[ClassDef\"class C: pass\"(C [Pass\"pass\"])]");
    assertTree("class C(B, *bs, metaclass=M, **kw):\n  x = 1\n",
        "Module[ClassDef\"class C(B, *bs, metaclass=M, **kw):\\n  x = 1\"(C [Name\"B\"(B LOAD), Starred\"*bs\"(Name\"bs\"(bs LOAD) LOAD)] [Keyword\"metaclass=M\"(metaclass Name\"M\"(M LOAD)), Keyword\"**kw\"(Name\"kw\"(kw LOAD))] [Assign\"x = 1\"([Name\"x\"(x STORE)] Constant\"1\"(1))])]");
    assertTree("@a[0]\nclass C(): pass",
        "Module[ClassDef\"class C(): pass\"(C [Pass\"pass\"] [Subscript\"a[0]\"(Name\"a\"(a LOAD) Constant\"0\"(0) LOAD)])]");
    assertTree("def f():\n  x = 1;  \n",
        "Module[FunctionDef\"def f():\\n  x = 1;\"(f Arguments\"\" [Assign\"x = 1\"([Name\"x\"(x STORE)] Constant\"1\"(1))])]");
  }

  @Test
  void typeParameters() {
    assertTree("def f[T, *Ts, **P](): pass",
        "Module[FunctionDef\"def f[T, *Ts, **P](): pass\"(f Arguments\"\" [Pass\"pass\"] [TypeVar\"T\"(T), TypeVarTuple\"*Ts\"(Ts), ParamSpec\"**P\"(P)])]");
    assertTree("class C[T: int, U: (str, bytes)]: pass",
        "Module[ClassDef\"class C[T: int, U: (str, bytes)]: pass\"(C [Pass\"pass\"] [TypeVar\"T: int\"(T Name\"int\"(int LOAD)), TypeVar\"U: (str, bytes)\"(U Tuple\"(str, bytes)\"([Name\"str\"(str LOAD), Name\"bytes\"(bytes LOAD)] LOAD))])]");
    assertTree("type X = int",
        "Module[TypeAlias\"type X = int\"(Name\"X\"(X STORE) Name\"int\"(int LOAD))]");
    assertTree("type L[T] = list[T]",
        "Module[TypeAlias\"type L[T] = list[T]\"(Name\"L\"(L STORE) [TypeVar\"T\"(T)] Subscript\"list[T]\"(Name\"list\"(list LOAD) Name\"T\"(T LOAD) LOAD))]");
    assertTree("def f[T = int, *Ts = *tuple[int], **P = [int]](): pass",
        "Module[FunctionDef\"def f[T = int, *Ts = *tuple[int], **P = [int]](): pass\"(f Arguments\"\" [Pass\"pass\"] [TypeVar\"T = int\"(T Name\"int\"(int LOAD)), TypeVarTuple\"*Ts = *tuple[int]\"(Ts Starred\"*tuple[int]\"(Subscript\"tuple[int]\"(Name\"tuple\"(tuple LOAD) Name\"int\"(int LOAD) LOAD) LOAD)), ParamSpec\"**P = [int]\"(P ListExpr\"[int]\"([Name\"int\"(int LOAD)] LOAD))])]");
    assertTree("class C[T: int = bool]: pass",
        "Module[ClassDef\"class C[T: int = bool]: pass\"(C [Pass\"pass\"] [TypeVar\"T: int = bool\"(T Name\"int\"(int LOAD) Name\"bool\"(bool LOAD))])]");
  }

  @Test
  void ifWhileFor() {
    assertTree("if a:\n  x\nelif b:\n  y\nelif c:\n  z\nelse:\n  w\n",
        "Module[If\"if a:\\n  x\\nelif b:\\n  y\\nelif c:\\n  z\\nelse:\\n  w\"(Name\"a\"(a LOAD) [ExprStmt\"x\"(Name\"x\"(x LOAD))] [If\"elif b:\\n  y\\nelif c:\\n  z\\nelse:\\n  w\"(Name\"b\"(b LOAD) [ExprStmt\"y\"(Name\"y\"(y LOAD))] [If\"elif c:\\n  z\\nelse:\\n  w\"(Name\"c\"(c LOAD) [ExprStmt\"z\"(Name\"z\"(z LOAD))] [ExprStmt\"w\"(Name\"w\"(w LOAD))])])])]");
    assertTree("if a: x\nelse: y",
        "Module[If\"if a: x\\nelse: y\"(Name\"a\"(a LOAD) [ExprStmt\"x\"(Name\"x\"(x LOAD))] [ExprStmt\"y\"(Name\"y\"(y LOAD))])]");
    assertTree("while x:\n  pass\nelse:\n  y",
        "Module[While\"while x:\\n  pass\\nelse:\\n  y\"(Name\"x\"(x LOAD) [Pass\"pass\"] [ExprStmt\"y\"(Name\"y\"(y LOAD))])]");
    assertTree("for x in y:\n  pass",
        "Module[For\"for x in y:\\n  pass\"(Name\"x\"(x STORE) Name\"y\"(y LOAD) [Pass\"pass\"])]");
    assertTree("for a, b in c, d: pass",
        "Module[For\"for a, b in c, d: pass\"(Tuple\"a, b\"([Name\"a\"(a STORE), Name\"b\"(b STORE)] STORE) Tuple\"c, d\"([Name\"c\"(c LOAD), Name\"d\"(d LOAD)] LOAD) [Pass\"pass\"])]");
    assertTree("for x in *a, *b: pass",
        "Module[For\"for x in *a, *b: pass\"(Name\"x\"(x STORE) Tuple\"*a, *b\"([Starred\"*a\"(Name\"a\"(a LOAD) LOAD), Starred\"*b\"(Name\"b\"(b LOAD) LOAD)] LOAD) [Pass\"pass\"])]");
    assertTree("async def f():\n  async for x in y:\n    pass\n  else:\n    z",
        "Module[FunctionDef\"async def f():\\n  async for x in y:\\n    pass\\n  else:\\n    z\"(f Arguments\"\" [For\"async for x in y:\\n    pass\\n  else:\\n    z\"(Name\"x\"(x STORE) Name\"y\"(y LOAD) [Pass\"pass\"] [ExprStmt\"z\"(Name\"z\"(z LOAD))] isAsync)] isAsync)]");
    assertTree("if a:\n  if b:\n    x;\n",
        "Module[If\"if a:\\n  if b:\\n    x;\"(Name\"a\"(a LOAD) [If\"if b:\\n    x;\"(Name\"b\"(b LOAD) [ExprStmt\"x\"(Name\"x\"(x LOAD))])])]");
  }

  @Test
  void withStatements() {
    assertTree("with a: pass",
        "Module[With\"with a: pass\"([WithItem\"a\"(Name\"a\"(a LOAD))] [Pass\"pass\"])]");
    assertTree("with a as b, c as (d, e): pass",
        "Module[With\"with a as b, c as (d, e): pass\"([WithItem\"a as b\"(Name\"a\"(a LOAD) Name\"b\"(b STORE)), WithItem\"c as (d, e)\"(Name\"c\"(c LOAD) Tuple\"(d, e)\"([Name\"d\"(d STORE), Name\"e\"(e STORE)] STORE))] [Pass\"pass\"])]");
    assertTree("with (a as b, c as d,): pass",
        "Module[With\"with (a as b, c as d,): pass\"([WithItem\"a as b\"(Name\"a\"(a LOAD) Name\"b\"(b STORE)), WithItem\"c as d\"(Name\"c\"(c LOAD) Name\"d\"(d STORE))] [Pass\"pass\"])]");
    assertTree("with (a, b): pass",
        "Module[With\"with (a, b): pass\"([WithItem\"a\"(Name\"a\"(a LOAD)), WithItem\"b\"(Name\"b\"(b LOAD))] [Pass\"pass\"])]");
    assertTree("with (a) as b: pass",
        "Module[With\"with (a) as b: pass\"([WithItem\"(a) as b\"(Name\"a\"(a LOAD) Name\"b\"(b STORE))] [Pass\"pass\"])]");
    assertTree("with (a, b) as c: pass",
        "Module[With\"with (a, b) as c: pass\"([WithItem\"(a, b) as c\"(Tuple\"(a, b)\"([Name\"a\"(a LOAD), Name\"b\"(b LOAD)] LOAD) Name\"c\"(c STORE))] [Pass\"pass\"])]");
    assertTree("with (yield x): pass",
        "Module[With\"with (yield x): pass\"([WithItem\"(yield x)\"(Yield\"yield x\"(Name\"x\"(x LOAD)))] [Pass\"pass\"])]");
    assertTree("async def f():\n  async with a as b: pass",
        "Module[FunctionDef\"async def f():\\n  async with a as b: pass\"(f Arguments\"\" [With\"async with a as b: pass\"([WithItem\"a as b\"(Name\"a\"(a LOAD) Name\"b\"(b STORE))] [Pass\"pass\"] isAsync)] isAsync)]");
    assertTree("with (\n  open(a) as f,\n  open(b) as g,\n):\n  pass",
        "Module[With\"with (\\n  open(a) as f,\\n  open(b) as g,\\n):\\n  pass\"([WithItem\"open(a) as f\"(Call\"open(a)\"(Name\"open\"(open LOAD) [Name\"a\"(a LOAD)]) Name\"f\"(f STORE)), WithItem\"open(b) as g\"(Call\"open(b)\"(Name\"open\"(open LOAD) [Name\"b\"(b LOAD)]) Name\"g\"(g STORE))] [Pass\"pass\"])]");
  }

  @Test
  void tryStatements() {
    assertTree("try:\n  a\nexcept E as e:\n  b\nexcept (F, G):\n  c\nexcept:\n  d\nelse:\n  e\nfinally:\n  f",
        "Module[Try\"try:\\n  a\\nexcept E as e:\\n  b\\nexcept (F, G):\\n  c\\nexcept:\\n  d\\nelse:\\n  e\\nfinally:\\n  f\"([ExprStmt\"a\"(Name\"a\"(a LOAD))] [ExceptHandler\"except E as e:\\n  b\"(Name\"E\"(E LOAD) e [ExprStmt\"b\"(Name\"b\"(b LOAD))]), ExceptHandler\"except (F, G):\\n  c\"(Tuple\"(F, G)\"([Name\"F\"(F LOAD), Name\"G\"(G LOAD)] LOAD) [ExprStmt\"c\"(Name\"c\"(c LOAD))]), ExceptHandler\"except:\\n  d\"([ExprStmt\"d\"(Name\"d\"(d LOAD))])] [ExprStmt\"e\"(Name\"e\"(e LOAD))] [ExprStmt\"f\"(Name\"f\"(f LOAD))])]");
    assertTree("try:\n  a\nfinally:\n  b",
        "Module[Try\"try:\\n  a\\nfinally:\\n  b\"([ExprStmt\"a\"(Name\"a\"(a LOAD))] [ExprStmt\"b\"(Name\"b\"(b LOAD))])]");
    assertTree("try:\n  a\nexcept* E as e:\n  b\nexcept* F:\n  c",
        "Module[Try\"try:\\n  a\\nexcept* E as e:\\n  b\\nexcept* F:\\n  c\"([ExprStmt\"a\"(Name\"a\"(a LOAD))] [ExceptHandler\"except* E as e:\\n  b\"(Name\"E\"(E LOAD) e [ExprStmt\"b\"(Name\"b\"(b LOAD))]), ExceptHandler\"except* F:\\n  c\"(Name\"F\"(F LOAD) [ExprStmt\"c\"(Name\"c\"(c LOAD))])] isStar)]");
    assertTree("try: a\nexcept E: b;",
        "Module[Try\"try: a\\nexcept E: b;\"([ExprStmt\"a\"(Name\"a\"(a LOAD))] [ExceptHandler\"except E: b;\"(Name\"E\"(E LOAD) [ExprStmt\"b\"(Name\"b\"(b LOAD))])])]");
  }
}
