package dev.oomlint.semantic;

import dev.oomlint.ast.AstWalker;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.Stmt;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Transfer learning that trains only a new head on a frozen network: every parameter of the model
 * is frozen ({@code for p in model.parameters(): p.requires_grad = False}, or all but the head's:
 * {@code if name not in ["fc.weight", "fc.bias"]}) and the optimizer is built over that same model
 * ({@code model.fc.parameters()}, {@code model.parameters()}). The backward stops at the head, so the
 * backbone's activations are never kept for it: training memory is the forward pass's and the head's.
 * Adapters (LoRA, peft) keep the backward running through the whole frozen network and do not count.
 */
public final class HeadOnlyTraining {
  private HeadOnlyTraining() {}

  /** Words of a head's parameter names in a freezing condition. */
  private static final List<String> HEAD_WORDS = List.of("fc", "classifier", "head", "last_linear", "logits");

  /** Whether the file trains only a head on a network it froze (see the class comment). */
  public static boolean trainsOnlyAHead(SemanticModel sm) {
    String text = sm.file().text();
    if (!text.contains("requires_grad") || text.contains("peft") || text.toLowerCase(Locale.ROOT).contains("lora")
        || text.contains("adapter")) {
      return false;
    }
    Set<String> frozen = new HashSet<>();
    for (Stmt loop : sm.loops()) {
      if (loop instanceof Stmt.For f && f.iter() instanceof Expr.Call c && c.args().isEmpty()
          && c.func() instanceof Expr.Attribute a && (a.attr().equals("parameters") || a.attr().equals("named_parameters"))
          && a.value() instanceof Expr.Name model && freezesAll(f, parameterName(f.target()))) {
        frozen.add(model.id());
      }
    }
    if (frozen.isEmpty()) {
      return false;
    }
    boolean[] overFrozen = {false};
    for (Expr.Call c : sm.calls()) {
      String q = sm.qualifiedName(c.func());
      if (q == null || !q.startsWith("torch.optim.") || c.args().isEmpty()) {
        continue;
      }
      AstWalker.walkAll(List.of(c.args().get(0)), n -> {
        if (n instanceof Expr.Call p && p.func() instanceof Expr.Attribute pa && pa.attr().equals("parameters")) {
          Expr.Name root = AstUtil.root(pa.value());
          overFrozen[0] |= root != null && frozen.contains(root.id());
        }
      });
      if (!overFrozen[0]) {
        return false; // some optimizer trains a network the file did not freeze
      }
    }
    return overFrozen[0];
  }

  /** The parameter variable of {@code for p in ...} or {@code for name, p in ...}, or null. */
  private static String parameterName(Expr target) {
    if (target instanceof Expr.Name n) {
      return n.id();
    }
    if (target instanceof Expr.Tuple t && t.elts().size() == 2 && t.elts().get(1) instanceof Expr.Name n) {
      return n.id();
    }
    return null;
  }

  /**
   * Whether the loop body sets {@code p.requires_grad = False} unconditionally, or under a test that
   * spares only a head's parameters ({@code if name not in ["fc.weight", "fc.bias"]}).
   */
  private static boolean freezesAll(Stmt.For loop, String param) {
    if (param == null) {
      return false;
    }
    for (Stmt s : loop.body()) {
      if (setsFrozen(s, param)) {
        return true;
      }
      if (s instanceof Stmt.If i && i.orelse().isEmpty() && sparesOnlyAHead(i.test())) {
        for (Stmt inner : i.body()) {
          if (setsFrozen(inner, param)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean setsFrozen(Stmt s, String param) {
    return s instanceof Stmt.Assign a && a.targets().size() == 1 && a.targets().get(0) instanceof Expr.Attribute t
        && t.attr().equals("requires_grad") && t.value() instanceof Expr.Name n && n.id().equals(param)
        && Calls.isFalsyConstant(a.value());
  }

  private static boolean sparesOnlyAHead(Expr test) {
    boolean[] head = {false};
    boolean[] other = {false};
    AstWalker.walkAll(List.of(test), (Node n) -> {
      if (n instanceof Expr.Constant k && k.value() instanceof dev.oomlint.ast.ConstValue.Str str) {
        String v = str.value().toLowerCase(Locale.ROOT);
        boolean isHead = false;
        for (String w : HEAD_WORDS) {
          isHead |= v.startsWith(w + ".") || v.contains("." + w + ".") || v.equals(w);
        }
        head[0] |= isHead;
        other[0] |= !isHead;
      }
    });
    return head[0] && !other[0];
  }
}
