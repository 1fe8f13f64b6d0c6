package dev.oomlint.notebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.oomlint.ast.SourceFile;
import dev.oomlint.ast.SourceRange;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.diagnostics.Edit;
import dev.oomlint.engine.FileProblem;
import dev.oomlint.engine.Linter;
import dev.oomlint.parser.ParseOutcome;
import dev.oomlint.parser.PythonFrontEnd;
import dev.oomlint.rules.Rule;
import dev.oomlint.rules.RuleContext;
import dev.oomlint.rules.checks.RuleRegistry;
import dev.oomlint.source.NotebookDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Checks every notebook of {@code testdata/notebooks} against its {@code .expected} file (see the README there). */
class NotebookFixturesTest {
  static final Path DIR = Path.of("testdata", "notebooks");
  private static final Pattern FINDING = Pattern.compile("cell (\\d+):(\\d+):(\\d+): (\\w+) (.+)");
  private static final Pattern SYNTAX = Pattern.compile("syntax (cell \\d+:\\d+:\\d+): (.+)");

  /**
   * A fixture's expectation: an error message, or findings and the syntax errors of the cells that
   * do not parse on their own ({@code cell C:L:K: message}).
   */
  record Expected(String error, List<String> findings, List<String> snippets, List<String> syntax) {}

  static List<Path> notebooks() throws IOException {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
    }
  }

  static List<Path> inputs() throws IOException {
    return notebooks().stream().filter(p -> !p.toString().endsWith(".fixed.ipynb")).toList();
  }

  static Expected expected(Path notebook) throws IOException {
    Path file = Path.of(notebook.toString().replaceAll("\\.ipynb$", ".expected"));
    assertTrue(Files.exists(file), "every fixture has an .expected file: " + file);
    List<String> findings = new ArrayList<>();
    List<String> snippets = new ArrayList<>();
    List<String> syntax = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("error: ")) {
        return new Expected(line.substring("error: ".length()), List.of(), List.of(), List.of());
      }
      Matcher s = SYNTAX.matcher(line);
      if (s.matches()) {
        syntax.add(s.group(1) + ": " + s.group(2));
        continue;
      }
      Matcher m = FINDING.matcher(line);
      assertTrue(m.matches(), "bad expectation line: " + line);
      findings.add("cell " + m.group(1) + ":" + m.group(2) + ":" + m.group(3) + ": " + m.group(4));
      snippets.add(m.group(5));
    }
    return new Expected(null, findings, snippets, syntax);
  }

  static NotebookSource load(Path p) throws Exception {
    return NotebookSource.read(Files.readAllBytes(p), p.toString());
  }

  @TestFactory
  Stream<DynamicTest> everyFixtureMatchesItsExpectations() throws IOException {
    return inputs().stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
  }

  private void check(Path p) throws Exception {
    Expected exp = expected(p);
    byte[] bytes = Files.readAllBytes(p);
    if (exp.error() != null) {
      try {
        Notebook.read(bytes);
        fail("expected the error: " + exp.error());
      } catch (NotebookException e) {
        assertEquals(exp.error(), e.getMessage());
      }
      return;
    }
    NotebookSource src = NotebookSource.read(bytes, p.toString());
    String raw = src.notebook().raw();
    for (int i = 0; i < exp.findings().size(); i++) {
      Matcher m = FINDING.matcher(exp.findings().get(i) + " x");
      assertTrue(m.matches());
      int cell = Integer.parseInt(m.group(1));
      int line = Integer.parseInt(m.group(2));
      int col = Integer.parseInt(m.group(3));
      String snippet = exp.snippets().get(i);
      int off = src.offsetOf(cell, line, col);
      assertTrue(off >= 0, "no such cell position: " + exp.findings().get(i));
      assertTrue(src.file().text().startsWith(snippet, off), "joined text at " + exp.findings().get(i));
      assertEquals("cell " + cell + ":" + line + ":" + col, src.position(off).toString());
      // SARIF: the raw .ipynb offset holds the same text, JSON-encoded as in the file
      String encoded = JsonStrings.encode(snippet, src.notebook().asciiOnly());
      encoded = encoded.substring(1, encoded.length() - 1);
      assertTrue(raw.startsWith(encoded, src.rawOffset(off)), "raw text at " + exp.findings().get(i));
      assertTrue(src.rawLines().lineText(src.rawLine(off)).contains(encoded));
    }
    if (!exp.syntax().isEmpty()) {
      return; // the stand-in rule would see the bad cells too: the real rules' test covers these
    }
    // the stand-in rule sees the joined module: its findings land where the real rules' must
    List<Diagnostic> found = run(new StandInLeakRule(), src.file());
    assertEquals(new TreeSet<>(exp.findings()), positions(src, found));
    List<Edit> edits = new ArrayList<>();
    found.forEach(d -> edits.addAll(d.fix().edits()));
    Path fixed = Path.of(p.toString().replaceAll("\\.ipynb$", ".fixed.ipynb"));
    byte[] written = src.notebook().encode(src.applyEdits(edits));
    if (Files.exists(fixed)) {
      assertArrayEquals(Files.readAllBytes(fixed), written, "fixed notebook differs from " + fixed);
    } else {
      assertTrue(edits.isEmpty());
      assertArrayEquals(bytes, written);
    }
  }

  /** The real parser reads every fixture's joined, masked cells without a syntax error. */
  @Test
  void joinedCellsParse() throws Exception {
    int parsed = 0;
    for (Path p : inputs()) {
      if (expected(p).error() != null || !expected(p).syntax().isEmpty()) {
        continue;
      }
      NotebookSource src = load(p);
      ParseOutcome outcome = PythonFrontEnd.parse(src.file());
      assertTrue(outcome instanceof ParseOutcome.Parsed, p + ": " + outcome + "\n" + src.file().text());
      parsed++;
    }
    assertTrue(parsed >= 5);
  }

  /**
   * With the real parser and rules merged, they must find exactly the expected findings, and
   * exactly the expected cells must be reported as syntax errors (the others still linted).
   */
  @Test
  void realRulesFindTheExpectedLeaks() throws Exception {
    List<Rule> rules = RuleRegistry.all();
    Assumptions.assumeTrue(!rules.isEmpty(), "no rules registered yet (branch semantic not merged)");
    for (Path p : inputs()) {
      Expected exp = expected(p);
      if (exp.error() != null) {
        continue;
      }
      NotebookSource src = load(p);
      Linter.Result result = new Linter(rules).lint(new NotebookDocument(src), Set.of());
      assertNull(result.problem(), p.toString());
      assertEquals(new TreeSet<>(exp.findings()), positionsWithCodes(src, result.diagnostics()), p.toString());
      List<String> syntax = new ArrayList<>();
      for (FileProblem e : result.cellErrors()) {
        assertEquals(FileProblem.Kind.SYNTAX_ERROR, e.kind());
        syntax.add(src.position(e.range().start()) + ": " + e.message());
      }
      assertEquals(exp.syntax(), syntax, p.toString());
      // and `check --fix` writes exactly the .fixed.ipynb (or leaves the file alone)
      Path dir = Files.createTempDirectory("oomlint-nb");
      try {
        Path copy = dir.resolve(p.getFileName().toString());
        Files.copy(p, copy);
        dev.oomlint.testing.Cli cli = new dev.oomlint.testing.Cli(dir).rules(rules);
        dev.oomlint.testing.Cli.Run run = cli.run("check", "--select=ALL", "--fix", copy.getFileName().toString());
        dev.oomlint.testing.Cli.assertNoStackTrace(run);
        Path fixed = Path.of(p.toString().replaceAll("\\.ipynb$", ".fixed.ipynb"));
        assertArrayEquals(Files.readAllBytes(Files.exists(fixed) ? fixed : p), Files.readAllBytes(copy),
            "check --fix on " + p);
        // fixing again changes nothing
        cli.run("check", "--select=ALL", "--fix", copy.getFileName().toString());
        assertArrayEquals(Files.readAllBytes(Files.exists(fixed) ? fixed : p), Files.readAllBytes(copy),
            "second check --fix on " + p);
      } finally {
        try (Stream<Path> files = Files.list(dir)) {
          for (Path f : files.toList()) {
            Files.delete(f);
          }
        }
        Files.delete(dir);
      }
    }
  }

  private static List<Diagnostic> run(Rule rule, SourceFile file) {
    RuleContext ctx = new RuleContext(file, null, rule.info().code());
    rule.check(ctx);
    return ctx.diagnostics();
  }

  private static TreeSet<String> positions(NotebookSource src, List<Diagnostic> ds) {
    return positionsWithCodes(src, ds);
  }

  private static TreeSet<String> positionsWithCodes(NotebookSource src, List<Diagnostic> ds) {
    TreeSet<String> out = new TreeSet<>();
    for (Diagnostic d : ds) {
      out.add(src.position(d.range().start()) + ": " + d.code());
    }
    return out;
  }

  /** Reading and writing back without a change gives the same bytes, for every fixture. */
  @Test
  void everyNotebookRoundTripsByteForByte() throws Exception {
    int checked = 0;
    for (Path p : notebooks()) {
      byte[] bytes = Files.readAllBytes(p);
      Notebook nb;
      try {
        nb = Notebook.read(bytes);
      } catch (NotebookException e) {
        continue; // the broken ones
      }
      NotebookSource src = NotebookSource.of(nb, p.toString());
      assertArrayEquals(bytes, nb.encode(src.applyEdits(List.of())), p.toString());
      // every unmasked line replaced by itself: still nothing to write
      List<Edit> same = new ArrayList<>();
      var li = src.file().lines();
      for (int line = 1; line <= li.lineCount(); line++) {
        SourceRange r = new SourceRange(li.lineStart(line), li.lineEnd(line));
        if (src.refusal(List.of(Edit.replace(r, ""))) == null) {
          same.add(Edit.replace(r, src.file().slice(r)));
        }
      }
      assertTrue(src.isEmpty() || !same.isEmpty());
      assertArrayEquals(bytes, nb.encode(src.applyEdits(same)), p + " (identity edits)");
      // re-encoding every cell's source reproduces the file: the writer matches each layout
      assertArrayEquals(bytes, nb.encode(nb.reencodeAll()), p + " (re-encoded sources)");
      checked++;
    }
    assertTrue(checked >= 9, "round-tripped " + checked + " notebooks");
  }

  /**
   * IPython's verdict on every code cell of the fixtures (testdata/notebooks/ipython_cells.tsv,
   * written by scripts/ipython-cells.py --write-expected from TransformerManager.transform_cell and
   * ast.parse): a cell IPython turns into valid Python has no syntax error here, every other has one.
   */
  @Test
  void cellsAgreeWithIPython() throws Exception {
    List<Rule> rules = RuleRegistry.all();
    int rows = 0;
    int invalid = 0;
    java.util.Map<String, Linter.Result> results = new java.util.HashMap<>();
    for (String line : Files.readAllLines(DIR.resolve("ipython_cells.tsv"), StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      Path p = DIR.resolve(f[0]);
      int cell = Integer.parseInt(f[1]);
      boolean valid = f[2].equals("valid");
      assertTrue(valid || f[2].equals("invalid"), line);
      NotebookSource src = load(p);
      Linter.Result r = results.computeIfAbsent(f[0], k -> new Linter(rules).lint(new NotebookDocument(src), Set.of()));
      assertNull(r.problem(), line);
      boolean reported = false;
      for (FileProblem e : r.cellErrors()) {
        reported |= src.position(e.range().start()).cell() == cell;
      }
      assertEquals(!valid, reported, line);
      rows++;
      invalid += valid ? 0 : 1;
    }
    assertTrue(rows >= 20 && invalid >= 7, rows + " cells, " + invalid + " invalid");
  }
}
