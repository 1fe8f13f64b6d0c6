package dev.oomlint.rules.checks;

import dev.oomlint.ast.AstWalker;
import dev.oomlint.ast.ConstValue;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.Operators;
import dev.oomlint.ast.Stmt;
import dev.oomlint.diagnostics.Applicability;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.diagnostics.Fix;
import dev.oomlint.rules.FixSafety;
import dev.oomlint.rules.Level;
import dev.oomlint.rules.Rule;
import dev.oomlint.rules.RuleContext;
import dev.oomlint.rules.RuleInfo;
import dev.oomlint.rules.edits.ExprEdits;
import dev.oomlint.semantic.AstUtil;
import dev.oomlint.semantic.Binding;
import dev.oomlint.semantic.Scope;
import dev.oomlint.semantic.SemanticModel;
import dev.oomlint.semantic.Tensors;
import dev.oomlint.semantic.TrainingIteration;
import java.util.List;

/**
 * OOM102: {@code acc += loss} (or {@code acc = acc + loss}) in a training loop, with {@code acc}
 * living across iterations and never backpropagated itself: the running sum links every iteration's
 * graph together, so none of them is ever freed.
 */
@RuleInfo(code = "OOM102", name = "graph-kept-by-accumulation",
    summary = "A grad-carrying tensor is added to an accumulator that lives across training-loop iterations.",
    level = Level.WARNING, fix = FixSafety.SAFE, precision = "high",
    mentions = "backward")
public final class GraphKeptByAccumulation implements Rule {
  private static final int MAX_USE_DEPTH = 3;

  @Override
  public void check(RuleContext ctx) {
    SemanticModel sm = ctx.semantic();
    if (sm.isOtherFramework() || !TrainingIteration.graphLeakCostsGpuMemory(sm)) {
      return;
    }
    List<Stmt> statements = sm.statements();
    for (int i = 0; i < statements.size(); i++) {
      Stmt n = statements.get(i);
      if (n instanceof Stmt.AugAssign a && a.op() == Operators.Operator.ADD) {
        check(ctx, sm, a, a.target(), a.value());
      } else if (n instanceof Stmt.Assign a && a.targets().size() == 1 && a.value() instanceof Expr.BinOp b
          && b.op() == Operators.Operator.ADD) {
        String p = AstUtil.path(a.targets().get(0));
        if (p != null && p.equals(AstUtil.path(b.left()))) {
          check(ctx, sm, a, a.targets().get(0), b.right());
        } else if (p != null && p.equals(AstUtil.path(b.right()))) {
          check(ctx, sm, a, a.targets().get(0), b.left());
        }
      }
    }
  }

  private void check(RuleContext ctx, SemanticModel sm, Stmt stmt, Expr acc, Expr added) {
    // acc[k] += t accumulates into the container acc
    if (added instanceof Expr.ListExpr || added instanceof Expr.Tuple || added instanceof Expr.ListComp) {
      return; // `xs += [t]` extends a list (a container, OOM101's concern), it sums nothing (val16: 8 false findings)
    }
    Expr holder = acc instanceof Expr.Subscript sub && !(sub.slice() instanceof Expr.Slice) ? sub.value() : acc;
    if (AstUtil.path(holder) == null || !sm.isGradCarrying(added) || Tensors.isLossCompanion(sm, added)) {
      return;
    }
    if (sm.gradMode(stmt) == dev.oomlint.semantic.GradMode.DISABLED) {
      return; // the sum is made with autograd off (`with torch.no_grad(): acc += loss`): no graph links it
    }
    TrainingIteration tc = TrainingIteration.of(sm, stmt);
    if (tc == null || !tc.outlivesIteration(holder, stmt) || tc.feedsBackward(holder)
        || tc.resetAtOptimizerStep(AstUtil.path(holder)) || tc.runsOnCpu()) {
      return;
    }
    String a = ExprEdits.text(ctx.file(), acc);
    String t = ExprEdits.text(ctx.file(), added);
    boolean item = acc == holder && Tensors.isScalarLoss(sm, added) && startsAsNumber(sm, acc)
        && !usedAsTensor(sm, acc);
    String suffix = item ? ".item()" : ".detach()";
    String fixed = ExprEdits.isPrimary(added) ? t + suffix : "(" + t + ")" + suffix;
    String message = "`" + a + "` lives across training iterations and adds up the grad-carrying `" + t
        + "`, so it keeps every iteration's autograd graph in memory; add `" + fixed + "` instead.";
    Fix fix = new Fix(item ? "Accumulate a Python number" : "Accumulate a detached tensor", Applicability.SAFE,
        ExprEdits.suffix(added, suffix));
    ctx.report(new Diagnostic(ctx.code(), message, stmt.range(), fix));
  }

  /** Whether every binding of the accumulator (other than the additions) is a numeric literal. */
  private static boolean startsAsNumber(SemanticModel sm, Expr acc) {
    if (!(acc instanceof Expr.Name n)) {
      return false;
    }
    List<Binding> bs = bindings(sm, n);
    boolean any = false;
    for (Binding b : bs) {
      if (b.kind() == Binding.Kind.AUG_ASSIGN) {
        continue;
      }
      if (b.kind() == Binding.Kind.ASSIGN && b.statement() instanceof Stmt.Assign as
          && as.value() instanceof Expr.BinOp bin && (AstUtil.path(acc).equals(AstUtil.path(bin.left()))
          || AstUtil.path(acc).equals(AstUtil.path(bin.right())))) {
        continue;
      }
      if (b.kind() != Binding.Kind.ASSIGN || b.index() >= 0 || !isNumber(b.value())) {
        return false;
      }
      any = true;
    }
    return any;
  }

  private static boolean isNumber(Expr e) {
    if (e instanceof Expr.UnaryOp u && u.op() == Operators.UnaryOperator.USUB) {
      return isNumber(u.operand());
    }
    return e instanceof Expr.Constant k && (k.value() instanceof ConstValue.Int || k.value() instanceof ConstValue.Float);
  }

  /** All bindings of a variable in the scope that owns it. */
  private static List<Binding> bindings(SemanticModel sm, Expr.Name n) {
    Scope s = sm.scopeOf(n);
    while (s != null && s.bindings(n.id()).isEmpty()) {
      s = s.parent();
    }
    return s == null ? List.of() : s.bindings(n.id());
  }

  /**
   * Whether the accumulator's value is ever used as a tensor: a method or attribute on it, passed to a
   * torch function, returned or stored. Arithmetic results are followed a few assignments deep.
   */
  private static boolean usedAsTensor(SemanticModel sm, Expr acc) {
    if (!(acc instanceof Expr.Name n)) {
      return true;
    }
    return usedAsTensor(sm, n, 0);
  }

  private static boolean usedAsTensor(SemanticModel sm, Expr.Name var, int depth) {
    if (depth > MAX_USE_DEPTH) {
      return true;
    }
    List<Binding> own = bindings(sm, var);
    boolean[] tensor = {false};
    Node scopeNode = ownerNode(sm, var);
    AstWalker.descend(scopeNode, x -> {
      if (tensor[0]) {
        return false;
      }
      if (x instanceof Expr.Name use && use.id().equals(var.id()) && use.ctx() == Operators.ExprContext.LOAD
          && sameVariable(sm, use, own) && tensorUse(sm, use, depth)) {
        tensor[0] = true;
      }
      return true;
    });
    return tensor[0];
  }

  private static Node ownerNode(SemanticModel sm, Expr.Name var) {
    Scope s = sm.scopeOf(var);
    while (s != null && s.bindings(var.id()).isEmpty()) {
      s = s.parent();
    }
    return s == null ? sm.module() : s.node();
  }

  private static boolean sameVariable(SemanticModel sm, Expr.Name use, List<Binding> own) {
    List<Binding> bs = sm.resolve(use);
    for (Binding b : bs) {
      for (Binding o : own) {
        if (b == o) {
          return true;
        }
      }
    }
    return bs.isEmpty();
  }

  private static boolean tensorUse(SemanticModel sm, Expr.Name use, int depth) {
    Node child = use;
    Node p = sm.parent(use);
    while (p instanceof Expr.BinOp || p instanceof Expr.UnaryOp) {
      child = p;
      p = sm.parent(p);
    }
    if (p instanceof Expr.Attribute a && a.value() == child) {
      return true;
    }
    if (p instanceof Expr.Call c && c.func() != child) {
      String q = sm.qualifiedName(c.func());
      return q != null && q.startsWith("torch.");
    }
    if (p instanceof Stmt.Return || p instanceof Expr.Yield || p instanceof Expr.Tuple
        || p instanceof Expr.ListExpr || p instanceof Expr.Dict) {
      return true;
    }
    if (p instanceof Stmt.Assign as && as.value() == child) {
      for (Expr t : as.targets()) {
        if (!(t instanceof Expr.Name tn)) {
          return true;
        }
        if (!tn.id().equals(use.id()) && usedAsTensor(sm, tn, depth + 1)) {
          return true;
        }
      }
    }
    return false;
  }
}
