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
import dev.oomlint.semantic.Iterations;
import dev.oomlint.semantic.SemanticModel;
import java.util.List;
import java.util.Set;

/**
 * OOM504: {@code torch.cuda.empty_cache()} on every iteration of a training or inference loop. It frees
 * nothing that is still referenced and makes the next iteration allocate through the driver again.
 */
@RuleInfo(code = "OOM504", name = "empty-cache-in-training-loop",
    summary = "torch.cuda.empty_cache() runs on every iteration of a training or inference loop.",
    level = Level.NOTE, fix = FixSafety.NONE, precision = "high", tags = {"memory", "performance"},
    mentions = "empty_cache", enabledByDefault = false)
public final class EmptyCacheInTrainingLoop implements Rule {
  private static final Set<String> EMPTY_CACHE = Set.of("torch.cuda.empty_cache", "torch.cuda.memory.empty_cache");
  private static final Set<String> IS_AVAILABLE = Set.of("torch.cuda.is_available");

  @Override
  public void check(RuleContext ctx) {
    SemanticModel sm = ctx.semantic();
    if (sm.isOtherFramework() || sm.isTestFile()) {
      return;
    }
    Iterations steps = new Iterations(sm, c -> sm.isBackwardCall(c) || sm.isForwardCall(c));
    for (Expr.Call c : sm.calls()) {
      if (!EMPTY_CACHE.contains(String.valueOf(sm.qualifiedName(c.func())))) {
        continue;
      }
      if (!(sm.parent(c) instanceof Stmt.ExprStmt stmt)) {
        continue;
      }
      String where = where(sm, steps, stmt);
      if (where == null) {
        continue;
      }
      String message = "`torch.cuda.empty_cache()` runs on every iteration of " + where + ": it frees no"
          + " tensor that is still referenced (the caching allocator already reuses freed blocks), and the"
          + " next iteration must allocate its memory from the driver again, which slows every step; call it"
          + " once after the loop, if at all.";
      ctx.report(new Diagnostic(ctx.code(), message, c.range(), null));
    }
  }

  /** A phrase naming the loop the statement runs in on every pass, or null when it does not. */
  private static String where(SemanticModel sm, Iterations steps, Stmt stmt) {
    Stmt loop = Iterations.innermostLoop(sm, stmt);
    if (loop != null) {
      List<Stmt> body = AstUtil.loopBody(loop);
      if (!everyPass(sm, stmt, loop) || !steps.runsDirectly(body) || hasInnerStepLoop(sm, loop)
          || buildsModels(sm, loop)) {
        return null;
      }
      return kind(sm, AstUtil.loopBody(loop)) + " loop";
    }
    // a per-step helper (it runs a forward or backward itself) called on every pass of a loop
    Stmt.FunctionDef f = sm.enclosingFunction(stmt);
    if (f == null || !everyPass(sm, stmt, f) || !steps.runsDirectly(f.body())) {
      return null;
    }
    for (Expr.Call site : sm.callSites(f)) {
      Stmt siteStmt = Iterations.statementOf(sm, site);
      Stmt outer = siteStmt == null ? null : Iterations.innermostLoop(sm, siteStmt);
      if (outer != null && everyPass(sm, siteStmt, outer)) {
        return kind(sm, f.body()).replaceFirst("^an? ", "the ") + " loop that calls `" + f.name() + "`";
      }
    }
    return null;
  }

  /** Whether the statement runs on every pass of {@code owner}; {@code if torch.cuda.is_available():} holds on every pass. */
  private static boolean everyPass(SemanticModel sm, Stmt s, Node owner) {
    return Iterations.runsEveryPass(sm, s, owner, t -> isCudaCheck(sm, t));
  }

  /**
   * Whether a loop runs, on every pass, a nested loop (or a same-file function with a loop) that
   * runs a model: an epoch or episode loop, where once per pass is cheap.
   */
  private static boolean hasInnerStepLoop(SemanticModel sm, Stmt loop) {
    boolean[] found = {false};
    for (Stmt s : AstUtil.loopBody(loop)) {
      AstWalker.descend(s, n -> {
        if (found[0] || n instanceof Stmt.FunctionDef || n instanceof Stmt.ClassDef || n instanceof Expr.Lambda) {
          return false;
        }
        if (n instanceof Stmt inner && AstUtil.isLoop(inner)) {
          if (Iterations.runsEveryPass(sm, inner, loop) && runsModel(sm, List.of(inner))) {
            found[0] = true;
          }
          return false;
        }
        if (n instanceof Expr.Call c) {
          Stmt.FunctionDef f = sm.resolveCall(c);
          Stmt st = Iterations.statementOf(sm, c);
          if (f != null && st != null && Iterations.runsEveryPass(sm, st, loop) && hasModelLoop(sm, f)) {
            found[0] = true;
          }
        }
        return true;
      });
    }
    return found[0];
  }

  /** Whether a function has a loop that runs a model or a backward. */
  private static boolean hasModelLoop(SemanticModel sm, Stmt.FunctionDef f) {
    boolean[] found = {false};
    AstWalker.descend(f, n -> {
      if (n instanceof Stmt s && AstUtil.isLoop(s) && runsModel(sm, List.of(s))) {
        found[0] = true;
      }
      return !found[0];
    });
    return found[0];
  }

  private static boolean runsModel(SemanticModel sm, List<Stmt> roots) {
    boolean[] found = {false};
    for (Stmt r : roots) {
      AstWalker.descend(r, n -> {
        if (n instanceof Expr.Call c && (sm.isBackwardCall(c) || sm.isForwardCall(c))) {
          found[0] = true;
        }
        return !found[0];
      });
    }
    return found[0];
  }

  private static final Set<String> LOADERS = Set.of("torch.load", "torch.hub.load", "timm.create_model",
      "transformers.pipeline", "diffusers.DiffusionPipeline.from_pretrained");

  /**
   * Whether a loop loads or builds a model on every pass ({@code from_pretrained}, {@code torch.load},
   * a same-file {@code nn.Module} class): a loop over models or experiments, where emptying the cache
   * between very different workloads is the documented use. Loads under an {@code if} (saving or
   * validating every N steps) do not count.
   */
  private static boolean buildsModels(SemanticModel sm, Stmt loop) {
    boolean[] found = {false};
    for (Stmt s : AstUtil.loopBody(loop)) {
      AstWalker.descend(s, n -> {
        if (n instanceof Expr.Call c && buildsModel(sm, c)) {
          Stmt st = Iterations.statementOf(sm, c);
          found[0] = st != null && Iterations.runsEveryPass(sm, st, loop);
        } else if (n instanceof Stmt.Assign a && constructsModel(sm, a)) {
          found[0] = Iterations.runsEveryPass(sm, a, loop);
        }
        return !found[0] && !(n instanceof Stmt.FunctionDef) && !(n instanceof Stmt.ClassDef);
      });
    }
    return found[0];
  }

  /**
   * {@code model = GPTModel(config).to(device)}: a model bound from a class instantiation (a
   * capitalised callee, possibly imported from another module, under method calls such as
   * {@code .to()}), as batch-size searches and benchmarks over configurations do on every pass.
   */
  private static boolean constructsModel(SemanticModel sm, Stmt.Assign a) {
    if (a.targets().size() != 1 || !(a.targets().get(0) instanceof Expr.Name t) || !sm.isModel(t)) {
      return false;
    }
    Expr cur = a.value();
    while (cur instanceof Expr.Call c && c.func() instanceof Expr.Attribute at && at.value() instanceof Expr.Call) {
      cur = at.value();
    }
    if (!(cur instanceof Expr.Call c)) {
      return false;
    }
    String name = AstUtil.lastName(c.func());
    return name != null && !name.isEmpty() && Character.isUpperCase(name.charAt(0));
  }

  private static boolean buildsModel(SemanticModel sm, Expr.Call c) {
    String q = sm.qualifiedName(c.func());
    String m = AstUtil.methodName(c);
    Stmt.ClassDef cls = sm.classCalled(c);
    return q != null && (LOADERS.contains(q) || q.startsWith("torchvision.models."))
        || "from_pretrained".equals(m) || "load_state_dict".equals(m) || "from_single_file".equals(m)
        || cls != null && sm.isModuleClass(cls);
  }

  private static boolean isCudaCheck(SemanticModel sm, Expr test) {
    return test instanceof Expr.Call c && c.args().isEmpty()
        && IS_AVAILABLE.contains(String.valueOf(sm.qualifiedName(c.func())));
  }

  private static String kind(SemanticModel sm, List<Stmt> body) {
    return new Iterations(sm, sm::isBackwardCall).runsDirectly(body) ? "a training" : "an inference";
  }
}
