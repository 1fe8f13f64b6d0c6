package dev.oomlint.semantic;

import dev.oomlint.ast.Expr;
import java.util.List;
import java.util.Set;

/** Python containers as the leak rules meet them: what adds to one, and names bound to a dict or list. */
public final class Containers {
  private Containers() {}

  /** Methods that add their argument to a list or deque. */
  public static final Set<String> ADDERS = Set.of("append", "extend", "insert", "appendleft");

  /** Methods that take an element out of a list or deque: a container drained as it is filled is a queue. */
  public static final Set<String> REMOVERS = Set.of("pop", "popleft");

  private static final Set<String> FACTORIES = Set.of("dict", "list", "collections.defaultdict",
      "collections.OrderedDict", "collections.deque", "collections.Counter");

  /**
   * A name bound only to a dict or list: {@code {}}, {@code []}, a comprehension, {@code [x] * n},
   * {@code dict()}, {@code defaultdict(list)}, {@code deque()} ...
   */
  public static boolean isDictOrList(SemanticModel sm, Expr e) {
    if (!(e instanceof Expr.Name n)) {
      return false;
    }
    List<Binding> bs = sm.resolve(n);
    if (bs.isEmpty()) {
      return false;
    }
    for (Binding b : bs) {
      Expr v = b.value();
      if (b.kind() != Binding.Kind.ASSIGN || b.index() >= 0 || v == null) {
        return false;
      }
      boolean literal = v instanceof Expr.Dict || v instanceof Expr.ListExpr || v instanceof Expr.DictComp
          || v instanceof Expr.ListComp || v instanceof Expr.BinOp bo && bo.left() instanceof Expr.ListExpr
          || v instanceof Expr.Call c && FACTORIES.contains(String.valueOf(sm.qualifiedName(c.func())));
      if (!literal) {
        return false;
      }
    }
    return true;
  }
}
