package dev.oomlint.rules.checks;

import dev.oomlint.ast.AstWalker;
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
import dev.oomlint.semantic.Binding;
import dev.oomlint.semantic.Calls;
import dev.oomlint.semantic.HfModels;
import dev.oomlint.semantic.Iterations;
import dev.oomlint.semantic.ModelSizes;
import dev.oomlint.semantic.Placement;
import dev.oomlint.semantic.SemanticModel;
import java.util.List;

/**
 * OOM405: a name that holds a model on the GPU is rebound to a newly loaded model that is put on the
 * GPU as it loads ({@code model = X.from_pretrained(b, device_map="auto")}), in straight-line code (a
 * script, a notebook's cells, one function), outside loops (OOM401's). The new model is built while the
 * name still references the old one, so the peak holds both. Not reported: a {@code del name} or any
 * other rebinding in between, an old model that is not on the GPU or was moved off it, a new one that
 * is loaded on the CPU (the old is freed when the name is rebound, before the move), loads in exclusive
 * branches or different functions, small checkpoints, tests.
 */
@RuleInfo(code = "OOM405", name = "model-reloaded-without-release",
    summary = "A name holding a GPU model is rebound to a new model loaded onto the GPU while the old one is still referenced.",
    level = Level.WARNING, fix = FixSafety.NONE, precision = "high", tags = {"memory", "loading"},
    mentions = "from_pretrained|pipeline|create_model|torch", enabledByDefault = false)
public final class ModelReloadedWithoutRelease implements Rule {
  @Override
  public void check(RuleContext ctx) {
    SemanticModel sm = ctx.semantic();
    if (sm.isTestFile()) {
      return;
    }
    for (Expr.Call load : sm.calls()) {
      // the cheap structural tests first: a name rebound by this call after an earlier assignment
      Stmt.Assign second = assignmentOf(sm, load);
      if (second == null || !(second.targets().get(0) instanceof Expr.Name target)) {
        continue;
      }
      Binding previous = previousBinding(sm, target, second);
      if (previous == null || previous.kind() != Binding.Kind.ASSIGN || previous.index() >= 0
          || !(previous.statement() instanceof Stmt.Assign first) || first.targets().size() != 1) {
        continue;
      }
      String kind = ModelLoadedInLoop.loadKind(sm, load);
      if (kind == null || kind.equals("module") || kind.equals("keras") || sm.isTestCode(load)
          || Iterations.innermostLoop(sm, load) != null || !Placement.loadPutsOnGpu(sm, load)) {
        continue;
      }
      Expr.Call old = loadIn(sm, first.value());
      if (old == null || !followsInSameFlow(sm, first, second) || !onGpu(sm, old) || small(sm, old)
          || movedOff(sm, first, target.id()) || releasedBetween(sm, first, second, target.id())
          || reimportedBetween(sm, load, first)) {
        continue;
      }
      int line = sm.file().lines().line(first.range().start());
      ctx.report(new Diagnostic(ctx.code(), "`" + target.id() + "` still holds the model loaded at line " + line
          + " on the GPU while this load puts a new one there, so both are in GPU memory at once; `del "
          + target.id() + "` (then `gc.collect()` and `torch.cuda.empty_cache()`) before loading the next.",
          load.range()));
    }
  }

  /** The assignment {@code name = <load>[.to(...)...]} whose value is the load's method chain; or null. */
  private static Stmt.Assign assignmentOf(SemanticModel sm, Expr.Call load) {
    Expr cur = load;
    for (int i = 0; i < 16; i++) {
      Node p = sm.parent(cur);
      if (p instanceof Expr.Attribute a && a.value() == cur && sm.parent(a) instanceof Expr.Call c && c.func() == a
          && Placement.PASSTHROUGH.contains(a.attr())) {
        cur = c;
        continue;
      }
      return p instanceof Stmt.Assign s && s.value() == cur && s.targets().size() == 1 ? s : null;
    }
    return null;
  }

  /** The load call at the bottom of an assigned value's method chain ({@code X.from_pretrained(a).to(d)}); or null. */
  private static Expr.Call loadIn(SemanticModel sm, Expr value) {
    Expr cur = value;
    for (int i = 0; i < 16 && cur instanceof Expr.Call c; i++) {
      String kind = ModelLoadedInLoop.loadKind(sm, c);
      if (kind != null) {
        return kind.equals("module") || kind.equals("keras") ? null : c;
      }
      if (!(c.func() instanceof Expr.Attribute a) || !Placement.PASSTHROUGH.contains(a.attr())) {
        return null;
      }
      cur = a.value();
    }
    return null;
  }

  /** The binding of the target's name in its scope that comes last before the statement. */
  private static Binding previousBinding(SemanticModel sm, Expr.Name target, Stmt.Assign stmt) {
    Binding best = null;
    for (Binding b : sm.scopeOf(target).bindings(target.id())) {
      if (b.statement() != stmt && b.effective() <= stmt.range().start()
          && (best == null || b.effective() > best.effective())) {
        best = b;
      }
    }
    return best;
  }

  /**
   * Whether the second statement always runs after the first: it is in the first's block, after it, or
   * nested in a later statement of that block through {@code if}, {@code with} or {@code try} (never a
   * loop, a function or a class).
   */
  private static boolean followsInSameFlow(SemanticModel sm, Stmt first, Stmt second) {
    List<Stmt> block = sm.blockOf(first);
    if (block == null) {
      return false;
    }
    int at = block.indexOf(first);
    Node cur = second;
    while (cur != null) {
      if (cur instanceof Stmt s && block.contains(s)) {
        return block.indexOf(s) > at;
      }
      Node up = sm.parent(cur);
      if (up instanceof Stmt.FunctionDef || up instanceof Stmt.ClassDef || up instanceof Stmt u && AstUtil.isLoop(u)) {
        return false;
      }
      cur = up;
    }
    return false;
  }

  /** Whether the old model is on the GPU: placed there by its load, or moved there afterwards. */
  private static boolean onGpu(SemanticModel sm, Expr.Call old) {
    Placement p = Placement.of(sm, old);
    return (Placement.loadPutsOnGpu(sm, old) || p.movedToGpu()) && !p.offloaded();
  }

  /** A checkpoint known to be small (a few hundred million parameters at most): two of them fit. */
  private static boolean small(SemanticModel sm, Expr.Call old) {
    String cls = HfModels.loadedModelClass(sm, old);
    if (cls == null) {
      return HfModels.isPipelineFactory(sm.qualifiedName(old.func())) && ModelSizes.smallPipelineModel(sm, old) != null;
    }
    return ModelSizes.smallCheckpoint(sm, old, cls) != null;
  }

  /** Whether the old model is moved off the GPU after its load ({@code model.cpu()}, {@code model.to("cpu")}). */
  private static boolean movedOff(SemanticModel sm, Stmt.Assign first, String name) {
    boolean[] off = {false};
    Node scope = sm.scopeOf(first.targets().get(0)).node();
    AstWalker.walkAll(List.of(scope), n -> {
      if (n instanceof Expr.Call c && c.func() instanceof Expr.Attribute a && a.value() instanceof Expr.Name nm
          && nm.id().equals(name)) {
        String cpu = a.attr().equals("to") ? Calls.string(Calls.argument(c, 0, "device")) : null;
        if (a.attr().equals("cpu") || "cpu".equals(cpu)) {
          for (Binding b : sm.resolve(nm)) {
            off[0] |= b.statement() == first;
          }
        }
      }
    });
    return off[0];
  }
  /**
   * Whether code between the two statements releases the name another way: {@code del globals()["model"]},
   * or a call to a same-file function that does ({@code def clear_memory(): del globals()["model"]}) or
   * declares the name {@code global} and deletes or rebinds it.
   */
  private static boolean releasedBetween(SemanticModel sm, Stmt first, Stmt second, String name) {
    int from = first.range().end();
    int to = second.range().start();
    boolean[] hit = {false};
    Node scope = sm.scopeOf(first).node();
    AstWalker.walkAll(List.of(scope), n -> {
      if (hit[0] || n.range().start() < from || n.range().end() > to) {
        return;
      }
      if (n instanceof Stmt.Delete d && deletesGlobal(sm, d, name)) {
        hit[0] = true;
      } else if (n instanceof Expr.Call c) {
        Stmt.FunctionDef f = sm.resolveCall(c);
        if (f != null && releasesInBody(sm, f, name)) {
          hit[0] = true;
        }
      }
    });
    return hit[0];
  }

  private static boolean releasesInBody(SemanticModel sm, Stmt.FunctionDef f, String name) {
    boolean global = false;
    for (Stmt s : f.body()) {
      global |= s instanceof Stmt.Global g && g.names().contains(name);
    }
    boolean declared = global;
    boolean[] hit = {false};
    AstWalker.walkAll(f.body(), n -> {
      if (n instanceof Stmt.Delete d && (deletesGlobal(sm, d, name)
          || declared && d.targets().stream().anyMatch(t -> t instanceof Expr.Name tn && tn.id().equals(name)))) {
        hit[0] = true;
      } else if (declared && n instanceof Stmt.Assign a
          && a.targets().stream().anyMatch(t -> t instanceof Expr.Name tn && tn.id().equals(name))) {
        hit[0] = true;
      }
    });
    return hit[0];
  }

  /** {@code del globals()["name"]}, or {@code del globals()[var]} (a loop over names to release). */
  private static boolean deletesGlobal(SemanticModel sm, Stmt.Delete d, String name) {
    for (Expr t : d.targets()) {
      if (t instanceof Expr.Subscript sub && sub.value() instanceof Expr.Call g && g.args().isEmpty()
          && g.func() instanceof Expr.Name gn && gn.id().equals("globals")) {
        String key = Calls.string(sub.slice());
        if (key == null || key.equals(name)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether the new load's own class or factory is imported again after the first load: the second
   * load is a stand-alone snippet (documentation pages turned into notebooks repeat their imports in
   * every example), not the next step of one program.
   */
  private static boolean reimportedBetween(SemanticModel sm, Expr.Call load, Stmt first) {
    Expr func = load.func();
    Expr.Name root = AstUtil.root(func);
    if (root == null) {
      return false;
    }
    for (Binding b : sm.resolve(root)) {
      if (b.kind() == Binding.Kind.IMPORT && b.statement() != null
          && b.statement().range().start() > first.range().end()) {
        return true;
      }
    }
    return false;
  }
}
