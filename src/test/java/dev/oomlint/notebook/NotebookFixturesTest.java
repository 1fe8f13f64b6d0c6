package dev.oomlint.notebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.oomlint.ast.SourceFile;
import dev.oomlint.ast.SourceRange;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.diagnostics.Edit;
import dev.oomlint.parser.ParseOutcome;
import dev.oomlint.parser.PythonFrontEnd;
import dev.oomlint.rules.Rule;
import dev.oomlint.rules.RuleContext;
import dev.oomlint.rules.checks.RuleRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

  /** A fixture's expectation: an error message, or findings. */
  record Expected(String error, List<String> findings, List<String> snippets) {}

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
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("error: ")) {
        return new Expected(line.substring("error: ".length()), List.of(), List.of());
      }
      Matcher m = FINDING.matcher(line);
      assertTrue(m.matches(), "bad expectation line: " + line);
      findings.add("cell " + m.group(1) + ":" + m.group(2) + ":" + m.group(3) + ": " + m.group(4));
      snippets.add(m.group(5));
    }
    return new Expected(null, findings, snippets);
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
      if (expected(p).error() != null) {
        continue;
      }
      NotebookSource src = load(p);
      ParseOutcome outcome = PythonFrontEnd.parse(src.file());
      assertTrue(outcome instanceof ParseOutcome.Parsed, p + ": " + outcome + "\n" + src.file().text());
      parsed++;
    }
    assertTrue(parsed >= 5);
  }

  /** With the real parser and rules merged, they must find exactly the expected findings. */
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
      ParseOutcome outcome = PythonFrontEnd.parse(src.file());
      assertTrue(outcome instanceof ParseOutcome.Parsed, p + ": " + outcome);
      List<Diagnostic> all = new ArrayList<>();
      for (Rule r : rules) {
        RuleContext ctx = new RuleContext(src.file(), ((ParseOutcome.Parsed) outcome).module(), r.info().code());
        r.check(ctx);
        all.addAll(ctx.diagnostics());
      }
      assertEquals(new TreeSet<>(exp.findings()), positionsWithCodes(src, all), p.toString());
      // and `check --fix` writes exactly the .fixed.ipynb (or leaves the file alone)
      Path dir = Files.createTempDirectory("oomlint-nb");
      try {
        Path copy = dir.resolve(p.getFileName().toString());
        Files.copy(p, copy);
        new dev.oomlint.testing.Cli(dir).rules(rules).run("check", "--fix", copy.getFileName().toString());
        Path fixed = Path.of(p.toString().replaceAll("\\.ipynb$", ".fixed.ipynb"));
        assertArrayEquals(Files.readAllBytes(Files.exists(fixed) ? fixed : p), Files.readAllBytes(copy),
            "check --fix on " + p);
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
}
