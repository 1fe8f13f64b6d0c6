package dev.oomlint.ast;

/**
 * A visitor over our AST with one method per node kind. Pass it to {@link AstWalker#walk(Node,
 * AstVisitor)}, which traverses the tree iteratively (no stack overflow on deep trees) and calls,
 * for each node in pre-order, its {@code visitXxx} method; when that returns {@code true} (the
 * default) the node's children are visited next, and {@link #leave(Node)} is called once after
 * them (also when the children were skipped). Override only the kinds a rule cares about.
 *
 * <pre>{@code
 * AstWalker.walk(module, new AstVisitor() {
 *   public boolean visitCall(Expr.Call call) {
 *     ...
 *     return true; // and look inside the call's arguments too
 *   }
 * });
 * }</pre>
 */
public interface AstVisitor {
  /** The fallback of every {@code visitXxx} method; returns {@code true}: visit the children. */
  default boolean visitNode(Node node) {
    return true;
  }

  /** Called after {@code node} and its children were visited. */
  default void leave(Node node) {}

  /** Called for each {@link Mod.Module}; by default {@link #visitNode}. */
  default boolean visitModule(Mod.Module node) {
    return visitNode(node);
  }

  /** Called for each {@link Stmt.FunctionDef}; by default {@link #visitNode}. */
  default boolean visitFunctionDef(Stmt.FunctionDef node) {
    return visitNode(node);
  }

  /** Called for each {@link Stmt.ClassDef}; by default {@link #visitNode}. */
  default boolean visitClassDef(Stmt.ClassDef node) {
    return visitNode(node);
  }

  /** Called for each {@link Stmt.Return}; by default {@link #visitNode}. */
  default boolean visitReturn(Stmt.Return node) {
    return visitNode(node);
  }

  /** Called for each {@link Stmt.Delete}; by default {@link #visitNode}. */
  default boolean visitDelete(Stmt.Delete node) {
    return visitNode(node);
  }

  /** Called for each {@link Stmt.Assign}; by default {@link #visitNode}. */
  default boolean visitAssign(Stmt.Assign node) {
    return visitNode(node);
  }

  /** Called for each {@link Stmt.TypeAlias}; by default {@link #visitNode}. */
  default boolean visitTypeAlias(Stmt.TypeAlias node) {
    return visitNode(node);
  }

  /** Called for each {@link Stmt.AugAssign}; by default {@link #visitNode}. */
  default boolean visitAugAssign(Stmt.AugAssign node) {
    return visitNode(node);
  }

  /** Called for each {@link Stmt.AnnAssign}; by default {@link #visitNode}. */
  default boolean visitAnnAssign(Stmt.AnnAssign node) {
    return visitNode(node);
  }

  /** Called for each {@link Stmt.For}; by default {@link #visitNode}. */
  default boolean visitFor(Stmt.For node) {
    return visitNode(node);
  }

  /** Called for each {@link Stmt.While}; by default {@link #visitNode}. */
  default boolean visitWhile(Stmt.While node) {
    return visitNode(node);
  }

  /** Called for each {@link Stmt.If}; by default {@link #visitNode}. */
  default boolean visitIf(Stmt.If node) {
    return visitNode(node);
  }

  /** Called for each {@link Stmt.With}; by default {@link #visitNode}. */
  default boolean visitWith(Stmt.With node) {
    return visitNode(node);
  }

  /** Called for each {@link Stmt.Match}; by default {@link #visitNode}. */
  default boolean visitMatch(Stmt.Match node) {
    return visitNode(node);
  }

  /** Called for each {@link Stmt.Raise}; by default {@link #visitNode}. */
  default boolean visitRaise(Stmt.Raise node) {
    return visitNode(node);
  }

  /** Called for each {@link Stmt.Try}; by default {@link #visitNode}. */
  default boolean visitTry(Stmt.Try node) {
    return visitNode(node);
  }

  /** Called for each {@link Stmt.Assert}; by default {@link #visitNode}. */
  default boolean visitAssert(Stmt.Assert node) {
    return visitNode(node);
  }

  /** Called for each {@link Stmt.Import}; by default {@link #visitNode}. */
  default boolean visitImport(Stmt.Import node) {
    return visitNode(node);
  }

  /** Called for each {@link Stmt.ImportFrom}; by default {@link #visitNode}. */
  default boolean visitImportFrom(Stmt.ImportFrom node) {
    return visitNode(node);
  }

  /** Called for each {@link Stmt.Global}; by default {@link #visitNode}. */
  default boolean visitGlobal(Stmt.Global node) {
    return visitNode(node);
  }

  /** Called for each {@link Stmt.Nonlocal}; by default {@link #visitNode}. */
  default boolean visitNonlocal(Stmt.Nonlocal node) {
    return visitNode(node);
  }

  /** Called for each {@link Stmt.ExprStmt}; by default {@link #visitNode}. */
  default boolean visitExprStmt(Stmt.ExprStmt node) {
    return visitNode(node);
  }

  /** Called for each {@link Stmt.Pass}; by default {@link #visitNode}. */
  default boolean visitPass(Stmt.Pass node) {
    return visitNode(node);
  }

  /** Called for each {@link Stmt.Break}; by default {@link #visitNode}. */
  default boolean visitBreak(Stmt.Break node) {
    return visitNode(node);
  }

  /** Called for each {@link Stmt.Continue}; by default {@link #visitNode}. */
  default boolean visitContinue(Stmt.Continue node) {
    return visitNode(node);
  }

  /** Called for each {@link Expr.BoolOp}; by default {@link #visitNode}. */
  default boolean visitBoolOp(Expr.BoolOp node) {
    return visitNode(node);
  }

  /** Called for each {@link Expr.NamedExpr}; by default {@link #visitNode}. */
  default boolean visitNamedExpr(Expr.NamedExpr node) {
    return visitNode(node);
  }

  /** Called for each {@link Expr.BinOp}; by default {@link #visitNode}. */
  default boolean visitBinOp(Expr.BinOp node) {
    return visitNode(node);
  }

  /** Called for each {@link Expr.UnaryOp}; by default {@link #visitNode}. */
  default boolean visitUnaryOp(Expr.UnaryOp node) {
    return visitNode(node);
  }

  /** Called for each {@link Expr.Lambda}; by default {@link #visitNode}. */
  default boolean visitLambda(Expr.Lambda node) {
    return visitNode(node);
  }

  /** Called for each {@link Expr.IfExp}; by default {@link #visitNode}. */
  default boolean visitIfExp(Expr.IfExp node) {
    return visitNode(node);
  }

  /** Called for each {@link Expr.Dict}; by default {@link #visitNode}. */
  default boolean visitDict(Expr.Dict node) {
    return visitNode(node);
  }

  /** Called for each {@link Expr.Set}; by default {@link #visitNode}. */
  default boolean visitSet(Expr.Set node) {
    return visitNode(node);
  }

  /** Called for each {@link Expr.ListComp}; by default {@link #visitNode}. */
  default boolean visitListComp(Expr.ListComp node) {
    return visitNode(node);
  }

  /** Called for each {@link Expr.SetComp}; by default {@link #visitNode}. */
  default boolean visitSetComp(Expr.SetComp node) {
    return visitNode(node);
  }

  /** Called for each {@link Expr.DictComp}; by default {@link #visitNode}. */
  default boolean visitDictComp(Expr.DictComp node) {
    return visitNode(node);
  }

  /** Called for each {@link Expr.GeneratorExp}; by default {@link #visitNode}. */
  default boolean visitGeneratorExp(Expr.GeneratorExp node) {
    return visitNode(node);
  }

  /** Called for each {@link Expr.Await}; by default {@link #visitNode}. */
  default boolean visitAwait(Expr.Await node) {
    return visitNode(node);
  }

  /** Called for each {@link Expr.Yield}; by default {@link #visitNode}. */
  default boolean visitYield(Expr.Yield node) {
    return visitNode(node);
  }

  /** Called for each {@link Expr.YieldFrom}; by default {@link #visitNode}. */
  default boolean visitYieldFrom(Expr.YieldFrom node) {
    return visitNode(node);
  }

  /** Called for each {@link Expr.Compare}; by default {@link #visitNode}. */
  default boolean visitCompare(Expr.Compare node) {
    return visitNode(node);
  }

  /** Called for each {@link Expr.Call}; by default {@link #visitNode}. */
  default boolean visitCall(Expr.Call node) {
    return visitNode(node);
  }

  /** Called for each {@link Expr.FormattedValue}; by default {@link #visitNode}. */
  default boolean visitFormattedValue(Expr.FormattedValue node) {
    return visitNode(node);
  }

  /** Called for each {@link Expr.JoinedStr}; by default {@link #visitNode}. */
  default boolean visitJoinedStr(Expr.JoinedStr node) {
    return visitNode(node);
  }

  /** Called for each {@link Expr.Constant}; by default {@link #visitNode}. */
  default boolean visitConstant(Expr.Constant node) {
    return visitNode(node);
  }

  /** Called for each {@link Expr.Attribute}; by default {@link #visitNode}. */
  default boolean visitAttribute(Expr.Attribute node) {
    return visitNode(node);
  }

  /** Called for each {@link Expr.Subscript}; by default {@link #visitNode}. */
  default boolean visitSubscript(Expr.Subscript node) {
    return visitNode(node);
  }

  /** Called for each {@link Expr.Starred}; by default {@link #visitNode}. */
  default boolean visitStarred(Expr.Starred node) {
    return visitNode(node);
  }

  /** Called for each {@link Expr.Name}; by default {@link #visitNode}. */
  default boolean visitName(Expr.Name node) {
    return visitNode(node);
  }

  /** Called for each {@link Expr.ListExpr}; by default {@link #visitNode}. */
  default boolean visitListExpr(Expr.ListExpr node) {
    return visitNode(node);
  }

  /** Called for each {@link Expr.Tuple}; by default {@link #visitNode}. */
  default boolean visitTuple(Expr.Tuple node) {
    return visitNode(node);
  }

  /** Called for each {@link Expr.Slice}; by default {@link #visitNode}. */
  default boolean visitSlice(Expr.Slice node) {
    return visitNode(node);
  }

  /** Called for each {@link Pattern.MatchValue}; by default {@link #visitNode}. */
  default boolean visitMatchValue(Pattern.MatchValue node) {
    return visitNode(node);
  }

  /** Called for each {@link Pattern.MatchSingleton}; by default {@link #visitNode}. */
  default boolean visitMatchSingleton(Pattern.MatchSingleton node) {
    return visitNode(node);
  }

  /** Called for each {@link Pattern.MatchSequence}; by default {@link #visitNode}. */
  default boolean visitMatchSequence(Pattern.MatchSequence node) {
    return visitNode(node);
  }

  /** Called for each {@link Pattern.MatchMapping}; by default {@link #visitNode}. */
  default boolean visitMatchMapping(Pattern.MatchMapping node) {
    return visitNode(node);
  }

  /** Called for each {@link Pattern.MatchClass}; by default {@link #visitNode}. */
  default boolean visitMatchClass(Pattern.MatchClass node) {
    return visitNode(node);
  }

  /** Called for each {@link Pattern.MatchStar}; by default {@link #visitNode}. */
  default boolean visitMatchStar(Pattern.MatchStar node) {
    return visitNode(node);
  }

  /** Called for each {@link Pattern.MatchAs}; by default {@link #visitNode}. */
  default boolean visitMatchAs(Pattern.MatchAs node) {
    return visitNode(node);
  }

  /** Called for each {@link Pattern.MatchOr}; by default {@link #visitNode}. */
  default boolean visitMatchOr(Pattern.MatchOr node) {
    return visitNode(node);
  }

  /** Called for each {@link TypeParam.TypeVar}; by default {@link #visitNode}. */
  default boolean visitTypeVar(TypeParam.TypeVar node) {
    return visitNode(node);
  }

  /** Called for each {@link TypeParam.ParamSpec}; by default {@link #visitNode}. */
  default boolean visitParamSpec(TypeParam.ParamSpec node) {
    return visitNode(node);
  }

  /** Called for each {@link TypeParam.TypeVarTuple}; by default {@link #visitNode}. */
  default boolean visitTypeVarTuple(TypeParam.TypeVarTuple node) {
    return visitNode(node);
  }

  /** Called for each {@link Support.Arguments}; by default {@link #visitNode}. */
  default boolean visitArguments(Support.Arguments node) {
    return visitNode(node);
  }

  /** Called for each {@link Support.Arg}; by default {@link #visitNode}. */
  default boolean visitArg(Support.Arg node) {
    return visitNode(node);
  }

  /** Called for each {@link Support.Keyword}; by default {@link #visitNode}. */
  default boolean visitKeyword(Support.Keyword node) {
    return visitNode(node);
  }

  /** Called for each {@link Support.Alias}; by default {@link #visitNode}. */
  default boolean visitAlias(Support.Alias node) {
    return visitNode(node);
  }

  /** Called for each {@link Support.WithItem}; by default {@link #visitNode}. */
  default boolean visitWithItem(Support.WithItem node) {
    return visitNode(node);
  }

  /** Called for each {@link Support.Comprehension}; by default {@link #visitNode}. */
  default boolean visitComprehension(Support.Comprehension node) {
    return visitNode(node);
  }

  /** Called for each {@link Support.ExceptHandler}; by default {@link #visitNode}. */
  default boolean visitExceptHandler(Support.ExceptHandler node) {
    return visitNode(node);
  }

  /** Called for each {@link Support.MatchCase}; by default {@link #visitNode}. */
  default boolean visitMatchCase(Support.MatchCase node) {
    return visitNode(node);
  }

  /** Calls the {@code visitXxx} method of {@code visitor} that matches the kind of {@code node}. */
  static boolean dispatch(AstVisitor visitor, Node node) {
    switch (NodeKind.of(node)) {
      case MODULE:
        return visitor.visitModule((Mod.Module) node);
      case FUNCTION_DEF:
        return visitor.visitFunctionDef((Stmt.FunctionDef) node);
      case CLASS_DEF:
        return visitor.visitClassDef((Stmt.ClassDef) node);
      case RETURN:
        return visitor.visitReturn((Stmt.Return) node);
      case DELETE:
        return visitor.visitDelete((Stmt.Delete) node);
      case ASSIGN:
        return visitor.visitAssign((Stmt.Assign) node);
      case TYPE_ALIAS:
        return visitor.visitTypeAlias((Stmt.TypeAlias) node);
      case AUG_ASSIGN:
        return visitor.visitAugAssign((Stmt.AugAssign) node);
      case ANN_ASSIGN:
        return visitor.visitAnnAssign((Stmt.AnnAssign) node);
      case FOR:
        return visitor.visitFor((Stmt.For) node);
      case WHILE:
        return visitor.visitWhile((Stmt.While) node);
      case IF:
        return visitor.visitIf((Stmt.If) node);
      case WITH:
        return visitor.visitWith((Stmt.With) node);
      case MATCH:
        return visitor.visitMatch((Stmt.Match) node);
      case RAISE:
        return visitor.visitRaise((Stmt.Raise) node);
      case TRY:
        return visitor.visitTry((Stmt.Try) node);
      case ASSERT:
        return visitor.visitAssert((Stmt.Assert) node);
      case IMPORT:
        return visitor.visitImport((Stmt.Import) node);
      case IMPORT_FROM:
        return visitor.visitImportFrom((Stmt.ImportFrom) node);
      case GLOBAL:
        return visitor.visitGlobal((Stmt.Global) node);
      case NONLOCAL:
        return visitor.visitNonlocal((Stmt.Nonlocal) node);
      case EXPR_STMT:
        return visitor.visitExprStmt((Stmt.ExprStmt) node);
      case PASS:
        return visitor.visitPass((Stmt.Pass) node);
      case BREAK:
        return visitor.visitBreak((Stmt.Break) node);
      case CONTINUE:
        return visitor.visitContinue((Stmt.Continue) node);
      case BOOL_OP:
        return visitor.visitBoolOp((Expr.BoolOp) node);
      case NAMED_EXPR:
        return visitor.visitNamedExpr((Expr.NamedExpr) node);
      case BIN_OP:
        return visitor.visitBinOp((Expr.BinOp) node);
      case UNARY_OP:
        return visitor.visitUnaryOp((Expr.UnaryOp) node);
      case LAMBDA:
        return visitor.visitLambda((Expr.Lambda) node);
      case IF_EXP:
        return visitor.visitIfExp((Expr.IfExp) node);
      case DICT:
        return visitor.visitDict((Expr.Dict) node);
      case SET:
        return visitor.visitSet((Expr.Set) node);
      case LIST_COMP:
        return visitor.visitListComp((Expr.ListComp) node);
      case SET_COMP:
        return visitor.visitSetComp((Expr.SetComp) node);
      case DICT_COMP:
        return visitor.visitDictComp((Expr.DictComp) node);
      case GENERATOR_EXP:
        return visitor.visitGeneratorExp((Expr.GeneratorExp) node);
      case AWAIT:
        return visitor.visitAwait((Expr.Await) node);
      case YIELD:
        return visitor.visitYield((Expr.Yield) node);
      case YIELD_FROM:
        return visitor.visitYieldFrom((Expr.YieldFrom) node);
      case COMPARE:
        return visitor.visitCompare((Expr.Compare) node);
      case CALL:
        return visitor.visitCall((Expr.Call) node);
      case FORMATTED_VALUE:
        return visitor.visitFormattedValue((Expr.FormattedValue) node);
      case JOINED_STR:
        return visitor.visitJoinedStr((Expr.JoinedStr) node);
      case CONSTANT:
        return visitor.visitConstant((Expr.Constant) node);
      case ATTRIBUTE:
        return visitor.visitAttribute((Expr.Attribute) node);
      case SUBSCRIPT:
        return visitor.visitSubscript((Expr.Subscript) node);
      case STARRED:
        return visitor.visitStarred((Expr.Starred) node);
      case NAME:
        return visitor.visitName((Expr.Name) node);
      case LIST_EXPR:
        return visitor.visitListExpr((Expr.ListExpr) node);
      case TUPLE:
        return visitor.visitTuple((Expr.Tuple) node);
      case SLICE:
        return visitor.visitSlice((Expr.Slice) node);
      case MATCH_VALUE:
        return visitor.visitMatchValue((Pattern.MatchValue) node);
      case MATCH_SINGLETON:
        return visitor.visitMatchSingleton((Pattern.MatchSingleton) node);
      case MATCH_SEQUENCE:
        return visitor.visitMatchSequence((Pattern.MatchSequence) node);
      case MATCH_MAPPING:
        return visitor.visitMatchMapping((Pattern.MatchMapping) node);
      case MATCH_CLASS:
        return visitor.visitMatchClass((Pattern.MatchClass) node);
      case MATCH_STAR:
        return visitor.visitMatchStar((Pattern.MatchStar) node);
      case MATCH_AS:
        return visitor.visitMatchAs((Pattern.MatchAs) node);
      case MATCH_OR:
        return visitor.visitMatchOr((Pattern.MatchOr) node);
      case TYPE_VAR:
        return visitor.visitTypeVar((TypeParam.TypeVar) node);
      case PARAM_SPEC:
        return visitor.visitParamSpec((TypeParam.ParamSpec) node);
      case TYPE_VAR_TUPLE:
        return visitor.visitTypeVarTuple((TypeParam.TypeVarTuple) node);
      case ARGUMENTS:
        return visitor.visitArguments((Support.Arguments) node);
      case ARG:
        return visitor.visitArg((Support.Arg) node);
      case KEYWORD:
        return visitor.visitKeyword((Support.Keyword) node);
      case ALIAS:
        return visitor.visitAlias((Support.Alias) node);
      case WITH_ITEM:
        return visitor.visitWithItem((Support.WithItem) node);
      case COMPREHENSION:
        return visitor.visitComprehension((Support.Comprehension) node);
      case EXCEPT_HANDLER:
        return visitor.visitExceptHandler((Support.ExceptHandler) node);
      case MATCH_CASE:
        return visitor.visitMatchCase((Support.MatchCase) node);
      default:
        throw new IllegalStateException("unknown node kind " + node.getClass());
    }
  }
}
