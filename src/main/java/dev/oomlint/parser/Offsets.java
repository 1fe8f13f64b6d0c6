package dev.oomlint.parser;

/**
 * Converts ANTLR code-point indices into UTF-16 offsets (Java {@code String} indices) of the text the
 * caller holds. The two agree unless the text holds characters outside the Basic Multilingual Plane
 * (or a byte-order mark was cut off before lexing, which shifts everything by one), so the common case
 * is the identity and costs nothing.
 */
final class Offsets {
  private static final Offsets IDENTITY = new Offsets(null, 0);

  /** {@code map[cp]} is the UTF-16 offset of code point index {@code cp}; null when no surrogates. */
  private final int[] map;
  private final int shift;

  private Offsets(int[] map, int shift) {
    this.map = map;
    this.shift = shift;
  }

  /**
   * Offsets from a code-point-to-UTF-16 map already built ({@code map[cp]}, with one more entry for the
   * end; null when the two agree) of a lexed text that starts {@code shift} chars into the caller's text.
   */
  static Offsets of(int[] map, int shift) {
    return map == null && shift == 0 ? IDENTITY : new Offsets(map, shift);
  }

  /** Offsets for lexing {@code lexed}, which starts {@code shift} chars into the caller's text. */
  static Offsets of(String lexed, int shift) {
    int len = lexed.length();
    boolean surrogates = false;
    for (int i = 0; i < len; i++) {
      if (Character.isHighSurrogate(lexed.charAt(i))) {
        surrogates = true;
        break;
      }
    }
    if (!surrogates) {
      return shift == 0 ? IDENTITY : new Offsets(null, shift);
    }
    int cps = lexed.codePointCount(0, len);
    int[] map = new int[cps + 1];
    int cp = 0;
    for (int i = 0; i < len; ) {
      map[cp++] = i;
      i += Character.charCount(lexed.codePointAt(i));
    }
    map[cp] = len;
    return new Offsets(map, shift);
  }

  /** The UTF-16 offset in the caller's text of code point index {@code cp} (clamped to the text). */
  int utf16(int cp) {
    if (cp < 0) {
      return shift;
    }
    if (map == null) {
      return cp + shift;
    }
    return (cp < map.length ? map[cp] : map[map.length - 1]) + shift;
  }
}
