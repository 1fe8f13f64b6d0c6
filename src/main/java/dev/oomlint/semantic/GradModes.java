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
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Grad mode at every node: {@code with} blocks and decorators that switch autograd off or on,
 * {@code torch.set_grad_enabled(...)} and {@code torch.no_grad().__enter__()} statements earlier in the
 * same block, and functions whose every
 * same-file call site runs with grad disabled.
 */
final class GradModes {
  private final AstIndex index;
  private final Names names;
  private final CallGraph calls;
  private final Map<Stmt, GradMode> switchStatements = new IdentityHashMap<>();
  private final Set<Node> containsSwitch = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Map<List<Stmt>, GradMode[]> blockModes = new IdentityHashMap<>();
  private final Map<Node, GradMode> memo = new IdentityHashMap<>();
  private final Set<Stmt.FunctionDef> disabledByCallers = Collections.newSetFromMap(new IdentityHashMap<>());
  private final ProjectView project;
  /** The project's answers by qualified name (a decorator is usually used many times). */
  private final Map<String, Optional<ModuleSummary.GradUse>> projectUses = new HashMap<>();

  GradModes(AstIndex index, Names names, CallGraph calls, ProjectView project) {
    this.index = index;
    this.names = names;
    this.calls = calls;
    this.project = project == null ? ProjectView.NONE : project;
    findSwitchStatements();
    solveCallers();
    solveStoredClosures();
  }

  /** The grad mode a {@code with} item or decorator establishes, or null when it does not touch it. */
  GradMode contextMode(Expr e) {
    return contextMode(e, 0);
  }

  private GradMode contextMode(Expr e, int depth) {
    if (e == null || depth > 3) {
      return null;
    }
    if (e instanceof Expr.Call c) {
      String q = names.torchQualifiedName(c.func());
      if (q != null && TorchApi.NO_GRAD.contains(q)) {
        if (TorchApi.INFERENCE_MODE.contains(q)) {
          Boolean mode = boolArg(c, "mode");
          if (mode != null && !mode) {
            return null;
          }
        }
        return GradMode.DISABLED;
      }
      if (q != null && TorchApi.ENABLE_GRAD.contains(q)) {
        return GradMode.ENABLED;
      }
      if (q != null && TorchApi.SET_GRAD_ENABLED.contains(q)) {
        Boolean mode = boolArg(c, "mode");
        return mode == null ? GradMode.UNKNOWN : mode ? GradMode.ENABLED : GradMode.DISABLED;
      }
      GradMode own = sameFileContextManager(c, depth);
      if (own != null) {
        return own;
      }
      return projectUse(c.func(), q) == ModuleSummary.GradUse.FACTORY ? GradMode.DISABLED : null;
    }
    if (e instanceof Expr.Name || e instanceof Expr.Attribute) {
      String q = names.torchQualifiedName(e);
      if (q != null && TorchApi.NO_GRAD.contains(q)) {
        return GradMode.DISABLED;
      }
      if (q != null && TorchApi.ENABLE_GRAD.contains(q)) {
        return GradMode.ENABLED;
      }
      if (e instanceof Expr.Name n) {
        List<Binding> bs = names.resolve(n);
        if (bs.size() == 1 && bs.get(0).kind() == Binding.Kind.ASSIGN && bs.get(0).index() < 0) {
          return contextMode(bs.get(0).value(), depth + 1);
        }
      }
      return projectUse(e, q) == ModuleSummary.GradUse.DECORATOR ? GradMode.DISABLED : null;
    }
    if (e instanceof Expr.IfExp i) {
      GradMode a = contextMode(i.body(), depth + 1);
      GradMode b = contextMode(i.orelse(), depth + 1);
      if (a == null && b == null) {
        return null;
      }
      return a == b ? a : GradMode.UNKNOWN;
    }
    return null;
  }

  /**
   * The mode a call of a same-file {@code @contextmanager} function sets around its {@code yield}:
   * {@code with torch.no_grad(): yield}, or {@code with torch.set_grad_enabled(training): yield} with the
   * constant the call passes for that parameter ({@code with self._set_training_mode(False):}); null
   * when the call is no such function.
   */
  private GradMode sameFileContextManager(Expr.Call c, int depth) {
    Stmt.FunctionDef f = calls.resolve(c);
    if (f == null || !decoratedContextManager(f)) {
      return null;
    }
    GradMode[] found = {null};
    AstWalker.descend(f, n -> {
      if (found[0] != null || n instanceof Stmt.ClassDef || n instanceof Stmt.FunctionDef fd && fd != f) {
        return false;
      }
      if (n instanceof Stmt.With w && yields(w.body())) {
        for (Support.WithItem item : w.items()) {
          GradMode m = itemMode(item.contextExpr(), f, c, depth);
          if (m != null) {
            found[0] = m;
          }
        }
      }
      return true;
    });
    return found[0];
  }

  private GradMode itemMode(Expr ctx, Stmt.FunctionDef f, Expr.Call call, int depth) {
    if (ctx instanceof Expr.Call sc && !sc.args().isEmpty() && sc.args().get(0) instanceof Expr.Name p
        && TorchApi.SET_GRAD_ENABLED.contains(String.valueOf(names.torchQualifiedName(sc.func())))) {
      Expr passed = passedFor(f, call, p.id());
      if (passed instanceof Expr.Constant k && k.value() instanceof ConstValue.Bool b) {
        return b.value() ? GradMode.ENABLED : GradMode.DISABLED;
      }
      return passed == null ? null : GradMode.UNKNOWN;
    }
    return contextMode(ctx, depth + 1);
  }

  /** What a call passes for parameter {@code param} of {@code f} (a method called on an object skips self); or null. */
  private Expr passedFor(Stmt.FunctionDef f, Expr.Call call, String param) {
    int skip = index.enclosingClass(f) != null && call.func() instanceof Expr.Attribute ? 1 : 0;
    int at = AstUtil.positionOf(f, param) - skip;
    if (at >= 0 && at < call.args().size()) {
      return call.args().get(at);
    }
    for (Support.Keyword k : call.keywords()) {
      if (param.equals(k.arg())) {
        return k.value();
      }
    }
    return null;
  }

  private static boolean decoratedContextManager(Stmt.FunctionDef f) {
    for (Expr d : f.decoratorList()) {
      String p = AstUtil.path(d);
      if (p != null && (p.equals("contextmanager") || p.endsWith(".contextmanager"))) {
        return true;
      }
    }
    return false;
  }

  private static boolean yields(List<Stmt> body) {
    boolean[] y = {false};
    AstWalker.walkAll(body, n -> y[0] |= n instanceof Expr.Yield);
    return y[0];
  }

  /**
   * How the project's own name {@code e} (qualified {@code q} through this file's imports, or a name
   * a star import may bring) disables grad, as another file of the project defines it; null when no
   * project module says so. Asks the project only for imported names.
   */
  private ModuleSummary.GradUse projectUse(Expr e, String q) {
    if (project == ProjectView.NONE) {
      return null;
    }
    if (q == null && e instanceof Expr.Name n && !index.allStarModules.isEmpty() && names.resolve(n).isEmpty()) {
      for (String star : index.allStarModules) {
        ModuleSummary.GradUse u = projectUse(ModuleSummary.join(star, n.id()));
        if (u != null) {
          return u;
        }
      }
      return null;
    }
    return q == null || q.indexOf('.') < 0 ? null : projectUse(q);
  }

  /** Methods that return the model they are called on (or a copy of it). */
  private static final Set<String> SAME_MODEL = Set.of("to", "cuda", "cpu", "eval", "half", "float", "bfloat16",
      "requires_grad_", "train");

  /**
   * Whether {@code model} is an instance of a class of another module of the project whose
   * {@code forward} runs without grad ({@code model = AutoShape(m).to(device)}, with
   * {@code AutoShape.forward} under the project's {@code @smart_inference_mode()}): calling it records
   * nothing.
   */
  boolean forwardWithoutGrad(Expr model) {
    if (project == ProjectView.NONE || !(model instanceof Expr.Name n)) {
      return false;
    }
    List<Binding> bs = names.resolve(n);
    if (bs.size() != 1 || bs.get(0).kind() != Binding.Kind.ASSIGN || bs.get(0).index() >= 0) {
      return false;
    }
    Expr v = bs.get(0).value();
    for (int i = 0; i < 8 && v instanceof Expr.Call c && c.func() instanceof Expr.Attribute a
        && SAME_MODEL.contains(a.attr()); i++) {
      v = a.value();
    }
    if (!(v instanceof Expr.Call c)) {
      return false;
    }
    String q = names.qualifiedName(c.func());
    return q != null && q.indexOf('.') >= 0 && ProjectNames.forwardDisablesGrad(project, q);
  }

  private ModuleSummary.GradUse projectUse(String q) {
    return projectUses.computeIfAbsent(q, k -> Optional.ofNullable(ProjectNames.gradUse(project, k))).orElse(null);
  }

  private static Boolean boolArg(Expr.Call c, String keyword) {
    Expr arg = !c.args().isEmpty() ? c.args().get(0) : null;
    for (Support.Keyword k : c.keywords()) {
      if (keyword.equals(k.arg())) {
        arg = k.value();
      }
    }
    if (arg == null) {
      return null;
    }
    if (arg instanceof Expr.Constant k && k.value() instanceof ConstValue.Bool b) {
      return b.value();
    }
    return null;
  }

  /** The mode a function's decorators set, or null. */
  GradMode decoratorMode(Stmt.FunctionDef f) {
    for (Expr d : f.decoratorList()) {
      GradMode m = contextMode(d);
      if (m != null) {
        return m;
      }
    }
    return null;
  }

  /** The mode a function body starts in: its decorators', else disabled when every caller is. */
  GradMode entryMode(Stmt.FunctionDef f) {
    GradMode d = decoratorMode(f);
    if (d != null) {
      return d;
    }
    return disabledByCallers.contains(f) ? GradMode.DISABLED : GradMode.ENABLED;
  }

  /** Whether {@code f} gets grad disabled from all of its same-file callers (not by a decorator). */
  boolean isDisabledByCallers(Stmt.FunctionDef f) {
    return disabledByCallers.contains(f);
  }

  /** The grad mode in effect where {@code n} runs. */
  GradMode mode(Node n) {
    Node cur = n;
    List<Node> path = new ArrayList<>();
    GradMode result = null;
    while (cur != null) {
      GradMode cached = memo.get(cur);
      if (cached != null) {
        result = cached;
        break;
      }
      path.add(cur);
      Node parent = index.parent(cur);
      if (cur instanceof Stmt s) {
        GradMode m = precedingSwitch(s);
        if (m != null) {
          result = m;
          break;
        }
      }
      if (parent instanceof Stmt.With w && AstUtil.containsNode(w.body(), cur)) {
        GradMode m = null;
        for (Support.WithItem item : w.items()) {
          GradMode im = contextMode(item.contextExpr());
          if (im != null) {
            m = im;
          }
        }
        if (m != null) {
          result = m;
          break;
        }
      }
      if (parent instanceof Stmt.FunctionDef f && AstUtil.containsNode(f.body(), cur)) {
        result = entryMode(f);
        break;
      }
      cur = parent;
    }
    if (result == null) {
      result = GradMode.ENABLED;
    }
    for (Node p : path) {
      if (p instanceof Stmt) {
        memo.put(p, result);
      }
    }
    return result;
  }

  /** The mode set by {@code set_grad_enabled} statements before {@code s} in its block, or null. */
  private GradMode precedingSwitch(Stmt s) {
    if (switchStatements.isEmpty()) {
      return null;
    }
    AstIndex.Position pos = index.position(s);
    if (pos == null) {
      return null;
    }
    GradMode[] modes = blockModes.computeIfAbsent(pos.block(), this::blockModes);
    return modes[pos.index()];
  }

  private GradMode[] blockModes(List<Stmt> block) {
    GradMode[] out = new GradMode[block.size()];
    GradMode cur = null;
    for (int i = 0; i < block.size(); i++) {
      out[i] = cur;
      Stmt s = block.get(i);
      GradMode set = switchStatements.get(s);
      if (set != null) {
        cur = set;
      } else if (containsSwitch.contains(s)) {
        cur = GradMode.UNKNOWN;
      }
    }
    return out;
  }

  private void findSwitchStatements() {
    for (Expr.Call c : index.calls) {
      if (isVolatileVariable(c)) {
        // PyTorch 0.3: x = Variable(t, volatile=True) makes everything computed from x grad-free, and a
        // function marks its inputs so to run without grad (seq2seq tutorials' evaluate): the rest of
        // the block runs as under no_grad
        if (index.enclosingStatement(c) instanceof Stmt.Assign a && !switchStatements.containsKey(a)) {
          switchStatements.put(a, GradMode.DISABLED);
          markContainsSwitch(a);
        }
        continue;
      }
      // torch.set_grad_enabled(False) as a statement, or its result thrown away (`_ = torch.set_grad_enabled(False)`,
      // as notebooks write it to hide the returned object's repr)
      Node parent = index.parent(c);
      Stmt es = parent instanceof Stmt.ExprStmt e ? e
          : parent instanceof Stmt.Assign a && a.value() == c && a.targets().size() == 1
              && a.targets().get(0) instanceof Expr.Name n && n.id().startsWith("_") ? a : null;
      if (es == null) {
        continue;
      }
      GradMode entered = enteredContext(c);
      if (entered != null) {
        switchStatements.put(es, entered);
      } else {
        if (!"set_grad_enabled".equals(AstUtil.lastName(c.func()))) {
          continue;
        }
        String q = names.torchQualifiedName(c.func());
        if (q == null || !TorchApi.SET_GRAD_ENABLED.contains(q)) {
          continue;
        }
        Boolean mode = boolArg(c, "mode");
        switchStatements.put(es, mode == null ? GradMode.UNKNOWN : mode ? GradMode.ENABLED : GradMode.DISABLED);
      }
      markContainsSwitch(es);
    }
  }

  private void markContainsSwitch(Stmt es) {
    Node cur = index.parent(es);
    while (cur != null && !(cur instanceof Stmt.FunctionDef) && !(cur instanceof Stmt.ClassDef)) {
      containsSwitch.add(cur);
      cur = index.parent(cur);
    }
  }

  /**
   * {@code Variable(t, volatile=True)}, or its move ({@code .cuda()}, {@code .to(device)}): a PyTorch 0.3
   * input that records no graph.
   */
  boolean isVolatileVariable(Expr e) {
    while (e instanceof Expr.Call m && m.func() instanceof Expr.Attribute a
        && (a.attr().equals("cuda") || a.attr().equals("to")) && a.value() instanceof Expr.Call) {
      e = a.value(); // Variable(x, volatile=True).cuda(): the move keeps the flag
    }
    if (!(e instanceof Expr.Call v)) {
      return false;
    }
    Support.Keyword k = Calls.keyword(v, "volatile"); // first: most calls have no such keyword
    if (k == null || !(k.value() instanceof Expr.Constant kc && kc.value() instanceof ConstValue.Bool b && b.value())) {
      return false;
    }
    String q = names.qualifiedName(v.func()); // Variable, or an alias: from torch.autograd import Variable as V
    return q != null && (q.equals("torch.autograd.Variable") || q.equals("torch.autograd.variable.Variable"));
  }

  /**
   * The mode a statement {@code torch.no_grad().__enter__()} switches to for the rest of its block
   * (evaluation scripts that never leave it), {@code torch.enable_grad().__enter__()} likewise; null for
   * other calls.
   */
  private GradMode enteredContext(Expr.Call c) {
    if (!(c.func() instanceof Expr.Attribute a) || !a.attr().equals("__enter__") || !c.args().isEmpty()
        || !(a.value() instanceof Expr.Call ctx)) {
      return null;
    }
    String q = names.torchQualifiedName(ctx.func());
    return q == null ? null : TorchApi.NO_GRAD.contains(q) ? GradMode.DISABLED
        : TorchApi.ENABLE_GRAD.contains(q) ? GradMode.ENABLED : null;
  }

  /**
   * Closures a factory method builds and the object keeps in an attribute
   * ({@code self.val_step_fn = self._make_val_step_fn()}, whose body ends {@code return perform_val_step_fn}):
   * the closure runs where the attribute is read and called. When every read of that attribute runs
   * with grad disabled, also where a read is only taken in the {@code if validation:} branch of a
   * method every caller passing a true {@code validation} runs under {@code no_grad}, so does the closure.
   */
  private void solveStoredClosures() {
    for (Stmt.FunctionDef f : index.functions) {
      Stmt.FunctionDef factory = index.enclosingFunction(f);
      if (factory == null || index.enclosingClass(factory) == null) {
        continue;
      }
      List<Expr.Call> made = calls.callSites(factory);   // cheap questions first: most closures fail here
      if (made.isEmpty() || decoratorMode(f) != null || !returnsOnly(factory, f)) {
        continue;
      }
      String attr = null;
      boolean ok = true;
      for (Expr.Call site : made) {
        if (index.parent(site) instanceof Stmt.Assign as && as.value() == site && as.targets().size() == 1
            && as.targets().get(0) instanceof Expr.Attribute t && calls.isSelf(t.value())
            && (attr == null || attr.equals(t.attr()))) {
          attr = t.attr();
        } else {
          ok = false;
        }
      }
      if (!ok || attr == null) {
        continue;
      }
      boolean read = false;
      for (Expr.Attribute a : index.attributes) {
        if (!a.attr().equals(attr) || a.ctx() != dev.oomlint.ast.Operators.ExprContext.LOAD
            || !calls.isSelf(a.value())) {
          continue;
        }
        read = true;
        if (mode(a) != GradMode.DISABLED && !disabledInBranch(a)) {
          ok = false;
          break;
        }
      }
      if (ok && read) {
        disabledByCallers.add(f);
        memo.clear();
      }
    }
  }

  /** Whether {@code factory}'s only use of its nested function {@code f} is {@code return f}. */
  private boolean returnsOnly(Stmt.FunctionDef factory, Stmt.FunctionDef f) {
    boolean[] returned = {false};
    boolean[] other = {false};
    AstWalker.walkAll(factory.body(), n -> {
      if (n instanceof Stmt.Return r && r.value() instanceof Expr.Name rn && rn.id().equals(f.name())) {
        returned[0] = true;
      } else if (n instanceof Expr.Name nm && nm.id().equals(f.name())
          && !(index.parent(n) instanceof Stmt.Return)) {
        other[0] = true;
      }
    });
    return returned[0] && !other[0] && calls.callSites(f).isEmpty();
  }

  /**
   * Whether {@code n} sits in the body of {@code if p:} ({@code p} a parameter of its function) and every
   * same-file call of that function that may pass a true {@code p} runs with grad disabled.
   */
  private boolean disabledInBranch(Node n) {
    Stmt.FunctionDef g = index.enclosingFunction(n);
    if (g == null || calls.escapes(g) || calls.callSites(g).isEmpty()) {
      return false;
    }
    for (Node cur = n, parent = index.parent(n); parent != null && parent != g; cur = parent,
        parent = index.parent(parent)) {
      if (!(parent instanceof Stmt.If i) || !AstUtil.containsNode(i.body(), cur)
          || !(i.test() instanceof Expr.Name p) || !isParameter(g, p.id())) {
        continue;
      }
      boolean any = false;
      for (Expr.Call site : calls.callSites(g)) {
        Expr passed = passedFor(g, site, p.id());
        if (passed == null) {
          passed = AstUtil.positionOf(g, p.id()) >= 0 ? AstUtil.defaultOf(g, p.id()) : null;   // positional only
        }
        if (passed instanceof Expr.Constant k && (k.value() == ConstValue.Singleton.NONE
            || k.value() instanceof ConstValue.Bool b && !b.value())) {
          continue; // this call never takes the branch
        }
        if (mode(site) != GradMode.DISABLED) {
          return false;
        }
        any = true;
      }
      return any;
    }
    return false;
  }

  private static boolean isParameter(Stmt.FunctionDef g, String name) {
    for (Support.Arg a : g.args().args()) {
      if (a.arg().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /** Greatest fixpoint: assume every candidate disabled, drop those with a call site that is not. */
  private void solveCallers() {
    for (Stmt.FunctionDef f : index.functions) {
      if (decoratorMode(f) == null && !calls.escapes(f) && !calls.callSites(f).isEmpty()) {
        disabledByCallers.add(f);
      }
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      memo.clear();
      for (Stmt.FunctionDef f : new ArrayList<>(disabledByCallers)) {
        for (Expr.Call site : calls.callSites(f)) {
          if (mode(site) != GradMode.DISABLED) {
            disabledByCallers.remove(f);
            changed = true;
            break;
          }
        }
      }
    }
    memo.clear();
  }
}
