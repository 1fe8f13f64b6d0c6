package dev.oomlint.semantic;

import dev.oomlint.ast.AstWalker;
import dev.oomlint.ast.ConstValue;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.Stmt;
import dev.oomlint.ast.Support;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where values live: whether a device expression may denote a CUDA device, whether a value (a model,
 * an input) may be on a GPU, and whether the file puts anything on a GPU at all. Device variables are
 * followed through their assignments ({@code device = "cuda" if torch.cuda.is_available() else "cpu"},
 * {@code if/elif} branches), {@code torch.device(...)} and the runtime helpers that pick an accelerator
 * ({@code Accelerator().device}, {@code get_backend()}-style functions); a device that only ever is
 * {@code "cpu"}/{@code "mps"} is not CUDA.
 */
final class Devices {
  /** What the code shows about a device or a value's placement. */
  enum Where { GPU, CPU, UNKNOWN }

  private static final int MAX_DEPTH = 6;

  /** Methods that move a model or tensor to a device given as their first argument or {@code device=}. */
  private static final Set<String> MOVE_METHODS = Set.of("to", "to_device", "move_to_device");

  /** Keywords that place what a call builds or loads on a device. */
  private static final Set<String> DEVICE_KEYWORDS = Set.of("device", "device_map", "map_location");

  private final AstIndex index;
  private final Names names;
  private final CallGraph calls;
  private final TorchObjects objects;
  private Set<String> gpuPaths;
  private Boolean fileUsesCuda;

  Devices(AstIndex index, Names names, CallGraph calls, TorchObjects objects) {
    this.objects = objects;
    this.index = index;
    this.names = names;
    this.calls = calls;
  }

  // ------------------------------------------------------------ devices

  /** What a device expression denotes: a CUDA device, a non-CUDA one, or unknown. */
  Where device(Expr e) {
    return device(e, 0);
  }

  private Where device(Expr e, int depth) {
    if (e == null || depth > MAX_DEPTH) {
      return Where.UNKNOWN;
    }
    if (e instanceof Expr.Constant k) {
      if (k.value() instanceof ConstValue.Str s) {
        String v = s.value().toLowerCase(java.util.Locale.ROOT);
        if (v.startsWith("cuda") || v.equals("gpu") || v.equals("auto") || v.equals("balanced")
            || v.startsWith("balanced_") || v.equals("sequential")) {
          return Where.GPU;
        }
        return Where.CPU; // "cpu", "mps", "meta", "xla"...: not CUDA memory
      }
      if (k.value() instanceof ConstValue.Int i) {
        return i.value().signum() >= 0 ? Where.GPU : Where.CPU; // device=0 is cuda:0, -1 the CPU
      }
      if (k.value() == ConstValue.Singleton.NONE) {
        return Where.CPU;
      }
      return Where.UNKNOWN;
    }
    if (e instanceof Expr.JoinedStr) {
      return Where.GPU; // f"cuda:{rank}"
    }
    if (e instanceof Expr.IfExp ie) {
      return join(device(ie.body(), depth + 1), device(ie.orelse(), depth + 1));
    }
    if (e instanceof Expr.Dict d) {
      Where w = Where.CPU;
      for (Expr v : d.values()) {
        w = join(w, device(v, depth + 1));
      }
      return d.values().isEmpty() ? Where.UNKNOWN : w;
    }
    if (e instanceof Expr.Call c) {
      String q = names.torchQualifiedName(c.func());
      if (q != null && (q.equals("torch.device") || q.equals("str"))) {
        return c.args().isEmpty() ? device(Calls.argument(c, 0, "type"), depth + 1) : device(c.args().get(0), depth + 1);
      }
      if (q != null && q.startsWith("torch.cuda.")) {
        return Where.GPU; // torch.cuda.current_device()
      }
      Stmt.FunctionDef fn = calls.resolve(c);
      if (fn != null) {
        return returns(fn, depth + 1);
      }
      return Where.UNKNOWN; // get_backend(), get_device(): a runtime helper that may pick CUDA
    }
    if (e instanceof Expr.Attribute a) {
      String q = names.torchQualifiedName(a);
      if (q != null && q.startsWith("torch.cuda")) {
        return Where.GPU;
      }
      if (a.attr().equals("device") && isAccelerator(a.value(), depth + 1)) {
        return Where.GPU; // Accelerator().device, accelerator.device, fabric.device
      }
      return Where.UNKNOWN;
    }
    if (e instanceof Expr.Name n) {
      List<Binding> bs = names.resolve(n);
      if (bs.isEmpty()) {
        return Where.UNKNOWN;
      }
      Where w = null;
      for (Binding b : bs) {
        Where one = (b.kind() == Binding.Kind.ASSIGN || b.kind() == Binding.Kind.NAMED_EXPR) && b.index() < 0
            ? device(b.value(), depth + 1) : b.kind() == Binding.Kind.FOR_TARGET ? loopDevice(b, depth)
            : Where.UNKNOWN;
        w = w == null ? one : join(w, one);
      }
      return w;
    }
    return Where.UNKNOWN;
  }

  /**
   * The device a loop variable takes over a literal collection ({@code for device in ["cpu", "cuda"]},
   * {@code for device, label in PROVIDERS} with {@code PROVIDERS} a literal set of pairs).
   */
  private Where loopDevice(Binding b, int depth) {
    Expr it = b.value();
    for (int i = 0; i < 3 && it instanceof Expr.Name n; i++) {
      List<Binding> bs = names.resolve(n);
      if (bs.size() != 1 || bs.get(0).kind() != Binding.Kind.ASSIGN || bs.get(0).index() >= 0) {
        return Where.UNKNOWN;
      }
      it = bs.get(0).value();
    }
    List<Expr> elts = it instanceof Expr.ListExpr l ? l.elts() : it instanceof Expr.Tuple t ? t.elts()
        : it instanceof Expr.Set st ? st.elts() : null;
    if (elts == null || elts.isEmpty()) {
      return Where.UNKNOWN;
    }
    Where w = null;
    for (Expr e : elts) {
      Expr el = e;
      if (b.index() >= 0) {
        List<Expr> parts = e instanceof Expr.Tuple t ? t.elts() : e instanceof Expr.ListExpr l ? l.elts() : null;
        if (parts == null || b.index() >= parts.size()) {
          return Where.UNKNOWN;
        }
        el = parts.get(b.index());
      }
      Where one = device(el, depth + 1);
      w = w == null ? one : join(w, one);
    }
    return w;
  }

  private Where returns(Stmt.FunctionDef fn, int depth) {
    Where[] w = {null};
    AstWalker.descend(fn, n -> {
      if (n != fn && (n instanceof Stmt.FunctionDef || n instanceof Stmt.ClassDef || n instanceof Expr.Lambda)) {
        return false;
      }
      if (n instanceof Stmt.Return r && r.value() != null) {
        Where one = device(r.value(), depth + 1);
        w[0] = w[0] == null ? one : join(w[0], one);
      }
      return true;
    });
    return w[0] == null ? Where.UNKNOWN : w[0];
  }

  private static Where join(Where a, Where b) {
    if (a == Where.GPU || b == Where.GPU) {
      return Where.GPU;
    }
    return a == Where.CPU && b == Where.CPU ? Where.CPU : Where.UNKNOWN;
  }

  /** Whether an expression is an accelerator object ({@code Accelerator()}, {@code Fabric(...)}). */
  private boolean isAccelerator(Expr e, int depth) {
    if (depth > MAX_DEPTH || e == null) {
      return false;
    }
    if (e instanceof Expr.Call c) {
      String q = names.torchQualifiedName(c.func());
      String last = q != null ? TorchApi.lastPart(q) : AstUtil.lastName(c.func());
      return last != null && (last.equals("Accelerator") || last.equals("Fabric") || last.equals("PartialState")
          || last.equals("AcceleratorState"));
    }
    if (e instanceof Expr.Name n) {
      for (Binding b : names.resolve(n)) {
        if (b.kind() == Binding.Kind.ASSIGN && b.index() < 0 && isAccelerator(b.value(), depth + 1)) {
          return true;
        }
      }
      String id = n.id().toLowerCase(java.util.Locale.ROOT);
      return id.equals("accelerator") || id.equals("fabric");
    }
    if (e instanceof Expr.Attribute a) {
      String id = a.attr().toLowerCase(java.util.Locale.ROOT);
      return id.equals("accelerator") || id.equals("fabric");
    }
    return false;
  }

  /** Whether a device expression may denote CUDA: known CUDA, or unknown in a file that uses CUDA. */
  boolean mayBeCuda(Expr device) {
    Where w = device(device);
    return w == Where.GPU || w == Where.UNKNOWN && fileUsesCuda();
  }

  // ------------------------------------------------------------ values

  /**
   * Whether the value a name holds at a use was made on the CPU in the use's own scope, and nothing
   * has moved it since: every binding reaching the use is an assignment or a {@code for} target of the
   * same scope, before the use, whose value places nothing on a GPU and reads nothing the file puts
   * there; between that binding and the use (and anywhere in a loop around the use that the binding
   * is outside of), no call moves the name to a device that may be CUDA and no call is given the name
   * itself (a helper could move it). A notebook cell that builds a model and runs it before a later
   * cell sets the device, or reloads a model on the CPU for a demo, holds no GPU memory there.
   */
  boolean callRunsOnCpu(Expr.Call c, Expr model) {
    if (!(model instanceof Expr.Name m) || !placesExplicitly() || !staysOnCpu(m, true)) {
      return false;
    }
    List<Expr> inputs = new java.util.ArrayList<>(c.args());
    c.keywords().forEach(k -> inputs.add(k.value()));
    for (Expr in : inputs) {
      Expr v = in instanceof Expr.Starred st ? st.value() : in;
      if (v instanceof Expr.Name n ? !staysOnCpu(n, false) && mayBeOnGpu(n) : mayBeOnGpu(v)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a model call is fed a tensor the code moved to the CPU on purpose: an argument name whose
   * reaching assignments include {@code h = h.to("cpu")} or {@code h = h.cpu()} and are otherwise the
   * outputs of this same model ({@code _, h, c = model(x, h, c)} in a sampling loop; an earlier call's
   * output counts as moved when that call was fed such a tensor). PyTorch refuses
   * to mix devices in one forward pass, so the model runs on the CPU: no GPU memory is at stake.
   */
  boolean inputsMovedToCpu(Expr.Call c) {
    return inputsMovedToCpu(c, 0);
  }

  private boolean inputsMovedToCpu(Expr.Call c, int depth) {
    String callee = AstUtil.path(c.func());
    if (callee == null || depth > 2) {
      return false;
    }
    for (Expr a : c.args()) {
      if (!(a instanceof Expr.Name n)) {
        continue;
      }
      List<Binding> bs = names.reaching(n);
      boolean moved = false;
      boolean others = true;
      for (Binding b : bs) {
        if (b.kind() != Binding.Kind.ASSIGN || !(b.value() instanceof Expr.Call v)) {
          others = false;
          break;
        }
        if (b.index() < 0 && movesToCpu(v)) {
          moved = true;
        } else if (!callee.equals(AstUtil.path(v.func()))) {
          others = false;
          break;
        } else if (v != c && inputsMovedToCpu(v, depth + 1)) {
          moved = true;   // the output of an earlier pass that ran on the CPU
        }
      }
      if (moved && others) {
        return true;
      }
    }
    return false;
  }

  /** Whether every assignment of {@code n} reaching it moves a value to the CPU ({@code m = m.to("cpu")}, {@code m.cpu()}). */
  boolean movedToCpu(Expr.Name n) {
    List<Binding> bs = names.reaching(n);
    if (bs.isEmpty()) {
      return false;
    }
    for (Binding b : bs) {
      if (b.kind() != Binding.Kind.ASSIGN || b.index() >= 0 || !(b.value() instanceof Expr.Call v) || !movesToCpu(v)) {
        return false;
      }
    }
    return true;
  }

  private boolean movesToCpu(Expr.Call v) {
    String m = AstUtil.methodName(v);
    if ("cpu".equals(m)) {
      return v.args().isEmpty() && v.keywords().isEmpty();
    }
    return "to".equals(m) && v.args().size() == 1 && device(v.args().get(0)) == Where.CPU;
  }

  private Boolean placesExplicitly;

  /**
   * Whether the file puts things on a GPU by explicit moves ({@code x.to(device)}, {@code .cuda()},
   * {@code device=}) and never changes the default device ({@code torch.set_default_device},
   * {@code torch.cuda.set_device}, {@code set_default_tensor_type}): only then does a value the file never
   * moves stay on the CPU.
   */
  private boolean placesExplicitly() {
    if (placesExplicitly == null) {
      boolean moves = false;
      for (Expr.Call c : index.calls) {
        String q = names.torchQualifiedName(c.func());
        if (q != null && (q.equals("torch.set_default_device") || q.equals("torch.cuda.set_device")
            || q.equals("torch.set_default_tensor_type"))) {
          placesExplicitly = false;
          return false;
        }
        moves = moves || placesOnGpu(c);
      }
      placesExplicitly = moves;
    }
    return placesExplicitly;
  }

  /**
   * The binding of a {@code for} loop around the use whose target is the name, when nothing else binds
   * the name in the loop before the use ({@code for x, y in loader: model(x)}); else null.
   */
  private Binding loopTarget(Expr.Name use, Scope scope) {
    List<Binding> own = scope.rawBindings(use.id());
    if (own == null) {
      return null;
    }
    for (Node cur = index.parent(use); cur != null && !(cur instanceof Stmt.FunctionDef); cur = index.parent(cur)) {
      if (!(cur instanceof Stmt.For f)) {
        continue;
      }
      Binding target = null;
      for (Binding b : own) {
        if (b.kind() == Binding.Kind.FOR_TARGET && b.statement() == f) {
          target = b;
        }
      }
      if (target == null) {
        continue;
      }
      for (Binding b : own) {
        int at = b.node().range().start();
        if (b != target && at > f.target().range().end() && at < use.range().start()) {
          return null;
        }
      }
      return target;
    }
    return null;
  }

  /** See {@link SemanticModel#runsOnCpu}: the value of {@code use} was made on the CPU and stays there. */
  boolean staysOnCpu(Expr.Name use, boolean module) {
    Scope scope = index.scope(use);
    List<Binding> bs = names.reaching(use);
    Binding target = loopTarget(use, scope);
    if (target != null) {
      bs = List.of(target);
    }
    if (bs.isEmpty()) {
      return false;
    }
    int from = Integer.MAX_VALUE;
    for (Binding b : bs) {
      Expr value = b.statement() instanceof Stmt.For f && b.kind() == Binding.Kind.FOR_TARGET ? f.iter() : b.value();
      if (b.kind() != Binding.Kind.ASSIGN && b.kind() != Binding.Kind.FOR_TARGET || b.statement() == null
          || value == null || index.scope(b.node()) != scope
          || b.kind() == Binding.Kind.ASSIGN && b.effective() > use.range().start()
          || valueOnGpu(value, gpuPaths())) {
        return false;
      }
      from = Math.min(from, (b.kind() == Binding.Kind.FOR_TARGET ? b.node() : b.statement()).range().end());
    }
    int to = use.range().start();
    for (Node cur = index.parent(use); cur != null; cur = index.parent(cur)) {
      if (AstUtil.isLoop(cur) && cur.range().start() > from) {
        to = Math.max(to, cur.range().end());
      }
    }
    for (Expr.Call c : index.calls) {
      int at = c.range().start();
      if (at < from || at > to) {
        continue;
      }
      if (placesOnGpu(c) && use.id().equals(AstUtil.path(AstUtil.receiver(c)))) {
        return false;
      }
      if (!module) {
        continue; // a tensor is moved by rebinding it (t = t.to(d)); a module also in place, by a helper
      }
      for (Expr a : c.args()) {
        if (a instanceof Expr.Name n && n.id().equals(use.id())) {
          return false;
        }
      }
      for (Support.Keyword k : c.keywords()) {
        if (k.value() instanceof Expr.Name n && n.id().equals(use.id())) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Whether a call moves or places something on a device that may be CUDA: {@code x.cuda()},
   * {@code x.to(device)}, {@code device=}/{@code device_map=} on a constructor or loader, an
   * accelerator's {@code prepare}.
   */
  boolean placesOnGpu(Expr.Call c) {
    String m = AstUtil.methodName(c);
    if ("cuda".equals(m)) {
      return true;
    }
    if (m != null && MOVE_METHODS.contains(m)) {
      Expr d = Calls.argument(c, 0, "device");
      if (d != null && !(d instanceof Expr.Constant k && k.value() instanceof ConstValue.Str s
          && !s.value().startsWith("cuda") && isDtypeName(s.value()))) {
        if (d instanceof Expr.Attribute da && names.torchQualifiedName(da) != null
            && names.torchQualifiedName(da).startsWith("torch.") && !names.torchQualifiedName(da).startsWith("torch.cuda")) {
          return false; // .to(torch.float16)
        }
        return mayBeCuda(d);
      }
      return false;
    }
    if (m != null && (m.equals("prepare") || m.equals("prepare_model") || m.equals("setup")
        || m.equals("setup_module"))) {
      return fileUsesCuda() || isAccelerator(AstUtil.receiver(c), 0);
    }
    String q = names.torchQualifiedName(c.func());
    if ("deepspeed.initialize".equals(q)) {
      return true;
    }
    for (Support.Keyword k : c.keywords()) {
      if (k.arg() != null && DEVICE_KEYWORDS.contains(k.arg()) && mayBeCuda(k.value())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDtypeName(String s) {
    return s.startsWith("float") || s.startsWith("int") || s.startsWith("bfloat") || s.equals("half");
  }

  /**
   * Whether a value may be on a GPU: the expression moves something there, or names (or reads from) a
   * variable or attribute that the file puts there.
   */
  boolean mayBeOnGpu(Expr e) {
    return e != null && valueOnGpu(e, gpuPaths());
  }

  /**
   * Whether code inside {@code scope} moves the value at {@code path} ({@code pipe}, {@code self.net})
   * to a device that may be CUDA ({@code pipe.to(device)}, {@code pipe = pipe.cuda()}).
   */
  boolean movesToGpuWithin(Node scope, String path) {
    if (path == null) {
      return false;
    }
    for (Expr.Call c : index.calls) {
      if (scope.range().contains(c.range()) && placesOnGpu(c) && path.equals(AstUtil.path(AstUtil.receiver(c)))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The paths ({@code model}, {@code self.net}) the file moves to a device that may be CUDA, or assigns
   * from an expression that does: {@code model.to(device)}, {@code model = Net().cuda()},
   * {@code x = batch["x"].to(device)}, {@code model = AutoModel.from_pretrained(..., device_map="auto")}.
   */
  private Set<String> gpuPaths() {
    if (gpuPaths == null) {
      Set<String> out = new HashSet<>();
      for (Expr.Call c : index.calls) {
        if (placesOnGpu(c)) {
          String p = AstUtil.path(AstUtil.receiver(c));
          String m = AstUtil.methodName(c);
          if (p != null && m != null && (m.equals("cuda") || MOVE_METHODS.contains(m))) {
            out.add(p);
          }
        }
      }
      // assignments from GPU expressions, to a fixed point over a few rounds (x = y.to(d); z = x[0])
      for (int round = 0; round < 3; round++) {
        boolean changed = false;
        for (Stmt.Assign a : index.assigns) {
          if (!valueOnGpu(a.value(), out)) {
            continue;
          }
          for (Expr t : a.targets()) {
            changed |= addTargets(t, out);
          }
        }
        if (!changed) {
          break;
        }
      }
      gpuPaths = out;
    }
    return gpuPaths;
  }

  private boolean valueOnGpu(Expr v, Set<String> gpu) {
    boolean[] found = {false};
    AstWalker.descend(v, n -> {
      if (found[0] || n instanceof Expr.Lambda) {
        return false;
      }
      if (n instanceof Expr.Call c && placesOnGpu(c)) {
        found[0] = true;
      } else if (n instanceof Expr.Name || n instanceof Expr.Attribute) {
        String p = AstUtil.path((Expr) n);
        if (p != null && gpu.contains(p)) {
          found[0] = true;
        }
      }
      return !found[0];
    });
    return found[0];
  }

  private static boolean addTargets(Expr t, Set<String> out) {
    if (t instanceof Expr.Tuple tu) {
      boolean ch = false;
      for (Expr x : tu.elts()) {
        ch |= addTargets(x, out);
      }
      return ch;
    }
    if (t instanceof Expr.ListExpr l) {
      boolean ch = false;
      for (Expr x : l.elts()) {
        ch |= addTargets(x, out);
      }
      return ch;
    }
    if (t instanceof Expr.Starred s) {
      return addTargets(s.value(), out);
    }
    String p = AstUtil.path(t);
    return p != null && out.add(p);
  }

  // ------------------------------------------------------------ file

  /**
   * Whether the file puts anything on a CUDA device (or may): {@code .cuda()}, a {@code "cuda"}
   * device, {@code torch.cuda.*}, {@code device_map=}, an accelerator, or a device variable whose
   * value the file does not show ({@code .to(device)} with {@code device} a parameter).
   */
  boolean fileUsesCuda() {
    if (fileUsesCuda == null) {
      fileUsesCuda = false; // guards the recursion through mayBeCuda
      boolean found = false;
      for (Expr.Call c : index.calls) {
        if (reachesGpu(c, false)) {
          found = true;
        }
        for (Expr d : placements(c)) {
          if (device(d) != Where.CPU && (device(d) == Where.GPU || mentionsDevice(d))) {
            found = true;
          }
        }
        if (found) {
          break;
        }
      }
      // Keras on the torch backend puts its models and tensors on the GPU itself
      fileUsesCuda = found || objects.kerasOnTorch();
    }
    return fileUsesCuda;
  }

  /**
   * Whether the file places its models and tensors, and only on the CPU: at least one move or device
   * argument, every one of them the CPU ({@code device = "cpu"; model.to(device)}), and nothing else
   * that reaches a GPU ({@code .cuda()}, an accelerator, a {@code torch.cuda} call other than the AMP API
   * whose use is in question).
   */
  boolean placesOnlyOnCpu() {
    boolean cpu = false;
    for (Expr.Call c : index.calls) {
      if (reachesGpu(c, true)) {
        return false;
      }
      for (Expr d : placements(c)) {
        if (device(d) != Where.CPU) {
          return false;
        }
        cpu = true;
      }
    }
    return cpu && !objects.kerasOnTorch();
  }

  /**
   * Whether a call reaches a GPU whatever its arguments: {@code .cuda()}, a {@code torch.cuda} call
   * (but for the AMP API when {@code exceptAmp}), DeepSpeed's or an accelerator's set-up.
   */
  private boolean reachesGpu(Expr.Call c, boolean exceptAmp) {
    String q = names.torchQualifiedName(c.func());
    return "cuda".equals(AstUtil.methodName(c)) || q != null && (q.equals("deepspeed.initialize")
        || q.startsWith("torch.cuda.") && !(exceptAmp && q.startsWith("torch.cuda.amp."))) || isAccelerator(c, 0);
  }

  /**
   * The devices a call places something on: a move's device argument ({@code .to(device)}; not a dtype
   * such as {@code torch.float16}) and its {@code device=}, {@code device_map=} or {@code map_location=}.
   */
  private List<Expr> placements(Expr.Call c) {
    List<Expr> out = new ArrayList<>(1);
    String m = AstUtil.methodName(c);
    Expr d = m != null && MOVE_METHODS.contains(m) ? Calls.argument(c, 0, "device") : null;
    if (d != null && !(d instanceof Expr.Attribute da && names.torchQualifiedName(da) != null)) {
      out.add(d);
    }
    for (Support.Keyword k : c.keywords()) {
      if (k.arg() != null && DEVICE_KEYWORDS.contains(k.arg())) {
        out.add(k.value());
      }
    }
    return out;
  }

  /** Whether an expression reads like a device ({@code device}, {@code args.device}, {@code self.gpu}). */
  private static boolean mentionsDevice(Expr e) {
    String id = e instanceof Expr.Name nm ? nm.id() : e instanceof Expr.Attribute at ? at.attr() : null;
    if (id == null) {
      return false;
    }
    String l = id.toLowerCase(java.util.Locale.ROOT);
    return l.contains("device") || l.contains("cuda") || l.contains("gpu") || l.equals("rank")
        || l.equals("local_rank");
  }
}
