package dev.oomlint.ast;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The direct children of a node, in CPython's field order (what {@code ast.iter_child_nodes} yields
 * on the newest CPython): e.g. a {@code Dict} gives all its keys, then all its values; absent
 * optional children (a {@code None} field, a {@code **d} key) are skipped. Operators, contexts and
 * comments are not nodes and never appear.
 */
public final class Nodes {
  private Nodes() {}

  /** The direct children of {@code node}, as a new list. */
  public static List<Node> children(Node node) {
    List<Node> out = new ArrayList<>();
    forEachChild(node, out::add);
    return out;
  }

  /** Calls {@code action} on each direct child of {@code node}, in order. */
  public static void forEachChild(Node node, Consumer<? super Node> action) {
    Sink s = new Sink(action);
    switch (NodeKind.of(node)) {
      case MODULE:
        s.all(((Mod.Module) node).body());
        break;
      case FUNCTION_DEF: {
        Stmt.FunctionDef n = (Stmt.FunctionDef) node;
        s.one(n.args()).all(n.body()).all(n.decoratorList()).one(n.returns()).all(n.typeParams());
        break;
      }
      case CLASS_DEF: {
        Stmt.ClassDef n = (Stmt.ClassDef) node;
        s.all(n.bases()).all(n.keywords()).all(n.body()).all(n.decoratorList()).all(n.typeParams());
        break;
      }
      case RETURN:
        s.one(((Stmt.Return) node).value());
        break;
      case DELETE:
        s.all(((Stmt.Delete) node).targets());
        break;
      case ASSIGN: {
        Stmt.Assign n = (Stmt.Assign) node;
        s.all(n.targets()).one(n.value());
        break;
      }
      case TYPE_ALIAS: {
        Stmt.TypeAlias n = (Stmt.TypeAlias) node;
        s.one(n.name()).all(n.typeParams()).one(n.value());
        break;
      }
      case AUG_ASSIGN: {
        Stmt.AugAssign n = (Stmt.AugAssign) node;
        s.one(n.target()).one(n.value());
        break;
      }
      case ANN_ASSIGN: {
        Stmt.AnnAssign n = (Stmt.AnnAssign) node;
        s.one(n.target()).one(n.annotation()).one(n.value());
        break;
      }
      case FOR: {
        Stmt.For n = (Stmt.For) node;
        s.one(n.target()).one(n.iter()).all(n.body()).all(n.orelse());
        break;
      }
      case WHILE: {
        Stmt.While n = (Stmt.While) node;
        s.one(n.test()).all(n.body()).all(n.orelse());
        break;
      }
      case IF: {
        Stmt.If n = (Stmt.If) node;
        s.one(n.test()).all(n.body()).all(n.orelse());
        break;
      }
      case WITH: {
        Stmt.With n = (Stmt.With) node;
        s.all(n.items()).all(n.body());
        break;
      }
      case MATCH: {
        Stmt.Match n = (Stmt.Match) node;
        s.one(n.subject()).all(n.cases());
        break;
      }
      case RAISE: {
        Stmt.Raise n = (Stmt.Raise) node;
        s.one(n.exc()).one(n.cause());
        break;
      }
      case TRY: {
        Stmt.Try n = (Stmt.Try) node;
        s.all(n.body()).all(n.handlers()).all(n.orelse()).all(n.finalbody());
        break;
      }
      case ASSERT: {
        Stmt.Assert n = (Stmt.Assert) node;
        s.one(n.test()).one(n.msg());
        break;
      }
      case IMPORT:
        s.all(((Stmt.Import) node).names());
        break;
      case IMPORT_FROM:
        s.all(((Stmt.ImportFrom) node).names());
        break;
      case EXPR_STMT:
        s.one(((Stmt.ExprStmt) node).value());
        break;
      case BOOL_OP:
        s.all(((Expr.BoolOp) node).values());
        break;
      case NAMED_EXPR: {
        Expr.NamedExpr n = (Expr.NamedExpr) node;
        s.one(n.target()).one(n.value());
        break;
      }
      case BIN_OP: {
        Expr.BinOp n = (Expr.BinOp) node;
        s.one(n.left()).one(n.right());
        break;
      }
      case UNARY_OP:
        s.one(((Expr.UnaryOp) node).operand());
        break;
      case LAMBDA: {
        Expr.Lambda n = (Expr.Lambda) node;
        s.one(n.args()).one(n.body());
        break;
      }
      case IF_EXP: {
        Expr.IfExp n = (Expr.IfExp) node;
        s.one(n.test()).one(n.body()).one(n.orelse());
        break;
      }
      case DICT: {
        Expr.Dict n = (Expr.Dict) node;
        s.all(n.keys()).all(n.values());
        break;
      }
      case SET:
        s.all(((Expr.Set) node).elts());
        break;
      case LIST_COMP: {
        Expr.ListComp n = (Expr.ListComp) node;
        s.one(n.elt()).all(n.generators());
        break;
      }
      case SET_COMP: {
        Expr.SetComp n = (Expr.SetComp) node;
        s.one(n.elt()).all(n.generators());
        break;
      }
      case DICT_COMP: {
        Expr.DictComp n = (Expr.DictComp) node;
        s.one(n.key()).one(n.value()).all(n.generators());
        break;
      }
      case GENERATOR_EXP: {
        Expr.GeneratorExp n = (Expr.GeneratorExp) node;
        s.one(n.elt()).all(n.generators());
        break;
      }
      case AWAIT:
        s.one(((Expr.Await) node).value());
        break;
      case YIELD:
        s.one(((Expr.Yield) node).value());
        break;
      case YIELD_FROM:
        s.one(((Expr.YieldFrom) node).value());
        break;
      case COMPARE: {
        Expr.Compare n = (Expr.Compare) node;
        s.one(n.left()).all(n.comparators());
        break;
      }
      case CALL: {
        Expr.Call n = (Expr.Call) node;
        s.one(n.func()).all(n.args()).all(n.keywords());
        break;
      }
      case FORMATTED_VALUE: {
        Expr.FormattedValue n = (Expr.FormattedValue) node;
        s.one(n.value()).one(n.formatSpec());
        break;
      }
      case JOINED_STR:
        s.all(((Expr.JoinedStr) node).values());
        break;
      case ATTRIBUTE:
        s.one(((Expr.Attribute) node).value());
        break;
      case SUBSCRIPT: {
        Expr.Subscript n = (Expr.Subscript) node;
        s.one(n.value()).one(n.slice());
        break;
      }
      case STARRED:
        s.one(((Expr.Starred) node).value());
        break;
      case LIST_EXPR:
        s.all(((Expr.ListExpr) node).elts());
        break;
      case TUPLE:
        s.all(((Expr.Tuple) node).elts());
        break;
      case SLICE: {
        Expr.Slice n = (Expr.Slice) node;
        s.one(n.lower()).one(n.upper()).one(n.step());
        break;
      }
      case MATCH_VALUE:
        s.one(((Pattern.MatchValue) node).value());
        break;
      case MATCH_SEQUENCE:
        s.all(((Pattern.MatchSequence) node).patterns());
        break;
      case MATCH_MAPPING: {
        Pattern.MatchMapping n = (Pattern.MatchMapping) node;
        s.all(n.keys()).all(n.patterns());
        break;
      }
      case MATCH_CLASS: {
        Pattern.MatchClass n = (Pattern.MatchClass) node;
        s.one(n.cls()).all(n.patterns()).all(n.kwdPatterns());
        break;
      }
      case MATCH_AS:
        s.one(((Pattern.MatchAs) node).pattern());
        break;
      case MATCH_OR:
        s.all(((Pattern.MatchOr) node).patterns());
        break;
      case TYPE_VAR: {
        TypeParam.TypeVar n = (TypeParam.TypeVar) node;
        s.one(n.bound()).one(n.defaultValue());
        break;
      }
      case PARAM_SPEC:
        s.one(((TypeParam.ParamSpec) node).defaultValue());
        break;
      case TYPE_VAR_TUPLE:
        s.one(((TypeParam.TypeVarTuple) node).defaultValue());
        break;
      case ARGUMENTS: {
        Support.Arguments n = (Support.Arguments) node;
        s.all(n.posonlyargs()).all(n.args()).one(n.vararg()).all(n.kwonlyargs()).all(n.kwDefaults())
            .one(n.kwarg()).all(n.defaults());
        break;
      }
      case ARG:
        s.one(((Support.Arg) node).annotation());
        break;
      case KEYWORD:
        s.one(((Support.Keyword) node).value());
        break;
      case WITH_ITEM: {
        Support.WithItem n = (Support.WithItem) node;
        s.one(n.contextExpr()).one(n.optionalVars());
        break;
      }
      case COMPREHENSION: {
        Support.Comprehension n = (Support.Comprehension) node;
        s.one(n.target()).one(n.iter()).all(n.ifs());
        break;
      }
      case EXCEPT_HANDLER: {
        Support.ExceptHandler n = (Support.ExceptHandler) node;
        s.one(n.type()).all(n.body());
        break;
      }
      case MATCH_CASE: {
        Support.MatchCase n = (Support.MatchCase) node;
        s.one(n.pattern()).one(n.guard()).all(n.body());
        break;
      }
      default:
        // Global, Nonlocal, Pass, Break, Continue, Constant, Name, MatchSingleton, MatchStar, Alias: leaves.
        break;
    }
  }

  /** Feeds non-null children to the action, fluently. */
  private static final class Sink {
    private final Consumer<? super Node> action;

    Sink(Consumer<? super Node> action) {
      this.action = action;
    }

    Sink one(Node child) {
      if (child != null) {
        action.accept(child);
      }
      return this;
    }

    Sink all(List<? extends Node> children) {
      for (Node child : children) {
        if (child != null) {
          action.accept(child);
        }
      }
      return this;
    }
  }
}
