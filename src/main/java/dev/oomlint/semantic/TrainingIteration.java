package dev.oomlint.semantic;

import dev.oomlint.ast.AstWalker;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.Operators;
import dev.oomlint.ast.Stmt;
import java.util.List;
import java.util.Set;

/**
 * The training iteration a statement runs in, for the leak rules OOM101/OOM102: the innermost
 * training loop around it, or, for a statement in a helper that runs a backward and is called from a
 * loop, the helper's own invocation. Answers "does this container outlive the iteration?" and "is
 * this value backpropagated in the same iteration?".
 */
public final class TrainingIteration {
  private final SemanticModel sm;
  /** The loop, or the helper function, that one iteration is. */
  private final Node node;
  private final boolean loop;
  private Set<String> backpropRelated;

  private TrainingIteration(SemanticModel sm, Node node, boolean loop) {
    this.sm = sm;
    this.node = node;
    this.loop = loop;
  }

  /**
   * Whether a kept autograd graph in this file costs GPU memory worth a finding: the file puts
   * something on a GPU ({@link SemanticModel#usesGpu}) and is not test code. On the CPU (demos, smoke
   * tests, numpy-only code) a leaked graph costs host memory of a toy run; tests run a few iterations.
   */
  public static boolean graphLeakCostsGpuMemory(SemanticModel sm) {
    return !sm.isTestFile() && sm.usesGpu();
  }

  /**
   * Whether this iteration runs on the CPU only: it is a loop whose model calls (at least one) all run
   * a model and inputs made on the CPU in the loop's scope and not moved since
   * ({@link SemanticModel#runsOnCpu}): a notebook's first training cell before a later cell sets the
   * device. Its graph costs host memory of a toy run, not GPU memory.
   */
  public boolean runsOnCpu() {
    if (!loop) {
      return false;
    }
    List<Expr.Call> forwards = new java.util.ArrayList<>();
    AstWalker.walkAll(AstUtil.loopBody((Stmt) node), n -> {
      if (n instanceof Expr.Call c && sm.isForwardCall(c)) {
        forwards.add(c);
      }
    });
    if (forwards.isEmpty()) {
      return false;
    }
    for (Expr.Call c : forwards) {
      if (!sm.runsOnCpu(c)) {
        return false;
      }
    }
    return true;
  }

  /** One pass of {@code loop}'s body (any loop: for the questions below, not only training loops). */
  public static TrainingIteration ofLoop(SemanticModel sm, Stmt loop) {
    return new TrainingIteration(sm, loop, true);
  }

  /** The training iteration {@code site} runs in, or null when it is not inside one. */
  public static TrainingIteration of(SemanticModel sm, Node site) {
    Stmt l = sm.innermostTrainingLoop(site);
    if (l != null) {
      return new TrainingIteration(sm, l, true);
    }
    Stmt.FunctionDef f = sm.enclosingFunction(site);
    if (f == null || !sm.runsBackward(f) || insideLoop(sm, site, f)) {
      return null;
    }
    for (Expr.Call c : sm.callSites(f)) {
      Stmt.FunctionDef caller = sm.enclosingFunction(c);
      if (insideLoop(sm, c, caller)) {
        return new TrainingIteration(sm, f, false);
      }
    }
    return null;
  }

  private static boolean insideLoop(SemanticModel sm, Node n, Node stop) {
    for (Node cur = sm.parent(n); cur != null && cur != stop; cur = sm.parent(cur)) {
      if (AstUtil.isLoop(cur)) {
        return true;
      }
      if (stop == null && (cur instanceof Stmt.FunctionDef || cur instanceof Stmt.ClassDef)) {
        return false;
      }
    }
    return false;
  }

  public Node node() {
    return node;
  }

  public boolean isLoop() {
    return loop;
  }

  private List<Stmt> body() {
    return loop ? AstUtil.loopBody((Stmt) node) : ((Stmt.FunctionDef) node).body();
  }

  /**
   * Whether the object {@code e} (a name, or an attribute chain like {@code self.history}) lives
   * longer than one iteration: bound before the loop (or a parameter, global, or attribute of
   * {@code self}) and not rebound unconditionally at the top of each iteration before {@code site}.
   */
  public boolean outlivesIteration(Expr e, Node site) {
    Expr.Name root = AstUtil.root(e);
    if (root == null) {
      return false;
    }
    String path = AstUtil.path(e);
    if (rebuiltEachIteration(path != null ? path : root.id(), site)) {
      return false;
    }
    if (sm.isSelf(root)) {
      return true;
    }
    Scope scope = sm.scopeOf(root);
    while (scope.kind() == Scope.Kind.COMPREHENSION || scope.kind() == Scope.Kind.LAMBDA) {
      scope = scope.parent();
    }
    List<Binding> bs = scope.bindings(root.id());
    if (bs.isEmpty() || scope.isGlobalDeclared(root.id())) {
      return true; // a global or closure variable
    }
    if (!loop) {
      for (Binding b : bs) {
        if (b.kind() == Binding.Kind.PARAMETER) {
          return true;
        }
      }
      return false;
    }
    for (Binding b : bs) {
      if (b.kind() == Binding.Kind.PARAMETER || !node.range().contains(b.node().range())) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code path} is assigned unconditionally in the iteration body before {@code site}. */
  private boolean rebuiltEachIteration(String path, Node site) {
    for (Stmt s : body()) {
      if (s.range().start() >= site.range().start()) {
        return false;
      }
      if (assignsUnconditionally(s, path)) {
        return true;
      }
    }
    return false;
  }

  private boolean assignsUnconditionally(Stmt s, String path) {
    if (s instanceof Stmt.Assign a) {
      for (Expr t : a.targets()) {
        if (path.equals(AstUtil.path(t)) || t instanceof Expr.Tuple tt && tupleHas(tt, path)) {
          return true;
        }
      }
    } else if (s instanceof Stmt.AnnAssign a && a.value() != null) {
      return path.equals(AstUtil.path(a.target()));
    } else if (s instanceof Stmt.With w) {
      for (Stmt inner : w.body()) {
        if (assignsUnconditionally(inner, path)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean tupleHas(Expr.Tuple t, String path) {
    for (Expr e : t.elts()) {
      if (path.equals(AstUtil.path(e))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the iteration takes elements out of the container {@code path} ({@code queue.pop(0)}): a
   * first-in first-out queue of in-flight values (pipeline schedules), bounded, not a growing history.
   */
  public boolean drains(String path) {
    return path != null && anyInBody(n -> n instanceof Expr.Call c
        && Containers.REMOVERS.contains(String.valueOf(AstUtil.methodName(c)))
        && path.equals(AstUtil.path(AstUtil.receiver(c))));
  }

  /**
   * Whether {@code path} is reset in this iteration together with an optimizer step: rebound (not added
   * to) in a block that also steps an optimizer, as in a gradient-accumulation window
   * ({@code if (i + 1) % accum == 0: opt.step(); ...; running_loss = 0}). What it holds is then bounded
   * by one optimizer step's micro-batches, not by the length of the run.
   */
  public boolean resetAtOptimizerStep(String path) {
    return path != null && anyInBody(n -> n instanceof Stmt.Assign a && resets(a, path)
        && (blockSteps(sm.blockOf(a)) || underSyncGradients(a)));
  }

  /**
   * Whether a statement runs only when Accelerate's accumulation window closes: in the body of
   * {@code if accelerator.sync_gradients:}, the flag that the optimizer stepped this iteration (the
   * step itself sits in {@code with accelerator.accumulate(model):}).
   */
  private boolean underSyncGradients(Stmt s) {
    for (SemanticModel.EnclosingIf e : sm.enclosingIfs(s)) {
      Expr t = e.statement().test();
      if (e.onTrueSide() && (t instanceof Expr.Attribute at && at.attr().equals("sync_gradients")
          || t instanceof Expr.Name nm && nm.id().equals("sync_gradients"))) {
        return true;
      }
    }
    return false;
  }

  /** Whether some node of the iteration's body (outside nested functions and classes) is a {@code hit}. */
  private boolean anyInBody(java.util.function.Predicate<Node> hit) {
    boolean[] found = {false};
    for (Stmt s : body()) {
      AstWalker.descend(s, n -> {
        if (found[0] || n instanceof Stmt.FunctionDef || n instanceof Stmt.ClassDef) {
          return false;
        }
        if (hit.test(n)) {
          found[0] = true;
        }
        return true;
      });
    }
    return found[0];
  }

  private static boolean resets(Stmt.Assign a, String path) {
    boolean target = false;
    for (Expr t : a.targets()) {
      target |= path.equals(AstUtil.path(t)) || t instanceof Expr.Tuple tt && tupleHas(tt, path);
    }
    return target && !(a.value() instanceof Expr.BinOp b
        && (path.equals(AstUtil.path(b.left())) || path.equals(AstUtil.path(b.right()))));
  }

  private boolean blockSteps(List<Stmt> block) {
    if (block == null) {
      return false;
    }
    boolean[] found = {false};
    for (Stmt s : block) {
      AstWalker.descend(s, n -> {
        if (found[0] || n instanceof Stmt.FunctionDef || n instanceof Stmt.ClassDef) {
          return false;
        }
        if (n instanceof Expr.Call c && sm.optimizerStepped(c) != null) {
          found[0] = true;
        }
        return true;
      });
    }
    return found[0];
  }

  /**
   * Whether {@code e} (its path or its root name) feeds a backward: it is a backward target, or part
   * of the value of something that is (transitively), in the same function.
   */
  public boolean feedsBackward(Expr e) {
    Set<String> related = backpropRelated();
    String path = AstUtil.path(e);
    Expr.Name root = AstUtil.root(e);
    if (path != null && related.contains(path) || root != null && !sm.isSelf(root) && related.contains(root.id())) {
      return true;
    }
    return path != null && readByBackwardHelper(path);
  }

  /**
   * Whether a same-file function called in the iteration runs a backward and reads {@code path}
   * ({@code self.saved_log_probs} summed into the loss of {@code self.finish_episode()}).
   */
  private boolean readByBackwardHelper(String path) {
    boolean[] found = {false};
    for (Stmt s : body()) {
      AstWalker.descend(s, n -> {
        if (found[0]) {
          return false;
        }
        if (n instanceof Expr.Call c) {
          Stmt.FunctionDef f = sm.resolveCall(c);
          if (f != null && f != node && sm.runsBackward(f) && reads(f, path)) {
            found[0] = true;
          }
        }
        return true;
      });
    }
    return found[0];
  }

  private static boolean reads(Stmt.FunctionDef f, String path) {
    boolean[] hit = {false};
    AstWalker.descend(f, n -> {
      if (n instanceof Expr.Attribute a && a.ctx() == Operators.ExprContext.LOAD && path.equals(AstUtil.path(a))
          || n instanceof Expr.Name nm && nm.ctx() == Operators.ExprContext.LOAD && path.equals(nm.id())) {
        hit[0] = true;
      }
      return !hit[0];
    });
    return hit[0];
  }

  private Set<String> backpropRelated() {
    if (backpropRelated == null) {
      backpropRelated = sm.backpropRelated(node);
    }
    return backpropRelated;
  }
}
