package dev.oomlint.rules;

import dev.oomlint.ast.Expr;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.diagnostics.Edit;
import dev.oomlint.diagnostics.Fix;
import dev.oomlint.semantic.SemanticModel;
import java.util.Set;

/**
 * OOM402: {@code torch.load(f)} without {@code map_location} restores every tensor to the device it
 * was saved from, so resuming multi-GPU training puts every rank's copy on {@code cuda:0}.
 */
@RuleInfo(code = "OOM402", name = "torch-load-without-map-location",
    summary = "torch.load() without map_location restores tensors to the GPU they were saved from.",
    level = Level.WARNING, fix = FixSafety.SAFE, precision = "high", tags = {"memory", "loading"})
public final class TorchLoadWithoutMapLocation implements Rule {
  static final Set<String> TORCH_LOAD = Set.of("torch.load", "torch.serialization.load");

  @Override
  public void check(RuleContext ctx) {
    SemanticModel sm = ctx.semantic();
    for (Expr.Call c : sm.calls()) {
      if (!isTorchLoad(sm, c) || !lacksMapLocation(c)) {
        continue;
      }
      Edit edit = CallEdits.append(ctx.file(), c, "map_location=\"cpu\"");
      Fix fix = edit == null ? null : Fix.safe("Add `map_location=\"cpu\"`", edit);
      ctx.report(new Diagnostic(ctx.code(),
          "`torch.load()` without `map_location` puts every tensor back on the device it was saved from"
              + " (all on `cuda:0` when each rank resumes a multi-GPU checkpoint); pass"
              + " `map_location=\"cpu\"` (or the target device).",
          c.range(), fix));
    }
  }

  static boolean isTorchLoad(SemanticModel sm, Expr.Call c) {
    String q = sm.qualifiedName(c.func());
    return q != null && TORCH_LOAD.contains(q);
  }

  /** No {@code map_location} keyword, no second positional argument, nothing unpacked that could hold one. */
  static boolean lacksMapLocation(Expr.Call c) {
    return CallEdits.keyword(c, "map_location") == null && c.args().size() < 2 && !CallEdits.hasStarred(c)
        && !CallEdits.hasDoubleStar(c) && (!c.args().isEmpty() || CallEdits.keyword(c, "f") != null);
  }
}
