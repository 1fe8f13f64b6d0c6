package dev.oomlint.semantic;

import dev.oomlint.ast.AstWalker;
import dev.oomlint.ast.ConstValue;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.Stmt;
import dev.oomlint.ast.Support;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recognises the objects a training script juggles: models, loss callables and optimizers, from how
 * they are built (constructors, factories, {@code accelerator.prepare}) and, where that is unknown,
 * from their names. Also knows which models are frozen ({@code requires_grad_(False)}).
 */
final class TorchObjects {
  private static final int MAX_DEPTH = 6;

  private enum Verdict { YES, NO, UNKNOWN }

  private static final Set<String> WRAPPERS = Set.of("torch.compile", "torch.nn.DataParallel",
      "torch.nn.parallel.DataParallel", "torch.nn.parallel.DistributedDataParallel",
      "torch.nn.parallel.distributed.DistributedDataParallel", "copy.deepcopy", "torch.jit.script",
      "torch.jit.trace", "torch.nn.SyncBatchNorm.convert_sync_batchnorm",
      "torch.distributed.fsdp.FullyShardedDataParallel", "torch.optim.swa_utils.AveragedModel",
      "timm.utils.ModelEmaV2", "timm.utils.ModelEmaV3", "timm.utils.ModelEma");

  private static final Set<String> MODEL_PASSTHROUGH_METHODS = Set.of("to", "cuda", "cpu", "eval", "train",
      "half", "float", "double", "bfloat16", "requires_grad_", "to_empty", "module", "share_memory");

  private static final Set<String> PREPARE_METHODS = Set.of("prepare", "setup", "prepare_model",
      "setup_module", "setup_optimizers", "wrap");

  private final Names names;
  private final CallGraph calls;
  private final AstIndex index;
  private final Map<Stmt.ClassDef, Map<String, List<Assigned>>> selfAttributes = new IdentityHashMap<>();
  private final Set<String> frozen = new HashSet<>();

  private record Assigned(Expr value, int index) {}

  TorchObjects(AstIndex index, Names names, CallGraph calls) {
    this.index = index;
    this.names = names;
    this.calls = calls;
    findFrozen();
  }

  // ---------------------------------------------------------------- models

  /** Whether calling {@code callee} runs a model's forward pass. */
  boolean isModel(Expr callee) {
    return isModel(callee, 0);
  }

  private boolean isModel(Expr e, int depth) {
    if (depth > MAX_DEPTH || e == null) {
      return false;
    }
    if (e instanceof Expr.Name n) {
      List<Binding> bs = names.resolve(n);
      if (bs.isEmpty()) {
        return !Names.BUILTINS.contains(n.id()) && TorchApi.isModelName(n.id());
      }
      boolean unknown = false;
      for (Binding b : bs) {
        Verdict v = modelBinding(b, depth);
        if (v == Verdict.YES) {
          return true;
        }
        unknown |= v == Verdict.UNKNOWN;
      }
      return unknown && TorchApi.isModelName(n.id());
    }
    if (e instanceof Expr.Attribute a) {
      if (names.torchQualifiedName(a) != null) {
        return false;
      }
      List<Assigned> vals = selfAttribute(a);
      if (vals != null) {
        Stmt.ClassDef cls = calls.classOfInstance(a.value(), 0);
        if (cls != null && calls.findMethod(cls, a.attr(), 0) != null) {
          return false; // self.method, not a model held by self
        }
        boolean unknown = vals.isEmpty();
        for (Assigned v : vals) {
          Verdict vd = modelValue(v.value(), v.index(), depth);
          if (vd == Verdict.YES) {
            return true;
          }
          unknown |= vd == Verdict.UNKNOWN;
        }
        return unknown && TorchApi.isModelName(a.attr());
      }
      return TorchApi.isModelAttributeName(a.attr()) && !(a.value() instanceof Expr.Call);
    }
    if (e instanceof Expr.Call c && c.args().isEmpty() && c.func() instanceof Expr.Attribute g
        && g.attr().startsWith("get_") && g.attr().endsWith("_model") && calls.resolve(c) == null) {
      return isModel(g.value(), depth + 1); // a wrapper's model.get_backend_model()(ids)
    }
    return false;
  }

  /**
   * Whether the file shows where a model comes from: a name bound only by assignments of calls
   * ({@code model = Net()}, {@code model = AutoModel.from_pretrained(...)}) or of other such names.
   * Keras models on the torch backend are not: Keras places them on the GPU itself.
   */
  boolean builtHere(Expr model) {
    return builtHere(model, 0);
  }

  private boolean builtHere(Expr e, int depth) {
    if (depth > MAX_DEPTH || !(e instanceof Expr.Name n)) {
      return false;
    }
    List<Binding> bs = names.resolve(n);
    if (bs.isEmpty()) {
      return false;
    }
    for (Binding b : bs) {
      if (b.kind() != Binding.Kind.ASSIGN || b.index() >= 0) {
        return false;
      }
      Expr v = b.value();
      while (v instanceof Expr.Call c && c.func() instanceof Expr.Attribute a
          && MODEL_PASSTHROUGH_METHODS.contains(a.attr())) {
        v = a.value();
      }
      if (v instanceof Expr.Name) {
        if (!builtHere(v, depth + 1)) {
          return false;
        }
        continue;
      }
      if (!(v instanceof Expr.Call c)) {
        return false;
      }
      String q = names.qualifiedName(c.func());
      if (q != null && (q.startsWith("keras.") || q.startsWith("tensorflow.keras.")) || calls.resolve(c) != null) {
        return false; // a Keras model, or a same-file builder function (it may move the model itself)
      }
    }
    return true;
  }

  /**
   * Whether a call builds a model of another framework: TensorFlow/Keras ({@code TFAutoModel...},
   * {@code TFBertForX}, {@code keras.Sequential}), Flax/JAX ({@code FlaxAutoModel...}), ONNX Runtime
   * ({@code ORTModelForX}). Keras models count as torch when the file selects Keras's torch backend.
   */
  private boolean otherFrameworkModel(Expr.Call c, String q) {
    Expr f = c.func();
    String cls = null;
    if (f instanceof Expr.Attribute a && (a.attr().equals("from_pretrained") || a.attr().equals("from_config"))) {
      cls = AstUtil.lastName(a.value());
    } else if (q != null) {
      cls = TorchApi.lastPart(q);
    } else {
      cls = AstUtil.lastName(f);
    }
    if (cls != null && isOtherFrameworkClassName(cls)) {
      return true;
    }
    if (q != null && (q.startsWith("keras.") || q.startsWith("tensorflow.") || q.startsWith("tf_keras."))) {
      return !(q.startsWith("keras.") && kerasOnTorch());
    }
    return q != null && (q.startsWith("jax.") || q.startsWith("flax.") || q.startsWith("haiku."));
  }

  static boolean isOtherFrameworkClassName(String cls) {
    return prefixed(cls, "TF") || prefixed(cls, "Flax") || prefixed(cls, "ORT") || prefixed(cls, "OV");
  }

  private static boolean prefixed(String cls, String prefix) {
    return cls.length() > prefix.length() + 2 && cls.startsWith(prefix)
        && Character.isUpperCase(cls.charAt(prefix.length()));
  }

  private Boolean kerasOnTorch;

  /** Whether the file selects Keras's torch backend ({@code os.environ["KERAS_BACKEND"] = "torch"}). */
  boolean kerasOnTorch() {
    if (kerasOnTorch == null) {
      boolean found = false;
      for (Stmt.Assign a : index.assigns) {
        if ("torch".equals(Calls.string(a.value()))) {
          for (Expr t : a.targets()) {
            if (t instanceof Expr.Subscript sub && "KERAS_BACKEND".equals(Calls.string(sub.slice()))) {
              found = true;
            }
          }
        }
      }
      for (Expr.Call c : index.calls) {
        String m = AstUtil.methodName(c);
        if (("set_backend".equals(m) || "setdefault".equals(m) && c.args().size() == 2
            && "KERAS_BACKEND".equals(Calls.string(c.args().get(0)))) && !c.args().isEmpty()
            && "torch".equals(Calls.string(c.args().get(c.args().size() - 1)))) {
          found = true;
        }
      }
      kerasOnTorch = found;
    }
    return kerasOnTorch;
  }

  private Verdict modelBinding(Binding b, int depth) {
    switch (b.kind()) {
      case FUNCTION, CLASS, IMPORT, EXCEPT:
        return Verdict.NO;
      case ASSIGN, NAMED_EXPR:
        return modelValue(b.value(), b.index(), depth);
      case PARAMETER:
        return parameterValue(b, depth);
      default:
        return Verdict.UNKNOWN;
    }
  }

  /**
   * What a plain function's parameter receives at its call sites in this file: no model when every
   * call passes something that is none ({@code generator = pipeline(...)}; {@code chat(generator)}).
   */
  private Verdict parameterValue(Binding b, int depth) {
    if (depth > MAX_DEPTH - 2 || !(b.node() instanceof Support.Arg arg)) {
      return Verdict.UNKNOWN;
    }
    Stmt.FunctionDef fn = calls.enclosingFunction(arg);
    if (fn == null || calls.enclosingClass(fn) != null || calls.escapes(fn)) {
      return Verdict.UNKNOWN;
    }
    List<Support.Arg> params = new ArrayList<>(fn.args().posonlyargs());
    params.addAll(fn.args().args());
    int pos = -1;
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i) == arg) {
        pos = i;
      }
    }
    List<Expr.Call> sites = calls.callSites(fn);
    if (pos < 0 || sites.isEmpty()) {
      return Verdict.UNKNOWN;
    }
    boolean any = false;
    for (Expr.Call c : sites) {
      Expr a = Calls.argument(c, pos, arg.arg());
      if (a == null || Calls.hasStarred(c) || Calls.hasDoubleStar(c)) {
        return Verdict.UNKNOWN;
      }
      Verdict v;
      if (isModel(a, depth + 2)) {
        v = Verdict.YES;
      } else if (a instanceof Expr.Call ac) {
        v = modelValue(ac, -1, depth + 2);
      } else if (a instanceof Expr.Name an && !names.resolve(an).isEmpty()) {
        v = Verdict.NO;
        for (Binding ab : names.resolve(an)) {
          Verdict one = modelBinding(ab, depth + 2);
          if (one != Verdict.NO) {
            v = one == Verdict.YES ? Verdict.YES : v == Verdict.YES ? v : Verdict.UNKNOWN;
          }
        }
      } else {
        v = Verdict.UNKNOWN;
      }
      if (v != Verdict.NO) {
        return Verdict.UNKNOWN; // only ever used to rule a model out
      }
      any = true;
    }
    return any ? Verdict.NO : Verdict.UNKNOWN;
  }

  private Verdict modelValue(Expr v, int i, int depth) {
    if (v == null || depth > MAX_DEPTH) {
      return Verdict.UNKNOWN;
    }
    if (i >= 0) {
      if (v instanceof Expr.Tuple t && i < t.elts().size()) {
        return modelValue(t.elts().get(i), -1, depth + 1);
      }
      if (v instanceof Expr.Call c && isPrepare(c) && i < c.args().size()) {
        return isModel(c.args().get(i), depth + 1) ? Verdict.YES : Verdict.NO;
      }
      if (v instanceof Expr.Call c && calls.resolve(c) != null && returnsFunction(calls.resolve(c), i)) {
        return Verdict.NO; // generator, num = get_iterator(args): a local function handed back
      }
      return Verdict.UNKNOWN;
    }
    if (v instanceof Expr.Name || v instanceof Expr.Attribute) {
      if (isModel(v, depth + 1)) {
        return Verdict.YES;
      }
      return isClassObject(v) ? Verdict.NO : Verdict.UNKNOWN; // wrapper = _EvalWrapper: calling it constructs
    }
    if (v instanceof Expr.Constant) {
      return Verdict.UNKNOWN;
    }
    if (!(v instanceof Expr.Call c)) {
      return v instanceof Expr.Subscript || v instanceof Expr.IfExp ? Verdict.UNKNOWN : Verdict.NO;
    }
    String q = names.torchQualifiedName(c.func());
    if (otherFrameworkModel(c, q)) {
      return Verdict.NO;
    }
    if (q != null) {
      if (TorchApi.isNnModuleClass(q) || TorchApi.isModelFactory(q)) {
        return Verdict.YES;
      }
      if (WRAPPERS.contains(q)) {
        return !c.args().isEmpty() && isModel(c.args().get(0), depth + 1) ? Verdict.YES : Verdict.UNKNOWN;
      }
      if (q.equals("torch.load") || q.equals("torch.jit.load")) {
        return Verdict.UNKNOWN;
      }
      if (q.startsWith("torch.") || Names.BUILTINS.contains(q)) {
        return Verdict.NO;
      }
      String last = TorchApi.lastPart(q);
      if ((last.equals("from_pretrained") || last.equals("from_config") || last.equals("from_single_file"))
          && q.contains(".")) {
        return pretrainedOwner(TorchApi.lastPart(q.substring(0, q.lastIndexOf('.'))));
      }
      if (TorchApi.isNonModelClassName(last)) {
        return Verdict.NO;
      }
      if (Character.isUpperCase(last.charAt(0))) {
        return TorchApi.isModelClassName(last) ? Verdict.YES : Verdict.UNKNOWN;
      }
      return TorchApi.isModelName(last) ? Verdict.YES : Verdict.UNKNOWN;
    }
    Stmt.ClassDef cls = calls.classCalled(c);
    if (cls != null) {
      return calls.isModuleClass(cls) && hasState(cls, 0) ? Verdict.YES : Verdict.NO;
    }
    Stmt.FunctionDef fn = calls.resolve(c);
    if (fn != null) {
      if (TorchApi.isModelName(fn.name())) {
        return Verdict.YES;
      }
      return returnsNoModel(fn, depth) ? Verdict.NO : Verdict.UNKNOWN;
    }
    if (c.func() instanceof Expr.Attribute a) {
      String m = a.attr();
      if (m.equals("from_pretrained") || m.equals("from_config") || m.equals("from_single_file")) {
        String owner = AstUtil.lastName(a.value());
        return owner == null ? Verdict.UNKNOWN : pretrainedOwner(owner);
      }
      if (MODEL_PASSTHROUGH_METHODS.contains(m)) {
        if (a.value() instanceof Expr.Call inner) {
          Verdict inside = modelValue(inner, -1, depth + 1);
          if (inside != Verdict.UNKNOWN) {
            return inside; // DiffusionPipeline.from_pretrained(...).to("cuda") is still no model
          }
        }
        return isModel(a.value(), depth + 1) ? Verdict.YES : Verdict.UNKNOWN;
      }
      if (PREPARE_METHODS.contains(m) && c.args().size() == 1) {
        return isModel(c.args().get(0), depth + 1) ? Verdict.YES : Verdict.UNKNOWN;
      }
    }
    return Verdict.UNKNOWN;
  }

  /**
   * Whether instances of a same-file module class hold parameters or submodules: some method assigns
   * an attribute of {@code self} or registers one, or a base is a torch layer or another stateful
   * class. A stateless module ({@code x * y + y}) builds no graph from inputs that need no grad.
   */
  private boolean hasState(Stmt.ClassDef cls, int depth) {
    if (depth > MAX_DEPTH) {
      return true;
    }
    for (Expr b : cls.bases()) {
      Stmt.ClassDef base = calls.sameFileClass(b);
      if (base != null) {
        if (hasState(base, depth + 1)) {
          return true;
        }
        continue;
      }
      String q = names.qualifiedName(b);
      if (q == null || !q.equals("torch.nn.Module")) {
        return true;
      }
    }
    boolean[] state = {false};
    for (Stmt s : cls.body()) {
      if (!(s instanceof Stmt.FunctionDef)) {
        if (s instanceof Stmt.Assign || s instanceof Stmt.AnnAssign) {
          state[0] = true;
        }
        continue;
      }
      AstWalker.descend(s, n -> {
        if (n instanceof Stmt.Assign as) {
          for (Expr t : as.targets()) {
            if (t instanceof Expr.Attribute at && calls.isSelf(at.value())) {
              state[0] = true;
            }
          }
        } else if (n instanceof Expr.Call c) {
          String m = AstUtil.methodName(c);
          if (m != null && (m.startsWith("register_") || m.equals("add_module") || m.equals("setattr"))
              || c.func() instanceof Expr.Name f && f.id().equals("setattr")) {
            state[0] = true;
          }
        }
        return !state[0];
      });
      if (state[0]) {
        return true;
      }
    }
    return false;
  }

  /**
   * What {@code Owner.from_pretrained(...)} gives: a model for model classes ({@code AutoModel},
   * {@code UNet2DConditionModel}, {@code AutoencoderKL}); nothing to report for tokenizers, processors,
   * schedulers and pipelines; unknown for other classes (annotators such as {@code HEDdetector} run
   * their own no_grad), which then fall back to the variable's name.
   */
  private static Verdict pretrainedOwner(String owner) {
    if (TorchApi.isNonModelClassName(owner)) {
      return Verdict.NO;
    }
    return TorchApi.isModelClassName(owner) ? Verdict.YES : Verdict.UNKNOWN;
  }

  private boolean isPrepare(Expr.Call c) {
    String m = AstUtil.methodName(c);
    return m != null && PREPARE_METHODS.contains(m) || "deepspeed.initialize".equals(names.qualifiedName(c.func()));
  }

  /**
   * Whether every {@code return} of a same-file function gives something that is no model
   * ({@code generator = pipeline(...); return generator}).
   */
  private boolean returnsNoModel(Stmt.FunctionDef fn, int depth) {
    if (depth > MAX_DEPTH - 2) {
      return false;
    }
    List<Expr> values = AstUtil.returnValues(fn);
    if (values == null || values.isEmpty()) {
      return false;
    }
    for (Expr v : values) {
      if (v instanceof Expr.Name n) {
        List<Binding> bs = names.resolve(n);
        if (bs.isEmpty()) {
          return false;
        }
        for (Binding b : bs) {
          if (modelBinding(b, depth + 2) != Verdict.NO) {
            return false;
          }
        }
      } else if (!(v instanceof Expr.Call vc) || modelValue(vc, -1, depth + 2) != Verdict.NO) {
        return false;
      }
    }
    return true;
  }

  /** Whether every {@code return} of {@code fn} gives a tuple whose element {@code i} is a function. */
  private boolean returnsFunction(Stmt.FunctionDef fn, int i) {
    List<Expr> values = AstUtil.returnValues(fn);
    if (values == null || values.isEmpty()) {
      return false;
    }
    for (Expr v : values) {
      if (!(v instanceof Expr.Tuple t && i < t.elts().size() && t.elts().get(i) instanceof Expr.Name nm
          && !names.resolve(nm).isEmpty()
          && names.resolve(nm).stream().allMatch(b -> b.kind() == Binding.Kind.FUNCTION))) {
        return false;
      }
    }
    return true;
  }

  /** Whether an expression names a class ({@code _EvalWrapper}, {@code transformers.AutoModel}). */
  private boolean isClassObject(Expr v) {
    String last = v instanceof Expr.Name n ? n.id() : ((Expr.Attribute) v).attr();
    String bare = last.replaceFirst("^_+", "");
    if (bare.isEmpty() || !Character.isUpperCase(bare.charAt(0)) || bare.equals(bare.toUpperCase(java.util.Locale.ROOT))) {
      return false;
    }
    if (v instanceof Expr.Name n) {
      List<Binding> bs = names.resolve(n);
      if (bs.isEmpty()) {
        return false;
      }
      for (Binding b : bs) {
        if (b.kind() != Binding.Kind.CLASS && b.kind() != Binding.Kind.IMPORT) {
          return false;
        }
      }
      return true;
    }
    return names.qualifiedName(v) != null;
  }

  /** Whether a model's parameters are all frozen in this file ({@code vae.requires_grad_(False)}). */
  boolean isFrozen(Expr model) {
    String p = AstUtil.path(model);
    return p != null && frozen.contains(p);
  }

  private void findFrozen() {
    List<Expr.Call> all = index.calls;
    for (int i = 0, n = all.size(); i < n; i++) {
      Expr.Call c = all.get(i);
      if ("requires_grad_".equals(AstUtil.methodName(c)) && isFalse(firstArg(c, "requires_grad"))) {
        Expr recv = AstUtil.receiver(c);
        String p = AstUtil.path(recv);
        if (p != null) {
          frozen.add(p);
        }
        // for p in model.parameters(): p.requires_grad_(False)
        String owner = parametersOwnerOfLoopVar(recv);
        if (owner != null) {
          frozen.add(owner);
        }
      }
    }
    List<Stmt.Assign> assigns = index.assigns;
    for (int i = 0, n = assigns.size(); i < n; i++) {
      Stmt.Assign a = assigns.get(i);
      if (isFalse(a.value())) {
        for (Expr t : a.targets()) {
          if (t instanceof Expr.Attribute at && at.attr().equals("requires_grad")) {
            String owner = parametersOwnerOfLoopVar(at.value());
            if (owner != null) {
              frozen.add(owner);
            }
          }
        }
      }
    }
  }

  /** For {@code p} bound by {@code for p in X.parameters()}, the path of X. */
  private String parametersOwnerOfLoopVar(Expr e) {
    if (!(e instanceof Expr.Name n)) {
      return null;
    }
    for (Binding b : names.resolve(n)) {
      if (b.kind() == Binding.Kind.FOR_TARGET && b.value() instanceof Expr.Call pc
          && "parameters".equals(AstUtil.methodName(pc))) {
        return AstUtil.path(AstUtil.receiver(pc));
      }
    }
    return null;
  }

  private static Expr firstArg(Expr.Call c, String keyword) {
    if (!c.args().isEmpty()) {
      return c.args().get(0);
    }
    for (Support.Keyword k : c.keywords()) {
      if (keyword.equals(k.arg())) {
        return k.value();
      }
    }
    return null;
  }

  private static boolean isFalse(Expr e) {
    return e instanceof Expr.Constant k && k.value() instanceof ConstValue.Bool b && !b.value();
  }

  // ---------------------------------------------------------------- losses

  /** Whether calling {@code callee} computes a loss ({@code criterion}, an {@code nn.*Loss()}, F.cross_entropy). */
  boolean isLossCallable(Expr callee) {
    String q = names.qualifiedName(callee);
    if (q != null) {
      return TorchApi.isLossFunction(q);
    }
    if (callee instanceof Expr.Name n) {
      for (Binding b : names.resolve(n)) {
        if (b.kind() == Binding.Kind.ASSIGN && b.index() < 0) {
          if (b.value() instanceof Expr.Call c && TorchApi.isNnLossClass(names.qualifiedName(c.func()))) {
            return true;
          }
          if (TorchApi.isLossFunction(names.qualifiedName(b.value()))) {
            return true;
          }
        }
        if (b.kind() == Binding.Kind.FUNCTION || b.kind() == Binding.Kind.CLASS) {
          return false;
        }
      }
      return TorchApi.isLossCallableName(n.id());
    }
    if (callee instanceof Expr.Attribute a) {
      List<Assigned> vals = selfAttribute(a);
      if (vals != null) {
        for (Assigned v : vals) {
          if (v.value() instanceof Expr.Call c && TorchApi.isNnLossClass(names.qualifiedName(c.func()))) {
            return true;
          }
        }
      }
      return TorchApi.isLossCallableName(a.attr());
    }
    return false;
  }

  // ---------------------------------------------------------------- optimizers

  /** Whether {@code e} is an optimizer (torch.optim.*, prepared/set up, or a parameter named like one). */
  boolean isOptimizer(Expr e) {
    return isOptimizer(e, 0);
  }

  private boolean isOptimizer(Expr e, int depth) {
    if (depth > MAX_DEPTH || e == null) {
      return false;
    }
    if (e instanceof Expr.Name n) {
      List<Binding> bs = names.resolve(n);
      boolean unknown = bs.isEmpty();
      for (Binding b : bs) {
        Verdict v = switch (b.kind()) {
          case ASSIGN, NAMED_EXPR -> optimizerValue(b.value(), b.index(), depth);
          case FUNCTION, CLASS, IMPORT, EXCEPT -> Verdict.NO;
          default -> Verdict.UNKNOWN;
        };
        if (v == Verdict.YES) {
          return true;
        }
        unknown |= v == Verdict.UNKNOWN;
      }
      return unknown && TorchApi.isOptimizerName(n.id());
    }
    if (e instanceof Expr.Attribute a) {
      if (names.qualifiedName(a) != null) {
        return false;
      }
      List<Assigned> vals = selfAttribute(a);
      boolean unknown = vals == null || vals.isEmpty();
      if (vals != null) {
        for (Assigned v : vals) {
          Verdict vd = optimizerValue(v.value(), v.index(), depth);
          if (vd == Verdict.YES) {
            return true;
          }
          unknown |= vd == Verdict.UNKNOWN;
        }
      }
      return unknown && TorchApi.isOptimizerName(a.attr());
    }
    if (e instanceof Expr.Subscript s) {
      String last = AstUtil.lastName(s.value());
      return last != null && TorchApi.isOptimizerName(last);
    }
    if (e instanceof Expr.Call c) {
      String m = AstUtil.methodName(c);
      return m != null && TorchApi.isOptimizerName(m) || optimizerValue(c, -1, depth) == Verdict.YES;
    }
    return false;
  }

  private Verdict optimizerValue(Expr v, int i, int depth) {
    if (v == null || depth > MAX_DEPTH) {
      return Verdict.UNKNOWN;
    }
    if (i >= 0) {
      if (v instanceof Expr.Tuple t && i < t.elts().size()) {
        return optimizerValue(t.elts().get(i), -1, depth + 1);
      }
      if (v instanceof Expr.Call c && isPrepare(c) && i < c.args().size()) {
        return isOptimizer(c.args().get(i), depth + 1) ? Verdict.YES : Verdict.NO;
      }
      return Verdict.UNKNOWN;
    }
    if (v instanceof Expr.Name || v instanceof Expr.Attribute || v instanceof Expr.Subscript) {
      return isOptimizer(v, depth + 1) ? Verdict.YES : Verdict.UNKNOWN;
    }
    if (!(v instanceof Expr.Call c)) {
      return v instanceof Expr.Constant || v instanceof Expr.IfExp ? Verdict.UNKNOWN : Verdict.NO;
    }
    String q = names.qualifiedName(c.func());
    if (q != null) {
      if (TorchApi.isOptimizerConstructor(q)) {
        return Verdict.YES;
      }
      if (q.contains("lr_scheduler") || q.contains("sched") || q.startsWith("gym")) {
        return Verdict.NO;
      }
      String last = TorchApi.lastPart(q);
      return TorchApi.isOptimizerName(last) ? Verdict.YES : Verdict.UNKNOWN;
    }
    // getattr(torch.optim, name)(params)
    if (c.func() instanceof Expr.Call inner && inner.func() instanceof Expr.Name g && g.id().equals("getattr")
        && !inner.args().isEmpty() && "torch.optim".equals(names.qualifiedName(inner.args().get(0)))) {
      return Verdict.YES;
    }
    Stmt.FunctionDef fn = calls.resolve(c);
    if (fn != null) {
      return TorchApi.isOptimizerName(fn.name()) ? Verdict.YES : Verdict.UNKNOWN;
    }
    if (c.func() instanceof Expr.Attribute a) {
      if (PREPARE_METHODS.contains(a.attr()) && c.args().size() == 1) {
        return isOptimizer(c.args().get(0), depth + 1) ? Verdict.YES : Verdict.UNKNOWN;
      }
      if (TorchApi.isOptimizerName(a.attr())) {
        return Verdict.YES;
      }
    }
    return Verdict.UNKNOWN;
  }

  /**
   * The paths of the models whose parameters an optimizer was built from ({@code netD} for
   * {@code Adam(netD.parameters())}), or null when that cannot be told.
   */
  Set<String> optimizerModels(Expr optimizer) {
    Expr.Call ctor = optimizerConstruction(optimizer, 0);
    if (ctor == null) {
      return null;
    }
    Expr params = !ctor.args().isEmpty() ? ctor.args().get(0) : null;
    for (Support.Keyword k : ctor.keywords()) {
      if ("params".equals(k.arg())) {
        params = k.value();
      }
    }
    if (params == null) {
      return null;
    }
    if (params instanceof Expr.Name pn) {
      List<Binding> bs = names.resolve(pn);
      if (bs.size() == 1 && bs.get(0).kind() == Binding.Kind.ASSIGN && bs.get(0).value() != null) {
        params = bs.get(0).value();
      }
    }
    Set<String> out = new HashSet<>();
    AstWalker.descend(params, n -> {
      if (n instanceof Expr.Call c) {
        String m = AstUtil.methodName(c);
        if ("parameters".equals(m) || "named_parameters".equals(m)) {
          String p = canonicalPath(AstUtil.receiver(c));
          if (p != null) {
            out.add(p);
          }
        }
      }
      return true;
    });
    return out.isEmpty() ? null : out;
  }

  /** Tensor methods that return the tensor itself or a copy of it. */
  private static final Set<String> TENSOR_SELF = Set.of("requires_grad_", "detach", "clone");

  /**
   * Whether an optimizer was built over a literal list of plain tensors ({@code Adam([image])},
   * {@code Adam([X.requires_grad_()])}, an adversarial input, a latent): it trains no network's parameters.
   */

  boolean optimizesTensorsOnly(Expr optimizer) {
    Expr.Call ctor = optimizerConstruction(optimizer, 0);
    if (ctor == null || ctor.args().isEmpty() || !(ctor.args().get(0) instanceof Expr.ListExpr
        || ctor.args().get(0) instanceof Expr.Tuple)) {
      return false;
    }
    boolean[] network = {false};
    AstWalker.descend(ctor.args().get(0), n -> {
      if (n instanceof Expr.Call c && c.func() instanceof Expr.Attribute a && TENSOR_SELF.contains(a.attr())) {
        return true; // X.requires_grad_(), X.detach().clone(): the tensor itself, looked at below
      }
      if (n instanceof Expr.Call || n instanceof Expr.Dict || n instanceof Expr.Starred
          || n instanceof Expr.Name nm && isModel(nm)) {
        network[0] = true;
      }
      return !network[0];
    });
    return !network[0];
  }

  /** The constructor call that built an optimizer ({@code torch.optim.SGD(...)}), or null. */
  Expr.Call optimizerConstruction(Expr e, int depth) {
    if (depth > MAX_DEPTH || e == null) {
      return null;
    }
    List<Assigned> values = new ArrayList<>();
    if (e instanceof Expr.Name n) {
      for (Binding b : names.resolve(n)) {
        if (b.kind() == Binding.Kind.ASSIGN) {
          values.add(new Assigned(b.value(), b.index()));
        }
      }
    } else if (e instanceof Expr.Attribute a) {
      List<Assigned> vals = selfAttribute(a);
      if (vals != null) {
        values.addAll(vals);
      }
    }
    for (Assigned v : values) {
      Expr val = v.value();
      if (v.index() >= 0) {
        if (val instanceof Expr.Tuple t && v.index() < t.elts().size()) {
          val = t.elts().get(v.index());
        } else if (val instanceof Expr.Call c && isPrepare(c) && v.index() < c.args().size()) {
          val = c.args().get(v.index());
        } else {
          continue;
        }
      }
      if (val instanceof Expr.Call c) {
        if (TorchApi.isOptimizerConstructor(names.qualifiedName(c.func()))) {
          return c;
        }
        if (isPrepare(c) && c.args().size() == 1) {
          return optimizerConstruction(c.args().get(0), depth + 1);
        }
      } else if (val instanceof Expr.Name || val instanceof Expr.Attribute) {
        Expr.Call inner = optimizerConstruction(val, depth + 1);
        if (inner != null) {
          return inner;
        }
      }
    }
    return null;
  }

  /** The access path of an expression, following a plain alias ({@code opt = self.optimizer}) once. */
  String canonicalPath(Expr e) {
    return canonicalPath(e, 0);
  }

  /**
   * Follows plain aliases and model wrappers: {@code model = net.to(device)},
   * {@code model = DDP(net)}, {@code opt = self.optimizer} give the path of what they wrap.
   */
  private String canonicalPath(Expr e, int depth) {
    if (depth < MAX_DEPTH && e instanceof Expr.Name n) {
      List<Binding> bs = names.resolve(n);
      if (bs.size() == 1 && bs.get(0).kind() == Binding.Kind.ASSIGN && bs.get(0).index() < 0) {
        Expr v = bs.get(0).value();
        Expr inner = null;
        if (v instanceof Expr.Attribute || v instanceof Expr.Name) {
          inner = v;
        } else if (v instanceof Expr.Call c && c.func() instanceof Expr.Attribute a
            && MODEL_PASSTHROUGH_METHODS.contains(a.attr()) && AstUtil.path(a.value()) != null) {
          inner = a.value();
        } else if (v instanceof Expr.Call c && !c.args().isEmpty()
            && WRAPPERS.contains(String.valueOf(names.qualifiedName(c.func())))) {
          inner = c.args().get(0);
        }
        if (inner != null && !(inner instanceof Expr.Name in && in.id().equals(n.id()))) {
          String p = canonicalPath(inner, depth + 1);
          if (p != null) {
            return p;
          }
        }
      }
    }
    return AstUtil.path(e);
  }

  /** Whether a name is a loop variable ({@code for opt in optimizers}). */
  boolean isLoopVariable(Expr e) {
    if (e instanceof Expr.Name n) {
      for (Binding b : names.resolve(n)) {
        if (b.kind() == Binding.Kind.FOR_TARGET || b.kind() == Binding.Kind.COMPREHENSION_TARGET) {
          return true;
        }
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- self attributes

  /**
   * The values assigned to {@code self.x} in the class of the method {@code a} appears in, or null when
   * {@code a} is not an attribute of {@code self}.
   */
  private List<Assigned> selfAttribute(Expr.Attribute a) {
    if (!calls.isSelf(a.value())) {
      return null;
    }
    Stmt.ClassDef cls = calls.classOfInstance(a.value(), 0);
    if (cls == null) {
      return null;
    }
    Map<String, List<Assigned>> attrs = selfAttributes.computeIfAbsent(cls, this::collectSelfAttributes);
    return attrs.getOrDefault(a.attr(), List.of());
  }

  private Map<String, List<Assigned>> collectSelfAttributes(Stmt.ClassDef cls) {
    Map<String, List<Assigned>> out = new HashMap<>();
    for (Stmt s : cls.body()) {
      if (!(s instanceof Stmt.FunctionDef f)) {
        continue;
      }
      AstWalker.walkAll(f.body(), n -> {
        if (n instanceof Stmt.Assign as) {
          for (Expr t : as.targets()) {
            record(out, t, as.value(), -1);
          }
        } else if (n instanceof Stmt.AnnAssign an && an.value() != null) {
          record(out, an.target(), an.value(), -1);
        }
      });
    }
    return out;
  }

  private void record(Map<String, List<Assigned>> out, Expr target, Expr value, int i) {
    if (target instanceof Expr.Attribute ta && calls.isSelf(ta.value())) {
      out.computeIfAbsent(ta.attr(), k -> new ArrayList<>()).add(new Assigned(value, i));
    } else if (target instanceof Expr.Tuple t) {
      for (int k = 0; k < t.elts().size(); k++) {
        record(out, t.elts().get(k), value, k);
      }
    } else if (target instanceof Expr.ListExpr l) {
      for (int k = 0; k < l.elts().size(); k++) {
        record(out, l.elts().get(k), value, k);
      }
    }
  }

  /** Whether {@code n} lies inside a node. */
  static boolean within(Node outer, Node n) {
    return outer.range().contains(n.range()) && outer.range().start() <= n.range().start();
  }
}
