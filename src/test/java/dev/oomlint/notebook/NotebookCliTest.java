package dev.oomlint.notebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.oomlint.ast.LineIndex;
import dev.oomlint.testing.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code oomlint check} on notebooks, end to end in-process, with the engine's stand-in parser and
 * test rules (OOM001 flags {@code leak()} with a safe fix to {@code free()}, OOM002 flags
 * {@code hold()} with an unsafe one).
 */
class NotebookCliTest {
  @TempDir
  Path tmp;
  Cli cli;

  /** cell 1 markdown; cell 2 code with a line magic and a shell line; cell 3 %%bash; cell 4 the findings. */
  static final String NB = Nb.notebook().markdown("# Title\nText.").code("x = 1\n%matplotlib inline\n!nvidia-smi")
      .code("%%bash\necho leak(x)").code("y = leak(x)\nhold(y)").json();

  @BeforeEach
  void setUp() {
    cli = new Cli(tmp);
  }

  private Path write(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void textOutputNamesTheCellAndItsLine() throws IOException {
    write("nb.ipynb", NB);
    Cli.Run r = cli.run("check", "nb.ipynb");
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.out().contains("nb.ipynb:cell 4:1:5: OOM001 [*] `leak()` keeps the tensor alive"), r.out());
    assertTrue(r.out().contains("nb.ipynb:cell 4:2:1: OOM002 `hold()` pins memory"), r.out());
    assertTrue(r.out().contains("1 | y = leak(x)"), r.out()); // the line number within the cell
    assertTrue(r.out().contains("2 | hold(y)"), r.out());
    assertFalse(r.out().contains("echo"), "the %%bash cell is not linted");
  }

  /**
   * A notebook runs in one kernel process: naming an accelerator (a trainer's {@code model.accelerator})
   * does not make OOM402 read its loads as every rank's, unless the notebook launches workers.
   */
  @Test
  void aNotebookIsOneProcessUnlessItLaunchesWorkers() throws IOException {
    String cells = "import torch\nfrom accelerate import Accelerator\n";
    String load = "net.load_state_dict(torch.load(model.ckpt_path))\nloader = model.accelerator.prepare(loader)";
    write("one.ipynb", Nb.notebook().code(cells).code(load).json());
    write("many.ipynb", Nb.notebook().code(cells).code(load)
        .code("from accelerate import notebook_launcher\nnotebook_launcher(train, num_processes=2)").json());
    write("script.py", cells + load + "\n");
    Cli.Run r = new Cli(tmp).toolbox(dev.oomlint.cli.Toolbox.builtIn())
        .run("check", "--output-format=concise", "--select", "OOM402", ".");
    assertFalse(r.out().contains("one.ipynb"), r.out());
    assertTrue(r.out().contains("many.ipynb:cell 2:1:21: OOM402"), r.out());
    assertTrue(r.out().contains("script.py:3:21: OOM402"), r.out());
  }

  @Test
  void directoriesIncludeNotebooks() throws IOException {
    write("sub/nb.ipynb", NB);
    write("sub/a.py", "leak(1)\n");
    Cli.Run r = cli.run("check", ".");
    assertTrue(r.out().contains("a.py:1:1: OOM001"), r.out());
    assertTrue(r.out().contains("nb.ipynb:cell 4:1:5: OOM001"), r.out());
  }

  @Test
  void jsonHasTheCellAndRowsWithinIt() throws IOException {
    write("nb.ipynb", NB);
    Cli.Run r = cli.run("check", "--output-format", "json", "nb.ipynb");
    JsonArray findings = JsonParser.parseString(r.out()).getAsJsonArray();
    assertEquals(2, findings.size(), r.out());
    JsonObject leak = findings.get(0).getAsJsonObject();
    assertEquals("OOM001", leak.get("code").getAsString());
    assertEquals(4, leak.get("cell").getAsInt());
    assertEquals(1, leak.getAsJsonObject("location").get("row").getAsInt());
    assertEquals(5, leak.getAsJsonObject("location").get("column").getAsInt());
    JsonObject edit = leak.getAsJsonObject("fix").getAsJsonArray("edits").get(0).getAsJsonObject();
    assertEquals(1, edit.getAsJsonObject("location").get("row").getAsInt());
    assertEquals(2, findings.get(1).getAsJsonObject().getAsJsonObject("location").get("row").getAsInt());
  }

  @Test
  void sarifPointsAtTheRawNotebookLineWithTheCellInProperties() throws IOException {
    write("nb.ipynb", NB);
    Cli.Run r = cli.run("check", "--output-format", "sarif", "nb.ipynb");
    dev.oomlint.report.SarifSchema.assertValid(r.out());
    JsonObject run = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("runs").get(0).getAsJsonObject();
    JsonObject result = run.getAsJsonArray("results").get(0).getAsJsonObject();
    JsonObject region = result.getAsJsonArray("locations").get(0).getAsJsonObject()
        .getAsJsonObject("physicalLocation").getAsJsonObject("region");
    LineIndex raw = new LineIndex(NB);
    int leakAt = NB.indexOf("leak(x)\\n");
    assertEquals(raw.line(leakAt), region.get("startLine").getAsInt());
    assertEquals(raw.column(leakAt), region.get("startColumn").getAsInt());
    assertEquals(raw.line(leakAt), region.get("endLine").getAsInt());
    assertEquals(raw.column(leakAt) + "leak".length(), region.get("endColumn").getAsInt());
    assertEquals(4, result.getAsJsonObject("properties").get("cell").getAsInt());
    // the fix replaces the cell's source value in the raw JSON
    JsonObject replacement = result.getAsJsonArray("fixes").get(0).getAsJsonObject().getAsJsonArray("artifactChanges")
        .get(0).getAsJsonObject().getAsJsonArray("replacements").get(0).getAsJsonObject();
    String inserted = replacement.getAsJsonObject("insertedContent").get("text").getAsString();
    assertTrue(inserted.startsWith("[") && inserted.contains("\"y = free(x)\\n\""), inserted);
    int sourceLine = raw.line(NB.indexOf("\"y = leak(x)\\n\"")) - 1; // the "source": [ line
    assertEquals(sourceLine, replacement.getAsJsonObject("deletedRegion").get("startLine").getAsInt());
  }

  @Test
  void githubAnnotationsPointAtTheRawNotebookLine() throws IOException {
    write("nb.ipynb", NB);
    Cli.Run r = cli.run("check", "--output-format", "github", "nb.ipynb");
    LineIndex raw = new LineIndex(NB);
    int leakAt = NB.indexOf("leak(x)\\n");
    String where = "file=nb.ipynb,line=" + raw.line(leakAt) + ",col=" + raw.column(leakAt) + ",endLine="
        + raw.line(leakAt) + ",endColumn=" + (raw.column(leakAt) + 4) + "::";
    assertTrue(r.out().startsWith("::warning title=oomlint (OOM001)," + where), r.out());
  }

  @Test
  void fixRewritesOnlyTheChangedCell() throws IOException {
    Path nb = write("nb.ipynb", NB);
    Cli.Run r = cli.run("check", "--fix", "nb.ipynb");
    assertEquals(1, r.code(), r.toString()); // OOM002's fix is unsafe: one finding remains
    assertTrue(r.out().contains("nb.ipynb:cell 4:2:1: OOM002"), r.out());
    String expected = NB.replace("\"y = leak(x)\\n\"", "\"y = free(x)\\n\"");
    assertEquals(expected, Files.readString(nb, StandardCharsets.UTF_8));
    byte[] once = Files.readAllBytes(nb);
    cli.run("check", "--fix", "nb.ipynb");
    assertArrayEquals(once, Files.readAllBytes(nb), "a second --fix changes nothing");
    cli.run("check", "--fix", "--unsafe-fixes", "nb.ipynb");
    assertEquals(expected.replace("\"hold(y)\"", "\"release(y)\""), Files.readString(nb, StandardCharsets.UTF_8));
  }

  @Test
  void cleanNotebooksAreNeverRewritten() throws IOException {
    String clean = Nb.notebook().code("x = 1\n%time y = 2").json().replace("\n", "\r\n");
    Path nb = write("nb.ipynb", clean);
    Cli.Run r = cli.run("check", "--fix", "nb.ipynb");
    assertEquals(0, r.code(), r.toString());
    assertEquals(clean, Files.readString(nb, StandardCharsets.UTF_8));
  }

  @Test
  void fixesOnMagicLinesAreNotApplied() throws IOException {
    String text = Nb.notebook().code("x = 1\n%time leak(x)").json();
    Path nb = write("nb.ipynb", text);
    Cli.Run r = cli.run("check", "--fix", "nb.ipynb");
    // found in the %time statement, at its column in the cell
    assertTrue(r.out().contains("nb.ipynb:cell 1:2:7: OOM001"), r.out());
    assertTrue(r.out().contains("2 | leak(x)"), r.out()); // the snippet shows the analysed line
    assertEquals(text, Files.readString(nb, StandardCharsets.UTF_8));
  }

  @Test
  void diffShowsTheChangedCell() throws IOException {
    Path nb = write("nb.ipynb", NB);
    Cli.Run r = cli.run("check", "--diff", "nb.ipynb");
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.out().contains("nb.ipynb:cell 4"), r.out());
    assertTrue(r.out().contains("-y = leak(x)") && r.out().contains("+y = free(x)"), r.out());
    assertEquals(NB, Files.readString(nb, StandardCharsets.UTF_8));
  }

  @Test
  void stdinNotebooksAreFixedToStdout() {
    Cli.Run r = cli.stdin(NB).run("check", "--fix", "--stdin-filename", "nb.ipynb", "-");
    assertEquals(NB.replace("\"y = leak(x)\\n\"", "\"y = free(x)\\n\""), r.out());
    assertTrue(r.err().contains("nb.ipynb:cell 4:2:1: OOM002"), r.err());
  }

  @Test
  void brokenNotebooksAreThatFilesErrorNotACrash() throws IOException {
    write("bad.ipynb", "{\"cells\": [");
    write("v3.ipynb", "{\"nbformat\": 3, \"worksheets\": []}");
    write("ok.py", "x = 1\n");
    Cli.Run r = cli.run("check", ".");
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.out().contains("bad.ipynb: error: notebook is not valid JSON: unterminated array at line 1, column 11"),
        r.out());
    assertTrue(r.out().contains("v3.ipynb: error: notebook uses nbformat 3"), r.out());
    Cli.Run sarif = cli.run("check", "--output-format", "sarif", ".");
    assertTrue(sarif.out().contains("notebook is not valid JSON"), sarif.out());
  }

  @Test
  void syntaxErrorsPointAtTheCell() throws IOException {
    write("nb.ipynb", Nb.notebook().code("x = 1").markdown("m").code("y = (").json());
    Cli.Run r = cli.run("check", "nb.ipynb");
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.out().matches("(?s).*nb\\.ipynb:cell 3:1:\\d+: SyntaxError: .*"), r.out());
  }

  @Test
  void nonPythonNotebooksAreClean() throws IOException {
    write("r.ipynb", Nb.notebook().kernel("R").code("f <- function(x) { leak(x) }").json());
    Cli.Run r = cli.run("check", "r.ipynb");
    assertEquals(0, r.code(), r.toString());
  }
}
