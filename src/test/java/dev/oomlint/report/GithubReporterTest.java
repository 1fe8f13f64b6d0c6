package dev.oomlint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oomlint.ast.SourceFile;
import dev.oomlint.ast.SourceRange;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.engine.FileResult;
import dev.oomlint.engine.FixMode;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class GithubReporterTest {
  private static String github(Report report) throws IOException {
    StringBuilder out = new StringBuilder();
    new GithubReporter().write(report, out);
    return out.toString();
  }

  @Test
  void projectMatchesGolden() throws IOException {
    ReportFixtures.assertGolden("testdata/report/project.github.txt", github(ReportFixtures.project()));
  }

  @Test
  void aCleanRunPrintsNothing() throws IOException {
    assertEquals("", github(ReportFixtures.clean()));
  }

  @Test
  void oneWorkflowCommandPerFindingWithItsLevel() throws IOException {
    List<String> lines = github(ReportFixtures.project()).lines().toList();
    assertEquals(7, lines.size());
    assertEquals("::error title=oomlint (syntax error),file=testdata/sarif/project/bad.py,line=1,col=7,endLine=1,endColumn=8"
        + "::Expected a parameter name or ')', found ':'", lines.get(0));
    assertEquals("::error title=oomlint (unreadable),file=testdata/sarif/project/binary.py"
        + "::Cannot decode binary.py as UTF-8: invalid byte 0xff at line 1, column 6", lines.get(1));
    assertEquals("::warning title=oomlint (OOM901),file=testdata/sarif/project/train.py,line=11,col=9,endLine=11,endColumn=28"
        + "::`loss` is appended to `losses` and keeps its autograd graph alive", lines.get(5));
    assertEquals("::error title=oomlint (OOM902),file=testdata/sarif/project/train.py,line=12,col=9,endLine=12,endColumn=47"
        + "::This statement creates a 4 MiB CUDA tensor nobody uses", lines.get(6));
  }

  @Test
  void noteLevelRulesGiveNotices() throws IOException {
    SourceFile file = new SourceFile("a.py", "torch.cuda.empty_cache()\n");
    Report report = new Report(List.of(new FileResult("a.py", file,
        List.of(new Diagnostic("OOM903", "Cache", new SourceRange(0, 5))), null)), FakeRules.all(),
        FixMode.REPORT_ONLY, ReportFixtures.projectRoot(), 0);
    assertEquals("::notice title=oomlint (OOM903),file=a.py,line=1,col=1,endLine=1,endColumn=6::Cache\n", github(report));
  }

  @Test
  void valuesAreEscapedAsTheActionsToolkitDoes() throws IOException {
    SourceFile file = new SourceFile("dir,x/a:b%.py", "x = 1\n");
    Report report = new Report(List.of(new FileResult(file.path(), file,
        List.of(new Diagnostic("OOM902", "50% of memory\r\nis: wasted, here", new SourceRange(0, 1))), null)),
        FakeRules.all(), FixMode.REPORT_ONLY, ReportFixtures.projectRoot(), 0);
    assertEquals("::error title=oomlint (OOM902),file=dir%2Cx/a%3Ab%25.py,line=1,col=1,endLine=1,endColumn=2"
        + "::50%25 of memory%0D%0Ais: wasted, here\n", github(report));
    assertEquals("a%3Ab%2Cc%25%0A", GithubReporter.escapeProperty("a:b,c%\n"));
    assertEquals("a:b,c%25%0D", GithubReporter.escapeData("a:b,c%\r"));
  }
}
