package dev.oomlint.semantic;

import dev.oomlint.ast.AstWalker;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.Operators;
import dev.oomlint.ast.Stmt;
import java.util.List;
import java.util.Set;

/**
 * Loss sums built over the passes of a loop: whether a value added up in a loop comes from a forward
 * pass of its own on each pass (a micro-batch), as opposed to a recurrent step (the hidden state of
 * the previous pass goes in) or a head over one shared forward (a grad-carrying input computed
 * before the loop); and whether a backward after the loop propagates from that sum.
 */
public final class LossSums {
  private LossSums() {}

  private static final int MAX_DEPTH = 5;

  /** Calls that reduce (or just pack) their first argument into one sum: {@code sum(losses)}, {@code torch.stack(losses)}. */
  private static final Set<String> REDUCING_FUNCTIONS = Set.of("sum", "torch.sum", "torch.mean", "torch.stack",
      "torch.cat", "torch.tensor", "torch.as_tensor");

  private static final Set<String> REDUCING_METHODS = Set.of("sum", "mean", "div", "div_", "mul", "float",
      "squeeze", "nansum", "nanmean");

  /**
   * Whether {@code value} (evaluated at {@code site} in the body of {@code loop}) depends on a forward
   * pass run in the loop's body on inputs of that pass alone: none of the forward's grad-carrying inputs
   * is computed before the loop or carried over from an earlier pass.
   */
  public static boolean fromIndependentForward(SemanticModel sm, Stmt loop, Expr value) {
    boolean[] independent = {false};
    boolean[] dependent = {false};
    forwardsOf(sm, loop, value, 0, independent, dependent);
    return independent[0] && !dependent[0];
  }

  private static void forwardsOf(SemanticModel sm, Stmt loop, Expr value, int depth, boolean[] independent,
      boolean[] dependent) {
    if (depth > MAX_DEPTH || value == null) {
      return;
    }
    AstWalker.walk(value, n -> {
      if (n instanceof Expr.Call c && isForward(sm, c)) {
        if (takesCarriedState(sm, loop, c)) {
          dependent[0] = true;
        } else {
          independent[0] = true;
        }
      } else if (n instanceof Expr.Name nm && nm.ctx() == Operators.ExprContext.LOAD) {
        for (Binding b : sm.reachingBindings(nm)) {
          if (b.value() != null && b.statement() != null && inBody(loop, b.statement())
              && (b.kind() == Binding.Kind.ASSIGN || b.kind() == Binding.Kind.WITH_TARGET)) {
            forwardsOf(sm, loop, b.value(), depth + 1, independent, dependent);
          }
        }
      }
    });
  }

  private static boolean isForward(SemanticModel sm, Expr.Call c) {
    if (sm.isForwardCall(c)) {
      return true;
    }
    Stmt.FunctionDef f = sm.resolveCall(c);
    if (f == null) {
      return false;
    }
    boolean[] hit = {false};
    AstWalker.walkAll(f.body(), n -> {
      if (n instanceof Expr.Call inner && sm.isForwardCall(inner)) {
        hit[0] = true;
      }
    });
    return hit[0];
  }

  /**
   * Whether a forward call in the loop takes a grad-carrying input that is not made in the same pass
   * before the call: bound before the loop (a shared trunk's features) or rebound at or after the call
   * (a recurrent hidden state, a decoder's previous output).
   */
  private static boolean takesCarriedState(SemanticModel sm, Stmt loop, Expr.Call c) {
    boolean[] carried = {false};
    Node self = c.func() instanceof Expr.Attribute a ? a.value() : null;
    AstWalker.descend(c, n -> {
      if (carried[0] || n == c.func() && self == null) {
        return false;
      }
      if (n == self) {
        return false;
      }
      if (n instanceof Expr.Name nm && nm.ctx() == Operators.ExprContext.LOAD && sm.isGradCarrying(nm)) {
        for (Binding b : sm.reachingBindings(nm)) {
          if (b.kind() == Binding.Kind.PARAMETER || b.kind() == Binding.Kind.FOR_TARGET && b.statement() == loop) {
            continue; // the pass's own data
          }
          Node at = b.statement() != null ? b.statement() : b.node();
          if (!inBody(loop, at) || at.range().end() >= c.range().start()) {
            carried[0] = true;
          }
        }
      }
      return true;
    });
    return carried[0];
  }

  private static boolean inBody(Stmt loop, Node n) {
    for (Stmt s : AstUtil.loopBody(loop)) {
      if (s.range().contains(n.range())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code target} (a backward's target, at {@code site}) is the sum at {@code accPath} or a
   * reduction of it: the name itself, {@code total / n}, {@code sum(losses)},
   * {@code torch.stack(losses).mean()}, or a name assigned one of those after {@code after} ends.
   */
  public static boolean reducesTo(SemanticModel sm, Expr target, String accPath, Node after) {
    return reducesTo(sm, target, accPath, after, 0);
  }

  private static boolean reducesTo(SemanticModel sm, Expr e, String accPath, Node after, int depth) {
    if (e == null || depth > MAX_DEPTH) {
      return false;
    }
    if (accPath.equals(AstUtil.path(e))) {
      return true;
    }
    if (e instanceof Expr.BinOp b) {
      return switch (b.op()) {
        case DIV, MULT -> reducesTo(sm, b.left(), accPath, after, depth + 1) && !sm.isGradCarrying(b.right())
            || reducesTo(sm, b.right(), accPath, after, depth + 1) && !sm.isGradCarrying(b.left());
        case ADD, SUB -> reducesTo(sm, b.left(), accPath, after, depth + 1)
            || reducesTo(sm, b.right(), accPath, after, depth + 1);
        default -> false;
      };
    }
    if (e instanceof Expr.Call c) {
      String m = AstUtil.methodName(c);
      String q = sm.qualifiedName(c.func());
      if (q != null && REDUCING_FUNCTIONS.contains(q) && !c.args().isEmpty()) {
        return reducesTo(sm, c.args().get(0), accPath, after, depth + 1);
      }
      if (q == null && m != null && REDUCING_METHODS.contains(m)) {
        return reducesTo(sm, AstUtil.receiver(c), accPath, after, depth + 1);
      }
      return false;
    }
    if (e instanceof Expr.Name nm) {
      for (Binding b : sm.reachingBindings(nm)) {
        if (b.kind() == Binding.Kind.ASSIGN && b.index() < 0 && b.statement() != null
            && b.statement().range().start() >= after.range().end()
            && reducesTo(sm, b.value(), accPath, after, depth + 1)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The statements that run after {@code loop} in its block and, up through compound statements, after those. */
  public static List<Stmt> following(SemanticModel sm, Stmt loop, Node stop) {
    List<Stmt> out = new java.util.ArrayList<>();
    Stmt cur = loop;
    for (int level = 0; level < 3 && cur != null && cur != stop; level++) {
      List<Stmt> block = sm.blockOf(cur);
      if (block == null) {
        break;
      }
      int i = block.indexOf(cur);
      for (int j = i + 1; j < block.size(); j++) {
        out.add(block.get(j));
      }
      Node p = sm.parent(cur);
      if (!(p instanceof Stmt.With || p instanceof Stmt.If || p instanceof Stmt.Try)) {
        break;
      }
      cur = (Stmt) p;
    }
    return out;
  }
}
