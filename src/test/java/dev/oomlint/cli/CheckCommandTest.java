package dev.oomlint.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomlint.testing.Cli;
import dev.oomlint.testing.TestRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
  @TempDir
  Path tmp;

  private Cli cli() {
    return new Cli(tmp);
  }

  private Path write(String rel, String content) throws IOException {
    Path p = tmp.resolve(rel);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, content);
  }

  private static void assertOneLine(String err) {
    assertEquals(1, err.lines().count(), "expected exactly one line on stderr: " + err);
  }

  @Test
  void aReportThatCannotBeWrittenIsAnErrorWithOneLine() throws IOException {
    write("train.py", "model = load()\nx = leak(model)\nhold()\n");
    write("clean.py", "x = 1\n");
    for (String[] args : List.of(new String[] {"check", "train.py"},
        new String[] {"check", "clean.py"},
        new String[] {"check", "--output-format", "json", "train.py"},
        new String[] {"check", "--diff", "train.py"},
        new String[] {"check", "--exit-zero", "train.py"})) {
      Cli.Run r = cli().stdoutFails().run(args);
      assertEquals(2, r.code(), () -> String.join(" ", args) + "\n" + r);
      assertOneLine(r.err().lines().filter(l -> l.startsWith("error:")).findFirst().orElse(""));
      assertTrue(r.err().contains("error: writing to standard output failed"), r::toString);
    }
    // the same run with a working standard output succeeds
    assertEquals(0, cli().run("check", "--exit-zero", "train.py").code());
  }

  @Test
  void aReportToDevFullExitsTwo() throws Exception {
    java.io.File full = new java.io.File("/dev/full");
    org.junit.jupiter.api.Assumptions.assumeTrue(full.exists(), "no /dev/full here");
    write("train.py", "import torch\nx = torch.load('m.pt')\n");
    String java = ProcessHandle.current().info().command().orElse("java");
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "dev.oomlint.cli.Main", "check", "--exit-zero", "train.py")
        .directory(tmp.toFile())
        .redirectOutput(ProcessBuilder.Redirect.to(full))
        .redirectError(ProcessBuilder.Redirect.PIPE)
        .start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(2, p.waitFor(), err);
    assertOneLine(err);
    assertTrue(err.startsWith("error: writing to standard output failed"), err);
  }

  @Test
  void targetVersionMakesNewerSyntaxASyntaxError() throws IOException {
    write("a.py", "type X = int\n");
    assertEquals(0, cli().run("check", "a.py").code(), "the newest by default");
    Cli.Run old = cli().run("check", "--output-format", "concise", "--target-version", "py311", "a.py");
    assertEquals(1, old.code(), old.toString());
    assertEquals("a.py:1:1: SyntaxError: Type statement is only supported in Python 3.12 and greater"
        + " (target-version is py311)", old.out().lines().findFirst().orElse(""));
    assertEquals(0, cli().run("check", "--target-version=py312", "a.py").code());
    Cli.Run bad = cli().run("check", "--target-version", "py27", "a.py");
    assertEquals(2, bad.code());
    assertEquals("error: invalid value 'py27' for '--target-version' (expected one of: py38, py39, py310, py311,"
        + " py312, py313)\n", bad.err());
  }

  @Test
  void targetVersionFromConfigurationAndRequiresPython() throws IOException {
    write("m.py", "match x:\n    case 1:\n        pass\n");
    write("e.py", "try:\n    pass\nexcept* E:\n    pass\n");
    // requires-python of a pyproject.toml without an oomlint table
    write("pyproject.toml", "[project]\nname = \"p\"\nrequires-python = \">=3.10, <4\"\n");
    assertEquals(0, cli().run("check", "m.py").code());
    Cli.Run e = cli().run("check", "e.py");
    assertEquals(1, e.code(), e.toString());
    assertTrue(e.out().contains("e.py:3:1: SyntaxError: Exception groups are only supported in Python 3.11 and greater"
        + " (target-version is py310)"), e.toString());
    // ... and of the pyproject.toml holding the configuration; target-version wins over it, the flag over both
    write("pyproject.toml", "[project]\nrequires-python = \"~=3.11\"\n[tool.oomlint]\nselect = [\"ALL\"]\n");
    assertEquals(0, cli().run("check", "e.py").code());
    write("pyproject.toml", "[project]\nrequires-python = \"~=3.11\"\n[tool.oomlint]\ntarget-version = \"py39\"\n");
    Cli.Run m = cli().run("check", "m.py");
    assertEquals(1, m.code(), m.toString());
    assertTrue(m.out().contains("Pattern matching is only supported in Python 3.10 and greater (target-version is py39)"),
        m.toString());
    assertEquals(0, cli().run("check", "--target-version", "py313", "m.py", "e.py").code());
    write("pyproject.toml", "[tool.oomlint]\ntarget-version = \"3.11\"\n");
    Cli.Run bad = cli().run("check", "m.py");
    assertEquals(2, bad.code());
    assertOneLine(bad.err());
    assertTrue(bad.err().endsWith("option 'target-version' in [tool.oomlint] must be one of py38, py39, py310, py311,"
        + " py312, py313 (got '3.11')\n"), bad.err());
  }

  @Test
  void textOutputLooksLikeRuff() throws IOException {
    write("train.py", "model = load()\nx = leak(model)\nhold()\n");
    Cli.Run r = cli().run("check", "train.py");
    assertEquals(1, r.code());
    assertEquals("""
        train.py:2:5: OOM001 [*] `leak()` keeps the tensor alive; call `free()` instead
          |
        2 | x = leak(model)
          |     ^^^^ OOM001
          |
          = help: Replace `leak` with `free`

        train.py:3:1: OOM002 `hold()` pins memory
          |
        3 | hold()
          | ^^^^ OOM002
          |
          = help: Replace `hold` with `release` (unsafe fix available with --unsafe-fixes)

        Found 2 problems (1 fixable with --fix, 1 more with --fix --unsafe-fixes).
        """, r.out());
    assertEquals("", r.err());
  }

  @Test
  void cleanRunAndDefaultPath() throws IOException {
    write("a.py", "x = free()\n");
    Cli.Run r = cli().run("check");
    assertEquals(0, r.code());
    assertEquals("All checks passed!\n", r.out());
  }

  @Test
  void syntaxErrorsAndUnreadableFilesCountAsProblemsAndTheRunGoesOn() throws IOException {
    write("a_bad.py", "x = leak(\n");
    Files.write(tmp.resolve("b_bin.py"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0});
    write("c_ok.py", "leak()\n");
    Cli.Run r = cli().run("check", ".");
    assertEquals(1, r.code());
    assertTrue(r.out().startsWith("a_bad.py:1:9: SyntaxError: '(' was never closed\n  |\n1 | x = leak(\n  |         ^\n"), r.out());
    assertTrue(r.out().contains("b_bin.py: error: file contains NUL bytes; binary files are not analysed\n"), r.out());
    assertTrue(r.out().contains("c_ok.py:1:1: OOM001 [*]"), r.out());
    assertTrue(r.out().endsWith("Found 3 problems (1 fixable with --fix).\n"), r.out());
  }

  @Test
  void internalErrorsExitTwoEvenWithExitZero() throws IOException {
    write("a.py", "crash()\nleak()\n");
    Cli c = cli().rules(List.of(new TestRules.LeakCall(), new TestRules.Crash()));
    Cli.Run r = c.run("check", "a.py");
    assertEquals(2, r.code());
    assertTrue(r.out().contains("a.py:2:1: OOM001"), r.out());
    assertTrue(r.out().contains("a.py: error: internal error: rule OOM003 (crashing-rule) failed on this file:"
        + " IllegalStateException: boom at 0; this is a bug in oomlint, please report it"), r.out());
    assertTrue(r.out().endsWith("Found 1 problem (1 fixable with --fix).\n"
        + "1 file could not be fully checked because of an internal error (see above).\n"), r.out());
    assertEquals(2, c.run("check", "--exit-zero", "a.py").code());
    Cli.Run verbose = c.runRaw("check", "--verbose", "a.py");
    assertTrue(verbose.err().contains("java.lang.IllegalStateException: boom at 0"), verbose.err());
    assertTrue(verbose.err().contains("\tat "), verbose.err());
  }

  @Test
  void noPythonFilesIsAWarning() throws IOException {
    Files.createDirectories(tmp.resolve("empty"));
    write("empty/notes.txt", "x");
    Cli.Run r = cli().run("check", "empty");
    assertEquals(0, r.code());
    assertEquals("All checks passed!\n", r.out());
    assertEquals("warning: no Python files found under the given paths\n", r.err());
  }

  @Test
  void exitZero() throws IOException {
    write("a.py", "leak()\n");
    Cli.Run r = cli().run("check", "--exit-zero", "a.py");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("OOM001"));
  }

  @Test
  void missingPathIsAUsageError() {
    Cli.Run r = cli().run("check", "nope.py");
    assertEquals(2, r.code());
    assertEquals("", r.out());
    assertEquals("error: path 'nope.py' does not exist\n", r.err());
  }

  @Test
  void usageErrorsAreOneLine() throws IOException {
    write("a.py", "leak()\n");
    Cli.Run unknownSel = cli().run("check", "--select", "OOM9", "a.py");
    assertEquals(2, unknownSel.code());
    assertEquals("error: unknown rule selector 'OOM9'\n", unknownSel.err());
    Cli.Run unknownOpt = cli().run("check", "--frobnicate");
    assertEquals(2, unknownOpt.code());
    assertOneLine(unknownOpt.err());
    assertTrue(unknownOpt.err().startsWith("error: Unknown option: '--frobnicate'"), unknownOpt.err());
    Cli.Run badFormat = cli().run("check", "--output-format", "xml", "a.py");
    assertEquals(2, badFormat.code());
    assertEquals("error: unknown output format 'xml' (expected one of: text, concise, json, sarif, github, gitlab)\n", badFormat.err());
    assertEquals("", badFormat.out());
  }

  @Test
  void selectIgnoreExtendSelect() throws IOException {
    write("a.py", "leak()\nhold()\n");
    assertFalse(cli().run("check", "--select", "OOM002", "a.py").out().contains("OOM001"));
    assertTrue(cli().run("check", "--select", "OOM002", "a.py").out().contains("OOM002"));
    Cli.Run ignored = cli().run("check", "--ignore", "OOM001,OOM002", "a.py");
    assertEquals(0, ignored.code());
    Cli.Run extended = cli().run("check", "--select", "OOM001", "--extend-select", "OOM002", "a.py");
    assertTrue(extended.out().contains("OOM001") && extended.out().contains("OOM002"));
    assertEquals(1, cli().run("check", "--select", "ALL", "--ignore", "OOM001", "a.py").code());
    // the more specific selector wins
    assertEquals(1, cli().run("check", "--select", "OOM0", "--ignore", "OOM", "a.py").code());
    assertEquals(0, cli().run("check", "--select", "OOM", "--ignore", "OOM0", "a.py").code());
  }

  @Test
  void fixWritesSafeFixesAndExitsZeroWhenAllFixed() throws IOException {
    Path a = write("a.py", "x = leak()\n");
    Cli.Run r = cli().run("check", "--fix", "a.py");
    assertEquals(0, r.code(), r.toString());
    assertEquals("Found 1 problem (1 fixed, 0 remaining).\n", r.out());
    assertEquals("x = free()\n", Files.readString(a));
    Cli.Run again = cli().run("check", "--fix", "a.py");
    assertEquals("All checks passed!\n", again.out());
    assertEquals("x = free()\n", Files.readString(a));
  }

  @Test
  void fixOnAHardLinkedFileChangesEveryName() throws IOException {
    Path a = write("a.py", "x = leak()\n");
    Path b = Files.createLink(tmp.resolve("other.py"), a);
    Path c = Files.createLink(Files.createDirectories(tmp.resolve("sub")).resolve("third.py"), a);
    Cli.Run r = cli().run("check", "--fix", "a.py");
    assertEquals(0, r.code(), r.toString());
    for (Path p : List.of(a, b, c)) {
      assertEquals("x = free()\n", Files.readString(p), p.toString());
    }
    assertEquals(3, Files.getAttribute(a, "unix:nlink"));
  }

  @Test
  void exitNonZeroOnFix() throws IOException {
    write("a.py", "x = leak()\n");
    assertEquals(1, cli().run("check", "--fix", "--exit-non-zero-on-fix", "a.py").code());
    assertEquals(0, cli().run("check", "--fix", "--exit-non-zero-on-fix", "a.py").code());
  }

  @Test
  void unsafeFixesNeedTheirFlag() throws IOException {
    Path a = write("a.py", "leak()\nhold()\n");
    Cli.Run safe = cli().run("check", "--fix", "a.py");
    assertEquals(1, safe.code());
    assertEquals("free()\nhold()\n", Files.readString(a));
    assertTrue(safe.out().endsWith("Found 2 problems (1 fixed, 1 remaining).\n"), safe.out());
    Cli.Run shown = cli().run("check", "--unsafe-fixes", "a.py");
    assertTrue(shown.out().contains("a.py:2:1: OOM002 [*] `hold()` pins memory"), shown.out());
    assertTrue(shown.out().endsWith("Found 1 problem (1 fixable with --fix).\n"), shown.out());
    Cli.Run unsafe = cli().run("check", "--fix", "--unsafe-fixes", "a.py");
    assertEquals(0, unsafe.code());
    assertEquals("free()\nrelease()\n", Files.readString(a));
  }

  @Test
  void fixKeepsLineEndingsBomEncodingAndPermissions() throws IOException {
    Cli c = cli().rules(List.of(new TestRules.Grow()));
    Path crlf = tmp.resolve("crlf.py");
    Files.write(crlf, bytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "a()\r\ngrow()\r\nb()\r\n".getBytes()));
    Files.setPosixFilePermissions(crlf, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-----"));
    Path latin = tmp.resolve("latin.py");
    Files.write(latin, "# coding: latin-1\ngrow()\n".getBytes(StandardCharsets.ISO_8859_1));
    Cli.Run r = c.run("check", "--fix", ".");
    assertEquals(0, r.code(), r.toString());
    assertArrayEquals(bytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        "a()\r\nshrink()\r\nshrink_more(\u00e9t\u00e9)\r\nb()\r\n".getBytes(StandardCharsets.UTF_8)), Files.readAllBytes(crlf));
    assertEquals("rwxr-----", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(crlf)));
    assertArrayEquals("# coding: latin-1\nshrink()\nshrink_more(\u00e9t\u00e9)\n".getBytes(StandardCharsets.ISO_8859_1),
        Files.readAllBytes(latin));
  }

  @Test
  void fixThatCannotBeEncodedLeavesTheFileAlone() throws IOException {
    Path ascii = tmp.resolve("ascii.py");
    byte[] before = "# coding: ascii\ngrow()\n".getBytes();
    Files.write(ascii, before);
    Cli.Run r = cli().rules(List.of(new TestRules.Grow())).run("check", "--fix", "ascii.py");
    assertEquals(2, r.code());
    assertArrayEquals(before, Files.readAllBytes(ascii));
    assertTrue(r.out().contains("ascii.py: error: internal error: the fixes for this file produce text that"
        + " cannot be encoded as US-ASCII; the file was left unchanged"), r.out());
  }

  @Test
  void brokenFixIsRolledBackAndReported() throws IOException {
    Path a = write("a.py", "breakme()\n");
    Cli.Run r = cli().rules(List.of(new TestRules.BrokenFix())).run("check", "--fix", "a.py");
    assertEquals(2, r.code());
    assertEquals("breakme()\n", Files.readString(a));
    assertTrue(r.out().contains("a.py: error: internal error: the fix for OOM004 produced code that does not parse"), r.out());
    assertTrue(r.out().contains("a.py:1:1: OOM004 [*] breakme"), r.out());
  }

  @Test
  void diffPrintsAndWritesNothing() throws IOException {
    Path a = write("a.py", "one()\nx = leak()\nhold()\n");
    Cli.Run r = cli().run("check", "--diff", "a.py");
    assertEquals(1, r.code());
    assertEquals("--- a.py\n+++ a.py\n@@ -1,3 +1,3 @@\n one()\n-x = leak()\n+x = free()\n hold()\n", r.out());
    assertEquals("Would fix 1 problem.\n", r.err());
    assertEquals("one()\nx = leak()\nhold()\n", Files.readString(a));
    Cli.Run unsafe = cli().run("check", "--diff", "--unsafe-fixes", "a.py");
    assertTrue(unsafe.out().contains("+release()\n"), unsafe.out());
    assertEquals("Would fix 2 problems.\n", unsafe.err());
    write("clean.py", "x = 1\n");
    Cli.Run none = cli().run("check", "--diff", "clean.py");
    assertEquals(0, none.code());
    assertEquals("", none.out());
    assertEquals("No fixes available.\n", none.err());
  }

  @Test
  void outputFile() throws IOException {
    write("a.py", "leak()\n");
    Cli.Run r = cli().terminal(true).run("check", "-o", "out/report.txt", "a.py");
    assertEquals(1, r.code());
    assertEquals("", r.out());
    String report = Files.readString(tmp.resolve("out/report.txt"));
    assertTrue(report.startsWith("a.py:1:1: OOM001 [*]"), report);
    assertFalse(report.contains("\u001b["), "no colour in files");
  }

  @Test
  void colourOnlyOnATerminalWithoutNoColor() throws IOException {
    write("a.py", "leak()\n");
    assertFalse(cli().run("check", "a.py").out().contains("\u001b["));
    String coloured = cli().terminal(true).run("check", "a.py").out();
    assertTrue(coloured.contains("\u001b[1;31mOOM001\u001b[0m"), coloured);
    assertFalse(cli().terminal(true).env("NO_COLOR", "1").run("check", "a.py").out().contains("\u001b["));
  }

  @Test
  void stdinWithFilename() throws IOException {
    Cli.Run r = cli().stdin("x = leak()\n").run("check", "--stdin-filename", "sub/train.py");
    assertEquals(1, r.code());
    assertTrue(r.out().startsWith("sub/train.py:1:5: OOM001"), r.out());
    Cli.Run dash = cli().stdin("leak()\n").run("check", "-");
    assertTrue(dash.out().startsWith("-:1:1: OOM001"), dash.out());
    Cli.Run fixed = cli().stdin("x = leak()\nhold()\n").run("check", "--fix", "--stdin-filename", "t.py");
    assertEquals(1, fixed.code());
    assertEquals("x = free()\nhold()\n", fixed.out());
    assertTrue(fixed.err().contains("t.py:2:1: OOM002"), fixed.err());
    Cli.Run diff = cli().stdin("leak()\n").run("check", "--diff", "--stdin-filename", "t.py");
    assertEquals("--- t.py\n+++ t.py\n@@ -1 +1 @@\n-leak()\n+free()\n", diff.out());
  }

  @Test
  void forceExclude() throws IOException {
    write("build/gen.py", "leak()\n");
    assertEquals(1, cli().run("check", "build/gen.py").code());
    Cli.Run r = cli().run("check", "--force-exclude", "build/gen.py");
    assertEquals(0, r.code());
    assertEquals("All checks passed!\n", r.out());
    Cli.Run stdin = cli().stdin("leak()\n").run("check", "--force-exclude", "--stdin-filename", "build/x.py");
    assertEquals(0, stdin.code());
    assertEquals("", stdin.out());
  }

  @Test
  void noqaFormsThroughTheCommand() throws IOException {
    write("a.py", "leak()  # noqa\nleak()  # noqa: OOM001\nleak()  # noqa: OOM002\nx = f(\n  leak(),\n)  # noqa: OOM001\n");
    write("b.py", "# oomlint: noqa\nleak()\n");
    write("c.py", "# oomlint: noqa: OOM002\nleak(hold())\n");
    Cli.Run r = cli().run("check", ".");
    assertEquals(1, r.code());
    assertTrue(r.out().contains("a.py:3:1: OOM001"), r.out());
    assertTrue(r.out().contains("c.py:2:1: OOM001"), r.out());
    assertFalse(r.out().contains(": OOM002 "), r.out());
    assertTrue(r.out().endsWith("Found 2 problems (2 fixable with --fix).\n"), r.out());
  }

  private static byte[] bytes(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
