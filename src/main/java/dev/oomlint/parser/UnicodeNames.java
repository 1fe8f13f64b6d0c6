package dev.oomlint.parser;

import java.util.Locale;

/**
 * Looks up a character by its Unicode name for {@code \N{...}} escapes, like Python's
 * {@code unicodedata.lookup}: case-insensitive, including the algorithmic names Java does not know
 * (CJK ideographs and friends by code point, Hangul syllables by their jamo).
 */
final class UnicodeNames {
  private static final String[] HEX_NAMED = {
    "CJK UNIFIED IDEOGRAPH-", "CJK COMPATIBILITY IDEOGRAPH-", "TANGUT IDEOGRAPH-",
    "KHITAN SMALL SCRIPT CHARACTER-", "NUSHU CHARACTER-",
  };
  private static final String[] JAMO_L = {
    "G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"};
  private static final String[] JAMO_V = {
    "A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI",
    "YU", "EU", "YI", "I"};
  private static final String[] JAMO_T = {
    "", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B",
    "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"};

  private UnicodeNames() {}

  /** The code point named {@code name}, or -1. */
  static int lookup(String name) {
    String n = name.toUpperCase(Locale.ROOT);
    try {
      return Character.codePointOf(n);
    } catch (IllegalArgumentException e) {
      // fall through to the algorithmic names
    }
    for (String prefix : HEX_NAMED) {
      if (n.startsWith(prefix)) {
        try {
          int cp = Integer.parseInt(n.substring(prefix.length()), 16);
          return cp <= Character.MAX_CODE_POINT && Character.isDefined(cp) ? cp : -1;
        } catch (NumberFormatException e) {
          return -1;
        }
      }
    }
    if (n.startsWith("HANGUL SYLLABLE ")) {
      return hangul(n.substring("HANGUL SYLLABLE ".length()));
    }
    return -1;
  }

  private static int hangul(String s) {
    int l = longest(JAMO_L, s, 0);
    if (l < 0) {
      return -1;
    }
    int pos = JAMO_L[l].length();
    int v = longest(JAMO_V, s, pos);
    if (v < 0) {
      return -1;
    }
    pos += JAMO_V[v].length();
    int t = longest(JAMO_T, s, pos);
    if (t < 0 || pos + JAMO_T[t].length() != s.length()) {
      return -1;
    }
    return 0xAC00 + (l * 21 + v) * 28 + t;
  }

  private static int longest(String[] table, String s, int from) {
    int best = -1;
    for (int i = 0; i < table.length; i++) {
      if (s.startsWith(table[i], from) && (best < 0 || table[i].length() > table[best].length())) {
        best = i;
      }
    }
    return best;
  }
}
