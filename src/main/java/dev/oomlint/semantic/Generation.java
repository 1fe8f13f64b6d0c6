package dev.oomlint.semantic;

import dev.oomlint.ast.AstWalker;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.Operators;
import dev.oomlint.ast.Stmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Hand-written decoding and recurrent loops: a forward pass that takes back, on each pass, a value an
 * earlier pass made from the model's output (the {@code past_key_values} cache, a hidden state, the
 * embeddings of the sequence generated so far). With autograd on, that value carries the earlier
 * passes' graphs into the next one, so the graph grows with every step.
 */
public final class Generation {
  private Generation() {}

  /** Words of a function name that say it generates or decodes rather than trains. */
  private static final Set<String> GENERATION_WORDS = Set.of("generate", "generation", "sample", "sampling",
      "decode", "decoding", "greedy", "beam", "translate", "translation", "complete", "completion", "chat",
      "infer", "inference", "predict", "prediction", "caption", "synthesize", "autoregressive", "autoregressively",
      "speculative", "continue", "stream");

  /** Whether a function's name says it generates or decodes ({@code generate}, {@code greedy_decode}, {@code sample_text}). */
  public static boolean isGenerationName(String id) {
    for (String w : TorchApi.words(id)) {
      if (GENERATION_WORDS.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a model class's method is named for generating ({@code generate}, {@code sample},
   * {@code generate_text}): unlike {@code forward} or a VAE's {@code decode}, it is not run in training.
   */
  public static boolean isGenerationMethodName(String id) {
    List<String> ws = TorchApi.words(id);
    return !ws.isEmpty() && (ws.get(0).equals("generate") || ws.get(0).equals("sample"));
  }

  /**
   * The inputs of the forward call {@code c} (its arguments, not the model it is called on) that carry
   * an autograd graph from an earlier pass of {@code loop}: names that may carry a graph at the call and
   * are rebound in the loop's body by the call's own statement or after it.
   */
  public static List<Expr.Name> carriedInputs(SemanticModel sm, Stmt loop, Expr.Call c) {
    List<Expr.Name> out = new ArrayList<>(0);
    int[] front = {0};
    List<Expr> inputs = new ArrayList<>(c.args());
    for (var k : c.keywords()) {
      inputs.add(k.value());
    }
    for (Expr in : inputs) {
      AstWalker.descend(in, n -> {
        if (n instanceof Expr.Lambda) {
          return false;
        }
        if (n instanceof Expr.Name nm && nm.ctx() == Operators.ExprContext.LOAD && reboundLater(sm, loop, c, nm)
            && sm.isGradCarrying(nm)) {
          if (reboundByCall(sm, c, nm)) {
            out.add(front[0]++, nm); // the call's own outputs first: `logits, hidden = model(x, hidden)`
          } else {
            out.add(nm);
          }
        }
        return true;
      });
    }
    return out;
  }

  /** Whether the call's own statement rebinds the name ({@code out, h = model(x, h)}). */
  private static boolean reboundByCall(SemanticModel sm, Expr.Call c, Expr.Name nm) {
    Stmt st = Iterations.statementOf(sm, c);
    boolean[] hit = {false};
    if (st instanceof Stmt.Assign a) {
      for (Expr t : a.targets()) {
        AstWalker.walk(t, n -> {
          if (n instanceof Expr.Name x && x.id().equals(nm.id())) {
            hit[0] = true;
          }
        });
      }
    }
    return hit[0];
  }

  private static boolean reboundLater(SemanticModel sm, Stmt loop, Expr.Call c, Expr.Name nm) {
    Scope s = sm.scopeOf(nm);
    while (s != null && s.bindings(nm.id()).isEmpty()) {
      s = s.parent();
    }
    if (s == null) {
      return false;
    }
    if (isStopGradientMemory(nm.id())) {
      return false;
    }
    for (Binding b : s.bindings(nm.id())) {
      Node at = b.statement();
      if (at != null && b.kind() != Binding.Kind.FOR_TARGET && inBody(loop, at)
          && at.range().end() >= c.range().start()
          && (at.range().contains(c.range()) || fromModelOutput(sm, loop, b.value(), 0))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a name says it holds a Transformer-XL style recurrence memory ({@code mem}, {@code mems},
   * {@code memory}): those memories are stop-gradient by design (the model detaches them itself).
   */
  private static boolean isStopGradientMemory(String id) {
    for (String w : TorchApi.words(id)) {
      if (w.equals("mem") || w.equals("mems") || w.equals("memory") || w.equals("memories")) {
        return true;
      }
    }
    return false;
  }

  private static final int MAX_DEPTH = 4;

  /** Whether a value is computed in the loop's body from a model call's output. */
  private static boolean fromModelOutput(SemanticModel sm, Stmt loop, Expr value, int depth) {
    if (value == null || depth > MAX_DEPTH) {
      return false;
    }
    boolean[] hit = {false};
    AstWalker.descend(value, n -> {
      if (hit[0] || n instanceof Expr.Lambda) {
        return false;
      }
      if (n instanceof Expr.Call c && sm.isModelCall(c)) {
        hit[0] = true;
      } else if (n instanceof Expr.Name nm && nm.ctx() == Operators.ExprContext.LOAD) {
        Scope s = sm.scopeOf(nm);
        while (s != null && s.bindings(nm.id()).isEmpty()) {
          s = s.parent();
        }
        if (s != null) {
          for (Binding b : s.bindings(nm.id())) {
            if (b.statement() != null && b.value() != null && b.value() != value && inBody(loop, b.statement())
                && fromModelOutput(sm, loop, b.value(), depth + 1)) {
              hit[0] = true;
              break;
            }
          }
        }
      }
      return true;
    });
    return hit[0];
  }

  private static boolean inBody(Stmt loop, Node n) {
    for (Stmt s : AstUtil.loopBody(loop)) {
      if (s.range().contains(n.range())) {
        return true;
      }
    }
    return false;
  }
}
