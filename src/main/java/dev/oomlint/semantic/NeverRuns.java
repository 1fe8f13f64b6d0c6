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
 * True to load the adapters}). Only literal tests count, never a variable that happens to be false.
 */
public final class NeverRuns {
  private final List<SourceRange> ranges;

  private NeverRuns(List<SourceRange> ranges) {
    this.ranges = ranges;
  }

  /** The dead blocks of {@code module} (one walk over its statements, not its expressions). */
  public static NeverRuns of(Mod.Module module) {
    List<SourceRange> out = new ArrayList<>(0);
    AstWalker.descend(module, n -> {
      if (n instanceof Stmt.If s) {
        Boolean v = constantTruth(s.test());
        if (Boolean.FALSE.equals(v) || isTypeChecking(s.test())) {
          add(out, s.body());
        } else if (Boolean.TRUE.equals(v)) {
          add(out, s.orelse());
        }
        return true;
      }
      if (n instanceof Stmt.While w && Boolean.FALSE.equals(constantTruth(w.test()))) {
        add(out, w.body());
        return true;
      }
      return !(n instanceof Expr); // statements (and handlers, cases) hold statements; expressions never do
    });
    return new NeverRuns(out);
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
