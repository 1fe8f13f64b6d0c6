package dev.oomlint.rules.checks;

import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.Stmt;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.rules.FixSafety;
import dev.oomlint.rules.Level;
import dev.oomlint.rules.Rule;
import dev.oomlint.rules.RuleContext;
import dev.oomlint.rules.RuleInfo;
import dev.oomlint.semantic.AstUtil;
import dev.oomlint.semantic.Calls;
import dev.oomlint.semantic.HfModels;
import dev.oomlint.semantic.LoopHolding;
import dev.oomlint.semantic.SemanticModel;
import java.util.Set;

/**
 * OOM401: a model is loaded or built on every iteration of a loop ({@code from_pretrained},
 * {@code pipeline}, {@code torch.load}, Keras {@code load_model}, {@code timm.create_model}, or a
 * same-file {@code nn.Module} class), directly or through a same-file helper that returns it or keeps
 * it in {@code self}, into a variable that still holds the previous iteration's model: while the
 * new one loads, both live, and anything else still referencing the old one keeps it for good.
 */
@RuleInfo(code = "OOM401", name = "model-loaded-in-loop",
    summary = "A model is loaded on every loop iteration while the previous one is still referenced.",
    level = Level.WARNING, fix = FixSafety.NONE, precision = "high", tags = {"memory", "loading"}, enabledByDefault = false)
public final class ModelLoadedInLoop implements Rule {
  private static final Set<String> KERAS_LOAD = Set.of("tensorflow.keras.models.load_model",
      "tensorflow.keras.saving.load_model", "keras.models.load_model", "keras.saving.load_model",
      "tf_keras.models.load_model", "tensorflow.python.keras.models.load_model");
  private static final Set<String> TIMM_CREATE = Set.of("timm.create_model", "timm.models.create_model");

  @Override
  public void check(RuleContext ctx) {
    SemanticModel sm = ctx.semantic();
    for (Expr.Call c : sm.calls()) {
      String what = loadKind(sm, c);
      if (what == null) {
        continue;
      }
      LoopHolding.Hold hold = LoopHolding.find(sm, c, what.equals("torch.load"), what.equals("module"));
      if (hold == null || LoopHolding.oneModelPerDevice(sm, hold.loop(), c)
          || LoopHolding.oncePerProcess(sm, hold.loop(), c) || sm.isTestCode(c) || staysOnCpu(sm, c, what, hold)) {
        continue;
      }
      String shown = what.equals("module") ? "`" + sm.file().slice(c.func().range()) + "(...)`"
          : "`" + lastPart(sm, c) + "(...)`";
      String message = shown + " builds a new model on every iteration of the loop at line "
          + sm.file().lines().line(hold.loop().range().start()) + " while `" + hold.holder()
          + "` still references the previous one, so two models are in memory at once (more if anything"
          + " else keeps the old one); load it once before the loop, or `del " + hold.holder()
          + "` (then `gc.collect()` and `torch.cuda.empty_cache()`) before loading the next.";
      ctx.report(new Diagnostic(ctx.code(), message, c.range()));
    }
  }

  /**
   * Whether what the loop loads stays in host memory: a {@code torch.load} with a CPU
   * {@code map_location} (checkpoint shards merged into one model), or a Hugging Face model or
   * pipeline that nothing places on a GPU (no {@code device_map=}/{@code device=}, no {@code .to(device)}
   * or {@code .cuda()} of it or of the name holding it): a pipeline rebuilt around the live training
   * models to save weights loads only its small parts, on the CPU.
   */
  private static boolean staysOnCpu(SemanticModel sm, Expr.Call c, String what, LoopHolding.Hold hold) {
    if (what.equals("torch.load")) {
      Expr where = Calls.argument(c, 1, "map_location");
      return where != null && !sm.mayBeCudaDevice(where);
    }
    if (!what.equals("hf") && !what.equals("pipeline")) {
      return false;
    }
    Node up = c;
    while (up instanceof Expr.Attribute || up instanceof Expr.Call) {
      if (up instanceof Expr.Call placed && sm.placesOnGpu(placed)) {
        return false;   // device_map=/device=, or X.from_pretrained(...).to(device)
      }
      up = sm.parent(up);
    }
    String bound = up instanceof Stmt.Assign a && a.targets().size() == 1 ? AstUtil.path(a.targets().get(0)) : null;
    Stmt.FunctionDef helper = sm.enclosingFunction(c);
    if (helper != null && !hold.loop().range().contains(c.range()) && sm.movesToGpuWithin(helper, bound)) {
      return false;   // def load(p): enc = AutoModel.from_pretrained(p); return enc.cuda()
    }
    return !handedOn(sm, hold.loop(), hold.holder())   // Trainer(model=model): the trainer places it
        && !sm.movesToGpuWithin(hold.loop(), hold.holder()) && !sm.movesToGpuWithin(hold.loop(), bound);
  }

  /** Builtins a model can be handed to without being placed anywhere. */
  private static final Set<String> INSPECTORS = Set.of("print", "len", "str", "repr", "type", "isinstance", "id");

  /** Whether the loop hands the name's value itself to another call (a trainer, {@code accelerator.prepare}), which may place it on a GPU. */
  private static boolean handedOn(SemanticModel sm, Stmt loop, String holder) {
    boolean[] hit = {false};
    dev.oomlint.ast.AstWalker.walk(loop, n -> {
      if (hit[0] || !(n instanceof Expr.Call call) || call.func() instanceof Expr.Name f && INSPECTORS.contains(f.id())) {
        return;
      }
      for (Expr a : call.args()) {
        hit[0] |= holder.equals(AstUtil.path(a));
      }
      for (var k : call.keywords()) {
        hit[0] |= holder.equals(AstUtil.path(k.value()));
      }
    });
    return hit[0];
  }

  private static String lastPart(SemanticModel sm, Expr.Call c) {
    String text = sm.file().slice(c.func().range()).replaceAll("\\s+", "");
    return text.length() > 60 ? text.substring(text.length() - 60) : text;
  }

  /**
   * What a call loads: "hf", "pipeline", "torch.load", "keras", "timm", "module" (a same-file
   * nn.Module class), or null when it loads no model.
   */
  static String loadKind(SemanticModel sm, Expr.Call c) {
    if (HfModels.loadedModelClass(sm, c) != null) {
      return "hf";
    }
    String q = sm.qualifiedName(c.func());
    if (q != null) {
      if (HfModels.isPipelineFactory(q)) {
        return "pipeline";
      }
      if (TorchLoadWithoutMapLocation.TORCH_LOAD.contains(q)) {
        return "torch.load";
      }
      if (KERAS_LOAD.contains(q)) {
        return "keras";
      }
      if (TIMM_CREATE.contains(q)) {
        return "timm";
      }
      return null;
    }
    Stmt.ClassDef cls = sm.classCalled(c);
    if (cls != null && sm.isModuleClass(cls) && !insideModuleClass(sm, c)) {
      return "module";
    }
    return null;
  }

  /** Code inside the methods of an nn.Module class builds its architecture (blocks in a loop), not models. */
  private static boolean insideModuleClass(SemanticModel sm, Node n) {
    for (Stmt.FunctionDef f = sm.enclosingFunction(n); f != null; f = sm.enclosingFunction(f)) {
      Stmt.ClassDef cls = sm.enclosingClass(f);
      if (cls != null && sm.isModuleClass(cls)) {
        return true;
      }
    }
    return false;
  }

}
