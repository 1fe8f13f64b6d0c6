package dev.oomlint.semantic;

import dev.oomlint.ast.ConstValue;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.Stmt;
import java.util.ArrayList;
import java.util.List;

/** Small AST helpers shared by the semantic model and the rules. */
public final class AstUtil {
  /** A function's positional parameters, positional-only ones first ({@code self} included for a method). */
  public static List<dev.oomlint.ast.Support.Arg> positionalParams(Stmt.FunctionDef f) {
    List<dev.oomlint.ast.Support.Arg> out = new ArrayList<>(f.args().posonlyargs());
    out.addAll(f.args().args());
    return out;
  }

  /** The position of parameter {@code name} among a function's positional parameters, or -1. */
  public static int positionOf(Stmt.FunctionDef f, String name) {
    List<dev.oomlint.ast.Support.Arg> params = positionalParams(f);
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i).arg().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** The default value of parameter {@code name} (positional or keyword-only), or null when it has none. */
  public static Expr defaultOf(Stmt.FunctionDef f, String name) {
    int pos = positionOf(f, name);
    if (pos >= 0) {
      List<Expr> defaults = f.args().defaults();
      int first = positionalParams(f).size() - defaults.size();
      return pos >= first ? defaults.get(pos - first) : null;
    }
    List<dev.oomlint.ast.Support.Arg> kwonly = f.args().kwonlyargs();
    for (int i = 0; i < kwonly.size(); i++) {
      if (kwonly.get(i).arg().equals(name)) {
        return i < f.args().kwDefaults().size() ? f.args().kwDefaults().get(i) : null;
      }
    }
    return null;
  }

  private AstUtil() {}

  /** Identity membership (records compare deeply with equals; nodes are distinct objects). */
  public static boolean containsNode(List<? extends Node> list, Node n) {
    for (Node x : list) {
      if (x == n) {
        return true;
      }
    }
    return false;
  }

  /**
   * The dotted access path of a plain name or attribute chain ({@code loss}, {@code self.history}),
   * or null for anything else.
   */
  public static String path(Expr e) {
    if (e instanceof Expr.Name n) {
      return n.id();
    }
    if (e instanceof Expr.Attribute a) {
      String p = path(a.value());
      return p == null ? null : p + "." + a.attr();
    }
    return null;
  }

  /** The leftmost name of an attribute/subscript/call chain ({@code self} in {@code self.a.b[0]}). */
  public static Expr.Name root(Expr e) {
    Expr cur = e;
    for (int i = 0; i < 64 && cur != null; i++) {
      if (cur instanceof Expr.Name n) {
        return n;
      } else if (cur instanceof Expr.Attribute a) {
        cur = a.value();
      } else if (cur instanceof Expr.Subscript s) {
        cur = s.value();
      } else if (cur instanceof Expr.Call c) {
        cur = c.func();
      } else {
        return null;
      }
    }
    return null;
  }

  /** The last identifier of a name or attribute ({@code net} in {@code self.net}), or null. */
  public static String lastName(Expr e) {
    if (e instanceof Expr.Name n) {
      return n.id();
    }
    if (e instanceof Expr.Attribute a) {
      return a.attr();
    }
    return null;
  }

  /** The method name of a call {@code recv.m(...)}, or null. */
  public static String methodName(Expr.Call c) {
    return c.func() instanceof Expr.Attribute a ? a.attr() : null;
  }

  /** The receiver of a method call, or null. */
  public static Expr receiver(Expr.Call c) {
    return c.func() instanceof Expr.Attribute a ? a.value() : null;
  }


  /** Every statement list directly owned by a compound statement. */
  public static List<List<Stmt>> blocks(Stmt s) {
    List<List<Stmt>> out = new ArrayList<>();
    if (s instanceof Stmt.For f) {
      out.add(f.body());
      out.add(f.orelse());
    } else if (s instanceof Stmt.While w) {
      out.add(w.body());
      out.add(w.orelse());
    } else if (s instanceof Stmt.If i) {
      out.add(i.body());
      out.add(i.orelse());
    } else if (s instanceof Stmt.With w) {
      out.add(w.body());
    } else if (s instanceof Stmt.Try t) {
      out.add(t.body());
      t.handlers().forEach(h -> out.add(h.body()));
      out.add(t.orelse());
      out.add(t.finalbody());
    } else if (s instanceof Stmt.Match m) {
      m.cases().forEach(c -> out.add(c.body()));
    } else if (s instanceof Stmt.FunctionDef f) {
      out.add(f.body());
    } else if (s instanceof Stmt.ClassDef c) {
      out.add(c.body());
    }
    return out;
  }

  /**
   * The values of a function's own {@code return} statements (not those of nested functions, classes
   * or lambdas), in source order; null when one of them is a bare {@code return}.
   */
  public static List<Expr> returnValues(Stmt.FunctionDef f) {
    List<Expr> values = new ArrayList<>();
    boolean[] bare = {false};
    for (Stmt st : f.body()) {
      dev.oomlint.ast.AstWalker.descend(st, n -> {
        if (n instanceof Stmt.FunctionDef || n instanceof Stmt.ClassDef) {
          return false;
        }
        if (n instanceof Stmt.Return r) {
          if (r.value() == null) {
            bare[0] = true;
          } else {
            values.add(r.value());
          }
        }
        return !(n instanceof Expr); // a return is a statement: expressions (lambdas too) hold none
      });
    }
    return bare[0] ? null : values;
  }

  /** The body of a loop statement ({@code for} or {@code while}). */
  public static List<Stmt> loopBody(Stmt loop) {
    if (loop instanceof Stmt.For f) {
      return f.body();
    }
    if (loop instanceof Stmt.While w) {
      return w.body();
    }
    return List.of();
  }

  public static boolean isLoop(Node n) {
    return n instanceof Stmt.For || n instanceof Stmt.While;
  }

  /** Whether {@code s} is a docstring: a statement that is a string constant alone. */
  public static boolean isDocstring(Stmt s) {
    return s instanceof Stmt.ExprStmt e && e.value() instanceof Expr.Constant c && c.value() instanceof ConstValue.Str;
  }
}
