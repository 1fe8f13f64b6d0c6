package dev.oomlint.rules.checks;

import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Stmt;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.diagnostics.Edit;
import dev.oomlint.diagnostics.Fix;
import dev.oomlint.rules.FixSafety;
import dev.oomlint.rules.Level;
import dev.oomlint.rules.Rule;
import dev.oomlint.rules.RuleContext;
import dev.oomlint.rules.RuleInfo;
import dev.oomlint.rules.edits.CallEdits;
import dev.oomlint.semantic.Binding;
import dev.oomlint.semantic.Calls;
import dev.oomlint.semantic.CheckpointRestore;
import dev.oomlint.semantic.Checkpoints;
import dev.oomlint.semantic.SemanticModel;
import java.util.List;
import java.util.Set;

/**
 * OOM402: {@code torch.load(f)} without {@code map_location} restores every tensor to the device it
 * was saved from, so resuming multi-GPU training puts every rank's copy on {@code cuda:0}. Checked:
 * loads in code that uses a GPU ({@link SemanticModel#usesGpu}) and loads named as checkpoints
 * ({@link Checkpoints#namesCheckpoint}: library code that loads what GPU training saved). Not checked:
 * tests, round trips (the same function or an earlier part of the same notebook or script saved the
 * file: {@link Checkpoints#writtenBySameFile}), data files ({@link Checkpoints#namesDataFile}) and values
 * the code shows are on the CPU ({@link Checkpoints#holdsCpuValues}).
 */
@RuleInfo(code = "OOM402", name = "torch-load-without-map-location",
    summary = "torch.load() without map_location restores tensors to the GPU they were saved from.",
    level = Level.WARNING, fix = FixSafety.SAFE, precision = "high", tags = {"memory", "loading"},
    mentions = "torch", enabledByDefault = false)
public final class TorchLoadWithoutMapLocation implements Rule {
  static final Set<String> TORCH_LOAD = Set.of("torch.load", "torch.serialization.load");

  @Override
  public void check(RuleContext ctx) {
    SemanticModel sm = ctx.semantic();
    Boolean several = null; // a fact of the file: one walk, asked of the first load that needs it
    for (Expr.Call c : sm.calls()) {
      if (!isTorchLoad(sm, c) || !lacksMapLocation(c) || sm.isTestCode(c) || isRoundTrip(sm, c)
          || Checkpoints.namesDataFile(sm, c) || !sm.usesGpu() && !Checkpoints.namesCheckpoint(sm, c)
          || gpuSideOfExplicitChoice(sm, c) || Checkpoints.holdsCpuValues(sm, c)
          || Checkpoints.writtenBySameFile(sm, c) || CheckpointRestore.restoresOnlyCounters(sm, c)) {
        continue;
      }
      if (several == null) {
        several = CheckpointRestore.severalProcesses(sm);
      }
      String waste;
      if (several && !CheckpointRestore.oneProcessPerFile(sm, c)) {
        waste = "every rank of a multi-GPU run restores the whole checkpoint onto the GPU it was saved from"
            + " (`cuda:0`) before copying it to its own device";
      } else if (CheckpointRestore.restoresOptimizer(sm, c)) {
        waste = "the optimizer state it holds (twice the weights for Adam) is restored onto the GPU it was saved"
            + " from, beside the copy `load_state_dict` makes";
      } else {
        continue; // one process, weights only: a transient copy on the GPU the model uses anyway
      }
      Edit edit = CallEdits.append(ctx.file(), c, "map_location=\"cpu\"");
      Fix fix = edit == null ? null : Fix.safe("Add `map_location=\"cpu\"`", edit);
      ctx.report(new Diagnostic(ctx.code(),
          "`torch.load()` without `map_location`: " + waste + "; pass `map_location=\"cpu\"` (or the target"
              + " device).",
          c.range(), fix));
    }
  }

  static boolean isTorchLoad(SemanticModel sm, Expr.Call c) {
    String q = sm.qualifiedName(c.func());
    return q != null && TORCH_LOAD.contains(q);
  }

  /**
   * A serialization round trip, where keeping each tensor's device is the point: the same function
   * {@code torch.save}s to the very file or buffer it loads, before the load (a load before the save
   * resumes an earlier run), or
   * the bytes come from an in-memory buffer and the file {@code torch.save}s into one (objects
   * broadcast or sent between processes). The process that wrote the file reads it back on the
   * devices it wrote it from.
   */
  static boolean isRoundTrip(SemanticModel sm, Expr.Call load) {
    Stmt.FunctionDef f = sm.enclosingFunction(load);
    Expr source = load.args().isEmpty() ? Calls.keyword(load, "f").value() : load.args().get(0);
    boolean buffer = isBuffer(sm, source);
    for (Expr.Call c : sm.calls()) {
      String q = sm.qualifiedName(c.func());
      if (q == null || !(q.equals("torch.save") || q.equals("torch.serialization.save")) || c.args().size() < 2) {
        continue;
      }
      Expr target = c.args().get(1);
      if (buffer && isBuffer(sm, target)
          || sm.enclosingFunction(c) == f && c.range().start() < load.range().start() && sameFile(sm, source, target)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The GPU side of an explicit choice: {@code if torch.cuda.is_available(): torch.load(p)} whose
   * other side loads with {@code map_location}. The author chose the saved devices for the GPU case.
   */
  private static boolean gpuSideOfExplicitChoice(SemanticModel sm, Expr.Call load) {
    dev.oomlint.ast.Node child = load;
    for (dev.oomlint.ast.Node cur = sm.parent(load); cur != null && !(cur instanceof Stmt.FunctionDef);
        child = cur, cur = sm.parent(cur)) {
      if (!(cur instanceof Stmt.If i) || child == i.test()) {
        continue;
      }
      Boolean gpu = dev.oomlint.semantic.Placement.testsForGpu(sm, i.test());
      if (gpu == null) {
        continue;
      }
      List<Stmt> other = i.body().contains(child) == gpu ? i.orelse() : null;
      if (other == null) {
        return false;
      }
      boolean[] mapped = {false};
      dev.oomlint.ast.AstWalker.walkAll(other, n -> mapped[0] |= n instanceof Expr.Call o && isTorchLoad(sm, o)
          && Calls.keyword(o, "map_location") != null);
      return mapped[0];
    }
    return false;
  }

  /**
   * The same variable, attribute path or string constant, or the same path expression written the
   * same way ({@code cache_filepath.as_posix()}, {@code os.path.join(path, f"{layer}.pth")}).
   */
  private static boolean sameFile(SemanticModel sm, Expr a, Expr b) {
    String pa = dev.oomlint.semantic.AstUtil.path(a);
    if (pa != null) {
      return pa.equals(dev.oomlint.semantic.AstUtil.path(b));
    }
    String sa = Calls.string(a);
    if (sa != null) {
      return sa.equals(Calls.string(b));
    }
    if (a == null || b == null || !(a instanceof Expr.Call || a instanceof Expr.JoinedStr)) {
      return false;
    }
    return text(sm, a).equals(text(sm, b));
  }

  private static String text(SemanticModel sm, Expr e) {
    return sm.file().slice(e.range()).replaceAll("\\s+", "");
  }

  /** {@code io.BytesIO(...)}, or a name bound to one. */
  private static boolean isBuffer(SemanticModel sm, Expr e) {
    if (e instanceof Expr.Call c) {
      return "io.BytesIO".equals(sm.qualifiedName(c.func()));
    }
    if (e instanceof Expr.Name n) {
      for (Binding b : sm.resolve(n)) {
        if (b.value() instanceof Expr.Call c && b.index() < 0 && "io.BytesIO".equals(sm.qualifiedName(c.func()))) {
          return true;
        }
      }
    }
    return false;
  }

  /** No {@code map_location} keyword, no second positional argument, nothing unpacked that could hold one. */
  static boolean lacksMapLocation(Expr.Call c) {
    return Calls.keyword(c, "map_location") == null && c.args().size() < 2 && !Calls.hasStarred(c)
        && !Calls.hasDoubleStar(c) && (!c.args().isEmpty() || Calls.keyword(c, "f") != null);
  }
}
