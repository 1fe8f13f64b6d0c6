package dev.oomlint.notebook;

/**
 * Decoding and encoding of JSON string tokens, and the mapping from a character of a decoded string
 * back to the raw text. Encoding follows Python's {@code json.dumps} as nbformat calls it
 * ({@code ensure_ascii=False}): only {@code "}, {@code \}, and control characters are escaped, the
 * usual ones by their short form and the rest as lower-case four-digit hex escapes.
 */
final class JsonStrings {
  private JsonStrings() {}

  /** Decodes the (already validated) string token {@code [start, end)}, quotes included. */
  static String decode(String raw, int start, int end) {
    StringBuilder sb = new StringBuilder(end - start);
    int i = start + 1;
    int stop = end - 1;
    while (i < stop) {
      char c = raw.charAt(i);
      if (c != '\\') {
        sb.append(c);
        i++;
        continue;
      }
      char e = raw.charAt(i + 1);
      switch (e) {
        case 'n' -> sb.append('\n');
        case 't' -> sb.append('\t');
        case 'r' -> sb.append('\r');
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'u' -> sb.append((char) Integer.parseInt(raw.substring(i + 2, i + 6), 16));
        default -> sb.append(e); // " \ /
      }
      i += e == 'u' ? 6 : 2;
    }
    return sb.toString();
  }

  /**
   * The raw offset of decoded character {@code index} of the string token starting at {@code start}
   * (its opening quote); {@code index == length} gives the closing quote.
   */
  static int rawOffset(String raw, int start, int index) {
    int i = start + 1;
    for (int k = 0; k < index; k++) {
      char c = raw.charAt(i);
      if (c == '"') {
        return i; // index past the end: clamp to the closing quote
      }
      i += c != '\\' ? 1 : raw.charAt(i + 1) == 'u' ? 6 : 2;
    }
    return i;
  }

  /** Encodes {@code s} as a JSON string token, nbformat style; with {@code asciiOnly} every non-ASCII char is escaped too. */
  static String encode(String s, boolean asciiOnly) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          boolean loneSurrogate = Character.isSurrogate(c) && !pairedAt(s, i);
          if (c < 0x20 || (asciiOnly && c > 0x7e) || loneSurrogate) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  private static boolean pairedAt(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }
}
