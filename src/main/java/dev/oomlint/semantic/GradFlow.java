package dev.oomlint.semantic;

import dev.oomlint.ast.AstWalker;
import dev.oomlint.ast.ConstValue;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Mod;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.Nodes;
import dev.oomlint.ast.Operators;
import dev.oomlint.ast.Stmt;
import dev.oomlint.ast.Support;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which values carry an autograd graph, by a forward def-use analysis of each function body (and of
 * the module body), with same-file helpers summarised by whether they return a grad-carrying value.
 *
 * <p>Sources: model calls, losses, anything later backpropagated; propagation: arithmetic, indexing,
 * tensor methods, torch functions, containers; sinks that end it: {@code .item()}, {@code .detach()},
 * {@code .tolist()}, {@code .numpy()}, {@code float()}, {@code int()}, {@code .data}, and any value
 * computed while grad mode is disabled.
 */
final class GradFlow {
  private static final int MAX_EXPR_DEPTH = 200;
  private static final int MAX_SUMMARY_DEPTH = 4;
  private static final int LOOP_PASSES = 3;

  private static final Set<String> CONTAINER_ADDERS = Set.of("append", "extend", "insert", "add", "appendleft",
      "put", "push", "setdefault");
  private static final Set<String> PROPAGATING_BUILTINS = Set.of("sum", "max", "min", "abs", "list", "tuple",
      "sorted", "reversed", "zip", "iter", "next", "dict", "set", "filter", "map", "pow", "divmod");
  private static final Set<String> INDEX_RESULT = Set.of("max", "min", "topk", "sort", "kthvalue", "mode",
      "median");

  private final AstIndex index;
  private final Names names;
  private final GradModes modes;
  private final CallGraph calls;
  private final TorchObjects objects;
  private final Map<Node, Unit> units = new IdentityHashMap<>();
  private final Map<Stmt.FunctionDef, Map<Long, Boolean>> summaries = new IdentityHashMap<>();
  private int summaryDepth;

  /** Names of counts that a tuple returned beside a loss holds: {@code step_batch_size}, {@code num_tokens}, {@code n_samples}. */
  private static final java.util.regex.Pattern COUNT_NAME = java.util.regex.Pattern.compile(
      "(?i)(?:[a-z0-9]+_)*(?:batch_size|bs|num_[a-z0-9_]+|n_[a-z0-9_]+|count|[a-z0-9]+_count|size|length|step|steps)");

  /** What the analysis of one function (or the module body) found. */
  static final class Unit {
    final Node node;
    final Map<Expr, Boolean> loads = new IdentityHashMap<>();
    /** Per path a backward is run on in the unit ({@code loss}, {@code self.loss}), the start of its last backward call. */
    final Map<String, Integer> lastBackward = new java.util.HashMap<>();
    boolean returnsGrad;

    Unit(Node node) {
      this.node = node;
    }
  }

  GradFlow(AstIndex index, Names names, GradModes modes, CallGraph calls, TorchObjects objects) {
    this.index = index;
    this.names = names;
    this.modes = modes;
    this.calls = calls;
    this.objects = objects;
  }

  /** The function (or module) whose body {@code n} belongs to for this analysis. */
  Node unitOf(Node n) {
    Stmt.FunctionDef f = calls.enclosingFunction(n);
    return f == null ? index.module() : f;
  }

  Unit unit(Node unitNode) {
    Unit u = units.get(unitNode);
    if (u == null) {
      u = new Unit(unitNode);
      units.put(unitNode, u);
      Interp in = new Interp(u, true);
      in.run(new Env());
    }
    return u;
  }

  /** Whether {@code e}, evaluated where it stands, may carry an autograd graph. */
  boolean isGradCarrying(Expr e) {
    Unit u = unit(unitOf(e));
    Interp in = new Interp(u, false);
    in.postHoc = true;
    boolean off = modes.mode(e) == GradMode.DISABLED;
    return in.eval(e, null, off, 0);
  }

  /** Paths on which a backward is run in a unit ({@code loss}, {@code self.loss}). */
  Set<String> backpropTargets(Node unitNode) {
    return unit(unitNode).lastBackward.keySet();
  }

  private final Map<Node, Set<String>> backpropRelated = new IdentityHashMap<>();
  /** Per same-file function: whether every return gives a Python number (see {@code returnsPlainNumber}). */
  private final Map<Stmt.FunctionDef, Boolean> plainNumberReturns = new IdentityHashMap<>();

  /**
   * Names and paths that flow into a backward in a unit (function or module body, nested defs
   * excluded): backward targets and, transitively, everything mentioned in what is assigned to them.
   */
  Set<String> backpropRelated(Node unitNode) {
    Set<String> cached = backpropRelated.get(unitNode);
    if (cached != null) {
      return cached;
    }
    Set<String> set = new HashSet<>();
    List<Stmt> body = unitNode instanceof Stmt.FunctionDef f ? f.body() : ((Mod.Module) unitNode).body();
    for (Stmt s : body) {
      AstWalker.descend(s, n -> {
        if (n instanceof Expr.Call c && isBackwardCall(c)) {
          for (Expr t : backwardTargets(c)) {
            addPaths(t, set);
          }
        }
        return !(n instanceof Stmt.FunctionDef) && !(n instanceof Stmt.ClassDef);
      });
    }
    boolean changed = true;
    for (int round = 0; changed && round < 20; round++) {
      changed = false;
      for (Stmt s : body) {
        boolean[] ch = {false};
        AstWalker.descend(s, n -> {
          Expr value = null;
          List<Expr> targets = List.of();
          if (n instanceof Stmt.Assign a) {
            value = a.value();
            targets = a.targets();
          } else if (n instanceof Stmt.AugAssign a) {
            value = a.value();
            targets = List.of(a.target());
          } else if (n instanceof Stmt.AnnAssign a && a.value() != null) {
            value = a.value();
            targets = List.of(a.target());
          }
          if (value != null) {
            for (Expr t : targets) {
              if (mentionsAny(t, set)) {
                int before = set.size();
                addPaths(value, set);
                ch[0] |= set.size() != before;
              }
            }
          }
          return !(n instanceof Stmt.FunctionDef) && !(n instanceof Stmt.ClassDef);
        });
        changed |= ch[0];
      }
    }
    backpropRelated.put(unitNode, set);
    return set;
  }

  private static boolean mentionsAny(Expr target, Set<String> set) {
    boolean[] hit = {false};
    AstWalker.descend(target, n -> {
      if (n instanceof Expr e) {
        String p = AstUtil.path(e);
        if (p != null && set.contains(p)) {
          hit[0] = true;
        }
      }
      return !hit[0];
    });
    return hit[0];
  }

  /** Adds every loaded name and attribute path mentioned in {@code e}. */
  static void addPaths(Expr e, Set<String> set) {
    AstWalker.descend(e, n -> {
      if (n instanceof Expr.Name nm && nm.ctx() == Operators.ExprContext.LOAD) {
        set.add(nm.id());
      } else if (n instanceof Expr.Attribute a) {
        String p = AstUtil.path(a);
        if (p != null) {
          set.add(p);
        }
      }
      return !(n instanceof Expr.Lambda);
    });
  }

  private final Map<Stmt.FunctionDef, Set<String>> paramBackprop = new IdentityHashMap<>();

  /** The parameters of {@code f} it runs a backward on (directly, or through helpers of its own). */
  private Set<String> paramBackpropTargets(Stmt.FunctionDef f) {
    Set<String> known = paramBackprop.get(f);
    if (known != null) {
      return known;
    }
    paramBackprop.put(f, Set.of());
    Set<String> out = new HashSet<>();
    Set<String> params = new HashSet<>();
    for (Support.Arg a : AstIndex.allArgs(f.args())) {
      params.add(a.arg());
    }
    for (Stmt s : f.body()) {
      AstWalker.descend(s, n -> {
        if (n instanceof Stmt.FunctionDef || n instanceof Stmt.ClassDef) {
          return false;
        }
        if (n instanceof Expr.Call c) {
          for (Expr t : backwardTargets(c)) {
            if (t instanceof Expr.Name nm && params.contains(nm.id())) {
              out.add(nm.id());
            }
          }
        }
        return true;
      });
    }
    paramBackprop.put(f, out);
    return out;
  }

  /** Whether calling {@code f} with the given grad-carrying parameters returns a grad-carrying value. */
  private boolean summary(Stmt.FunctionDef f, long mask) {
    Map<Long, Boolean> m = summaries.computeIfAbsent(f, k -> new HashMap<>());
    Boolean known = m.get(mask);
    if (known != null) {
      return known;
    }
    if (summaryDepth >= MAX_SUMMARY_DEPTH) {
      return false;
    }
    m.put(mask, false);
    summaryDepth++;
    try {
      Unit u = new Unit(f);
      Interp in = new Interp(u, false);
      Env env = new Env();
      List<Support.Arg> params = positionalParams(f);
      for (int i = 0; i < params.size() && i < 63; i++) {
        if ((mask & (1L << i)) != 0) {
          env.set(params.get(i).arg(), true);
        }
      }
      in.run(env);
      m.put(mask, u.returnsGrad);
      return u.returnsGrad;
    } finally {
      summaryDepth--;
    }
  }

  private static List<Support.Arg> positionalParams(Stmt.FunctionDef f) {
    return AstUtil.positionalParams(f);
  }

  // ------------------------------------------------------------------ environment

  /** Abstract state: for each access path, whether it may hold a grad-carrying value. */
  static final class Env {
    final Map<String, Boolean> vars = new HashMap<>();

    boolean get(String path) {
      return vars.getOrDefault(path, false);
    }

    boolean has(String path) {
      return vars.containsKey(path);
    }

    void set(String path, boolean v) {
      vars.put(path, v);
      // a new value for x invalidates what we knew of x.attr (keys that start with "x.")
      int n = path.length();
      for (java.util.Iterator<String> it = vars.keySet().iterator(); it.hasNext(); ) {
        String k = it.next();
        if (k.length() > n && k.charAt(n) == '.' && k.startsWith(path)) {
          it.remove();
        }
      }
    }

    void or(String path, boolean v) {
      vars.put(path, get(path) || v);
    }

    Env copy() {
      Env e = new Env();
      e.vars.putAll(vars);
      return e;
    }

    void join(Env other) {
      for (Map.Entry<String, Boolean> en : other.vars.entrySet()) {
        vars.merge(en.getKey(), en.getValue(), (a, b) -> a || b);
      }
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Env e && e.vars.equals(vars);
    }

    @Override
    public int hashCode() {
      return Objects.hash(vars);
    }
  }

  // ------------------------------------------------------------------ interpreter

  private final class Interp {
    final Unit unit;
    final boolean record;
    boolean postHoc;

    Interp(Unit unit, boolean record) {
      this.unit = unit;
      this.record = record;
    }

    void run(Env env) {
      List<Stmt> body = unit.node instanceof Stmt.FunctionDef f ? f.body() : ((Mod.Module) unit.node).body();
      collectBackpropTargets(body);
      block(body, env);
    }

    private void collectBackpropTargets(List<Stmt> body) {
      for (Stmt s : body) {
        AstWalker.descend(s, n -> {
          if (n instanceof Stmt.FunctionDef || n instanceof Stmt.ClassDef) {
            return false;
          }
          if (n instanceof Expr.Call c) {
            for (Expr t : backwardTargets(c)) {
              String p = AstUtil.path(t);
              if (p != null) {
                unit.lastBackward.merge(p, c.range().start(), Math::max);
              }
            }
            // a same-file helper that runs backward on one of its parameters: _backward(loss)
            Stmt.FunctionDef callee = calls.resolve(c);
            if (callee != null) {
              List<Support.Arg> params = positionalParams(callee);
              int shift = c.func() instanceof Expr.Attribute && calls.enclosingClass(callee) != null ? 1 : 0;
              Set<String> inner = paramBackpropTargets(callee);
              for (int i = 0; i < c.args().size(); i++) {
                int pi = i + shift;
                String p = AstUtil.path(c.args().get(i));
                if (p != null && pi < params.size() && inner.contains(params.get(pi).arg())) {
                  unit.lastBackward.merge(p, c.range().start(), Math::max);
                }
              }
            }
          }
          return true;
        });
      }
    }

    void block(List<Stmt> body, Env env) {
      for (Stmt s : body) {
        stmt(s, env);
      }
    }

    boolean off(Stmt s) {
      return modes.mode(s) == GradMode.DISABLED;
    }

    void stmt(Stmt s, Env env) {
      if (s instanceof Stmt.Assign a) {
        boolean off = off(s);
        boolean v = eval(a.value(), env, off, 0);
        for (Expr t : a.targets()) {
          assign(t, v, a.value(), env, off);
        }
      } else if (s instanceof Stmt.AnnAssign a) {
        if (a.value() != null) {
          boolean off = off(s);
          assign(a.target(), eval(a.value(), env, off, 0), a.value(), env, off);
        }
      } else if (s instanceof Stmt.AugAssign a) {
        boolean off = off(s);
        boolean v = eval(a.value(), env, off, 0);
        String p = AstUtil.path(a.target());
        if (p != null) {
          boolean old = eval(a.target(), env, off, 0);
          env.vars.put(p, old || (v && !off));
        } else if (a.target() instanceof Expr.Subscript sub) {
          eval(sub.slice(), env, off, 0);
          String cp = AstUtil.path(sub.value());
          if (cp != null && v) {
            env.or(cp, true);
          }
        }
      } else if (s instanceof Stmt.ExprStmt e) {
        eval(e.value(), env, off(s), 0);
      } else if (s instanceof Stmt.Return r) {
        if (r.value() != null) {
          boolean g = eval(r.value(), env, off(s), 0);
          unit.returnsGrad |= g && !(unit.node instanceof Stmt.FunctionDef fd && sumOfPlainNumbers(fd, r.value()));
        }
      } else if (s instanceof Stmt.For f) {
        boolean off = off(s);
        boolean iv = eval(f.iter(), env, off, 0);
        loop(env, () -> {
          assign(f.target(), iv, null, env, off);
          block(f.body(), env);
        });
        block(f.orelse(), env);
      } else if (s instanceof Stmt.While w) {
        loop(env, () -> {
          eval(w.test(), env, off(s), 0);
          block(w.body(), env);
        });
        block(w.orelse(), env);
      } else if (s instanceof Stmt.If i) {
        eval(i.test(), env, off(s), 0);
        Env other = env.copy();
        block(i.body(), env);
        block(i.orelse(), other);
        env.join(other);
      } else if (s instanceof Stmt.With w) {
        for (Support.WithItem item : w.items()) {
          boolean v = eval(item.contextExpr(), env, off(s), 0);
          if (item.optionalVars() != null) {
            assign(item.optionalVars(), v, null, env, off(s));
          }
        }
        block(w.body(), env);
      } else if (s instanceof Stmt.Try t) {
        Env before = env.copy();
        block(t.body(), env);
        Env result = env.copy();
        block(t.orelse(), result);
        for (Support.ExceptHandler h : t.handlers()) {
          Env he = before.copy();
          he.join(env);
          if (h.name() != null) {
            he.set(h.name(), false);
          }
          block(h.body(), he);
          result.join(he);
        }
        block(t.finalbody(), result);
        env.vars.clear();
        env.vars.putAll(result.vars);
      } else if (s instanceof Stmt.Match m) {
        eval(m.subject(), env, off(s), 0);
        Env joined = env.copy();
        for (Support.MatchCase c : m.cases()) {
          Env ce = env.copy();
          block(c.body(), ce);
          joined.join(ce);
        }
        env.vars.clear();
        env.vars.putAll(joined.vars);
      } else if (s instanceof Stmt.FunctionDef f) {
        env.set(f.name(), false);
      } else if (s instanceof Stmt.ClassDef c) {
        env.set(c.name(), false);
      } else if (s instanceof Stmt.Delete d) {
        for (Expr t : d.targets()) {
          String p = AstUtil.path(t);
          if (p != null) {
            env.set(p, false);
          }
        }
      } else {
        for (Node k : Nodes.children(s)) {
          if (k instanceof Expr e) {
            eval(e, env, off(s), 0);
          }
        }
      }
    }

    void loop(Env env, Runnable body) {
      for (int pass = 0; pass < LOOP_PASSES; pass++) {
        Env before = env.copy();
        body.run();
        env.join(before);
        if (env.equals(before)) {
          break;
        }
      }
    }

    void assign(Expr target, boolean v, Expr value, Env env, boolean off) {
      if (target instanceof Expr.Name || target instanceof Expr.Attribute) {
        String p = AstUtil.path(target);
        if (target instanceof Expr.Attribute a) {
          eval(a.value(), env, off, 0);
        }
        if (p == null) {
          return;
        }
        // a value later backpropagated carries grad; one bound after the last backward on that name
        // (loss = running_loss / n after the loop) is not backpropagated
        Integer last = unit.lastBackward.get(p);
        boolean val = v || !off && value != null && last != null && last > target.range().start() && mayBeTensor(value);
        env.set(p, val);
        note(target, val);
      } else if (target instanceof Expr.Tuple || target instanceof Expr.ListExpr) {
        List<Expr> elts = target instanceof Expr.Tuple t ? t.elts() : ((Expr.ListExpr) target).elts();
        List<Expr> vals = value instanceof Expr.Tuple vt && vt.elts().size() == elts.size() ? vt.elts() : null;
        boolean indexTail = value instanceof Expr.Call c && returnsIndices(c);
        for (int i = 0; i < elts.size(); i++) {
          Expr elt = elts.get(i);
          if (vals != null) {
            assign(elt, eval(vals.get(i), env, off, 0), vals.get(i), env, off);
          } else if (elt instanceof Expr.Name en && COUNT_NAME.matcher(en.id()).matches()) {
            assign(elt, false, null, env, off); // losses, report, batch_size = step(...): a count is a number
          } else {
            assign(elt, v && !(indexTail && i > 0), indexTail && i > 0 ? null : value, env, off);
          }
        }
      } else if (target instanceof Expr.Starred st) {
        assign(st.value(), v, null, env, off);
      } else if (target instanceof Expr.Subscript sub) {
        eval(sub.slice(), env, off, 0);
        String cp = AstUtil.path(sub.value());
        if (cp != null && v) {
          env.or(cp, true);
        }
      }
    }

    /** {@code torch.max(x, 1)}, {@code x.topk(k)}: the second element is an index tensor. */
    boolean returnsIndices(Expr.Call c) {
      String m = AstUtil.methodName(c);
      String q = names.qualifiedName(c.func());
      if (q != null && q.startsWith("torch.")) {
        return INDEX_RESULT.contains(TorchApi.lastPart(q));
      }
      return m != null && INDEX_RESULT.contains(m);
    }

    /** Whether every {@code return} of a function (nested functions aside) gives a Python number. */
    private boolean returnsPlainNumber(Stmt.FunctionDef f) {
      List<Expr> values = AstUtil.returnValues(f);
      if (values == null || values.isEmpty()) {
        return false;
      }
      for (Expr v : values) {
        if (!plainNumber(v) && !sumOfPlainNumbers(f, v)) {
          return false;
        }
      }
      return true;
    }

    /**
     * {@code sum(xs) / n} (or {@code sum(xs)}) where {@code xs} is a list of the function's own that
     * starts empty and only ever gets Python numbers appended ({@code xs.append(loss.item() * n)}): the
     * seq2seq tutorials' {@code train()} returns its loss this way.
     */
    private boolean sumOfPlainNumbers(Stmt.FunctionDef f, Expr v) {
      Expr e = v instanceof Expr.BinOp b && (b.right() instanceof Expr.Name || plainNumber(b.right())) ? b.left() : v;
      if (!(e instanceof Expr.Call c && "sum".equals(names.qualifiedName(c.func())) && c.args().size() == 1
          && c.args().get(0) instanceof Expr.Name xs)) {
        return false;
      }
      boolean[] ok = {true, false, false}; // all uses fine, one append seen, bound to []
      AstWalker.walk(f, n -> {
        if (n instanceof Expr.Call call && call.func() instanceof Expr.Attribute a && a.value() instanceof Expr.Name r
            && r.id().equals(xs.id())) {
          if (a.attr().equals("append") && call.args().size() == 1 && plainNumber(call.args().get(0))) {
            ok[1] = true;
          } else {
            ok[0] = false; // extend, insert, ...: unknown items
          }
        } else if (n instanceof Stmt.Assign as) {
          for (Expr t : as.targets()) {
            if (t instanceof Expr.Name tn && tn.id().equals(xs.id())) {
              if (as.value() instanceof Expr.ListExpr l && l.elts().isEmpty()) {
                ok[2] = true;
              } else {
                ok[0] = false;
              }
            }
          }
        } else if (n instanceof Stmt.AugAssign aug && aug.target() instanceof Expr.Name tn && tn.id().equals(xs.id())) {
          ok[0] = false;
        }
      });
      return ok[0] && ok[1] && ok[2];
    }

    /**
     * A Python number: a constant, {@code float(...)}/{@code int(...)}/{@code round(...)}/{@code len(...)},
     * {@code x.item()}, a {@code math}/NumPy call, and arithmetic of those with names
     * ({@code float(total) / count}, {@code (-1 / len(preds)) * total}).
     */
    private boolean plainNumber(Expr e) {
      if (e instanceof Expr.Constant k) {
        return k.value() instanceof ConstValue.Int || k.value() instanceof ConstValue.Float;
      }
      if (e instanceof Expr.UnaryOp u) {
        return plainNumber(u.operand());
      }
      if (e instanceof Expr.BinOp b) {
        return plainNumber(b.left()) && (plainNumber(b.right()) || b.right() instanceof Expr.Name)
            || plainNumber(b.right()) && b.left() instanceof Expr.Name;
      }
      if (e instanceof Expr.Call c) {
        String m = AstUtil.methodName(c);
        if ("item".equals(m) && c.args().isEmpty()) {
          return true;
        }
        String q = names.qualifiedName(c.func());
        return q != null && (Set.of("float", "int", "round", "len").contains(q) || q.startsWith("math.")
            || q.startsWith("numpy."));
      }
      return false;
    }

    /** Whether an assigned expression could be a tensor at all (for values later backpropagated). */
    boolean mayBeTensor(Expr value) {
      if (value instanceof Expr.Constant || value instanceof Expr.JoinedStr || value instanceof Expr.Compare
          || value instanceof Expr.Lambda || value instanceof Expr.Dict || value instanceof Expr.ListExpr) {
        return false;
      }
      if (value instanceof Expr.Call c) {
        String m = AstUtil.methodName(c);
        if (m != null && (TorchApi.DETACHING_METHODS.contains(m) || TorchApi.NON_GRAD_METHODS.contains(m))) {
          return false;
        }
        Stmt.FunctionDef callee = calls.resolve(c);
        if (callee != null && plainNumberReturns.computeIfAbsent(callee, this::returnsPlainNumber)) {
          return false; // a same-file metric that returns a Python number (float(total) / n, math.log sums)
        }
        String q = names.qualifiedName(c.func());
        if (q != null && (Names.BUILTINS.contains(q) && !PROPAGATING_BUILTINS.contains(q)
            || q.startsWith("torch.") && TorchApi.TORCH_NON_GRAD.contains(TorchApi.lastPart(q)))) {
          return false;
        }
      }
      if (value instanceof Expr.Attribute a && TorchApi.NON_GRAD_ATTRIBUTES.contains(a.attr())) {
        return false;
      }
      if (value instanceof Expr.BinOp b) {
        return mayBeTensor(b.left()) || mayBeTensor(b.right());
      }
      return true;
    }

    /**
     * {@code x.item() if hasattr(x, "item") else x} (or {@code .tolist()}): a value with the method is
     * turned into a plain number, the other branch returns what has no such method, so no tensor.
     */
    private boolean itemUnlessPlain(Expr.IfExp i) {
      if (!(i.test() instanceof Expr.Call t) || !(t.func() instanceof Expr.Name h) || !h.id().equals("hasattr")
          || t.args().size() != 2 || !(t.args().get(0) instanceof Expr.Name x)) {
        return false;
      }
      return i.body() instanceof Expr.Call c && c.func() instanceof Expr.Attribute a
          && Set.of("item", "tolist").contains(a.attr()) && a.value() instanceof Expr.Name y && y.id().equals(x.id())
          && i.orelse() instanceof Expr.Name z && z.id().equals(x.id());
    }

    boolean eval(Expr e, Env env, boolean off, int depth) {
      if (e == null || depth > MAX_EXPR_DEPTH) {
        return false;
      }
      int d = depth + 1;
      if (e instanceof Expr.Name n) {
        boolean v;
        if (env == null) {
          v = unitLoads().getOrDefault(n, false);
        } else {
          v = env.get(n.id());
          note(n, v);
        }
        return v;
      }
      if (e instanceof Expr.Attribute a) {
        String p = AstUtil.path(a);
        if (env == null && unitLoads().containsKey(a)) {
          return unitLoads().get(a);
        }
        if (env != null && p != null && env.has(p)) {
          boolean v = env.get(p);
          note(a, v);
          return v;
        }
        boolean base = eval(a.value(), env, off, d);
        return base && !TorchApi.NON_GRAD_ATTRIBUTES.contains(a.attr()) && !TorchApi.NON_GRAD_METRICS.contains(a.attr());
      }
      if (e instanceof Expr.Call c) {
        return call(c, env, off, d);
      }
      if (e instanceof Expr.Subscript s) {
        boolean v = eval(s.value(), env, off, d);
        eval(s.slice(), env, off, d);
        if (s.value() instanceof Expr.Call c && returnsIndices(c) && s.slice() instanceof Expr.Constant k
            && k.value() instanceof ConstValue.Int i && i.value().intValue() == 1) {
          return false;
        }
        if (s.slice() instanceof Expr.Constant k && k.value() instanceof ConstValue.Str key
            && TorchApi.NON_GRAD_METRICS.contains(key.value().toLowerCase(java.util.Locale.ROOT))) {
          return false; // out["accuracy"]: a count of right answers carries no graph
        }
        return v && !off;
      }
      if (e instanceof Expr.BinOp b) {
        boolean l = eval(b.left(), env, off, d);
        boolean r = eval(b.right(), env, off, d);
        // floor division is not differentiable: its result has no grad_fn
        return (l || r) && !off && b.op() != Operators.Operator.FLOOR_DIV;
      }
      if (e instanceof Expr.UnaryOp u) {
        boolean v = eval(u.operand(), env, off, d);
        return u.op() != Operators.UnaryOperator.NOT && v && !off;
      }
      if (e instanceof Expr.BoolOp b) {
        boolean v = false;
        for (Expr x : b.values()) {
          v |= eval(x, env, off, d);
        }
        return v;
      }
      if (e instanceof Expr.Compare c) {
        eval(c.left(), env, off, d);
        for (Expr x : c.comparators()) {
          eval(x, env, off, d);
        }
        return false;
      }
      if (e instanceof Expr.IfExp i) {
        eval(i.test(), env, off, d);
        boolean a = eval(i.body(), env, off, d);
        boolean b = eval(i.orelse(), env, off, d);
        // x.item() if hasattr(x, "item") else x: the other branch runs only for what is no tensor
        return (a || b) && !itemUnlessPlain(i);
      }
      if (e instanceof Expr.Tuple || e instanceof Expr.ListExpr || e instanceof Expr.Set) {
        boolean v = false;
        for (Node k : Nodes.children(e)) {
          v |= eval((Expr) k, env, off, d);
        }
        return v;
      }
      if (e instanceof Expr.Dict dict) {
        boolean v = false;
        for (int i = 0; i < dict.values().size(); i++) {
          eval(dict.keys().get(i), env, off, d);
          v |= eval(dict.values().get(i), env, off, d);
        }
        return v;
      }
      if (e instanceof Expr.ListComp || e instanceof Expr.SetComp || e instanceof Expr.GeneratorExp
          || e instanceof Expr.DictComp) {
        return comprehension(e, env, off, d);
      }
      if (e instanceof Expr.NamedExpr ne) {
        boolean v = eval(ne.value(), env, off, d);
        if (env != null && ne.target() instanceof Expr.Name t) {
          env.set(t.id(), v);
        }
        return v;
      }
      if (e instanceof Expr.Starred st) {
        return eval(st.value(), env, off, d);
      }
      if (e instanceof Expr.Await a) {
        return eval(a.value(), env, off, d);
      }
      if (e instanceof Expr.Yield y) {
        eval(y.value(), env, off, d);
        return false;
      }
      if (e instanceof Expr.YieldFrom y) {
        eval(y.value(), env, off, d);
        return false;
      }
      if (e instanceof Expr.JoinedStr || e instanceof Expr.FormattedValue) {
        for (Node k : Nodes.children(e)) {
          eval((Expr) k, env, off, d);
        }
        return false;
      }
      return false;
    }

    private Map<Expr, Boolean> unitLoads() {
      return unit.loads;
    }

    private void note(Expr load, boolean v) {
      if (record) {
        unit.loads.merge(load, v, (a, b) -> a || b);
      }
    }

    boolean comprehension(Expr e, Env env, boolean off, int d) {
      List<Support.Comprehension> gens;
      Expr elt;
      if (e instanceof Expr.ListComp c) {
        gens = c.generators();
        elt = c.elt();
      } else if (e instanceof Expr.SetComp c) {
        gens = c.generators();
        elt = c.elt();
      } else if (e instanceof Expr.GeneratorExp c) {
        gens = c.generators();
        elt = c.elt();
      } else {
        Expr.DictComp c = (Expr.DictComp) e;
        gens = c.generators();
        elt = c.value();
        eval(c.key(), env == null ? null : env.copy(), off, d);
      }
      Env inner = env == null ? null : env.copy();
      for (Support.Comprehension g : gens) {
        boolean iv = eval(g.iter(), inner, off, d);
        if (inner != null) {
          assign(g.target(), iv, null, inner, off);
        }
        for (Expr cond : g.ifs()) {
          eval(cond, inner, off, d);
        }
      }
      return eval(elt, inner, off, d);
    }

    boolean call(Expr.Call c, Env env, boolean off, int d) {
      boolean anyArg = false;
      List<Boolean> argGrad = new ArrayList<>();
      for (Expr a : c.args()) {
        boolean v = eval(a, env, off, d);
        argGrad.add(v);
        anyArg |= v;
      }
      Map<String, Boolean> kwGrad = new HashMap<>();
      for (Support.Keyword k : c.keywords()) {
        boolean v = eval(k.value(), env, off, d);
        if (k.arg() != null) {
          kwGrad.put(k.arg(), v);
        }
        anyArg |= v;
      }
      Expr func = c.func();
      String q = names.qualifiedName(func);
      if (func instanceof Expr.Attribute a && q == null) {
        String m = a.attr();
        boolean recv = eval(a.value(), env, off, d);
        if (CONTAINER_ADDERS.contains(m)) {
          String p = AstUtil.path(a.value());
          if (env != null && p != null && anyArg) {
            env.or(p, true);
          }
          return false;
        }
        if (TorchApi.DETACHING_METHODS.contains(m) || TorchApi.NON_GRAD_METHODS.contains(m)) {
          return false;
        }
        if (off) {
          return false;
        }
        if (recv && !(c.args().isEmpty() && c.keywords().isEmpty() && !TorchApi.FORWARD_METHODS.contains(m)
            && AstUtil.path(a.value()) != null && AstUtil.root(a.value()) != null
            && objects.isModel(AstUtil.root(a.value())))) {
          return true; // an accessor of a model without input (model.fp16_enabled()) runs no forward
        }
        Stmt.FunctionDef f = calls.resolve(c);
        if (f != null) {
          return summary(f, mask(f, argGrad, kwGrad, true));
        }
        if (TorchApi.FORWARD_METHODS.contains(m) && objects.isModel(a.value()) && !objects.isFrozen(a.value())) {
          return true;
        }
        if (objects.isModel(func) && !objects.isFrozen(func)) {
          return true;
        }
        if (objects.isLossCallable(func)) {
          return true;
        }
        return false;
      }
      if (func instanceof Expr.Attribute a) {
        eval(a.value(), env, off, d);
      } else if (!(func instanceof Expr.Name)) {
        eval(func, env, off, d);
      }
      if (q != null) {
        if (Names.BUILTINS.contains(q)) {
          return PROPAGATING_BUILTINS.contains(q) && anyArg;
        }
        if (off) {
          return false;
        }
        if (q.startsWith("torch.")) {
          String last = TorchApi.lastPart(q);
          if (TorchApi.isLossFunction(q)) {
            return true;
          }
          if (TorchApi.TORCH_NON_GRAD.contains(last) || TorchApi.isNnModuleClass(q) || TorchApi.isNnLossClass(q)
              || q.startsWith("torch.optim.") || q.startsWith("torch.cuda.") || q.startsWith("torch.utils.")) {
            return false;
          }
          return anyArg;
        }
        return false;
      }
      if (off) {
        return false;
      }
      Stmt.FunctionDef f = calls.resolve(c);
      if (f != null) {
        return summary(f, mask(f, argGrad, kwGrad, false));
      }
      if (func instanceof Expr.Name && calls.classCalled(c) != null) {
        return false;
      }
      if (objects.isModel(func)) {
        return !objects.isFrozen(func);
      }
      if (objects.isLossCallable(func)) {
        return true;
      }
      return false;
    }

    private long mask(Stmt.FunctionDef f, List<Boolean> argGrad, Map<String, Boolean> kwGrad, boolean bound) {
      List<Support.Arg> params = positionalParams(f);
      int shift = bound && !params.isEmpty() && calls.enclosingClass(f) != null ? 1 : 0;
      long mask = 0;
      for (int i = 0; i < argGrad.size(); i++) {
        int p = i + shift;
        if (argGrad.get(i) && p < 63) {
          mask |= 1L << p;
        }
      }
      for (int i = 0; i < params.size() && i < 63; i++) {
        if (kwGrad.getOrDefault(params.get(i).arg(), false)) {
          mask |= 1L << i;
        }
      }
      return mask;
    }
  }

  /**
   * The expressions a backward call propagates from: {@code loss} in {@code loss.backward()},
   * {@code accelerator.backward(loss)}, {@code scaler.scale(loss).backward()},
   * {@code self.manual_backward(loss)}, {@code torch.autograd.backward(loss)}. Empty for other calls.
   */
  List<Expr> backwardTargets(Expr.Call c) {
    List<Expr> out = new ArrayList<>();
    String q = names.qualifiedName(c.func());
    if (q != null) {
      if ((q.equals("torch.autograd.backward") || q.equals("torch.autograd.grad")) && !c.args().isEmpty()) {
        out.add(c.args().get(0));
      }
      return out;
    }
    String m = AstUtil.methodName(c);
    if (m == null) {
      return out;
    }
    Expr recv = AstUtil.receiver(c);
    if (m.equals("manual_backward")) {
      if (!c.args().isEmpty()) {
        out.add(c.args().get(0));
      }
      return out;
    }
    if (!m.equals("backward")) {
      return out;
    }
    if (recv instanceof Expr.Call sc && "scale".equals(AstUtil.methodName(sc)) && !sc.args().isEmpty()) {
      out.add(sc.args().get(0));
      return out;
    }
    String last = AstUtil.lastName(recv);
    if (!c.args().isEmpty() && last != null && isRunnerName(last)) {
      out.add(c.args().get(0));
      return out;
    }
    if (recv != null) {
      if (recv instanceof Expr.BinOp b) {
        addOperands(b, out);
      } else {
        out.add(recv);
      }
    }
    return out;
  }

  private static void addOperands(Expr e, List<Expr> out) {
    if (e instanceof Expr.BinOp b) {
      addOperands(b.left(), out);
      addOperands(b.right(), out);
    } else {
      out.add(e);
    }
  }

  /** Objects whose {@code .backward(x)} backpropagates {@code x}: accelerators, fabrics, engines. */
  static boolean isRunnerName(String id) {
    for (String w : TorchApi.words(id)) {
      if (w.equals("accelerator") || w.equals("fabric") || w.equals("engine") || w.equals("trainer")
          || w.equals("self") || w.equals("runner") || w.equals("strategy") || w.equals("scaler")
          || w.equals("amp") || w.equals("booster")) {
        return true;
      }
    }
    return id.equals("self");
  }

  /** Whether a call runs a backward pass. */
  boolean isBackwardCall(Expr.Call c) {
    String m = AstUtil.methodName(c);
    if ("backward".equals(m) || "manual_backward".equals(m)) {
      return names.qualifiedName(c.func()) == null || "torch.autograd.backward".equals(names.qualifiedName(c.func()));
    }
    return "torch.autograd.backward".equals(names.qualifiedName(c.func()));
  }
}
