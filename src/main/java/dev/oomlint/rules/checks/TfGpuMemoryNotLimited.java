package dev.oomlint.rules.checks;

import dev.oomlint.ast.Node;
import dev.oomlint.ast.Stmt;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.rules.FixSafety;
import dev.oomlint.rules.Level;
import dev.oomlint.rules.Rule;
import dev.oomlint.rules.RuleContext;
import dev.oomlint.rules.RuleInfo;
import dev.oomlint.semantic.SemanticModel;

/**
 * OOM507 (opt-in): a TensorFlow program that uses the GPU (it builds, loads, trains or runs a
 * TensorFlow/Keras model, records gradients, or opens a TF1 session) without limiting TensorFlow's
 * GPU memory: by default TensorFlow reserves nearly all of every visible GPU's memory when it
 * initialises the device. One finding per file, at the first TensorFlow import. Not reported: library
 * modules (no notebook, no {@code __main__} block, no model work at module level), files that hide
 * the GPUs or target a TPU, and test files.
 */
@RuleInfo(code = "OOM507", name = "tf-gpu-memory-not-limited",
    summary = "A TensorFlow program uses the GPU without memory growth or a memory limit.",
    level = Level.NOTE, fix = FixSafety.NONE, precision = "high", tags = {"memory", "tensorflow"},
    mentions = {"tensorflow"}, enabledByDefault = false)
public final class TfGpuMemoryNotLimited implements Rule {
  @Override
  public void check(RuleContext ctx) {
    SemanticModel sm = ctx.semantic();
    if (sm.isTestFile()) {
      return;
    }
    Stmt imp = sm.firstTensorFlowImport();
    Node work = imp == null ? null : sm.tensorFlowGpuWork();
    if (work == null || !sm.isTensorFlowProgram() || sm.limitsTensorFlowGpuMemory() || sm.hidesGpusFromTensorFlow()) {
      return;
    }
    ctx.report(new Diagnostic(ctx.code(), "This TensorFlow program runs a model on the GPU (line "
        + sm.file().lines().line(work.range().start()) + ") without limiting TensorFlow's GPU memory: TensorFlow"
        + " reserves nearly all of every visible GPU's memory at start, starving other processes on the card;"
        + " call `tf.config.experimental.set_memory_growth(gpu, True)` for each GPU before any op runs (or set"
        + " `TF_FORCE_GPU_ALLOW_GROWTH=true`, or a `memory_limit`).", imp.range(), null));
  }
}
