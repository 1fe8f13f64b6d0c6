package dev.oomlint.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.oomlint.engine.FileProblem;
import dev.oomlint.engine.FileResult;
import dev.oomlint.parser.PythonFrontEnd;
import dev.oomlint.parser.PythonVersion;
import dev.oomlint.testing.TestRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server reads the target version as {@code check} does. */
class ProjectConfigTest {
  @TempDir
  Path dir;

  private FileResult analyse(String source) throws IOException {
    Path file = Files.writeString(dir.resolve("m.py"), source);
    ProjectConfig config = ProjectConfig.forDocument(file, TestRules.standard());
    return config.engine(f -> PythonFrontEnd.parse(f), false)
        .checkBytes(source.getBytes(StandardCharsets.UTF_8), "m.py", file).result();
  }

  @Test
  void targetVersionComesFromTheConfigurationOrRequiresPython() throws IOException {
    String match = "match x:\n    case 1:\n        pass\n";
    assertNull(analyse(match).problem(), "no configuration: the newest");
    Files.writeString(dir.resolve("pyproject.toml"), "[project]\nrequires-python = \">=3.9\"\n");
    FileProblem p = analyse(match).problem();
    assertEquals(FileProblem.Kind.SYNTAX_ERROR, p.kind());
    assertEquals("Pattern matching is only supported in Python 3.10 and greater (target-version is py39)", p.message());
    Files.writeString(dir.resolve("pyproject.toml"),
        "[project]\nrequires-python = \">=3.9\"\n[tool.oomlint]\ntarget-version = \"py310\"\n");
    assertNull(analyse(match).problem());
    dev.oomlint.config.Settings settings = ProjectConfig.forDocument(dir.resolve("m.py"), TestRules.standard()).settings();
    assertEquals(PythonVersion.PY310, dev.oomlint.engine.RunSetup.targetVersion(settings, null, settings.projectRoot()));
  }

  /** The server reads configuration from disk as {@code check} does: a FIFO never blocks it. */
  @Test
  @org.junit.jupiter.api.Timeout(value = 30, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
  void aFifoOrAHugePyprojectNeverBlocksTheServer() throws Exception {
    Process mk = new ProcessBuilder("mkfifo", dir.resolve("pyproject.toml").toString()).start();
    org.junit.jupiter.api.Assumptions.assumeTrue(mk.waitFor() == 0, "no mkfifo here");
    assertNull(analyse("x = 1\n").problem(), "a FIFO is passed over as no configuration");
    Files.delete(dir.resolve("pyproject.toml"));
    try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(dir.resolve("pyproject.toml").toFile(), "rw")) {
      f.setLength(65L << 20);
    }
    ProjectConfig c = ProjectConfig.forDocument(dir.resolve("m.py"), TestRules.standard());
    assertEquals("cannot read configuration file " + dir.resolve("pyproject.toml")
        + ": file is too large (65 MiB); the limit is 64 MiB (max-file-size, --max-file-size)", c.problem());
  }
}
