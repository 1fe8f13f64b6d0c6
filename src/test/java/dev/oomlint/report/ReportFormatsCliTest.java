package dev.oomlint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.oomlint.testing.Cli;
import dev.oomlint.testing.TestRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The machine-readable formats end to end through {@code oomlint check} (test rules, stand-in parser). */
class ReportFormatsCliTest {
  private static Path project(Path dir) throws IOException {
    Path root = dir.toRealPath();
    Files.writeString(root.resolve("pyproject.toml"), "[tool.oomlint]\n");
    Files.createDirectories(root.resolve("pkg"));
    Files.writeString(root.resolve("pkg/a.py"), "x = leak(1)\nhold(x)\n");
    Files.writeString(root.resolve("broken.py"), "x = (\n");
    Files.writeString(root.resolve("clean.py"), "y = 1\n");
    return root;
  }

  @Test
  void sarifFromTheCommandLineIsValidAndComplete(@TempDir Path dir) throws IOException {
    Path root = project(dir);
    Cli.Run run = new Cli(root).run("check", "--output-format", "sarif", ".");
    assertEquals(1, run.code(), run.toString());
    SarifSchema.assertValid(run.out());
    JsonObject sarif = JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonArray("runs").get(0).getAsJsonObject();
    JsonArray results = sarif.getAsJsonArray("results");
    assertEquals(List.of("OOM001", "OOM002"), ruleIds(results));
    JsonObject location = results.get(0).getAsJsonObject().getAsJsonArray("locations").get(0).getAsJsonObject()
        .getAsJsonObject("physicalLocation");
    assertEquals("pkg/a.py", location.getAsJsonObject("artifactLocation").get("uri").getAsString());
    assertEquals(root.toUri().toString(),
        sarif.getAsJsonObject("originalUriBaseIds").getAsJsonObject("%SRCROOT%").get("uri").getAsString());
    assertEquals(LineHashes.forLine(Files.readString(root.resolve("pkg/a.py")), 1), results.get(0).getAsJsonObject()
        .getAsJsonObject("partialFingerprints").get("primaryLocationLineHash").getAsString());
    JsonObject invocation = sarif.getAsJsonArray("invocations").get(0).getAsJsonObject();
    assertTrue(invocation.get("executionSuccessful").getAsBoolean());
    assertEquals(1, invocation.getAsJsonArray("toolExecutionNotifications").size());
    assertEquals(2, sarif.getAsJsonObject("tool").getAsJsonObject("driver").getAsJsonArray("rules").size());
  }

  @Test
  void sarifToAFileAndAnInternalError(@TempDir Path dir) throws IOException {
    Path root = project(dir);
    Files.writeString(root.resolve("pkg/a.py"), "crash()\n");
    Path out = root.resolve("out.sarif");
    Cli.Run run = new Cli(root).rules(List.of(new TestRules.LeakCall(), new TestRules.Crash()))
        .run("check", "--output-format", "sarif", "-o", out.toString(), "pkg");
    assertEquals(2, run.code(), run.toString());
    String text = Files.readString(out, StandardCharsets.UTF_8);
    SarifSchema.assertValid(text);
    JsonObject invocation = JsonParser.parseString(text).getAsJsonObject().getAsJsonArray("runs").get(0).getAsJsonObject()
        .getAsJsonArray("invocations").get(0).getAsJsonObject();
    assertFalse(invocation.get("executionSuccessful").getAsBoolean());
  }

  @Test
  void aCleanRunGivesEmptyResults(@TempDir Path dir) throws IOException {
    Path root = project(dir);
    Cli.Run run = new Cli(root).run("check", "--output-format", "sarif", "clean.py");
    assertEquals(0, run.code(), run.toString());
    SarifSchema.assertValid(run.out());
    assertEquals(0, JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonArray("runs").get(0).getAsJsonObject()
        .getAsJsonArray("results").size());
  }

  @Test
  void jsonAndGithubFormats(@TempDir Path dir) throws IOException {
    Path root = project(dir);
    Cli.Run json = new Cli(root).run("check", "--output-format", "json", "pkg");
    assertEquals(1, json.code(), json.toString());
    JsonArray findings = JsonParser.parseString(json.out()).getAsJsonArray();
    assertEquals(2, findings.size());
    assertEquals("OOM001", findings.get(0).getAsJsonObject().get("code").getAsString());
    assertEquals("safe", findings.get(0).getAsJsonObject().getAsJsonObject("fix").get("applicability").getAsString());
    Cli.Run github = new Cli(root).run("check", "--output-format", "github", "pkg");
    assertEquals(1, github.code(), github.toString());
    List<String> lines = github.out().lines().toList();
    assertEquals(2, lines.size(), github.toString());
    assertTrue(lines.get(0).startsWith("::warning title=oomlint (OOM001),file=pkg/a.py,line=1,col=5,endLine=1,endColumn=9::"),
        lines.get(0));
    assertTrue(lines.get(1).startsWith("::error title=oomlint (OOM002),file=pkg/a.py,line=2,col=1,"), lines.get(1));
  }

  @Test
  void conciseGitlabAndStatisticsFormats(@TempDir Path dir) throws IOException {
    Path root = project(dir);
    Cli.Run concise = new Cli(root).run("check", "--output-format", "concise", ".");
    assertEquals(1, concise.code(), concise.toString());
    List<String> lines = concise.out().lines().toList();
    assertEquals(4, lines.size(), concise.toString());
    assertTrue(lines.get(0).startsWith("broken.py:"), lines.get(0));
    assertTrue(lines.get(1).startsWith("pkg/a.py:1:5: OOM001 [*] "), lines.get(1));
    assertTrue(lines.get(2).startsWith("pkg/a.py:2:1: OOM002 "), lines.get(2));
    assertTrue(lines.get(3).startsWith("Found 3 problems"), lines.get(3));

    Files.writeString(root.resolve("pyproject.toml"), "[tool.oomlint]\noutput-format = \"gitlab\"\n");
    Cli.Run gitlab = new Cli(root).run("check", "pkg");
    assertEquals(1, gitlab.code(), gitlab.toString());
    JsonArray issues = JsonParser.parseString(gitlab.out()).getAsJsonArray();
    assertEquals(2, issues.size());
    JsonObject first = issues.get(0).getAsJsonObject();
    assertEquals("OOM001", first.get("check_name").getAsString());
    assertEquals("pkg/a.py", first.getAsJsonObject("location").get("path").getAsString());
    assertEquals(1, first.getAsJsonObject("location").getAsJsonObject("lines").get("begin").getAsInt());

    Cli.Run stats = new Cli(root).run("check", "--statistics", "--output-format", "text", ".");
    assertEquals(1, stats.code(), stats.toString());
    assertEquals(List.of("1\tOOM001\t[*] " + ruleName(stats, "OOM001"), "1\tOOM002\t[ ] " + ruleName(stats, "OOM002"),
        "1\t      \t[ ] syntax-error"), stats.out().lines().limit(3).toList());
    Cli.Run statsJson = new Cli(root).run("check", "--statistics", "--output-format=json", ".");
    JsonArray rows = JsonParser.parseString(statsJson.out()).getAsJsonArray();
    assertEquals(3, rows.size(), statsJson.toString());
    assertEquals(1, rows.get(0).getAsJsonObject().get("fixable_count").getAsInt());
  }

  private static String ruleName(Cli.Run run, String code) {
    for (dev.oomlint.rules.Rule r : TestRules.standard()) {
      if (r.info().code().equals(code)) {
        return r.info().name();
      }
    }
    throw new AssertionError(code + " not in " + run);
  }

  private static List<String> ruleIds(JsonArray results) {
    List<String> ids = new ArrayList<>();
    results.forEach(r -> ids.add(r.getAsJsonObject().get("ruleId").getAsString()));
    return ids;
  }
}
