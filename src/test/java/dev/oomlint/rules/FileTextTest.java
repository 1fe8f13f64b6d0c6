package dev.oomlint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

  private static final String[] ALL_WORDS = {"backward", "zero_grad", "autograd", "cuda", "device", "prepare",
      "setup", "retain_graph", "empty_cache", "keras", "tensorflow", "torch", "autocast", "GradScaler",
      "load", "no_grad"};

  /** What every word question answers for {@code text}, and its NFKC form. */
  private static String answers(SourceFile f) {
    StringBuilder sb = new StringBuilder();
    for (String w : ALL_WORDS) {
      sb.append(FileText.mentions(f, w) ? '1' : '0');
    }
    return sb.append(' ').append(FileText.normalisedIfRelevant(f)).toString();
  }

  @Test
  void aScanHandedOverByTheReaderAnswersAsTheRulesOwnScan() {
    String[] texts = {"loss.backward()\nopt.zero_grad()\n", "x = 1\n", "import torch\nwith torch.autocast('cuda'):\n",
        "# 训练 — “quotes” é 😀\nmodel.to(device)\n", "loss.ｂａｃｋｗａｒｄ()\n", "import 𝐤𝐞𝐫𝐚𝐬\n", "x = a if b else c  # why?\n",
        "torch.cuda.empty_cache(); GradScaler(); retain_graph=True; tf = tensorflow; accelerator.prepare(setup)\n",
        "s = 'backwar' + 'd'\n", ""};
    for (String text : texts) {
      String own = answers(file(text));
      for (boolean bom : new boolean[] {false, true}) {
        byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bytes = utf8;
        if (bom) {
          bytes = new byte[utf8.length + 3];
          bytes[0] = (byte) 0xEF;
          bytes[1] = (byte) 0xBB;
          bytes[2] = (byte) 0xBF;
          System.arraycopy(utf8, 0, bytes, 3, utf8.length);
        }
        int scan = TextScan.scan(bytes);
        assertFalse(TextScan.hasNul(scan));
        assertEquals(!bom && text.chars().allMatch(c -> c < 0x80), TextScan.isAscii(scan), text);
        String same = new String(text.toCharArray()); // the instance the reader decoded
        TextScan.handOver(same, scan);
        assertEquals(own, answers(file(same)), text);
        assertEquals(-1, TextScan.handed(same), "taken once");
      }
    }
  }

  @Test
  void aScanHandedOverForAnotherTextIsIgnored() {
    TextScan.handOver(new String("loss.backward()\n".toCharArray()), TextScan.scan("loss.backward()\n".getBytes()));
    assertFalse(FileText.mentions(file("x = 1\n"), "backward"));
    assertTrue(TextScan.hasNul(TextScan.scan(new byte[] {'a', 0, 'b'})));
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
