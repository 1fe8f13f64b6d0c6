package dev.oomlint.engine;

import dev.oomlint.engine.FixMode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.parser.PythonFrontEnd;
import dev.oomlint.rules.Rule;
import dev.oomlint.rules.RuleContext;
import dev.oomlint.rules.RuleInfo;
import dev.oomlint.testing.TestRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineTest {
  @TempDir
  Path tmp;

  private Engine engine(List<Rule> rules, int threads) {
    return new Engine(new Engine.Options(new Linter(rules, PythonFrontEnd::parse), PerFileIgnores.NONE,
        FixMode.REPORT_ONLY, threads, null));
  }

  private Engine.Run run(Engine e) {
    FileWalker.Walk w = new FileWalker(PathFilter.defaults(tmp), true, false, tmp).walk(List.of(tmp));
    return e.run(w.files(), w.problems());
  }

  private static List<String> render(Engine.Run run) {
    List<String> out = new ArrayList<>();
    for (FileResult f : run.files()) {
      StringBuilder sb = new StringBuilder(f.path().replace('\\', '/'));
      for (Diagnostic d : f.diagnostics()) {
        sb.append(' ').append(d.code()).append('@').append(d.range().start());
      }
      if (f.problem() != null) {
        sb.append(" !").append(f.problem().kind());
      }
      out.add(sb.toString());
    }
    return out;
  }

  @Test
  void parallelRunsAreDeterministicAndSortedByPath() throws IOException {
    for (int i = 0; i < 60; i++) {
      Path dir = Files.createDirectories(tmp.resolve("d" + (i % 7)));
      StringBuilder sb = new StringBuilder();
      for (int j = 0; j < i % 5; j++) {
        sb.append("leak()\nhold()\n");
      }
      Files.writeString(dir.resolve("f" + i + ".py"), sb.toString());
    }
    Files.writeString(tmp.resolve("a.py"), "leak(\n");
    Files.write(tmp.resolve("bin.py"), new byte[] {1, 0, 2});
    List<String> one = render(run(engine(TestRules.standard(), 1)));
    List<String> four = render(run(engine(TestRules.standard(), 4)));
    assertEquals(one, four);
    assertEquals(62, one.size());
    assertEquals("a.py !SYNTAX_ERROR", one.get(0));
    assertEquals("bin.py !UNREADABLE", one.get(1));
    assertEquals("d0/f0.py", one.get(2));
    assertTrue(one.contains("d1/f1.py OOM001@0 OOM002@7"), one.toString());
    List<String> sorted = new ArrayList<>(one);
    sorted.sort((x, y) -> Engine.comparePaths(x.split(" ")[0], y.split(" ")[0]));
    assertEquals(sorted, one);
  }

  @Test
  void filesHandedOverDuringTheWalkGiveTheSameRunAsAfterIt() throws IOException {
    for (int i = 0; i < 40; i++) {
      Path dir = Files.createDirectories(tmp.resolve("d" + (i % 5)).resolve("s" + (i % 3)));
      Files.writeString(dir.resolve("f" + i + ".py"), i % 2 == 0 ? "leak()\n" : "hold()\nleak(\n");
    }
    List<String> after = render(run(engine(TestRules.standard(), 2)));
    Engine e = engine(TestRules.standard(), 2);
    Engine.Session session = e.start();
    FileWalker walker = new FileWalker(PathFilter.defaults(tmp), true, false, tmp);
    List<FileWalker.Target> told = new ArrayList<>();
    walker.onFile(t -> {
      told.add(t);
      session.accept(t);
    });
    FileWalker.Walk w = walker.walk(List.of(tmp));
    assertEquals(w.files(), told, "told of every file, in the walk's order");
    assertEquals(after, render(session.finish(w.problems())));
    assertEquals(40, after.size());
  }

  @Test
  void onlyFilesWithSomethingToShowKeepTheirText() throws IOException {
    Files.writeString(tmp.resolve("clean.py"), "x = 1\n");
    Files.writeString(tmp.resolve("dirty.py"), "leak()\n");
    Engine.Run r = run(engine(TestRules.standard(), 2));
    assertNull(r.files().get(0).source());
    assertNotNull(r.files().get(1).source());
    assertEquals("leak()\n", r.files().get(1).source().text());
  }

  @RuleInfo(code = "OOM007", name = "deep", summary = "Recurses deeply but finitely.")
  static final class DeepRecursion implements Rule {
    @Override
    public void check(RuleContext ctx) {
      if (depth(1_000_000) != 1_000_000) {
        throw new AssertionError();
      }
    }

    private static int depth(int n) {
      return n == 0 ? 0 : depth(n - 1) + 1;
    }
  }

  @Test
  void workersHaveLargeStacks() throws IOException {
    // a million frames overflow the test JVM's 16 MB stacks but fit in the workers' 512 MB
    Files.writeString(tmp.resolve("a.py"), "leak()\n");
    Engine.Run r = run(engine(List.of(new DeepRecursion(), new TestRules.LeakCall()), 2));
    assertEquals(List.of("a.py OOM001@0"), render(r));
  }

  @Test
  void verboseLogGetsTheStackTraceOfAnInternalError() throws IOException {
    Files.writeString(tmp.resolve("a.py"), "crash()\n");
    List<String> log = new ArrayList<>();
    Engine e = new Engine(new Engine.Options(new Linter(List.of(new TestRules.Crash()), PythonFrontEnd::parse),
        PerFileIgnores.NONE, FixMode.REPORT_ONLY, 1, log::add));
    Engine.Run r = run(e);
    assertEquals(FileProblem.Kind.INTERNAL_ERROR, r.files().get(0).problem().kind());
    assertEquals(1, log.size());
    assertTrue(log.get(0).startsWith("a.py: java.lang.IllegalStateException: boom"), log.get(0));
    assertTrue(log.get(0).contains("\tat "), log.get(0));
  }

  @Test
  void componentWisePathOrder() {
    List<String> paths = new ArrayList<>(List.of("a.py", "a/z.py", "b.py", "a/b/c.py", "A.py"));
    paths.sort(Engine::comparePaths);
    assertEquals(List.of("A.py", "a/b/c.py", "a/z.py", "a.py", "b.py"), paths);
  }
}
