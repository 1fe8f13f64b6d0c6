package dev.oomlint.integrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomlint.cli.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The GitHub Action (action.yml) and the pre-commit manifest (.pre-commit-hooks.yaml) parse, have the
 * shape their hosts require, and reference what exists in this repository.
 */
class ActionYamlTest {
  private static final Pattern PINNED = Pattern.compile("^[\\w.-]+/[\\w./-]+@[0-9a-f]{40}$");

  @SuppressWarnings("unchecked")
  private static Map<String, Object> load(String file) throws IOException {
    return (Map<String, Object>) new Yaml().load(Files.readString(Path.of(file), StandardCharsets.UTF_8));
  }

  @Test
  @SuppressWarnings("unchecked")
  void actionIsACompositeActionWithTheDocumentedInputs() throws IOException {
    Map<String, Object> action = load("action.yml");
    Map<String, Map<String, Object>> inputs = (Map<String, Map<String, Object>>) action.get("inputs");
    assertEquals(List.of("paths", "args", "sarif-file", "upload", "category", "java-version"),
        List.copyOf(inputs.keySet()));
    assertEquals(".", inputs.get("paths").get("default"));
    assertEquals("", inputs.get("args").get("default"));
    assertEquals("oomlint.sarif", inputs.get("sarif-file").get("default"));
    assertEquals("true", inputs.get("upload").get("default"));
    assertEquals("oomlint", inputs.get("category").get("default"));
    assertEquals("17", inputs.get("java-version").get("default"));
    inputs.values().forEach(i -> assertTrue(i.containsKey("description"), "every input is described"));

    Map<String, Object> runs = (Map<String, Object>) action.get("runs");
    assertEquals("composite", runs.get("using"));
    List<Map<String, Object>> steps = (List<Map<String, Object>>) runs.get("steps");
    assertFalse(steps.isEmpty());
    boolean uploads = false;
    boolean setsUpJava = false;
    for (Map<String, Object> step : steps) {
      if (step.containsKey("run")) {
        assertEquals("bash", step.get("shell"), "a composite run step needs a shell: " + step.get("name"));
      } else {
        String uses = (String) step.get("uses");
        assertTrue(PINNED.matcher(uses).matches(), "pinned to a full commit SHA: " + uses);
        uploads |= uses.startsWith("github/codeql-action/upload-sarif@");
        setsUpJava |= uses.startsWith("actions/setup-java@");
      }
    }
    assertTrue(uploads, "uploads with github/codeql-action/upload-sarif");
    assertTrue(setsUpJava, "sets up Java");
  }

  @Test
  @SuppressWarnings("unchecked")
  void actionRunsWhatTheBuildProducesWithFlagsTheCliAccepts() throws IOException {
    String text = Files.readString(Path.of("action.yml"), StandardCharsets.UTF_8);
    assertTrue(text.contains("mvn -q -B -DskipTests package"), "builds with Maven");
    assertTrue(text.contains("/target/oomlint.jar"), "runs the jar the pom builds");
    String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
    assertTrue(pom.contains("<finalName>oomlint</finalName>"), "the pom builds target/oomlint.jar");
    assertTrue(text.contains("check $OOMLINT_PATHS $OOMLINT_ARGS --output-format sarif -o \"$OOMLINT_SARIF\""));
    assertTrue(text.contains("if [ \"$code\" -gt 1 ]"), "exit 1 (findings) passes, 2 fails");

    // The flags it passes are accepted: run the same command line in-process on the bundled example.
    Path out = Files.createTempFile("action", ".sarif");
    int code = Main.run(new String[] {"check", "testdata/examples", "--output-format", "sarif", "-o", out.toString()},
        dev.oomlint.cli.Io.system());
    assertEquals(1, code, "the example has findings: exit 1, which the action treats as success");
    String sarif = Files.readString(out, StandardCharsets.UTF_8);
    assertTrue(sarif.contains("\"version\": \"2.1.0\"") || sarif.contains("\"version\":\"2.1.0\""), sarif);
    Files.delete(out);
  }

  @Test
  @SuppressWarnings("unchecked")
  void preCommitHooksNameAnExistingLauncher() throws IOException {
    List<Map<String, Object>> hooks =
        (List<Map<String, Object>>) new Yaml().load(Files.readString(Path.of(".pre-commit-hooks.yaml")));
    assertEquals(List.of("oomlint", "oomlint-fix", "oomlint-system"), hooks.stream().map(h -> h.get("id")).toList());
    for (Map<String, Object> hook : hooks) {
      assertEquals(List.of("python", "pyi", "jupyter"), hook.get("types_or"));
      assertEquals(Boolean.TRUE, hook.get("require_serial"));
      String entry = (String) hook.get("entry");
      assertTrue(entry.contains("check --force-exclude"), entry);
      if ("script".equals(hook.get("language"))) {
        Path launcher = Path.of(entry.split(" ")[0]);
        assertTrue(Files.isExecutable(launcher), "the script hook's launcher exists and is executable: " + launcher);
      }
    }
  }
}
