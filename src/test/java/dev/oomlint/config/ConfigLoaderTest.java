package dev.oomlint.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir
  Path tmp;

  private Path pyproject(String dir, String content) throws IOException {
    Path d = Files.createDirectories(tmp.resolve(dir));
    return Files.writeString(d.resolve("pyproject.toml"), content);
  }

  private String error(Path file) {
    return assertThrows(ConfigException.class, () -> ConfigLoader.load(file)).getMessage();
  }

  @Test
  void readsEveryOption() throws Exception {
    Path p = pyproject("proj", """
        [project]
        name = "demo"

        [tool.oomlint]
        select = ["OOM1"]
        extend-select = ["OOM201"]
        ignore = ["OOM102"]
        exclude = ["legacy"]
        extend-exclude = ["gen_*.py"]
        fix = true
        unsafe-fixes = false
        output-format = "sarif"
        max-file-size = "2MiB"

        [tool.oomlint.per-file-ignores]
        "tests/*.py" = ["OOM101"]
        "__init__.py" = ["OOM"]
        """);
    Settings s = ConfigLoader.load(p);
    assertEquals(p, s.file());
    assertEquals(p.getParent(), s.projectRoot());
    assertEquals(List.of("OOM1"), s.select());
    assertEquals(List.of("OOM201"), s.extendSelect());
    assertEquals(List.of("OOM102"), s.ignore());
    assertEquals(List.of("legacy"), s.exclude());
    assertEquals(List.of("gen_*.py"), s.extendExclude());
    assertEquals(Boolean.TRUE, s.fix());
    assertEquals(Boolean.FALSE, s.unsafeFixes());
    assertEquals("sarif", s.outputFormat());
    assertEquals(2L << 20, s.maxFileSize());
    assertEquals(Map.of("tests/*.py", List.of("OOM101"), "__init__.py", List.of("OOM")), s.perFileIgnores());
    assertEquals(List.of("tests/*.py", "__init__.py"), List.copyOf(s.perFileIgnores().keySet()));
  }

  @Test
  void aHugeOrNonRegularConfigurationIsAnErrorNotAHang() throws Exception {
    Path p = tmp.resolve("huge").resolve("pyproject.toml");
    Files.createDirectories(p.getParent());
    try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(p.toFile(), "rw")) {
      f.setLength(65L << 20); // sparse: no disk, nothing read
    }
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigLoader.discover(p.getParent()));
    assertEquals("cannot read configuration file " + p
        + ": file is too large (65 MiB); the limit is 64 MiB (max-file-size, --max-file-size)", e.getMessage());
    assertNull(ConfigLoader.requiresPython(p.getParent()));
    Path dir = Files.createDirectories(tmp.resolve("dir.toml"));
    assertEquals("cannot read configuration file " + dir + ": not a regular file (a directory); only regular"
        + " files are read", assertThrows(ConfigException.class,
        () -> ConfigLoader.load(dir)).getMessage());
  }

  @Test
  void unsetOptionsAreNull() throws Exception {
    Settings s = ConfigLoader.load(pyproject("p", "[tool.oomlint]\n"));
    assertNull(s.select());
    assertNull(s.fix());
    assertNull(s.perFileIgnores());
    assertNull(s.outputFormat());
  }

  @Test
  void unknownOptionWithSuggestion() throws Exception {
    Path p = pyproject("p", "[tool.oomlint]\nselct = [\"OOM1\"]\n");
    assertEquals(p + ": unknown option 'selct' in [tool.oomlint] (did you mean 'select'?)", error(p));
    Path q = pyproject("q", "[tool.oomlint]\nunsafe_fixes = true\n");
    assertEquals(q + ": unknown option 'unsafe_fixes' in [tool.oomlint] (did you mean 'unsafe-fixes'?)", error(q));
    Path r = pyproject("r", "[tool.oomlint]\ncolour = true\n");
    assertEquals(r + ": unknown option 'colour' in [tool.oomlint]", error(r));
    Path t = pyproject("t", "[tool.oomlint.lint]\nselect = []\n");
    assertEquals(t + ": unknown option 'lint' in [tool.oomlint]", error(t));
  }

  @Test
  void wrongTypes() throws Exception {
    assertEquals("option 'select' in [tool.oomlint] must be a list of strings",
        tail(error(pyproject("a", "[tool.oomlint]\nselect = \"OOM1\"\n"))));
    assertEquals("option 'ignore' in [tool.oomlint] must be a list of strings",
        tail(error(pyproject("b", "[tool.oomlint]\nignore = [1]\n"))));
    assertEquals("option 'fix' in [tool.oomlint] must be true or false",
        tail(error(pyproject("c", "[tool.oomlint]\nfix = \"yes\"\n"))));
    assertEquals("option 'output-format' in [tool.oomlint] must be one of text, concise, json, sarif, github, gitlab (got 'xml')",
        tail(error(pyproject("d", "[tool.oomlint]\noutput-format = \"xml\"\n"))));
    assertEquals("option 'per-file-ignores' in [tool.oomlint] must be a table of glob = [codes]",
        tail(error(pyproject("e", "[tool.oomlint]\nper-file-ignores = [\"x\"]\n"))));
    assertEquals("option 'per-file-ignores' in [tool.oomlint] must map each glob to a list of codes (see 'a.py')",
        tail(error(pyproject("f", "[tool.oomlint.per-file-ignores]\n\"a.py\" = \"OOM1\"\n"))));
    assertEquals("option 'exclude' in [tool.oomlint] must be a list of strings",
        tail(error(pyproject("g", "[tool.oomlint]\nexclude = true\n"))));
    assertEquals("option 'extend-select' in [tool.oomlint] must be a list of strings",
        tail(error(pyproject("h", "[tool.oomlint]\nextend-select = 3\n"))));
    assertEquals("option 'extend-exclude' in [tool.oomlint] must be a list of strings",
        tail(error(pyproject("i", "[tool.oomlint]\nextend-exclude = {}\n"))));
    assertEquals("option 'unsafe-fixes' in [tool.oomlint] must be true or false",
        tail(error(pyproject("j", "[tool.oomlint]\nunsafe-fixes = 1\n"))));
  }

  private static String tail(String message) {
    return message.substring(message.indexOf(": ") + 2);
  }

  @Test
  void tomlSyntaxErrorsNameTheirLine() throws Exception {
    Path p = pyproject("a", "[tool.oomlint]\nselect = [\"OOM1\"\nfix = true\n");
    assertEquals(p + ":3: TOML syntax error: Invalid separator 'f' in array", error(p));
    Path q = pyproject("b", "[tool.oomlint]\nfix = true\n\n\nignore = = 2\n");
    assertEquals(q + ":5: TOML syntax error: Invalid value: = 2", error(q));
    Path r = pyproject("c", "[tool.oomlint]\nfix = true\nfix = false\n");
    assertEquals(r + ":3: TOML syntax error: Invalid TOML data: entry \"[fix]\" defined twice in its table", error(r));
    Path s = pyproject("d", "[tool.oomlint\nfix = true\n");
    assertEquals(s + ":1: TOML syntax error: Invalid separator '\\n' in table name", error(s));
  }

  @Test
  void theTomlLibraryPrintsNothing() throws Exception {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream cap = new PrintStream(captured, true);
    try {
      System.setOut(cap);
      System.setErr(cap);
      ConfigLoader.load(pyproject("ok", "[tool.oomlint]\nselect = [\"OOM\"]\n"));
      assertThrows(ConfigException.class, () -> ConfigLoader.load(pyproject("bad", "[tool.oomlint]\n= =\n")));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    assertEquals("", captured.toString());
  }

  @Test
  void discoveryFindsTheNearestFileWithOurTable() throws Exception {
    Path top = pyproject("repo", "[tool.oomlint]\nselect = [\"OOM\"]\n");
    pyproject("repo/pkg", "[project]\nname = \"pkg\"\n");
    pyproject("repo/pkg/broken", "this is [ not toml\n");
    Files.createDirectories(tmp.resolve("repo/pkg/broken/src"));
    assertEquals(top, ConfigLoader.discover(tmp.resolve("repo/pkg/broken/src")));
    Path inner = pyproject("repo/inner", "[tool.oomlint]\nignore = [\"OOM1\"]\n");
    assertEquals(inner, ConfigLoader.discover(tmp.resolve("repo/inner")));
  }

  @Test
  void discoveryReportsABrokenFileThatMentionsUs() throws Exception {
    Path p = pyproject("x", "[tool.oomlint]\nselect = [\n");
    Files.createDirectories(tmp.resolve("x/src"));
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.discover(tmp.resolve("x/src")));
    assertEquals(p + ":2: TOML syntax error: Not enough data available", e.getMessage());
  }

  @Test
  void explicitNonPyprojectFileHoldsOptionsAtTopLevel() throws Exception {
    Path f = Files.writeString(tmp.resolve("oomlint.toml"), "select = [\"OOM2\"]\nfix = true\n");
    Settings s = ConfigLoader.load(f);
    assertEquals(List.of("OOM2"), s.select());
    Path g = Files.writeString(tmp.resolve("other.toml"), "sellect = []\n");
    assertEquals(g + ": unknown option 'sellect' in other.toml (did you mean 'select'?)", error(g));
    Path h = pyproject("noTable", "[project]\nname = \"x\"\n");
    assertEquals(h + " has no [tool.oomlint] table", error(h));
    assertEquals("configuration file '" + tmp.resolve("missing.toml") + "' does not exist",
        error(tmp.resolve("missing.toml")));
  }

  @Test
  void requiresPythonIsReadFromTheProjectTableOnly() {
    assertEquals(">=3.9", ConfigLoader.requiresPython("[project]\nname = \"x\"\nrequires-python = \">=3.9\"\n"));
    assertEquals(">=3.10,<4", ConfigLoader.requiresPython("[ project ]\r\nrequires-python='>=3.10,<4'  # c\r\n"));
    assertEquals(null, ConfigLoader.requiresPython("[tool.x]\nrequires-python = \">=3.9\"\n[project]\nname = \"x\"\n"));
    assertEquals(null, ConfigLoader.requiresPython("requires-python = \">=3.9\"\n"));
    assertEquals(null, ConfigLoader.requiresPython(""));
  }
}
