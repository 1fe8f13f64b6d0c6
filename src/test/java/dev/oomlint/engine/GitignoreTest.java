package dev.oomlint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oomlint.engine.Gitignore.Verdict;
import org.junit.jupiter.api.Test;

class GitignoreTest {
  private static Verdict v(String gitignore, String path, boolean dir) {
    return Gitignore.parse(gitignore).match(path, dir);
  }

  @Test
  void commentsAndBlankLines() {
    assertEquals(Verdict.NONE, v("# x.py\n\n", "x.py", false));
    assertEquals(Verdict.IGNORED, v("\\#x.py\n", "#x.py", false));
  }

  @Test
  void unanchoredNameMatchesAtAnyDepth() {
    assertEquals(Verdict.IGNORED, v("*.pyc\ngen.py\n", "gen.py", false));
    assertEquals(Verdict.IGNORED, v("gen.py\n", "a/b/gen.py", false));
    assertEquals(Verdict.IGNORED, v("*.py\n", "a/b/x.py", false));
  }

  @Test
  void anchoredPatterns() {
    assertEquals(Verdict.IGNORED, v("/gen.py\n", "gen.py", false));
    assertEquals(Verdict.NONE, v("/gen.py\n", "a/gen.py", false));
    assertEquals(Verdict.IGNORED, v("src/gen.py\n", "src/gen.py", false));
    assertEquals(Verdict.NONE, v("src/gen.py\n", "x/src/gen.py", false));
  }

  @Test
  void directoryOnly() {
    assertEquals(Verdict.IGNORED, v("out/\n", "out", true));
    assertEquals(Verdict.NONE, v("out/\n", "out", false));
    assertEquals(Verdict.IGNORED, v("out/\n", "a/out", true));
  }

  @Test
  void doubleStar() {
    assertEquals(Verdict.IGNORED, v("**/cache\n", "a/b/cache", true));
    assertEquals(Verdict.IGNORED, v("data/**\n", "data/x/y.py", false));
    assertEquals(Verdict.IGNORED, v("a/**/z.py\n", "a/z.py", false));
    assertEquals(Verdict.IGNORED, v("a/**/z.py\n", "a/b/c/z.py", false));
  }

  @Test
  void negationAndLastMatchWins() {
    String gi = "*.py\n!keep.py\n";
    assertEquals(Verdict.IGNORED, v(gi, "drop.py", false));
    assertEquals(Verdict.INCLUDED, v(gi, "keep.py", false));
    assertEquals(Verdict.IGNORED, v("!keep.py\n*.py\n", "keep.py", false));
    assertEquals(Verdict.IGNORED, v("\\!bang.py\n", "!bang.py", false));
  }

  @Test
  void trailingSpacesAndCrlf() {
    assertEquals(Verdict.IGNORED, v("gen.py   \r\nother.py\r\n", "gen.py", false));
    assertEquals(Verdict.IGNORED, v("gen.py\r\nother.py\r\n", "other.py", false));
    assertEquals(Verdict.IGNORED, v("a\\ \n", "a ", false));
  }
}
