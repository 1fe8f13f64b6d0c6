package dev.oomlint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.oomlint.ast.SourceFile;
import dev.oomlint.ast.SourceRange;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.engine.FileProblem;
import dev.oomlint.engine.FileResult;
import dev.oomlint.engine.FixMode;
import dev.oomlint.rules.Rule;
import dev.oomlint.rules.RulePages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SarifReporterTest {
  private static String sarif(Report report) throws IOException {
    StringBuilder out = new StringBuilder();
    new SarifReporter(ReportFixtures.TOOL, Path.of("")).write(report, out);
    String json = out.toString();
    SarifSchema.assertValid(json);
    return json;
  }

  private static JsonObject run(String json) {
    return JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("runs").get(0).getAsJsonObject();
  }

  @Test
  void projectMatchesGolden() throws IOException {
    ReportFixtures.assertGolden("testdata/sarif/project.sarif", ReportFixtures.normalise(sarif(ReportFixtures.project())));
  }

  @Test
  void cleanRunMatchesGoldenWithEmptyResults() throws IOException {
    String json = sarif(ReportFixtures.clean());
    ReportFixtures.assertGolden("testdata/sarif/clean.sarif", ReportFixtures.normalise(json));
    JsonObject run = run(json);
    assertEquals(0, run.getAsJsonArray("results").size());
    assertEquals(1, run.getAsJsonObject("tool").getAsJsonObject("driver").getAsJsonArray("rules").size());
    assertTrue(run.getAsJsonArray("invocations").get(0).getAsJsonObject().get("executionSuccessful").getAsBoolean());
  }

  @Test
  void aRunWithNoEnabledRuleStillHasRulesAndResults() throws IOException {
    Report report = new Report(List.of(), List.of(), FixMode.REPORT_ONLY, ReportFixtures.projectRoot(), 0);
    JsonObject run = run(sarif(report));
    assertEquals(0, run.getAsJsonObject("tool").getAsJsonObject("driver").getAsJsonArray("rules").size());
    assertEquals(0, run.getAsJsonArray("results").size());
  }

  @Test
  void logHasTheFieldsGithubRequires() throws IOException {
    JsonObject log = JsonParser.parseString(sarif(ReportFixtures.project())).getAsJsonObject();
    assertEquals(SarifReporter.SCHEMA_URI, log.get("$schema").getAsString());
    assertEquals("2.1.0", log.get("version").getAsString());
    assertEquals(1, log.getAsJsonArray("runs").size());
    JsonObject run = run(log.toString());
    assertEquals("utf16CodeUnits", run.get("columnKind").getAsString());
    JsonObject driver = run.getAsJsonObject("tool").getAsJsonObject("driver");
    assertEquals("oomlint", driver.get("name").getAsString());
    assertEquals("0.0.0-test", driver.get("version").getAsString());
    assertEquals("0.0.0-test", driver.get("semanticVersion").getAsString());
    assertEquals("https://github.com/oomlint/oomlint", driver.get("informationUri").getAsString());
    String root = run.getAsJsonObject("originalUriBaseIds").getAsJsonObject("%SRCROOT%").get("uri").getAsString();
    String expected = ReportFixtures.projectRoot().toUri().toString();
    assertEquals(expected.endsWith("/") ? expected : expected + "/", root);
    assertTrue(root.startsWith("file:///") && root.endsWith("/"), root);
  }

  @Test
  void everyEnabledRuleIsDescribedWithFlatProperties() throws IOException {
    JsonArray rules = run(sarif(ReportFixtures.project())).getAsJsonObject("tool").getAsJsonObject("driver")
        .getAsJsonArray("rules");
    assertEquals(List.of("OOM901", "OOM902", "OOM903"), ids(rules));
    JsonObject withPage = rules.get(0).getAsJsonObject();
    assertEquals("loss-kept-in-list", withPage.get("name").getAsString());
    assertEquals("A loss tensor is appended to a list and keeps its graph alive.",
        withPage.getAsJsonObject("shortDescription").get("text").getAsString());
    assertEquals("Finds a loss tensor appended to a list inside a training loop (a test-only rule).",
        withPage.getAsJsonObject("fullDescription").get("text").getAsString());
    assertEquals(RulePages.markdown("OOM901").orElseThrow(), withPage.getAsJsonObject("help").get("markdown").getAsString());
    String helpText = withPage.getAsJsonObject("help").get("text").getAsString();
    assertTrue(helpText.contains("Why it costs memory\nThe loss still references"), helpText);
    assertTrue(helpText.contains("    losses.append(loss.item())"), helpText);
    assertFalse(helpText.contains("```"), helpText);
    assertEquals("warning", withPage.getAsJsonObject("defaultConfiguration").get("level").getAsString());
    assertEquals("https://github.com/oomlint/oomlint/blob/main/rules/OOM901.md", withPage.get("helpUri").getAsString());
    JsonObject properties = withPage.getAsJsonObject("properties");
    assertEquals(List.of("memory", "autograd"), strings(properties.getAsJsonArray("tags")));
    assertEquals("high", properties.get("precision").getAsString());
    assertEquals("warning", properties.get("problem.severity").getAsString());
    assertNull(properties.get("additionalProperties"));

    JsonObject withoutPage = rules.get(1).getAsJsonObject();
    assertEquals("A statement creates a CUDA tensor nobody uses.", withoutPage.getAsJsonObject("help").get("text").getAsString());
    assertNull(withoutPage.getAsJsonObject("help").get("markdown"));
    assertEquals("error", withoutPage.getAsJsonObject("defaultConfiguration").get("level").getAsString());
    assertEquals("error", withoutPage.getAsJsonObject("properties").get("problem.severity").getAsString());
    JsonObject note = rules.get(2).getAsJsonObject();
    assertEquals("note", note.getAsJsonObject("defaultConfiguration").get("level").getAsString());
    assertEquals("recommendation", note.getAsJsonObject("properties").get("problem.severity").getAsString());
    assertEquals("low", note.getAsJsonObject("properties").get("precision").getAsString());
  }

  @Test
  void resultsPointAtTheirRuleWithRelativeUtf16LocationsAndLineHashes() throws IOException {
    JsonObject run = run(sarif(ReportFixtures.project()));
    JsonArray rules = run.getAsJsonObject("tool").getAsJsonObject("driver").getAsJsonArray("rules");
    JsonArray results = run.getAsJsonArray("results");
    assertEquals(5, results.size());
    for (JsonElement e : results) {
      JsonObject result = e.getAsJsonObject();
      String ruleId = result.get("ruleId").getAsString();
      assertEquals(ruleId, rules.get(result.get("ruleIndex").getAsInt()).getAsJsonObject().get("id").getAsString());
      assertEquals(ruleId.equals("OOM902") ? "error" : "warning", result.get("level").getAsString());
      String message = result.getAsJsonObject("message").get("text").getAsString();
      assertTrue(message.endsWith("."), message);
      JsonObject physical = result.getAsJsonArray("locations").get(0).getAsJsonObject().getAsJsonObject("physicalLocation");
      JsonObject artifact = physical.getAsJsonObject("artifactLocation");
      assertEquals("%SRCROOT%", artifact.get("uriBaseId").getAsString());
      JsonObject region = physical.getAsJsonObject("region");
      for (String field : List.of("startLine", "startColumn", "endLine", "endColumn")) {
        assertNotNull(region.get(field), field);
      }
      String relative = artifact.get("uri").getAsString().replace("%20", " ");
      String text = Files.readString(ReportFixtures.projectRoot().resolve(relative), StandardCharsets.UTF_8);
      assertEquals(LineHashes.forLine(text, region.get("startLine").getAsInt()),
          result.getAsJsonObject("partialFingerprints").get("primaryLocationLineHash").getAsString());
    }
    JsonObject cached = results.get(1).getAsJsonObject();
    JsonObject physical = cached.getAsJsonArray("locations").get(0).getAsJsonObject().getAsJsonObject("physicalLocation");
    assertEquals("src/my%20model.py", physical.getAsJsonObject("artifactLocation").get("uri").getAsString());
    JsonObject region = physical.getAsJsonObject("region");
    // cache = {"é😀": torch.ones(3)} : the emoji is two UTF-16 code units, so `torch` starts at column 17
    assertEquals(7, region.get("startLine").getAsInt());
    assertEquals(17, region.get("startColumn").getAsInt());
    assertEquals(17 + "torch.ones(3)".length(), region.get("endColumn").getAsInt());
  }

  @Test
  void fixesApplyInTheSarifViewerAsTheyDoInOomlint() throws IOException {
    Report report = ReportFixtures.project();
    JsonArray results = run(sarif(report)).getAsJsonArray("results");
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<SourceFile> sources = new ArrayList<>();
    for (FileResult file : report.files()) {
      for (Diagnostic d : file.diagnostics()) {
        diagnostics.add(d);
        sources.add(file.source());
      }
    }
    for (int i = 0; i < results.size(); i++) {
      SourceFile source = sources.get(i);
      JsonObject fix = results.get(i).getAsJsonObject().getAsJsonArray("fixes").get(0).getAsJsonObject();
      assertEquals(Messages.sentence(diagnostics.get(i).fix().title()), fix.getAsJsonObject("description").get("text").getAsString());
      JsonArray changes = fix.getAsJsonArray("artifactChanges");
      assertEquals(1, changes.size());
      JsonArray replacements = changes.get(0).getAsJsonObject().getAsJsonArray("replacements");
      String expected = EditSimulator.apply(source.text(), diagnostics.get(i).fix().edits());
      assertEquals(expected, EditSimulator.applySarifLikeVsCode(source.text(), replacements), "fix of result " + i);
      for (JsonElement r : replacements) {
        assertNotNull(r.getAsJsonObject().getAsJsonObject("insertedContent").get("text"), "insertedContent.text, even for deletions");
      }
    }
  }

  @Test
  void filesThatCouldNotBeAnalysedBecomeErrorNotifications() throws IOException {
    JsonObject invocation = run(sarif(ReportFixtures.project())).getAsJsonArray("invocations").get(0).getAsJsonObject();
    assertTrue(invocation.get("executionSuccessful").getAsBoolean());
    JsonArray notifications = invocation.getAsJsonArray("toolExecutionNotifications");
    assertEquals(2, notifications.size());
    JsonObject syntax = notifications.get(0).getAsJsonObject();
    assertEquals("error", syntax.get("level").getAsString());
    assertEquals("Expected a parameter name or ')', found ':'.", syntax.getAsJsonObject("message").get("text").getAsString());
    JsonObject where = syntax.getAsJsonArray("locations").get(0).getAsJsonObject().getAsJsonObject("physicalLocation");
    assertEquals("bad.py", where.getAsJsonObject("artifactLocation").get("uri").getAsString());
    assertEquals(1, where.getAsJsonObject("region").get("startLine").getAsInt());
    assertEquals(7, where.getAsJsonObject("region").get("startColumn").getAsInt());
    JsonObject unreadable = notifications.get(1).getAsJsonObject().getAsJsonArray("locations").get(0).getAsJsonObject()
        .getAsJsonObject("physicalLocation");
    assertEquals("binary.py", unreadable.getAsJsonObject("artifactLocation").get("uri").getAsString());
    assertNull(unreadable.get("region"));
  }

  @Test
  void anInternalErrorMakesTheExecutionUnsuccessful() throws IOException {
    SourceFile file = new SourceFile(ReportFixtures.PROJECT + "/clean.py", "import torch\n");
    Report report = new Report(List.of(new FileResult(file.path(), file, List.of(),
        new FileProblem(FileProblem.Kind.INTERNAL_ERROR, "Rule OOM901 crashed: NullPointerException", null))),
        FakeRules.all(), FixMode.REPORT_ONLY, ReportFixtures.projectRoot(), 0);
    JsonObject invocation = run(sarif(report)).getAsJsonArray("invocations").get(0).getAsJsonObject();
    assertFalse(invocation.get("executionSuccessful").getAsBoolean());
    assertEquals("error", invocation.getAsJsonArray("toolExecutionNotifications").get(0).getAsJsonObject()
        .get("level").getAsString());
  }

  @Test
  void symlinkedFilesAreReportedAtTheirRealPath(@TempDir Path dir) throws IOException {
    Path root = dir.toRealPath();
    Files.createDirectories(root.resolve("pkg"));
    Path real = Files.writeString(root.resolve("pkg/real.py"), "import torch\nx = torch.ones(1)\n");
    Path link = root.resolve("link.py");
    Files.createSymbolicLink(link, real);
    SourceFile file = new SourceFile(link.toString(), Files.readString(real));
    Report report = new Report(List.of(new FileResult(link.toString(), file,
        List.of(new Diagnostic("OOM902", "Unused tensor", new SourceRange(17, 30))), null)),
        FakeRules.all(), FixMode.REPORT_ONLY, root, 0);
    JsonObject artifact = run(sarif(report)).getAsJsonArray("results").get(0).getAsJsonObject().getAsJsonArray("locations")
        .get(0).getAsJsonObject().getAsJsonObject("physicalLocation").getAsJsonObject("artifactLocation");
    assertEquals("pkg/real.py", artifact.get("uri").getAsString());
    assertEquals("%SRCROOT%", artifact.get("uriBaseId").getAsString());
  }

  @Test
  void aFileOutsideTheRootGetsAnAbsoluteUriWithoutBase(@TempDir Path dir) throws IOException {
    Path root = Files.createDirectories(dir.toRealPath().resolve("root"));
    Path outside = Files.writeString(dir.toRealPath().resolve("other.py"), "x = 1\n");
    SourceFile file = new SourceFile(outside.toString(), "x = 1\n");
    Report report = new Report(List.of(new FileResult(outside.toString(), file,
        List.of(new Diagnostic("OOM902", "Unused tensor", new SourceRange(0, 1))), null)),
        FakeRules.all(), FixMode.REPORT_ONLY, root, 0);
    JsonObject artifact = run(sarif(report)).getAsJsonArray("results").get(0).getAsJsonObject().getAsJsonArray("locations")
        .get(0).getAsJsonObject().getAsJsonObject("physicalLocation").getAsJsonObject("artifactLocation");
    assertEquals(outside.toUri().toString(), artifact.get("uri").getAsString());
    assertNull(artifact.get("uriBaseId"));
  }

  @Test
  void fingerprintsFollowTheBytesOnDiskIncludingAByteOrderMark(@TempDir Path dir) throws IOException {
    Path root = dir.toRealPath();
    Path path = root.resolve("bom.py");
    Files.write(path, "\ufeffimport torch\nx = torch.ones(1)\n".getBytes(StandardCharsets.UTF_8));
    SourceFile file = new SourceFile(path.toString(), "import torch\nx = torch.ones(1)\n");
    Report report = new Report(List.of(new FileResult(path.toString(), file,
        List.of(new Diagnostic("OOM902", "Unused tensor", new SourceRange(0, 6))), null)),
        FakeRules.all(), FixMode.REPORT_ONLY, root, 0);
    String hash = run(sarif(report)).getAsJsonArray("results").get(0).getAsJsonObject()
        .getAsJsonObject("partialFingerprints").get("primaryLocationLineHash").getAsString();
    assertEquals(LineHashes.forLine("\ufeffimport torch\nx = torch.ones(1)\n", 1), hash);
    assertFalse(hash.equals(LineHashes.forLine(file.text(), 1)));
  }

  @Test
  void aResultThatTakesItsLineBreakEndsOnItsOwnLine() {
    SourceFile file = new SourceFile("a.py", "x = 1\ny = 2\n");
    var region = SarifReporter.resultRegion(file.lines(), new SourceRange(0, 6));
    assertEquals(1, region.getEndLine());
    assertEquals(6, region.getEndColumn());
    var exact = SarifReporter.exactRegion(file.lines(), new SourceRange(0, 6));
    assertEquals(2, exact.getEndLine());
    assertEquals(1, exact.getEndColumn());
  }

  @Test
  void modelDefaultsAndEmptyCollectionsAreLeftOut() throws IOException {
    String json = sarif(ReportFixtures.project());
    for (String noise : List.of("\"rank\"", "\"kind\"", "\"language\"", "\"enabled\"", "\"charOffset\"", "\"index\"",
        "additionalProperties", "\"arguments\"", "\"deprecatedIds\"", ": []", ": {}")) {
      assertFalse(json.contains(noise), noise + " in\n" + json);
    }
  }

  private static List<String> ids(JsonArray rules) {
    List<String> ids = new ArrayList<>();
    for (JsonElement rule : rules) {
      ids.add(rule.getAsJsonObject().get("id").getAsString());
    }
    return ids;
  }

  private static List<String> strings(JsonArray array) {
    List<String> out = new ArrayList<>();
    for (JsonElement e : array) {
      out.add(e.getAsString());
    }
    return out;
  }
}
