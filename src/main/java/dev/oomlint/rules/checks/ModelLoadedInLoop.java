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
    level = Level.WARNING, fix = FixSafety.NONE, precision = "high", tags = {"memory", "loading"})
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
          || LoopHolding.oncePerProcess(sm, hold.loop(), c) || sm.isTestCode(c)) {
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
