package dev.oomlint.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomlint.ast.Expr;
import dev.oomlint.ast.LineIndex;
import dev.oomlint.ast.Mod;
import dev.oomlint.ast.SourceFile;
import dev.oomlint.ast.Stmt;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Input that is not clean Python, and inputs that stress depth, size, offsets and threads. */
class FrontEndRobustnessTest {

  @Test
  void tenThousandNestedParenthesesIsASyntaxErrorNotACrash() {
    String src = "x = " + "(".repeat(10_000) + "1" + ")".repeat(10_000) + "\n";
    SyntaxError e = P.error(src);
    assertEquals("too many nested parentheses", e.message());
  }

  @Test
  void deepButLegalNestingParses() {
    String src = "x = " + "[".repeat(199) + "]".repeat(199) + "\n";
    Expr e = assertInstanceOf(Stmt.Assign.class, P.stmt(src)).value();
    int depth = 0;
    while (e instanceof Expr.ListExpr l && !l.elts().isEmpty()) {
      e = l.elts().get(0);
      depth++;
    }
    assertEquals(198, depth);
  }

  @Test
  void fiftyThousandTermChainBuildsLeftDeep() {
    String src = "x = " + String.join("+", java.util.Collections.nCopies(50_000, "a")) + "\n";
    Expr e = assertInstanceOf(Stmt.Assign.class, P.stmt(src)).value();
    int depth = 0;
    while (e instanceof Expr.BinOp b) {
      assertEquals(4, b.range().start());
      e = b.left();
      depth++;
    }
    assertEquals(49_999, depth);
  }

  @Test
  void longRightRecursiveChainsParse() {
    for (String src : List.of(
        "x = " + String.join("**", java.util.Collections.nCopies(20_000, "a")) + "\n",
        "x = " + "not ".repeat(20_000) + "a\n",
        "x = " + "-".repeat(20_000) + "a\n",
        "x = " + "lambda: ".repeat(5_000) + "a\n",
        "x = " + "a if b else ".repeat(5_000) + "a\n",
        "x = " + String.join(" or ", java.util.Collections.nCopies(20_000, "a")) + "\n",
        "x = " + String.join(" < ", java.util.Collections.nCopies(20_000, "a")) + "\n",
        "x = a" + ".b".repeat(20_000) + "\n")) {
      assertInstanceOf(Stmt.Assign.class, P.stmt(src), src.substring(0, 20));
    }
  }

  @Test
  void stackOverflowBecomesASyntaxError() throws Exception {
    // on a thread with a tiny stack a deep chain overflows; the front end must report it, not throw
    String deep = "x = " + String.join("**", java.util.Collections.nCopies(50_000, "a")) + "\n";
    ParseOutcome[] out = new ParseOutcome[1];
    Throwable[] thrown = new Throwable[1];
    Thread t = new Thread(null, () -> {
      try {
        out[0] = PythonFrontEnd.parseHere(deep);
      } catch (Throwable x) {
        thrown[0] = x;
      }
    }, "small-stack", 256 * 1024);
    t.start();
    t.join();
    assertNull(thrown[0], () -> "parseHere threw " + thrown[0]);
    SyntaxError e = assertInstanceOf(ParseOutcome.Failed.class, out[0]).error();
    assertEquals("expression too deeply nested", e.message());
    // and the shared parser state is still sound afterwards
    assertEquals("Module[Assign\"y = b ** c\"([Name\"y\"(y STORE)] BinOp\"b ** c\"(Name\"b\"(b LOAD) POW Name\"c\"(c LOAD)))]",
        P.tree(P.module("y = b ** c\n"), "y = b ** c\n"));
  }

  @Test
  void deepInputGivesTheSameOutcomeOnAnyStack() throws Exception {
    // the outcome depends on the nesting only: the same on a 128 KB stack as on the parser's own
    String tooDeep = "x = " + String.join("**", java.util.Collections.nCopies(40_000, "a")) + "\n";
    String deep = "x = " + String.join("**", java.util.Collections.nCopies(20_000, "a")) + "\n"
        + "y = " + "lambda: ".repeat(5_000) + "a\n"
        + "z = " + "[".repeat(199) + "]".repeat(199) + "\n";
    for (long stack : new long[] {128 * 1024, 256 * 1024, 1024 * 1024}) {
      ParseOutcome[] out = new ParseOutcome[4];
      Throwable[] thrown = new Throwable[1];
      Thread t = new Thread(null, () -> {
        try {
          out[0] = PythonFrontEnd.parseHere(tooDeep);
          out[1] = PythonFrontEnd.parse(tooDeep);
          out[2] = PythonFrontEnd.parseHere(deep);
          out[3] = PythonFrontEnd.parse(deep);
        } catch (Throwable x) {
          thrown[0] = x;
        }
      }, "small-stack", stack);
      t.start();
      t.join();
      assertNull(thrown[0], () -> "threw on a " + stack + "-byte stack: " + thrown[0]);
      for (int i = 0; i < 2; i++) {
        assertEquals("expression too deeply nested",
            assertInstanceOf(ParseOutcome.Failed.class, out[i]).error().message(), "stack " + stack);
      }
      for (int i = 2; i < 4; i++) {
        Mod.Module m = assertInstanceOf(ParseOutcome.Parsed.class, out[i], "stack " + stack).module();
        assertEquals(3, m.body().size());
      }
    }
  }

  @Test
  void indentationDeepUpToTheLimit() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 98; i++) {
      sb.append(" ".repeat(i)).append("if x:\n");
    }
    sb.append(" ".repeat(98)).append("pass\n");
    Stmt s = P.stmt(sb.toString());
    int depth = 0;
    while (s instanceof Stmt.If i) {
      s = i.body().get(0);
      depth++;
    }
    assertEquals(98, depth);
  }

  @Test
  void emptyAndBlankFilesParseToEmptyModules() {
    for (String src : List.of("", "\n", "\n\n  \n", "# only a comment", "\\\n\n", "\r\n\r\n", "\f\n")) {
      Mod.Module m = P.module(src);
      assertTrue(m.body().isEmpty(), P.show(src));
      assertEquals(src.length(), m.range().end());
    }
    // as in CPython, a line continuation right before the end of the file is an error
    assertEquals("unexpected EOF while parsing @1:2", P.errorAt("\\\n"));
  }

  @Test
  void commentsAreCollectedInOrderWithRanges() {
    String src = "# a\nx = 1  # noqa: OOM101\nif x:  # c\n    pass\n    # trailing\n";
    Mod.Module m = P.module(src);
    List<String> texts = m.comments().stream().map(Mod.Comment::text).collect(Collectors.toList());
    assertEquals(List.of("# a", "# noqa: OOM101", "# c", "# trailing"), texts);
    for (Mod.Comment c : m.comments()) {
      assertEquals(c.text(), src.substring(c.range().start(), c.range().end()));
    }
  }

  @Test
  void byteOrderMarkIsIgnoredButRangesIndexTheGivenText() {
    String src = "\uFEFFx = 'é'\n";
    Stmt.Assign a = assertInstanceOf(Stmt.Assign.class, P.stmt(src));
    assertEquals("x", P.slice(src, a.targets().get(0)));
    assertEquals("'é'", P.slice(src, a.value()));
    SyntaxError e = P.error("\uFEFFx = = 1\n");
    assertEquals(5, e.offset());
  }

  @Test
  void rangesAreUtf16OffsetsAfterCharactersOutsideTheBmp() {
    String src = "s = '\uD83D\uDE00\uD83D\uDE00'; t = f'{s}\uD83D\uDE00{s!r}'  # \uD83D\uDE00\nu = 1\n";
    Mod.Module m = P.module(src);
    Stmt.Assign t = (Stmt.Assign) m.body().get(1);
    assertEquals("t", P.slice(src, t.targets().get(0)));
    Expr.JoinedStr j = (Expr.JoinedStr) t.value();
    assertEquals("{s}", P.slice(src, j.values().get(0)));
    assertEquals("\uD83D\uDE00", P.slice(src, j.values().get(1)));
    assertEquals("{s!r}", P.slice(src, j.values().get(2)));
    assertEquals("# \uD83D\uDE00", m.comments().get(0).text());
    assertEquals("u = 1", P.slice(src, m.body().get(2)));
    SyntaxError e = P.error("'\uD83D\uDE00' = 1\n");
    assertEquals(0, e.offset());
    SyntaxError e2 = P.error("x = '\uD83D\uDE00' +\n");
    assertEquals(new LineIndex("x = '\uD83D\uDE00' +\n").offset(1, 11), e2.offset());
  }

  @Test
  void lineEndingsCrlfAndLoneCrAreNormalisedInsideStrings() {
    String src = "x = '''a\r\nb\rc'''\r\ny = 'd\\\r\ne'\r";
    Mod.Module m = P.module(src);
    Expr.Constant x = (Expr.Constant) ((Stmt.Assign) m.body().get(0)).value();
    assertEquals("'a\\nb\\nc'", P.constant(x.value()));
    Expr.Constant y = (Expr.Constant) ((Stmt.Assign) m.body().get(1)).value();
    assertEquals("'de'", P.constant(y.value()));
  }

  @Test
  void python2PrintIsReportedLikeCpython() {
    assertEquals("Missing parentheses in call to 'print'. Did you mean print(...)? @2:3",
        P.errorAt("if x:\n  print 'hello'\n"));
  }

  @Test
  void lexicalErrorsWinOverLaterOrGenericParseErrors() {
    assertEquals("unterminated string literal (detected at line 2) @2:1", P.errorAt("x = = 1\n'abc\n"));
    assertEquals("'(' was never closed @1:5", P.errorAt("x = (1, 2\ny = 3\n"));
    assertEquals("expected ':' @1:5", P.errorAt("if x\n  pass\nfoo(\n"));
  }

  @Test
  void parsesConcurrentlyWithTheSameResults() throws Exception {
    List<Path> files = corpus();
    List<String> texts = new ArrayList<>();
    for (Path p : files) {
      texts.add(Files.readString(p, StandardCharsets.UTF_8));
    }
    List<String> expected = new ArrayList<>();
    for (String t : texts) {
      expected.add(P.tree(P.module(t), t));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> futures = new ArrayList<>();
      for (int round = 0; round < 3; round++) {
        for (String t : texts) {
          futures.add(pool.submit(() -> P.tree(P.module(t), t)));
        }
      }
      for (int i = 0; i < futures.size(); i++) {
        assertEquals(expected.get(i % texts.size()), futures.get(i).get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void parserThreadFactoryRunsParsesDirectly() throws Exception {
    Thread[] seen = new Thread[1];
    Thread t = PythonFrontEnd.threadFactory("test").newThread(() -> {
      seen[0] = Thread.currentThread();
      assertInstanceOf(ParseOutcome.Parsed.class, PythonFrontEnd.parse(new SourceFile("a.py", "x = 1\n")));
    });
    t.start();
    t.join();
    assertEquals(t, seen[0]);
  }

  @Test
  void ordinaryCodeNeedsNoFullLlFallback() throws IOException {
    // SLL prediction must decide every decision of ordinary code; the LL stage is for errors only.
    long before = PythonFrontEnd.LL_FALLBACKS.get();
    for (Path p : corpus()) {
      String text = Files.readString(p, StandardCharsets.UTF_8);
      assertInstanceOf(ParseOutcome.Parsed.class, PythonFrontEnd.parse(text), p.toString());
    }
    assertEquals(0, PythonFrontEnd.LL_FALLBACKS.get() - before);
  }

  @Test
  void mutatedSourcesNeverThrow() throws IOException {
    // random edits of the corpus: whatever comes out must be a module or one syntax error inside the text
    java.util.Random r = new java.util.Random(20240601);
    List<Path> files;
    try (Stream<Path> s = Files.list(Path.of("testdata", "syntax"))) {
      files = s.filter(p -> p.toString().endsWith(".py")).sorted().collect(Collectors.toList());
    }
    for (int i = 0; i < 400; i++) {
      String text = new String(Files.readAllBytes(files.get(r.nextInt(files.size()))), StandardCharsets.UTF_8);
      String mutant = FuzzTool.mutate(text, r);
      ParseOutcome o = PythonFrontEnd.parse(mutant);
      if (o instanceof ParseOutcome.Failed f) {
        assertTrue(f.error().offset() >= 0 && f.error().offset() <= mutant.length(), f.error().toString());
        assertTrue(!f.error().message().contains("mismatched input") && !f.error().message().contains("expecting {"),
            f.error().message());
      }
    }
  }

  private static List<Path> corpus() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("testdata", "syntax"))) {
      return s.filter(p -> p.getFileName().toString().startsWith("dl_")).sorted().collect(Collectors.toList());
    }
  }
}
