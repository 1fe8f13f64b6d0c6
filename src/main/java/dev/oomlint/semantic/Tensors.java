package dev.oomlint.semantic;

import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Operators;
import dev.oomlint.ast.Stmt;
import java.util.List;

/** What a value is, as far as the file shows: the backpropagated loss, surely a tensor, a name's one value. */
public final class Tensors {
  private Tensors() {}

  private static final int MAX_DEPTH = 4;

  /**
   * Whether {@code e} is the backpropagated scalar (or a scalar loss): a backward target, a loss call,
   * {@code outputs.loss}, or such a value scaled by a plain number.
   */
  public static boolean isScalarLoss(SemanticModel sm, Expr e) {
    return isScalarLoss(sm, e, 0);
  }

  private static boolean isScalarLoss(SemanticModel sm, Expr e, int depth) {
    if (depth > MAX_DEPTH || e == null) {
      return false;
    }
    String p = AstUtil.path(e);
    if (p != null && sm.backpropTargets(e).contains(p)) {
      return true;
    }
    if (e instanceof Expr.Attribute a && a.attr().equals("loss")) {
      return true;
    }
    if (e instanceof Expr.Call c) {
      return sm.isLossCallable(c.func());
    }
    if (e instanceof Expr.BinOp b) {
      boolean l = isScalarLoss(sm, b.left(), depth + 1);
      boolean r = isScalarLoss(sm, b.right(), depth + 1);
      return l && !sm.isGradCarrying(b.right()) || r && !sm.isGradCarrying(b.left()) || l && r;
    }
    if (e instanceof Expr.UnaryOp u && u.op() == Operators.UnaryOperator.USUB) {
      return isScalarLoss(sm, u.operand(), depth + 1);
    }
    Expr bound = singleValue(sm, e);
    return bound != null && isScalarLoss(sm, bound, depth + 1);
  }

  /**
   * Whether {@code e} is surely a tensor (so {@code .detach()} keeps its type): losses, arithmetic,
   * tensor methods, torch functions, indexing. A model's direct output may be a tuple or a
   * ModelOutput, so it is not.
   */
  public static boolean isTensor(SemanticModel sm, Expr e) {
    return isTensor(sm, e, 0);
  }

  private static boolean isTensor(SemanticModel sm, Expr e, int depth) {
    if (depth > MAX_DEPTH || e == null) {
      return false;
    }
    if (isScalarLoss(sm, e)) {
      return true;
    }
    if (e instanceof Expr.BinOp || e instanceof Expr.UnaryOp || e instanceof Expr.Subscript) {
      return true;
    }
    if (e instanceof Expr.Attribute a) {
      return !sm.isModel(a);
    }
    if (e instanceof Expr.Call c) {
      String q = sm.qualifiedName(c.func());
      if (q != null) {
        return q.startsWith("torch.") && !q.startsWith("torch.nn.") || q.startsWith("torch.nn.functional.");
      }
      if (sm.isModelCall(c) || sm.resolveCall(c) != null) {
        return false;
      }
      Expr recv = AstUtil.receiver(c);
      return recv != null && sm.isGradCarrying(recv) && !sm.isModel(recv);
    }
    Expr bound = singleValue(sm, e);
    return bound != null && isTensor(sm, bound, depth + 1);
  }

  /**
   * Whether {@code e} (a name, or an element or attribute of one) is bound only by unpacking the
   * result of a call that is not a model's forward, next to a loss ({@code loss, sample_size,
   * logging_output = criterion(model, sample)}; {@code loss, chosen, rejected = loss_fn(...)}): the
   * values a loss function returns beside the loss are statistics for logging (numbers, detached
   * tensors), not graphs. A model's outputs ({@code loss, logits = model(x, y)}) do not count.
   */
  public static boolean isLossCompanion(SemanticModel sm, Expr e) {
    Expr.Name n = AstUtil.root(e);
    if (n == null || sm.isSelf(n)) {
      return false;
    }
    List<Binding> bs = sm.resolve(n);
    if (bs.isEmpty()) {
      return false;
    }
    for (Binding b : bs) {
      if (b.kind() != Binding.Kind.ASSIGN || b.index() < 0 || !(b.statement() instanceof Stmt.Assign a)
          || !(b.value() instanceof Expr.Call c) || sm.isModelCall(c) || sm.isModel(c.func())
          || !hasLossSibling(sm, a, n.id())) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasLossSibling(SemanticModel sm, Stmt.Assign a, String self) {
    for (Expr t : a.targets()) {
      if (t instanceof Expr.Tuple tuple) {
        for (Expr x : tuple.elts()) {
          if (x instanceof Expr.Name other && !other.id().equals(self)
              && (other.id().toLowerCase(java.util.Locale.ROOT).contains("loss")
              || sm.backpropTargets(a).contains(other.id()))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The value a name was last assigned (a plain {@code x = value}), or null. */
  public static Expr singleValue(SemanticModel sm, Expr e) {
    if (!(e instanceof Expr.Name n)) {
      return null;
    }
    List<Binding> bs = sm.resolve(n);
    if (bs.size() != 1) {
      return null;
    }
    Binding b = bs.get(0);
    if (b.kind() == Binding.Kind.ASSIGN && b.index() < 0 && b.value() != null
        && b.statement() instanceof Stmt.Assign) {
      return b.value();
    }
    return null;
  }
}
