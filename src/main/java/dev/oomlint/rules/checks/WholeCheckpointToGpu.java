package dev.oomlint.rules.checks;

import dev.oomlint.ast.AstWalker;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Node;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.diagnostics.Edit;
import dev.oomlint.diagnostics.Fix;
import dev.oomlint.rules.FixSafety;
import dev.oomlint.rules.Level;
import dev.oomlint.rules.Rule;
import dev.oomlint.rules.RuleContext;
import dev.oomlint.rules.RuleInfo;
import dev.oomlint.semantic.Calls;
import dev.oomlint.semantic.Checkpoints;
import dev.oomlint.semantic.SemanticModel;

/**
 * OOM406: {@code torch.load(path, map_location=device)} with a device that may be CUDA, of a training
 * checkpoint of which only one network's weights are used ({@code model.load_state_dict(ckpt["model"])}):
 * the optimizer state and every other entry are put on the GPU too, and the weights twice (the loaded
 * copy and the model's). {@code load_state_dict} copies into the model's own device, so loading to the
 * CPU is the same result with none of that. A {@code torch.load} without {@code map_location} is
 * OOM402's; this rule only reads loads that give one.
 */
@RuleInfo(code = "OOM406", name = "whole-checkpoint-to-gpu",
    summary = "torch.load() puts a whole training checkpoint on the GPU when only the model's weights are used.",
    level = Level.WARNING, fix = FixSafety.SAFE, precision = "high", tags = {"memory", "loading"},
    mentions = "load_state_dict", enabledByDefault = false)
public final class WholeCheckpointToGpu implements Rule {
  @Override
  public void check(RuleContext ctx) {
    SemanticModel sm = ctx.semantic();
    if (sm.isTestFile()) {
      return;
    }
    for (Expr.Call c : sm.calls()) {
      if (!TorchLoadWithoutMapLocation.isTorchLoad(sm, c) || sm.isTestCode(c) || Calls.hasStarred(c)
          || Calls.hasDoubleStar(c)) {
        continue;
      }
      Expr where = Calls.argument(c, 1, "map_location");
      if (where == null || !mayBeCuda(sm, where) || dev.oomlint.semantic.Placement.cpuDefaultParameter(sm, where)) {
        continue;
      }
      String key = Checkpoints.singleWeightsEntry(sm, c);
      if (key == null || Checkpoints.readsReleasedWeights(sm, c)) {
        continue;
      }
      Fix fix = Fix.safe("Load to the CPU: `map_location=\"cpu\"`", Edit.replace(where.range(), "\"cpu\""));
      ctx.report(new Diagnostic(ctx.code(), "`torch.load()` puts the whole checkpoint on the GPU (optimizer"
          + " state and every other entry, and a second copy of the weights) but only its `\"" + key + "\"` entry"
          + " is used, and `load_state_dict` copies that into the model's own device; load it with"
          + " `map_location=\"cpu\"`.", c.range(), fix));
    }
  }

  /** Whether a {@code map_location} may put tensors on a CUDA device: a device, a dict of devices, a function. */
  private static boolean mayBeCuda(SemanticModel sm, Expr where) {
    if (where instanceof Expr.Lambda l) {
      boolean[] cuda = {false};
      AstWalker.walk(l.body(), (Node n) -> {
        String s = n instanceof Expr e ? Calls.string(e) : null;
        cuda[0] |= n instanceof Expr.Attribute a && a.attr().equals("cuda") || s != null && s.startsWith("cuda");
      });
      return cuda[0];
    }
    if (where instanceof Expr.Dict d) {
      for (Expr v : d.values()) {
        if (v != null && sm.mayBeCudaDevice(v)) {
          return true;
        }
      }
      return false;
    }
    return Calls.string(where) != null ? Calls.string(where).startsWith("cuda") : sm.mayBeCudaDevice(where);
  }
}
