package dev.oomlint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.oomlint.ast.Mod;
import dev.oomlint.ast.SourceFile;
import dev.oomlint.cli.Toolbox;
import dev.oomlint.config.ConfigLoader;
import dev.oomlint.config.Settings;
import dev.oomlint.engine.Linter;
import dev.oomlint.engine.RunSetup;
import dev.oomlint.parser.PythonFrontEnd;
import dev.oomlint.rules.checks.RuleRegistry;
import dev.oomlint.rules.checks.VramBudgetExceeded;
import dev.oomlint.source.TextFacts;
import dev.oomlint.source.WordSet;
import dev.oomlint.testing.Cli;
import dev.oomlint.testing.TestParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OOM404 end to end: the budget reaches the rule from {@code [tool.oomlint]} and from {@code check}'s
 * command line, the rule costs nothing without one, and SARIF carries it like every rule. (The fixtures
 * are in testdata/rules/OOM404; the language server's part is in LanguageServerSessionTest.)
 */
class VramBudgetExceededTest {
  @TempDir
  Path tmp;

  static final String FP32_7B = "import torch\nfrom transformers import AutoModelForCausalLM\n\n"
      + "model = AutoModelForCausalLM.from_pretrained(\"meta-llama/Llama-2-7b-hf\", device_map=\"cuda\")\n";

  private Cli cli() {
    return new Cli(tmp).toolbox(Toolbox.builtIn());
  }

  @Test
  void withoutABudgetTheRuleBuildsNothing() {
    SourceFile f = new SourceFile("t.py", FP32_7B);
    Mod.Module m = TestParser.parse(f);
    RuleContext ctx = new RuleContext(f, m, "OOM404", () -> {
      throw new AssertionError("the semantic model was asked for without a budget");
    }, TextFacts.of(WordSet.empty(), f.text()), RuleOptions.NONE);
    new VramBudgetExceeded().check(ctx);
    assertTrue(ctx.diagnostics().isEmpty());
    // the same file with a budget reports, through the linter's options
    Linter.Result r = new Linter(List.of(new VramBudgetExceeded()), PythonFrontEnd::parse,
        new RuleOptions(24L << 30, "test", null)).lint(f, Set.of());
    assertEquals(1, r.diagnostics().size(), r.toString());
    assertTrue(r.diagnostics().get(0).message().contains("over the budget of 24.00 GiB (test)"));
    assertNull(new Linter(List.of(new VramBudgetExceeded())).lint(f, Set.of()).problem());
    assertTrue(new Linter(List.of(new VramBudgetExceeded())).lint(f, Set.of()).diagnostics().isEmpty());
  }

  @Test
  void configurationGivesTheBudgetInBytesAndSaysWhere() throws Exception {
    Path p = tmp.resolve("pyproject.toml");
    Files.writeString(p, "[tool.oomlint]\ngpu-memory = \"16GB\"\n");
    Settings s = ConfigLoader.load(p);
    assertEquals(16_000_000_000L, s.gpuMemory());
    assertEquals("gpu-memory = \"16GB\" in pyproject.toml", s.gpuMemoryOrigin());
    assertEquals(16_000_000_000L, RunSetup.ruleOptions(s).gpuMemory());
    Files.writeString(p, "[tool.oomlint]\ngpu-memory = 12.5\n");
    assertEquals(Math.round(12.5 * (1L << 30)), ConfigLoader.load(p).gpuMemory());
    Files.writeString(p, "[tool.oomlint]\ngpu = \"A100-80GB\"\n");
    assertEquals(80L << 30, ConfigLoader.load(p).gpuMemory());
    Files.writeString(p, "[tool.oomlint]\nselect = [\"OOM4\"]\n");
    assertNull(ConfigLoader.load(p).gpuMemory());
    assertNull(RunSetup.ruleOptions(ConfigLoader.load(p)).gpuMemory());
    Files.writeString(p, "[tool.oomlint]\ngpu = \"gtx-toaster\"\n");
    Cli.Run bad = cli().run("check", "--config", "pyproject.toml", ".");
    assertEquals(2, bad.code(), bad.toString());
    assertTrue(bad.err().contains("option 'gpu' in [tool.oomlint]: unknown GPU 'gtx-toaster'"), bad.toString());
    Files.writeString(p, "[tool.oomlint]\ngpu-memory = \"lots\"\n");
    assertTrue(cli().run("check", ".").err().contains("option 'gpu-memory' in [tool.oomlint] must be a size"));
  }

  @Test
  void checkReportsWithTheConfiguredBudgetAndTheCommandLineOverridesIt() throws IOException {
    Files.writeString(tmp.resolve("infer.py"), FP32_7B);
    Cli.Run none = cli().run("check", "--output-format", "concise", "infer.py");
    assertFalse(none.out().contains("OOM404"), "no budget, no OOM404: " + none);

    Files.writeString(tmp.resolve("pyproject.toml"), "[tool.oomlint]\ngpu = \"rtx4090\"\n");
    Cli.Run r = cli().run("check", "--output-format", "concise", "--select", "OOM404", "infer.py");
    assertEquals(1, r.code(), r.toString());
    assertEquals("infer.py:4:9: OOM404 `meta-llama/Llama-2-7b-hf` (6.74B parameters, float32, inference) needs an"
        + " estimated 25.60 GiB of GPU memory, over the budget of 24.00 GiB (gpu = \"rtx4090\" in pyproject.toml);"
        + " the cheapest change that fits: load in bfloat16 (torch_dtype=torch.bfloat16), estimated 13.05 GiB.",
        r.out().lines().findFirst().orElse(""));

    Cli.Run big = cli().run("check", "--select", "OOM404", "--gpu", "a100-40gb", "infer.py");
    assertEquals(0, big.code(), "40 GiB is enough: " + big);
    Cli.Run small = cli().run("check", "--output-format", "concise", "--select", "OOM404", "--gpu-memory=8GiB",
        "infer.py");
    assertTrue(small.out().contains("over the budget of 8.00 GiB (--gpu-memory 8GiB); the cheapest change that"
        + " fits: load in 8-bit"), small.toString());

    Cli.Run fixed = cli().run("check", "--select", "OOM404", "--fix", "--unsafe-fixes", "infer.py");
    assertEquals(0, fixed.code(), fixed.toString());
    assertTrue(Files.readString(tmp.resolve("infer.py")).contains(
        "device_map=\"cuda\", torch_dtype=torch.bfloat16)"));

    for (String[] args : List.of(new String[] {"check", "--gpu", "t4", "--gpu-memory", "8GiB", "infer.py"},
        new String[] {"check", "--gpu", "toaster", "infer.py"},
        new String[] {"check", "--gpu-memory", "much", "infer.py"})) {
      Cli.Run u = cli().run(args);
      assertEquals(2, u.code(), String.join(" ", args) + "\n" + u);
      assertTrue(u.err().startsWith("error: "), u.toString());
    }
  }

  @Test
  void sarifListsTheRuleAndCarriesTheFinding() throws IOException {
    Files.writeString(tmp.resolve("infer.py"), FP32_7B);
    Cli.Run r = cli().run("check", "--output-format", "sarif", "--gpu", "t4", "infer.py");
    assertEquals(1, r.code(), r.toString());
    JsonObject run = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("runs").get(0)
        .getAsJsonObject();
    JsonArray rules = run.getAsJsonObject("tool").getAsJsonObject("driver").getAsJsonArray("rules");
    JsonObject rule = null;
    for (JsonElement e : rules) {
      if (e.getAsJsonObject().get("id").getAsString().equals("OOM404")) {
        rule = e.getAsJsonObject();
      }
    }
    assertTrue(rule != null, "OOM404 in the rules: " + rules);
    assertEquals("vram-budget-exceeded", rule.get("name").getAsString());
    assertTrue(rule.getAsJsonObject("help").get("markdown").getAsString().contains("# OOM404"));
    JsonObject result = null;
    for (JsonElement e : run.getAsJsonArray("results")) {
      if (e.getAsJsonObject().get("ruleId").getAsString().equals("OOM404")) {
        result = e.getAsJsonObject();
      }
    }
    assertTrue(result != null, r.out());
    assertTrue(result.getAsJsonObject("message").get("text").getAsString()
        .contains("over the budget of 16.00 GiB (--gpu t4)"));
    JsonObject region = result.getAsJsonArray("locations").get(0).getAsJsonObject()
        .getAsJsonObject("physicalLocation").getAsJsonObject("region");
    assertEquals(4, region.get("startLine").getAsInt());
    assertEquals(9, region.get("startColumn").getAsInt());
    assertEquals(RuleRegistry.all().size(), rules.size());
  }
}
