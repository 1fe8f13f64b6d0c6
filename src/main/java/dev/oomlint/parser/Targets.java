package dev.oomlint.parser;

import dev.oomlint.ast.Operators.CmpOperator;
import dev.oomlint.ast.Operators.ExprContext;
import dev.oomlint.ast.ConstValue;
import dev.oomlint.ast.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * Assignment and deletion targets: CPython's rules for which expressions may be assigned to or
 * deleted, its names for expression kinds in error messages, and the rewrite into Store/Del context.
 */
final class Targets {
  private Targets() {}

  /** Where a target appears; decides what is valid (CPython's {@code TARGETS_TYPE}). */
  enum Kind { STAR_TARGETS, DEL_TARGETS, FOR_TARGETS }

  /** CPython's {@code _PyPegen_get_expr_name}: how error messages name an expression kind. */
  static String exprName(Expr e) {
    if (e instanceof Expr.Attribute) return "attribute";
    if (e instanceof Expr.Subscript) return "subscript";
    if (e instanceof Expr.Starred) return "starred";
    if (e instanceof Expr.Name) return "name";
    if (e instanceof Expr.ListExpr) return "list";
    if (e instanceof Expr.Tuple) return "tuple";
    if (e instanceof Expr.Lambda) return "lambda";
    if (e instanceof Expr.Call) return "function call";
    if (e instanceof Expr.BoolOp || e instanceof Expr.BinOp || e instanceof Expr.UnaryOp) return "expression";
    if (e instanceof Expr.GeneratorExp) return "generator expression";
    if (e instanceof Expr.Yield || e instanceof Expr.YieldFrom) return "yield expression";
    if (e instanceof Expr.Await) return "await expression";
    if (e instanceof Expr.ListComp) return "list comprehension";
    if (e instanceof Expr.SetComp) return "set comprehension";
    if (e instanceof Expr.DictComp) return "dict comprehension";
    if (e instanceof Expr.Dict) return "dict literal";
    if (e instanceof Expr.Set) return "set display";
    if (e instanceof Expr.JoinedStr || e instanceof Expr.FormattedValue) return "f-string expression";
    if (e instanceof Expr.Constant c) return constantName(c.value());
    if (e instanceof Expr.Compare) return "comparison";
    if (e instanceof Expr.IfExp) return "conditional expression";
    if (e instanceof Expr.NamedExpr) return "named expression";
    return "slice";
  }

  private static String constantName(ConstValue v) {
    if (v == ConstValue.Singleton.NONE) {
      return "None";
    }
    if (v == ConstValue.Singleton.ELLIPSIS) {
      return "ellipsis";
    }
    if (v instanceof ConstValue.Bool b) {
      return b.value() ? "True" : "False";
    }
    return "literal";
  }

  /** CPython's {@code _PyPegen_get_invalid_target}: the first sub-expression that cannot be a target, or null. */
  static Expr invalidTarget(Expr e, Kind kind) {
    if (e instanceof Expr.Name || e instanceof Expr.Attribute || e instanceof Expr.Subscript) {
      return null;
    }
    if (e instanceof Expr.Tuple t) {
      return firstInvalid(t.elts(), kind);
    }
    if (e instanceof Expr.ListExpr l) {
      return firstInvalid(l.elts(), kind);
    }
    if (e instanceof Expr.Starred s) {
      return kind == Kind.DEL_TARGETS ? e : invalidTarget(s.value(), kind);
    }
    if (e instanceof Expr.Compare c && kind == Kind.FOR_TARGETS) {
      return c.ops().get(0) == CmpOperator.IN ? invalidTarget(c.left(), kind) : null;
    }
    return e;
  }

  private static Expr firstInvalid(List<Expr> elts, Kind kind) {
    for (Expr x : elts) {
      Expr bad = invalidTarget(x, kind);
      if (bad != null) {
        return bad;
      }
    }
    return null;
  }

  /** Checks {@code e} as a target and rewrites it into {@code ctx}; throws CPython's message if invalid. */
  static Expr toTarget(Expr e, ExprContext ctx) {
    Kind kind = ctx == ExprContext.DEL ? Kind.DEL_TARGETS : Kind.STAR_TARGETS;
    Expr bad = invalidTarget(e, kind);
    if (bad != null) {
      throw new BuildError((ctx == ExprContext.DEL ? "cannot delete " : "cannot assign to ") + exprName(bad),
          bad.range().start());
    }
    return withCtx(e, ctx);
  }

  /** Rewrites a valid target into {@code ctx} (Name, Attribute, Subscript, Starred, Tuple, List). */
  static Expr withCtx(Expr e, ExprContext ctx) {
    if (e instanceof Expr.Name n) {
      return n.ctx() == ctx ? n : new Expr.Name(n.range(), n.id(), ctx);
    }
    if (e instanceof Expr.Attribute a) {
      return new Expr.Attribute(a.range(), a.value(), a.attr(), ctx);
    }
    if (e instanceof Expr.Subscript s) {
      return new Expr.Subscript(s.range(), s.value(), s.slice(), ctx);
    }
    if (e instanceof Expr.Starred s) {
      return new Expr.Starred(s.range(), withCtx(s.value(), ctx), ctx);
    }
    if (e instanceof Expr.Tuple t) {
      return new Expr.Tuple(t.range(), mapCtx(t.elts(), ctx), ctx);
    }
    if (e instanceof Expr.ListExpr l) {
      return new Expr.ListExpr(l.range(), mapCtx(l.elts(), ctx), ctx);
    }
    return e;
  }

  private static List<Expr> mapCtx(List<Expr> elts, ExprContext ctx) {
    List<Expr> out = new ArrayList<>(elts.size());
    for (Expr x : elts) {
      out.add(withCtx(x, ctx));
    }
    return out;
  }
}
