package dev.oomlint.semantic;

import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Operators;
import java.util.Locale;

/**
 * Tests of the installed library's version ({@code if is_torch_greater_or_equal_than_1_10:},
 * {@code if version.parse(torch.__version__) >= version.parse("1.10"):}): which branch is the one kept
 * for old versions, where a deprecated API is the only one that exists.
 */
public final class VersionGuards {
  private VersionGuards() {}

  /**
   * For the test of an {@code if} (or a conditional expression): {@code TRUE} when its {@code else}
   * branch is the old-version one (the test asks for a new enough version), {@code FALSE} when its body
   * is (the test asks for an older version), null when it is no version test or its direction is
   * unclear.
   */
  public static Boolean elseIsOldVersion(SemanticModel sm, Expr test) {
    if (test instanceof Expr.Name || test instanceof Expr.Attribute) {
      String name = AstUtil.path(test);
      if (name == null) {
        return null;
      }
      String n = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
      if (!n.contains("version") && !n.contains("torch") && !n.matches(".*_\\d+(_\\d+)+.*")) {
        return null;
      }
      if (n.contains("greater") || n.contains("_ge_") || n.contains("_gte") || n.contains("at_least")
          || n.contains("newer")) {
        return Boolean.TRUE;
      }
      if (n.contains("less") || n.contains("_lt_") || n.contains("older") || n.contains("before")) {
        return Boolean.FALSE;
      }
      return null;
    }
    if (test instanceof Expr.Compare c && c.ops().size() == 1
        && sm.file().slice(c.range()).toLowerCase(Locale.ROOT).contains("version")) {
      Operators.CmpOperator op = c.ops().get(0);
      if (op == Operators.CmpOperator.GT || op == Operators.CmpOperator.GT_E) {
        return Boolean.TRUE;
      }
      if (op == Operators.CmpOperator.LT || op == Operators.CmpOperator.LT_E) {
        return Boolean.FALSE;
      }
    }
    return null;
  }
}
