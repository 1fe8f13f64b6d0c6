package dev.oomlint.source;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The ASCII words the enabled rules need a file to spell (their {@code @RuleInfo(mentions = ...)}),
 * found in one pass over the file's bytes, together with the flags the reader needs from that pass
 * (a NUL byte, a non-ASCII byte). Built once per run from the rules' metadata; immutable and shared
 * by every thread.
 */
public final class WordSet {
  /** At most this many words (one bit each, beside the three flags). */
  public static final int MAX_WORDS = 60;

  /** Set by {@link #scan} when the bytes hold a byte of a non-ASCII character or a '?'. */
  static final long MAYBE_NON_ASCII = 1L << 63;
  /** Set by {@link #scan} when the bytes hold a NUL byte. */
  static final long NUL_BYTE = 1L << 62;
  /** Set by {@link #scan} when the bytes hold a byte above 0x7F. */
  static final long NON_ASCII_BYTE = 1L << 61;
  private static final long FLAGS = MAYBE_NON_ASCII | NUL_BYTE | NON_ASCII_BYTE;

  /**
   * Printable ASCII and tab/newline from the most to the least frequent in Python code (counted over
   * this project's test data). A word is looked for at its rarest character: few bytes of a file are
   * one of the anchors, far fewer than are one of the words' first characters.
   */
  private static final String BY_FREQUENCY =
      " erota\nsilnd()cpm.,fux_=h\":gb01yzkwv2[]OM3+{}-#A4T5*FCDL876'S\\G9qNE`/PBj<R>I@%UK!V;WH|Y\tQX^~&J?Z";

  private static final WordSet EMPTY = new WordSet(List.of());

  private final String[] words;
  private final byte[][] wordBytes;
  private final int[] anchor;
  private final long wordBits;
  /** Per byte value: the words anchored at that character (bit k for words[k]), and the flags. */
  private final long[] table = new long[256];
  /**
   * A second test before a word is compared byte by byte: per byte value, the words whose character
   * after the anchor is that byte, or that have no character after the anchor.
   */
  private final long[] after = new long[256];
  /** Per byte value: the words anchored at their last character whose previous character is that byte, and every other word. */
  private final long[] before = new long[256];
  /** The words anchored at their last character (none can start at a file's last byte otherwise). */
  private final long endsAtAnchor;
  /** The words tested by {@link #before} (anchored at the last of two or more characters). */
  private final long needsBefore;

  private WordSet(List<String> words) {
    this.words = words.toArray(new String[0]);
    this.wordBytes = new byte[this.words.length][];
    this.anchor = new int[this.words.length];
    for (int k = 0; k < this.words.length; k++) {
      String w = this.words[k];
      wordBytes[k] = w.getBytes(StandardCharsets.ISO_8859_1);
      anchor[k] = rarest(w);
      table[w.charAt(anchor[k])] |= 1L << k;
    }
    long ends = 0;
    long needs = 0;
    for (int k = 0; k < this.words.length; k++) {
      String w = this.words[k];
      long bit = 1L << k;
      if (anchor[k] + 1 < w.length()) {
        after[w.charAt(anchor[k] + 1)] |= bit;
      } else {
        ends |= bit;
        if (anchor[k] > 0) {
          needs |= bit;
          before[w.charAt(anchor[k] - 1)] |= bit;
        }
      }
    }
    this.endsAtAnchor = ends;
    this.needsBefore = needs;
    for (int b = 0; b < 256; b++) {
      after[b] |= ends;
      before[b] |= ~needs;
    }
    this.wordBits = this.words.length == 0 ? 0 : (1L << this.words.length) - 1;
    for (int b = 0x80; b < 0x100; b++) {
      table[b] |= MAYBE_NON_ASCII | NON_ASCII_BYTE;
    }
    table['?'] |= MAYBE_NON_ASCII;
    table[0] |= NUL_BYTE;
  }

  /** A set of {@code words} (distinct, non-empty, printable ASCII), in the order given. */
  public static WordSet of(Collection<String> words) {
    List<String> distinct = new ArrayList<>();
    for (String w : words) {
      if (w.isEmpty() || !isPrintableAscii(w)) {
        throw new IllegalArgumentException("a prefilter word must be printable ASCII: '" + w + "'");
      }
      if (!distinct.contains(w)) {
        distinct.add(w);
      }
    }
    if (distinct.size() > MAX_WORDS) {
      throw new IllegalArgumentException("at most " + MAX_WORDS + " prefilter words, not " + distinct.size());
    }
    return distinct.isEmpty() ? EMPTY : new WordSet(distinct);
  }

  /** The set with no word: a scan then only finds the flags. */
  public static WordSet empty() {
    return EMPTY;
  }

  /** The index of {@code word} in this set, or -1. */
  public int index(String word) {
    for (int k = 0; k < words.length; k++) {
      if (words[k].equals(word)) {
        return k;
      }
    }
    return -1;
  }

  public int size() {
    return words.length;
  }

  long wordBits() {
    return wordBits;
  }

  /**
   * The words (bits) {@code a[from, to)} contains, plus the flags; {@code full} scans to the end
   * (for the flags), otherwise the scan stops once every word and {@link #MAYBE_NON_ASCII} are found.
   */
  long scan(byte[] a, int from, int to, boolean full) {
    long[] t = table;
    long all = wordBits | MAYBE_NON_ASCII;
    long found = 0;
    for (int i = from; i < to; i++) {
      long m = t[a[i] & 0xFF];
      if (m == 0) {
        continue;
      }
      found |= m & FLAGS;
      m &= wordBits & ~found;
      if (m != 0) {
        // the neighbouring characters rule out most candidates before any comparison
        m &= i + 1 < to ? after[a[i + 1] & 0xFF] : endsAtAnchor;
        m &= i > from ? before[a[i - 1] & 0xFF] : ~needsBefore;
      }
      while (m != 0) {
        int k = Long.numberOfTrailingZeros(m);
        m &= m - 1;
        byte[] w = wordBytes[k];
        int start = i - anchor[k];
        if (start >= from && start + w.length <= to && matchesAt(a, start, w)) {
          found |= 1L << k;
        }
      }
      if (!full && (found & all) == all) {
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

  /** The position of {@code w}'s rarest character (the first of equally rare ones). */
  private static int rarest(String w) {
    int best = 0;
    int bestRank = -2;
    for (int i = 0; i < w.length(); i++) {
      int rank = BY_FREQUENCY.indexOf(w.charAt(i));
      if (rank < 0) {
        rank = BY_FREQUENCY.length(); // rarer than anything counted
      }
      if (rank > bestRank) {
        best = i;
        bestRank = rank;
      }
    }
    return best;
  }

  private static boolean isPrintableAscii(String w) {
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (c < 0x20 || c > 0x7E) {
        return false;
      }
    }
    return true;
  }
}
