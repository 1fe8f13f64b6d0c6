package dev.oomlint.notebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.oomlint.engine.FileProblem;
import dev.oomlint.engine.Linter;
import dev.oomlint.source.NotebookDocument;
import dev.oomlint.testing.Cli;
import dev.oomlint.testing.TestRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A notebook whose cells do not all parse: each bad cell is its own syntax error, the other cells
 * are still linted (test rules: OOM001 flags {@code leak()} with a safe fix to {@code free()}).
 */
class NotebookBadCellsTest {
  @TempDir
  Path tmp;
  Cli cli;

  /**
   * 1 good; 2 Python 2 print; 3 indented (valid after IPython's clean-up); 4 doctest prompts (valid);
   * 5 a bare shell line; 6 an unterminated string whose next line would be a finding if it spilled;
   * 7 good, after the bad cells.
   */
  static final String NB = Nb.notebook()
      .code("x = leak(1)")
      .code("print 'old'")
      .code("    y = leak(2)\n    z = 3")
      .code(">>> w = leak(3)\n>>> w")
      .code("pip install torch")
      .code("s = 'open\nleak(4)")
      .code("v = leak(5)")
      .json();

  /** The same notebook without its bad cells' text (each replaced by a good one-liner). */
  static final String GOOD = Nb.notebook()
      .code("x = leak(1)")
      .code("pass")
      .code("    y = leak(2)\n    z = 3")
      .code(">>> w = leak(3)\n>>> w")
      .code("pass")
      .code("s = 'open'\npass")
      .code("v = leak(5)")
      .json();

  @BeforeEach
  void setUp() {
    cli = new Cli(tmp);
  }

  private Path write(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void eachBadCellIsItsOwnSyntaxErrorAndTheOthersAreLinted() throws IOException {
    write("nb.ipynb", NB);
    Cli.Run r = cli.run("check", "nb.ipynb");
    assertEquals(1, r.code(), r.toString());
    String out = r.out();
    assertTrue(out.contains("nb.ipynb:cell 1:1:5: OOM001"), out);
    assertTrue(out.contains("nb.ipynb:cell 3:1:9: OOM001"), out); // its cell's column, indentation included
    assertTrue(out.contains("nb.ipynb:cell 4:1:9: OOM001"), out); // after the `>>> ` prompt
    assertTrue(out.contains("nb.ipynb:cell 7:1:5: OOM001"), out);
    assertTrue(out.contains("nb.ipynb:cell 2:1:1: SyntaxError: Missing parentheses in call to 'print'."), out);
    assertTrue(out.contains("nb.ipynb:cell 5:1:5: SyntaxError: invalid syntax"), out);
    assertTrue(out.contains("nb.ipynb:cell 6:1:5: SyntaxError: unterminated string literal (detected at line 1)"), out);
    assertFalse(out.contains("cell 6:2"), "the unterminated string does not spill: " + out);
    assertTrue(out.contains("Found 7 problems"), out);
    assertEquals("", r.err());
  }

  @Test
  void everyFormatReportsEveryBadCell() throws IOException {
    write("nb.ipynb", NB);
    JsonArray json = JsonParser.parseString(cli.run("check", "--output-format", "json", "nb.ipynb").out())
        .getAsJsonArray();
    List<String> syntax = new ArrayList<>();
    int findings = 0;
    for (var e : json) {
      JsonObject o = e.getAsJsonObject();
      if (o.get("code").isJsonNull()) {
        syntax.add(o.get("cell").getAsInt() + ":" + o.getAsJsonObject("location").get("row").getAsInt() + ":"
            + o.getAsJsonObject("location").get("column").getAsInt());
      } else {
        findings++;
      }
    }
    assertEquals(List.of("2:1:1", "5:1:5", "6:1:5"), syntax);
    assertEquals(4, findings);
    for (String format : List.of("concise", "github", "gitlab", "sarif")) {
      String out = cli.run("check", "--output-format", format, "nb.ipynb").out();
      assertEquals(3, count(out, "invalid syntax") + count(out, "Missing parentheses") + count(out, "unterminated string"),
          format + ":\n" + out);
    }
    JsonObject sarif = JsonParser.parseString(cli.run("check", "--output-format", "sarif", "nb.ipynb").out())
        .getAsJsonObject().getAsJsonArray("runs").get(0).getAsJsonObject();
    assertEquals(3, sarif.getAsJsonArray("invocations").get(0).getAsJsonObject()
        .getAsJsonArray("toolExecutionNotifications").size());
    assertEquals(4, sarif.getAsJsonArray("results").size());
  }

  /** The findings of the good cells sit exactly where they sit when no cell is bad. */
  @Test
  void goodCellsKeepTheirPositionsAndSarifRegions() throws IOException {
    write("nb.ipynb", NB);
    write("good.ipynb", GOOD);
    JsonArray bad = sarifResults("nb.ipynb");
    JsonArray good = sarifResults("good.ipynb");
    assertEquals(4, bad.size());
    assertEquals(good.size(), bad.size());
    String raw = Files.readString(tmp.resolve("nb.ipynb"));
    String rawGood = Files.readString(tmp.resolve("good.ipynb"));
    for (int i = 0; i < bad.size(); i++) {
      JsonObject a = region(bad, i);
      JsonObject b = region(good, i);
      // the same text at the region, in each file (the bad cells' lines shift the raw lines)
      assertEquals(text(rawGood, b), text(raw, a), a + " vs " + b);
      assertEquals(b.get("startColumn"), a.get("startColumn"));
      assertEquals(b.get("endColumn"), a.get("endColumn"));
    }
    String textBad = cli.run("check", "--output-format", "concise", "nb.ipynb").out();
    String textGood = cli.run("check", "--output-format", "concise", "good.ipynb").out();
    for (String line : textGood.split("\n")) {
      if (line.contains("OOM001")) {
        assertTrue(textBad.contains(line.replace("good.ipynb", "nb.ipynb")), line + " in\n" + textBad);
      }
    }
  }

  @Test
  void fixWritesOnlyTheGoodCellsAndIsIdempotent() throws IOException {
    Path p = write("nb.ipynb", NB);
    Cli.Run r = cli.run("check", "--fix", "nb.ipynb");
    assertEquals(1, r.code(), r.toString());
    JsonArray cells = JsonParser.parseString(Files.readString(p)).getAsJsonObject().getAsJsonArray("cells");
    JsonArray before = JsonParser.parseString(NB).getAsJsonObject().getAsJsonArray("cells");
    assertEquals("x = free(1)", source(cells, 0));
    assertEquals("v = free(5)", source(cells, 6));
    for (int i : new int[] {1, 2, 3, 4, 5}) { // bad cells and cleaned-up lines are not edited
      assertEquals(source(before, i), source(cells, i), "cell " + (i + 1));
    }
    byte[] once = Files.readAllBytes(p);
    Cli.Run again = cli.run("check", "--fix", "nb.ipynb");
    assertTrue(again.out().contains("0 fixed"), again.toString());
    assertArrayEquals(once, Files.readAllBytes(p));
    String diff = cli.run("check", "--diff", "nb.ipynb").out();
    assertEquals("", diff);
  }

  @Test
  void diffShowsOnlyTheGoodCells() throws IOException {
    write("nb.ipynb", NB);
    Cli.Run r = cli.run("check", "--diff", "nb.ipynb");
    assertTrue(r.out().contains("nb.ipynb:cell 1"), r.toString());
    assertTrue(r.out().contains("nb.ipynb:cell 7"), r.toString());
    assertEquals(2, count(r.out(), "--- nb.ipynb:cell"), r.out());
  }

  /** The joined text is parsed first; only when it fails are the cells parsed one by one. */
  @Test
  void aNotebookWhoseCellsAllParseHasNoCellErrors() throws Exception {
    String nb = Nb.notebook().code("import torch").code("x = leak(1)").json();
    NotebookSource src = NotebookSource.read(nb.getBytes(StandardCharsets.UTF_8), "nb.ipynb");
    Linter.Result r = new Linter(TestRules.standard()).lint(new NotebookDocument(src), Set.of());
    assertNull(r.problem());
    assertTrue(r.cellErrors().isEmpty());
    assertEquals(1, r.diagnostics().size());
  }

  /** A notebook that parses as one module is parsed once: no cell is parsed again on its own. */
  @Test
  void aGoodNotebookIsParsedOnce() throws Exception {
    String nb = Nb.notebook().code("import torch\n# setup\n").code("@decorate\ndef f(x):\n    return x  # end")
        .code("for i in range(3):\n    y = leak(i)\n\n# trailing comment").code("class A:\n    '''Doc.'''")
        .code("s = '''multi\nline'''").json();
    NotebookSource src = NotebookSource.read(nb.getBytes(StandardCharsets.UTF_8), "nb.ipynb");
    int[] parses = {0};
    Linter linter = new Linter(TestRules.standard(), f -> {
      parses[0]++;
      return dev.oomlint.parser.PythonFrontEnd.parse(f);
    });
    Linter.Result r = linter.lint(new NotebookDocument(src), Set.of());
    assertNull(r.problem());
    assertEquals(1, r.diagnostics().size());
    assertEquals(1, parses[0]);
    String bad = Nb.notebook().code("x = 1").code("print 'y'").code("z = leak(1)").json();
    parses[0] = 0;
    r = linter.lint(new NotebookDocument(NotebookSource.read(bad.getBytes(StandardCharsets.UTF_8), "b.ipynb")),
        Set.of());
    assertEquals(1, r.cellErrors().size());
    assertEquals(1 + 3 + 1, parses[0], "joined, each cell once, the good cells");
  }

  @Test
  void aCellThatOnlyTheNextCellClosesIsASyntaxError() throws Exception {
    String nb = Nb.notebook().code("data = [1,").code("2]\nx = leak(1)").code("y = leak(2)").json();
    NotebookSource src = NotebookSource.read(nb.getBytes(StandardCharsets.UTF_8), "nb.ipynb");
    Linter.Result r = new Linter(TestRules.standard()).lint(new NotebookDocument(src), Set.of());
    assertNull(r.problem());
    List<String> errors = new ArrayList<>();
    for (FileProblem e : r.cellErrors()) {
      errors.add(src.position(e.range().start()) + " " + e.message());
    }
    assertEquals(List.of("cell 1:1:8 '[' was never closed", "cell 2:1:2 unmatched ']'"), errors);
    assertEquals(1, r.diagnostics().size());
    assertEquals("cell 3:1:5", src.position(r.diagnostics().get(0).range().start()).toString());
  }

  private JsonArray sarifResults(String file) {
    return JsonParser.parseString(cli.run("check", "--output-format", "sarif", file).out()).getAsJsonObject()
        .getAsJsonArray("runs").get(0).getAsJsonObject().getAsJsonArray("results");
  }

  private static JsonObject region(JsonArray results, int i) {
    return results.get(i).getAsJsonObject().getAsJsonArray("locations").get(0).getAsJsonObject()
        .getAsJsonObject("physicalLocation").getAsJsonObject("region");
  }

  /** The raw text a one-line SARIF region covers. */
  private static String text(String raw, JsonObject region) {
    String line = raw.split("\n", -1)[region.get("startLine").getAsInt() - 1];
    return line.substring(region.get("startColumn").getAsInt() - 1, region.get("endColumn").getAsInt() - 1);
  }

  private static String source(JsonArray cells, int i) {
    StringBuilder sb = new StringBuilder();
    for (var e : cells.get(i).getAsJsonObject().getAsJsonArray("source")) {
      sb.append(e.getAsString());
    }
    return sb.toString();
  }

  private static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }
}
