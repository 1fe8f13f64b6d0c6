package dev.oomlint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.oomlint.parser.PythonFrontEnd;
import dev.oomlint.report.ConciseReporter;
import dev.oomlint.report.Report;
import dev.oomlint.report.StatisticsReporter;
import dev.oomlint.report.TextReporter;
import dev.oomlint.rules.Rule;
import dev.oomlint.testing.Cli;
import dev.oomlint.testing.TestRules;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --fix} on a file that cannot be written (read-only file system, full disk, immutable file,
 * read-only directory) leaves it unchanged and says what happened; it is not an internal error. The
 * tests run as root (here and in CI), for whom a chmod does not make anything unwritable, and a
 * read-only or full file system cannot be mounted in a test: the failures are injected through the
 * engine's writer, which throws exactly what the JDK throws for them (a {@link FileSystemException}
 * carrying the system's reason).
 */
class FixWriteFailureTest {
  private static final FixMode FIX = new FixMode(true, false, false);

  @TempDir
  Path tmp;

  private Engine.Run run(Engine.DocumentWriter writer, Path... files) {
    List<Rule> rules = List.of(new TestRules.LeakCall());
    Engine e = new Engine(new Engine.Options(new Linter(rules, PythonFrontEnd::parse), PerFileIgnores.NONE, FIX, 2,
        null, 0, writer));
    FileWalker.Walk w = new FileWalker(PathFilter.defaults(tmp), true, false, tmp).walk(List.of(files));
    return e.run(w.files(), w.problems());
  }

  private static Engine.DocumentWriter failing(IOException e) {
    return (document, file) -> {
      throw e;
    };
  }

  private static String render(Engine.Run run, dev.oomlint.report.Reporter reporter) throws IOException {
    StringBuilder sb = new StringBuilder();
    reporter.write(new Report(run.files(), List.of(new TestRules.LeakCall()), FIX, Path.of("."), run.fixed()), sb);
    return sb.toString();
  }

  @Test
  void eachFailureSaysWhatHappenedAndIsNotAnInternalError() throws IOException {
    Path a = Files.writeString(tmp.resolve("a.py"), "x = leak()\n");
    String[][] cases = {
        {"Read-only file system", "read-only file system"},
        {"No space left on device", "no space left on device"},
        {"Operation not permitted", "operation not permitted"}, // chattr +i
    };
    for (String[] c : cases) {
      Engine.Run r = run(failing(new FileSystemException(a.toString(), null, c[0])), a);
      FileResult f = r.files().get(0);
      assertEquals(FileProblem.Kind.WRITE_FAILED, f.problem().kind());
      assertEquals("could not write the fixed file: " + c[1] + "; the file was left unchanged", f.problem().message());
      assertEquals(0, r.fixed());
      assertEquals(1, f.diagnostics().size(), "the finding is still reported");
      assertEquals("x = leak()\n", Files.readString(a));
      String text = render(r, new TextReporter(false));
      assertTrue(text.contains("a.py: error: could not write the fixed file: " + c[1]), text);
      assertFalse(text.contains("internal error"), text);
      assertTrue(text.endsWith("Found 2 problems (0 fixed, 2 remaining).\n"), text);
      String concise = render(r, new ConciseReporter());
      assertFalse(concise.contains("internal error"), concise);
      String stats = render(r, new StatisticsReporter(false));
      assertFalse(stats.contains("internal error"), stats);
    }
    // a read-only directory: the temporary file cannot be made
    Engine.Run denied = run(failing(new AccessDeniedException(tmp.toString())), a);
    assertEquals("could not write the fixed file: permission denied; the file was left unchanged",
        denied.files().get(0).problem().message());
  }

  @Test
  void oneFileThatCannotBeWrittenDoesNotStopTheOthers() throws IOException {
    Path a = Files.writeString(tmp.resolve("a.py"), "x = leak()\n");
    Path b = Files.writeString(tmp.resolve("b.py"), "y = leak()\n");
    Engine.Run r = run((document, file) -> {
      if (file.getFileName().toString().equals("a.py")) {
        throw new FileSystemException(file.toString(), null, "Read-only file system");
      }
      document.write(file);
    }, a, b);
    assertEquals(1, r.fixed());
    assertEquals("x = leak()\n", Files.readString(a));
    assertEquals("y = free()\n", Files.readString(b));
    assertEquals(FileProblem.Kind.WRITE_FAILED, r.files().get(0).problem().kind());
  }

  /** The genuine thing, where the test does not run as root: a read-only directory. */
  @Test
  void aReadOnlyDirectoryThroughTheCommandLine() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("ro"));
    Path a = Files.writeString(dir.resolve("a.py"), "x = leak()\n");
    assumeTrue(dir.toFile().setWritable(false, false));
    try {
      assumeTrue(!Files.isWritable(dir), "running as root: a chmod does not stop root");
      Cli.Run r = new Cli(tmp).run("check", "--fix", "ro/a.py");
      assertEquals(1, r.code(), r.toString());
      assertTrue(r.out().contains("ro/a.py: error: could not write the fixed file: permission denied"), r.toString());
      assertFalse(r.out().contains("internal error"), r.toString());
      assertEquals("x = leak()\n", Files.readString(a));
    } finally {
      dir.toFile().setWritable(true, false);
    }
  }

  @Test
  void aFileWithALongNameCanBeFixed() throws IOException {
    // through the command line, with a file name the temporary file could not be made next to
    // before (a temporary name past the file system's 255-byte limit): now fixed, it must work
    String name = "n".repeat(240) + ".py";
    Path a = Files.writeString(tmp.resolve(name), "x = leak()\n");
    Cli.Run r = new Cli(tmp).run("check", "--fix", name);
    assertEquals(0, r.code(), r.toString());
    assertEquals("x = free()\n", Files.readString(a));
  }
}
