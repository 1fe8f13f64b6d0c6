package dev.oomlint.semantic;

import dev.oomlint.ast.AstWalker;
import dev.oomlint.ast.ConstValue;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.Operators;
import dev.oomlint.ast.Stmt;
import dev.oomlint.ast.Support;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where a loaded model ends up: follows a value through method chains ({@code .to(...)},
 * {@code .cuda()}, {@code .eval()}) and the names it is assigned to, and tells whether it is moved
 * to a GPU or converted to half precision. Only recognisable devices count: {@code "cuda"},
 * {@code "cuda:1"}, device indices, {@code torch.device("cuda")}, and names bound to those.
 */
public final class Placement {
  private static final int MAX_DEPTH = 6;

  /** Methods that return the same model, possibly moved or converted. */
  public static final Set<String> PASSTHROUGH = Set.of("to", "cuda", "cpu", "eval", "train", "half", "float",
      "bfloat16", "double", "requires_grad_", "to_empty");

  private static final Set<String> HALF_METHODS = Set.of("half", "bfloat16");

  private final SemanticModel sm;
  /** Whether a use moves the model to a GPU. */
  private boolean gpu;
  /** Whether a use converts the model to another dtype (or might: an unknown {@code dtype=}). */
  private boolean converted;
  /** Whether the model is offloaded ({@code enable_model_cpu_offload()}). */
  private boolean offloaded;

  private Placement(SemanticModel sm) {
    this.sm = sm;
  }

  /** Follows the value of {@code call} (a load) through chains and assignments. */
  public static Placement of(SemanticModel sm, Expr.Call call) {
    Placement p = new Placement(sm);
    p.follow(call, 0);
    return p;
  }

  public boolean movedToGpu() {
    return gpu;
  }

  public boolean converted() {
    return converted;
  }

  public boolean offloaded() {
    return offloaded;
  }

  /** Follows {@code e}: the chain around it, then the name or attribute it is assigned to. */
  private void follow(Expr e, int depth) {
    if (depth > MAX_DEPTH) {
      return;
    }
    Expr top = chainTop(e);
    Node parent = sm.parent(top);
    if (parent instanceof Stmt.Assign a && a.value() == top && a.targets().size() == 1) {
      Expr target = a.targets().get(0);
      if (target instanceof Expr.Name n) {
        followName(n, a, depth);
      } else if (target instanceof Expr.Attribute at && AstUtil.path(at) != null && sm.isSelf(AstUtil.root(at))) {
        followSelfAttribute(at, depth);
      }
    }
  }

  /** Walks up method calls on {@code e} that return the model, noting what each does. */
  private Expr chainTop(Expr e) {
    Expr cur = e;
    for (int i = 0; i < 16; i++) {
      Node p = sm.parent(cur);
      if (!(p instanceof Expr.Attribute a) || a.value() != cur || !(sm.parent(a) instanceof Expr.Call c)
          || c.func() != a) {
        return cur;
      }
      note(a.attr(), c);
      if (!PASSTHROUGH.contains(a.attr())) {
        return cur;
      }
      cur = c;
    }
    return cur;
  }

  /** Records what calling {@code method} with the arguments of {@code c} does to the model. */
  private void note(String method, Expr.Call c) {
    switch (method) {
      case "cuda" -> gpu = true;
      case "half", "bfloat16" -> converted = true;
      case "to" -> {
        for (Expr arg : c.args()) {
          if (isCudaDevice(arg, 0)) {
            gpu = true;
          } else if (!isOtherDevice(arg)) {
            converted = true; // a dtype, or something that may be one (weight_dtype)
          }
        }
        for (Support.Keyword k : c.keywords()) {
          if ("device".equals(k.arg()) && isCudaDevice(k.value(), 0)) {
            gpu = true;
          } else if ("dtype".equals(k.arg()) || "torch_dtype".equals(k.arg()) || k.arg() == null) {
            converted = true;
          }
        }
      }
      case "enable_model_cpu_offload", "enable_sequential_cpu_offload", "enable_group_offload" -> offloaded = true;
      default -> { }
    }
    if (HALF_METHODS.contains(method)) {
      converted = true;
    }
  }

  /** Every later use of the name bound by {@code assign}: method calls on it, and rebindings. */
  private void followName(Expr.Name target, Stmt.Assign assign, int depth) {
    Node scopeRoot = sm.scopeOf(target).node();
    List<Expr.Name> uses = new ArrayList<>();
    AstWalker.descend(scopeRoot, n -> {
      if (n instanceof Expr.Name use && use.ctx() == Operators.ExprContext.LOAD && use.id().equals(target.id())) {
        for (Binding b : sm.resolve(use)) {
          if (b.statement() == assign) {
            uses.add(use);
          }
        }
      }
      return n == scopeRoot || !(n instanceof Stmt.FunctionDef) && !(n instanceof Stmt.ClassDef);
    });
    for (Expr.Name use : uses) {
      follow(use, depth + 1);
      Node p = sm.parent(use);
      if (p instanceof Expr.Attribute a && a.value() == use && sm.parent(a) instanceof Expr.Call c && c.func() == a) {
        note(a.attr(), c);
      }
    }
  }

  /** Method calls on {@code self.x} anywhere in the class. */
  private void followSelfAttribute(Expr.Attribute target, int depth) {
    Stmt.FunctionDef f = sm.enclosingFunction(target);
    Stmt.ClassDef cls = f == null ? null : sm.enclosingClass(f);
    if (cls == null) {
      return;
    }
    String attr = target.attr();
    AstWalker.descend(cls, n -> {
      if (n instanceof Expr.Attribute a && a.attr().equals(attr) && a != target && sm.isSelf(a.value())) {
        Node p = sm.parent(a);
        if (p instanceof Expr.Attribute m && m.value() == a && sm.parent(m) instanceof Expr.Call c && c.func() == m) {
          note(m.attr(), c);
          if (depth < MAX_DEPTH) {
            chainTop(c);
          }
        }
      }
      return true;
    });
  }

  /**
   * Whether {@code n} runs only where there is no GPU: under a branch whose test rules CUDA out
   * ({@code else:} of {@code if device == "cuda"} or of {@code if torch.cuda.is_available()}, the body of
   * {@code if device == "cpu"}, an {@code elif} after a CUDA test).
   */
  public static boolean inNonGpuBranch(SemanticModel sm, Node n) {
    Node child = n;
    for (Node cur = sm.parent(n); cur != null && !(cur instanceof Stmt.FunctionDef)
        && !(cur instanceof Stmt.ClassDef); child = cur, cur = sm.parent(cur)) {
      if (!(cur instanceof Stmt.If i) || child == i.test()) {
        continue;
      }
      Boolean gpuIfTrue = testsForGpu(sm, i.test());
      if (gpuIfTrue == null) {
        continue;
      }
      boolean inBody = i.body().contains(child);
      if (inBody != gpuIfTrue) {
        return true;
      }
    }
    return false;
  }

  /** True: the test holds when there is a GPU; false: it holds when there is none; null: unknown. */
  public static Boolean testsForGpu(SemanticModel sm, Expr test) {
    if (test instanceof Expr.UnaryOp u && u.op() == Operators.UnaryOperator.NOT) {
      Boolean inner = testsForGpu(sm, u.operand());
      return inner == null ? null : !inner;
    }
    if (test instanceof Expr.Call c) {
      String q = sm.qualifiedName(c.func());
      if ("torch.cuda.is_available".equals(q)) {
        return true;
      }
      String m = AstUtil.methodName(c);
      if ("startswith".equals(m) && c.args().size() == 1) {
        String s = Calls.string(c.args().get(0));
        return s == null ? null : s.startsWith("cuda") ? Boolean.TRUE : s.equals("cpu") ? Boolean.FALSE : null;
      }
      return null;
    }
    if (test instanceof Expr.Compare cmp && cmp.ops().size() == 1) {
      Operators.CmpOperator op = cmp.ops().get(0);
      String s = Calls.string(cmp.comparators().get(0));
      if (s == null) {
        s = Calls.string(cmp.left());
      }
      if (s == null) {
        return null;
      }
      Boolean cuda = s.equals("cuda") || s.startsWith("cuda:") ? Boolean.TRUE : s.equals("cpu") ? Boolean.FALSE : null;
      if (cuda == null) {
        return null;
      }
      return switch (op) {
        case EQ, IS, IN -> cuda;
        case NOT_EQ, IS_NOT, NOT_IN -> !cuda;
        default -> null;
      };
    }
    return null;
  }

  /** Whether an expression names a CUDA device. */
  public boolean isCudaDevice(Expr e, int depth) {
    if (e == null || depth > MAX_DEPTH) {
      return false;
    }
    if (e instanceof Expr.Constant k) {
      return k.value() instanceof ConstValue.Str s && (s.value().equals("cuda") || s.value().startsWith("cuda:"))
          || k.value() instanceof ConstValue.Int;
    }
    if (e instanceof Expr.JoinedStr j) {
      return !j.values().isEmpty() && j.values().get(0) instanceof Expr.Constant k
          && k.value() instanceof ConstValue.Str s && s.value().startsWith("cuda");
    }
    if (e instanceof Expr.IfExp i) {
      return isCudaDevice(i.body(), depth + 1) || isCudaDevice(i.orelse(), depth + 1);
    }
    if (e instanceof Expr.Call c) {
      String q = sm.qualifiedName(c.func());
      if ("torch.device".equals(q)) {
        return !c.args().isEmpty() && isCudaDevice(c.args().get(0), depth + 1)
            || Calls.keyword(c, "type") != null && isCudaDevice(Calls.keyword(c, "type").value(), depth + 1);
      }
      return "torch.cuda.current_device".equals(q);
    }
    if (e instanceof Expr.Name n) {
      // every branch's binding counts: `if cuda: device = "cuda" elif mps: ... else: device = "cpu"`
      for (Binding b : sm.reachingBindings(n)) {
        if ((b.kind() == Binding.Kind.ASSIGN || b.kind() == Binding.Kind.NAMED_EXPR) && b.index() < 0
            && isCudaDevice(b.value(), depth + 1)) {
          return true;
        }
      }
    }
    return false;
  }

  /** A device that is surely not a GPU: {@code "cpu"}, {@code "mps"}, {@code torch.device("cpu")}. */
  private boolean isOtherDevice(Expr e) {
    String s = Calls.string(e);
    if (s != null) {
      return s.equals("cpu") || s.equals("mps") || s.equals("meta") || s.startsWith("mps:");
    }
    return e instanceof Expr.Call c && "torch.device".equals(sm.qualifiedName(c.func())) && !c.args().isEmpty()
        && isOtherDevice(c.args().get(0));
  }

  /**
   * Whether a load call puts the model on a GPU within its own expression, before the result is
   * assigned anywhere: {@code device_map=} (other than the CPU), {@code device=} that may be CUDA
   * (pipelines), {@code torch.load(..., map_location=<a GPU>)}, or a {@code .cuda()} /
   * {@code .to(<a GPU>)} in the method chain around it ({@code X.from_pretrained(id).to("cuda")}).
   */
  public static boolean loadPutsOnGpu(SemanticModel sm, Expr.Call load) {
    for (Support.Keyword k : load.keywords()) {
      if ("device_map".equals(k.arg())) {
        String s = Calls.string(k.value());
        if (s == null || !s.equals("cpu")) {
          return !Calls.isFalsyConstant(k.value());
        }
      }
      if (("device".equals(k.arg()) || "map_location".equals(k.arg())) && gpuArgument(sm, k.value())) {
        return true;
      }
    }
    Expr cur = load;
    for (int i = 0; i < 16; i++) {
      Node p = sm.parent(cur);
      if (!(p instanceof Expr.Attribute a) || a.value() != cur || !(sm.parent(a) instanceof Expr.Call c)
          || c.func() != a || !PASSTHROUGH.contains(a.attr())) {
        return false;
      }
      if (a.attr().equals("cuda")) {
        return true;
      }
      if (a.attr().equals("to")) {
        Expr d = Calls.argument(c, 0, "device");
        if (d != null && gpuArgument(sm, d)) {
          return true;
        }
      }
      cur = c;
    }
    return false;
  }

  /** A device argument that names or may hold a CUDA device ({@code "cuda"}, {@code 0}, a device variable). */
  private static boolean gpuArgument(SemanticModel sm, Expr d) {
    String s = Calls.string(d);
    if (s != null) {
      return s.startsWith("cuda");
    }
    if (d instanceof Expr.Constant k) {
      return k.value() instanceof ConstValue.Int i && i.value().signum() >= 0;
    }
    if (d instanceof Expr.UnaryOp) {
      return false; // device=-1: the CPU
    }
    String q = sm.qualifiedName(d);
    String last = AstUtil.lastName(d);
    if (q != null && q.startsWith("torch.") && !q.startsWith("torch.cuda") || last != null && last.contains("dtype")) {
      return false; // .to(torch.float16), .to(dtype)
    }
    return new Placement(sm).isCudaDevice(d, 0) || sm.mayBeCudaDevice(d);
  }

  /**
   * Whether a device expression is a function's parameter whose default is the CPU and that no call of
   * the function in this file gives a value that may be CUDA ({@code def get_model(device="cpu")}, called
   * as {@code get_model()}): the device is the CPU unless a caller elsewhere chooses another. Also
   * through {@code torch.device(device)} and {@code str(device)}.
   */
  public static boolean cpuDefaultParameter(SemanticModel sm, Expr device) {
    if (device instanceof Expr.Call c && !c.args().isEmpty() && c.keywords().isEmpty()
        && ("torch.device".equals(sm.qualifiedName(c.func())) || "str".equals(sm.qualifiedName(c.func())))) {
      device = c.args().get(0);
    }
    if (!(device instanceof Expr.Name n)) {
      return false;
    }
    Stmt.FunctionDef f = sm.moduleFunctionOfParameter(n);
    return f != null && "cpu".equals(Calls.string(AstUtil.defaultOf(f, n.id())))
        && sm.everyCallGives(f, n.id(), given -> given == null || "cpu".equals(Calls.string(given)));
  }
}
