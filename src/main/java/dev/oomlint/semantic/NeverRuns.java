package dev.oomlint.semantic;

import dev.oomlint.ast.AstWalker;
import dev.oomlint.ast.ConstValue;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Mod;
import dev.oomlint.ast.SourceRange;
import dev.oomlint.ast.Stmt;
import java.util.ArrayList;
import java.util.List;

/**
 * The blocks of a module that can never run: the body of {@code if False:} / {@code if 0:} /
 * {@code if None:} / {@code while False:}, the {@code else} of {@code if True:} / {@code if 1:}, and
 * the body of {@code if TYPE_CHECKING:} (true only for type checkers). Code there costs no GPU memory,
 * so no finding is reported in it (templates switch features off this way: {@code if False: # set to
 * True to load the adapters}). Besides literal tests, only a module-level switch bound once to a false
 * literal and never rebound counts ({@code DEBUG_PLOTS = False ... if DEBUG_PLOTS:}), and the same for a
 * function's local ({@code classify = False ... if classify:}), never a variable that merely happens to
 * be false.
 */
public final class NeverRuns {
  private final List<SourceRange> ranges;

  private NeverRuns(List<SourceRange> ranges) {
    this.ranges = ranges;
  }

  /** The dead blocks of {@code module} (one walk over its statements, not its expressions). */
  public static NeverRuns of(Mod.Module module) {
    List<SourceRange> out = new ArrayList<>(0);
    java.util.Set<String> off = switchedOffFlags(module.body(), module);
    AstWalker.descend(module, n -> {
      if (n instanceof Stmt.FunctionDef f) {
        addLocalSwitches(f, out);
      }
      if (n instanceof Stmt.If s) {
        Boolean v = constantTruth(s.test());
        if (Boolean.FALSE.equals(v) || isTypeChecking(s.test())
            || s.test() instanceof Expr.Name flag && off.contains(flag.id())) {
          add(out, s.body());
        } else if (Boolean.TRUE.equals(v)) {
          add(out, s.orelse());
        }
        return true;
      }
      if (n instanceof Stmt.While w && (Boolean.FALSE.equals(constantTruth(w.test()))
          || w.test() instanceof Expr.Name flag && off.contains(flag.id()))) {
        add(out, w.body());
        return true;
      }
      return !(n instanceof Expr); // statements (and handlers, cases) hold statements; expressions never do
    });
    return new NeverRuns(out);
  }

  /**
   * Module-level switches turned off: names bound exactly once in the whole file, by a module-level
   * {@code NAME = False} (or {@code 0}, {@code None}), and never rebound anywhere (no other assignment,
   * augmented assignment, loop or {@code with} target, parameter, import, {@code global} or
   * {@code del}): {@code if NAME:} then never runs, like {@code if False:} (a script's or notebook's
   * {@code model_improvement_progress = False}). {@code scope} is the module or the function whose
   * {@code body} is searched.
   */
  private static java.util.Set<String> switchedOffFlags(List<Stmt> body, dev.oomlint.ast.Node scope) {
    java.util.Map<String, Stmt.Assign> candidates = new java.util.HashMap<>();
    for (Stmt st : body) {
      if (st instanceof Stmt.Assign a && a.targets().size() == 1 && a.targets().get(0) instanceof Expr.Name n
          && Boolean.FALSE.equals(constantTruth(a.value()))) {
        candidates.put(n.id(), candidates.containsKey(n.id()) ? null : a);
      }
    }
    candidates.values().removeIf(java.util.Objects::isNull);
    if (candidates.isEmpty()) {
      return java.util.Set.of();
    }
    java.util.Map<String, Integer> bindings = new java.util.HashMap<>();
    AstWalker.descend(scope, n -> {
      if (n instanceof Expr.Name nm && nm.ctx() != dev.oomlint.ast.Operators.ExprContext.LOAD
          && candidates.containsKey(nm.id())) {
        bindings.merge(nm.id(), 1, Integer::sum);
      } else if (n instanceof dev.oomlint.ast.Support.Arg arg && candidates.containsKey(arg.arg())) {
        bindings.merge(arg.arg(), 2, Integer::sum);
      } else if (n instanceof dev.oomlint.ast.Support.Alias al) {
        String bound = al.asname() != null ? al.asname() : al.name();
        if (candidates.containsKey(bound)) {
          bindings.merge(bound, 2, Integer::sum);
        }
      } else if (n instanceof Stmt.Global g) {
        g.names().forEach(x -> bindings.merge(x, candidates.containsKey(x) ? 2 : 0, Integer::sum));
      } else if (n instanceof Stmt.Nonlocal g) {
        g.names().forEach(x -> bindings.merge(x, candidates.containsKey(x) ? 2 : 0, Integer::sum));
      } else if (n instanceof Stmt.FunctionDef f && candidates.containsKey(f.name())
          || n instanceof Stmt.ClassDef c && candidates.containsKey(c.name())) {
        bindings.merge(n instanceof Stmt.FunctionDef f ? f.name() : ((Stmt.ClassDef) n).name(), 2, Integer::sum);
      }
      return true;
    });
    java.util.Set<String> off = new java.util.HashSet<>();
    for (String name : candidates.keySet()) {
      if (bindings.getOrDefault(name, 0) == 1) {
        off.add(name);
      }
    }
    return off;
  }

  /**
   * The same inside a function: a name the function's own body binds once to a false literal
   * ({@code classify = False}) and nothing in the function rebinds (no parameter, other assignment,
   * {@code global}/{@code nonlocal}, nested definition) switches off its {@code if name:} blocks.
   */
  private static void addLocalSwitches(Stmt.FunctionDef f, List<SourceRange> out) {
    java.util.Set<String> off = switchedOffFlags(f.body(), f);
    if (off.isEmpty()) {
      return;
    }
    AstWalker.descend(f, n -> {
      if (n instanceof Stmt.If s && s.test() instanceof Expr.Name flag && off.contains(flag.id())) {
        add(out, s.body());
      } else if (n instanceof Stmt.While w && w.test() instanceof Expr.Name flag && off.contains(flag.id())) {
        add(out, w.body());
      }
      return !(n instanceof Expr);
    });
  }

  /** Whether {@code range} lies inside a block that never runs. */
  public boolean contains(SourceRange range) {
    for (SourceRange r : ranges) {
      if (r.start() <= range.start() && range.end() <= r.end()) {
        return true;
      }
    }
    return false;
  }

  public boolean isEmpty() {
    return ranges.isEmpty();
  }

  private static void add(List<SourceRange> out, List<Stmt> block) {
    if (!block.isEmpty()) {
      out.add(new SourceRange(block.get(0).range().start(), block.get(block.size() - 1).range().end()));
    }
  }

  /** The truth of a literal test ({@code False}, {@code 0}, {@code None}, {@code True}, {@code 1}), or null. */
  private static Boolean constantTruth(Expr test) {
    if (test instanceof Expr.Constant c) {
      ConstValue v = c.value();
      if (v instanceof ConstValue.Bool b) {
        return b.value();
      }
      if (v instanceof ConstValue.Int i) {
        return i.value().signum() != 0;
      }
      if (v == ConstValue.Singleton.NONE) {
        return false;
      }
    }
    return null;
  }

  private static boolean isTypeChecking(Expr test) {
    return (test instanceof Expr.Name n && n.id().equals("TYPE_CHECKING"))
        || (test instanceof Expr.Attribute a && a.attr().equals("TYPE_CHECKING")
            && a.value() instanceof Expr.Name m && m.id().equals("typing"));
  }
}
