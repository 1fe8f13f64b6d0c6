package dev.oomlint.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.oomlint.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code oomlint estimate} on the command line: flags, budget sources, colour, errors, exit codes. */
class EstimateCommandTest {
  @TempDir
  Path tmp;

  private static final String SCRIPT = """
      import torch
      from transformers import AutoModelForCausalLM
      model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-2-7b-hf", torch_dtype=torch.float16)
      """;

  private Path write(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  @Test
  void textReportHasTheTableTheBarAndTheAssumptions() throws IOException {
    write("infer.py", SCRIPT);
    Cli.Run r = new Cli(tmp).run("estimate", "--gpu-memory", "24GiB", "infer.py");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().startsWith("infer.py:3:9  AutoModelForCausalLM.from_pretrained(\"meta-llama/Llama-2-7b-hf\","
        + " torch_dtype=torch.float16)\n"), r.out());
    assertTrue(r.out().contains("model        meta-llama/Llama-2-7b-hf: 6,738,415,616 parameters (catalogue"), r.out());
    assertTrue(r.out().contains("█ weights             12.55 GiB\n"), r.out());
    assertTrue(r.out().contains("of 24.00 GiB: fits"), r.out());
    assertTrue(r.out().contains("▕█"), r.out());
    assertTrue(r.out().contains("│ = budget"), r.out());
    assertTrue(r.out().contains("precision float16: torch_dtype=torch.float16 at line 3"), r.out());
    assertFalse(r.out().contains("\u001b["), "no colour off a terminal");
    assertTrue(r.out().endsWith("1 load site; all known sizes fit the budget of 24.00 GiB (--gpu-memory).\n"),
        r.out());
  }

  @Test
  void notFittingExitsOneAndShowsTheLadder() throws IOException {
    write("infer.py", SCRIPT);
    Cli.Run r = new Cli(tmp).run("estimate", "--gpu-memory", "12GiB", "infer.py");
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.out().contains("does not fit"), r.out());
    assertTrue(r.out().contains("fixes, each on its own"), r.out());
    assertTrue(r.out().contains("✓") && r.out().contains("load in 8-bit"), r.out());
  }

  @Test
  void colourOnlyOnATerminalAndNeverWithNoColor() throws IOException {
    write("infer.py", SCRIPT);
    Cli.Run tty = new Cli(tmp).terminal(true).run("estimate", "infer.py");
    assertTrue(tty.out().contains("\u001b[34m█"), tty.out());
    Cli.Run noColor = new Cli(tmp).terminal(true).env("NO_COLOR", "1").run("estimate", "infer.py");
    assertFalse(noColor.out().contains("\u001b["), noColor.out());
  }

  @Test
  void jsonIsTheDocumentedSchema() throws IOException {
    write("infer.py", SCRIPT);
    Cli.Run r = new Cli(tmp).run("estimate", "--output-format", "json", "--gpu", "a100-80gb", "infer.py");
    assertEquals(0, r.code(), r.toString());
    JsonObject root = JsonParser.parseString(r.out()).getAsJsonObject();
    assertEquals(1, root.get("version").getAsInt());
    JsonObject s = root.getAsJsonArray("sites").get(0).getAsJsonObject();
    assertEquals(java.util.List.of("path", "line", "column", "model", "parameters", "parameterSource", "dtype",
        "quantization", "mode", "optimizer", "batchSize", "sequenceLength", "gradientCheckpointing", "bytes",
        "assumptions", "budget", "fits", "suggestions"), java.util.List.copyOf(s.keySet()));
    assertEquals(java.util.List.of("weights", "gradients", "optimizer", "activations", "overhead", "total"),
        java.util.List.copyOf(s.getAsJsonObject("bytes").keySet()));
    assertEquals(80L << 30, s.get("budget").getAsLong());
    assertTrue(s.get("fits").getAsBoolean());
  }

  @Test
  void budgetFromPyproject() throws IOException {
    write("infer.py", SCRIPT);
    write("pyproject.toml", "[tool.oomlint]\ngpu-memory = \"8GiB\"\n");
    Cli.Run r = new Cli(tmp).run("estimate", "infer.py");
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.out().contains("of 8.00 GiB: does not fit"), r.out());
    write("pyproject.toml", "[tool.oomlint]\ngpu = \"a100-40gb\"\n");
    Cli.Run g = new Cli(tmp).run("estimate", "infer.py");
    assertEquals(0, g.code(), g.toString());
    assertTrue(g.out().contains("of 40.00 GiB: fits"), g.out());
    // check accepts the same table
    Cli.Run check = new Cli(tmp).run("check", "infer.py");
    assertFalse(check.err().contains("unknown option"), check.toString());
    // found from the script's directory, not the working directory
    write("sub/infer.py", SCRIPT);
    write("sub/pyproject.toml", "[tool.oomlint]\ngpu-memory = \"4GiB\"\n");
    Cli.Run sub = new Cli(tmp).run("estimate", "sub/infer.py");
    assertTrue(sub.out().contains("of 4.00 GiB: does not fit"), sub.out());
    // the command line wins over the file
    Cli.Run flag = new Cli(tmp).run("estimate", "--gpu-memory", "100GB", "infer.py");
    assertTrue(flag.out().contains("of 93.13 GiB: fits"), flag.out());
  }

  @Test
  void badInputIsOneLineAndExitTwo() throws IOException {
    write("infer.py", SCRIPT);
    for (String[] args : new String[][] {
        {"estimate", "--gpu", "gtx-nothing", "infer.py"},
        {"estimate", "--gpu-memory", "lots", "infer.py"},
        {"estimate", "--gpu-memory", "8GiB", "--gpu", "t4", "infer.py"},
        {"estimate", "--output-format", "sarif", "infer.py"},
        {"estimate", "--batch-size", "0", "infer.py"},
        {"estimate", "--batch-size", "many", "infer.py"},
        {"estimate", "missing.py"}}) {
      Cli.Run r = new Cli(tmp).run(args);
      assertEquals(2, r.code(), String.join(" ", args) + "\n" + r);
      assertEquals(1, r.err().lines().count(), r.toString());
      assertTrue(r.err().startsWith("error: "), r.toString());
    }
    write("pyproject.toml", "[tool.oomlint]\ngpu-memory = \"huge\"\n");
    Cli.Run r = new Cli(tmp).run("estimate", "infer.py");
    assertEquals(2, r.code(), r.toString());
    assertEquals(1, r.err().lines().count(), r.toString());
  }

  @Test
  void syntaxErrorsAreReportedAndOtherFilesStillEstimated() throws IOException {
    write("src/a_broken.py", "def f(:\n");
    write("src/b_ok.py", SCRIPT);
    write("src/.venv/lib.py", SCRIPT);
    Cli.Run r = new Cli(tmp).run("estimate", "src");
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().startsWith("src/a_broken.py:1:7: SyntaxError"), r.toString());
    assertTrue(r.out().contains("src/b_ok.py:3:9"), r.out());
    assertFalse(r.out().contains(".venv"), r.out());
  }

  @Test
  void noLoadSite() throws IOException {
    write("plain.py", "import torch\nx = torch.zeros(3)\n");
    Cli.Run r = new Cli(tmp).run("estimate", "plain.py");
    assertEquals(0, r.code(), r.toString());
    assertEquals("No model load sites found.\n", r.out());
    Cli.Run j = new Cli(tmp).run("estimate", "--output-format", "json", "plain.py");
    assertEquals("{\n  \"version\": 1,\n  \"sites\": []\n}\n", j.out());
  }

  @Test
  void helpListsTheFlags() {
    Cli.Run r = new Cli(tmp).run("estimate", "--help");
    assertEquals(0, r.code());
    for (String flag : new String[] {"--gpu-memory", "--gpu", "--batch-size", "--seq-len", "--output-format"}) {
      assertTrue(r.out().contains(flag), flag);
    }
    Cli.Run root = new Cli(tmp).run("--help");
    assertTrue(root.out().contains("estimate"), root.out());
    Cli.Run usage = new Cli(tmp).run();
    assertTrue(usage.err().contains("estimate"), usage.err());
  }

  @Test
  void everyPythonFileOfTheRepositorysTestDataIsEstimatedWithoutAnInternalError() {
    Path root = Path.of("").toAbsolutePath();
    Cli.Run r = new Cli(root).run("estimate", "--gpu", "rtx4090", "testdata");
    assertTrue(r.code() == 0 || r.code() == 1, r.toString());
    assertFalse(r.err().contains("internal error"), r.err());
    // only unreadable files and syntax errors are reported on stderr
    for (String line : r.err().lines().toList()) {
      assertTrue(line.contains(": SyntaxError: ") || line.contains(": error: "), line);
    }
    assertTrue(r.out().contains(" load sites"), r.out().substring(Math.max(0, r.out().length() - 300)));
  }
}
