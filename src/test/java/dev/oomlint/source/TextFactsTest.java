package dev.oomlint.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The word prefilter sees words the text spells directly and words only its NFKC form spells. */
class TextFactsTest {
  /** The words of the set the scans look for; "load" and "no_grad" are asked about but not in the set. */
  private static final WordSet SET = WordSet.of(List.of("backward", "zero_grad", "autograd", "cuda", "device",
      "prepare", "setup", "retain_graph", "empty_cache", "keras", "tensorflow", "torch", "autocast", "GradScaler"));

  private static final String[] ALL_WORDS = {"backward", "zero_grad", "autograd", "cuda", "device", "prepare",
      "setup", "retain_graph", "empty_cache", "keras", "tensorflow", "torch", "autocast", "GradScaler",
      "load", "no_grad"};

  private static TextFacts facts(String text) {
    return TextFacts.of(SET, text);
  }

  /** What every word question answers, and the NFKC form. */
  private static String answers(TextFacts f) {
    StringBuilder sb = new StringBuilder();
    for (String w : ALL_WORDS) {
      sb.append(f.mentions(w) ? '1' : '0');
    }
    return sb.append(' ').append(f.normalisedIfRelevant()).toString();
  }

  @Test
  void theReadersScanOfTheBytesAnswersAsAScanOfTheText() {
    String[] texts = {"loss.backward()\nopt.zero_grad()\n", "x = 1\n", "import torch\nwith torch.autocast('cuda'):\n",
        "# 训练 — “quotes” é 😀\nmodel.to(device)\n", "loss.ｂａｃｋｗａｒｄ()\n", "import 𝐤𝐞𝐫𝐚𝐬\n", "x = a if b else c  # why?\n",
        "torch.cuda.empty_cache(); GradScaler(); retain_graph=True; tf = tensorflow; accelerator.prepare(setup)\n",
        "s = 'backwar' + 'd'\n", ""};
    for (String text : texts) {
      String own = answers(facts(text));
      for (boolean bom : new boolean[] {false, true}) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = utf8;
        if (bom) {
          bytes = new byte[utf8.length + 3];
          bytes[0] = (byte) 0xEF;
          bytes[1] = (byte) 0xBB;
          bytes[2] = (byte) 0xBF;
          System.arraycopy(utf8, 0, bytes, 3, utf8.length);
        }
        long scan = TextFacts.scanBytes(SET, bytes);
        assertFalse(TextFacts.hasNul(scan));
        assertEquals(!bom && text.chars().allMatch(c -> c < 0x80), TextFacts.isAscii(scan), text);
        assertEquals(own, answers(TextFacts.fromScan(SET, text, scan)), text);
      }
    }
  }

  @Test
  void aNulByteIsFoundWithAnyWordSet() {
    assertTrue(TextFacts.hasNul(TextFacts.scanBytes(SET, new byte[] {'a', 0, 'b'})));
    assertTrue(TextFacts.hasNul(TextFacts.scanBytes(WordSet.empty(), new byte[] {0})));
    assertFalse(TextFacts.hasNul(TextFacts.scanBytes(WordSet.empty(), "x = 1\n".getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void asciiTextIsSearchedAsIs() {
    assertTrue(facts("loss.backward()\n").mentions("backward"));
    assertFalse(facts("loss.forward()\n").mentions("backward"));
    assertNull(facts("x = 1\n").normalisedIfRelevant());
  }

  @Test
  void nonAsciiThatDecomposesToNoAsciiNeedsNoNormalising() {
    TextFacts f = facts("# 训练 — “quotes” é 😀\nx = 1\n");
    assertNull(f.normalisedIfRelevant());
    assertFalse(f.mentions("backward"));
    assertFalse(f.mentions("keras"));
  }

  @Test
  void wordsSpeltOnlyInNfkcFormAreFound() {
    assertTrue(facts("loss.ｂａｃｋｗａｒｄ()\n").mentions("backward"));
    assertTrue(facts("import 𝐤𝐞𝐫𝐚𝐬\n").mentions("keras")); // mathematical bold letters
    assertTrue(facts("x.empty_ｃａｃｈｅ()\n").mentions("empty_cache"));
    assertTrue(facts("# 训练\nopt.zero_gra\uFF44()\n").mentions("zero_grad"));
    assertFalse(facts("x = \uFF41\n").mentions("backward"));
  }

  @Test
  void wordsAreFoundAnywhereInAnyText() {
    assertTrue(facts("x = 1 if a else b  # why?\ntorch.load(p)").mentions("torch"));
    assertTrue(facts("# caf\u00e9\nwith autocast():\n").mentions("autocast"));
    assertTrue(facts("# \u8bad\u7ec3 \ud83d\ude00\nscaler = GradScaler()").mentions("GradScaler"));
    assertTrue(facts("retain_graph").mentions("retain_graph"));
    assertTrue(facts("prepare").mentions("prepare"));
    assertFalse(facts("torc").mentions("torch"));
    assertFalse(facts("tensorflo").mentions("tensorflow"));
    assertTrue(facts("abc").mentions("abc")); // not a word of the set
    assertTrue(facts("\uFF41\uFF42\uFF43").mentions("abc"));
  }

  @Test
  void eachGroupNeedsOneOfItsWords() {
    long zeroGrad = 1L << SET.index("zero_grad");
    long backwardOrAutograd = (1L << SET.index("backward")) | (1L << SET.index("autograd"));
    long[] needs = {zeroGrad, backwardOrAutograd};
    assertTrue(facts("opt.zero_grad(); torch.autograd.grad(y, x)").mentionsEach(needs));
    assertTrue(facts("opt.zero_grad(); y.backward()").mentionsEach(needs));
    assertFalse(facts("opt.zero_grad()").mentionsEach(needs));
    assertFalse(facts("y.backward()").mentionsEach(needs));
    assertTrue(facts("x = 1").mentionsEach(new long[0]));
  }

  @Test
  void aWordIsFoundAtItsEdgesAndWithManyWords() {
    // words longer than the text, at its start and end, and a set large enough to need long masks
    List<String> many = new java.util.ArrayList<>();
    for (int i = 0; i < WordSet.MAX_WORDS; i++) {
      many.add("w" + i + "x");
    }
    WordSet big = WordSet.of(many);
    for (int i = 0; i < WordSet.MAX_WORDS; i++) {
      TextFacts f = TextFacts.of(big, "w" + i + "x");
      assertTrue(f.mentions("w" + i + "x"), "w" + i + "x");
      assertFalse(TextFacts.of(big, "w" + i).mentions("w" + i + "x"));
    }
  }

  @Test
  void theScanAgreesWithContainsOnRandomTexts() {
    // words anchored at their first, a middle and their last character, of one to five characters,
    // in texts over a small alphabet so that near misses (a wrong neighbour of the anchor) are common
    List<String> words = List.of("q", "qz", "zq", "aqb", "abq", "qab", "xyzzy", "bbq", "qqa");
    WordSet set = WordSet.of(words);
    java.util.Random random = new java.util.Random(42);
    String alphabet = "abqxyz \n";
    for (int n = 0; n < 20_000; n++) {
      StringBuilder sb = new StringBuilder();
      int len = random.nextInt(12);
      for (int i = 0; i < len; i++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = sb.toString();
      TextFacts f = TextFacts.of(set, text);
      for (String w : words) {
        assertEquals(text.contains(w), f.mentions(w), () -> "'" + w + "' in '" + text + "'");
      }
    }
  }

  @Test
  void aSetRefusesNonAsciiEmptyAndTooManyWords() {
    assertThrows(IllegalArgumentException.class, () -> WordSet.of(List.of("")));
    assertThrows(IllegalArgumentException.class, () -> WordSet.of(List.of("café")));
    List<String> tooMany = new java.util.ArrayList<>();
    for (int i = 0; i <= WordSet.MAX_WORDS; i++) {
      tooMany.add("w" + i);
    }
    assertThrows(IllegalArgumentException.class, () -> WordSet.of(tooMany));
    assertEquals(2, WordSet.of(List.of("a", "b", "a")).size());
  }
}
