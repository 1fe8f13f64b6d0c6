package dev.oomlint.semantic;

import dev.oomlint.ast.ConstValue;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Support;
import java.util.function.Predicate;

/** Reading a call's arguments and constant values. */
public final class Calls {
  private Calls() {}

  /** The keyword argument {@code name=...} of a call, or null. */
  public static Support.Keyword keyword(Expr.Call c, String name) {
    for (Support.Keyword k : c.keywords()) {
      if (name.equals(k.arg())) {
        return k;
      }
    }
    return null;
  }

  /** Whether the call passes {@code **kwargs} (which may hold any keyword). */
  public static boolean hasDoubleStar(Expr.Call c) {
    for (Support.Keyword k : c.keywords()) {
      if (k.arg() == null) {
        return true;
      }
    }
    return false;
  }

  /**
   * What a call passes for the parameter {@code name} at position {@code pos} (its keyword first);
   * null when it passes nothing there, or when it unpacks {@code *args}, which hides the positions.
   */
  public static Expr passed(Expr.Call c, int pos, String name) {
    Support.Keyword k = keyword(c, name);
    if (k != null) {
      return k.value();
    }
    return pos >= 0 && pos < c.args().size() && !hasStarred(c) ? c.args().get(pos) : null;
  }

  /** Whether any positional or keyword argument of the call satisfies {@code test}. */
  public static boolean anyArgument(Expr.Call c, Predicate<Expr> test) {
    for (Expr a : c.args()) {
      if (test.test(a)) {
        return true;
      }
    }
    for (Support.Keyword k : c.keywords()) {
      if (test.test(k.value())) {
        return true;
      }
    }
    return false;
  }

  /** Whether the call passes {@code *args} (which may fill any positional parameter). */
  public static boolean hasStarred(Expr.Call c) {
    for (Expr a : c.args()) {
      if (a instanceof Expr.Starred) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code e} is the constant {@code True}. */
  public static boolean isTrue(Expr e) {
    return e instanceof Expr.Constant k && k.value() instanceof ConstValue.Bool b && b.value();
  }

  /** Whether {@code e} is {@code False}, {@code None}, {@code 0} or an empty string: a falsy constant. */
  public static boolean isFalsyConstant(Expr e) {
    if (!(e instanceof Expr.Constant k)) {
      return false;
    }
    ConstValue v = k.value();
    return v instanceof ConstValue.Bool b && !b.value() || v == ConstValue.Singleton.NONE
        || v instanceof ConstValue.Int i && i.value().signum() == 0
        || v instanceof ConstValue.Str s && s.value().isEmpty();
  }

  /** The string value of a constant, or null. */
  public static String string(Expr e) {
    return e instanceof Expr.Constant k && k.value() instanceof ConstValue.Str s ? s.value() : null;
  }

  /** Keyword argument value by name, or the positional argument at {@code pos}; null when absent. */
  public static Expr argument(Expr.Call c, int pos, String keyword) {
    for (Support.Keyword k : c.keywords()) {
      if (keyword != null && keyword.equals(k.arg())) {
        return k.value();
      }
    }
    return pos < c.args().size() && !(c.args().get(pos) instanceof Expr.Starred) ? c.args().get(pos) : null;
  }
}
