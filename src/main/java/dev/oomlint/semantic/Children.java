package dev.oomlint.semantic;

import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Mod;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.Pattern;
import dev.oomlint.ast.Stmt;
import dev.oomlint.ast.Support;
import dev.oomlint.ast.TypeParam;
import java.util.ArrayList;
import java.util.List;

/**
 * The direct children of an AST node, in source order (a private stand-in for the shared AST walker
 * while that lives on its own branch). Null fields are skipped.
 */
final class Children {
  private Children() {}

  static List<Node> of(Node n) {
    List<Node> out = new ArrayList<>();
    add(n, out);
    return out;
  }

  private static void one(List<Node> out, Node n) {
    if (n != null) {
      out.add(n);
    }
  }

  private static void all(List<Node> out, List<? extends Node> ns) {
    for (Node n : ns) {
      if (n != null) {
        out.add(n);
      }
    }
  }

  private static void add(Node n, List<Node> o) {
    if (n instanceof Mod.Module m) {
      all(o, m.body());
    } else if (n instanceof Stmt s) {
      stmt(s, o);
    } else if (n instanceof Expr e) {
      expr(e, o);
    } else if (n instanceof Support s) {
      support(s, o);
    } else if (n instanceof Pattern p) {
      pattern(p, o);
    } else if (n instanceof TypeParam t) {
      if (t instanceof TypeParam.TypeVar v) {
        one(o, v.bound());
        one(o, v.defaultValue());
      } else if (t instanceof TypeParam.ParamSpec p) {
        one(o, p.defaultValue());
      } else if (t instanceof TypeParam.TypeVarTuple v) {
        one(o, v.defaultValue());
      }
    }
  }

  private static void stmt(Stmt s, List<Node> o) {
    if (s instanceof Stmt.FunctionDef f) {
      all(o, f.decoratorList());
      all(o, f.typeParams());
      one(o, f.args());
      one(o, f.returns());
      all(o, f.body());
    } else if (s instanceof Stmt.ClassDef c) {
      all(o, c.decoratorList());
      all(o, c.typeParams());
      all(o, c.bases());
      all(o, c.keywords());
      all(o, c.body());
    } else if (s instanceof Stmt.Return r) {
      one(o, r.value());
    } else if (s instanceof Stmt.Delete d) {
      all(o, d.targets());
    } else if (s instanceof Stmt.Assign a) {
      all(o, a.targets());
      one(o, a.value());
    } else if (s instanceof Stmt.TypeAlias t) {
      one(o, t.name());
      all(o, t.typeParams());
      one(o, t.value());
    } else if (s instanceof Stmt.AugAssign a) {
      one(o, a.target());
      one(o, a.value());
    } else if (s instanceof Stmt.AnnAssign a) {
      one(o, a.target());
      one(o, a.annotation());
      one(o, a.value());
    } else if (s instanceof Stmt.For f) {
      one(o, f.target());
      one(o, f.iter());
      all(o, f.body());
      all(o, f.orelse());
    } else if (s instanceof Stmt.While w) {
      one(o, w.test());
      all(o, w.body());
      all(o, w.orelse());
    } else if (s instanceof Stmt.If i) {
      one(o, i.test());
      all(o, i.body());
      all(o, i.orelse());
    } else if (s instanceof Stmt.With w) {
      all(o, w.items());
      all(o, w.body());
    } else if (s instanceof Stmt.Match m) {
      one(o, m.subject());
      all(o, m.cases());
    } else if (s instanceof Stmt.Raise r) {
      one(o, r.exc());
      one(o, r.cause());
    } else if (s instanceof Stmt.Try t) {
      all(o, t.body());
      all(o, t.handlers());
      all(o, t.orelse());
      all(o, t.finalbody());
    } else if (s instanceof Stmt.Assert a) {
      one(o, a.test());
      one(o, a.msg());
    } else if (s instanceof Stmt.Import i) {
      all(o, i.names());
    } else if (s instanceof Stmt.ImportFrom i) {
      all(o, i.names());
    } else if (s instanceof Stmt.ExprStmt e) {
      one(o, e.value());
    }
  }

  private static void expr(Expr e, List<Node> o) {
    if (e instanceof Expr.BoolOp b) {
      all(o, b.values());
    } else if (e instanceof Expr.NamedExpr n) {
      one(o, n.target());
      one(o, n.value());
    } else if (e instanceof Expr.BinOp b) {
      one(o, b.left());
      one(o, b.right());
    } else if (e instanceof Expr.UnaryOp u) {
      one(o, u.operand());
    } else if (e instanceof Expr.Lambda l) {
      one(o, l.args());
      one(o, l.body());
    } else if (e instanceof Expr.IfExp i) {
      one(o, i.body());
      one(o, i.test());
      one(o, i.orelse());
    } else if (e instanceof Expr.Dict d) {
      for (int i = 0; i < d.values().size(); i++) {
        one(o, d.keys().get(i));
        one(o, d.values().get(i));
      }
    } else if (e instanceof Expr.Set s) {
      all(o, s.elts());
    } else if (e instanceof Expr.ListComp c) {
      one(o, c.elt());
      all(o, c.generators());
    } else if (e instanceof Expr.SetComp c) {
      one(o, c.elt());
      all(o, c.generators());
    } else if (e instanceof Expr.DictComp c) {
      one(o, c.key());
      one(o, c.value());
      all(o, c.generators());
    } else if (e instanceof Expr.GeneratorExp c) {
      one(o, c.elt());
      all(o, c.generators());
    } else if (e instanceof Expr.Await a) {
      one(o, a.value());
    } else if (e instanceof Expr.Yield y) {
      one(o, y.value());
    } else if (e instanceof Expr.YieldFrom y) {
      one(o, y.value());
    } else if (e instanceof Expr.Compare c) {
      one(o, c.left());
      all(o, c.comparators());
    } else if (e instanceof Expr.Call c) {
      one(o, c.func());
      all(o, c.args());
      all(o, c.keywords());
    } else if (e instanceof Expr.FormattedValue f) {
      one(o, f.value());
      one(o, f.formatSpec());
    } else if (e instanceof Expr.JoinedStr j) {
      all(o, j.values());
    } else if (e instanceof Expr.Attribute a) {
      one(o, a.value());
    } else if (e instanceof Expr.Subscript s) {
      one(o, s.value());
      one(o, s.slice());
    } else if (e instanceof Expr.Starred s) {
      one(o, s.value());
    } else if (e instanceof Expr.ListExpr l) {
      all(o, l.elts());
    } else if (e instanceof Expr.Tuple t) {
      all(o, t.elts());
    } else if (e instanceof Expr.Slice s) {
      one(o, s.lower());
      one(o, s.upper());
      one(o, s.step());
    }
  }

  private static void support(Support s, List<Node> o) {
    if (s instanceof Support.Arguments a) {
      all(o, a.posonlyargs());
      all(o, a.args());
      one(o, a.vararg());
      all(o, a.kwonlyargs());
      one(o, a.kwarg());
      all(o, a.defaults());
      all(o, a.kwDefaults());
    } else if (s instanceof Support.Arg a) {
      one(o, a.annotation());
    } else if (s instanceof Support.Keyword k) {
      one(o, k.value());
    } else if (s instanceof Support.WithItem w) {
      one(o, w.contextExpr());
      one(o, w.optionalVars());
    } else if (s instanceof Support.Comprehension c) {
      one(o, c.target());
      one(o, c.iter());
      all(o, c.ifs());
    } else if (s instanceof Support.ExceptHandler h) {
      one(o, h.type());
      all(o, h.body());
    } else if (s instanceof Support.MatchCase m) {
      one(o, m.pattern());
      one(o, m.guard());
      all(o, m.body());
    }
  }

  private static void pattern(Pattern p, List<Node> o) {
    if (p instanceof Pattern.MatchValue v) {
      one(o, v.value());
    } else if (p instanceof Pattern.MatchSequence s) {
      all(o, s.patterns());
    } else if (p instanceof Pattern.MatchMapping m) {
      all(o, m.keys());
      all(o, m.patterns());
    } else if (p instanceof Pattern.MatchClass c) {
      one(o, c.cls());
      all(o, c.patterns());
      all(o, c.kwdPatterns());
    } else if (p instanceof Pattern.MatchAs a) {
      one(o, a.pattern());
    } else if (p instanceof Pattern.MatchOr m) {
      all(o, m.patterns());
    }
  }
}
