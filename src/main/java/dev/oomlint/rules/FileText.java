package dev.oomlint.rules;

import dev.oomlint.ast.SourceFile;
import java.nio.charset.StandardCharsets;
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

  /**
   * The words the rules' prefilters ask about, found for a file in one pass over its bytes (one
   * search per word would scan the text once per word). Other words are searched for directly.
   */
  private static final String[] WORDS = {"backward", "zero_grad", "autograd", "cuda", "device", "prepare",
      "setup", "retain_graph", "empty_cache", "keras", "tensorflow", "torch", "autocast", "GradScaler"};
  /** Set by {@link #scan} when the bytes hold a byte of a non-ASCII character or a '?'. */
  static final int MAYBE_NON_ASCII = 1 << 31;
  /** Set by {@link #scan} when the bytes hold a NUL byte. */
  static final int NUL_BYTE = 1 << 30;
  /** Set by {@link #scan} when the bytes hold a byte above 0x7F. */
  static final int NON_ASCII_BYTE = 1 << 29;
  private static final int WORD_BITS = (1 << 14) - 1;
  private static final int FLAGS = MAYBE_NON_ASCII | NUL_BYTE | NON_ASCII_BYTE;
  private static final int ALL = WORD_BITS | MAYBE_NON_ASCII;

  private static final byte[][] WORD_BYTES = new byte[WORDS.length][];
  /**
   * Where each word is looked for: at its rarest character in Python code (about 9% of the bytes of
   * real code are one of these anchors, against some 35% for the words' first characters).
   */
  private static final int[] ANCHOR = {4, 0, 4, 1, 2, 0, 3, 7, 4, 0, 9, 4, 1, 0};
  /**
   * Per byte value (as {@code b & 0xFF}): the words anchored at that character (bit k for WORDS[k]),
   * and {@link #MAYBE_NON_ASCII} for a byte of a non-ASCII character or a '?'.
   */
  private static final int[] TABLE = new int[256];

  static {
    if (WORDS.length != 14 || ANCHOR.length != 14) {
      throw new AssertionError("one anchor per word, and ALL covers them");
    }
    for (int k = 0; k < WORDS.length; k++) {
      WORD_BYTES[k] = WORDS[k].getBytes(StandardCharsets.ISO_8859_1);
      TABLE[WORDS[k].charAt(ANCHOR[k])] |= 1 << k;
    }
    for (int b = 0x80; b < 0x100; b++) {
      TABLE[b] |= MAYBE_NON_ASCII | NON_ASCII_BYTE;
    }
    TABLE['?'] |= MAYBE_NON_ASCII;
    TABLE[0] |= NUL_BYTE;
  }

  /** What is known of the last file asked about on this thread. */
  private static final class Facts {
    SourceFile file;
    /** Bit k: WORDS[k] occurs in the text or in its NFKC form. */
    int words;
    /** The NFKC form of the text when it may hold an ASCII word the text does not; else null. */
    String nfkc;
  }

  private static final ThreadLocal<Facts> LAST = ThreadLocal.withInitial(Facts::new);

  /** Per BMP character: 0 not yet known, 1 its NFKD has no ASCII character, 2 it has one. */
  private static final byte[] BMP = new byte[0x10000];

  /** Whether the file's text, or its NFKC form, contains {@code word} (ASCII). */
  static boolean mentions(SourceFile file, String word) {
    int k = wordIndex(word);
    if (k >= 0) {
      return (facts(file).words & (1 << k)) != 0;
    }
    if (file.text().contains(word)) {
      return true;
    }
    String nfkc = facts(file).nfkc;
    return nfkc != null && nfkc.contains(word);
  }

  /** Whether the file's text, or its NFKC form, contains any of {@code words} (ASCII). */
  static boolean mentionsAny(SourceFile file, String... words) {
    for (int i = 0; i < words.length; i++) {
      if (mentions(file, words[i])) {
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
    return facts(file).nfkc;
  }

  private static int wordIndex(String word) {
    for (int k = 0; k < WORDS.length; k++) {
      if (WORDS[k].equals(word)) {
        return k;
      }
    }
    return -1;
  }

  private static Facts facts(SourceFile file) {
    Facts f = LAST.get();
    if (f.file != file) {
      String text = file.text();
      long handed = TextScan.handed(text);
      int words;
      if (handed >= 0) {
        words = (int) handed & ALL; // the reader scanned the file's bytes while decoding them
      } else {
        // ASCII characters keep their value, any other becomes negative bytes (or a '?' for a lone
        // surrogate): ASCII words are found exactly, and a text with neither is ASCII. UTF-8, not
        // latin-1: a text with a character beyond latin-1 encodes far faster to UTF-8.
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        words = scan(bytes, 0, bytes.length, false) & ALL;
      }
      String nfkc = null;
      if ((words & MAYBE_NON_ASCII) != 0) {
        nfkc = compute(text);
        if (nfkc != null) {
          byte[] nb = nfkc.getBytes(StandardCharsets.UTF_8);
          words |= scan(nb, 0, nb.length, false) & ALL;
        }
      }
      f.file = null;
      f.words = words;
      f.nfkc = nfkc;
      f.file = file;
    }
    return f;
  }

  /**
   * The words (bits) {@code a[from, to)} contains, plus the flags; {@code full} scans to the end
   * (for the flags), otherwise the scan stops once every word and {@link #MAYBE_NON_ASCII} are found.
   */
  static int scan(byte[] a, int from, int to, boolean full) {
    int[] table = TABLE;
    int found = 0;
    for (int i = from; i < to; i++) {
      int m = table[a[i] & 0xFF];
      if (m == 0) {
        continue;
      }
      found |= m & FLAGS;
      m &= WORD_BITS & ~found;
      while (m != 0) {
        int k = Integer.numberOfTrailingZeros(m);
        m &= m - 1;
        byte[] w = WORD_BYTES[k];
        int start = i - ANCHOR[k];
        if (start >= from && start + w.length <= to && matchesAt(a, start, w)) {
          found |= 1 << k;
        }
      }
      if (!full && (found & ALL) == ALL) {
        break;
      }
    }
    return found;
  }

  private static boolean matchesAt(byte[] a, int at, byte[] w) {
    for (int j = 0; j < w.length; j++) {
      if (a[at + j] != w[j]) {
        return false;
      }
    }
    return true;
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
