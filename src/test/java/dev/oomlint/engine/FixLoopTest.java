package dev.oomlint.engine;

import dev.oomlint.engine.FixMode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.oomlint.ast.AstWalker;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.SourceFile;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.diagnostics.Edit;
import dev.oomlint.diagnostics.Fix;
import dev.oomlint.parser.PythonFrontEnd;
import dev.oomlint.rules.Rule;
import dev.oomlint.rules.RuleContext;
import dev.oomlint.rules.RuleInfo;
import dev.oomlint.notebook.NotebookSource;
import dev.oomlint.source.NotebookDocument;
import dev.oomlint.source.ScriptDocument;
import dev.oomlint.testing.TestRules;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FixLoopTest {
  private static final FixMode SAFE = new FixMode(true, false, false);
  private static final FixMode UNSAFE = new FixMode(true, true, false);

  /** {@code stepN()} becomes {@code step(N+1)()} up to step5: five rounds to converge. */
  @RuleInfo(code = "OOM010", name = "step", summary = "Steps.")
  static final class Step implements Rule {
    @Override
    public void check(RuleContext ctx) {
      AstWalker.walk(ctx.module(), n -> {
        if (n instanceof Expr.Name name && name.id().matches("step[0-4]")) {
          int k = name.id().charAt(4) - '0';
          ctx.report(new Diagnostic(ctx.code(), "step", name.range(),
              Fix.safe("next", Edit.replace(name.range(), "step" + (k + 1)))));
        }
      });
    }
  }

  /** {@code ping} and {@code pong} turn into each other forever. */
  @RuleInfo(code = "OOM011", name = "ping-pong", summary = "Never settles.")
  static final class PingPong implements Rule {
    @Override
    public void check(RuleContext ctx) {
      AstWalker.walk(ctx.module(), n -> {
        if (n instanceof Expr.Name name && (name.id().equals("ping") || name.id().equals("pong"))) {
          ctx.report(new Diagnostic(ctx.code(), "pp", name.range(), Fix.safe("flip",
              Edit.replace(name.range(), name.id().equals("ping") ? "pong" : "ping"))));
        }
      });
    }
  }

  /** The loop's outcome on a script, with the final text. */
  private record Fixed(String text, int fixed, Linter.Result result) {}

  private static Fixed fix(String text, FixMode mode, Rule... rules) {
    Linter linter = new Linter(List.of(rules), PythonFrontEnd::parse);
    FixLoop.Outcome o = FixLoop.run(ScriptDocument.ofText("t.py", text), d -> linter.lint(d.file(), Set.of()), mode);
    return new Fixed(o.document().contents(), o.fixed(), o.result());
  }

  @Test
  void safeFixesOnlyWithoutUnsafe() {
    Fixed o = fix("leak()\nhold()\n", SAFE, TestRules.standard().toArray(Rule[]::new));
    assertEquals("free()\nhold()\n", o.text());
    assertEquals(1, o.fixed());
    assertEquals(1, o.result().diagnostics().size());
    assertEquals("OOM002", o.result().diagnostics().get(0).code());
  }

  @Test
  void unsafeFixesWithUnsafe() {
    Fixed o = fix("leak()\nhold()\n", UNSAFE, TestRules.standard().toArray(Rule[]::new));
    assertEquals("free()\nrelease()\n", o.text());
    assertEquals(2, o.fixed());
    assertEquals(List.of(), o.result().diagnostics());
  }

  @Test
  void repeatsUntilNothingChanges() {
    Fixed o = fix("step0()\nstep3()\n", SAFE, new Step());
    assertEquals("step5()\nstep5()\n", o.text());
    assertEquals(7, o.fixed());
    assertEquals(List.of(), o.result().diagnostics());
  }

  @Test
  void stopsAfterTheRoundLimit() {
    Fixed o = fix("ping()\n", SAFE, new PingPong());
    assertEquals(FixLoop.MAX_ROUNDS, o.fixed());
    assertEquals(FixLoop.MAX_ROUNDS % 2 == 0 ? "ping()\n" : "pong()\n", o.text());
    assertEquals(1, o.result().diagnostics().size());
  }

  @Test
  void aFixThatBreaksTheCodeIsRolledBackAndNamed() {
    String text = "leak()\nbreakme()\n";
    Fixed o = fix(text, SAFE, new TestRules.LeakCall(), new TestRules.BrokenFix());
    assertEquals(text, o.text());
    assertEquals(0, o.fixed());
    FileProblem p = o.result().problem();
    assertEquals(FileProblem.Kind.INTERNAL_ERROR, p.kind());
    assertEquals("internal error: the fix for OOM001, OOM004 produced code that does not parse"
        + " ('(' was never closed at line 2); the file was left unchanged; this is a bug in oomlint,"
        + " please report it", p.message());
    assertEquals(2, o.result().diagnostics().size(), "the original findings are still reported");
  }

  @Test
  void fixingTwiceChangesNothingTheSecondTime() {
    Rule[] rules = {new TestRules.LeakCall(), new TestRules.HoldCall(), new Step()};
    Fixed first = fix("x = leak(step1(), hold())\nleak()\n", UNSAFE, rules);
    Fixed second = fix(first.text(), UNSAFE, rules);
    assertEquals("x = free(step5(), release())\nfree()\n", first.text());
    assertEquals(first.text(), second.text());
    assertEquals(0, second.fixed());
    assertNull(second.result().problem());
  }

  /** Flags {@code leak()} with a fix that inserts an import at the very start of the module. */
  @RuleInfo(code = "OOM012", name = "import-at-top", summary = "Imports.")
  static final class ImportAtTop implements Rule {
    @Override
    public void check(RuleContext ctx) {
      AstWalker.walk(ctx.module(), n -> {
        if (n instanceof Expr.Name name && name.id().equals("leak")) {
          ctx.report(new Diagnostic(ctx.code(), "import", name.range(),
              Fix.safe("import", Edit.insert(0, "import gc\n"))));
        }
      });
    }
  }

  private static Fixed fixNotebook(String json, FixMode mode, Rule... rules) throws Exception {
    Linter linter = new Linter(List.of(rules), PythonFrontEnd::parse);
    NotebookDocument doc = new NotebookDocument(NotebookSource.read(json.getBytes(StandardCharsets.UTF_8), "nb.ipynb"));
    FixLoop.Outcome o = FixLoop.run(doc, d -> linter.lint(d, Set.of()), mode);
    return new Fixed(o.document().contents(), o.fixed(), o.result());
  }

  private static String notebook(String... cells) {
    StringBuilder sb = new StringBuilder("{\"cells\": [");
    for (int i = 0; i < cells.length; i++) {
      sb.append(i == 0 ? "" : ", ").append("{\"cell_type\": \"code\", \"metadata\": {}, \"outputs\": [], ")
          .append("\"execution_count\": null, \"source\": ").append(new com.google.gson.GsonBuilder().disableHtmlEscaping().create().toJson(cells[i]))
          .append("}");
    }
    return sb.append("], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}\n").toString();
  }

  @Test
  void aFixIntoASkippedNotebookCellIsNotApplied() throws Exception {
    String json = notebook("print 'first cell does not parse'", "leak()");
    Fixed o = fixNotebook(json, SAFE, new ImportAtTop());
    assertEquals(json, o.text(), "the insertion would land in the skipped cell 1");
    assertEquals(0, o.fixed());
    assertNull(o.result().problem());
    assertEquals(1, o.result().cellErrors().size());
    assertEquals(1, o.result().diagnostics().size());
  }

  @Test
  void aFixThatBreaksAGoodNotebookCellIsRolledBack() throws Exception {
    String json = notebook("print 'bad'", "breakme()", "leak()");
    Fixed o = fixNotebook(json, SAFE, new TestRules.LeakCall(), new TestRules.BrokenFix());
    assertEquals(json, o.text());
    assertEquals(0, o.fixed());
    FileProblem p = o.result().problem();
    assertEquals(FileProblem.Kind.INTERNAL_ERROR, p.kind());
    assertEquals("internal error: the fix for OOM004, OOM001 produced code that does not parse"
        + " ('(' was never closed at cell 2:1:9); the file was left unchanged; this is a bug in oomlint,"
        + " please report it", p.message());
    assertEquals(1, o.result().cellErrors().size(), "the bad cell is still reported");
    assertEquals(2, o.result().diagnostics().size());
  }

  @Test
  void notebookFixesAroundABadCellConverge() throws Exception {
    String json = notebook("x = leak()", "print 'bad'", "y = leak()");
    Fixed first = fixNotebook(json, SAFE, new TestRules.LeakCall());
    assertEquals(2, first.fixed());
    assertEquals(json.replace("leak()", "free()"), first.text());
    Fixed second = fixNotebook(first.text(), SAFE, new TestRules.LeakCall());
    assertEquals(first.text(), second.text());
    assertEquals(0, second.fixed());
  }
}
