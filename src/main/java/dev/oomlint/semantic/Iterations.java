package dev.oomlint.semantic;

import dev.oomlint.ast.AstWalker;
import dev.oomlint.ast.ConstValue;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Mod;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.Stmt;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Loop-iteration questions shared by OOM103, OOM202, OOM302 and OOM504: which loop a node runs in,
 * whether it runs on every iteration, and what a loop body does itself (as opposed to through a
 * nested loop).
 */
public final class Iterations {
  private final SemanticModel sm;
  private final Predicate<Expr.Call> direct;
  private final Map<Stmt.FunctionDef, Boolean> helpers = new IdentityHashMap<>();

  /**
   * Answers "does this code run a call matching {@code direct} once per pass" for a rule: directly,
   * or through a same-file function that does so outside its own loops.
   */
  public Iterations(SemanticModel sm, Predicate<Expr.Call> direct) {
    this.sm = sm;
    this.direct = direct;
  }

  /** The innermost {@code for}/{@code while} whose body contains {@code n}, within n's function; or null. */
  public static Stmt innermostLoop(SemanticModel sm, Node n) {
    Node child = n;
    for (Node cur = sm.parent(n); cur != null && !isScopeBoundary(cur); cur = sm.parent(cur)) {
      if (cur instanceof Stmt loop && AstUtil.isLoop(loop) && child instanceof Stmt cs
          && AstUtil.containsNode(AstUtil.loopBody(loop), cs)) {
        return loop;
      }
      child = cur;
    }
    return null;
  }

  /** The outermost loop around {@code n} (its body containing n) within n's function; or null. */
  public static Stmt outermostLoop(SemanticModel sm, Node n) {
    Stmt found = null;
    for (Stmt l = innermostLoop(sm, n); l != null; l = innermostLoop(sm, l)) {
      found = l;
    }
    return found;
  }

  public static boolean isScopeBoundary(Node n) {
    return n instanceof Stmt.FunctionDef || n instanceof Stmt.ClassDef || n instanceof Expr.Lambda
        || n instanceof Mod.Module;
  }

  /**
   * Whether the statement {@code s} runs whenever {@code owner} (a loop or function whose body holds
   * it, at any depth) runs its body: only {@code with} blocks and {@code try} bodies, {@code else} and
   * {@code finally} blocks lie between them; no {@code if}, inner loop, {@code except} or
   * {@code match}.
   */
  public static boolean runsEveryPass(SemanticModel sm, Stmt s, Node owner) {
    return runsEveryPass(sm, s, owner, t -> false);
  }

  /**
   * As {@link #runsEveryPass(SemanticModel, Stmt, Node)}, also passing through the body of an
   * {@code if} whose test satisfies {@code alwaysTrue} (a check that holds on every pass).
   */
  public static boolean runsEveryPass(SemanticModel sm, Stmt s, Node owner, Predicate<Expr> alwaysTrue) {
    return runsEveryPass(sm, s, owner, alwaysTrue, true);
  }

  /**
   * As above; with {@code honourContinue} false, an earlier {@code continue} does not count (the
   * statement still runs on every pass that gets that far).
   */
  public static boolean runsEveryPass(SemanticModel sm, Stmt s, Node owner, Predicate<Expr> alwaysTrue,
      boolean honourContinue) {
    Node child = s;
    for (Node cur = sm.parent(s); cur != null; cur = sm.parent(cur)) {
      if (honourContinue && child instanceof Stmt cs && skippedBefore(sm, cs)) {
        return false;
      }
      if (cur == owner) {
        return true;
      }
      boolean ok = false;
      if (cur instanceof Stmt.With) {
        ok = true;
      } else if (cur instanceof Stmt.Try t && child instanceof Stmt cs) {
        ok = AstUtil.containsNode(t.body(), cs) || AstUtil.containsNode(t.orelse(), cs)
            || AstUtil.containsNode(t.finalbody(), cs);
      } else if (cur instanceof Stmt.If i && child instanceof Stmt cs) {
        ok = AstUtil.containsNode(i.body(), cs) && alwaysTrue.test(i.test());
      }
      if (!ok) {
        return false;
      }
      child = cur;
    }
    return true;
  }

  /**
   * Whether a statement before {@code s} in its block may skip the rest of the pass with
   * {@code continue} (outside nested loops and definitions). {@code break}, {@code return} and
   * {@code raise} end the loop: every other pass still runs {@code s}.
   */
  private static boolean skippedBefore(SemanticModel sm, Stmt s) {
    List<Stmt> block = sm.blockOf(s);
    if (block == null) {
      return false;
    }
    for (Stmt before : block) {
      if (before == s) {
        return false;
      }
      boolean[] found = {false};
      AstWalker.descend(before, x -> {
        if (x instanceof Stmt.Continue) {
          found[0] = true;
        }
        return !found[0] && !(x instanceof Stmt.FunctionDef) && !(x instanceof Stmt.ClassDef)
            && !(x != before && AstUtil.isLoop(x));
      });
      if (found[0]) {
        return true;
      }
    }
    return false;
  }

  /** The statement a node belongs to (itself when it is one). */
  public static Stmt statementOf(SemanticModel sm, Node n) {
    Node cur = n;
    while (cur != null && !(cur instanceof Stmt)) {
      cur = sm.parent(cur);
    }
    return (Stmt) cur;
  }

  /**
   * Whether {@code body} runs a matching call itself: not inside a nested loop, def, class or lambda,
   * but possibly through a same-file function that runs one outside its own loops.
   */
  public boolean runsDirectly(List<Stmt> body) {
    boolean[] found = {false};
    for (Stmt s : body) {
      AstWalker.descend(s, n -> {
        if (found[0] || AstUtil.isLoop(n) || n instanceof Stmt.FunctionDef || n instanceof Stmt.ClassDef
            || n instanceof Expr.Lambda) {
          return false;
        }
        if (n instanceof Expr.Call c) {
          if (direct.test(c)) {
            found[0] = true;
            return false;
          }
          Stmt.FunctionDef f = sm.resolveCall(c);
          if (f != null && helper(f)) {
            found[0] = true;
            return false;
          }
        }
        return true;
      });
      if (found[0]) {
        return true;
      }
    }
    return false;
  }

  private boolean helper(Stmt.FunctionDef f) {
    Boolean v = helpers.get(f);
    if (v != null) {
      return v;
    }
    helpers.put(f, false);
    boolean r = runsDirectly(f.body());
    helpers.put(f, r);
    return r;
  }

  /**
   * Whether the loop waits for a person on every pass: its body (or its test) calls the builtin
   * {@code input()} ({@code while True: path = input("image: ")}), or, in a script, shows a figure
   * with {@code plt.show()} or waits for a key with {@code cv2.waitKey(0)}; or its header walks the
   * files someone uploads by hand (Colab's {@code files.upload()}). It runs as often as someone types,
   * closes a window or picks a file, a handful of times, whatever its header says.
   */
  public static boolean pacedByInput(SemanticModel sm, Stmt loop) {
    if (loop instanceof Stmt.For f && uploadedByHand(sm, f.iter(), 0)) {
      return true;
    }
    boolean script = !sm.file().path().endsWith(".ipynb");
    boolean[] hit = {false};
    AstWalker.descend(loop, n -> {
      if (hit[0]) {
        return false;
      }
      if (n instanceof Expr.Call c && waitsForPerson(sm, c, script)) {
        hit[0] = true;
      }
      return n == loop || !(n instanceof Stmt.FunctionDef) && !(n instanceof Stmt.ClassDef) && !(n instanceof Expr.Lambda);
    });
    return hit[0];
  }

  /**
   * Whether a loop header walks the files someone uploads by hand in a notebook: Colab's
   * {@code files.upload()} (a dict of the chosen files), directly, through a name bound once to it, or
   * its {@code keys()}/{@code items()}/{@code values()} or {@code list(...)}.
   */
  private static boolean uploadedByHand(SemanticModel sm, Expr it, int depth) {
    if (depth > 3 || it == null) {
      return false;
    }
    if (it instanceof Expr.Name n) {
      Expr v = singleValue(sm, n);
      return v != null && uploadedByHand(sm, v, depth + 1);
    }
    if (!(it instanceof Expr.Call c)) {
      return false;
    }
    if ("google.colab.files.upload".equals(sm.qualifiedName(c.func()))) {
      return true;
    }
    String m = AstUtil.methodName(c);
    if (m != null && DICT_VIEWS.contains(m) && c.args().isEmpty()) {
      return uploadedByHand(sm, ((Expr.Attribute) c.func()).value(), depth + 1);
    }
    return c.func() instanceof Expr.Name f && (f.id().equals("list") || f.id().equals("enumerate") || f.id().equals("sorted"))
        && c.args().size() == 1 && uploadedByHand(sm, c.args().get(0), depth + 1);
  }

  /**
   * A call that blocks until someone acts: the builtin {@code input()}; in a script (not a notebook,
   * where figures are drawn inline) {@code plt.show()}, which returns when the window is closed; and
   * OpenCV's {@code cv2.waitKey()} or {@code cv2.waitKey(0)}, which waits for a key press.
   */
  private static boolean waitsForPerson(SemanticModel sm, Expr.Call c, boolean script) {
    if (c.func() instanceof Expr.Name f) {
      return f.id().equals("input") && "input".equals(sm.qualifiedName(f));
    }
    String m = AstUtil.methodName(c);
    if (m == null || !m.equals("show") && !m.equals("waitKey")) {
      return false;
    }
    String q = sm.qualifiedName(c.func());
    if ("matplotlib.pyplot.show".equals(q)) {
      return script && c.args().isEmpty() && c.keywords().isEmpty();
    }
    return "cv2.waitKey".equals(q) && c.keywords().isEmpty() && (c.args().isEmpty()
        || c.args().size() == 1 && c.args().get(0) instanceof Expr.Constant k
        && k.value() instanceof ConstValue.Int i && i.value().signum() == 0);
  }

  /**
   * How many passes a {@code for} loop makes by its header alone, when the header says so with
   * literals: {@code range(n)}, {@code range(a, b)}, a literal list or tuple, {@code x[:n]},
   * {@code ds.take(n)}, {@code random.sample(xs, n)}, {@code random.choices(xs, k=n)}, a literal dict
   * and its {@code items()}/{@code keys()}/{@code values()}, {@code len(...)} of any of these as a bound
   * ({@code range(len(batch_sizes))}), a scikit-learn splitter's {@code split(...)} ({@code KFold(7)}: 7),
   * and {@code enumerate}/{@code zip} of those (zip: the fewest); a name assigned once stands for its value
   * ({@code n = 20; range(n)}, {@code picks = random.sample(xs, 10); for p in picks}), and a number for the
   * largest of the numbers every assignment reaching it binds. -1 when the header does not tell (a
   * dataset, a parameter, {@code range(len(x))} of a list built at run time, a list the code grows).
   */
  public static long literalPasses(SemanticModel sm, Stmt loop) {
    return loop instanceof Stmt.For f ? literalLength(sm, f.iter(), 0) : -1;
  }

  private static long literalLength(SemanticModel sm, Expr it, int depth) {
    if (depth > 3) {
      return -1;
    }
    if (it instanceof Expr.ListComp lc && lc.generators().size() == 1) {
      return literalLength(sm, lc.generators().get(0).iter(), depth + 1); // [load(f) for f in filenames]: at most as many
    }
    if (it instanceof Expr.Name n) {
      Expr v = singleValue(sm, n);
      if ((v instanceof Expr.ListExpr || v instanceof Expr.Dict) && grows(sm, n)) {
        return -1;   // images = []; images.append(...) in a loop
      }
      return v == null ? -1 : literalLength(sm, v, depth + 1);
    }
    if (it instanceof Expr.ListExpr l) {
      return l.elts().size();
    }
    if (it instanceof Expr.Tuple t) {
      return t.elts().size();
    }
    if (it instanceof Expr.Dict d) {
      return d.keys().stream().anyMatch(java.util.Objects::isNull) ? -1 : d.keys().size();
    }
    if (it instanceof Expr.Subscript s && s.slice() instanceof Expr.Slice sl && sl.lower() == null
        && sl.step() == null && sl.upper() != null) {
      return intLiteral(sm, sl.upper(), depth);
    }
    if (it instanceof Expr.Call c) {
      String callee = c.func() instanceof Expr.Name n ? n.id() : null;
      String method = c.func() instanceof Expr.Attribute a ? a.attr() : null;
      String q = sm.qualifiedName(c.func());
      List<Expr> args = c.args();
      if ("random.sample".equals(q) && args.size() == 2 && c.keywords().isEmpty()) {
        return intLiteral(sm, args.get(1), depth); // random.sample(population, 10)
      }
      if ("random.choices".equals(q)) {
        dev.oomlint.ast.Support.Keyword k = Calls.keyword(c, "k");
        return k == null ? 1 : intLiteral(sm, k.value(), depth);
      }
      if (!c.keywords().isEmpty()) {
        return -1;
      }
      if (method != null && args.isEmpty() && DICT_VIEWS.contains(method)) {
        return literalLength(sm, ((Expr.Attribute) c.func()).value(), depth + 1);   // configs.items()
      }
      if ("split".equals(method)) {
        Expr cv = ((Expr.Attribute) c.func()).value();
        Expr made = cv instanceof Expr.Name n ? singleValue(sm, n) : cv;
        if (made instanceof Expr.Call folds) {
          return folds(sm, folds, depth);   // KFold(n_splits=7).split(X, y)
        }
      }
      if ("range".equals(callee) && args.size() == 1) {
        return intLiteral(sm, args.get(0), depth);
      }
      if ("range".equals(callee) && args.size() == 2) {
        long a = intLiteral(sm, args.get(0), depth);
        long b = intLiteral(sm, args.get(1), depth);
        return a < 0 || b < 0 ? -1 : Math.max(0, b - a);
      }
      if ("enumerate".equals(callee) && args.size() == 1) {
        return literalLength(sm, args.get(0), depth);
      }
      if ("zip".equals(callee) && !args.isEmpty()) {
        long fewest = -1;
        for (Expr a : args) {
          long n = literalLength(sm, a, depth);
          if (n >= 0 && (fewest < 0 || n < fewest)) {
            fewest = n;
          }
        }
        return fewest;
      }
      if ("take".equals(method) && args.size() == 1) {
        return intLiteral(sm, args.get(0), depth);
      }
    }
    return -1;
  }

  /** Methods that add to a list or dict. */
  private static final java.util.Set<String> GROWERS = java.util.Set.of("append", "extend", "insert", "update",
      "setdefault", "__setitem__");

  /**
   * Whether the list or dict a name is bound to may get more elements than its literal shows: a use of
   * the same binding calls a growing method on it, stores into it by subscript, extends it with
   * {@code +=}, or hands it to a function (which may fill it).
   */
  private static boolean grows(SemanticModel sm, Expr.Name n) {
    List<Binding> bound = sm.reachingBindings(n);
    boolean[] hit = {false};
    AstWalker.walk(sm.module(), x -> {
      if (hit[0] || !(x instanceof Expr.Name use) || use == n || !use.id().equals(n.id())) {
        return;
      }
      Node p = sm.parent(use);
      boolean changes = p instanceof Expr.Attribute a && a.value() == use && GROWERS.contains(a.attr())
          || p instanceof Expr.Subscript sub && sub.value() == use && sub.ctx() != dev.oomlint.ast.Operators.ExprContext.LOAD
          || p instanceof Stmt.AugAssign aug && aug.target() == use
          || p instanceof Expr.Call call && call.func() != use && AstUtil.containsNode(call.args(), use)
          && !(call.func() instanceof Expr.Name f && READERS.contains(f.id()));
      if (changes) {
        List<Binding> other = sm.reachingBindings(use);
        hit[0] = other.isEmpty() || other.stream().anyMatch(bound::contains);
      }
    });
    return hit[0];
  }

  /** Builtins that only read a container handed to them. */
  private static final java.util.Set<String> READERS = java.util.Set.of("len", "enumerate", "zip", "list", "sorted",
      "print", "range", "iter", "tuple", "set", "dict", "reversed", "sum", "max", "min", "any", "all");

  private static final java.util.Set<String> DICT_VIEWS = java.util.Set.of("items", "keys", "values");

  /** scikit-learn's cross-validation splitters and their default number of folds. */
  private static final Map<String, Long> SPLITTERS = Map.of("sklearn.model_selection.KFold", 5L,
      "sklearn.model_selection.StratifiedKFold", 5L, "sklearn.model_selection.GroupKFold", 5L,
      "sklearn.model_selection.StratifiedGroupKFold", 5L, "sklearn.model_selection.TimeSeriesSplit", 5L,
      "sklearn.model_selection.ShuffleSplit", 10L, "sklearn.model_selection.StratifiedShuffleSplit", 10L);

  /** How many splits a scikit-learn splitter makes ({@code n_splits=}, its first argument, or its default); or -1. */
  private static long folds(SemanticModel sm, Expr.Call splitter, int depth) {
    Long dflt = SPLITTERS.get(sm.qualifiedName(splitter.func()));
    if (dflt == null) {
      return -1;
    }
    dev.oomlint.ast.Support.Keyword k = Calls.keyword(splitter, "n_splits");
    if (k != null) {
      return intLiteral(sm, k.value(), depth + 1);
    }
    return splitter.args().isEmpty() ? dflt : intLiteral(sm, splitter.args().get(0), depth + 1);
  }

  /** The value of the only assignment that reaches a name ({@code n = 20}), or null. */
  private static Expr singleValue(SemanticModel sm, Expr.Name n) {
    List<Binding> bs = sm.reachingBindings(n);
    if (bs.size() != 1 || bs.get(0).kind() != Binding.Kind.ASSIGN || bs.get(0).index() >= 0) {
      return null;
    }
    return bs.get(0).value();
  }

  /** A non-negative int literal's value (capped), directly or through a name bound once to one; or -1. */
  private static long intLiteral(SemanticModel sm, Expr e, int depth) {
    if (e instanceof Expr.Name n && depth <= 2) {
      List<Binding> bs = sm.reachingBindings(n);   // k = 4 in two notebook cells: the largest
      long most = bs.isEmpty() ? -1 : 0;
      for (Binding b : bs) {
        long v = b.kind() == Binding.Kind.ASSIGN && b.index() < 0 && b.value() != null
            ? intLiteral(sm, b.value(), depth + 1) : -1;
        if (v < 0) {
          return -1;
        }
        most = Math.max(most, v);
      }
      return most;
    }
    if (e instanceof Expr.Call c && c.func() instanceof Expr.Name f && f.id().equals("len") && c.args().size() == 1
        && c.keywords().isEmpty() && "len".equals(sm.qualifiedName(f))) {
      return literalLength(sm, c.args().get(0), depth + 1);   // range(len(batch_sizes))
    }
    return intLiteral(e);
  }

  /** A non-negative int literal's value (capped), or -1. */
  private static long intLiteral(Expr e) {
    if (e instanceof Expr.Constant k && k.value() instanceof dev.oomlint.ast.ConstValue.Int i && i.value().signum() >= 0) {
      return i.value().bitLength() < 62 ? i.value().longValue() : Long.MAX_VALUE;
    }
    return -1;
  }
}
