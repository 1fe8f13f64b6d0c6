package dev.oomlint.semantic;

import dev.oomlint.ast.AstWalker;
import dev.oomlint.ast.ConstValue;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.Stmt;
import dev.oomlint.ast.Support;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gradient resets that wipe the gradients a step is about to apply: a {@code zero_grad()} that runs
 * after a backward and before the optimizer's {@code step()} on some path, found by a path analysis
 * of each function (or the module body) that resets gradients itself.
 */
public final class ResetsBeforeStep {
  private static final Set<String> GRADIENT_APIS = Set.of("torch.autograd.grad", "torch.autograd.backward");
  private static final int LOOP_ROUNDS = 4;

  private ResetsBeforeStep() {}

  /** Each such reset, with the step call whose gradients it wipes (the first one found on a path). */
  public static Map<Expr.Call, Expr.Call> find(SemanticModel sm) {
    Set<Node> units = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Expr.Call c : sm.calls()) {
      if ("zero_grad".equals(AstUtil.methodName(c))) {
        Stmt.FunctionDef f = sm.enclosingFunction(c);
        units.add(f == null ? sm.module() : f);
      }
    }
    Map<Expr.Call, Expr.Call> found = new IdentityHashMap<>();
    Analysis a = new Analysis(sm, found);
    for (Node u : units) {
      a.block(u instanceof Stmt.FunctionDef f ? f.body() : sm.module().body(), new State());
    }
    return found;
  }

  /** The innermost loop around a statement in its function, else the function (or module). */
  public static Node owner(SemanticModel sm, Stmt st) {
    Stmt loop = Iterations.innermostLoop(sm, st);
    if (loop != null) {
      return loop;
    }
    Stmt.FunctionDef f = sm.enclosingFunction(st);
    return f != null ? f : sm.module();
  }

  /** What may have happened on some path to a program point. */
  private static final class State {
    /** A backward may have run. */
    boolean backward;
    /**
     * Resets that ran after a backward, with no backward or gradient write since (by identity: an
     * AST record's own hashCode would hash its whole subtree).
     */
    final Set<Expr.Call> pending = Collections.newSetFromMap(new IdentityHashMap<>());

    State copy() {
      State s = new State();
      s.backward = backward;
      s.pending.addAll(pending);
      return s;
    }

    void join(State o) {
      if (o == null) {
        return;
      }
      backward |= o.backward;
      pending.addAll(o.pending);
    }

    boolean sameAs(State o) {
      return o != null && backward == o.backward && pending.equals(o.pending);
    }
  }

  /** Joins of the states that reach a loop's head again ({@code continue}) or leave it ({@code break}). */
  private static final class LoopExits {
    State continued;
    State broken;
  }

  private static final class Analysis {
    private final SemanticModel sm;
    private final Map<Expr.Call, Expr.Call> found;
    private final Map<Stmt.FunctionDef, Boolean> writers = new IdentityHashMap<>();
    private final List<LoopExits> loops = new ArrayList<>();

    Analysis(SemanticModel sm, Map<Expr.Call, Expr.Call> found) {
      this.sm = sm;
      this.found = found;
    }

    /** Runs a block; returns the state at its normal end, or null when no path gets there. */
    State block(List<Stmt> body, State in) {
      State s = in;
      for (Stmt st : body) {
        if (s == null) {
          return null;
        }
        s = stmt(st, s);
      }
      return s;
    }

    private State stmt(Stmt st, State s) {
      if (st instanceof Stmt.FunctionDef || st instanceof Stmt.ClassDef) {
        return s;
      }
      if (st instanceof Stmt.If i) {
        events(i.test(), s);
        State t = block(i.body(), s.copy());
        State e = block(i.orelse(), s.copy());
        return join(t, e);
      }
      if (st instanceof Stmt.For f) {
        events(f.iter(), s);
        return loop(f.body(), f.orelse(), s);
      }
      if (st instanceof Stmt.While w) {
        events(w.test(), s);
        return loop(w.body(), w.orelse(), s);
      }
      if (st instanceof Stmt.With w) {
        for (Support.WithItem item : w.items()) {
          events(item.contextExpr(), s);
        }
        return block(w.body(), s);
      }
      if (st instanceof Stmt.Try t) {
        State entry = s.copy();
        State body = block(t.body(), s);
        State out = body == null ? null : block(t.orelse(), body);
        for (Support.ExceptHandler h : t.handlers()) {
          // an exceptional path is not the update path: the handler starts with no pending reset
          State hs = entry.copy();
          hs.pending.clear();
          hs.backward |= body != null && body.backward;
          out = join(out, block(h.body(), hs));
        }
        if (t.finalbody().isEmpty()) {
          return out;
        }
        return out == null ? null : block(t.finalbody(), out);
      }
      if (st instanceof Stmt.Match m) {
        events(m.subject(), s);
        State out = s.copy();
        for (Support.MatchCase c : m.cases()) {
          out = join(out, block(c.body(), s.copy()));
        }
        return out;
      }
      if (st instanceof Stmt.Break) {
        if (!loops.isEmpty()) {
          LoopExits l = loops.get(loops.size() - 1);
          l.broken = join(l.broken, s);
        }
        return null;
      }
      if (st instanceof Stmt.Continue) {
        if (!loops.isEmpty()) {
          LoopExits l = loops.get(loops.size() - 1);
          l.continued = join(l.continued, s);
        }
        return null;
      }
      events(st, s);
      if (st instanceof Stmt.Return || st instanceof Stmt.Raise) {
        return null;
      }
      return s;
    }

    /**
     * A loop is assumed to run its body at least once (a loop over data): its exit state joins the
     * states at the end of its iterations and at its {@code break}s, not the state before it.
     */
    private State loop(List<Stmt> body, List<Stmt> orelse, State in) {
      State head = in.copy();
      State ends = null;
      State broken = null;
      for (int round = 0; round < LOOP_ROUNDS; round++) {
        LoopExits l = new LoopExits();
        loops.add(l);
        State end = block(body, head.copy());
        loops.remove(loops.size() - 1);
        ends = join(ends, join(end, l.continued));
        broken = join(broken, l.broken);
        State next = head.copy();
        next.join(end);
        next.join(l.continued);
        if (next.sameAs(head)) {
          break;
        }
        head = next;
      }
      State normal = ends == null ? null : block(orelse, ends.copy());
      return join(normal, broken);
    }

    private static State join(State a, State b) {
      if (a == null) {
        return b == null ? null : b.copy();
      }
      State out = a.copy();
      out.join(b);
      return out;
    }

    /** Applies the events of a simple statement (or expression) in evaluation order. */
    private void events(Node n, State s) {
      if (n == null) {
        return;
      }
      if (n instanceof Stmt.Assign a && writesGrad(a.targets(), a.value())
          || n instanceof Stmt.AugAssign aa && writesGrad(List.of(aa.target()), aa.value())) {
        s.pending.clear();
      }
      List<Expr.Call> calls = new ArrayList<>();
      AstWalker.descend(n, k -> {
        if (k instanceof Stmt.FunctionDef || k instanceof Stmt.ClassDef || k instanceof Expr.Lambda) {
          return false;
        }
        if (k instanceof Expr.Call c) {
          calls.add(c);
        }
        return true;
      });
      // a call completes after its arguments: order by end offset
      calls.sort((x, y) -> Integer.compare(x.range().end(), y.range().end()));
      for (Expr.Call c : calls) {
        call(c, s);
      }
    }

    private void call(Expr.Call c, State s) {
      Expr opt = sm.optimizerStepped(c);
      if (opt != null) {
        if (stepRunsClosure(c, opt)) {
          s.backward = true;
          s.pending.clear();
          return;
        }
        for (Expr.Call r : s.pending) {
          if (!found.containsKey(r) && resets(r, opt)) {
            found.put(r, c);
          }
        }
        return;
      }
      if (isGradientPass(c)) {
        s.backward = true;
        s.pending.clear();
        return;
      }
      if ("zero_grad".equals(AstUtil.methodName(c)) && sm.resolveCall(c) == null) {
        if (s.backward && isReportable(c)) {
          s.pending.add(c);
        }
        return;
      }
      if (writesGradThroughMethod(c)) {
        s.pending.clear();
      }
    }

    /** {@code opt.step(closure)} and {@code scaler.step(opt, closure)}: the closure recomputes the gradients. */
    private boolean stepRunsClosure(Expr.Call c, Expr opt) {
      int own = AstUtil.receiver(c) == opt ? 0 : 1;
      return c.args().size() > own || !c.keywords().isEmpty() && own == 0;
    }

    private boolean isGradientPass(Expr.Call c) {
      String q = sm.qualifiedName(c.func());
      if (sm.isBackwardCall(c) || q != null && GRADIENT_APIS.contains(q)) {
        return true;
      }
      Stmt.FunctionDef f = sm.resolveCall(c);
      if (f == null && q != null && !q.startsWith("torch.") && Calls.anyArgument(c, sm::isModel)) {
        return true; // an imported training step given the model may run the backward (picotron's pipeline engines)
      }
      return f != null && (sm.runsBackward(f) || writer(f));
    }

    /** Whether a same-file function (transitively) writes gradients or computes them. */
    private boolean writer(Stmt.FunctionDef f) {
      Boolean v = writers.get(f);
      if (v != null) {
        return v;
      }
      writers.put(f, false);
      boolean[] hit = {false};
      AstWalker.descend(f, n -> {
        if (hit[0]) {
          return false;
        }
        if (n instanceof Stmt.Assign a && writesGrad(a.targets(), a.value())
            || n instanceof Stmt.AugAssign aa && writesGrad(List.of(aa.target()), aa.value())) {
          hit[0] = true;
        } else if (n instanceof Expr.Call c && n != f && (writesGradThroughMethod(c)
            || GRADIENT_APIS.contains(String.valueOf(sm.qualifiedName(c.func())))
            || sm.resolveCall(c) != null && sm.resolveCall(c) != f && writer(sm.resolveCall(c)))) {
          hit[0] = true;
        }
        return !hit[0];
      });
      writers.put(f, hit[0]);
      return hit[0];
    }

    /** {@code p.grad = g} (not {@code None}), {@code p.grad += g}. */
    private static boolean writesGrad(List<Expr> targets, Expr value) {
      boolean none = value instanceof Expr.Constant k && k.value() == ConstValue.Singleton.NONE;
      for (Expr t : targets) {
        boolean[] hit = {false};
        AstWalker.descend(t, n -> {
          if (n instanceof Expr.Attribute a && a.attr().equals("grad")) {
            hit[0] = true;
          }
          return !hit[0];
        });
        if (hit[0] && !none) {
          return true;
        }
      }
      return false;
    }

    /** {@code p.grad.copy_(g)}, {@code p.grad.add_(g)}: an in-place write other than zeroing. */
    private static boolean writesGradThroughMethod(Expr.Call c) {
      String m = AstUtil.methodName(c);
      if (m == null || !m.endsWith("_") || m.equals("zero_") || m.equals("requires_grad_")) {
        return false;
      }
      return AstUtil.receiver(c) instanceof Expr.Attribute a && a.attr().equals("grad");
    }

    /**
     * Only resets that run whenever their loop (or function) gets that far: a reset under an
     * {@code if} may skip an update on purpose. An earlier {@code continue} does not matter: on the
     * passes that reach the reset, it still wipes the gradients.
     */
    private boolean isReportable(Expr.Call r) {
      if (!(sm.parent(r) instanceof Stmt.ExprStmt st)) {
        return false;
      }
      Node owner = owner(sm, st);
      return Iterations.runsEveryPass(sm, st, owner, t -> false, false);
    }

    /** Whether the reset {@code r} clears the gradients that {@code opt.step()} applies. */
    private boolean resets(Expr.Call r, Expr opt) {
      Expr recv = AstUtil.receiver(r);
      String pr = sm.canonicalPath(recv);
      String po = sm.canonicalPath(opt);
      if (pr == null || po == null) {
        return false;
      }
      if (pr.equals(po)) {
        return true;
      }
      if (sm.isOptimizer(recv) || !sm.isModel(recv)) {
        return false;
      }
      Set<String> models = sm.optimizerModels(opt);
      if (models == null) {
        return onlyOptimizer(opt, po);
      }
      String last = pr.substring(pr.lastIndexOf('.') + 1);
      for (String m : models) {
        if (m.equals(pr) || m.substring(m.lastIndexOf('.') + 1).equals(last)) {
          return true;
        }
      }
      return false;
    }

    /** Whether {@code opt} is the only optimizer stepped in its function (or module body). */
    private boolean onlyOptimizer(Expr opt, String path) {
      Node unit = sm.enclosingFunction(opt);
      boolean[] other = {false};
      for (Expr.Call c : sm.calls()) {
        if (sm.enclosingFunction(c) != unit) {
          continue;
        }
        Expr o = sm.optimizerStepped(c);
        if (o != null && !path.equals(sm.canonicalPath(o))) {
          other[0] = true;
        }
      }
      return !other[0];
    }
  }
}
