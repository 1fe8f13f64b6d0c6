package dev.oomlint.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomlint.ast.SourceFile;
import org.junit.jupiter.api.Test;

/** The word prefilter sees words the text spells directly and words only its NFKC form spells. */
class FileTextTest {
  private static SourceFile file(String text) {
    return new SourceFile("t.py", text);
  }

  @Test
  void asciiTextIsSearchedAsIs() {
    assertTrue(FileText.mentions(file("loss.backward()\n"), "backward"));
    assertFalse(FileText.mentions(file("loss.forward()\n"), "backward"));
    assertNull(FileText.normalisedIfRelevant(file("x = 1\n")));
  }

  @Test
  void nonAsciiThatDecomposesToNoAsciiNeedsNoNormalising() {
    SourceFile f = file("# 训练 — “quotes” é 😀\nx = 1\n");
    assertNull(FileText.normalisedIfRelevant(f));
    assertFalse(FileText.mentionsAny(f, "backward", "keras"));
  }

  @Test
  void wordsSpeltOnlyInNfkcFormAreFound() {
    assertTrue(FileText.mentions(file("loss.ｂａｃｋｗａｒｄ()\n"), "backward"));
    assertTrue(FileText.mentions(file("import 𝐤𝐞𝐫𝐚𝐬\n"), "keras")); // mathematical bold letters
    assertTrue(FileText.mentionsAny(file("x.empty_ｃａｃｈｅ()\n"), "zero_grad", "empty_cache"));
    assertTrue(FileText.mentions(file("# 训练\nopt.zero_gra\uFF44()\n"), "zero_grad"));
    assertFalse(FileText.mentions(file("x = \uFF41\n"), "backward"));
  }

  @Test
  void answersForTheFileAskedAbout() {
    SourceFile a = file("ｋｅｒａｓ\n");
    SourceFile b = file("plain\n");
    assertTrue(FileText.mentions(a, "keras"));
    assertFalse(FileText.mentions(b, "keras"));
    assertTrue(FileText.mentions(a, "keras"));
  }

  @Test
  void wordsAreFoundAnywhereInAnyText() {
    assertTrue(FileText.mentions(file("x = 1 if a else b  # why?\ntorch.load(p)"), "torch"));
    assertTrue(FileText.mentions(file("# caf\u00e9\nwith autocast():\n"), "autocast"));
    assertTrue(FileText.mentions(file("# \u8bad\u7ec3 \ud83d\ude00\nscaler = GradScaler()"), "GradScaler"));
    assertTrue(FileText.mentions(file("retain_graph"), "retain_graph"));
    assertTrue(FileText.mentions(file("prepare"), "prepare"));
    assertFalse(FileText.mentions(file("torc"), "torch"));
    assertFalse(FileText.mentions(file("tensorflo"), "tensorflow"));
    assertTrue(FileText.mentions(file("abc"), "abc")); // not a precomputed word
    assertTrue(FileText.mentions(file("\uFF41\uFF42\uFF43"), "abc"));
  }
}
