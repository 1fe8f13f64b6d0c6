package dev.oomlint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConciseReporterTest {
  private static String concise(Report report) throws IOException {
    StringBuilder out = new StringBuilder();
    new ConciseReporter().write(report, out);
    return out.toString();
  }

  @Test
  void projectMatchesGolden() throws IOException {
    ReportFixtures.assertGolden("testdata/report/project.concise.txt", concise(ReportFixtures.project()));
  }

  @Test
  void oneLinePerFindingThenTheSummary() throws IOException {
    List<String> lines = concise(ReportFixtures.project()).lines().toList();
    assertEquals(8, lines.size());
    assertEquals("testdata/sarif/project/bad.py:1:7: SyntaxError: Expected a parameter name or ')', found ':'",
        lines.get(0));
    assertEquals("testdata/sarif/project/binary.py: error: Cannot decode binary.py as UTF-8: invalid byte 0xff"
        + " at line 1, column 6", lines.get(1));
    // safe fixes are marked [*]; unsafe ones only with --unsafe-fixes
    assertEquals("testdata/sarif/project/train.py:10:9: OOM901 [*] The loss is kept until the next step."
        + " Delete it after `optimizer.step()`", lines.get(4));
    assertEquals("testdata/sarif/project/train.py:12:9: OOM902 This statement creates a 4 MiB CUDA tensor nobody uses",
        lines.get(6));
    assertEquals("Found 7 problems (3 fixable with --fix, 2 more with --fix --unsafe-fixes).", lines.get(7));
  }

  @Test
  void aCleanRunSaysSo() throws IOException {
    assertEquals("All checks passed!\n", concise(ReportFixtures.clean()));
  }
}
