package dev.oomlint.report;

import dev.oomlint.engine.FixMode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.oomlint.ast.SourceFile;
import dev.oomlint.ast.SourceRange;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.engine.FileResult;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GitlabReporterTest {
  private static String gitlab(Report report) throws IOException {
    StringBuilder out = new StringBuilder();
    new GitlabReporter().write(report, out);
    return out.toString();
  }

  @Test
  void projectMatchesGolden() throws IOException {
    ReportFixtures.assertGolden("testdata/report/project.gitlab.json", gitlab(ReportFixtures.project()));
  }

  @Test
  void everyIssueHasGitlabsRequiredFields() throws IOException {
    JsonArray issues = JsonParser.parseString(gitlab(ReportFixtures.project())).getAsJsonArray();
    assertEquals(7, issues.size());
    Set<String> fingerprints = new HashSet<>();
    for (JsonElement e : issues) {
      JsonObject o = e.getAsJsonObject();
      for (String field : List.of("description", "check_name", "fingerprint", "severity")) {
        assertTrue(o.get(field).getAsJsonPrimitive().isString(), field + " in " + o);
      }
      assertTrue(Set.of("info", "minor", "major", "critical", "blocker").contains(o.get("severity").getAsString()));
      assertTrue(o.get("fingerprint").getAsString().matches("[0-9a-f]{32}"));
      assertTrue(fingerprints.add(o.get("fingerprint").getAsString()), "fingerprints are unique");
      JsonObject location = o.getAsJsonObject("location");
      assertTrue(location.get("path").getAsString().startsWith("testdata/sarif/project/"));
      assertTrue(location.getAsJsonObject("lines").get("begin").getAsInt() >= 1);
    }
    JsonObject syntax = issues.get(0).getAsJsonObject();
    assertEquals("syntax-error", syntax.get("check_name").getAsString());
    assertEquals("major", syntax.get("severity").getAsString());
    JsonObject kept = issues.get(5).getAsJsonObject();
    assertEquals("OOM901", kept.get("check_name").getAsString());
    assertEquals("minor", kept.get("severity").getAsString());
    assertEquals("`loss` is appended to `losses` and keeps its autograd graph alive", kept.get("description").getAsString());
    assertEquals(11, kept.getAsJsonObject("location").getAsJsonObject("lines").get("begin").getAsInt());
  }

  @Test
  void identicalFindingsGetDistinctFingerprintsThatDoNotDependOnTheLine() throws IOException {
    SourceFile file = new SourceFile("a.py", "x = 1\ny = 2\n");
    Diagnostic first = new Diagnostic("OOM902", "same", new SourceRange(0, 1));
    Diagnostic second = new Diagnostic("OOM902", "same", new SourceRange(6, 7));
    JsonArray two = JsonParser.parseString(gitlab(new Report(List.of(new FileResult("a.py", file,
        List.of(first, second), null)), FakeRules.all(), FixMode.REPORT_ONLY, ReportFixtures.projectRoot(), 0)))
        .getAsJsonArray();
    JsonArray moved = JsonParser.parseString(gitlab(new Report(List.of(new FileResult("a.py", file,
        List.of(second), null)), FakeRules.all(), FixMode.REPORT_ONLY, ReportFixtures.projectRoot(), 0)))
        .getAsJsonArray();
    String a = two.get(0).getAsJsonObject().get("fingerprint").getAsString();
    String b = two.get(1).getAsJsonObject().get("fingerprint").getAsString();
    assertNotEquals(a, b);
    assertEquals(a, moved.get(0).getAsJsonObject().get("fingerprint").getAsString());
  }

  @Test
  void aCleanRunIsAnEmptyArray() throws IOException {
    assertEquals("[]\n", gitlab(ReportFixtures.clean()));
  }
}
