package dev.oomlint.rules.checks;

import dev.oomlint.ast.AstWalker;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.Operators;
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
import dev.oomlint.rules.edits.CallEdits;
import dev.oomlint.semantic.AstUtil;
import dev.oomlint.semantic.Binding;
import dev.oomlint.semantic.Calls;
import dev.oomlint.semantic.Iterations;
import dev.oomlint.semantic.Scope;
import dev.oomlint.semantic.SemanticModel;
import dev.oomlint.semantic.TrainingIteration;
import dev.oomlint.semantic.TorchApi;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OOM103: {@code backward(retain_graph=True)} in a training loop when nothing in the same iteration
 * goes through that graph again, so the graph's saved tensors outlive the backward that needed them.
 */
@RuleInfo(code = "OOM103", name = "retain-graph-in-loop",
    summary = "backward(retain_graph=True) in a training loop with no second backward over the same graph in that iteration.",
    level = Level.WARNING, fix = FixSafety.UNSAFE, precision = "high",
    mentions = "retain_graph", enabledByDefault = false)
public final class RetainGraphInLoop implements Rule {
  private static final int MAX_DEPTH = 12;
  private static final Set<String> GRADIENT_APIS = Set.of("torch.autograd.grad", "torch.autograd.backward",
      "torch.autograd.functional.vjp", "torch.autograd.functional.jacobian", "torch.autograd.functional.hessian");

  @Override
  public void check(RuleContext ctx) {
    SemanticModel sm = ctx.semantic();
    if (sm.isOtherFramework() || !TrainingIteration.graphLeakCostsGpuMemory(sm)) {
      return;
    }
    Map<Stmt.FunctionDef, Boolean> passes = new IdentityHashMap<>();
    for (Expr.Call c : sm.calls()) {
      if (!sm.isBackwardCall(c) || sm.resolveCall(c) != null) {
        continue;
      }
      Support.Keyword retain = Calls.keyword(c, "retain_graph");
      if (retain == null || !Calls.isTrue(retain.value())) {
        continue;
      }
      Support.Keyword create = Calls.keyword(c, "create_graph");
      if (create != null && !Calls.isFalsyConstant(create.value())) {
        continue; // higher-order gradients: the graph is kept on purpose
      }
      Stmt loop = Iterations.innermostLoop(sm, c);
      Node iteration;
      if (loop != null) {
        iteration = Iterations.outermostLoop(sm, c);
      } else {
        iteration = helperIteration(sm, c);
        if (iteration == null) {
          continue;
        }
      }
      if (gradientPassFollows(sm, c, iteration, passes)) {
        continue;
      }
      List<Expr> targets = sm.backwardTargets(c);
      if (targets.isEmpty() && AstUtil.receiver(c) != null) {
        targets = List.of(AstUtil.receiver(c));
      }
      boolean shared = false;
      Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
      for (Expr t : targets) {
        shared |= loop != null ? sharedAcross(sm, t, loop, seen, 0) : sharedIntoHelper(sm, t, (Stmt.FunctionDef) iteration, seen);
      }
      if (shared) {
        continue; // a graph built once before the loop, backpropagated on every pass: retaining it is needed
      }
      String message = "`retain_graph=True` keeps this iteration's autograd graph (every saved activation)"
          + " alive after the backward, although nothing later in the iteration backpropagates through it"
          + " again; drop the argument. If the backward then fails with \"Trying to backward through the graph"
          + " a second time\", a tensor carried over from the previous iteration (a hidden state, a running"
          + " value) still holds its graph: `.detach()` it instead, or every iteration's graph stays chained"
          + " in memory.";
      ctx.report(new Diagnostic(ctx.code(), message, c.range(), fix(ctx.file(), c, retain)));
    }
  }

  /**
   * For a backward outside any loop in a function called (on some path) from a loop: that function's
   * body is the iteration. Null when no call site is in a loop.
   */
  private static Node helperIteration(SemanticModel sm, Expr.Call c) {
    Stmt.FunctionDef f = sm.enclosingFunction(c);
    if (f == null) {
      return null;
    }
    for (Expr.Call site : sm.callSites(f)) {
      if (Iterations.innermostLoop(sm, site) != null) {
        return f;
      }
    }
    return null;
  }

  /** Whether a backward, {@code torch.autograd.grad} or a helper running one comes after {@code c} in the iteration. */
  private static boolean gradientPassFollows(SemanticModel sm, Expr.Call c, Node iteration,
      Map<Stmt.FunctionDef, Boolean> passes) {
    List<Stmt> body = iteration instanceof Stmt.FunctionDef f ? f.body() : AstUtil.loopBody((Stmt) iteration);
    int after = c.range().end();
    boolean[] found = {false};
    for (Stmt s : body) {
      if (s.range().end() <= after) {
        continue;
      }
      AstWalker.descend(s, n -> {
        if (found[0] || n.range().end() <= after) {
          return !found[0] && n.range().end() > after;
        }
        if (n instanceof Expr.Call k && n.range().start() >= after && isGradientPass(sm, k, passes)) {
          found[0] = true;
        }
        return !found[0];
      });
      if (found[0]) {
        return true;
      }
    }
    return false;
  }

  private static boolean isGradientPass(SemanticModel sm, Expr.Call c, Map<Stmt.FunctionDef, Boolean> passes) {
    String q = sm.qualifiedName(c.func());
    if (sm.isBackwardCall(c) || q != null && GRADIENT_APIS.contains(q)) {
      return true;
    }
    Stmt.FunctionDef f = sm.resolveCall(c);
    if (f == null) {
      return false;
    }
    Boolean known = passes.get(f);
    if (known != null) {
      return known;
    }
    passes.put(f, false);
    boolean[] found = {false};
    AstWalker.descend(f, n -> {
      if (n instanceof Expr.Call k && isGradientPass(sm, k, passes)) {
        found[0] = true;
      }
      return !found[0];
    });
    passes.put(f, found[0]);
    return found[0];
  }

  /**
   * Whether {@code e} may hold a graph built before {@code loop} and reused on every pass (so a later
   * pass backpropagates through it again): a grad-carrying value that the loop body never rebinds, or
   * one derived from such a value.
   */
  private static boolean sharedAcross(SemanticModel sm, Expr e, Stmt loop, Set<Node> seen, int depth) {
    if (e == null || depth > MAX_DEPTH || !seen.add(e)) {
      return false;
    }
    if (e instanceof Expr.Name n) {
      List<Binding> all = bindings(sm, n);
      if (all.isEmpty()) {
        return sm.isGradCarrying(n); // a global, closure or builtin value
      }
      boolean inside = false;
      boolean out = false;
      for (Binding b : all) {
        if (inLoopBody(loop, b.node())) {
          inside = true;
          if (b.value() != null && b.value() != e && sharedAcross(sm, b.value(), loop, seen, depth + 1)) {
            return true;
          }
        } else if (loop instanceof Stmt.For f && f.target().range().contains(b.node().range())) {
          inside = true;
          if (sharedAcross(sm, f.iter(), loop, seen, depth + 1)) {
            return true;
          }
        } else {
          out = true;
        }
      }
      if (!out || inside || sm.isModel(n) || constructedObject(n, all)) {
        return false; // rebound in the loop, or a model (its parameters are leaves, not a graph)
      }
      if (sm.isGradCarrying(n)) {
        return true;
      }
      for (Binding b : all) {
        if (b.value() != null && mentionsGrad(sm, b.value())) {
          return true;
        }
      }
      return false;
    }
    if (e instanceof Expr.Attribute a) {
      Expr.Name root = AstUtil.root(a);
      String p = AstUtil.path(a);
      if (root == null || !sm.isSelf(root) || p == null) {
        return sharedAcross(sm, a.value(), loop, seen, depth + 1);
      }
      if (sm.isModel(a)) {
        return false;
      }
      boolean[] assigned = {false};
      for (Stmt s : AstUtil.loopBody(loop)) {
        AstWalker.descend(s, n -> {
          if (n instanceof Expr.Attribute t && t.ctx() == Operators.ExprContext.STORE && p.equals(AstUtil.path(t))) {
            assigned[0] = true;
          }
          return !assigned[0];
        });
      }
      return !assigned[0] && sm.isGradCarrying(a);
    }
    if (e instanceof Expr.Call c) {
      if (detaches(sm, c)) {
        return false;
      }
      if (c.func() instanceof Expr.Attribute fa && sharedAcross(sm, fa.value(), loop, seen, depth + 1)) {
        return true;
      }
      for (Expr a : c.args()) {
        if (sharedAcross(sm, a instanceof Expr.Starred st ? st.value() : a, loop, seen, depth + 1)) {
          return true;
        }
      }
      for (Support.Keyword k : c.keywords()) {
        if (sharedAcross(sm, k.value(), loop, seen, depth + 1)) {
          return true;
        }
      }
      return false;
    }
    for (Node k : dev.oomlint.ast.Nodes.children(e)) {
      if (k instanceof Expr ke && !(k instanceof Expr.Lambda) && sharedAcross(sm, ke, loop, seen, depth + 1)) {
        return true;
      }
    }
    return false;
  }

  private static final Set<String> MOVES = Set.of("cuda", "to", "cpu", "half", "float", "double", "bfloat16",
      "eval", "train", "requires_grad_", "share_memory");

  /**
   * Whether every binding of a name builds an object: a class instantiation ({@code D_A =
   * Discriminator(shape)}, a capitalised callee) or moving it ({@code D_A = D_A.cuda()}). Such a value
   * is a module or a container, not the output of a forward pass.
   */
  private static boolean constructedObject(Expr.Name n, List<Binding> all) {
    for (Binding b : all) {
      if (!(b.value() instanceof Expr.Call c) || b.index() >= 0) {
        return false;
      }
      String callee = AstUtil.lastName(c.func());
      boolean ctor = callee != null && !callee.isEmpty() && Character.isUpperCase(callee.charAt(0));
      boolean move = c.func() instanceof Expr.Attribute fa && MOVES.contains(fa.attr())
          && fa.value() instanceof Expr.Name r && r.id().equals(n.id());
      if (!ctor && !move) {
        return false;
      }
    }
    return true;
  }

  private static final Set<String> NUMBER_BUILTINS = Set.of("float", "int", "bool", "len", "str");

  /** A call whose result holds no graph: {@code .item()}, {@code .detach()}, {@code float(x)}, one under no_grad. */
  private static boolean detaches(SemanticModel sm, Expr.Call c) {
    String m = AstUtil.methodName(c);
    return m != null && TorchApi.DETACHING_METHODS.contains(m)
        || NUMBER_BUILTINS.contains(String.valueOf(sm.qualifiedName(c.func())))
        || sm.gradMode(c) == dev.oomlint.semantic.GradMode.DISABLED;
  }

  /** Whether an expression computes anything grad-carrying (outside detaching calls). */
  private static boolean mentionsGrad(SemanticModel sm, Expr e) {
    boolean[] hit = {false};
    AstWalker.descend(e, n -> {
      if (hit[0] || n instanceof Expr.Lambda || n instanceof Expr.Call c && detaches(sm, c)) {
        return false;
      }
      if (n instanceof Expr x && sm.isGradCarrying(x)) {
        hit[0] = true;
      }
      return !hit[0];
    });
    return hit[0];
  }

  /**
   * For a backward in a helper: whether its target may come from a grad-carrying argument of a call
   * site, built before the caller's loop.
   */
  private static boolean sharedIntoHelper(SemanticModel sm, Expr target, Stmt.FunctionDef f, Set<Node> seen) {
    boolean[] usesParam = {false};
    AstWalker.descend(target, n -> {
      if (n instanceof Expr.Name nm && nm.ctx() == Operators.ExprContext.LOAD) {
        for (Binding b : tracedBindings(sm, nm, f, 0)) {
          if (b.kind() == Binding.Kind.PARAMETER) {
            usesParam[0] = true;
          }
        }
      }
      return !usesParam[0];
    });
    if (!usesParam[0]) {
      return false;
    }
    for (Expr.Call site : sm.callSites(f)) {
      Stmt loop = Iterations.innermostLoop(sm, site);
      if (loop == null) {
        continue;
      }
      for (Expr a : site.args()) {
        if (sharedAcross(sm, a instanceof Expr.Starred st ? st.value() : a, loop, seen, 0)) {
          return true;
        }
      }
      for (Support.Keyword k : site.keywords()) {
        if (sharedAcross(sm, k.value(), loop, seen, 0)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The bindings a name's value may come from, following plain assignments inside {@code f}. */
  private static List<Binding> tracedBindings(SemanticModel sm, Expr.Name n, Stmt.FunctionDef f, int depth) {
    List<Binding> out = new java.util.ArrayList<>();
    for (Binding b : bindings(sm, n)) {
      out.add(b);
      if (depth < 6 && b.value() != null && f.range().contains(b.node().range())) {
        AstWalker.descend(b.value(), k -> {
          if (k instanceof Expr.Name kn && kn.ctx() == Operators.ExprContext.LOAD && kn != n) {
            out.addAll(tracedBindings(sm, kn, f, depth + 1));
          }
          return !(k instanceof Expr.Lambda);
        });
      }
    }
    return out;
  }

  /** Every binding of a name in the scope it resolves in (flow-insensitive: a loop may rebind it later). */
  private static List<Binding> bindings(SemanticModel sm, Expr.Name n) {
    Scope s = sm.scopeOf(n);
    while (s != null) {
      if (s.kind() != Scope.Kind.CLASS || s == sm.scopeOf(n)) {
        List<Binding> bs = s.bindings(n.id());
        if (!bs.isEmpty()) {
          return bs.stream().filter(b -> b.kind() != Binding.Kind.DELETE && b.kind() != Binding.Kind.ANNOTATION).toList();
        }
      }
      s = s.parent();
    }
    return List.of();
  }

  private static boolean inLoopBody(Stmt loop, Node n) {
    for (Stmt s : AstUtil.loopBody(loop)) {
      if (s.range().contains(n.range())) {
        return true;
      }
    }
    return false;
  }

  /** Deletes {@code retain_graph=True} with the comma that separates it from a neighbour. */
  private static Fix fix(SourceFile f, Expr.Call c, Support.Keyword kw) {
    List<Node> all = CallEdits.arguments(c);
    int i = -1;
    for (int k = 0; k < all.size(); k++) {
      if (all.get(k) == kw) {
        i = k;
      }
    }
    if (i < 0) {
      return null;
    }
    SourceRange del;
    if (i > 0) {
      del = new SourceRange(all.get(i - 1).range().end(), kw.range().end());
    } else if (i + 1 < all.size()) {
      del = new SourceRange(kw.range().start(), all.get(i + 1).range().start());
    } else {
      // the only argument: empty the parentheses
      int close = CallEdits.closingParen(f, c);
      int open = c.func().range().end();
      if (close < 0 || open >= close || f.text().charAt(open) != '(') {
        return null;
      }
      del = new SourceRange(open + 1, close);
    }
    String gap = f.text().substring(del.start(), del.end());
    if (gap.contains("#")) {
      return null;
    }
    return Fix.unsafe("Remove `retain_graph=True`", Edit.delete(del));
  }
}
