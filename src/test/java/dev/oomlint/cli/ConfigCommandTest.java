package dev.oomlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomlint.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every {@code [tool.oomlint]} option, through the command, and command-line flags overriding them. */
class ConfigCommandTest {
  @TempDir
  Path tmp;

  private Path write(String rel, String content) throws IOException {
    Path p = tmp.resolve(rel);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, content);
  }

  private Cli.Run check(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "check";
    System.arraycopy(args, 0, all, 1, args.length);
    return new Cli(tmp).run(all);
  }

  private static final String CODE = "leak()\nhold()\n";

  @Test
  void select() throws IOException {
    write("pyproject.toml", "[tool.oomlint]\nselect = [\"OOM002\"]\n");
    write("a.py", CODE);
    Cli.Run r = check();
    assertFalse(r.out().contains(": OOM001 "), r.out());
    assertTrue(r.out().contains(": OOM002 "), r.out());
    assertTrue(check("--select", "OOM001").out().contains(": OOM001 "), "the flag replaces the file's select");
  }

  @Test
  void ignoreAndExtendSelect() throws IOException {
    write("pyproject.toml", "[tool.oomlint]\nselect = [\"OOM001\"]\nextend-select = [\"OOM002\"]\nignore = [\"OOM001\"]\n");
    write("a.py", CODE);
    Cli.Run r = check();
    assertFalse(r.out().contains(": OOM001 "), r.out());
    assertTrue(r.out().contains(": OOM002 "), r.out());
    assertTrue(check("--extend-select", "OOM001").out().contains(": OOM001 "));
  }

  @Test
  void perFileIgnores() throws IOException {
    write("pyproject.toml", "[tool.oomlint.per-file-ignores]\n\"tests/*.py\" = [\"OOM001\"]\n\"__init__.py\" = [\"OOM\"]\n");
    write("tests/t.py", CODE);
    write("pkg/__init__.py", CODE);
    write("src/m.py", CODE);
    Cli.Run r = check();
    assertTrue(r.out().contains("tests/t.py:2:1: OOM002"), r.out());
    assertFalse(r.out().contains("tests/t.py:1:1: OOM001"), r.out());
    assertFalse(r.out().contains("__init__.py"), r.out());
    assertTrue(r.out().contains("src/m.py:1:1: OOM001"), r.out());
  }

  @Test
  void perFileIgnoresWithUnknownSelector() throws IOException {
    write("pyproject.toml", "[tool.oomlint.per-file-ignores]\n\"*.py\" = [\"OOM9\"]\n");
    write("a.py", CODE);
    Cli.Run r = check();
    assertEquals(2, r.code());
    assertEquals("error: unknown rule selector 'OOM9'\n", r.err());
  }

  @Test
  void excludeReplacesTheDefaultsAndExtendExcludeAdds() throws IOException {
    write("a.py", CODE);
    write("legacy/old.py", CODE);
    write("build/gen.py", CODE);
    write("gen_x.py", CODE);
    write("pyproject.toml", "[tool.oomlint]\nexclude = [\"legacy\"]\nextend-exclude = [\"gen_*.py\"]\n");
    Cli.Run r = check();
    assertTrue(r.out().contains("a.py:1:1"), r.out());
    assertTrue(r.out().contains("build/gen.py:1:1"), "build is no longer excluded: " + r.out());
    assertFalse(r.out().contains("legacy/"), r.out());
    assertFalse(r.out().contains("gen_x.py"), r.out());
    write("pyproject.toml", "[tool.oomlint]\nextend-exclude = [\"legacy\"]\n");
    Cli.Run r2 = check();
    assertFalse(r2.out().contains("build/gen.py"), "defaults still apply: " + r2.out());
    assertFalse(r2.out().contains("legacy/"), r2.out());
    assertTrue(r2.out().contains("gen_x.py:1:1"), r2.out());
  }

  @Test
  void fixAndUnsafeFixes() throws IOException {
    Path a = write("a.py", CODE);
    write("pyproject.toml", "[tool.oomlint]\nfix = true\n");
    check("--no-fix");
    assertEquals(CODE, Files.readString(a), "--no-fix overrides fix = true");
    check();
    assertEquals("free()\nhold()\n", Files.readString(a));
    write("pyproject.toml", "[tool.oomlint]\nfix = true\nunsafe-fixes = true\n");
    Cli.Run r = check();
    assertEquals(0, r.code(), r.toString());
    assertEquals("free()\nrelease()\n", Files.readString(a));
  }

  @Test
  void outputFormat() throws IOException {
    write("a.py", CODE);
    write("pyproject.toml", "[tool.oomlint]\noutput-format = \"text\"\n");
    assertTrue(check().out().contains("a.py:1:1: OOM001"));
    write("pyproject.toml", "[tool.oomlint]\noutput-format = \"json\"\n");
    Cli.Run json = check();
    assertEquals('[', json.out().charAt(0), json.out());
    assertTrue(json.out().contains("\"OOM001\""), json.out());
    assertTrue(check("--output-format", "text").out().startsWith("a.py:1:1: OOM001"), "the flag wins");
    write("pyproject.toml", "[tool.oomlint]\noutput-format = \"sideways\"\n");
    Cli.Run bad = check();
    assertEquals(2, bad.code());
    assertTrue(bad.err().endsWith("option 'output-format' in [tool.oomlint] must be one of text, concise, json, sarif, github, gitlab (got 'sideways')\n"), bad.err());
  }

  @Test
  void unknownOptionAndSyntaxErrorExitTwoWithOneLine() throws IOException {
    write("a.py", CODE);
    Path p = write("pyproject.toml", "[tool.oomlint]\nselct = [\"OOM1\"]\n");
    Cli.Run r = check();
    assertEquals(2, r.code());
    assertEquals("", r.out());
    assertEquals("error: " + p.toRealPath() + ": unknown option 'selct' in [tool.oomlint] (did you mean 'select'?)\n",
        r.err().replace(p.toString(), p.toRealPath().toString()));
    write("pyproject.toml", "[tool.oomlint]\nselect = [\"OOM1\"\nfix = true\n");
    Cli.Run s = check();
    assertEquals(2, s.code());
    assertEquals(1, s.err().lines().count(), s.err());
    assertTrue(s.err().contains("pyproject.toml:3: TOML syntax error: "), s.err());
  }

  @Test
  void explicitConfigAndNearestFile() throws IOException {
    write("pyproject.toml", "[tool.oomlint]\nselect = [\"OOM001\"]\n");
    write("sub/pyproject.toml", "[tool.oomlint]\nselect = [\"OOM002\"]\n");
    write("sub/a.py", CODE);
    write("other.toml", "ignore = [\"OOM\"]\n");
    assertTrue(check("sub").out().contains(": OOM002 "), "nearest file above the paths wins");
    assertFalse(check("sub").out().contains(": OOM001 "));
    assertEquals(0, check("--config", "other.toml", "sub").code());
    Cli.Run missing = check("--config", "nope.toml", "sub");
    assertEquals(2, missing.code());
    assertEquals("error: configuration file '" + tmp.resolve("nope.toml") + "' does not exist\n", missing.err());
  }

  @Test
  void excludeIsRelativeToTheConfigFilesDirectory() throws IOException {
    write("proj/pyproject.toml", "[tool.oomlint]\nextend-exclude = [\"src/gen\"]\n");
    write("proj/src/gen/g.py", CODE);
    write("proj/src/m.py", CODE);
    Cli.Run r = check("proj");
    assertTrue(r.out().contains("proj/src/m.py"), r.out());
    assertFalse(r.out().contains("gen/g.py"), r.out());
  }
}
