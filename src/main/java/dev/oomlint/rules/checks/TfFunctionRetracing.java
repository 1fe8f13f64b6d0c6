package dev.oomlint.rules.checks;

import dev.oomlint.ast.ConstValue;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.Stmt;
import dev.oomlint.ast.Support;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.rules.FixSafety;
import dev.oomlint.rules.Level;
import dev.oomlint.rules.Rule;
import dev.oomlint.rules.RuleContext;
import dev.oomlint.rules.RuleInfo;
import dev.oomlint.rules.edits.ExprEdits;
import dev.oomlint.semantic.AstUtil;
import dev.oomlint.semantic.Binding;
import dev.oomlint.semantic.Iterations;
import dev.oomlint.semantic.SemanticModel;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * OOM506: a {@code tf.function} retraced on every iteration of a Python loop, because it is created
 * in the loop ({@code @tf.function} on a def in the loop body, {@code tf.function(fn)} called in it),
 * or because it is called in the loop with a Python number that changes each pass (the loop index, an
 * {@code enumerate} count, a counter incremented in the loop). Each trace adds a concrete graph that
 * the function keeps. Not reported: functions given an {@code input_signature},
 * {@code reduce_retracing=True} or {@code experimental_relax_shapes=True}; tensor arguments (batches
 * of a dataset); constant and bool arguments; loops over at most three literal items; code inside
 * another tf.function (traced once); test files.
 */
@RuleInfo(code = "OOM506", name = "tf-function-retracing",
    summary = "A tf.function is created, or called with a changing Python number, on every iteration of a loop.",
    level = Level.WARNING, fix = FixSafety.NONE, precision = "high", tags = {"memory", "tensorflow"},
    mentions = {"function", "tensorflow"})
public final class TfFunctionRetracing implements Rule {
  /** A loop over a literal list, tuple or {@code range(k)} this short traces a bounded, small number of times. */
  private static final int SHORT_LOOP = 3;

  private static final int MAX_DEPTH = 4;

  @Override
  public void check(RuleContext ctx) {
    SemanticModel sm = ctx.semantic();
    if (sm.isTestFile() || !sm.importsPackage("tensorflow")) {
      return; // "tensorflow" and "function" in a torch file's comments: no tf.function to find
    }
    for (Stmt.FunctionDef f : sm.functions()) {
      Expr d = sm.tfFunctionDecorator(f);
      if (d == null || sm.insideTfFunction(f) || sm.isTestCode(f)) {
        continue;
      }
      Stmt loop = Iterations.innermostLoop(sm, f);
      if (loop != null) {
        Stmt l = loop;
        if (!fewIterations(loop) && !closesOverPassObjects(sm, f, b -> b == l || encloses(sm, l, b))) {
          ctx.report(new Diagnostic(ctx.code(), "`@tf.function` `" + f.name() + "` is defined inside the loop at"
              + " line " + line(sm, loop) + ": every iteration creates a new function that is traced again, and each"
              + " trace keeps a new graph in memory; define the function once, before the loop.", d.range(), null));
        }
        continue;
      }
      Stmt.FunctionDef outer = sm.enclosingFunction(f);
      Expr.Call site = outer == null || closesOverPassObjects(sm, f, b -> sm.enclosingFunction(b) == outer)
          ? null : callInLoop(sm, outer);
      if (site != null) {
        ctx.report(new Diagnostic(ctx.code(), "`@tf.function` `" + f.name() + "` is defined inside `" + outer.name()
            + "`, which is called on every iteration of the loop at line " + line(sm, Iterations.innermostLoop(sm, site))
            + ": each call creates a new function that is traced again, and each trace keeps a new graph in memory;"
            + " define the function once, outside `" + outer.name() + "`.", d.range(), null));
      }
    }
    for (Expr.Call c : sm.calls()) {
      if (sm.createsTfFunction(c)) {
        Stmt loop = Iterations.innermostLoop(sm, c);
        if (loop != null && !fewIterations(loop) && !sm.insideTfFunction(c) && !wrapsLoopItem(sm, c)
            && !sm.isTestCode(c)) {
          ctx.report(new Diagnostic(ctx.code(), "`tf.function(...)` is called inside the loop at line "
              + line(sm, loop) + ": every iteration creates a new function that is traced again, and each trace"
              + " keeps a new graph in memory; create the function once, before the loop.", c.range(), null));
        }
        continue;
      }
      SemanticModel.TfFunction t = sm.tfFunctionCalled(c);
      if (t == null || t.limitsRetracing()) {
        continue;
      }
      Stmt loop = Iterations.innermostLoop(sm, c);
      if (loop == null || sm.insideTfFunction(c) || sm.isTestCode(c)) {
        continue;
      }
      Expr arg = changingNumber(sm, c);
      if (arg != null) {
        ctx.report(new Diagnostic(ctx.code(), "`" + ExprEdits.text(ctx.file(), c) + "` passes the Python number `"
            + ExprEdits.text(ctx.file(), arg) + "`, which changes on every iteration of the loop at line "
            + line(sm, loop) + ": each new value traces a new graph that the tf.function keeps; pass"
            + " `tf.constant(...)` instead, or give the function an `input_signature`.", c.range(), null));
      }
    }
  }

  /**
   * A call of the plain function {@code outer} (not a method, not a tf.function itself) that runs on
   * every iteration of a loop of more than a few items, outside any tf.function; or null.
   */
  private static Expr.Call callInLoop(SemanticModel sm, Stmt.FunctionDef outer) {
    if (sm.enclosingClass(outer) != null || sm.tfFunctionDecorator(outer) != null) {
      return null;
    }
    for (Expr.Call cs : sm.callSites(outer)) {
      Stmt loop = Iterations.innermostLoop(sm, cs);
      if (loop != null && !fewIterations(loop) && !sm.insideTfFunction(cs) && !sm.isTestCode(cs)) {
        return cs;
      }
    }
    return null;
  }

  /**
   * Whether the body of {@code f} uses a name bound in the enclosing loop body or function itself
   * (selected by {@code local}, given the binding statement) by an assignment, a {@code for} or a
   * {@code with}, a def: the function closes over objects made on each pass (a model built per fold or
   * trial, metrics made per evaluation), so each pass needs its own trace anyway.
   */
  private static boolean closesOverPassObjects(SemanticModel sm, Stmt.FunctionDef f,
      java.util.function.Predicate<Stmt> local) {
    boolean[] hit = {false};
    dev.oomlint.ast.AstWalker.walkAll(f.body(), n -> {
      if (hit[0] || !(n instanceof Expr.Name use)) {
        return;
      }
      for (Binding b : sm.resolve(use)) {
        if (b.statement() != null && b.statement() != f && switch (b.kind()) {
          case ASSIGN, AUG_ASSIGN, ANNOTATION, FOR_TARGET, WITH_TARGET, NAMED_EXPR, FUNCTION, CLASS -> true;
          default -> false;
        } && local.test(b.statement())) {
          hit[0] = true;
        }
      }
    });
    return hit[0];
  }

  private static int line(SemanticModel sm, Node n) {
    return sm.file().lines().line(n.range().start());
  }

  /** The first argument of {@code c} that is a Python number changing on every pass of a loop around it, or null. */
  private static Expr changingNumber(SemanticModel sm, Expr.Call c) {
    List<Expr> args = new ArrayList<>(c.args());
    for (Support.Keyword k : c.keywords()) {
      args.add(k.value());
    }
    for (Expr a : args) {
      if (changes(sm, a, c, 0)) {
        return a;
      }
    }
    return null;
  }

  /**
   * Whether {@code e} is a Python number that changes on every pass of a loop around {@code site}: the
   * target of {@code for i in range(...)}, the count of {@code enumerate(...)}, a counter given a number
   * and incremented in the loop, or arithmetic, {@code int(...)} or {@code float(...)} of one.
   */
  private static boolean changes(SemanticModel sm, Expr e, Node site, int depth) {
    if (depth > MAX_DEPTH) {
      return false;
    }
    if (e instanceof Expr.BinOp b) {
      return changes(sm, b.left(), site, depth + 1) || changes(sm, b.right(), site, depth + 1);
    }
    if (e instanceof Expr.UnaryOp u) {
      return changes(sm, u.operand(), site, depth + 1);
    }
    if (e instanceof Expr.Call c && c.args().size() == 1 && c.keywords().isEmpty()) {
      String q = sm.qualifiedName(c.func());
      return ("int".equals(q) || "float".equals(q)) && changes(sm, c.args().get(0), site, depth + 1);
    }
    if (!(e instanceof Expr.Name n)) {
      return false;
    }
    List<Binding> bs = sm.resolve(n);
    boolean counted = false;
    for (Binding b : bs) {
      switch (b.kind()) {
        case FOR_TARGET -> {
          if (b.statement() instanceof Stmt.For f && encloses(sm, f, site) && countsPasses(sm, f, b)) {
            return true;
          }
        }
        case AUG_ASSIGN -> counted |= b.statement() instanceof Stmt.AugAssign a && isNumber(a.value())
            && inLoopAround(sm, a, site);
        case ASSIGN -> {
          if (b.index() >= 0 || b.value() == null) {
            return false;
          }
          if (!isNumber(b.value())) {
            // step = step + 1 in the loop
            if (!(b.value() instanceof Expr.BinOp op && (isSelf(op.left(), n) && isNumber(op.right())
                || isSelf(op.right(), n) && isNumber(op.left())) && inLoopAround(sm, b.statement(), site))) {
              return false;
            }
            counted = true;
          }
        }
        default -> {
          return false;
        }
      }
    }
    return counted;
  }

  /** Whether the loop variable bound by {@code b} counts passes: {@code for i in range(n)}, {@code for i, x in enumerate(xs)}. */
  private static boolean countsPasses(SemanticModel sm, Stmt.For f, Binding b) {
    if (!(f.iter() instanceof Expr.Call c) || b.value() != f.iter()) {
      // names in a nested target ({@code for i, (x, y) in ...}) have no value: they are items, not counts
      return false;
    }
    String q = sm.qualifiedName(c.func());
    if ("range".equals(q)) {
      return b.index() < 0 && !fewIterations(f);
    }
    return "enumerate".equals(q) && b.index() == 0;
  }

  private static boolean isSelf(Expr e, Expr.Name n) {
    return e instanceof Expr.Name m && m.id().equals(n.id());
  }

  private static boolean isNumber(Expr e) {
    return e instanceof Expr.Constant k && (k.value() instanceof ConstValue.Int || k.value() instanceof ConstValue.Float);
  }

  /** Whether {@code loop} is {@code site}'s loop or a loop around it, in the same function. */
  private static boolean encloses(SemanticModel sm, Stmt loop, Node site) {
    for (Stmt l = Iterations.innermostLoop(sm, site); l != null; l = Iterations.innermostLoop(sm, l)) {
      if (l == loop) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code s} lies in the body of a loop that also holds {@code site}. */
  private static boolean inLoopAround(SemanticModel sm, Stmt s, Node site) {
    for (Stmt l = Iterations.innermostLoop(sm, s); l != null; l = Iterations.innermostLoop(sm, l)) {
      if (encloses(sm, l, site)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code tf.function(x)} wraps the loop's own item ({@code for m in models:
   * tf.function(m.call)}): each item is a different function that needs its own trace anyway.
   */
  private static boolean wrapsLoopItem(SemanticModel sm, Expr.Call c) {
    Expr.Name root = AstUtil.root(c.args().get(0));
    if (root == null) {
      return false;
    }
    for (Binding b : sm.resolve(root)) {
      if (b.kind() == Binding.Kind.FOR_TARGET && b.statement() != null && encloses(sm, b.statement(), c)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the loop runs only a few times by its header: a literal list or tuple of at most three
   * items, or {@code range(k)} with k a literal of at most three.
   */
  private static boolean fewIterations(Stmt loop) {
    if (!(loop instanceof Stmt.For f)) {
      return false;
    }
    Expr it = f.iter();
    if (it instanceof Expr.ListExpr l) {
      return l.elts().size() <= SHORT_LOOP;
    }
    if (it instanceof Expr.Tuple t) {
      return t.elts().size() <= SHORT_LOOP;
    }
    if (it instanceof Expr.Call c && c.func() instanceof Expr.Name n && "range".equals(n.id())
        && c.args().size() == 1 && c.args().get(0) instanceof Expr.Constant k && k.value() instanceof ConstValue.Int i) {
      return i.value().compareTo(BigInteger.valueOf(SHORT_LOOP)) <= 0;
    }
    return false;
  }
}
