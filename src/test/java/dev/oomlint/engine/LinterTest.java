package dev.oomlint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomlint.ast.SourceFile;
import dev.oomlint.ast.SourceRange;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.parser.ParseOutcome;
import dev.oomlint.parser.PythonFrontEnd;
import dev.oomlint.parser.SyntaxError;
import dev.oomlint.rules.Rule;
import dev.oomlint.rules.RuleContext;
import dev.oomlint.rules.RuleInfo;
import dev.oomlint.testing.TestRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinterTest {
  private static final SourceFile FILE = new SourceFile("t.py", "hold()\nx = leak()\ncrash()\nleak(hold())\n");

  private static List<String> summary(Linter.Result r) {
    List<String> out = new ArrayList<>();
    for (Diagnostic d : r.diagnostics()) {
      out.add(d.code() + "@" + FILE.lines().line(d.range().start()) + ":" + FILE.lines().column(d.range().start()));
    }
    return out;
  }

  @Test
  void runsEveryRuleAndSortsByPosition() {
    Linter.Result r = new Linter(TestRules.standard(), PythonFrontEnd::parse).lint(FILE, Set.of());
    assertNull(r.problem());
    assertNotNull(r.module());
    assertEquals(List.of("OOM002@1:1", "OOM001@2:5", "OOM001@4:1", "OOM002@4:6"), summary(r));
  }

  @Test
  void perFileIgnoredRulesDoNotRun() {
    Linter.Result r = new Linter(TestRules.standard(), PythonFrontEnd::parse).lint(FILE, Set.of("OOM001"));
    assertEquals(List.of("OOM002@1:1", "OOM002@4:6"), summary(r));
    assertEquals(List.of(), summary(new Linter(TestRules.standard(), PythonFrontEnd::parse).lint(FILE, Set.of("ALL"))));
  }

  @Test
  void aCrashingRuleBecomesTheFilesInternalErrorAndOthersStillReport() {
    List<Rule> rules = List.of(new TestRules.LeakCall(), new TestRules.Crash(), new TestRules.HoldCall());
    Linter.Result r = new Linter(rules, PythonFrontEnd::parse).lint(FILE, Set.of());
    assertEquals(List.of("OOM002@1:1", "OOM001@2:5", "OOM001@4:1", "OOM002@4:6"), summary(r));
    assertEquals(FileProblem.Kind.INTERNAL_ERROR, r.problem().kind());
    assertEquals("internal error: rule OOM003 (crashing-rule) failed on this file: IllegalStateException:"
        + " boom at 18; this is a bug in oomlint, please report it", r.problem().message());
    assertTrue(r.cause() instanceof IllegalStateException);
  }

  /** Reports every file it runs on; runs only where the file spells "hold", and "leak" or "crash". */
  @RuleInfo(code = "OOM007", name = "needs-words", summary = "Reports every file it is run on.",
      mentions = {"hold", "leak|crash"})
  static final class NeedsWords implements Rule {
    @Override
    public void check(RuleContext ctx) {
      ctx.report(new Diagnostic(ctx.code(), "ran", new SourceRange(0, 1), null));
    }
  }

  @Test
  void aRuleRunsOnlyWhereTheFileSpellsTheWordsItMentions() {
    Linter linter = new Linter(List.of(new NeedsWords()), PythonFrontEnd::parse);
    String[][] cases = {{"hold(); leak()\n", "1"}, {"hold(); crash()\n", "1"}, {"hold()\n", "0"},
        {"leak(); crash()\n", "0"}, {"ｈｏｌｄ(); ｌｅａｋ()\n", "1"}, {"x = 'hol' + 'd leak'\n", "0"}};
    for (String[] c : cases) {
      Linter.Result r = linter.lint(new SourceFile("t.py", c[0]), Set.of());
      assertEquals(Integer.parseInt(c[1]), r.diagnostics().size(), c[0]);
    }
    assertEquals(3, linter.words().size()); // hold, leak, crash
  }

  @RuleInfo(code = "OOM006", name = "recursive", summary = "Recurses forever.")
  static final class Recursive implements Rule {
    @Override
    public void check(RuleContext ctx) {
      down(0);
    }

    private static int down(int n) {
      return down(n + 1) + 1;
    }
  }

  @Test
  void stackOverflowInARuleIsContained() {
    Linter.Result r = new Linter(List.of(new Recursive(), new TestRules.LeakCall()), PythonFrontEnd::parse)
        .lint(FILE, Set.of());
    assertEquals(List.of("OOM001@2:5", "OOM001@4:1"), summary(r));
    assertTrue(r.problem().message().startsWith("internal error: rule OOM006 (recursive) failed on this file: StackOverflowError"),
        r.problem().message());
  }

  @Test
  void aThrowingParserIsAnInternalError() {
    Linter.Result r = new Linter(TestRules.standard(), f -> {
      throw new UnsupportedOperationException("not yet");
    }).lint(FILE, Set.of());
    assertNull(r.module());
    assertEquals("internal error: the parser failed on this file: UnsupportedOperationException: not yet;"
        + " this is a bug in oomlint, please report it", r.problem().message());
  }

  @Test
  void syntaxErrorsKeepTheirOffsetClampedToTheText() {
    Linter.Result r = new Linter(TestRules.standard(),
        f -> new ParseOutcome.Failed(new SyntaxError("expected ':'", 999))).lint(FILE, Set.of());
    assertEquals(FileProblem.Kind.SYNTAX_ERROR, r.problem().kind());
    assertEquals("expected ':'", r.problem().message());
    assertEquals(new SourceRange(FILE.text().length(), FILE.text().length()), r.problem().range());
    assertEquals(List.of(), r.diagnostics());
  }

  @Test
  void noqaIsAppliedAfterTheRules() {
    SourceFile f = new SourceFile("t.py", "leak()  # noqa: OOM001\nhold()  # noqa\nleak(hold())  # noqa: OOM002\n");
    Linter.Result r = new Linter(TestRules.standard(), PythonFrontEnd::parse).lint(f, Set.of());
    assertEquals(1, r.diagnostics().size());
    assertEquals("OOM001", r.diagnostics().get(0).code());
    assertEquals(3, f.lines().line(r.diagnostics().get(0).range().start()));
  }
}
