package dev.oomlint.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** match, case, type and _ are keywords only where they must be, names everywhere else. */
class SoftKeywordTest {
  private static void assertTree(String src, String expected) {
    assertEquals(expected, P.tree(P.module(src), src), src);
  }

  @Test
  void asNames() {
    assertTree("match = 1",
        "Module[Assign\"match = 1\"([Name\"match\"(match STORE)] Constant\"1\"(1))]");
    assertTree("case = 2",
        "Module[Assign\"case = 2\"([Name\"case\"(case STORE)] Constant\"2\"(2))]");
    assertTree("type = 3",
        "Module[Assign\"type = 3\"([Name\"type\"(type STORE)] Constant\"3\"(3))]");
    assertTree("_ = 4",
        "Module[Assign\"_ = 4\"([Name\"_\"(_ STORE)] Constant\"4\"(4))]");
    assertTree("match.group()",
        "Module[ExprStmt\"match.group()\"(Call\"match.group()\"(Attribute\"match.group\"(Name\"match\"(match LOAD) group LOAD)))]");
    assertTree("print(match.group())",
        "Module[ExprStmt\"print(match.group())\"(Call\"print(match.group())\"(Name\"print\"(print LOAD) [Call\"match.group()\"(Attribute\"match.group\"(Name\"match\"(match LOAD) group LOAD))]))]");
    assertTree("type(x)",
        "Module[ExprStmt\"type(x)\"(Call\"type(x)\"(Name\"type\"(type LOAD) [Name\"x\"(x LOAD)]))]");
    assertTree("match(x)",
        "Module[ExprStmt\"match(x)\"(Call\"match(x)\"(Name\"match\"(match LOAD) [Name\"x\"(x LOAD)]))]");
    assertTree("match[x]",
        "Module[ExprStmt\"match[x]\"(Subscript\"match[x]\"(Name\"match\"(match LOAD) Name\"x\"(x LOAD) LOAD))]");
    assertTree("match[x] = 1",
        "Module[Assign\"match[x] = 1\"([Subscript\"match[x]\"(Name\"match\"(match LOAD) Name\"x\"(x LOAD) STORE)] Constant\"1\"(1))]");
    assertTree("match: int = 1",
        "Module[AnnAssign\"match: int = 1\"(Name\"match\"(match STORE) Name\"int\"(int LOAD) Constant\"1\"(1) simple)]");
    assertTree("type.x",
        "Module[ExprStmt\"type.x\"(Attribute\"type.x\"(Name\"type\"(type LOAD) x LOAD))]");
    assertTree("type: int",
        "Module[AnnAssign\"type: int\"(Name\"type\"(type STORE) Name\"int\"(int LOAD) simple)]");
    assertTree("match, case = 1, 2",
        "Module[Assign\"match, case = 1, 2\"([Tuple\"match, case\"([Name\"match\"(match STORE), Name\"case\"(case STORE)] STORE)] Tuple\"1, 2\"([Constant\"1\"(1), Constant\"2\"(2)] LOAD))]");
    assertTree("match * x",
        "Module[ExprStmt\"match * x\"(BinOp\"match * x\"(Name\"match\"(match LOAD) MULT Name\"x\"(x LOAD)))]");
    assertTree("-match",
        "Module[ExprStmt\"-match\"(UnaryOp\"-match\"(USUB Name\"match\"(match LOAD)))]");
    assertTree("def match(type, case=_): return match",
        "Module[FunctionDef\"def match(type, case=_): return match\"(match Arguments\"type, case=_\"([Arg\"type\"(type), Arg\"case\"(case)] [Name\"_\"(_ LOAD)]) [Return\"return match\"(Name\"match\"(match LOAD))])]");
    assertTree("class type: pass",
        "Module[ClassDef\"class type: pass\"(type [Pass\"pass\"])]");
    assertTree("import match.case as type",
        "Module[Import\"import match.case as type\"([Alias\"match.case as type\"(match.case type)])]");
    assertTree("from type import match, _",
        "Module[ImportFrom\"from type import match, _\"(type [Alias\"match\"(match), Alias\"_\"(_)] 0)]");
    assertTree("x = [match for match in case]",
        "Module[Assign\"x = [match for match in case]\"([Name\"x\"(x STORE)] ListComp\"[match for match in case]\"(Name\"match\"(match LOAD) [Comprehension\"for match in case\"(Name\"match\"(match STORE) Name\"case\"(case LOAD))]))]");
    assertTree("lambda match, type: case",
        "Module[ExprStmt\"lambda match, type: case\"(Lambda\"lambda match, type: case\"(Arguments\"match, type\"([Arg\"match\"(match), Arg\"type\"(type)]) Name\"case\"(case LOAD)))]");
    assertTree("f(match=1, type=2)",
        "Module[ExprStmt\"f(match=1, type=2)\"(Call\"f(match=1, type=2)\"(Name\"f\"(f LOAD) [Keyword\"match=1\"(match Constant\"1\"(1)), Keyword\"type=2\"(type Constant\"2\"(2))]))]");
  }

  @Test
  void asKeywords() {
    assertTree("match x:\n  case case: pass\n",
        "Module[Match\"match x:\\n  case case: pass\"(Name\"x\"(x LOAD) [MatchCase\"case case: pass\"(MatchAs\"case\"(case) [Pass\"pass\"])])]");
    assertTree("match match:\n  case type: pass\n",
        "Module[Match\"match match:\\n  case type: pass\"(Name\"match\"(match LOAD) [MatchCase\"case type: pass\"(MatchAs\"type\"(type) [Pass\"pass\"])])]");
    assertTree("type type = type",
        "Module[TypeAlias\"type type = type\"(Name\"type\"(type STORE) Name\"type\"(type LOAD))]");
    assertTree("type match[case] = _",
        "Module[TypeAlias\"type match[case] = _\"(Name\"match\"(match STORE) [TypeVar\"case\"(case)] Name\"_\"(_ LOAD))]");
    assertTree("match(x):\n  case _: pass\n",
        "Module[Match\"match(x):\\n  case _: pass\"(Name\"x\"(x LOAD) [MatchCase\"case _: pass\"(MatchAs\"_\" [Pass\"pass\"])])]");
    assertTree("match [x]:\n  case _: pass\n",
        "Module[Match\"match [x]:\\n  case _: pass\"(ListExpr\"[x]\"([Name\"x\"(x LOAD)] LOAD) [MatchCase\"case _: pass\"(MatchAs\"_\" [Pass\"pass\"])])]");
    assertTree("match {a: b}:\n  case {1: _}: pass\n",
        "Module[Match\"match {a: b}:\\n  case {1: _}: pass\"(Dict\"{a: b}\"([Name\"a\"(a LOAD)] [Name\"b\"(b LOAD)]) [MatchCase\"case {1: _}: pass\"(MatchMapping\"{1: _}\"([Constant\"1\"(1)] [MatchAs\"_\"]) [Pass\"pass\"])])]");
    assertTree("match -1:\n  case -1: pass\n",
        "Module[Match\"match -1:\\n  case -1: pass\"(UnaryOp\"-1\"(USUB Constant\"1\"(1)) [MatchCase\"case -1: pass\"(MatchValue\"-1\"(UnaryOp\"-1\"(USUB Constant\"1\"(1))) [Pass\"pass\"])])]");
    assertTree("if x:\n  match y:\n    case 1:\n      match = 2\n",
        "Module[If\"if x:\\n  match y:\\n    case 1:\\n      match = 2\"(Name\"x\"(x LOAD) [Match\"match y:\\n    case 1:\\n      match = 2\"(Name\"y\"(y LOAD) [MatchCase\"case 1:\\n      match = 2\"(MatchValue\"1\"(Constant\"1\"(1)) [Assign\"match = 2\"([Name\"match\"(match STORE)] Constant\"2\"(2))])])])]");
  }
}
