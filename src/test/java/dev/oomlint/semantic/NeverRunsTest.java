package dev.oomlint.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oomlint.ast.AstWalker;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Mod;
import dev.oomlint.ast.SourceFile;
import dev.oomlint.parser.ParseOutcome;
import dev.oomlint.parser.PythonFrontEnd;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NeverRunsTest {
  /** The names of the calls {@code f_*()} in {@code code} that lie in a block that never runs. */
  private static List<String> dead(String code) {
    Mod.Module m = ((ParseOutcome.Parsed) PythonFrontEnd.parse(new SourceFile("t.py", code))).module();
    NeverRuns dead = NeverRuns.of(m);
    List<String> out = new ArrayList<>();
    AstWalker.walk(m, n -> {
      if (n instanceof Expr.Call c && c.func() instanceof Expr.Name f && dead.contains(c.range())) {
        out.add(f.id());
      }
    });
    return out;
  }

  @Test
  void literalFalseTestsMakeTheirBodyDead() {
    assertEquals(List.of("a", "b", "c", "d"), dead("""
        if False:
            a()
        if 0:
            b()
        if None:
            c()
        while False:
            d()
        live()
        """));
  }

  @Test
  void literalTrueTestsMakeTheirElseDead() {
    assertEquals(List.of("b", "c"), dead("""
        if True:
            a()
        else:
            b()
        if 1:
            pass
        elif x:
            c()
        """));
  }

  @Test
  void typeCheckingBlocksNeverRun() {
    assertEquals(List.of("a", "b"), dead("""
        import typing
        from typing import TYPE_CHECKING
        if TYPE_CHECKING:
            a()
        if typing.TYPE_CHECKING:
            b()
        else:
            c()
        """));
  }

  @Test
  void functionLocalSwitchesBoundOnceToFalseCount() {
    assertEquals(List.of("a", "e"), dead("""
        def detect(opt):
            classify = False
            if classify:
                a()
            save = False
            if opt.save:
                save = True
            if save:
                b()
            def inner():
                nonlocal_flag = 1
            half = False
            def later():
                nonlocal half
                half = True
            if half:
                c()
            if opt.x:
                show = False
            if show:
                d()
            while classify:
                e()
        def other(classify):
            if classify:
                f()
        """));
  }

  @Test
  void switchesBoundOnceToFalseCountOthersDoNot() {
    assertEquals(List.of("a", "e"), dead("""
        DEBUG = False
        if DEBUG:
            a()
        RESUME = False
        if args.resume:
            RESUME = True
        if RESUME:
            b()
        STEPS = 0
        STEPS += 1
        if STEPS:
            c()
        USE = None
        def configure(USE):
            if USE:
                d()
        PLOT = 0
        while PLOT:
            e()
        flag = False
        for flag in options:
            pass
        if flag:
            f()
        if not DEBUG:
            live()
        """));
  }

  @Test
  void onlyLiteralsCountAndNestedBlocksAreFound() {
    assertEquals(List.of("c", "d"), dead("""
        DEBUG = compute()
        if DEBUG:
            a()
        if not True:
            b()
        def f():
            try:
                pass
            except Exception:
                if False:
                    c()
            with x:
                if 0:
                    d()
        if False is None:
            e()
        """));
  }
}
