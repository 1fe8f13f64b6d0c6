package dev.oomlint.testing;

import dev.oomlint.ast.AstWalker;
import dev.oomlint.ast.Expr;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.diagnostics.Edit;
import dev.oomlint.diagnostics.Fix;
import dev.oomlint.rules.FixSafety;
import dev.oomlint.rules.Level;
import dev.oomlint.rules.Rule;
import dev.oomlint.rules.RuleContext;
import dev.oomlint.rules.RuleInfo;
import java.util.List;

/** Rules that exercise the rule interface in engine tests: they look only for calls by name. */
public final class TestRules {
  private TestRules() {}

  /** The usual pair: OOM001 (safe fix) and OOM002 (unsafe fix). */
  public static List<Rule> standard() {
    return List.of(new LeakCall(), new HoldCall());
  }

  /** A page for OOM001 only (tests keep their pages out of the bundled resources). */
  public static String page(String code) {
    return code.equals("OOM001") ? "# OOM001: leak-call\n\nFlags `leak()`.\n" : null;
  }

  /** Reports every call {@code name(...)} in the file with its name's range. */
  static void forEachCall(RuleContext ctx, String name, java.util.function.Consumer<Expr.Name> action) {
    AstWalker.walk(ctx.module(), node -> {
      if (node instanceof Expr.Call c && c.func() instanceof Expr.Name n && n.id().equals(name)) {
        action.accept(n);
      }
    });
  }

  /** Flags {@code leak()}; the safe fix renames it to {@code free()}. */
  @RuleInfo(code = "OOM001", name = "leak-call", summary = "Calls leak().", level = Level.WARNING,
      fix = FixSafety.SAFE)
  public static final class LeakCall implements Rule {
    @Override
    public void check(RuleContext ctx) {
      forEachCall(ctx, "leak", n -> ctx.report(new Diagnostic(ctx.code(),
          "`leak()` keeps the tensor alive; call `free()` instead", n.range(),
          Fix.safe("Replace `leak` with `free`", Edit.replace(n.range(), "free")))));
    }
  }

  /** Flags {@code hold()}; the unsafe fix renames it to {@code release()}. */
  @RuleInfo(code = "OOM002", name = "hold-call", summary = "Calls hold().", level = Level.ERROR,
      fix = FixSafety.UNSAFE)
  public static final class HoldCall implements Rule {
    @Override
    public void check(RuleContext ctx) {
      forEachCall(ctx, "hold", n -> ctx.report(new Diagnostic(ctx.code(),
          "`hold()` pins memory", n.range(),
          Fix.unsafe("Replace `hold` with `release`", Edit.replace(n.range(), "release")))));
    }
  }

  /** Flags {@code pin()}; an opt-in rule (off unless selected). */
  @RuleInfo(code = "OOM006", name = "pin-call", summary = "Calls pin().", enabledByDefault = false)
  public static final class PinCall implements Rule {
    @Override
    public void check(RuleContext ctx) {
      forEachCall(ctx, "pin", n -> ctx.report(new Diagnostic(ctx.code(), "`pin()` pins memory", n.range())));
    }
  }

  /** Throws on {@code crash()}: a buggy rule. */
  @RuleInfo(code = "OOM003", name = "crashing-rule", summary = "Crashes.")
  public static final class Crash implements Rule {
    @Override
    public void check(RuleContext ctx) {
      forEachCall(ctx, "crash", n -> {
        throw new IllegalStateException("boom at " + n.range().start());
      });
    }
  }

  /** Flags {@code breakme()} with a "safe" fix that produces code which does not parse. */
  @RuleInfo(code = "OOM004", name = "broken-fix", summary = "Has a broken fix.", fix = FixSafety.SAFE)
  public static final class BrokenFix implements Rule {
    @Override
    public void check(RuleContext ctx) {
      forEachCall(ctx, "breakme", n -> ctx.report(new Diagnostic(ctx.code(), "breakme", n.range(),
          Fix.safe("Break the code", Edit.replace(n.range(), "breakme((")))));
    }
  }

  /** Flags {@code grow()} with a fix that inserts a newline and a second call, for line-ending tests. */
  @RuleInfo(code = "OOM005", name = "grow-call", summary = "Grows.", fix = FixSafety.SAFE)
  public static final class Grow implements Rule {
    @Override
    public void check(RuleContext ctx) {
      AstWalker.walk(ctx.module(), node -> {
        if (node instanceof dev.oomlint.ast.Stmt.ExprStmt s && s.value() instanceof Expr.Call c
            && c.func() instanceof Expr.Name n && n.id().equals("grow")) {
          ctx.report(new Diagnostic(ctx.code(), "grow", n.range(), Fix.safe("Split",
              Edit.replace(s.range(), "shrink()\nshrink_more(\u00e9t\u00e9)"))));
        }
      });
    }
  }
}
