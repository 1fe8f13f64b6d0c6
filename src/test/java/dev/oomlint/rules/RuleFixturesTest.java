package dev.oomlint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomlint.ast.SourceFile;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.testing.TestParser;
import dev.oomlint.rules.checks.RuleRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture under testdata/rules/OOMxxx: the findings must match its {@code # error:} markers
 * exactly; {@code NAME.fixed.py}, when present, is what applying all fixes must produce.
 */
class RuleFixturesTest {
  static final Path ROOT = Path.of("testdata", "rules");

  static Stream<Path> fixtures() throws IOException {
    try (Stream<Path> s = Files.walk(ROOT)) {
      return s.filter(p -> p.toString().endsWith(".py") && !p.toString().endsWith(".fixed.py"))
          .sorted().toList().stream();
    }
  }

  static SourceFile read(Path p) throws IOException {
    return new SourceFile(p.toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void findingsMatchMarkers(Path path) throws IOException {
    SourceFile f = read(path);
    List<Diagnostic> diags = FixtureSupport.run(f);
    List<String> problems = FixtureSupport.compare(f, diags, FixtureSupport.markers(f));
    assertTrue(problems.isEmpty(), String.join("\n", problems));
    String name = path.getFileName().toString();
    if (name.startsWith("neg_")) {
      assertTrue(FixtureSupport.markers(f).isEmpty(), "a negative fixture has no markers");
    } else if (name.startsWith("pos_")) {
      assertTrue(!FixtureSupport.markers(f).isEmpty(), "a positive fixture has at least one marker");
    }
    Path fixed = path.resolveSibling(name.replaceAll("\\.py$", ".fixed.py"));
    if (Files.exists(fixed)) {
      String result = FixtureSupport.applyAllFixes(f);
      assertEquals(Files.readString(fixed, StandardCharsets.UTF_8), result, "fixed text of " + path);
      SourceFile again = new SourceFile(f.path(), result);
      assertNotNull(TestParser.parse(again), "the fixed text parses");
      assertEquals(result, FixtureSupport.applyAllFixes(again), "applying the fixes again changes nothing");
    }
  }

  @Test
  void everyRegisteredRuleHasTenPositiveAndTenNegativeFixtures() throws IOException {
    for (Rule r : RuleRegistry.all()) {
      Path dir = ROOT.resolve(r.info().code());
      long pos;
      long neg;
      try (Stream<Path> s = Files.list(dir)) {
        List<String> names = s.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".fixed.py")).toList();
        pos = names.stream().filter(n -> n.startsWith("pos_")).count();
        neg = names.stream().filter(n -> n.startsWith("neg_")).count();
      }
      assertTrue(pos >= 10, r.info().code() + " has " + pos + " positive fixtures");
      assertTrue(neg >= 10, r.info().code() + " has " + neg + " negative fixtures");
    }
  }
}
