package dev.oomlint.rules;

import dev.oomlint.ast.SourceFile;
import java.text.Normalizer;

/**
 * Cheap text questions the rules ask before they look at the tree: "may this file spell this
 * word?". Identifiers are NFKC-normalised by the parser, so a word may also appear only in the
 * normalised text ({@code ｂａｃｋｗａｒｄ}). Normalising costs far more than searching, so it is
 * done at most once per file (per thread), and only when the text holds a character whose
 * compatibility decomposition contains an ASCII character: otherwise the ASCII characters of the
 * normalised text are exactly those of the text, in the same runs (composition only merges
 * characters into non-ASCII composites, and decomposing such a character yields no ASCII), so an
 * ASCII word occurs in the normalised text only where it occurs in the text itself.
 */
final class FileText {
  private FileText() {}

  /** The last file asked about on this thread, and its normalised text when it matters (else null). */
  private static final ThreadLocal<Object[]> LAST = ThreadLocal.withInitial(() -> new Object[2]);

  /** Per BMP character: 0 not yet known, 1 its NFKD has no ASCII character, 2 it has one. */
  private static final byte[] BMP = new byte[0x10000];

  /** Whether the file's text, or its NFKC form, contains {@code word} (ASCII). */
  static boolean mentions(SourceFile file, String word) {
    if (file.text().contains(word)) {
      return true;
    }
    String nfkc = normalisedIfRelevant(file);
    return nfkc != null && nfkc.contains(word);
  }

  /** Whether the file's text, or its NFKC form, contains any of {@code words} (ASCII). */
  static boolean mentionsAny(SourceFile file, String... words) {
    String text = file.text();
    for (int i = 0; i < words.length; i++) {
      if (text.contains(words[i])) {
        return true;
      }
    }
    String nfkc = normalisedIfRelevant(file);
    if (nfkc == null) {
      return false;
    }
    for (int i = 0; i < words.length; i++) {
      if (nfkc.contains(words[i])) {
        return true;
      }
    }
    return false;
  }

  /**
   * The NFKC form of the file's text when it may contain an ASCII word the text does not; null when
   * it cannot (the text is NFKC already, or no character of it decomposes to ASCII).
   */
  static String normalisedIfRelevant(SourceFile file) {
    Object[] last = LAST.get();
    if (last[0] != file) {
      last[1] = compute(file.text());
      last[0] = file;
    }
    return (String) last[1];
  }

  private static String compute(String text) {
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        continue;
      }
      boolean yieldsAscii;
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
        yieldsAscii = hasAscii(Normalizer.normalize(text.substring(i, i + 2), Normalizer.Form.NFKD));
        i++;
      } else if (Character.isSurrogate(c)) {
        yieldsAscii = true; // a lone surrogate: let the normaliser judge the whole text
      } else {
        byte known = BMP[c];
        if (known == 0) {
          known = hasAscii(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKD)) ? (byte) 2 : (byte) 1;
          BMP[c] = known; // a benign race: every thread computes the same value
        }
        yieldsAscii = known == 2;
      }
      if (yieldsAscii) {
        return Normalizer.isNormalized(text, Normalizer.Form.NFKC) ? null
            : Normalizer.normalize(text, Normalizer.Form.NFKC);
      }
    }
    return null;
  }

  private static boolean hasAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < 0x80) {
        return true;
      }
    }
    return false;
  }
}
