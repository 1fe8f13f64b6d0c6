package dev.oomlint.rules.edits;

import dev.oomlint.ast.ConstValue;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.SourceFile;
import dev.oomlint.ast.Support;
import dev.oomlint.diagnostics.Edit;
import java.util.ArrayList;
import java.util.List;

/** Reading a call's arguments and editing its argument list. */
public final class CallEdits {
  private CallEdits() {}

  /** Every argument node (positional and keyword), in source order. */
  public static List<Node> arguments(Expr.Call c) {
    List<Node> all = new ArrayList<>(c.args());
    all.addAll(c.keywords());
    all.sort((a, b) -> Integer.compare(a.range().start(), b.range().start()));
    return all;
  }

  /**
   * An edit that adds {@code text} ({@code name=value}) as the last argument; null when the call's
   * text is not a plain argument list (a lone generator argument, an unexpected closing).
   */
  public static Edit append(SourceFile file, Expr.Call c, String text) {
    List<Node> all = arguments(c);
    if (all.isEmpty()) {
      int close = closingParen(file, c);
      return close < 0 ? null : Edit.insert(close, text);
    }
    if (all.size() == 1 && all.get(0) instanceof Expr.GeneratorExp g && isBareGenerator(file, g, c)) {
      return null;
    }
    return Edit.insert(all.get(all.size() - 1).range().end(), ", " + text);
  }

  /** An edit that adds {@code text} as the first argument; null as for {@link #append}. */
  public static Edit prepend(SourceFile file, Expr.Call c, String text) {
    List<Node> all = arguments(c);
    if (all.isEmpty()) {
      int close = closingParen(file, c);
      return close < 0 ? null : Edit.insert(close, text);
    }
    if (all.size() == 1 && all.get(0) instanceof Expr.GeneratorExp g && isBareGenerator(file, g, c)) {
      return null;
    }
    return Edit.insert(all.get(0).range().start(), text + ", ");
  }

  /** The offset of the call's closing parenthesis, or -1. */
  public static int closingParen(SourceFile file, Expr.Call c) {
    int end = c.range().end() - 1;
    return end >= 0 && file.text().charAt(end) == ')' ? end : -1;
  }

  /** {@code f(x for x in y)}: the generator's parentheses are the call's own. */
  private static boolean isBareGenerator(SourceFile file, Expr.GeneratorExp g, Expr.Call c) {
    return g.range().end() >= c.range().end() - 1 || !file.text().substring(g.range().start()).startsWith("(");
  }

}
