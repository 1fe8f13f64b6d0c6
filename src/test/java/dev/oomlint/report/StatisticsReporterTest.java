package dev.oomlint.report;

import dev.oomlint.engine.FixMode;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class StatisticsReporterTest {
  private static String statistics(Report report, boolean json) throws IOException {
    StringBuilder out = new StringBuilder();
    new StatisticsReporter(json).write(report, out);
    return out.toString();
  }

  @Test
  void projectMatchesGolden() throws IOException {
    ReportFixtures.assertGolden("testdata/report/project.statistics.txt", statistics(ReportFixtures.project(), false));
    ReportFixtures.assertGolden("testdata/report/project.statistics.json", statistics(ReportFixtures.project(), true));
  }

  @Test
  void rowsAreRuffsMostFrequentFirstWithFixability() throws IOException {
    // OOM901: 3 findings, all with safe fixes; OOM902: 2, both unsafe; one syntax error, one unreadable file
    assertEquals("""
        3\tOOM901\t[*] loss-kept-in-list
        2\tOOM902\t[ ] dead-tensor-line
        1\t      \t[ ] syntax-error
        1\t      \t[ ] unreadable
        Found 7 problems (3 fixable with --fix, 2 more with --fix --unsafe-fixes).
        """, statistics(ReportFixtures.project(), false));
    Report unsafe = new Report(ReportFixtures.project().files(), FakeRules.all(), new FixMode(false, true, false),
        ReportFixtures.projectRoot(), 0);
    assertEquals("2\tOOM902\t[*] dead-tensor-line", statistics(unsafe, false).lines().toList().get(1));
  }

  @Test
  void aRuleWithSomeFixableFindingsIsMarkedPartly() throws IOException {
    dev.oomlint.ast.SourceFile file = new dev.oomlint.ast.SourceFile("a.py", "x = 1\ny = 2\n");
    java.util.List<dev.oomlint.diagnostics.Diagnostic> ds = java.util.List.of(
        new dev.oomlint.diagnostics.Diagnostic("OOM901", "m", new dev.oomlint.ast.SourceRange(0, 1),
            dev.oomlint.diagnostics.Fix.safe("f", dev.oomlint.diagnostics.Edit.insert(1, "z"))),
        new dev.oomlint.diagnostics.Diagnostic("OOM901", "m", new dev.oomlint.ast.SourceRange(6, 7)));
    Report r = new Report(java.util.List.of(new dev.oomlint.engine.FileResult("a.py", file, ds, null)),
        FakeRules.all(), FixMode.REPORT_ONLY, ReportFixtures.projectRoot(), 0);
    assertEquals("2\tOOM901\t[~] loss-kept-in-list\nFound 2 problems (1 fixable with --fix).\n", statistics(r, false));
  }

  @Test
  void jsonHasCountAndFixableCount() throws IOException {
    JsonArray rows = JsonParser.parseString(statistics(ReportFixtures.project(), true)).getAsJsonArray();
    assertEquals(4, rows.size());
    JsonObject first = rows.get(0).getAsJsonObject();
    assertEquals("OOM901", first.get("code").getAsString());
    assertEquals("loss-kept-in-list", first.get("name").getAsString());
    assertEquals(3, first.get("count").getAsInt());
    assertEquals(3, first.get("fixable_count").getAsInt());
    assertEquals(0, rows.get(1).getAsJsonObject().get("fixable_count").getAsInt());
    assertEquals(true, rows.get(2).getAsJsonObject().get("code").isJsonNull());
  }

  @Test
  void aCleanRunPrintsNothing() throws IOException {
    assertEquals("", statistics(ReportFixtures.clean(), false));
    assertEquals("[]\n", statistics(ReportFixtures.clean(), true));
  }
}
