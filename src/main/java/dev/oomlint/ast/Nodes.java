package dev.oomlint.ast;

import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;
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
    // the commonest kinds first, without a kind lookup
    if (node instanceof Expr.Name || node instanceof Expr.Constant) {
      return;
    }
    if (node instanceof Expr.Attribute a) {
      one(action, a.value());
      return;
    }
    if (node instanceof Expr.Call c) {
      one(action, c.func());
      all(action, c.args());
      all(action, c.keywords());
      return;
    }
    if (node instanceof Support.Keyword k) {
      one(action, k.value());
      return;
    }
    if (node instanceof Stmt.ExprStmt e) {
      one(action, e.value());
      return;
    }
    if (node instanceof Stmt.Assign a) {
      all(action, a.targets());
      one(action, a.value());
      return;
    }
    if (node instanceof Expr.Subscript sub) {
      one(action, sub.value());
      one(action, sub.slice());
      return;
    }
    if (node instanceof Expr.BinOp b) {
      one(action, b.left());
      one(action, b.right());
      return;
    }
    if (node instanceof Expr.Tuple t) {
      all(action, t.elts());
      return;
    }
    switch (NodeKind.of(node)) {
      case MODULE:
        all(action, ((Mod.Module) node).body());
        break;
      case FUNCTION_DEF: {
        Stmt.FunctionDef n = (Stmt.FunctionDef) node;
        one(action, n.args());
        all(action, n.body());
        all(action, n.decoratorList());
        one(action, n.returns());
        all(action, n.typeParams());
        break;
      }
      case CLASS_DEF: {
        Stmt.ClassDef n = (Stmt.ClassDef) node;
        all(action, n.bases());
        all(action, n.keywords());
        all(action, n.body());
        all(action, n.decoratorList());
        all(action, n.typeParams());
        break;
      }
      case RETURN:
        one(action, ((Stmt.Return) node).value());
        break;
      case DELETE:
        all(action, ((Stmt.Delete) node).targets());
        break;
      case ASSIGN: {
        Stmt.Assign n = (Stmt.Assign) node;
        all(action, n.targets());
        one(action, n.value());
        break;
      }
      case TYPE_ALIAS: {
        Stmt.TypeAlias n = (Stmt.TypeAlias) node;
        one(action, n.name());
        all(action, n.typeParams());
        one(action, n.value());
        break;
      }
      case AUG_ASSIGN: {
        Stmt.AugAssign n = (Stmt.AugAssign) node;
        one(action, n.target());
        one(action, n.value());
        break;
      }
      case ANN_ASSIGN: {
        Stmt.AnnAssign n = (Stmt.AnnAssign) node;
        one(action, n.target());
        one(action, n.annotation());
        one(action, n.value());
        break;
      }
      case FOR: {
        Stmt.For n = (Stmt.For) node;
        one(action, n.target());
        one(action, n.iter());
        all(action, n.body());
        all(action, n.orelse());
        break;
      }
      case WHILE: {
        Stmt.While n = (Stmt.While) node;
        one(action, n.test());
        all(action, n.body());
        all(action, n.orelse());
        break;
      }
      case IF: {
        Stmt.If n = (Stmt.If) node;
        one(action, n.test());
        all(action, n.body());
        all(action, n.orelse());
        break;
      }
      case WITH: {
        Stmt.With n = (Stmt.With) node;
        all(action, n.items());
        all(action, n.body());
        break;
      }
      case MATCH: {
        Stmt.Match n = (Stmt.Match) node;
        one(action, n.subject());
        all(action, n.cases());
        break;
      }
      case RAISE: {
        Stmt.Raise n = (Stmt.Raise) node;
        one(action, n.exc());
        one(action, n.cause());
        break;
      }
      case TRY: {
        Stmt.Try n = (Stmt.Try) node;
        all(action, n.body());
        all(action, n.handlers());
        all(action, n.orelse());
        all(action, n.finalbody());
        break;
      }
      case ASSERT: {
        Stmt.Assert n = (Stmt.Assert) node;
        one(action, n.test());
        one(action, n.msg());
        break;
      }
      case IMPORT:
        all(action, ((Stmt.Import) node).names());
        break;
      case IMPORT_FROM:
        all(action, ((Stmt.ImportFrom) node).names());
        break;
      case EXPR_STMT:
        one(action, ((Stmt.ExprStmt) node).value());
        break;
      case BOOL_OP:
        all(action, ((Expr.BoolOp) node).values());
        break;
      case NAMED_EXPR: {
        Expr.NamedExpr n = (Expr.NamedExpr) node;
        one(action, n.target());
        one(action, n.value());
        break;
      }
      case BIN_OP: {
        Expr.BinOp n = (Expr.BinOp) node;
        one(action, n.left());
        one(action, n.right());
        break;
      }
      case UNARY_OP:
        one(action, ((Expr.UnaryOp) node).operand());
        break;
      case LAMBDA: {
        Expr.Lambda n = (Expr.Lambda) node;
        one(action, n.args());
        one(action, n.body());
        break;
      }
      case IF_EXP: {
        Expr.IfExp n = (Expr.IfExp) node;
        one(action, n.test());
        one(action, n.body());
        one(action, n.orelse());
        break;
      }
      case DICT: {
        Expr.Dict n = (Expr.Dict) node;
        all(action, n.keys());
        all(action, n.values());
        break;
      }
      case SET:
        all(action, ((Expr.Set) node).elts());
        break;
      case LIST_COMP: {
        Expr.ListComp n = (Expr.ListComp) node;
        one(action, n.elt());
        all(action, n.generators());
        break;
      }
      case SET_COMP: {
        Expr.SetComp n = (Expr.SetComp) node;
        one(action, n.elt());
        all(action, n.generators());
        break;
      }
      case DICT_COMP: {
        Expr.DictComp n = (Expr.DictComp) node;
        one(action, n.key());
        one(action, n.value());
        all(action, n.generators());
        break;
      }
      case GENERATOR_EXP: {
        Expr.GeneratorExp n = (Expr.GeneratorExp) node;
        one(action, n.elt());
        all(action, n.generators());
        break;
      }
      case AWAIT:
        one(action, ((Expr.Await) node).value());
        break;
      case YIELD:
        one(action, ((Expr.Yield) node).value());
        break;
      case YIELD_FROM:
        one(action, ((Expr.YieldFrom) node).value());
        break;
      case COMPARE: {
        Expr.Compare n = (Expr.Compare) node;
        one(action, n.left());
        all(action, n.comparators());
        break;
      }
      case CALL: {
        Expr.Call n = (Expr.Call) node;
        one(action, n.func());
        all(action, n.args());
        all(action, n.keywords());
        break;
      }
      case FORMATTED_VALUE: {
        Expr.FormattedValue n = (Expr.FormattedValue) node;
        one(action, n.value());
        one(action, n.formatSpec());
        break;
      }
      case JOINED_STR:
        all(action, ((Expr.JoinedStr) node).values());
        break;
      case ATTRIBUTE:
        one(action, ((Expr.Attribute) node).value());
        break;
      case SUBSCRIPT: {
        Expr.Subscript n = (Expr.Subscript) node;
        one(action, n.value());
        one(action, n.slice());
        break;
      }
      case STARRED:
        one(action, ((Expr.Starred) node).value());
        break;
      case LIST_EXPR:
        all(action, ((Expr.ListExpr) node).elts());
        break;
      case TUPLE:
        all(action, ((Expr.Tuple) node).elts());
        break;
      case SLICE: {
        Expr.Slice n = (Expr.Slice) node;
        one(action, n.lower());
        one(action, n.upper());
        one(action, n.step());
        break;
      }
      case MATCH_VALUE:
        one(action, ((Pattern.MatchValue) node).value());
        break;
      case MATCH_SEQUENCE:
        all(action, ((Pattern.MatchSequence) node).patterns());
        break;
      case MATCH_MAPPING: {
        Pattern.MatchMapping n = (Pattern.MatchMapping) node;
        all(action, n.keys());
        all(action, n.patterns());
        break;
      }
      case MATCH_CLASS: {
        Pattern.MatchClass n = (Pattern.MatchClass) node;
        one(action, n.cls());
        all(action, n.patterns());
        all(action, n.kwdPatterns());
        break;
      }
      case MATCH_AS:
        one(action, ((Pattern.MatchAs) node).pattern());
        break;
      case MATCH_OR:
        all(action, ((Pattern.MatchOr) node).patterns());
        break;
      case TYPE_VAR: {
        TypeParam.TypeVar n = (TypeParam.TypeVar) node;
        one(action, n.bound());
        one(action, n.defaultValue());
        break;
      }
      case PARAM_SPEC:
        one(action, ((TypeParam.ParamSpec) node).defaultValue());
        break;
      case TYPE_VAR_TUPLE:
        one(action, ((TypeParam.TypeVarTuple) node).defaultValue());
        break;
      case ARGUMENTS: {
        Support.Arguments n = (Support.Arguments) node;
        all(action, n.posonlyargs());
        all(action, n.args());
        one(action, n.vararg());
        all(action, n.kwonlyargs());
        all(action, n.kwDefaults());
        one(action, n.kwarg());
        all(action, n.defaults());
        break;
      }
      case ARG:
        one(action, ((Support.Arg) node).annotation());
        break;
      case KEYWORD:
        one(action, ((Support.Keyword) node).value());
        break;
      case WITH_ITEM: {
        Support.WithItem n = (Support.WithItem) node;
        one(action, n.contextExpr());
        one(action, n.optionalVars());
        break;
      }
      case COMPREHENSION: {
        Support.Comprehension n = (Support.Comprehension) node;
        one(action, n.target());
        one(action, n.iter());
        all(action, n.ifs());
        break;
      }
      case EXCEPT_HANDLER: {
        Support.ExceptHandler n = (Support.ExceptHandler) node;
        one(action, n.type());
        all(action, n.body());
        break;
      }
      case MATCH_CASE: {
        Support.MatchCase n = (Support.MatchCase) node;
        one(action, n.pattern());
        one(action, n.guard());
        all(action, n.body());
        break;
      }
      default:
        // Global, Nonlocal, Pass, Break, Continue, Constant, Name, MatchSingleton, MatchStar, Alias: leaves.
        break;
    }
  }

  /** Feeds a child to the action when it is present. */
  private static void one(Consumer<? super Node> action, Node child) {
    if (child != null) {
      action.accept(child);
    }
  }

  /** Feeds the present children of a list to the action, in order. */
  private static void all(Consumer<? super Node> action, List<? extends Node> children) {
    if (children instanceof RandomAccess) {
      for (int i = 0, n = children.size(); i < n; i++) {
        Node child = children.get(i);
        if (child != null) {
          action.accept(child);
        }
      }
      return;
    }
    for (Node child : children) {
      if (child != null) {
        action.accept(child);
      }
    }
  }
}
