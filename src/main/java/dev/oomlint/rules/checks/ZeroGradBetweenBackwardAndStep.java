package dev.oomlint.rules.checks;

import dev.oomlint.ast.ConstValue;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Mod;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.SourceFile;
import dev.oomlint.ast.SourceRange;
import dev.oomlint.ast.Stmt;
import dev.oomlint.ast.Support;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.diagnostics.Edit;
import dev.oomlint.diagnostics.Fix;
import dev.oomlint.rules.FixSafety;
import dev.oomlint.rules.Level;
import dev.oomlint.rules.Rule;
import dev.oomlint.rules.RuleContext;
import dev.oomlint.rules.RuleInfo;
import dev.oomlint.rules.edits.ExprEdits;
import dev.oomlint.rules.edits.LoopHeaders;
import dev.oomlint.semantic.AstUtil;
import dev.oomlint.semantic.Iterations;
import dev.oomlint.semantic.SemanticModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OOM202: a gradient reset that runs after a backward and before the optimizer step on the same path
 * wipes the gradients just computed, so the step does nothing.
 */
@RuleInfo(code = "OOM202", name = "zero-grad-between-backward-and-step",
    summary = "zero_grad() runs after backward() and before the optimizer's step(), wiping the gradients just computed.",
    level = Level.WARNING, fix = FixSafety.UNSAFE, precision = "high",
    mentions = {"zero_grad", "backward|autograd"})
public final class ZeroGradBetweenBackwardAndStep implements Rule {
  private static final Set<String> GRADIENT_APIS = Set.of("torch.autograd.grad", "torch.autograd.backward");
  private static final int LOOP_ROUNDS = 4;

  @Override
  public void check(RuleContext ctx) {
    SemanticModel sm = ctx.semantic();
    if (sm.isOtherFramework()) {
      return;
    }
    // only the functions (or the module body) that reset gradients themselves need the path analysis
    Set<Node> units = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Expr.Call c : sm.calls()) {
      if ("zero_grad".equals(AstUtil.methodName(c))) {
        Stmt.FunctionDef f = sm.enclosingFunction(c);
        units.add(f == null ? sm.module() : f);
      }
    }
    Map<Expr.Call, Expr> found = new IdentityHashMap<>();
    Analysis a = new Analysis(sm, found);
    for (Node u : units) {
      a.block(u instanceof Stmt.FunctionDef f ? f.body() : sm.module().body(), new State());
    }
    List<Expr.Call> resets = new ArrayList<>(found.keySet());
    resets.sort((x, y) -> Integer.compare(x.range().start(), y.range().start()));
    for (Expr.Call r : resets) {
      String reset = ExprEdits.text(ctx.file(), r);
      String step = ExprEdits.text(ctx.file(), found.get(r));
      String message = "`" + reset + "` runs after the backward and before `" + step + "`, so it wipes the"
          + " gradients just computed and the step updates nothing; reset gradients at the start of the"
          + " iteration, before the forward pass.";
      ctx.report(new Diagnostic(ctx.code(), message, r.range(), fix(ctx.file(), sm, r)));
    }
  }

  // ------------------------------------------------------------------ path analysis

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
    private final Map<Expr.Call, Expr> found;
    private final Map<Stmt.FunctionDef, Boolean> writers = new IdentityHashMap<>();
    private final List<LoopExits> loops = new ArrayList<>();

    Analysis(SemanticModel sm, Map<Expr.Call, Expr> found) {
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
      AstUtil.walk(n, k -> {
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
      AstUtil.walk(f, n -> {
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
        AstUtil.walk(t, n -> {
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

  /** The innermost loop around a statement in its function, else the function (or module). */
  private static Node owner(SemanticModel sm, Stmt st) {
    Stmt loop = Iterations.innermostLoop(sm, st);
    if (loop != null) {
      return loop;
    }
    Stmt.FunctionDef f = sm.enclosingFunction(st);
    return f != null ? f : sm.module();
  }

  // ------------------------------------------------------------------ fix

  /**
   * Moves the reset's line to the start of the loop body (or function body), when only {@code with}
   * blocks lie between them and a backward runs before it there. The start of the loop body, outside
   * {@code with accelerator.accumulate(model):}, keeps gradient accumulation intact: a prepared
   * optimizer's {@code zero_grad()} there acts only after a synchronising step.
   */
  private static Fix fix(SourceFile f, SemanticModel sm, Expr.Call r) {
    Stmt st = (Stmt) sm.parent(r);
    Node owner = owner(sm, st);
    if (owner instanceof Mod.Module) {
      return null;
    }
    for (Node cur = sm.parent(st); cur != owner; cur = sm.parent(cur)) {
      if (!(cur instanceof Stmt.With)) {
        return null;
      }
    }
    List<Stmt> body = owner instanceof Stmt.FunctionDef fd ? fd.body() : AstUtil.loopBody((Stmt) owner);
    Stmt first = body.get(0);
    if (owner instanceof Stmt.FunctionDef && isDocstring(first)) {
      if (body.size() < 2) {
        return null;
      }
      first = body.get(1);
    }
    if (first == st) {
      return null;
    }
    boolean[] backward = {false};
    for (Stmt s : body) {
      AstUtil.walk(s, n -> {
        if (n instanceof Expr.Call c && c.range().end() <= r.range().start()
            && (sm.isBackwardCall(c) || sm.resolveCall(c) != null && sm.runsBackward(sm.resolveCall(c)))) {
          backward[0] = true;
        }
        return !backward[0] && !(n instanceof Stmt.FunctionDef) && !(n instanceof Stmt.ClassDef);
      });
    }
    String indent = LoopHeaders.indentation(f, first);
    if (!backward[0] || indent == null || LoopHeaders.indentation(f, st) == null) {
      return null;
    }
    int line = f.lines().line(st.range().start());
    if (f.lines().line(st.range().end()) != line || sm.blockOf(st).size() == 1) {
      return null;
    }
    int lineEnd = f.lines().lineEnd(line);
    String tail = f.text().substring(st.range().end(), lineEnd);
    if (!tail.isBlank() && !tail.strip().startsWith("#")) {
      return null; // another statement shares the line
    }
    String content = f.text().substring(st.range().start(), lineEnd);
    int nextLine = line < f.lines().lineCount() ? f.lines().lineStart(line + 1) : lineEnd;
    return Fix.unsafe("Move the reset to the start of the iteration",
        Edit.insert(LoopHeaders.lineStart(f, first), indent + content + LoopHeaders.newline(f)),
        Edit.delete(new SourceRange(LoopHeaders.lineStart(f, st), nextLine)));
  }

  private static boolean isDocstring(Stmt s) {
    return s instanceof Stmt.ExprStmt e && e.value() instanceof Expr.Constant c && c.value() instanceof ConstValue.Str;
  }
}
