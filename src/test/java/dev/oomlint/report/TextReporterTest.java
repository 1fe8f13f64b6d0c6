package dev.oomlint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oomlint.ast.SourceFile;
import dev.oomlint.ast.SourceRange;
import dev.oomlint.diagnostics.Applicability;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.diagnostics.Edit;
import dev.oomlint.diagnostics.Fix;
import dev.oomlint.engine.FileProblem;
import dev.oomlint.engine.FileResult;
import dev.oomlint.engine.FixMode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextReporterTest {
  private static String render(List<FileResult> files, FixMode mode, int fixed) throws IOException {
    StringBuilder sb = new StringBuilder();
    new TextReporter(false).write(new Report(files, List.of(), mode, Path.of("/p"), fixed), sb);
    return sb.toString();
  }

  @Test
  void summaries() {
    FixMode report = FixMode.REPORT_ONLY;
    FixMode fix = new FixMode(true, false, false);
    assertEquals("All checks passed!", TextReporter.summary(0, 0, 0, 0, report));
    assertEquals("Found 1 problem.", TextReporter.summary(1, 0, 0, 0, report));
    assertEquals("Found 3 problems (1 fixable with --fix).", TextReporter.summary(3, 1, 0, 0, report));
    assertEquals("Found 3 problems (2 fixable with --fix --unsafe-fixes).", TextReporter.summary(3, 0, 2, 0, report));
    assertEquals("Found 3 problems (1 fixable with --fix, 2 more with --fix --unsafe-fixes).",
        TextReporter.summary(3, 1, 2, 0, report));
    assertEquals("Found 5 problems (2 fixed, 3 remaining).", TextReporter.summary(3, 0, 0, 2, fix));
    assertEquals("Found 2 problems (2 fixed, 0 remaining).", TextReporter.summary(0, 0, 0, 2, fix));
  }

  @Test
  void tabsKeepTheCaretAlignedAndMultiLineRangesUnderlineToTheLineEnd() throws IOException {
    SourceFile f = new SourceFile("t.py", "if x:\n\tval = f(a,\n\t    b)\n");
    int start = f.text().indexOf("f(a");
    int end = f.text().indexOf("b)") + 2;
    Diagnostic d = new Diagnostic("OOM001", "msg", new SourceRange(start, end),
        new Fix("Show it", Applicability.DISPLAY_ONLY, List.of(Edit.delete(new SourceRange(start, end)))));
    assertEquals("""
        t.py:2:8: OOM001 msg
          |
        2 | \tval = f(a,
          | \t      ^^^^ OOM001
          |
          = help: Show it

        Found 1 problem.
        """, render(List.of(new FileResult("t.py", f, List.of(d), null)), FixMode.REPORT_ONLY, 0));
  }

  @Test
  void syntaxErrorAtTheEndOfTheFileAndWideLineNumbers() throws IOException {
    SourceFile f = new SourceFile("s.py", "\n".repeat(11) + "x = (");
    int at = f.text().length();
    FileProblem p = new FileProblem(FileProblem.Kind.SYNTAX_ERROR, "'(' was never closed", new SourceRange(at, at));
    assertEquals("""
        s.py:12:6: SyntaxError: '(' was never closed
           |
        12 | x = (
           |      ^
           |

        Found 1 problem.
        """, render(List.of(new FileResult("s.py", f, List.of(), p)), FixMode.REPORT_ONLY, 0));
  }

  @Test
  void columnsCountCodePoints() throws IOException {
    SourceFile f = new SourceFile("u.py", "s = '\uD83D\uDE00'; leak()\n");
    int at = f.text().indexOf("leak");
    Diagnostic d = new Diagnostic("OOM001", "m", new SourceRange(at, at + 4));
    String out = render(List.of(new FileResult("u.py", f, List.of(d), null)), FixMode.REPORT_ONLY, 0);
    assertEquals("u.py:1:10: OOM001 m", out.lines().findFirst().orElseThrow());
    assertEquals("  |          ^^^^ OOM001", out.lines().skip(3).findFirst().orElseThrow());
  }

  @Test
  void anInternalErrorAloneIsNotAPass() throws IOException {
    FileProblem p = new FileProblem(FileProblem.Kind.INTERNAL_ERROR, "internal error: boom", null);
    assertEquals("""
        a.py: error: internal error: boom

        1 file could not be fully checked because of an internal error (see above).
        """, render(List.of(new FileResult("a.py", null, List.of(), p)), FixMode.REPORT_ONLY, 0));
  }
}
