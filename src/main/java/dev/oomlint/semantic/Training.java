package dev.oomlint.semantic;

import dev.oomlint.ast.AstWalker;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.Operators;
import dev.oomlint.ast.Stmt;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Loop roles and training facts: which loops are training loops (their body, or a same-file function
 * it calls, runs a backward), which calls step an optimizer, and where gradients are reset.
 */
final class Training {
  private final AstIndex index;
  private final Names names;
  private final CallGraph calls;
  private final TorchObjects objects;
  private final GradFlow flow;
  private final Map<Stmt.FunctionDef, Boolean> runsBackward = new IdentityHashMap<>();
  private final Map<Stmt.FunctionDef, Boolean> resets = new IdentityHashMap<>();
  private final Map<Stmt.FunctionDef, List<Expr.Call>> stepsOutsideLoops = new IdentityHashMap<>();
  private final Map<Stmt, Boolean> trainingLoop = new IdentityHashMap<>();
  private Boolean fileTrains;

  private List<Stmt.FunctionDef> iterationFunctions;

  Training(AstIndex index, Names names, CallGraph calls, TorchObjects objects, GradFlow flow) {
    this.index = index;
    this.names = names;
    this.calls = calls;
    this.objects = objects;
    this.flow = flow;
  }

  // ---------------------------------------------------------------- generic reachability

  /**
   * Whether some node under {@code roots} satisfies {@code direct}, or calls (or passes along) a
   * same-file function for which {@code summary} holds. Nested defs and lambdas are searched too (a
   * closure defined in a loop usually runs there, e.g. an LBFGS closure).
   */
  private boolean reaches(List<? extends Node> roots, Predicate<Node> direct,
      Function<Stmt.FunctionDef, Boolean> summary) {
    boolean[] found = {false};
    for (Node r : roots) {
      AstWalker.descend(r, n -> {
        if (found[0]) {
          return false;
        }
        if (direct.test(n)) {
          found[0] = true;
          return false;
        }
        Stmt.FunctionDef callee = calleeOf(n);
        if (callee != null && summary.apply(callee)) {
          found[0] = true;
          return false;
        }
        return true;
      });
      if (found[0]) {
        return true;
      }
    }
    return false;
  }

  /** The same-file function a node calls, or passes as a callback (a bare name of a def). */
  private Stmt.FunctionDef calleeOf(Node n) {
    if (n instanceof Expr.Call c) {
      return calls.resolve(c);
    }
    if (n instanceof Expr.Name nm && nm.ctx() == Operators.ExprContext.LOAD
        && !(index.parent(nm) instanceof Expr.Call pc && pc.func() == nm)) {
      List<Binding> bs = names.resolve(nm);
      if (bs.size() == 1 && bs.get(0).node() instanceof Stmt.FunctionDef f) {
        return f;
      }
    }
    return null;
  }

  private <T> T memo(Map<Stmt.FunctionDef, T> m, Stmt.FunctionDef f, T inProgress, Function<Stmt.FunctionDef, T> compute) {
    T v = m.get(f);
    if (v != null) {
      return v;
    }
    m.put(f, inProgress);
    T r = compute.apply(f);
    m.put(f, r);
    return r;
  }

  // ---------------------------------------------------------------- backward

  boolean isBackwardCall(Node n) {
    return n instanceof Expr.Call c && flow.isBackwardCall(c);
  }

  /** Whether {@code f} (or a same-file function it calls) runs a backward. */
  boolean runsBackward(Stmt.FunctionDef f) {
    return memo(runsBackward, f, false, g -> reaches(g.body(), this::isBackwardCall, this::runsBackward));
  }

  /** Whether the statements run a backward, directly or through same-file calls. */
  boolean runsBackward(List<? extends Node> roots) {
    return reaches(roots, this::isBackwardCall, this::runsBackward);
  }

  /** A {@code for}/{@code while} loop whose body runs a backward. */
  boolean isTrainingLoop(Stmt loop) {
    Boolean v = trainingLoop.get(loop);
    if (v == null) {
      v = AstUtil.isLoop(loop) && runsBackward(AstUtil.loopBody(loop));
      trainingLoop.put(loop, v);
    }
    return v;
  }

  /** The innermost training loop whose body contains {@code n}, within n's own function; or null. */
  Stmt innermostTrainingLoop(Node n) {
    Node child = n;
    Node cur = index.parent(n);
    while (cur != null && !(cur instanceof Stmt.FunctionDef) && !(cur instanceof Stmt.ClassDef)
        && !(cur instanceof Expr.Lambda)) {
      if (cur instanceof Stmt loop && AstUtil.isLoop(loop) && child instanceof Stmt cs
          && AstUtil.containsNode(AstUtil.loopBody(loop), cs) && isTrainingLoop(loop)) {
        return loop;
      }
      child = cur;
      cur = index.parent(cur);
    }
    return null;
  }

  /** Whether the file builds an optimizer or runs a backward anywhere. */
  boolean fileTrains() {
    if (fileTrains == null) {
      boolean t = false;
      for (Expr.Call c : index.calls) {
        if (flow.isBackwardCall(c) || TorchApi.isOptimizerConstructor(names.qualifiedName(c.func()))
            || optimizerStepped(c) != null) {
          t = true;
          break;
        }
      }
      fileTrains = t;
    }
    return fileTrains;
  }

  // ---------------------------------------------------------------- optimizer steps

  /**
   * For {@code opt.step()} on an optimizer, or {@code scaler.step(opt)}, the optimizer expression;
   * null for any other call (schedulers, environments, EMA helpers).
   */
  Expr optimizerStepped(Expr.Call c) {
    if (!"step".equals(AstUtil.methodName(c))) {
      return null;
    }
    Expr recv = AstUtil.receiver(c);
    if (names.qualifiedName(c.func()) != null) {
      return null;
    }
    if (objects.isOptimizer(recv)) {
      return recv;
    }
    if (!c.args().isEmpty() && objects.isOptimizer(c.args().get(0))) {
      return c.args().get(0);
    }
    return null;
  }

  /**
   * Optimizer-step calls a training loop runs itself: in its body (not inside a nested training loop)
   * or in same-file functions it calls (not inside their own training loops).
   */
  List<Expr.Call> directSteps(Stmt loop) {
    return directSteps(AstUtil.loopBody(loop));
  }

  private List<Expr.Call> directSteps(List<Stmt> body) {
    List<Expr.Call> out = new ArrayList<>();
    collectSteps(body, out, Collections.newSetFromMap(new IdentityHashMap<>()));
    return out;
  }

  private void collectSteps(List<? extends Node> roots, List<Expr.Call> out, Set<Stmt.FunctionDef> seen) {
    for (Node r : roots) {
      AstWalker.descend(r, n -> {
        if (n instanceof Stmt s && AstUtil.isLoop(s) && isTrainingLoop(s)) {
          return false;
        }
        if (n instanceof Expr.Call c && optimizerStepped(c) != null) {
          out.add(c);
        }
        Stmt.FunctionDef callee = calleeOf(n);
        if (callee != null && seen.add(callee)) {
          out.addAll(stepsOutsideLoops(callee));
        }
        return true;
      });
    }
  }

  private List<Expr.Call> stepsOutsideLoops(Stmt.FunctionDef f) {
    return memo(stepsOutsideLoops, f, List.of(), g -> {
      List<Expr.Call> out = new ArrayList<>();
      Set<Stmt.FunctionDef> seen = Collections.newSetFromMap(new IdentityHashMap<>());
      seen.add(g);
      collectSteps(g.body(), out, seen);
      return out;
    });
  }

  /**
   * Functions that a training framework calls once per training iteration, so that their body is a
   * loop body: a function handed to an engine ({@code Engine(update_fn)}, PyTorch-Ignite's trainer),
   * and a LightningModule's {@code training_step} (it steps an optimizer itself only under manual
   * optimisation, with {@code self.optimizers()}).
   */
  List<Stmt.FunctionDef> iterationFunctions() {
    if (iterationFunctions == null) {
      List<Stmt.FunctionDef> out = new ArrayList<>();
      for (Expr.Call c : index.calls) {
        if (!c.args().isEmpty() && "Engine".equals(AstUtil.lastName(c.func()))) {
          Stmt.FunctionDef f = functionNamed(c.args().get(0));
          if (f != null && !out.contains(f)) {
            out.add(f);
          }
        }
      }
      for (Stmt.FunctionDef f : index.functions) {
        if (f.name().equals("training_step") && index.parent(f) instanceof Stmt.ClassDef && !out.contains(f)) {
          out.add(f);
        }
      }
      iterationFunctions = out;
    }
    return iterationFunctions;
  }

  private Stmt.FunctionDef functionNamed(Expr e) {
    if (e instanceof Expr.Name n) {
      for (Binding b : names.resolve(n)) {
        if (b.kind() == Binding.Kind.FUNCTION && b.node() instanceof Stmt.FunctionDef f) {
          return f;
        }
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- gradient resets

  /**
   * The optimizers a training loop steps itself (see {@link #directSteps}) whose gradients it never
   * resets. A reset counts for an optimizer when it is {@code opt.zero_grad()} on that optimizer,
   * {@code model.zero_grad()} on a model the optimizer was built from (or any model when that is
   * unknown), or a reset that cannot be tied to one optimizer ({@code p.grad = None}, a same-file
   * helper that resets, {@code self.zero_grad()}).
   */
  List<Expr> unresetOptimizers(Stmt loop) {
    return unresetOptimizers(loop, AstUtil.loopBody(loop));
  }

  /**
   * {@link #unresetOptimizers(Stmt)} for a function that a training framework runs once per iteration
   * (see {@link #iterationFunctions}): its body is a loop body.
   */
  List<Expr> unresetOptimizersIn(Stmt.FunctionDef f) {
    return unresetOptimizers(f, f.body());
  }

  private List<Expr> unresetOptimizers(Node loop, List<Stmt> body) {
    List<Expr.Call> steps = directSteps(body);
    List<Expr> out = new ArrayList<>();
    if (steps.isEmpty()) {
      return out;
    }
    Resets resets = resetsIn(body, null, true);
    if (resets.generic()) {
      return out;
    }
    for (Expr.Call step : steps) {
      Expr opt = optimizerStepped(step);
      boolean local = loop.range().contains(step.range());
      boolean reset = local ? resetFor(opt, resets.receivers()) : !resets.receivers().isEmpty();
      if (!reset && !freshPerIteration(loop, opt) && !accumulatesForOuterLoop(loop, step, opt)) {
        out.add(opt);
      }
    }
    return out;
  }

  /** The receivers of a body's {@code zero_grad()} calls, and whether it also resets every optimizer's gradients. */
  private record Resets(List<Expr> receivers, boolean generic) {}

  /**
   * The gradient resets a body runs: {@code zero_grad()} calls, and resets of every gradient
   * ({@code p.grad = None}, or, {@code throughCalls}, a same-file function that resets). Nothing under
   * {@code skip} (null: none) is looked at.
   */
  private Resets resetsIn(List<Stmt> body, Node skip, boolean throughCalls) {
    List<Expr> receivers = new ArrayList<>();
    boolean[] generic = {false};
    for (Stmt s : body) {
      AstWalker.descend(s, n -> {
        if (n == skip) {
          return false;
        }
        if (isReset(n)) {
          if (n instanceof Expr.Call c && "zero_grad".equals(AstUtil.methodName(c))) {
            receivers.add(AstUtil.receiver(c));
          } else {
            generic[0] = true;
          }
        }
        if (throughCalls) {
          Stmt.FunctionDef callee = calleeOf(n);
          if (callee != null && resets(callee)) {
            generic[0] = true;
          }
        }
        return true;
      });
    }
    return new Resets(receivers, generic[0]);
  }

  /**
   * Whether an inner loop iterates over parts of the outer loop's iteration: its iterable reads a name
   * the outer loop binds (its target, or an assignment in its body), as micro-batches of a batch do
   * ({@code for i in range(0, input_ids.size(0), micro)}), unlike a loop over the whole data loader
   * inside an epoch loop.
   */
  private boolean iteratesPartsOf(Stmt.For inner, Stmt outer) {
    boolean[] found = {false};
    AstWalker.descend(inner.iter(), n -> {
      if (n instanceof Expr.Name nm) {
        for (Binding b : names.resolve(nm)) {
          if (b.node() != null && outer.range().contains(b.node().range()) && !inner.range().contains(b.node().range())) {
            found[0] = true;
          }
        }
      }
      return !found[0];
    });
    return found[0];
  }

  /**
   * Whether a loop is the micro-batch loop of gradient accumulation, reset by the loop around it: its
   * step runs only under a condition (the last micro-batch: {@code else: optimizer.step()}), and an
   * enclosing loop of the same function resets the optimizer's gradients in its own body, once per
   * outer iteration, and the inner loop runs over parts of that iteration's batch
   * ({@code for batch in loader: model.zero_grad(); for mb in split(batch): ...}). A step on every
   * inner iteration, or an inner loop over the whole data (a reset once per epoch), stays reported:
   * gradients then add up across the steps.
   */
  private boolean accumulatesForOuterLoop(Node loop, Expr.Call step, Expr opt) {
    if (!loop.range().contains(step.range())) {
      return false;
    }
    boolean conditional = false;
    for (Node cur = index.parent(step); cur != null && cur != loop; cur = index.parent(cur)) {
      conditional |= cur instanceof Stmt.If;
    }
    if (!conditional || !(loop instanceof Stmt.For inner)) {
      return false;
    }
    for (Node outer = index.parent(loop); outer != null && !(outer instanceof Stmt.FunctionDef)
        && !(outer instanceof Stmt.ClassDef); outer = index.parent(outer)) {
      if (!(outer instanceof Stmt o) || !AstUtil.isLoop(o) || !iteratesPartsOf(inner, o)) {
        continue;
      }
      Resets resets = resetsIn(AstUtil.loopBody(o), loop, false); // the outer loop's own resets, not the inner loop's
      if (resets.generic() || resetFor(opt, resets.receivers())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the optimizer is built inside the loop over tensors that are also created inside it (a
   * per-iteration optimizer over a fresh leaf, as in latent-guidance loops): nothing accumulates.
   */
  private boolean freshPerIteration(Node loop, Expr opt) {
    Expr.Call ctor = objects.optimizerConstruction(opt, 0);
    if (ctor == null || !loop.range().contains(ctor.range()) || ctor.args().isEmpty()) {
      return false;
    }
    boolean[] fresh = {true};
    AstWalker.descend(ctor.args().get(0), n -> {
      if (n instanceof Expr.Call c && "parameters".equals(AstUtil.methodName(c))) {
        fresh[0] = false;
      }
      if (n instanceof Expr.Name nm && nm.ctx() == Operators.ExprContext.LOAD) {
        List<Binding> bs = names.resolve(nm);
        if (bs.isEmpty()) {
          return true;
        }
        for (Binding b : bs) {
          if (!loop.range().contains(b.node().range())) {
            fresh[0] = false;
          }
        }
      }
      return fresh[0];
    });
    return fresh[0];
  }

  private boolean resetFor(Expr opt, List<Expr> receivers) {
    String po = objects.canonicalPath(opt);
    if (po == null) {
      return !receivers.isEmpty();
    }
    for (Expr r : receivers) {
      String pr = objects.canonicalPath(r);
      if (pr == null || pr.equals(po)) {
        return true;
      }
      if (objects.isOptimizer(r)) {
        if (objects.isLoopVariable(r)) {
          return true;
        }
        continue;
      }
      if (!objects.isModel(r)) {
        return true;
      }
      Set<String> models = objects.optimizerModels(opt);
      if (models == null || models.contains(pr)) {
        return true;
      }
      // self.encoder in a method vs encoder in __init__: the same model seen from two scopes
      String last = pr.substring(pr.lastIndexOf('.') + 1);
      for (String m : models) {
        if (m.substring(m.lastIndexOf('.') + 1).equals(last)) {
          return true;
        }
        if (m.startsWith(pr + ".")) {
          return true; // model.zero_grad() resets model.decoder's parameters too (DiffVC's train_dec.py)
        }
      }
    }
    return false;
  }

  /**
   * {@code x.zero_grad()}, {@code p.grad = None}, {@code p.grad.zero_()}, {@code del p.grad}, and a
   * project's own {@code zero_grad(params)} function (improved-diffusion's fp16 helpers).
   */
  static boolean isReset(Node n) {
    if (n instanceof Expr.Call c) {
      String m = AstUtil.methodName(c);
      if ("zero_grad".equals(m) || c.func() instanceof Expr.Name f && f.id().equals("zero_grad")) {
        return true;
      }
      if (m != null && (m.equals("zero_") || m.equals("fill_"))) {
        return mentionsGrad(AstUtil.receiver(c));
      }
      return false;
    }
    if (n instanceof Stmt.Assign a) {
      for (Expr t : a.targets()) {
        if (t instanceof Expr.Attribute at && at.attr().equals("grad")) {
          return true;
        }
      }
      return false;
    }
    if (n instanceof Stmt.Delete d) {
      for (Expr t : d.targets()) {
        if (t instanceof Expr.Attribute at && at.attr().equals("grad")) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean mentionsGrad(Expr e) {
    Expr cur = e;
    for (int i = 0; i < 8 && cur instanceof Expr.Attribute a; i++) {
      if (a.attr().equals("grad")) {
        return true;
      }
      cur = a.value();
    }
    return false;
  }

  /** Whether {@code f} (or a same-file function it calls) resets gradients. */
  boolean resets(Stmt.FunctionDef f) {
    return memo(resets, f, false, g -> reaches(g.body(), Training::isReset, this::resets));
  }

  /** Whether a loop resets gradients anywhere in its body, nested blocks and called functions included. */
  boolean loopResets(Stmt loop) {
    return reaches(AstUtil.loopBody(loop), Training::isReset, this::resets);
  }
}
