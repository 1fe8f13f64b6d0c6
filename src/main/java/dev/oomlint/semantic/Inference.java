package dev.oomlint.semantic;

import dev.oomlint.ast.AstWalker;
import dev.oomlint.ast.ConstValue;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Mod;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.Operators;
import dev.oomlint.ast.Stmt;
import dev.oomlint.ast.Support;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds inference regions: model calls with grad mode not disabled, in code that runs no backward and
 * shows evaluation intent (an evaluation-named function, code after {@code model.eval()}, a loop over
 * evaluation data, or a script that never trains at all). Gradient-based code (input gradients,
 * {@code torch.autograd.grad}) is left alone.
 */
final class Inference {
  /** Calls that compute gradients themselves: code around them needs autograd on. */
  private static final Set<String> GRADIENT_APIS = Set.of("torch.autograd.grad", "torch.autograd.backward",
      "torch.func.grad", "torch.func.grad_and_value", "torch.func.vjp", "torch.func.jvp", "torch.func.jacrev",
      "torch.func.jacfwd", "torch.func.hessian", "torch.func.linearize", "functorch.grad", "functorch.vjp",
      "functorch.jvp", "functorch.jacrev", "functorch.jacfwd", "functorch.hessian",
      "functorch.grad_and_value");

  private final AstIndex index;
  private final Names names;
  private final CallGraph calls;
  private final GradModes modes;
  private final TorchObjects objects;
  private final Training training;
  private final GradFlow flow;
  private final Devices devices;
  private final String path;
  private List<InferenceRegion> regions;
  /** {@link #literalArgument}'s answers by function and parameter name, so that call sites are read once. */
  private final Map<Stmt.FunctionDef, Map<String, Boolean>> literalArguments = new IdentityHashMap<>();
  private Boolean loadsWeights;

  Inference(AstIndex index, Names names, CallGraph calls, GradModes modes, TorchObjects objects,
      Training training, GradFlow flow, Devices devices, String path) {
    this.index = index;
    this.names = names;
    this.calls = calls;
    this.modes = modes;
    this.objects = objects;
    this.training = training;
    this.flow = flow;
    this.devices = devices;
    this.path = path == null ? "" : path.replace('\\', '/');
  }

  /** Whether a call runs a model's forward pass (a frozen model's does not build a graph). */
  boolean isModelCall(Expr.Call c) {
    if (calls.resolve(c) != null || TorchApi.isTokenizerCall(c)) {
      return false; // a same-file function or method, or a tokenizer: not a model
    }
    Expr f = c.func();
    if (f instanceof Expr.Name callee && index.parent(c) instanceof Stmt.Assign a && a.targets().size() == 1
        && a.targets().get(0) instanceof Expr.Name t && t.id().equals(callee.id())) {
      return false; // trainer = trainer(plans, ...): a class or factory replaced by what it builds, not a forward pass
    }
    if (f instanceof Expr.Attribute a && TorchApi.FORWARD_METHODS.contains(a.attr())
        && objects.isModel(a.value())) {
      return !objects.isFrozen(a.value());
    }
    return objects.isModel(f) && !objects.isFrozen(f);
  }

  /** Methods that, given raw text, are an embedding library's own entry point. */
  private static final Set<String> TEXT_ENCODE_METHODS = Set.of("encode", "embed", "encode_queries",
      "encode_corpus", "encode_text");

  /**
   * Whether an {@code encode}/{@code embed} call hands raw text to the model
   * ({@code model.encode(sentences)}): a model that tokenizes by itself is an embedding library's
   * wrapper (sentence-transformers, remote-code embedders), whose {@code encode} runs under
   * {@code no_grad} itself.
   */
  private boolean encodesText(Expr.Call c) {
    return c.func() instanceof Expr.Attribute a && TEXT_ENCODE_METHODS.contains(a.attr()) && !c.args().isEmpty()
        && isText(c.args().get(0), 0);
  }

  /** Keys of a record that hold its text ({@code datum["text"]}). */
  private static final Set<String> TEXT_KEYS = Set.of("text", "sentence", "sentences", "prompt", "question",
      "query", "caption", "passage", "document", "content");

  /** Methods of {@code str} that return a string. */
  private static final Set<String> STR_METHODS = Set.of("format", "strip", "lower", "upper", "replace",
      "lstrip", "rstrip", "capitalize", "title");

  /**
   * Whether an expression is Python text or a list of it: string literals and f-strings,
   * {@code " ".join(...)}, {@code template.format(...)}, {@code datum["text"]}, lists and comprehensions
   * of those, and names bound only to such values (or to a list whose every append is text).
   */
  private boolean isText(Expr e, int depth) {
    if (e == null || depth > 4) {
      return false;
    }
    if (e instanceof Expr.Constant k) {
      return k.value() instanceof ConstValue.Str;
    }
    if (e instanceof Expr.JoinedStr) {
      return true;
    }
    if (e instanceof Expr.BinOp b && (b.op() == Operators.Operator.ADD
        || b.op() == Operators.Operator.MOD && b.left() instanceof Expr.Constant)) {
      return isText(b.left(), depth + 1) || b.op() == Operators.Operator.ADD && isText(b.right(), depth + 1);
    }
    if (e instanceof Expr.ListExpr l) {
      return !l.elts().isEmpty() && l.elts().stream().allMatch(x -> isText(x, depth + 1));
    }
    if (e instanceof Expr.ListComp lc) {
      return isText(lc.elt(), depth + 1);
    }
    if (e instanceof Expr.Subscript sub) {
      return sub.slice() instanceof Expr.Constant k && k.value() instanceof ConstValue.Str str
          && TEXT_KEYS.contains(str.value());
    }
    if (e instanceof Expr.Call call) {
      if (call.func() instanceof Expr.Name n && n.id().equals("str") && names.isUnbound(n)) {
        return true;
      }
      return call.func() instanceof Expr.Attribute a && (STR_METHODS.contains(a.attr())
          || a.attr().equals("join") && a.value() instanceof Expr.Constant k && k.value() instanceof ConstValue.Str);
    }
    if (e instanceof Expr.Name n) {
      List<Binding> bs = names.resolve(n);
      if (bs.isEmpty()) {
        return false;
      }
      for (Binding b : bs) {
        if (b.kind() != Binding.Kind.ASSIGN || b.index() >= 0) {
          return false;
        }
        if (b.value() instanceof Expr.ListExpr l && l.elts().isEmpty()) {
          if (!appendsText(n, depth)) {
            return false;
          }
        } else if (!isText(b.value(), depth + 1)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /** Whether the list a name holds is filled with text: it has appends in its scope, and each is text. */
  private boolean appendsText(Expr.Name n, int depth) {
    Scope scope = index.scope(n);
    boolean any = false;
    for (Expr.Call c : index.calls) {
      if (c.func() instanceof Expr.Attribute a && a.value() instanceof Expr.Name r && r.id().equals(n.id())
          && (a.attr().equals("append") || a.attr().equals("extend") || a.attr().equals("insert"))
          && index.scope(r) == scope) {
        if (c.args().isEmpty() || !isText(c.args().get(c.args().size() - 1), depth + 1)
            && !(a.attr().equals("extend") && isText(c.args().get(0), depth + 1))) {
          return false;
        }
        any = true;
      }
    }
    return any;
  }

  /**
   * Whether the call's input is a PyTorch 0.3 {@code Variable(x, volatile=True)}: code written for the
   * versions where volatile inputs turned autograd off for the whole forward pass (its
   * {@code loss.data[0]} fails on later ones), so nothing records there.
   */
  private boolean volatileInput(Expr.Call c) {
    for (Expr a : c.args()) {
      if (a instanceof Expr.Name n) {
        // in a loop, the bindings of this pass count (the loop's own target, or another loop's
        // binding of the same name, may still appear to reach the call when every branch rebinds it)
        Stmt loop = innermostLoop(c);
        boolean volatileSeen = false;
        boolean other = false;
        for (Binding b : names.reaching(n)) {
          if (modes.isVolatileVariable(b.value())) {
            volatileSeen = true;
          } else if (b.kind() != Binding.Kind.FOR_TARGET && (loop == null || b.statement() == null
              || loop.range().start() <= b.statement().range().start()
                  && b.statement().range().end() <= loop.range().end())) {
            other = true;
          }
        }
        if (volatileSeen && !other) {
          return true;
        }
      } else if (modes.isVolatileVariable(a)) {
        return true;
      }
    }
    return false;
  }

  /** The innermost loop around a node, within its function; or null. */
  private Stmt innermostLoop(Node n) {
    for (Node cur = index.parent(n); cur != null && !(cur instanceof Stmt.FunctionDef); cur = index.parent(cur)) {
      if (cur instanceof Stmt st && AstUtil.isLoop(st)) {
        return st;
      }
    }
    return null;
  }

  /**
   * Whether the model a model call runs is an instance of a project class whose {@code forward}
   * runs without grad (another file's fact: asked last, only of calls that would be reported).
   */
  private boolean forwardWithoutGrad(Expr.Call c) {
    Expr f = c.func();
    return modes.forwardWithoutGrad(f instanceof Expr.Attribute a && TorchApi.FORWARD_METHODS.contains(a.attr())
        ? a.value() : f);
  }

  /**
   * Whether a model call may hold GPU memory: the model or one of its inputs may be on a GPU (moved
   * there, loaded there with {@code device_map=}, prepared by an accelerator); where the file does not
   * show where the model came from (a parameter, an attribute set elsewhere), whether the file may use
   * CUDA at all. A CPU-only demo or a smoke test of a freshly built model holds no GPU memory.
   */
  private boolean mayRunOnGpu(Expr.Call c) {
    Expr model = c.func() instanceof Expr.Attribute a && TorchApi.FORWARD_METHODS.contains(a.attr())
        && objects.isModel(a.value()) ? a.value() : c.func();
    if (devices.callRunsOnCpu(c, model) || devices.inputsMovedToCpu(c) || movedToCpuByEveryCaller(model)) {
      return false; // built or loaded on the CPU in this cell or function, and not moved before the call
    }
    if (devices.mayBeOnGpu(model)) {
      return true;
    }
    for (Expr a : c.args()) {
      if (devices.mayBeOnGpu(a)) {
        return true;
      }
    }
    for (var k : c.keywords()) {
      if (devices.mayBeOnGpu(k.value())) {
        return true;
      }
    }
    return !objects.builtHere(model) && devices.fileUsesCuda();
  }

  /**
   * Whether a module-level function is handed to a dataset's {@code map}/{@code apply}
   * ({@code ds.map(embed, batched=True)}): it runs once per example or batch of the whole dataset.
   */
  private boolean mappedOverData(Stmt.FunctionDef f) {
    for (Expr.Call c : index.calls) {
      String m = AstUtil.methodName(c);
      if (m != null && (m.equals("map") || m.equals("apply") || m.equals("with_transform")) && !c.args().isEmpty()
          && c.args().get(0) instanceof Expr.Name n && n.id().equals(f.name())
          && names.resolve(n).stream().anyMatch(b -> b.node() == f || b.statement() == f)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a function is a step of a model's own forward pass: a same-file call runs it from
   * {@code forward}/{@code __call__}, directly or through other non-evaluation methods of its class
   * ({@code _forward_pitch_predictor}: "predictor" names a sub-network, trained with the rest).
   */
  private boolean partOfForward(Stmt.FunctionDef f, int depth) {
    Stmt.ClassDef cls = calls.enclosingClass(f);
    for (Expr.Call site : calls.callSites(f)) {
      Stmt.FunctionDef g = calls.enclosingFunction(site);
      if (g == null || g == f) {
        continue;
      }
      if (g.name().equals("forward") || g.name().equals("__call__")) {
        return true;
      }
      if (depth < 2 && cls != null && calls.enclosingClass(g) == cls && !TorchApi.isEvalFunctionName(g.name())
          && partOfForward(g, depth + 1)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The evaluation function a nested function belongs to: {@code f} is defined in an
   * evaluation-named function, is called only by that function's own code, and is handed nowhere else, so it runs as part of
   * that evaluation; null otherwise.
   */
  private Stmt.FunctionDef evalFunctionOfClosure(Stmt.FunctionDef f) {
    Stmt.FunctionDef outer = calls.enclosingFunction(f);
    if (outer == null || !TorchApi.isEvalFunctionName(outer.name()) || calls.escapes(f)
        || calls.callSites(f).isEmpty() || skipFunction(outer)) {
      return null;
    }
    for (Expr.Call site : calls.callSites(f)) {
      if (calls.enclosingFunction(site) != outer) {
        return null; // called from another closure, which may be handed to a sampler that disables grad
      }
    }
    return outer;
  }

  /** Whether a function name says it draws samples ({@code sample}, {@code sample_images}, {@code sampling}). */
  private static boolean isSamplingName(String id) {
    List<String> ws = TorchApi.words(id);
    return !ws.isEmpty() && (ws.get(0).equals("sample") || ws.get(0).equals("sampling")
        || ws.get(0).equals("generate") && ws.size() > 1 && ws.get(1).startsWith("sample"));
  }

  /** torch functions that make a tensor from literal values or a literal shape. */
  private static final Set<String> TENSOR_MAKERS = Set.of("torch.tensor", "torch.as_tensor", "torch.randn",
      "torch.rand", "torch.zeros", "torch.ones", "torch.randint", "torch.arange", "torch.full", "torch.empty",
      "torch.linspace", "torch.LongTensor", "torch.FloatTensor", "torch.IntTensor", "torch.Tensor");

  /**
   * A smoke test: one forward pass, outside any loop of its unit, on synthetic inputs only (literal
   * token ids, {@code torch.randn(1, 3, 32, 32)}). It checks shapes; its graph is one tiny forward,
   * freed with the result, and nothing is iterated over data.
   */
  private boolean smokeCall(Node unit, Expr.Call c) {
    if (c.args().isEmpty() && c.keywords().isEmpty()) {
      return false;
    }
    for (Node cur = index.parent(c); cur != null && cur != unit; cur = index.parent(cur)) {
      if (AstUtil.isLoop(cur) || cur instanceof Expr.ListComp || cur instanceof Expr.GeneratorExp
          || cur instanceof Expr.DictComp || cur instanceof Expr.SetComp || cur instanceof Expr.Lambda) {
        return false;
      }
    }
    for (Expr a : c.args()) {
      if (!synthetic(a, 0)) {
        return false;
      }
    }
    for (var k : c.keywords()) {
      if (!synthetic(k.value(), 0)) {
        return false; // model(**inputs): a dict of literal tensors is synthetic too
      }
    }
    return true;
  }

  /** Whether a value is built from literals alone: constants, literal lists, tensors made from them. */
  private boolean synthetic(Expr e, int depth) {
    if (e == null || depth > 16) {
      return false;
    }
    if (e instanceof Expr.Constant) {
      return true;
    }
    if (e instanceof Expr.ListExpr l) {
      return l.elts().stream().allMatch(x -> synthetic(x, depth));
    }
    if (e instanceof Expr.Tuple t) {
      return t.elts().stream().allMatch(x -> synthetic(x, depth));
    }
    if (e instanceof Expr.Dict d) {
      return !d.values().isEmpty() && d.keys().stream().allMatch(x -> x instanceof Expr.Constant)
          && d.values().stream().allMatch(x -> synthetic(x, depth));
    }
    if (e instanceof Expr.BinOp b) {
      return synthetic(b.left(), depth) && synthetic(b.right(), depth);
    }
    if (e instanceof Expr.UnaryOp u) {
      return synthetic(u.operand(), depth);
    }
    if (e instanceof Expr.Subscript sub) {
      return synthetic(sub.value(), depth);
    }
    if (e instanceof Expr.ListComp lc) {   // [vocab.stoi[t] for t in tokens] of literal text: looked up item by item
      return lc.generators().stream().allMatch(g -> synthetic(g.iter(), depth + 1));
    }
    if (e instanceof Expr.Name n) {
      List<Binding> bs = names.reaching(n);   // tokens = [stoi[t] for t in tokens]: the assignment before
      if (bs.isEmpty()) {
        bs = names.resolve(n);
      }
      if (bs.isEmpty()) {
        return false;
      }
      for (Binding b : bs) {
        if (b.kind() == Binding.Kind.PARAMETER && bs.size() == 1) {
          return literalArgument(n, b, depth + 1);
        }
        if (b.kind() == Binding.Kind.ASSIGN && b.index() < 0 && b.value() instanceof Expr.ListComp lc
            && !lc.generators().isEmpty() && lc.generators().get(0).iter() instanceof Expr.Name it
            && it.id().equals(n.id()) && bs.size() > 1) {
          continue;   // tokens = [stoi[t] for t in tokens]: made from the name's other values
        }
        if (b.kind() == Binding.Kind.ASSIGN && b.index() >= 0 && b.value() instanceof Expr.Tuple t
            && b.index() < t.elts().size() && synthetic(t.elts().get(b.index()), depth + 1)) {
          continue;   // question, text = "What is east of the hallway?", "The kitchen is ..."
        }
        if (b.kind() != Binding.Kind.ASSIGN || b.index() >= 0 || !synthetic(b.value(), depth + 1)) {
          return false;
        }
      }
      return true;
    }
    if (e instanceof Expr.Call call) {
      String q = names.qualifiedName(call.func());
      if (q != null && TENSOR_MAKERS.contains(q)) {
        return call.args().stream().allMatch(x -> synthetic(x, depth + 1));
      }
      // a tokenizer run on literal text: tokenizer("Hello, my dog is", return_tensors="pt"), or one a
      // factory makes: get_tokenizer("basic_english")(sentence)
      String callee = AstUtil.lastName(call.func() instanceof Expr.Call made ? made.func() : call.func());
      if (callee != null && callee.toLowerCase(java.util.Locale.ROOT).contains("tokenizer") && !call.args().isEmpty()
          && call.args().stream().allMatch(x -> synthetic(x, depth + 1))
          && call.keywords().stream().allMatch(k -> k.value() instanceof Expr.Constant)) {
        return true;
      }
      // a method of a synthetic tensor: .unsqueeze(0), .to(device), .long()
      return q == null && call.func() instanceof Expr.Attribute a && synthetic(a.value(), depth + 1);
    }
    return false;
  }

  /**
   * Whether a module-level function's parameter gets a literal at every call of the function in the
   * file, and the function is called ({@code sentiment_inference(model, "This film is horrible")}).
   */
  private boolean literalArgument(Expr.Name use, Binding parameter, int depth) {
    Stmt.FunctionDef f = calls.moduleFunctionOf(use, parameter);
    if (f == null) {
      return false;
    }
    Map<String, Boolean> known = literalArguments.computeIfAbsent(f, k -> new java.util.HashMap<>());
    Boolean answer = known.get(parameter.name());
    if (answer == null) {
      known.put(parameter.name(), false);   // while the call sites are read: a cycle through them is no literal
      answer = literalAtEveryCall(f, parameter.name(), depth);
      known.put(parameter.name(), answer);
    }
    return answer;
  }

  /**
   * Whether the model is a parameter of a module-level function every call of which passes a name
   * last bound to that model moved to the CPU ({@code classifier = classifier.to("cpu")} before
   * {@code predict_nationality(surname, classifier, vectorizer)}): the forward pass runs on the CPU.
   */
  private boolean movedToCpuByEveryCaller(Expr model) {
    List<Binding> bs = model instanceof Expr.Name use ? names.resolve(use) : List.of();
    Stmt.FunctionDef f = bs.size() == 1 ? calls.moduleFunctionOf((Expr.Name) model, bs.get(0)) : null;
    return f != null && !calls.callSites(f).isEmpty() && calls.everyCallGives(f, bs.get(0).name(),
        given -> given instanceof Expr.Name g && devices.movedToCpu(g));
  }

  private boolean literalAtEveryCall(Stmt.FunctionDef f, String name, int depth) {
    return !calls.callSites(f).isEmpty()
        && calls.everyCallGives(f, name, given -> given != null && synthetic(given, depth + 1));
  }

  List<InferenceRegion> regions() {
    if (regions == null) {
      regions = new ArrayList<>();
      if (SemanticModel.isTestPath(path)) {
        return regions;
      }
      boolean script = isScript();
      for (Stmt.FunctionDef f : index.functions) {
        unit(f, f.body(), script);
      }
      unit(index.module(), index.module().body(), script);
      regions.sort((a, b) -> Integer.compare(a.firstModelCall().range().start(),
          b.firstModelCall().range().start()));
    }
    return regions;
  }

  private void unit(Node u, List<Stmt> body, boolean script) {
    Stmt.FunctionDef f = u instanceof Stmt.FunctionDef fd ? fd : null;
    if (f != null && skipFunction(f)) {
      return;
    }
    List<Node> roots = ownCode(body);
    List<Expr.Call> modelCalls = new ArrayList<>();
    for (Node r : roots) {
      AstWalker.descend(r, n -> {
        if (n instanceof Stmt.FunctionDef || n instanceof Stmt.ClassDef) {
          return false;
        }
        if (n instanceof Expr.Call c && isModelCall(c) && modes.mode(c) == GradMode.ENABLED && mayRunOnGpu(c)
            && !smokeCall(u, c) && !volatileInput(c) && !encodesText(c) && !forwardWithoutGrad(c)) {
          modelCalls.add(c);
        }
        return true;
      });
    }
    if (modelCalls.isEmpty()) {
      return;
    }
    modelCalls.sort((a, b) -> Integer.compare(a.range().start(), b.range().start()));
    if (training.runsBackward(roots)) {
      evalLoopsInTrainingCode(u, modelCalls);
      return;
    }
    if (gradientBased(roots)) {
      return;
    }
    if (f != null && index.parent(f) instanceof Mod.Module && mappedOverData(f)) {
      regions.add(new InferenceRegion(InferenceRegion.Kind.FUNCTION, f, modelCalls.get(0),
          "in `" + f.name() + "`, mapped over a dataset"));
      return;
    }
    if (f != null && training.fileTrains() && isSamplingName(f.name())) {
      regions.add(new InferenceRegion(InferenceRegion.Kind.FUNCTION, f, modelCalls.get(0),
          "in `" + f.name() + "`, a sampling function of a training script"));
      return;
    }
    if (f != null && TorchApi.isEvalFunctionName(f.name()) && !partOfForward(f, 0)) {
      regions.add(new InferenceRegion(InferenceRegion.Kind.FUNCTION, f, modelCalls.get(0),
          "in `" + f.name() + "`, an evaluation function"));
      return;
    }
    Stmt.FunctionDef outer = f == null ? null : evalFunctionOfClosure(f);
    if (outer != null) {
      regions.add(new InferenceRegion(InferenceRegion.Kind.FUNCTION, f, modelCalls.get(0),
          "in `" + f.name() + "`, a helper of the evaluation function `" + outer.name() + "`"));
      return;
    }
    if (!training.fileTrains() && script && loadsWeights() && (f == null || index.parent(f) instanceof Mod.Module)) {
      if (f != null) {
        regions.add(new InferenceRegion(InferenceRegion.Kind.FUNCTION, f, modelCalls.get(0),
            "in a script that never trains"));
      } else {
        regions.add(around(u, modelCalls.get(0), "in a script that never trains"));
      }
      return;
    }
    Set<Expr.Call> covered = Collections.newSetFromMap(new IdentityHashMap<>());
    Stmt evalStmt = firstEvalCall(roots);
    if (evalStmt != null) {
      List<Expr.Call> after = new ArrayList<>();
      for (Expr.Call c : modelCalls) {
        if (c.range().start() >= evalStmt.range().end()) {
          after.add(c);
        }
      }
      if (!after.isEmpty()) {
        String why = "after the model was switched to eval mode";
        if (f != null && AstUtil.containsNode(f.body(), evalStmt) && after.size() == modelCalls.size()) {
          regions.add(new InferenceRegion(InferenceRegion.Kind.FUNCTION, f, after.get(0), why));
          return;
        }
        regions.add(around(u, after.get(0), why));
        covered.addAll(after);
      }
    }
    for (Expr.Call c : modelCalls) {
      if (covered.contains(c)) {
        continue;
      }
      Stmt.For loop = outermostEvalDataLoop(u, c);
      if (loop == null) {
        continue;
      }
      regions.add(new InferenceRegion(InferenceRegion.Kind.LOOP, loop, c,
          "in a loop over `" + evalDataName(loop.iter()) + "`"));
      for (Expr.Call other : modelCalls) {
        if (TorchObjects.within(loop, other)) {
          covered.add(other);
        }
      }
    }
  }

  /**
   * In code that trains, only loops over evaluation data can be inference regions: the loop itself
   * runs no backward and needs no gradients, and nothing it computes flows into a backward later.
   */
  private void evalLoopsInTrainingCode(Node u, List<Expr.Call> modelCalls) {
    Set<String> backprop = null;
    Set<Stmt.For> done = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Expr.Call c : modelCalls) {
      Stmt.For loop = outermostEvalDataLoop(u, c);
      if (loop == null || !done.add(loop)) {
        continue;
      }
      List<Node> body = new ArrayList<>(loop.body());
      if (training.runsBackward(body) || gradientBased(body)) {
        continue;
      }
      if (backprop == null) {
        backprop = flow.backpropRelated(u);
      }
      if (flowsIntoBackward(u, loop, backprop)) {
        continue;
      }
      regions.add(new InferenceRegion(InferenceRegion.Kind.LOOP, loop, c,
          "in a loop over `" + evalDataName(loop.iter()) + "`"));
    }
  }

  /**
   * Whether a value the loop assigns can reach a backward: a name it stores that the unit's backward
   * closure mentions, and that is read after the loop (or, in an enclosing loop, read before being
   * stored again in the next iteration) before anything else is stored in it.
   */
  private boolean flowsIntoBackward(Node unit, Stmt.For loop, Set<String> backprop) {
    Set<String> stored = new java.util.HashSet<>();
    AstWalker.descend(loop, n -> {
      String p = storedPath(n);
      if (p != null && backprop.contains(p)) {
        stored.add(p);
      }
      return true;
    });
    if (stored.isEmpty()) {
      return false;
    }
    List<Stmt> unitBody = unit instanceof Stmt.FunctionDef f ? f.body() : ((Mod.Module) unit).body();
    for (String p : stored) {
      if (firstIsRead(unitBody, p, loop.range().end(), Integer.MAX_VALUE)) {
        return true;
      }
      for (Node cur = index.parent(loop); cur != null && cur != unit; cur = index.parent(cur)) {
        if (AstUtil.isLoop(cur) && firstIsRead(AstUtil.loopBody((Stmt) cur), p, cur.range().start(),
            loop.range().start())) {
          return true;
        }
      }
    }
    return false;
  }

  /** The path a node stores to ({@code x = ...}, {@code self.x = ...}, {@code xs.append(...)}), or null. */
  private static String storedPath(Node n) {
    if (n instanceof Expr.Name nm && nm.ctx() == Operators.ExprContext.STORE) {
      return nm.id();
    }
    if (n instanceof Expr.Attribute a && a.ctx() == Operators.ExprContext.STORE) {
      return AstUtil.path(a);
    }
    if (n instanceof Expr.Call c && c.func() instanceof Expr.Attribute a
        && (a.attr().equals("append") || a.attr().equals("extend"))) {
      return AstUtil.path(a.value());
    }
    return null;
  }

  /**
   * Whether, among the occurrences of {@code path} in {@code body} within [from, to), the first is a
   * read (an augmented assignment reads).
   */
  private boolean firstIsRead(List<Stmt> body, String path, int from, int to) {
    int[] best = {Integer.MAX_VALUE};
    boolean[] read = {false};
    for (Stmt s : body) {
      AstWalker.descend(s, n -> {
        if (n instanceof Stmt.FunctionDef || n instanceof Stmt.ClassDef) {
          return false;
        }
        boolean isLoad = n instanceof Expr.Name nm && nm.id().equals(path) && nm.ctx() == Operators.ExprContext.LOAD
            || n instanceof Expr.Attribute a && a.ctx() == Operators.ExprContext.LOAD && path.equals(AstUtil.path(a))
            || n instanceof Expr.Call && path.equals(storedPath(n));
        boolean isStore = !isLoad && path.equals(storedPath(n));
        if (!isLoad && !isStore) {
          return true;
        }
        int pos = n.range().start();
        if (pos < from || pos >= to) {
          return true;
        }
        // a store takes effect after its statement's right-hand side has been read
        int at = pos;
        if (isStore) {
          Node st = n;
          while (st != null && !(st instanceof Stmt)) {
            st = index.parent(st);
          }
          if (st instanceof Stmt.AugAssign) {
            isLoad = true;
          } else if (st != null && !(st instanceof Stmt.For)) {
            at = st.range().end();
          }
        }
        if (at >= best[0]) {
          return true;
        }
        best[0] = at;
        read[0] = isLoad;
        return true;
      });
    }
    return read[0];
  }

  private boolean skipFunction(Stmt.FunctionDef f) {
    if (f.name().equals("forward") || f.name().equals("__call__")) {
      return true;
    }
    Stmt.ClassDef cls = calls.enclosingClass(f);
    if (cls != null && (calls.isModuleClass(cls) || calls.isLightningModule(cls))) {
      return true;
    }
    if (f.name().endsWith("_step") && cls != null && hasFrameworkBase(cls)) {
      return true; // a step hook of a framework class (its trainer decides the grad mode)
    }
    return false;
  }

  /** Whether a class derives from a class defined elsewhere (other than {@code object}). */
  private boolean hasFrameworkBase(Stmt.ClassDef cls) {
    return hasFrameworkBase(cls, 0);
  }

  private boolean hasFrameworkBase(Stmt.ClassDef cls, int depth) {
    if (depth > 8) {
      return false;
    }
    for (Expr b : cls.bases()) {
      Stmt.ClassDef same = calls.sameFileClass(b);
      if (same == null && !(b instanceof Expr.Name n && n.id().equals("object"))
          || same != null && hasFrameworkBase(same, depth + 1)) {
        return true;
      }
    }
    return false;
  }

  /** A unit's own statements: for the module, everything outside defs and classes. */
  private static List<Node> ownCode(List<Stmt> body) {
    List<Node> out = new ArrayList<>();
    for (Stmt s : body) {
      if (!(s instanceof Stmt.FunctionDef) && !(s instanceof Stmt.ClassDef)) {
        out.add(s);
      }
    }
    return out;
  }

  /** Input gradients, {@code torch.autograd.grad}, re-enabled grad: code that needs autograd on. */
  /**
   * Whether code computes gradients itself ({@code torch.autograd.grad}, {@code requires_grad_()},
   * reading {@code .grad}, {@code register_hook}): autograd is on there on purpose.
   */
  boolean computesGradients(List<Stmt> body) {
    return gradientBased(new ArrayList<>(body));
  }

  private boolean gradientBased(List<Node> roots) {
    boolean[] found = {false};
    for (Node r : roots) {
      AstWalker.descend(r, n -> {
        if (found[0] || n instanceof Stmt.FunctionDef || n instanceof Stmt.ClassDef) {
          return false;
        }
        if (n instanceof Expr.Call c) {
          String m = AstUtil.methodName(c);
          String q = names.qualifiedName(c.func());
          if ("requires_grad_".equals(m) && !isFalseArg(c) || "register_hook".equals(m)
              || q != null && (GRADIENT_APIS.contains(q) || q.startsWith("torch.autograd.functional.")
              || q.startsWith("torch.autograd.forward_ad.") || TorchApi.ENABLE_GRAD.contains(q))) {
            found[0] = true;
          }
        } else if (n instanceof Expr.Attribute a && a.attr().equals("grad")
            && a.ctx() == Operators.ExprContext.LOAD) {
          found[0] = true;
        } else if (n instanceof Stmt.Assign as && as.value() instanceof Expr.Constant k
            && k.value() instanceof ConstValue.Bool b && b.value()) {
          for (Expr t : as.targets()) {
            if (t instanceof Expr.Attribute at && at.attr().equals("requires_grad")) {
              found[0] = true;
            }
          }
        }
        if (n instanceof Expr.Call c) {
          for (var k : c.keywords()) {
            if ("requires_grad".equals(k.arg()) && k.value() instanceof Expr.Constant kc
                && kc.value() instanceof ConstValue.Bool b && b.value()) {
              found[0] = true;
            }
          }
        }
        return !found[0];
      });
    }
    return found[0];
  }

  private static boolean isFalseArg(Expr.Call c) {
    return !c.args().isEmpty() && c.args().get(0) instanceof Expr.Constant k
        && k.value() instanceof ConstValue.Bool b && !b.value();
  }

  /** The first {@code model.eval()} statement among a unit's own statements (any depth), or null. */
  private Stmt firstEvalCall(List<Node> roots) {
    Stmt[] found = {null};
    for (Node r : roots) {
      AstWalker.descend(r, n -> {
        if (found[0] != null || n instanceof Stmt.FunctionDef || n instanceof Stmt.ClassDef) {
          return false;
        }
        if (n instanceof Stmt.ExprStmt es && es.value() instanceof Expr.Call c
            && "eval".equals(AstUtil.methodName(c)) && c.args().isEmpty()
            && objects.isModel(AstUtil.receiver(c))) {
          found[0] = es;
        }
        return true;
      });
      if (found[0] != null) {
        break;
      }
    }
    return found[0];
  }

  /** The region to wrap around a call: its outermost enclosing loop in the unit, else its statement. */
  private InferenceRegion around(Node unit, Expr.Call call, String why) {
    Node cur = call;
    Stmt stmt = null;
    Stmt loop = null;
    while (cur != null && cur != unit) {
      if (cur instanceof Stmt s) {
        if (stmt == null) {
          stmt = s;
        }
        if (AstUtil.isLoop(s)) {
          loop = s;
        }
      }
      cur = index.parent(cur);
    }
    if (loop != null) {
      return new InferenceRegion(InferenceRegion.Kind.LOOP, loop, call, why);
    }
    return new InferenceRegion(InferenceRegion.Kind.STATEMENT, stmt, call, why);
  }

  private Stmt.For outermostEvalDataLoop(Node unit, Expr.Call c) {
    Stmt.For found = null;
    Node cur = index.parent(c);
    while (cur != null && cur != unit) {
      if (cur instanceof Stmt.For f && evalDataName(f.iter()) != null && TorchObjects.within(f, c)
          && !TorchObjects.within(f.iter(), c)) {
        found = f;
      }
      cur = index.parent(cur);
    }
    return found;
  }

  /** The evaluation-data name a loop iterates ({@code val_loader} in {@code enumerate(val_loader)}), or null. */
  static String evalDataName(Expr iter) {
    String[] found = {null};
    AstWalker.descend(iter, n -> {
      if (found[0] != null || n instanceof Expr.Lambda) {
        return false;
      }
      String id = n instanceof Expr.Name nm ? nm.id() : n instanceof Expr.Attribute a ? a.attr() : null;
      if (id != null && TorchApi.isEvalDataName(id)) {
        found[0] = id;
      }
      if (n instanceof Expr.Subscript s && s.slice() instanceof Expr.Constant k && k.value() instanceof ConstValue.Str str
          && TorchApi.isEvalDataName(str.value())) {
        found[0] = AstUtil.lastName(s.value()) + "['" + str.value() + "']";
      }
      return true;
    });
    return found[0];
  }

  /**
   * Whether the file loads trained weights ({@code torch.load}, {@code load_state_dict},
   * {@code from_pretrained}, {@code weights=...}, {@code pretrained=True}): what an inference script
   * does, and a smoke test of a freshly built model ({@code print(Net()(x).shape)}) does not.
   */
  private boolean loadsWeights() {
    if (loadsWeights == null) {
      boolean found = false;
      for (Expr.Call c : index.calls) {
        String q = names.qualifiedName(c.func());
        String m = AstUtil.methodName(c);
        if (q != null && (q.equals("torch.load") || q.equals("torch.jit.load") || q.equals("torch.hub.load")
            || q.startsWith("safetensors.") || q.equals("torch.export.load"))
            || m != null && (m.equals("load_state_dict") || m.equals("from_pretrained")
            || m.equals("load_from_checkpoint") || m.equals("from_single_file") || m.equals("load_checkpoint"))) {
          found = true;
        }
        for (var k : c.keywords()) {
          if ("weights".equals(k.arg()) && !(k.value() instanceof Expr.Constant kc && kc.value() == ConstValue.Singleton.NONE)
              || "pretrained".equals(k.arg()) && k.value() instanceof Expr.Constant kc2
              && kc2.value() instanceof ConstValue.Bool b && b.value()) {
            found = true;
          }
        }
        if (found) {
          break;
        }
      }
      loadsWeights = found;
    }
    return loadsWeights;
  }

  private boolean isScript() {
    for (Stmt s : index.module().body()) {
      if (s instanceof Stmt.If i && i.test() instanceof Expr.Compare cmp
          && cmp.left() instanceof Expr.Name n && n.id().equals("__name__")) {
        return true;
      }
    }
    boolean[] found = {false};
    for (Node r : ownCode(index.module().body())) {
      AstWalker.descend(r, n -> {
        if (found[0] || n instanceof Stmt.FunctionDef || n instanceof Stmt.ClassDef) {
          return false;
        }
        if (n instanceof Expr.Call c && isModelCall(c)) {
          found[0] = true;
        }
        return true;
      });
    }
    return found[0];
  }
}
