package dev.oomlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.oomlint.testing.Cli;
import dev.oomlint.testing.TestRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --version}, {@code rules}, {@code rule}, {@code debug}, and usage without a command. */
class CommandsTest {
  @TempDir
  Path tmp;

  @Test
  void version() {
    Cli.Run r = new Cli(tmp).run("--version");
    assertEquals(0, r.code());
    assertEquals("oomlint 0.1.0\n", r.out());
    assertEquals("", r.err());
  }

  @Test
  void outputLostToAFullStdoutIsAnErrorForEveryCommand() {
    for (String[] args : new String[][] {{"rules"}, {"--version"}, {"rule", "OOM001"}}) {
      Cli.Run r = new Cli(tmp).stdoutFails().run(args);
      assertEquals(2, r.code(), () -> String.join(" ", args) + "\n" + r);
      assertEquals("error: writing to standard output failed (disk full or output closed?); the output is incomplete\n",
          r.err());
      assertEquals(0, new Cli(tmp).run(args).code(), String.join(" ", args));
    }
  }

  @Test
  void noCommandPrintsUsageAndExitsTwo() {
    Cli.Run r = new Cli(tmp).run();
    assertEquals(2, r.code());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("Usage: oomlint"), r.err());
    Cli.Run bad = new Cli(tmp).run("lint");
    assertEquals(2, bad.code());
    assertEquals(1, bad.err().lines().count(), bad.err());
  }

  @Test
  void helpGoesToStdout() {
    Cli.Run r = new Cli(tmp).run("check", "--help");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("--[no-]unsafe-fixes") && r.out().contains("--exit-non-zero-on-fix"), r.out());
  }

  @Test
  void rulesTable() {
    Cli.Run r = new Cli(tmp).run("rules");
    assertEquals(0, r.code());
    assertEquals("""
        CODE    NAME       LEVEL    FIX     DEFAULT
        OOM001  leak-call  warning  safe    on
        OOM002  hold-call  error    unsafe  on
        """, r.out());
  }

  @Test
  void anOptInRuleIsListedAsOffAndRunsOnlyWhenSelected() throws Exception {
    java.util.List<dev.oomlint.rules.Rule> rules = java.util.List.of(new TestRules.LeakCall(), new TestRules.PinCall());
    Cli.Run table = new Cli(tmp).rules(rules).run("rules");
    assertTrue(table.out().contains("OOM006  pin-call   warning  none  off\n"), table.out());
    JsonArray a = JsonParser.parseString(new Cli(tmp).rules(rules).run("rules", "--output-format", "json").out())
        .getAsJsonArray();
    assertTrue(a.get(0).getAsJsonObject().get("enabled_by_default").getAsBoolean());
    assertFalse(a.get(1).getAsJsonObject().get("enabled_by_default").getAsBoolean());

    Files.writeString(tmp.resolve("p.py"), "pin()\nleak()\n");
    Cli.Run plain = new Cli(tmp).rules(rules).run("check", "--output-format", "concise", "p.py");
    assertFalse(plain.out().contains("OOM006"), plain.out());
    assertTrue(plain.out().contains("OOM001"), plain.out());
    Cli.Run selected = new Cli(tmp).rules(rules).run("check", "--output-format", "concise", "--extend-select", "OOM006", "p.py");
    assertTrue(selected.out().contains("p.py:1:1: OOM006"), selected.out());
    assertTrue(selected.out().contains("OOM001"), selected.out());

    // SARIF lists every rule with its default; the invocation says which of them this run turned on or off
    JsonObject plainRun = sarifRun(new Cli(tmp).rules(rules).run("check", "--output-format", "sarif", "p.py"));
    JsonArray descriptors = plainRun.getAsJsonObject("tool").getAsJsonObject("driver").getAsJsonArray("rules");
    assertEquals(2, descriptors.size());
    assertNull(descriptors.get(0).getAsJsonObject().getAsJsonObject("defaultConfiguration").get("enabled"));
    assertFalse(descriptors.get(1).getAsJsonObject().getAsJsonObject("defaultConfiguration").get("enabled")
        .getAsBoolean());
    assertNull(plainRun.getAsJsonArray("invocations").get(0).getAsJsonObject().get("ruleConfigurationOverrides"));

    JsonObject swapped = sarifRun(new Cli(tmp).rules(rules).run("check", "--output-format", "sarif",
        "--select", "OOM006", "p.py"));
    assertEquals(2, swapped.getAsJsonObject("tool").getAsJsonObject("driver").getAsJsonArray("rules").size());
    JsonArray overrides = swapped.getAsJsonArray("invocations").get(0).getAsJsonObject()
        .getAsJsonArray("ruleConfigurationOverrides");
    assertEquals(2, overrides.size());
    for (var e : overrides) {
      JsonObject o = e.getAsJsonObject();
      String id = o.getAsJsonObject("descriptor").get("id").getAsString();
      assertEquals(id.equals("OOM006"), o.getAsJsonObject("configuration").get("enabled").getAsBoolean(), id);
    }
    JsonObject result = swapped.getAsJsonArray("results").get(0).getAsJsonObject();
    assertEquals("OOM006", result.get("ruleId").getAsString());
    assertEquals(1, result.get("ruleIndex").getAsInt());
  }

  private static JsonObject sarifRun(Cli.Run r) {
    return JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("runs").get(0).getAsJsonObject();
  }

  @Test
  void rulesJson() {
    Cli.Run r = new Cli(tmp).run("rules", "--output-format", "json");
    JsonArray a = JsonParser.parseString(r.out()).getAsJsonArray();
    assertEquals(2, a.size());
    JsonObject first = a.get(0).getAsJsonObject();
    assertEquals("OOM001", first.get("code").getAsString());
    assertEquals("leak-call", first.get("name").getAsString());
    assertEquals("warning", first.get("level").getAsString());
    assertEquals("safe", first.get("fix").getAsString());
    assertEquals("unsafe", a.get(1).getAsJsonObject().get("fix").getAsString());
  }

  @Test
  void ruleCommand() {
    Cli.Run r = new Cli(tmp).run("rule", "OOM001");
    assertEquals(0, r.code());
    assertEquals("# OOM001: leak-call\n\nFlags `leak()`.\n", r.out());
    Cli.Run byName = new Cli(tmp).run("rule", "leak-call");
    assertEquals(r.out(), byName.out());
    Cli.Run json = new Cli(tmp).run("rule", "OOM001", "--output-format", "json");
    JsonObject o = JsonParser.parseString(json.out()).getAsJsonObject();
    assertEquals("OOM001", o.get("code").getAsString());
    assertEquals("# OOM001: leak-call\n\nFlags `leak()`.\n", o.get("explanation").getAsString());
    Cli.Run unknown = new Cli(tmp).run("rule", "OOM999");
    assertEquals(2, unknown.code());
    assertEquals("error: unknown rule 'OOM999' (see 'oomlint rules')\n", unknown.err());
    Cli.Run noPage = new Cli(tmp).run("rule", "OOM002");
    assertEquals(2, noPage.code());
    assertEquals("error: rule OOM002 has no documentation page\n", noPage.err());
  }

  @Test
  void bundledPagesAreReadFromResources() {
    // every bundled page must belong to a code; a missing one reads as null
    assertEquals(null, Toolbox.builtIn().pages().apply("OOM000"));
    assertEquals(null, Toolbox.builtIn().pages().apply("../../etc/passwd"));
  }

  @Test
  void debugAstPrintsCpythonStyleDump() throws IOException {
    Files.writeString(tmp.resolve("a.py"), "x = leak()\n");
    Cli.Run r = new Cli(tmp).run("debug", "ast", "a.py");
    assertEquals(0, r.code(), r.toString());
    assertEquals("Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno=1,"
        + " end_col_offset=1)], value=Call(func=Name(id='leak', ctx=Load(), lineno=1, col_offset=4, end_lineno=1,"
        + " end_col_offset=8), args=[], keywords=[], lineno=1, col_offset=4, end_lineno=1, end_col_offset=10),"
        + " lineno=1, col_offset=0, end_lineno=1, end_col_offset=10)], type_ignores=[])\n", r.out());
    Files.writeString(tmp.resolve("bad.py"), "x = (\n");
    Cli.Run bad = new Cli(tmp).run("debug", "ast", "bad.py");
    assertEquals(1, bad.code());
    assertEquals("bad.py:1:5: SyntaxError: '(' was never closed\n", bad.err());
  }

  @Test
  void debugBenchReportsThroughput() throws IOException {
    Files.writeString(tmp.resolve("a.py"), "x = leak()\nhold()\n".repeat(50));
    Cli.Run r = new Cli(tmp).run("debug", "bench", "--warmup", "0.05", "--measure", "0.1", ".");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("corpus: 1 files, 101 lines"), r.out());
    assertTrue(r.out().matches("(?s).*parse, 1 thread, after \\d+ warm-up rounds: [\\d,]+ lines/s, [\\d.]+ MB/s.*"), r.out());
    assertTrue(r.out().matches("(?s).*check, \\d+ threads, end to end .*: [\\d,]+ lines/s.* s per run, \\d+ runs, 100 findings\\).*"), r.out());
  }

  @Test
  void bundledExampleChecksWithTheBuiltInRules() {
    // the README's first command: must run cleanly (findings are fine, errors are not)
    Path examples = Path.of("testdata", "examples").toAbsolutePath();
    Cli.Run r = new Cli(examples).toolbox(Toolbox.builtIn()).run("check", ".");
    assertTrue(r.code() == 0 || r.code() == 1, r.toString());
    assertTrue(!r.out().contains("SyntaxError") && !r.out().contains("error:"), r.toString());
    assertEquals("", r.err());
  }
}
