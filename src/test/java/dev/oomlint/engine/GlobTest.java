package dev.oomlint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GlobTest {
  private static boolean m(String glob, String path) {
    return Glob.compile(glob, true).matches(path);
  }

  @Test
  void starAndQuestionMarkStayInOneDirectory() {
    assertTrue(m("*.py", "train.py"));
    assertFalse(m("*.py", "src/train.py"));
    assertTrue(m("train_?.py", "train_1.py"));
    assertFalse(m("a?b", "a/b"));
  }

  @Test
  void doubleStar() {
    assertTrue(m("**/*.py", "train.py"));
    assertTrue(m("**/*.py", "a/b/train.py"));
    assertTrue(m("src/**/gen.py", "src/gen.py"));
    assertTrue(m("src/**/gen.py", "src/a/b/gen.py"));
    assertFalse(m("src/**/gen.py", "lib/src/gen.py"));
    assertTrue(m("build/**", "build/x/y.py"));
    assertFalse(m("build/**", "build"));
  }

  @Test
  void classesAndBraces() {
    assertTrue(m("test_[0-9].py", "test_7.py"));
    assertFalse(m("test_[!0-9].py", "test_7.py"));
    assertTrue(m("test_[!0-9].py", "test_x.py"));
    assertFalse(m("a[/]b", "a/b"));
    assertTrue(m("**/{tests,docs}/*.py", "pkg/tests/x.py"));
    assertTrue(m("**/{tests,docs}/*.py", "docs/x.py"));
    assertFalse(m("**/{tests,docs}/*.py", "src/x.py"));
    assertFalse(Glob.compile("{a,b}", false).matches("a"));
    assertTrue(Glob.compile("{a,b}", false).matches("{a,b}"));
  }

  @Test
  void regexCharactersAreLiteral() {
    assertTrue(m("a+b(1).py", "a+b(1).py"));
    assertFalse(m("a.py", "abpy"));
    assertTrue(m("\\*.py", "*.py"));
    assertFalse(m("\\*.py", "x.py"));
  }

  @Test
  void pathFilterNamesAndRelativePaths() {
    Path root = Path.of("/proj");
    PathFilter f = new PathFilter(root, List.of(".venv", "gen_*.py", "src/legacy", "./scripts/*.py"));
    assertTrue(f.excluded(Path.of("/proj/a/.venv")));
    assertTrue(f.excluded(Path.of("/proj/a/gen_model.py")));
    assertTrue(f.excluded(Path.of("/proj/src/legacy")));
    assertFalse(f.excluded(Path.of("/proj/lib/src/legacy")));
    assertTrue(f.excluded(Path.of("/proj/scripts/run.py")));
    assertFalse(f.excluded(Path.of("/proj/scripts/sub/run.py")));
    assertFalse(f.excluded(Path.of("/proj/src/legacy/x.py")));
    assertTrue(f.excludedWithAncestors(Path.of("/proj/src/legacy/x.py")));
    assertFalse(f.excludedWithAncestors(Path.of("/proj/src/new/x.py")));
  }

  @Test
  void perFileIgnoresByNameAndByPath() {
    PerFileIgnores p = new PerFileIgnores(Path.of("/proj"), Map.of(
        "__init__.py", List.of("OOM1"),
        "tests/**/*.py", List.of("OOM2", "OOM301"),
        "**/{scripts,tools}/*.py", List.of("ALL")));
    assertEquals(Set.of("OOM1"), p.selectorsFor(Path.of("/proj/pkg/__init__.py")));
    assertEquals(Set.of("OOM2", "OOM301"), p.selectorsFor(Path.of("/proj/tests/unit/t.py")));
    assertEquals(Set.of("OOM2", "OOM301"), p.selectorsFor(Path.of("/proj/tests/t.py")));
    assertEquals(Set.of("ALL"), p.selectorsFor(Path.of("/proj/a/tools/x.py")));
    assertEquals(Set.of(), p.selectorsFor(Path.of("/proj/src/model.py")));
    assertEquals(Set.of(), p.selectorsFor(Path.of("/elsewhere/tests/t.py")));
  }

  @Test
  void literalAndStarGlobsMatchExactlyAsTheirRegularExpression() {
    // the fast matcher for simple globs must agree with the regular expression on every pair
    String[] globPieces = {"a", "b", "*", "/", ".", "ab", "*.py", "x"};
    String[] pathPieces = {"a", "b", "/", ".", "ab", ".py", "x", "ba"};
    java.util.Random random = new java.util.Random(7);
    int compared = 0;
    for (int n = 0; n < 20000; n++) {
      StringBuilder g = new StringBuilder(random.nextInt(3) == 0 ? "**/" : "");
      for (int i = random.nextInt(5) + 1; i > 0; i--) {
        g.append(globPieces[random.nextInt(globPieces.length)]);
      }
      StringBuilder path = new StringBuilder();
      for (int i = random.nextInt(7); i > 0; i--) {
        path.append(pathPieces[random.nextInt(pathPieces.length)]);
      }
      String glob = g.toString();
      if (glob.replace("**/", "").contains("**")) {
        continue;
      }
      for (boolean braces : new boolean[] {true, false}) {
        boolean expected = java.util.regex.Pattern.compile(Glob.toRegex(glob, braces),
            java.util.regex.Pattern.DOTALL).matcher(path).matches();
        assertEquals(expected, Glob.compile(glob, braces).matches(path.toString()), glob + " vs " + path);
        compared++;
      }
    }
    assertTrue(compared > 20000, "compared " + compared);
    assertTrue(m("**/build", "a/b/build"));
    assertTrue(m("**/build", "build"));
    assertFalse(m("**/build", "a/xbuild"));
    assertTrue(m("**/src/*.py", "x/src/a.py"));
    assertFalse(m("**/src/*.py", "x/src/b/a.py"));
  }
}
