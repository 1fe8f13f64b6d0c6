package dev.oomlint.rules.checks;

import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Stmt;
import dev.oomlint.ast.Support;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.diagnostics.Edit;
import dev.oomlint.diagnostics.Fix;
import dev.oomlint.rules.FixSafety;
import dev.oomlint.rules.Level;
import dev.oomlint.rules.Rule;
import dev.oomlint.rules.RuleContext;
import dev.oomlint.rules.RuleInfo;
import dev.oomlint.rules.edits.CallEdits;
import dev.oomlint.semantic.Calls;
import dev.oomlint.semantic.HfModels;
import dev.oomlint.semantic.ModelSizes;
import dev.oomlint.semantic.Placement;
import dev.oomlint.semantic.ProjectView;
import dev.oomlint.semantic.SemanticModel;
import java.util.List;

/**
 * OOM403: in inference code, a Hugging Face model loaded with {@code from_pretrained} without a dtype
 * or quantization is materialised in float32 and then put on a GPU (moved there, or placed by
 * {@code device_map}): twice the memory of bfloat16/float16. Training and fine-tuning code is exempt
 * ({@link SemanticModel#fineTunes}), and so are checkpoints known to be small ({@link ModelSizes}) and
 * loads in a branch that runs only without a GPU.
 */
@RuleInfo(code = "OOM403", name = "full-precision-load",
    summary = "An inference script loads a Hugging Face model in float32 (no torch_dtype) and puts it on a GPU.",
    level = Level.NOTE, fix = FixSafety.UNSAFE, precision = "high", tags = {"memory", "loading"}, enabledByDefault = false)
public final class FullPrecisionLoad implements Rule {
  /** Keywords that already choose the precision. */
  private static final List<String> PRECISION_KEYWORDS = List.of("torch_dtype", "dtype", "quantization_config",
      "load_in_8bit", "load_in_4bit");

  @Override
  public void check(RuleContext ctx) {
    SemanticModel sm = ctx.semantic();
    Boolean trains = null;
    for (Expr.Call c : sm.calls()) {
      String cls = HfModels.loadedModelClass(sm, c);
      if (cls == null || choosesPrecision(c) || HfModels.runsRemoteCode(c)) {
        continue;
      }
      if (trains == null) {
        trains = sm.fileTrains();
      }
      if (trains || keepsFullPrecisionOnPurpose(sm)) {
        return;
      }
      if (fineTuned(sm, c) || onlyExtractsWeights(sm, c)) {
        continue;
      }
      if (sm.isTestCode(c) || Placement.inNonGpuBranch(sm, c) || ModelSizes.smallCheckpoint(sm, c, cls) != null
          || cataloguedSmall(sm, c) || ModelSizes.preQuantized(sm, c)) {
        continue;
      }
      boolean transformers = HfModels.isTransformers(cls);
      if (transformers && HfModels.loadsCheckpointDtypeByDefault(sm)) {
        continue;
      }
      Placement where = Placement.of(sm, c);
      if (where.converted() || where.offloaded() || !(where.movedToGpu() || placedByDeviceMap(c))) {
        continue;
      }
      String owner = cls.substring(cls.lastIndexOf('.') + 1);
      String message = "`" + owner + ".from_pretrained(...)` without `torch_dtype` loads the weights in float32"
          + (transformers ? " (transformers before v5" + declared(sm) + "; v5 loads the checkpoint's dtype by default)" : "")
          + ", twice the memory of bfloat16/float16, and this inference code puts them on the GPU; pass"
          + (transformers ? " `torch_dtype=\"auto\"` (the checkpoint's own dtype) or `torch_dtype=torch.bfloat16`."
              : " `torch_dtype=torch.float16` (or `torch.bfloat16`).");
      Fix fix = null;
      if (transformers) {
        Edit edit = CallEdits.append(ctx.file(), c, "torch_dtype=\"auto\"");
        fix = edit == null ? null : Fix.unsafe("Add `torch_dtype=\"auto\"`", edit);
      }
      ctx.report(new Diagnostic(ctx.code(), message, c.range(), fix));
    }
  }

  /**
   * Which declared requirement lets the project run transformers before v5 ({@code , which
   * `transformers>=4.36` in requirements.txt allows}), or "" when the project declares none.
   */
  private static String declared(SemanticModel sm) {
    ProjectView.DeclaredVersion v = sm.targetTransformers();
    return v == null ? "" : ", which `" + v.requirement() + "` in " + v.source() + " allows";
  }

  private static final java.util.Set<String> CLOSENESS = java.util.Set.of("allclose", "isclose", "assert_close",
      "assert_allclose", "assert_array_almost_equal", "assert_almost_equal");

  /**
   * Code where float32 is the point: tests (which load tiny models and check numerics), weight
   * conversion scripts ({@code convert_*.py}), and files that compare outputs numerically
   * ({@code torch.allclose}, {@code np.testing.assert_allclose}).
   */
  private static boolean keepsFullPrecisionOnPurpose(SemanticModel sm) {
    String path = sm.file().path().replace('\\', '/');
    if (sm.isTestFile() || path.substring(path.lastIndexOf('/') + 1).startsWith("convert")) {
      return true;
    }
    for (Expr.Call c : sm.calls()) {
      String last = dev.oomlint.semantic.AstUtil.lastName(c.func());
      if (last != null && CLOSENESS.contains(last)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A load in fine-tuning code (a library trainer, a peft adapter: {@link SemanticModel#fineTunes}):
   * inside a function, anywhere in such a file; at the top level (a notebook), when it comes after the
   * fine-tuning starts (reloading the base to merge the adapter) or its model is handed to the
   * trainer ({@code get_peft_model(model, ...)}, {@code SFTTrainer(model=model)}). An inference demo at
   * the top of a notebook that fine-tunes another load further down is still checked.
   */
  private static boolean fineTuned(SemanticModel sm, Expr.Call load) {
    List<Expr.Call> tuning = sm.fineTuningCalls();
    if (tuning.isEmpty()) {
      return false;
    }
    if (sm.enclosingFunction(load) != null || tuning.get(0).range().start() < load.range().start()) {
      return true;
    }
    Stmt statement = dev.oomlint.semantic.Iterations.statementOf(sm, load);
    if (!(statement instanceof Stmt.Assign a) || a.targets().size() != 1 || !(a.targets().get(0) instanceof Expr.Name n)) {
      return false;
    }
    for (Expr.Call t : tuning) {
      List<Expr> given = new java.util.ArrayList<>(t.args());
      t.keywords().forEach(k -> given.add(k.value()));
      for (Expr g : given) {
        if (g instanceof Expr.Name use && comesFrom(sm, use, a, 0)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether a name handed to a trainer holds the loaded model: bound by the load itself, by a move of
   * a name that does ({@code model = model.to(DEVICE)}), or by a same-file class built around one
   * ({@code clf = Classifier(lm, num_labels)}: a head on the loaded model), a few steps deep.
   */
  private static boolean comesFrom(SemanticModel sm, Expr.Name use, Stmt load, int depth) {
    if (depth > 3) {
      return false;
    }
    for (dev.oomlint.semantic.Binding b : sm.resolve(use)) {
      if (b.statement() == load) {
        return true;
      }
      if (b.kind() != dev.oomlint.semantic.Binding.Kind.ASSIGN || b.index() >= 0 || !(b.value() instanceof Expr.Call c)) {
        continue;
      }
      List<Expr> from = new java.util.ArrayList<>();
      if (c.func() instanceof Expr.Attribute at && Placement.PASSTHROUGH.contains(at.attr())) {
        from.add(at.value());
      } else if (sm.classCalled(c) != null) {
        from.addAll(c.args());
        c.keywords().forEach(k -> from.add(k.value()));
      }
      for (Expr f : from) {
        if (f instanceof Expr.Name n && n != use && comesFrom(sm, n, load, depth + 1)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Uses of a loaded model that take its weights out without running it. */
  private static final java.util.Set<String> EXTRACTING = java.util.Set.of("state_dict", "named_parameters",
      "save_pretrained");

  /**
   * A model loaded only to take its weights out ({@code sd = model.state_dict()}, then saved): a
   * weight-extraction script, where the saved dtype is the loaded one. Every use of the name the load
   * is assigned to is {@code .state_dict()}, {@code .named_parameters()} or {@code .save_pretrained()}
   * (or a move); the model is never called.
   */
  private static boolean onlyExtractsWeights(SemanticModel sm, Expr.Call load) {
    Stmt statement = dev.oomlint.semantic.Iterations.statementOf(sm, load);
    if (!(statement instanceof Stmt.Assign a) || a.targets().size() != 1 || !(a.targets().get(0) instanceof Expr.Name n)) {
      return false;
    }
    int[] extracting = {0};
    boolean[] other = {false};
    dev.oomlint.ast.AstWalker.walkAll(List.of(sm.scopeOf(n).node()), node -> {
      if (other[0] || !(node instanceof Expr.Name use) || use == n || !use.id().equals(n.id())
          || use.ctx() != dev.oomlint.ast.Operators.ExprContext.LOAD) {
        return;
      }
      boolean mine = false;
      for (dev.oomlint.semantic.Binding b : sm.resolve(use)) {
        mine |= b.statement() == a;
      }
      if (!mine) {
        return;
      }
      dev.oomlint.ast.Node p = sm.parent(use);
      String attr = p instanceof Expr.Attribute at && at.value() == use && sm.parent(at) instanceof Expr.Call c
          && c.func() == at ? at.attr() : null;
      if (attr != null && EXTRACTING.contains(attr)) {
        extracting[0]++;
      } else if (attr == null || !Placement.PASSTHROUGH.contains(attr)) {
        other[0] = true;
      }
    });
    return extracting[0] > 0 && !other[0];
  }

  /**
   * Whether every id the load may read is in the estimator's catalogue (counts with sources) with at
   * most {@link ModelSizes#SMALL_PARAMETERS} parameters ({@code google-bert/bert-base-uncased}: 109M).
   */
  private static boolean cataloguedSmall(SemanticModel sm, Expr.Call load) {
    List<String> ids = ModelSizes.checkpointIds(sm, load);
    if (ids == null || ids.isEmpty()) {
      return false;
    }
    for (String id : ids) {
      dev.oomlint.estimate.Catalogue.Entry e = dev.oomlint.estimate.Catalogue.builtIn().find(id);
      if (e == null || e.parameters() > ModelSizes.SMALL_PARAMETERS) {
        return false;
      }
    }
    return true;
  }

  /** A dtype, a quantization, or {@code **kwargs} / {@code *args} that may carry one. */
  private static boolean choosesPrecision(Expr.Call c) {
    for (String k : PRECISION_KEYWORDS) {
      if (Calls.keyword(c, k) != null) {
        return true;
      }
    }
    return Calls.hasDoubleStar(c) || Calls.hasStarred(c);
  }

  /** {@code device_map=...} that is not a CPU/disk placement. */
  private static boolean placedByDeviceMap(Expr.Call c) {
    Support.Keyword k = Calls.keyword(c, "device_map");
    if (k == null || Calls.isFalsyConstant(k.value())) {
      return false;
    }
    String s = Calls.string(k.value());
    return s == null || !(s.equals("cpu") || s.equals("disk") || s.equals("meta") || s.equals("mps"));
  }
}
