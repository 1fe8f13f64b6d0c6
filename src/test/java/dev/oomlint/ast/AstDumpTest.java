package dev.oomlint.ast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomlint.ast.Operators.ExprContext;
import dev.oomlint.ast.Operators.UnaryOperator;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link AstDump} on hand-built trees. Each expected string is what that CPython version's
 * {@code ast.dump(ast.parse(SOURCE), include_attributes=True)} printed for the source in the comment.
 */
class AstDumpTest {
  private static SourceRange r(int start, int end) {
    return new SourceRange(start, end);
  }

  private static String dump(String source, Node node, int minor) {
    return AstDump.dump(node, new LineIndex(source), minor);
  }

  private static Mod.Module module(String source, Stmt... body) {
    return new Mod.Module(r(0, source.length()), List.of(body), List.of());
  }

  private static Support.Arguments noArgs() {
    return new Support.Arguments(SourceRange.EMPTY, List.of(), List.of(), null, List.of(), List.of(), null, List.of());
  }

  // x = 1
  private static final String ASSIGN_SRC = "x = 1\n";
  private static final Mod.Module ASSIGN = module(ASSIGN_SRC, new Stmt.Assign(r(0, 5),
      List.of(new Expr.Name(r(0, 1), "x", ExprContext.STORE)),
      new Expr.Constant(r(4, 5), new ConstValue.Int(BigInteger.ONE), null)));

  @Test
  void assignmentAsEachVersionPrintsIt() {
    String body = "Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], "
        + "value=Constant(value=1, lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), "
        + "lineno=1, col_offset=0, end_lineno=1, end_col_offset=5)";
    assertEquals("Module(body=[" + body + "], type_ignores=[])", dump(ASSIGN_SRC, ASSIGN, 11));
    assertEquals("Module(body=[" + body + "], type_ignores=[])", dump(ASSIGN_SRC, ASSIGN, 12));
    assertEquals("Module(body=[" + body + "])", dump(ASSIGN_SRC, ASSIGN, 13));
  }

  @Test
  void emptyModule() {
    Mod.Module empty = module("");
    assertEquals("Module(body=[], type_ignores=[])", dump("", empty, 11));
    assertEquals("Module()", dump("", empty, 13));
  }

  // async def f[T](): pass
  @Test
  void asyncFunctionWithTypeParams() {
    String src = "async def f[T](): pass\n";
    Mod.Module m = module(src, new Stmt.FunctionDef(r(0, 22), "f", noArgs(), List.of(new Stmt.Pass(r(18, 22))),
        List.of(), null, List.of(new TypeParam.TypeVar(r(12, 13), "T", null, null)), true));
    assertEquals("Module(body=[AsyncFunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], "
        + "kw_defaults=[], defaults=[]), body=[Pass(lineno=1, col_offset=18, end_lineno=1, end_col_offset=22)], "
        + "decorator_list=[], type_params=[TypeVar(name='T', lineno=1, col_offset=12, end_lineno=1, end_col_offset=13)], "
        + "lineno=1, col_offset=0, end_lineno=1, end_col_offset=22)], type_ignores=[])", dump(src, m, 12));
    assertEquals("Module(body=[AsyncFunctionDef(name='f', args=arguments(), body=[Pass(lineno=1, col_offset=18, "
        + "end_lineno=1, end_col_offset=22)], type_params=[TypeVar(name='T', lineno=1, col_offset=12, end_lineno=1, "
        + "end_col_offset=13)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=22)])", dump(src, m, 13));
    assertTrue(dump(src, m, 11).startsWith("Module(body=[AsyncFunctionDef(name='f', args=arguments(posonlyargs=[], "
        + "args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Pass("));
    assertTrue(!dump(src, m, 11).contains("type_params"));
  }

  // é = 'ü'
  @Test
  void columnsAreUtf8Bytes() {
    String src = "é = 'ü'\n";
    Mod.Module m = module(src, new Stmt.Assign(r(0, 7), List.of(new Expr.Name(r(0, 1), "é", ExprContext.STORE)),
        new Expr.Constant(r(4, 7), new ConstValue.Str("ü"), null)));
    assertEquals("Module(body=[Assign(targets=[Name(id='é', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, "
        + "end_col_offset=2)], value=Constant(value='ü', lineno=1, col_offset=5, end_lineno=1, end_col_offset=9), "
        + "lineno=1, col_offset=0, end_lineno=1, end_col_offset=9)], type_ignores=[])", dump(src, m, 11));
  }

  // f'a{b}'
  @Test
  void fstringPartsTakeTheWholeStringsPositionUpTo311() {
    String src = "f'a{b}'\n";
    Mod.Module m = module(src, new Stmt.ExprStmt(r(0, 7), new Expr.JoinedStr(r(0, 7), List.of(
        new Expr.Constant(r(2, 3), new ConstValue.Str("a"), null),
        new Expr.FormattedValue(r(3, 6), new Expr.Name(r(4, 5), "b", ExprContext.LOAD), -1, null)))));
    String py311 = "Module(body=[Expr(value=JoinedStr(values=[Constant(value='a', lineno=1, col_offset=0, end_lineno=1, "
        + "end_col_offset=7), FormattedValue(value=Name(id='b', ctx=Load(), lineno=1, col_offset=4, end_lineno=1, "
        + "end_col_offset=5), conversion=-1, lineno=1, col_offset=0, end_lineno=1, end_col_offset=7)], lineno=1, "
        + "col_offset=0, end_lineno=1, end_col_offset=7), lineno=1, col_offset=0, end_lineno=1, end_col_offset=7)], "
        + "type_ignores=[])";
    String py312 = "Module(body=[Expr(value=JoinedStr(values=[Constant(value='a', lineno=1, col_offset=2, end_lineno=1, "
        + "end_col_offset=3), FormattedValue(value=Name(id='b', ctx=Load(), lineno=1, col_offset=4, end_lineno=1, "
        + "end_col_offset=5), conversion=-1, lineno=1, col_offset=3, end_lineno=1, end_col_offset=6)], lineno=1, "
        + "col_offset=0, end_lineno=1, end_col_offset=7), lineno=1, col_offset=0, end_lineno=1, end_col_offset=7)], "
        + "type_ignores=[])";
    assertEquals(py311, dump(src, m, 11));
    assertEquals(py312, dump(src, m, 12));
  }

  // f"{x:{y}}" — CPython 3.12.1 prints a stray empty part at the end of the format spec
  @Test
  void python312EmptyPartAfterAFormatSpecsLastField() {
    String src = "f\"{x:{y}}\"\n";
    Expr.JoinedStr spec = new Expr.JoinedStr(r(4, 8), List.of(
        new Expr.FormattedValue(r(5, 8), new Expr.Name(r(6, 7), "y", ExprContext.LOAD), -1, null)));
    Expr.JoinedStr whole = new Expr.JoinedStr(r(0, 10), List.of(
        new Expr.FormattedValue(r(2, 9), new Expr.Name(r(3, 4), "x", ExprContext.LOAD), -1, spec)));
    Mod.Module m = module(src, new Stmt.ExprStmt(r(0, 10), whole));
    String empty = "Constant(value='', lineno=1, col_offset=8, end_lineno=1, end_col_offset=8)";
    assertTrue(dump(src, m, 12).contains(empty), dump(src, m, 12));
    assertTrue(!dump(src, m, 13).contains(empty));
    assertTrue(!dump(src, m, 11).contains("value=''"));
  }

  // c = [1.5, 2j, b'\x00', u's', 100000000000000000000, ..., None, True, 1e16]
  @Test
  void constantsOfEveryKind() {
    String src = "c = [1.5, 2j, b'\\x00', u's', 100000000000000000000, ..., None, True, 1e16]\n";
    List<Expr> elts = new ArrayList<>();
    elts.add(new Expr.Constant(r(5, 8), new ConstValue.Float(1.5), null));
    elts.add(new Expr.Constant(r(10, 12), new ConstValue.Imaginary(2), null));
    elts.add(new Expr.Constant(r(14, 21), new ConstValue.Bytes(new byte[] {0}), null));
    elts.add(new Expr.Constant(r(23, 27), new ConstValue.Str("s"), "u"));
    elts.add(new Expr.Constant(r(29, 50), new ConstValue.Int(new BigInteger("100000000000000000000")), null));
    elts.add(new Expr.Constant(r(52, 55), ConstValue.Singleton.ELLIPSIS, null));
    elts.add(new Expr.Constant(r(57, 61), ConstValue.Singleton.NONE, null));
    elts.add(new Expr.Constant(r(63, 67), new ConstValue.Bool(true), null));
    elts.add(new Expr.Constant(r(69, 73), new ConstValue.Float(1e16), null));
    Mod.Module m = module(src, new Stmt.Assign(r(0, 74), List.of(new Expr.Name(r(0, 1), "c", ExprContext.STORE)),
        new Expr.ListExpr(r(4, 74), elts, ExprContext.LOAD)));
    assertEquals("Module(body=[Assign(targets=[Name(id='c', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, "
        + "end_col_offset=1)], value=List(elts=[Constant(value=1.5, lineno=1, col_offset=5, end_lineno=1, "
        + "end_col_offset=8), Constant(value=2j, lineno=1, col_offset=10, end_lineno=1, end_col_offset=12), "
        + "Constant(value=b'\\x00', lineno=1, col_offset=14, end_lineno=1, end_col_offset=21), Constant(value='s', "
        + "kind='u', lineno=1, col_offset=23, end_lineno=1, end_col_offset=27), Constant(value=100000000000000000000, "
        + "lineno=1, col_offset=29, end_lineno=1, end_col_offset=50), Constant(value=Ellipsis, lineno=1, "
        + "col_offset=52, end_lineno=1, end_col_offset=55), Constant(value=None, lineno=1, col_offset=57, "
        + "end_lineno=1, end_col_offset=61), Constant(value=True, lineno=1, col_offset=63, end_lineno=1, "
        + "end_col_offset=67), Constant(value=1e+16, lineno=1, col_offset=69, end_lineno=1, end_col_offset=73)], "
        + "ctx=Load(), lineno=1, col_offset=4, end_lineno=1, end_col_offset=74), lineno=1, col_offset=0, "
        + "end_lineno=1, end_col_offset=74)], type_ignores=[])", dump(src, m, 11));
  }

  // import a.b as c
  @Test
  void aliasHasPositionsFrom310() {
    String src = "import a.b as c\n";
    Mod.Module m = module(src, new Stmt.Import(r(0, 15), List.of(new Support.Alias(r(7, 15), "a.b", "c"))));
    assertEquals("Module(body=[Import(names=[alias(name='a.b', asname='c')], lineno=1, col_offset=0, end_lineno=1, "
        + "end_col_offset=15)], type_ignores=[])", dump(src, m, 9));
    assertEquals("Module(body=[Import(names=[alias(name='a.b', asname='c', lineno=1, col_offset=7, end_lineno=1, "
        + "end_col_offset=15)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=15)], type_ignores=[])",
        dump(src, m, 11));
  }

  @Test
  void deepTreesDoNotOverflow() {
    int depth = 200_000;
    StringBuilder src = new StringBuilder("-".repeat(depth)).append("x\n");
    Expr e = new Expr.Name(r(depth, depth + 1), "x", ExprContext.LOAD);
    for (int i = depth - 1; i >= 0; i--) {
      e = new Expr.UnaryOp(r(i, depth + 1), UnaryOperator.USUB, e);
    }
    Mod.Module m = module(src.toString(), new Stmt.ExprStmt(r(0, depth + 1), e));
    String out = dump(src.toString(), m, 11);
    assertTrue(out.startsWith("Module(body=[Expr(value=UnaryOp(op=USub(), operand=UnaryOp(op=USub(), "));
    assertEquals(depth, out.split("UnaryOp\\(", -1).length - 1);
  }

  @Test
  void refusesVersionsItDoesNotKnow() {
    assertThrows(IllegalArgumentException.class, () -> dump(ASSIGN_SRC, ASSIGN, 8));
  }
}
