package dev.oomlint.semantic;

import dev.oomlint.ast.ConstValue;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Mod;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.Operators;
import dev.oomlint.ast.Stmt;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Finds inference regions: model calls with grad mode not disabled, in code that runs no backward and
 * shows evaluation intent (an evaluation-named function, code after {@code model.eval()}, a loop over
 * evaluation data, or a script that never trains at all). Gradient-based code (input gradients,
 * {@code torch.autograd.grad}) is left alone.
 */
final class Inference {
  private final AstIndex index;
  private final Names names;
  private final CallGraph calls;
  private final GradModes modes;
  private final TorchObjects objects;
  private final Training training;
  private final String path;
  private List<InferenceRegion> regions;

  Inference(AstIndex index, Names names, CallGraph calls, GradModes modes, TorchObjects objects,
      Training training, String path) {
    this.index = index;
    this.names = names;
    this.calls = calls;
    this.modes = modes;
    this.objects = objects;
    this.training = training;
    this.path = path == null ? "" : path.replace('\\', '/');
  }

  /** Whether a call runs a model's forward pass (a frozen model's does not build a graph). */
  boolean isModelCall(Expr.Call c) {
    Expr f = c.func();
    if (f instanceof Expr.Attribute a && TorchApi.FORWARD_METHODS.contains(a.attr())
        && objects.isModel(a.value())) {
      return !objects.isFrozen(a.value());
    }
    return objects.isModel(f) && !objects.isFrozen(f);
  }

  List<InferenceRegion> regions() {
    if (regions == null) {
      regions = new ArrayList<>();
      boolean script = isScript();
      for (Stmt.FunctionDef f : index.functions) {
        unit(f, f.body(), script);
      }
      unit(index.module(), index.module().body(), script);
      regions.sort((a, b) -> Integer.compare(a.firstModelCall().range().start(),
          b.firstModelCall().range().start()));
    }
    return regions;
  }

  private void unit(Node u, List<Stmt> body, boolean script) {
    Stmt.FunctionDef f = u instanceof Stmt.FunctionDef fd ? fd : null;
    if (f != null && skipFunction(f)) {
      return;
    }
    List<Node> roots = ownCode(body);
    if (training.runsBackward(roots) || gradientBased(roots)) {
      return;
    }
    List<Expr.Call> modelCalls = new ArrayList<>();
    for (Node r : roots) {
      AstUtil.walk(r, n -> {
        if (n instanceof Stmt.FunctionDef || n instanceof Stmt.ClassDef) {
          return false;
        }
        if (n instanceof Expr.Call c && isModelCall(c) && modes.mode(c) == GradMode.ENABLED) {
          modelCalls.add(c);
        }
        return true;
      });
    }
    if (modelCalls.isEmpty()) {
      return;
    }
    modelCalls.sort((a, b) -> Integer.compare(a.range().start(), b.range().start()));
    if (f != null && TorchApi.isEvalFunctionName(f.name())) {
      regions.add(new InferenceRegion(InferenceRegion.Kind.FUNCTION, f, modelCalls.get(0),
          "in `" + f.name() + "`, an evaluation function"));
      return;
    }
    if (!training.fileTrains() && script && (f == null || index.parent(f) instanceof Mod.Module)) {
      if (f != null) {
        regions.add(new InferenceRegion(InferenceRegion.Kind.FUNCTION, f, modelCalls.get(0),
            "in a script that never trains"));
      } else {
        regions.add(around(u, modelCalls.get(0), "in a script that never trains"));
      }
      return;
    }
    Set<Expr.Call> covered = Collections.newSetFromMap(new IdentityHashMap<>());
    Stmt evalStmt = firstEvalCall(roots);
    if (evalStmt != null) {
      List<Expr.Call> after = new ArrayList<>();
      for (Expr.Call c : modelCalls) {
        if (c.range().start() >= evalStmt.range().end()) {
          after.add(c);
        }
      }
      if (!after.isEmpty()) {
        String why = "after the model was switched to eval mode";
        if (f != null && AstUtil.containsNode(f.body(), evalStmt) && after.size() == modelCalls.size()) {
          regions.add(new InferenceRegion(InferenceRegion.Kind.FUNCTION, f, after.get(0), why));
          return;
        }
        regions.add(around(u, after.get(0), why));
        covered.addAll(after);
      }
    }
    for (Expr.Call c : modelCalls) {
      if (covered.contains(c)) {
        continue;
      }
      Stmt.For loop = outermostEvalDataLoop(u, c);
      if (loop == null) {
        continue;
      }
      regions.add(new InferenceRegion(InferenceRegion.Kind.LOOP, loop, c,
          "in a loop over `" + evalDataName(loop.iter()) + "`"));
      for (Expr.Call other : modelCalls) {
        if (TorchObjects.within(loop, other)) {
          covered.add(other);
        }
      }
    }
  }

  private boolean skipFunction(Stmt.FunctionDef f) {
    if (f.name().equals("forward") || f.name().equals("__call__")) {
      return true;
    }
    Stmt.ClassDef cls = calls.enclosingClass(f);
    if (cls != null && (calls.isModuleClass(cls) || calls.isLightningModule(cls))) {
      return true;
    }
    if (f.name().endsWith("_step") && cls != null) {
      return true;
    }
    String base = path.substring(path.lastIndexOf('/') + 1);
    boolean testFile = base.startsWith("test_") || base.endsWith("_test.py") || path.contains("/tests/")
        || base.equals("conftest.py");
    return testFile && f.name().startsWith("test");
  }

  /** A unit's own statements: for the module, everything outside defs and classes. */
  private static List<Node> ownCode(List<Stmt> body) {
    List<Node> out = new ArrayList<>();
    for (Stmt s : body) {
      if (!(s instanceof Stmt.FunctionDef) && !(s instanceof Stmt.ClassDef)) {
        out.add(s);
      }
    }
    return out;
  }

  /** Input gradients, {@code torch.autograd.grad}, re-enabled grad: code that needs autograd on. */
  private boolean gradientBased(List<Node> roots) {
    boolean[] found = {false};
    for (Node r : roots) {
      AstUtil.walk(r, n -> {
        if (found[0] || n instanceof Stmt.FunctionDef || n instanceof Stmt.ClassDef) {
          return false;
        }
        if (n instanceof Expr.Call c) {
          String m = AstUtil.methodName(c);
          String q = names.qualifiedName(c.func());
          if ("requires_grad_".equals(m) && !isFalseArg(c) || "register_hook".equals(m)
              || q != null && (q.startsWith("torch.autograd.") || q.startsWith("torch.func.")
              || q.startsWith("functorch.") || TorchApi.ENABLE_GRAD.contains(q))) {
            found[0] = true;
          }
        } else if (n instanceof Expr.Attribute a && a.attr().equals("grad")
            && a.ctx() == Operators.ExprContext.LOAD) {
          found[0] = true;
        } else if (n instanceof Stmt.Assign as && as.value() instanceof Expr.Constant k
            && k.value() instanceof ConstValue.Bool b && b.value()) {
          for (Expr t : as.targets()) {
            if (t instanceof Expr.Attribute at && at.attr().equals("requires_grad")) {
              found[0] = true;
            }
          }
        }
        if (n instanceof Expr.Call c) {
          for (var k : c.keywords()) {
            if ("requires_grad".equals(k.arg()) && k.value() instanceof Expr.Constant kc
                && kc.value() instanceof ConstValue.Bool b && b.value()) {
              found[0] = true;
            }
          }
        }
        return !found[0];
      });
    }
    return found[0];
  }

  private static boolean isFalseArg(Expr.Call c) {
    return !c.args().isEmpty() && c.args().get(0) instanceof Expr.Constant k
        && k.value() instanceof ConstValue.Bool b && !b.value();
  }

  /** The first {@code model.eval()} statement among a unit's own statements (any depth), or null. */
  private Stmt firstEvalCall(List<Node> roots) {
    Stmt[] found = {null};
    for (Node r : roots) {
      AstUtil.walk(r, n -> {
        if (found[0] != null || n instanceof Stmt.FunctionDef || n instanceof Stmt.ClassDef) {
          return false;
        }
        if (n instanceof Stmt.ExprStmt es && es.value() instanceof Expr.Call c
            && "eval".equals(AstUtil.methodName(c)) && c.args().isEmpty()
            && objects.isModel(AstUtil.receiver(c))) {
          found[0] = es;
        }
        return true;
      });
      if (found[0] != null) {
        break;
      }
    }
    return found[0];
  }

  /** The region to wrap around a call: its outermost enclosing loop in the unit, else its statement. */
  private InferenceRegion around(Node unit, Expr.Call call, String why) {
    Node cur = call;
    Stmt stmt = null;
    Stmt loop = null;
    while (cur != null && cur != unit) {
      if (cur instanceof Stmt s) {
        if (stmt == null) {
          stmt = s;
        }
        if (AstUtil.isLoop(s)) {
          loop = s;
        }
      }
      cur = index.parent(cur);
    }
    if (loop != null) {
      return new InferenceRegion(InferenceRegion.Kind.LOOP, loop, call, why);
    }
    return new InferenceRegion(InferenceRegion.Kind.STATEMENT, stmt, call, why);
  }

  private Stmt.For outermostEvalDataLoop(Node unit, Expr.Call c) {
    Stmt.For found = null;
    Node cur = index.parent(c);
    while (cur != null && cur != unit) {
      if (cur instanceof Stmt.For f && evalDataName(f.iter()) != null && TorchObjects.within(f, c)
          && !TorchObjects.within(f.iter(), c)) {
        found = f;
      }
      cur = index.parent(cur);
    }
    return found;
  }

  /** The evaluation-data name a loop iterates ({@code val_loader} in {@code enumerate(val_loader)}), or null. */
  static String evalDataName(Expr iter) {
    String[] found = {null};
    AstUtil.walk(iter, n -> {
      if (found[0] != null || n instanceof Expr.Lambda) {
        return false;
      }
      String id = n instanceof Expr.Name nm ? nm.id() : n instanceof Expr.Attribute a ? a.attr() : null;
      if (id != null && TorchApi.isEvalDataName(id)) {
        found[0] = id;
      }
      if (n instanceof Expr.Subscript s && s.slice() instanceof Expr.Constant k && k.value() instanceof ConstValue.Str str
          && TorchApi.isEvalDataName(str.value())) {
        found[0] = AstUtil.lastName(s.value()) + "['" + str.value() + "']";
      }
      return true;
    });
    return found[0];
  }

  private boolean isScript() {
    for (Stmt s : index.module().body()) {
      if (s instanceof Stmt.If i && i.test() instanceof Expr.Compare cmp
          && cmp.left() instanceof Expr.Name n && n.id().equals("__name__")) {
        return true;
      }
    }
    boolean[] found = {false};
    for (Node r : ownCode(index.module().body())) {
      AstUtil.walk(r, n -> {
        if (found[0] || n instanceof Stmt.FunctionDef || n instanceof Stmt.ClassDef) {
          return false;
        }
        if (n instanceof Expr.Call c && isModelCall(c)) {
          found[0] = true;
        }
        return true;
      });
    }
    return found[0];
  }
}
