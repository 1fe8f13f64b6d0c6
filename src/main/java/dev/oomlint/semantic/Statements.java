package dev.oomlint.semantic;

import dev.oomlint.ast.Mod;
import dev.oomlint.ast.Stmt;
import dev.oomlint.ast.Support;
import java.util.ArrayList;
import java.util.List;

/**
 * Every statement of a module, in the pre-order a whole-tree walk meets them (statements only nest
 * in statement bodies, handlers and match cases), for {@link SemanticModel#statements}.
 */
final class Statements {
  private Statements() {}

  /** All statements of {@code module}, outer before inner, in source order. */
  static List<Stmt> collect(Mod.Module module) {
    List<Stmt> out = new ArrayList<>();
    List<Stmt> stack = new ArrayList<>();
    pushReversed(stack, module.body());
    List<Stmt> kids = new ArrayList<>();
    while (!stack.isEmpty()) {
      Stmt s = stack.remove(stack.size() - 1);
      out.add(s);
      kids.clear();
      children(s, kids);
      pushReversed(stack, kids);
    }
    return out;
  }

  private static void pushReversed(List<Stmt> stack, List<Stmt> block) {
    for (int i = block.size() - 1; i >= 0; i--) {
      stack.add(block.get(i));
    }
  }

  /** The statements directly inside {@code s}, in child order. */
  private static void children(Stmt s, List<Stmt> out) {
    if (s instanceof Stmt.FunctionDef f) {
      out.addAll(f.body());
    } else if (s instanceof Stmt.ClassDef c) {
      out.addAll(c.body());
    } else if (s instanceof Stmt.For f) {
      out.addAll(f.body());
      out.addAll(f.orelse());
    } else if (s instanceof Stmt.While w) {
      out.addAll(w.body());
      out.addAll(w.orelse());
    } else if (s instanceof Stmt.If i) {
      out.addAll(i.body());
      out.addAll(i.orelse());
    } else if (s instanceof Stmt.With w) {
      out.addAll(w.body());
    } else if (s instanceof Stmt.Try t) {
      out.addAll(t.body());
      List<Support.ExceptHandler> hs = t.handlers();
      for (int i = 0; i < hs.size(); i++) {
        out.addAll(hs.get(i).body());
      }
      out.addAll(t.orelse());
      out.addAll(t.finalbody());
    } else if (s instanceof Stmt.Match m) {
      List<Support.MatchCase> cs = m.cases();
      for (int i = 0; i < cs.size(); i++) {
        out.addAll(cs.get(i).body());
      }
    }
  }
}
