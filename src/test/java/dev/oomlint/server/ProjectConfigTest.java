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
}
