package dev.oomlint.ast;

import java.util.HashMap;
import java.util.Map;

/**
 * One constant per AST record class, so code can {@code switch} on the kind of a node:
 * {@code switch (NodeKind.of(node)) { case CALL: ... }}.
 */
public enum NodeKind {
  MODULE(Mod.Module.class),
  FUNCTION_DEF(Stmt.FunctionDef.class),
  CLASS_DEF(Stmt.ClassDef.class),
  RETURN(Stmt.Return.class),
  DELETE(Stmt.Delete.class),
  ASSIGN(Stmt.Assign.class),
  TYPE_ALIAS(Stmt.TypeAlias.class),
  AUG_ASSIGN(Stmt.AugAssign.class),
  ANN_ASSIGN(Stmt.AnnAssign.class),
  FOR(Stmt.For.class),
  WHILE(Stmt.While.class),
  IF(Stmt.If.class),
  WITH(Stmt.With.class),
  MATCH(Stmt.Match.class),
  RAISE(Stmt.Raise.class),
  TRY(Stmt.Try.class),
  ASSERT(Stmt.Assert.class),
  IMPORT(Stmt.Import.class),
  IMPORT_FROM(Stmt.ImportFrom.class),
  GLOBAL(Stmt.Global.class),
  NONLOCAL(Stmt.Nonlocal.class),
  EXPR_STMT(Stmt.ExprStmt.class),
  PASS(Stmt.Pass.class),
  BREAK(Stmt.Break.class),
  CONTINUE(Stmt.Continue.class),
  BOOL_OP(Expr.BoolOp.class),
  NAMED_EXPR(Expr.NamedExpr.class),
  BIN_OP(Expr.BinOp.class),
  UNARY_OP(Expr.UnaryOp.class),
  LAMBDA(Expr.Lambda.class),
  IF_EXP(Expr.IfExp.class),
  DICT(Expr.Dict.class),
  SET(Expr.Set.class),
  LIST_COMP(Expr.ListComp.class),
  SET_COMP(Expr.SetComp.class),
  DICT_COMP(Expr.DictComp.class),
  GENERATOR_EXP(Expr.GeneratorExp.class),
  AWAIT(Expr.Await.class),
  YIELD(Expr.Yield.class),
  YIELD_FROM(Expr.YieldFrom.class),
  COMPARE(Expr.Compare.class),
  CALL(Expr.Call.class),
  FORMATTED_VALUE(Expr.FormattedValue.class),
  JOINED_STR(Expr.JoinedStr.class),
  CONSTANT(Expr.Constant.class),
  ATTRIBUTE(Expr.Attribute.class),
  SUBSCRIPT(Expr.Subscript.class),
  STARRED(Expr.Starred.class),
  NAME(Expr.Name.class),
  LIST_EXPR(Expr.ListExpr.class),
  TUPLE(Expr.Tuple.class),
  SLICE(Expr.Slice.class),
  MATCH_VALUE(Pattern.MatchValue.class),
  MATCH_SINGLETON(Pattern.MatchSingleton.class),
  MATCH_SEQUENCE(Pattern.MatchSequence.class),
  MATCH_MAPPING(Pattern.MatchMapping.class),
  MATCH_CLASS(Pattern.MatchClass.class),
  MATCH_STAR(Pattern.MatchStar.class),
  MATCH_AS(Pattern.MatchAs.class),
  MATCH_OR(Pattern.MatchOr.class),
  TYPE_VAR(TypeParam.TypeVar.class),
  PARAM_SPEC(TypeParam.ParamSpec.class),
  TYPE_VAR_TUPLE(TypeParam.TypeVarTuple.class),
  ARGUMENTS(Support.Arguments.class),
  ARG(Support.Arg.class),
  KEYWORD(Support.Keyword.class),
  ALIAS(Support.Alias.class),
  WITH_ITEM(Support.WithItem.class),
  COMPREHENSION(Support.Comprehension.class),
  EXCEPT_HANDLER(Support.ExceptHandler.class),
  MATCH_CASE(Support.MatchCase.class);

  private static final Map<Class<?>, NodeKind> BY_CLASS = new HashMap<>();

  static {
    for (NodeKind k : values()) {
      BY_CLASS.put(k.type, k);
    }
  }

  private static final ClassValue<NodeKind> CACHE = new ClassValue<>() {
    @Override
    protected NodeKind computeValue(Class<?> type) {
      return BY_CLASS.get(type);
    }
  };

  /** The record class of this kind. */
  public final Class<? extends Node> type;

  NodeKind(Class<? extends Node> type) {
    this.type = type;
  }

  /** The kind of {@code node}. */
  public static NodeKind of(Node node) {
    return CACHE.get(node.getClass());
  }
}
