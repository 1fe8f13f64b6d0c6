package dev.oomlint.source;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * Cheap facts about one file's text, found once and carried with the file to every rule: which of
 * the run's {@link WordSet} words it spells, and its NFKC form where that can spell a word the text
 * does not. Identifiers are NFKC-normalised by the parser ({@code ｂａｃｋｗａｒｄ} is {@code backward}),
 * so a word counts when it occurs in the text or in its normalised form. Normalising costs far more
 * than searching, so it is done only when the text holds a character whose compatibility
 * decomposition contains an ASCII character: otherwise the ASCII characters of the normalised text
 * are exactly those of the text, in the same runs, and an ASCII word occurs in one only where it
 * occurs in the other.
 *
 * <p>The reader finds the words while it checks the file's bytes ({@link #fromScan}); for text that
 * did not come from bytes (an editor's buffer, a fixed text) they are found on first use. One
 * instance belongs to one file on one thread at a time.
 */
public final class TextFacts {
  private final WordSet set;
  private final String text;
  /** The reader's scan of the bytes the text was decoded from, or -1 (then computed on first use). */
  private long handed;
  private boolean known;
  /** Bit k: word k of the set occurs in the text or in its NFKC form; plus {@link WordSet#MAYBE_NON_ASCII}. */
  private long words;
  /** The NFKC form of the text when it may hold an ASCII word the text does not; else null. */
  private String nfkc;

  private TextFacts(WordSet set, String text, long handed) {
    this.set = set;
    this.text = text;
    this.handed = handed;
  }

  /** Facts of {@code text}, found on first use. */
  public static TextFacts of(WordSet set, String text) {
    return new TextFacts(set, text, -1);
  }

  /**
   * Facts of {@code text} from the reader's {@link #scanBytes scan} of the bytes it was decoded
   * from, valid when the decoding kept every ASCII character a byte of its own and turned every other
   * character into non-ASCII bytes (UTF-8, ASCII, latin-1): the words are then those of the bytes.
   */
  public static TextFacts fromScan(WordSet set, String text, long scan) {
    return new TextFacts(set, text, scan & (set.wordBits() | WordSet.MAYBE_NON_ASCII));
  }

  /** One full pass over a file's bytes: its words and flags (see {@link #hasNul}, {@link #isAscii}). */
  public static long scanBytes(WordSet set, byte[] bytes) {
    return set.scan(bytes, 0, bytes.length, true);
  }

  public static boolean hasNul(long scan) {
    return (scan & WordSet.NUL_BYTE) != 0;
  }

  public static boolean isAscii(long scan) {
    return (scan & WordSet.NON_ASCII_BYTE) == 0;
  }

  /** The text these facts are about. */
  public String text() {
    return text;
  }

  /** The word set these facts were found for. */
  public WordSet wordSet() {
    return set;
  }

  /** Whether the text, or its NFKC form, spells {@code word} (ASCII). */
  public boolean mentions(String word) {
    int k = set.index(word);
    if (k >= 0) {
      return (words() & (1L << k)) != 0;
    }
    if (text.contains(word)) {
      return true;
    }
    words();
    return nfkc != null && nfkc.contains(word);
  }

  /** Whether the text spells at least one of the set's words in each of {@code groups} (bit masks). */
  public boolean mentionsEach(long[] groups) {
    if (groups.length == 0) {
      return true;
    }
    long w = words();
    for (long g : groups) {
      if ((w & g) == 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * The NFKC form of the text when it may contain an ASCII word the text does not; null when it
   * cannot (the text is NFKC already, or no character of it decomposes to ASCII).
   */
  String normalisedIfRelevant() {
    words();
    return nfkc;
  }

  private long words() {
    if (!known) {
      long found;
      if (handed >= 0) {
        found = handed;
      } else {
        // ASCII characters keep their value, any other becomes negative bytes (or a '?' for a lone
        // surrogate): ASCII words are found exactly. UTF-8, not latin-1: a text with a character
        // beyond latin-1 encodes far faster to UTF-8.
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        found = set.scan(bytes, 0, bytes.length, false);
      }
      long all = set.wordBits() | WordSet.MAYBE_NON_ASCII;
      found &= all;
      if ((found & WordSet.MAYBE_NON_ASCII) != 0) {
        nfkc = compute(text);
        if (nfkc != null) {
          byte[] nb = nfkc.getBytes(StandardCharsets.UTF_8);
          found |= set.scan(nb, 0, nb.length, false) & all;
        }
      }
      words = found;
      known = true;
    }
    return words;
  }

  /** Per BMP character: 0 not yet known, 1 its NFKD has no ASCII character, 2 it has one. */
  private static final byte[] BMP = new byte[0x10000];

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
