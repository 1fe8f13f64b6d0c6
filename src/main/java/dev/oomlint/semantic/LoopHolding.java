package dev.oomlint.semantic;

import dev.oomlint.ast.AstWalker;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.Stmt;
import java.util.List;
import java.util.Set;

/**
 * For OOM401: whether the result of a load is held across iterations of a loop. The load (or a
 * same-file helper returning it, or keeping it in {@code self}) must run in a loop body and be
 * assigned to a variable that still holds the previous iteration's model when the next load runs:
 * not released ({@code del x}, or {@code x = None} with {@code gc.collect()} /
 * {@code torch.cuda.empty_cache()}), not guarded by a test of that variable (lazy loading), not
 * followed by {@code break}/{@code return}, and not stored in a container on purpose (ensembles).
 */
public final class LoopHolding {
  /** The loop that repeats the load, and the variable ({@code model}, {@code self.pipe}) holding it. */
  public record Hold(Stmt loop, String holder) {}

  private static final Set<String> STORE_METHODS = Set.of("append", "extend", "insert", "add", "add_module",
      "register_module", "register_modules", "setdefault", "update", "appendleft", "put");
  private static final Set<String> RELEASE_CALLS = Set.of("gc.collect", "torch.cuda.empty_cache");
  private static final Set<String> MODEL_METHODS = Set.of("eval", "to", "cuda", "state_dict", "parameters",
      "generate", "forward", "predict", "half", "train", "named_parameters", "load_state_dict");
  private static final Set<String> STATE_SINKS = Set.of("load_state_dict", "set_state_dict", "load_weights",
      "load_model_state_dict");

  private final SemanticModel sm;
  private final boolean stateOnly;
  private final boolean builtModule;

  private LoopHolding(SemanticModel sm, boolean stateOnly, boolean builtModule) {
    this.sm = sm;
    this.stateOnly = stateOnly;
    this.builtModule = builtModule;
  }

  /**
   * Where the load {@code c} is held across loop iterations, or null. {@code stateOnly}: the value
   * counts only when used as a model or state dict (for {@code torch.load}); {@code builtModule}: a
   * freshly built same-file module counts only when it is trained, optimized or restored.
   */
  public static Hold find(SemanticModel sm, Expr.Call c, boolean stateOnly, boolean builtModule) {
    return new LoopHolding(sm, stateOnly, builtModule).find(c);
  }

  private Hold find(Expr.Call c) {
    Expr top = chainTop(c);
    Node parent = sm.parent(top);
    String holder = holderPath(parent, top);
    Stmt loop = enclosingLoop(c);
    if (loop != null) {
      return holder == null ? null : check(loop, (Stmt) parent, holder, top);
    }
    Stmt.FunctionDef f = sm.enclosingFunction(c);
    if (f == null) {
      return null;
    }
    boolean returns = parent instanceof Stmt.Return r && r.value() == top
        || holder != null && !holder.contains(".") && !isGlobal(parent, holder) && returnsName(f, holder);
    boolean keeps = holder != null && (holder.startsWith("self.") || isGlobal(parent, holder))
        && !releasedIn(f.body(), holder);
    if (!returns && !keeps) {
      return null;
    }
    for (Expr.Call site : sm.callSites(f)) {
      if (sm.resolveCall(site) != f) {
        continue;
      }
      Stmt siteLoop = enclosingLoop(site);
      if (siteLoop == null) {
        continue;
      }
      Hold h;
      if (returns) {
        Expr siteTop = chainTop(site);
        Node siteParent = sm.parent(siteTop);
        String siteHolder = holderPath(siteParent, siteTop);
        h = siteHolder == null ? null : check(siteLoop, (Stmt) siteParent, siteHolder, siteTop);
      } else {
        h = guardedOrLeft(siteLoop, site, holder) ? null : new Hold(siteLoop, holder);
      }
      if (h != null) {
        return h;
      }
    }
    return null;
  }

  /** Walks up methods that return the same model ({@code .to(...)}, {@code .eval()}). */
  private Expr chainTop(Expr e) {
    Expr cur = e;
    for (int i = 0; i < 16; i++) {
      Node p = sm.parent(cur);
      if (p instanceof Expr.Attribute a && a.value() == cur && Placement.PASSTHROUGH.contains(a.attr())
          && sm.parent(a) instanceof Expr.Call c && c.func() == a) {
        cur = c;
      } else {
        return cur;
      }
    }
    return cur;
  }

  /** {@code x} or {@code self.x} when {@code parent} is a plain assignment of {@code value} to it. */
  private String holderPath(Node parent, Expr value) {
    Expr target = null;
    if (parent instanceof Stmt.Assign a && a.value() == value && a.targets().size() == 1) {
      target = a.targets().get(0);
    } else if (parent instanceof Stmt.AnnAssign a && a.value() == value) {
      target = a.target();
    }
    if (target instanceof Expr.Name n) {
      return n.id();
    }
    if (target instanceof Expr.Attribute at && sm.isSelf(at.value())) {
      return AstUtil.path(at);
    }
    return null;
  }

  private boolean isGlobal(Node stmt, String name) {
    Scope s = sm.scopeOf(stmt);
    return s != null && s.isGlobalDeclared(name);
  }

  /** The innermost loop whose body runs {@code n}, within n's function; null past a def, lambda or comprehension. */
  private Stmt enclosingLoop(Node n) {
    Node child = n;
    for (Node cur = sm.parent(n); cur != null; cur = sm.parent(cur)) {
      if (cur instanceof Stmt.FunctionDef || cur instanceof Stmt.ClassDef || cur instanceof Expr.Lambda
          || cur instanceof Expr.ListComp || cur instanceof Expr.SetComp || cur instanceof Expr.DictComp
          || cur instanceof Expr.GeneratorExp) {
        return null;
      }
      if (cur instanceof Stmt loop && AstUtil.isLoop(loop)) {
        return child instanceof Stmt s && AstUtil.containsNode(AstUtil.loopBody(loop), s) ? loop : null;
      }
      child = cur;
    }
    return null;
  }

  /** Whether {@code f} returns the name (or a model chain on it). */
  private boolean returnsName(Stmt.FunctionDef f, String name) {
    boolean[] hit = {false};
    AstWalker.walkAll(f.body(), n -> {
      if (n instanceof Stmt.Return r && r.value() != null && sm.enclosingFunction(r) == f) {
        Expr v = r.value();
        while (v instanceof Expr.Call c && c.func() instanceof Expr.Attribute a
            && Placement.PASSTHROUGH.contains(a.attr())) {
          v = a.value();
        }
        hit[0] |= name.equals(AstUtil.path(v));
      }
    });
    return hit[0];
  }

  /** The checks on the loop that repeats an assignment {@code assign} of {@code value} to {@code holder}. */
  private Hold check(Stmt loop, Stmt assign, String holder, Expr value) {
    if (guardedOrLeft(loop, value, holder) || releasedIn(AstUtil.loopBody(loop), holder)
        || storedElsewhere(loop, assign, holder)) {
      return null;
    }
    if (stateOnly && !usedAsModelOrState(loop, holder)) {
      return null;
    }
    if (builtModule && !trainedOrRestored(loop, holder)) {
      return null;
    }
    return new Hold(loop, holder);
  }

  /**
   * Whether the load at {@code n} is guarded by a test of the holder ({@code if model is None:}),
   * or followed on its path by {@code break}, {@code return} or {@code raise}: it does not repeat
   * with the old model alive.
   */
  private boolean guardedOrLeft(Stmt loop, Node n, String holder) {
    Node child = n;
    for (Node cur = sm.parent(n); cur != null && cur != loop; cur = sm.parent(cur)) {
      if (cur instanceof Stmt.If i && (mentions(i.test(), holder) || dispatchesOnType(i.test()))) {
        return true;
      }
      if (cur instanceof Stmt.While w && mentions(w.test(), holder)) {
        return true;
      }
      if (child instanceof Stmt s) {
        List<Stmt> block = sm.blockOf(s);
        if (block != null) {
          for (int k = indexOf(block, s) + 1; k < block.size(); k++) {
            Stmt after = block.get(k);
            if (after instanceof Stmt.Break || after instanceof Stmt.Return || after instanceof Stmt.Raise) {
              return true;
            }
          }
        }
      }
      child = cur;
    }
    if (child instanceof Stmt s && AstUtil.containsNode(AstUtil.loopBody(loop), s)) {
      List<Stmt> body = AstUtil.loopBody(loop);
      for (int k = indexOf(body, s) + 1; k < body.size(); k++) {
        Stmt after = body.get(k);
        if (after instanceof Stmt.Break || after instanceof Stmt.Return || after instanceof Stmt.Raise) {
          return true;
        }
      }
    }
    return false;
  }

  private static int indexOf(List<Stmt> block, Stmt s) {
    for (int i = 0; i < block.size(); i++) {
      if (block.get(i) == s) {
        return i;
      }
    }
    return block.size();
  }

  /**
   * Whether a test mentions the holder: its path ({@code model}, {@code self.model}), or its name as
   * an attribute or string ({@code getattr(self, "image_encoder", None) is None}).
   */
  private static boolean mentions(Expr e, String path) {
    String name = path.substring(path.lastIndexOf('.') + 1);
    boolean[] hit = {false};
    AstWalker.descend(e, n -> {
      if (n instanceof Expr x && path.equals(AstUtil.path(x))
          || n instanceof Expr.Attribute a && a.attr().equals(name)
          || n instanceof Expr.Constant && name.equals(Calls.string((Expr) n))) {
        hit[0] = true;
      }
      return !hit[0];
    });
    return hit[0];
  }

  /** {@code if isinstance(item, X):} inside a loop picks one kind of item: the branch does not repeat. */
  private boolean dispatchesOnType(Expr test) {
    boolean[] hit = {false};
    AstWalker.descend(test, n -> {
      if (n instanceof Expr.Call c && "isinstance".equals(sm.qualifiedName(c.func()))) {
        hit[0] = true;
      }
      return !hit[0];
    });
    return hit[0];
  }

  /** {@code del holder}, or {@code holder = None} together with {@code gc.collect()} / {@code empty_cache()}. */
  private boolean releasedIn(List<Stmt> body, String holder) {
    boolean[] del = {false};
    boolean[] none = {false};
    boolean[] collect = {false};
    AstWalker.walkAll(body, n -> {
      if (n instanceof Stmt.Delete d) {
        for (Expr t : d.targets()) {
          del[0] |= holder.equals(AstUtil.path(t)) || t instanceof Expr.Tuple tt && tt.elts().stream()
              .anyMatch(x -> holder.equals(AstUtil.path(x)));
        }
      } else if (n instanceof Stmt.Assign a && a.value() instanceof Expr.Constant k
          && k.value() == dev.oomlint.ast.ConstValue.Singleton.NONE) {
        for (Expr t : a.targets()) {
          none[0] |= holder.equals(AstUtil.path(t));
        }
      } else if (n instanceof Expr.Call c) {
        String q = sm.qualifiedName(c.func());
        collect[0] |= q != null && RELEASE_CALLS.contains(q);
        // accelerator.free_memory(model, ...) / accelerate.utils.release_memory(model, ...)
        String f = AstUtil.lastName(c.func());
        if ("free_memory".equals(f) || "release_memory".equals(f)) {
          for (Expr a : c.args()) {
            del[0] |= holder.equals(AstUtil.path(a));
          }
        }
      }
    });
    return del[0] || none[0] && collect[0];
  }

  /** The holder is put in a container or another attribute on purpose (an ensemble, a cache). */
  private boolean storedElsewhere(Stmt loop, Stmt assign, String holder) {
    boolean[] hit = {false};
    AstWalker.walkAll(AstUtil.loopBody(loop), n -> {
      if (n instanceof Expr.Call c && STORE_METHODS.contains(String.valueOf(AstUtil.methodName(c)))) {
        for (Expr a : c.args()) {
          hit[0] |= holder.equals(AstUtil.path(a));
        }
        for (var k : c.keywords()) {
          hit[0] |= holder.equals(AstUtil.path(k.value()));
        }
      } else if (n instanceof Stmt.Assign a && a != assign && holder.equals(AstUtil.path(a.value()))) {
        for (Expr t : a.targets()) {
          hit[0] |= t instanceof Expr.Subscript || t instanceof Expr.Attribute;
        }
      }
    });
    return hit[0];
  }

  /** The loaded object is used as a model or a state dict (for {@code torch.load}, which also loads data). */
  private boolean usedAsModelOrState(Stmt loop, String holder) {
    boolean[] hit = {false};
    AstWalker.walkAll(AstUtil.loopBody(loop), n -> {
      if (!(n instanceof Expr.Call c)) {
        return;
      }
      String m = AstUtil.methodName(c);
      if (holder.equals(AstUtil.path(c.func()))) {
        hit[0] = true;
      } else if (m != null && MODEL_METHODS.contains(m) && holder.equals(AstUtil.path(AstUtil.receiver(c)))) {
        hit[0] = true;
      } else if (m != null && STATE_SINKS.contains(m)) {
        for (Expr a : c.args()) {
          Expr.Name root = AstUtil.root(a);
          hit[0] |= holder.equals(AstUtil.path(a)) || root != null && holder.equals(root.id());
        }
      }
    });
    return hit[0];
  }

  /**
   * A built same-file module counts as a model when the loop trains (runs a backward), builds an
   * optimizer over its parameters, or loads a state dict into it; a small operator module moved to a
   * device ({@code GaussianSmoothing(...).to(x.device)}) does not.
   */
  private boolean trainedOrRestored(Stmt loop, String holder) {
    if (sm.isTrainingLoop(loop)) {
      return true;
    }
    boolean[] hit = {false};
    AstWalker.walkAll(AstUtil.loopBody(loop), n -> {
      if (n instanceof Expr.Call c) {
        String m = AstUtil.methodName(c);
        hit[0] |= m != null && (m.equals("parameters") || m.equals("named_parameters") || m.equals("load_state_dict"))
            && holder.equals(AstUtil.path(AstUtil.receiver(c)));
      }
    });
    return hit[0];
  }


  /**
   * A loop over at most two devices written out in the code ({@code for device in ("cpu", "cuda"):},
   * or a name bound to such a literal) that puts each iteration's model on the loop's device
   * ({@code .to(device)}, {@code device=device}, {@code device_map=device}): the previous model lives
   * on the other device, so no device ever holds two.
   */
  public static boolean oneModelPerDevice(SemanticModel sm, Stmt loop, Expr.Call load) {
    if (!(loop instanceof Stmt.For f) || literalSize(sm, f.iter()) > 2) {
      return false;
    }
    java.util.Set<String> targets = new java.util.HashSet<>();
    dev.oomlint.ast.AstWalker.walkAll(List.of(f.target()), n -> {
      if (n instanceof Expr.Name nm) {
        targets.add(nm.id());
      }
    });
    for (dev.oomlint.ast.Support.Keyword k : load.keywords()) {
      if (("device".equals(k.arg()) || "device_map".equals(k.arg())) && mentions(k.value(), targets)) {
        return true;
      }
    }
    // .to(device) / .cuda(device) chained on the load or on the name it is assigned to, in the loop body
    boolean[] moved = {false};
    dev.oomlint.ast.AstWalker.walkAll(f.body(), n -> {
      if (!moved[0] && n instanceof Expr.Call c && ("to".equals(AstUtil.methodName(c))
          || "cuda".equals(AstUtil.methodName(c)))) {
        for (Expr a : c.args()) {
          moved[0] |= a instanceof Expr.Name nm && targets.contains(nm.id());
        }
      }
    });
    return moved[0];
  }

  /**
   * Whether the load runs at most once per process although it sits in a loop: the loop walks the
   * ranks and the load is guarded by an equality with the loop variable
   * ({@code for rank in range(world_size): if global_rank == rank: torch.load(...)}), which loads
   * rank by rank to bound the host memory, each process once.
   */
  public static boolean oncePerProcess(SemanticModel sm, Stmt loop, Expr.Call load) {
    if (!(loop instanceof Stmt.For f) || !(f.target() instanceof Expr.Name t)) {
      return false;
    }
    for (dev.oomlint.ast.Node cur = sm.parent(load); cur != null && cur != loop; cur = sm.parent(cur)) {
      if (cur instanceof Stmt.If i && i.test() instanceof Expr.Compare cmp && cmp.ops().size() == 1
          && cmp.ops().get(0) == dev.oomlint.ast.Operators.CmpOperator.EQ
          && (isName(cmp.left(), t.id()) != isName(cmp.comparators().get(0), t.id()))
          && !contains(i.test(), load)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isName(Expr e, String id) {
    return e instanceof Expr.Name n && n.id().equals(id);
  }

  private static boolean contains(dev.oomlint.ast.Node outer, dev.oomlint.ast.Node inner) {
    return outer.range().start() <= inner.range().start() && inner.range().end() <= outer.range().end();
  }

  private static boolean mentions(Expr e, java.util.Set<String> names) {
    boolean[] found = {false};
    dev.oomlint.ast.AstWalker.walkAll(List.of(e), n -> found[0] |= n instanceof Expr.Name nm && names.contains(nm.id()));
    return found[0];
  }

  /** The number of items of a list, tuple or set literal (or a name bound only to one); else a large number. */
  private static int literalSize(SemanticModel sm, Expr e) {
    if (e instanceof Expr.ListExpr l) {
      return l.elts().size();
    }
    if (e instanceof Expr.Tuple t) {
      return t.elts().size();
    }
    if (e instanceof Expr.Set st) {
      return st.elts().size();
    }
    if (e instanceof Expr.Name n) {
      List<Binding> bs = sm.reachingBindings(n);
      int max = bs.isEmpty() ? Integer.MAX_VALUE : 0;
      for (Binding b : bs) {
        max = Math.max(max, b.kind() == Binding.Kind.ASSIGN && b.index() < 0 && b.value() != null
            && !(b.value() instanceof Expr.Name) ? literalSize(sm, b.value()) : Integer.MAX_VALUE);
      }
      return max;
    }
    return Integer.MAX_VALUE;
  }
}
