package dev.oomlint.rules.checks;

import dev.oomlint.ast.AstWalker;
import dev.oomlint.ast.ConstValue;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.Operators;
import dev.oomlint.ast.Stmt;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.diagnostics.Edit;
import dev.oomlint.diagnostics.Fix;
import dev.oomlint.rules.FixSafety;
import dev.oomlint.rules.Level;
import dev.oomlint.rules.Rule;
import dev.oomlint.rules.RuleContext;
import dev.oomlint.rules.RuleInfo;
import dev.oomlint.rules.edits.ExprEdits;
import dev.oomlint.semantic.AstUtil;
import dev.oomlint.semantic.Binding;
import dev.oomlint.semantic.Calls;
import dev.oomlint.semantic.Containers;
import dev.oomlint.semantic.GradMode;
import dev.oomlint.semantic.InferenceRegion;
import dev.oomlint.semantic.Iterations;
import dev.oomlint.semantic.SemanticModel;
import dev.oomlint.semantic.TrainingIteration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * OOM302: in evaluation or inference code, model outputs are kept in a container across the loop
 * while still on the GPU, so GPU memory grows with the size of the dataset.
 */
@RuleInfo(code = "OOM302", name = "gpu-outputs-accumulated",
    summary = "Model outputs are collected across an evaluation or inference loop while still on the GPU.",
    level = Level.WARNING, fix = FixSafety.SOMETIMES, precision = "high",
    mentions = "cuda|device|prepare|setup", enabledByDefault = false)
public final class GpuOutputsAccumulated implements Rule {
  private static final int MAX_DEPTH = 10;
  /** Methods whose result is on the host or a Python value. */
  private static final Set<String> TO_HOST = Set.of("cpu", "item", "tolist", "numpy");
  /** Methods whose result is an index, a boolean or a count: a few bytes per sample at most. */
  private static final Set<String> INDEX_RESULT = Set.of("argmax", "argmin", "argsort", "eq", "ne", "lt", "gt",
      "le", "ge", "equal", "allclose", "isclose", "isnan", "isinf", "isfinite", "nonzero", "count_nonzero",
      "any", "all", "size", "dim", "numel", "long", "int", "bool", "shape");
  /** Reductions: with no dimension they give one number. */
  private static final Set<String> REDUCTIONS = Set.of("sum", "mean", "max", "min", "std", "var", "norm",
      "prod", "amax", "amin", "median", "logsumexp", "nansum", "nanmean");
  /** Attributes that are not the output's data. */
  private static final Set<String> META_ATTRIBUTES = Set.of("shape", "device", "dtype", "ndim", "grad",
      "requires_grad", "is_cuda", "grad_fn", "layout", "names");
  /** Model-output fields that are tensors (so {@code .cpu()} applies). */
  private static final Set<String> TENSOR_FIELDS = Set.of("logits", "last_hidden_state", "pooler_output",
      "loss", "sample", "prev_sample", "pred_original_sample", "image_embeds", "text_embeds", "start_logits",
      "end_logits", "embeddings", "pred_boxes", "pred_masks");
  /** Tensor methods that return a tensor on the same device. */
  private static final Set<String> TENSOR_METHODS = Set.of("softmax", "log_softmax", "sigmoid", "tanh", "relu",
      "float", "half", "double", "bfloat16", "detach", "clone", "contiguous", "view", "reshape", "squeeze",
      "unsqueeze", "permute", "transpose", "flatten", "exp", "log", "abs", "clamp", "round", "t", "to",
      "type", "view_as", "expand", "repeat", "narrow", "split", "chunk", "masked_fill", "mul", "div", "add",
      "sub", "pow", "sqrt", "normalize", "topk", "sort", "gather", "index_select", "squeeze_", "unsqueeze_");

  @Override
  public void check(RuleContext ctx) {
    SemanticModel sm = ctx.semantic();
    if (sm.isOtherFramework() || !sm.usesGpu()) {
      return;
    }
    for (Expr.Call c : sm.calls()) {
      String m = AstUtil.methodName(c);
      if (m == null || !Containers.ADDERS.contains(m) || sm.qualifiedName(c.func()) != null || sm.resolveCall(c) != null) {
        continue;
      }
      Expr value = Calls.argument(c, m.equals("insert") ? 1 : 0, null);
      if (value != null) {
        check(ctx, sm, AstUtil.receiver(c), value, c, m.equals("extend"), null);
      }
    }
    List<Stmt> statements = sm.statements();
    for (int i = 0; i < statements.size(); i++) {
      if (statements.get(i) instanceof Stmt.Assign a && a.targets().size() == 1
          && a.targets().get(0) instanceof Expr.Subscript sub
          && !(sub.slice() instanceof Expr.Slice) && Containers.isDictOrList(sm, sub.value())) {
        check(ctx, sm, sub.value(), a.value(), a, false, sub.slice());
      }
    }
  }

  private void check(RuleContext ctx, SemanticModel sm, Expr container, Expr value, Node site, boolean extend,
      Expr key) {
    Stmt loop = Iterations.innermostLoop(sm, site);
    if (loop == null || container == null || sm.isTrainingLoop(loop) || skipLoop(sm, loop, container)) {
      return;
    }
    if (AstUtil.path(container) == null || !TrainingIteration.ofLoop(sm, loop).outlivesIteration(container, site) || key != null && !variesPerIteration(sm, key, loop)) {
      return;
    }
    List<Expr> parts = new ArrayList<>();
    if (!extend && (value instanceof Expr.Tuple || value instanceof Expr.ListExpr)) {
      for (Node k : dev.oomlint.ast.Nodes.children(value)) {
        if (k instanceof Expr e && !(e instanceof Expr.Starred)) {
          parts.add(e);
        }
      }
    } else {
      parts.add(value);
    }
    List<Expr> onGpu = new ArrayList<>();
    Expr.Call modelCall = null;
    for (Expr p : parts) {
      Expr.Call mc = modelOutput(sm, p, loop, 0);
      if (mc != null) {
        onGpu.add(p);
        modelCall = modelCall == null ? mc : modelCall;
      }
    }
    if (onGpu.isEmpty() || !evaluationIntent(sm, loop, modelCall)) {
      return;
    }
    if (sm.onlyTinyNetworks()) {
      return;   // a toy network's outputs over a toy dataset: megabytes
    }
    boolean gradOff = sm.gradMode(site) == GradMode.DISABLED;
    String suffix = gradOff ? ".cpu()" : ".detach().cpu()";
    Expr focus = onGpu.get(0);
    String v = ExprEdits.text(ctx.file(), focus);
    String box = ExprEdits.text(ctx.file(), container);
    String moved = (ExprEdits.isPrimary(focus) ? v : "(" + v + ")") + suffix;
    String message = "`" + v + "` (a model output) is kept in `" + box + "` across the loop while still on the"
        + " GPU, so GPU memory grows with every batch of the dataset; store `" + moved + "` (or reduce it to"
        + " numbers with `.item()`/`.tolist()`) instead.";
    ctx.report(new Diagnostic(ctx.code(), message, site.range(), fix(sm, onGpu, suffix)));
  }

  /**
   * {@code .cpu()} on each stored output: safe when the value is surely a tensor; unsafe when it is a
   * model's return value as such, which may be a tuple or a model-output object without {@code .cpu()}.
   */
  private static Fix fix(SemanticModel sm, List<Expr> parts, String suffix) {
    List<Edit> edits = new ArrayList<>();
    boolean safe = true;
    for (Expr p : parts) {
      if (!isTensor(sm, p, 0)) {
        if (!isModelReturn(sm, p, 0)) {
          return null;
        }
        safe = false;
      }
      edits.addAll(ExprEdits.suffix(p, suffix));
    }
    return new Fix("Move the stored output to the CPU",
        safe ? dev.oomlint.diagnostics.Applicability.SAFE : dev.oomlint.diagnostics.Applicability.UNSAFE, edits);
  }

  /** A model call, or a name bound to one. */
  private static boolean isModelReturn(SemanticModel sm, Expr e, int depth) {
    if (e instanceof Expr.Call c) {
      return sm.isForwardCall(c);
    }
    if (e instanceof Expr.Name n && depth < MAX_DEPTH) {
      List<Binding> bs = sm.resolve(n);
      return bs.size() == 1 && bs.get(0).kind() == Binding.Kind.ASSIGN && bs.get(0).index() < 0
          && bs.get(0).value() != null && isModelReturn(sm, bs.get(0).value(), depth + 1);
    }
    return false;
  }

  // ------------------------------------------------------------------ the stored value

  /**
   * The model call (inside {@code loop}) whose output {@code e} still is or holds on the device, or null:
   * null when {@code e} was moved to the host, reduced to indices or numbers, or is not known to come
   * from a model run in this iteration.
   */
  private static Expr.Call modelOutput(SemanticModel sm, Expr e, Stmt loop, int depth) {
    if (e == null || depth > MAX_DEPTH) {
      return null;
    }
    if (e instanceof Expr.Call c) {
      if (sm.isForwardCall(c)) {
        return loop.range().contains(c.range()) ? c : null;
      }
      String q = sm.qualifiedName(c.func());
      String m = AstUtil.methodName(c);
      if (q != null) {
        if (!q.startsWith("torch.") || c.args().isEmpty()) {
          return null;
        }
        String last = q.substring(q.lastIndexOf('.') + 1);
        if (INDEX_RESULT.contains(last) || REDUCTIONS.contains(last) && c.args().size() == 1 && c.keywords().isEmpty()) {
          return null;
        }
        if (last.equals("cat") || last.equals("stack")) {
          Expr first = c.args().get(0);
          if (first instanceof Expr.ListExpr || first instanceof Expr.Tuple) {
            for (Node k : dev.oomlint.ast.Nodes.children(first)) {
              Expr.Call mc = k instanceof Expr ke ? modelOutput(sm, ke, loop, depth + 1) : null;
              if (mc != null) {
                return mc;
              }
            }
          }
          return null;
        }
        return modelOutput(sm, c.args().get(0), loop, depth + 1);
      }
      if (m != null && GATHERS.contains(m) && !c.args().isEmpty()) {
        return modelOutput(sm, c.args().get(0), loop, depth + 1); // gathered across processes: still on the device
      }
      if (m == null || sm.resolveCall(c) != null) {
        return null;
      }
      if (TO_HOST.contains(m) || INDEX_RESULT.contains(m)
          || REDUCTIONS.contains(m) && c.args().isEmpty() && c.keywords().isEmpty()) {
        return null;
      }
      if ((m.equals("to") || m.equals("cuda") || m.equals("type")) && mentionsHost(c)) {
        return null;
      }
      return modelOutput(sm, AstUtil.receiver(c), loop, depth + 1);
    }
    if (e instanceof Expr.Attribute a) {
      if (META_ATTRIBUTES.contains(a.attr()) || a.attr().equals("loss")) {
        return null; // metadata, or the (scalar) loss of a model output
      }
      return modelOutput(sm, a.value(), loop, depth + 1);
    }
    if (e instanceof Expr.Subscript s) {
      return modelOutput(sm, s.value(), loop, depth + 1);
    }
    if (e instanceof Expr.BinOp b) {
      Expr.Call l = modelOutput(sm, b.left(), loop, depth + 1);
      return l != null ? l : modelOutput(sm, b.right(), loop, depth + 1);
    }
    if (e instanceof Expr.UnaryOp u && u.op() == Operators.UnaryOperator.USUB) {
      return modelOutput(sm, u.operand(), loop, depth + 1);
    }
    if (e instanceof Expr.Tuple || e instanceof Expr.ListExpr) {
      for (Node k : dev.oomlint.ast.Nodes.children(e)) {
        Expr.Call mc = k instanceof Expr ke ? modelOutput(sm, ke, loop, depth + 1) : null;
        if (mc != null) {
          return mc;
        }
      }
      return null;
    }
    if (e instanceof Expr.Name n) {
      for (Binding b : sm.resolve(n)) {
        if ((b.kind() == Binding.Kind.ASSIGN || b.kind() == Binding.Kind.NAMED_EXPR) && b.value() != null
            && b.value() != e) {
          if (b.index() == 1 && indicesOf(sm, b.value())) {
            continue;   // _, preds = torch.max(outputs, dim=1): the indices, one integer per sample
          }
          Expr.Call mc = modelOutput(sm, element(b.value(), b.index()), loop, depth + 1);
          if (mc != null) {
            return mc;
          }
        }
      }
    }
    return null;
  }

  /** Functions and methods returning (values, indices) when given a dimension. */
  private static final Set<String> VALUES_AND_INDICES = Set.of("max", "min", "topk", "sort", "kthvalue", "mode",
      "median");

  /** Whether a call returns (values, indices): {@code torch.max(x, 1)}, {@code x.max(dim=1)}, {@code x.topk(5)}. */
  private static boolean indicesOf(SemanticModel sm, Expr value) {
    if (!(value instanceof Expr.Call c)) {
      return false;
    }
    String q = sm.qualifiedName(c.func());
    String last = q != null ? (q.startsWith("torch.") ? q.substring(q.lastIndexOf('.') + 1) : null) : AstUtil.methodName(c);
    if (last == null || !VALUES_AND_INDICES.contains(last)) {
      return false;
    }
    int given = c.args().size() + c.keywords().size() - (q != null ? 1 : 0);   // torch.max(x, 1): x is not the dim
    return given >= 1 || last.equals("sort") || last.equals("mode") || last.equals("median") && given >= 1;
  }

  private static final Set<String> GATHERS = Set.of("gather", "gather_for_metrics", "pad_across_processes",
      "all_gather");

  /**
   * The part of an assigned value a tuple target receives: element {@code i} of a tuple literal, or
   * of the tuple passed to a gather ({@code preds, refs = accelerator.gather_for_metrics((preds, refs))}).
   */
  private static Expr element(Expr value, int i) {
    if (i < 0) {
      return value;
    }
    Expr v = value;
    if (v instanceof Expr.Call c && GATHERS.contains(String.valueOf(AstUtil.methodName(c))) && c.args().size() == 1) {
      v = c.args().get(0);
    }
    if (v instanceof Expr.Tuple t && i < t.elts().size()) {
      return t.elts().get(i);
    }
    if (v instanceof Expr.ListExpr l && i < l.elts().size()) {
      return l.elts().get(i);
    }
    return value;
  }

  /** {@code .to("cpu")}, {@code .to(torch.device("cpu"))}, {@code .to(cpu_device)}. */
  private static boolean mentionsHost(Expr.Call c) {
    boolean[] hit = {false};
    AstWalker.descend(c, n -> {
      if (n == c.func()) {
        return false;
      }
      if (n instanceof Expr.Constant k && k.value() instanceof ConstValue.Str s
          && s.value().toLowerCase(Locale.ROOT).startsWith("cpu")
          || n instanceof Expr.Name nm && nm.id().toLowerCase(Locale.ROOT).contains("cpu")
          || n instanceof Expr.Attribute at && at.attr().toLowerCase(Locale.ROOT).contains("cpu")) {
        hit[0] = true;
      }
      return !hit[0];
    });
    return hit[0];
  }

  /** Whether {@code .cpu()} surely applies to the value (a tensor, not a tuple or a model output object). */
  private static boolean isTensor(SemanticModel sm, Expr e, int depth) {
    if (depth > MAX_DEPTH) {
      return false;
    }
    if (e instanceof Expr.BinOp || e instanceof Expr.UnaryOp) {
      return true;
    }
    if (e instanceof Expr.Attribute a) {
      return TENSOR_FIELDS.contains(a.attr());
    }
    if (e instanceof Expr.Call c) {
      if (sm.isForwardCall(c)) {
        return false;
      }
      String q = sm.qualifiedName(c.func());
      if (q != null) {
        return q.startsWith("torch.") && !q.startsWith("torch.nn.") || q.startsWith("torch.nn.functional.");
      }
      String m = AstUtil.methodName(c);
      return m != null && TENSOR_METHODS.contains(m) && !m.equals("topk") && !m.equals("sort")
          && !m.equals("split") && !m.equals("chunk");
    }
    if (e instanceof Expr.Subscript s) {
      return isTensor(sm, s.value(), depth + 1) || isModelReturn(sm, s.value(), depth + 1);
    }
    if (e instanceof Expr.Name n) {
      List<Binding> bs = sm.resolve(n);
      if (bs.size() == 1 && bs.get(0).kind() == Binding.Kind.ASSIGN && bs.get(0).index() < 0
          && bs.get(0).value() != null) {
        return isTensor(sm, bs.get(0).value(), depth + 1);
      }
    }
    return false;
  }

  // ------------------------------------------------------------------ the loop and the container

  /**
   * Evaluation or inference code: an evaluation function, a loop over evaluation data, code after
   * {@code model.eval()}, an inference region, or a file that never trains. Grad mode alone says
   * nothing: training scripts also cache latents or teacher outputs under {@code no_grad}.
   */
  private static boolean evaluationIntent(SemanticModel sm, Stmt loop, Expr.Call modelCall) {
    Stmt.FunctionDef f = sm.enclosingFunction(loop);
    if (f != null && SemanticModel.isEvaluationName(f.name())) {
      return true;
    }
    for (Stmt l = loop; l != null; l = Iterations.innermostLoop(sm, l)) {
      if (l instanceof Stmt.For fo && iteratesEvalData(fo.iter())) {
        return true;
      }
    }
    for (InferenceRegion r : sm.inferenceRegions()) {
      if (r.node().range().contains(modelCall.range())) {
        return true;
      }
    }
    return !sm.fileTrains() || evalCalledBefore(sm, loop);
  }

  private static final Set<String> DATA_WRAPPERS = Set.of("enumerate", "zip", "iter", "tqdm", "islice",
      "progress_bar", "track", "reversed", "sorted", "list");
  private static final Set<String> DATA_WORDS = Set.of("loader", "loaders", "dataloader", "dataloaders", "dl",
      "dataset", "datasets", "ds", "batches", "data", "split");

  /**
   * Whether a loop goes over a dataset: a data loader or dataset by name or construction
   * ({@code val_loader}, {@code enumerate(tqdm(test_dl))}, {@code DataLoader(...)}), or
   * {@code range(len(dataset))}. Loops over text encoders, prompts, tiles or steps are bounded.
   */
  private static boolean iteratesData(SemanticModel sm, Expr iter, int depth) {
    if (iter == null || depth > 6) {
      return false;
    }
    if (iter instanceof Expr.Call c) {
      String name = AstUtil.lastName(c.func());
      String q = sm.qualifiedName(c.func());
      if (q != null && q.endsWith("DataLoader") || name != null && name.toLowerCase(Locale.ROOT).contains("loader")) {
        return true;
      }
      if ("range".equals(q) || name != null && DATA_WRAPPERS.contains(name)) {
        for (Expr a : c.args()) {
          Expr inner = a instanceof Expr.Call lc && "len".equals(sm.qualifiedName(lc.func())) && !lc.args().isEmpty()
              ? lc.args().get(0) : a;
          if ((!"range".equals(q) || inner != a) && iteratesData(sm, inner, depth + 1)) {
            return true;
          }
        }
      }
      return false;
    }
    if (iter instanceof Expr.Subscript sub) {
      return iteratesData(sm, sub.value(), depth + 1);
    }
    String id = AstUtil.lastName(iter);
    if (id == null) {
      return false;
    }
    if (SemanticModel.isEvaluationDataName(id)) {
      return true;
    }
    for (String w : id.split("_|(?<=[a-z])(?=[A-Z])")) {
      if (DATA_WORDS.contains(w.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    if (iter instanceof Expr.Name n) {
      for (Binding b : sm.resolve(n)) {
        if (b.kind() == Binding.Kind.ASSIGN && b.index() < 0 && b.value() instanceof Expr.Call bc
            && iteratesData(sm, bc, depth + 1)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean iteratesEvalData(Expr iter) {
    boolean[] hit = {false};
    AstWalker.descend(iter, n -> {
      String id = n instanceof Expr.Name nm ? nm.id() : n instanceof Expr.Attribute a ? a.attr() : null;
      if (id != null && SemanticModel.isEvaluationDataName(id)) {
        hit[0] = true;
      }
      return !hit[0] && !(n instanceof Expr.Lambda);
    });
    return hit[0];
  }

  /** {@code model.eval()} as a statement before the loop, in the same function. */
  private static boolean evalCalledBefore(SemanticModel sm, Stmt loop) {
    Stmt.FunctionDef f = sm.enclosingFunction(loop);
    List<Stmt> body = f != null ? f.body() : sm.module().body();
    boolean[] hit = {false};
    for (Stmt s : body) {
      AstWalker.descend(s, n -> {
        if (hit[0] || n instanceof Stmt.FunctionDef || n instanceof Stmt.ClassDef || n.range().start() >= loop.range().start()) {
          return false;
        }
        if (n instanceof Stmt.ExprStmt es && es.value() instanceof Expr.Call c && "eval".equals(AstUtil.methodName(c))
            && c.args().isEmpty() && sm.isModel(AstUtil.receiver(c))) {
          hit[0] = true;
        }
        return !hit[0];
      });
    }
    return hit[0];
  }

  /**
   * Loops over denoising or generation steps ({@code for t in timesteps}, {@code range(num_inference_steps)}):
   * what they keep grows with the number of steps, not with a dataset.
   */
  private static boolean skipLoop(SemanticModel sm, Stmt loop, Expr container) {
    if (!(loop instanceof Stmt.For f) || sm.isTestFile()
        || !iteratesData(sm, f.iter(), 0) && !(countsSamples(f.iter()) && concatenatedAfter(sm, container, loop))) {
      return true; // loops over encoders, prompts, tiles or steps, and while loops: not passes over a dataset
    }
    Stmt.FunctionDef fn = sm.enclosingFunction(loop);
    Stmt.ClassDef cls = fn == null ? null : sm.enclosingClass(fn);
    if (fn != null && (fn.name().equals("forward") || cls != null && sm.isModuleClass(cls))) {
      return true; // a model's own forward: it keeps per-layer features, bounded by its depth
    }
    boolean[] steps = {false};
    AstWalker.descend(f.iter(), n -> {
      String id = n instanceof Expr.Name nm ? nm.id() : n instanceof Expr.Attribute a ? a.attr() : null;
      if (id != null) {
        String low = id.toLowerCase(Locale.ROOT);
        if (low.contains("timestep") || low.contains("sigmas") || low.contains("steps") || low.contains("layer")
            || low.equals("models") || low.contains("heads")) {
          steps[0] = true;
        }
      }
      return !steps[0] && !(n instanceof Expr.Lambda);
    });
    return steps[0];
  }

  private static final Set<String> SAMPLE_WORDS = Set.of("sample", "samples", "images", "imgs", "examples",
      "batches");

  /**
   * {@code range(n_samples // batch_size)}, {@code range(0, num_images, bs)}: batches over a whole sample
   * set (generated or drawn), as FID/IS-style feature extraction runs them.
   */
  private static boolean countsSamples(Expr iter) {
    if (!(iter instanceof Expr.Call c) || !(c.func() instanceof Expr.Name r) || !r.id().equals("range")) {
      return false;
    }
    boolean[] hit = {false};
    for (Expr a : c.args()) {
      AstWalker.descend(a, n -> {
        String id = n instanceof Expr.Name nm ? nm.id() : n instanceof Expr.Attribute at ? at.attr() : null;
        if (id != null) {
          for (String w : id.split("_|(?<=[a-z])(?=[A-Z])")) {
            hit[0] |= SAMPLE_WORDS.contains(w.toLowerCase(Locale.ROOT));
          }
        }
        return !hit[0];
      });
    }
    return hit[0];
  }

  /** Whether the container is concatenated after the loop ({@code torch.cat(feats)}, {@code np.concatenate}). */
  private static boolean concatenatedAfter(SemanticModel sm, Expr container, Stmt loop) {
    String path = AstUtil.path(container);
    if (path == null) {
      return false;
    }
    Stmt.FunctionDef f = sm.enclosingFunction(loop);
    boolean[] hit = {false};
    for (Stmt s : f != null ? f.body() : sm.module().body()) {
      AstWalker.descend(s, n -> {
        if (hit[0] || n instanceof Stmt.FunctionDef || n instanceof Stmt.ClassDef) {
          return false;
        }
        if (n instanceof Expr.Call c && n.range().start() >= loop.range().end() && !c.args().isEmpty()
            && path.equals(AstUtil.path(c.args().get(0)))) {
          String name = AstUtil.lastName(c.func());
          hit[0] = name != null && (name.equals("cat") || name.equals("stack") || name.equals("concatenate")
              || name.equals("vstack") || name.equals("concat"));
        }
        return !hit[0];
      });
    }
    return hit[0];
  }

  /** Whether a subscript key changes between iterations (it mentions a name bound in the loop). */
  private static boolean variesPerIteration(SemanticModel sm, Expr key, Stmt loop) {
    boolean[] hit = {false};
    AstWalker.descend(key, n -> {
      if (n instanceof Expr.Name nm && nm.ctx() == Operators.ExprContext.LOAD) {
        for (Binding b : sm.resolve(nm)) {
          if (loop.range().contains(b.node().range())) {
            hit[0] = true;
          }
        }
      }
      return !hit[0];
    });
    return hit[0];
  }
}
