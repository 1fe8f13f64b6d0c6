package dev.oomlint.parser;

import dev.oomlint.ast.ConstValue;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;

/**
 * Decodes Python literals: numbers into {@link ConstValue}s and string bodies (escapes, raw strings,
 * bytes, line-ending normalisation) into their values, as CPython's tokenizer and parser do.
 */
final class Literals {
  private Literals() {}

  // ---------------------------------------------------------------------------------------------
  // Numbers

  /** The value of a NUMBER token; {@code offset} is where errors point. */
  static ConstValue number(String text, int offset) {
    String t = text.indexOf('_') >= 0 ? text.replace("_", "") : text;
    int len = t.length();
    char last = t.charAt(len - 1);
    if (last == 'j' || last == 'J') {
      return new ConstValue.Imaginary(parseDouble(t.substring(0, len - 1), offset));
    }
    if (len > 1 && t.charAt(0) == '0') {
      char x = t.charAt(1);
      int radix = x == 'x' || x == 'X' ? 16 : x == 'o' || x == 'O' ? 8 : x == 'b' || x == 'B' ? 2 : 0;
      if (radix != 0) {
        try {
          return new ConstValue.Int(new BigInteger(t.substring(2), radix));
        } catch (NumberFormatException e) {
          throw new BuildError("invalid " + (radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : "binary")
              + " literal", offset);
        }
      }
    }
    for (int i = 0; i < len; i++) {
      char c = t.charAt(i);
      if (c == '.' || c == 'e' || c == 'E') {
        return new ConstValue.Float(parseDouble(t, offset));
      }
    }
    if (len > 1 && t.charAt(0) == '0') {
      for (int i = 1; i < len; i++) {
        if (t.charAt(i) != '0') {
          throw new BuildError("leading zeros in decimal integer literals are not permitted; "
              + "use an 0o prefix for octal integers", offset);
        }
      }
      return new ConstValue.Int(BigInteger.ZERO);
    }
    try {
      return new ConstValue.Int(len <= 18 ? BigInteger.valueOf(Long.parseLong(t)) : new BigInteger(t));
    } catch (NumberFormatException e) {
      throw new BuildError("invalid decimal literal", offset);
    }
  }

  private static double parseDouble(String t, int offset) {
    try {
      return Double.parseDouble(t);
    } catch (NumberFormatException e) {
      throw new BuildError("invalid decimal literal", offset);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // String tokens

  /** The parts of a string token's text: prefix flags and the body between the quotes. */
  record StringToken(boolean raw, boolean bytes, boolean unicode, boolean fstring, int bodyStart, int bodyEnd) {}

  /** Splits a STRING or FSTRING_START token's text into prefix flags and body bounds. */
  static StringToken split(String text, boolean hasClosingQuote) {
    int i = 0;
    boolean raw = false;
    boolean bytes = false;
    boolean unicode = false;
    boolean f = false;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\'' || c == '"') {
        break;
      }
      switch (c) {
        case 'r', 'R' -> raw = true;
        case 'b', 'B' -> bytes = true;
        case 'u', 'U' -> unicode = true;
        case 'f', 'F' -> f = true;
        default -> { }
      }
      i++;
    }
    int quoteLen = 1;
    if (i + 2 < text.length() && text.charAt(i + 1) == text.charAt(i) && text.charAt(i + 2) == text.charAt(i)) {
      quoteLen = 3;
    }
    int bodyStart = i + quoteLen;
    int bodyEnd = hasClosingQuote ? Math.max(bodyStart, text.length() - quoteLen) : text.length();
    return new StringToken(raw, bytes, unicode, f, bodyStart, bodyEnd);
  }

  /**
   * Decodes a str body. {@code fstringBraces} collapses {@code {{} and {@code }}} (f-string literal
   * text). {@code errorOffset} is where decoding errors point.
   */
  static String decodeStr(String s, int from, int to, boolean raw, boolean fstringBraces, int errorOffset) {
    if (!needsWork(s, from, to, raw, fstringBraces)) {
      return s.substring(from, to);
    }
    StringBuilder out = new StringBuilder(to - from);
    int i = from;
    while (i < to) {
      char c = s.charAt(i);
      if (c == '\r') {
        out.append('\n');
        i += i + 1 < to && s.charAt(i + 1) == '\n' ? 2 : 1;
        continue;
      }
      if (fstringBraces && (c == '{' || c == '}') && i + 1 < to && s.charAt(i + 1) == c) {
        out.append(c);
        i += 2;
        continue;
      }
      if (c != '\\' || i + 1 >= to) {
        out.append(c);
        i++;
        continue;
      }
      char e = s.charAt(i + 1);
      if (raw) {
        out.append('\\');
        i++;
        continue;
      }
      i += 2;
      switch (e) {
        case '\n' -> { }
        case '\r' -> {
          if (i < to && s.charAt(i) == '\n') {
            i++;
          }
        }
        case '\\' -> out.append('\\');
        case '\'' -> out.append('\'');
        case '"' -> out.append('"');
        case 'a' -> out.append('\u0007');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'v' -> out.append('\u000b');
        case '0', '1', '2', '3', '4', '5', '6', '7' -> {
          int v = e - '0';
          for (int k = 0; k < 2 && i < to && s.charAt(i) >= '0' && s.charAt(i) <= '7'; k++) {
            v = v * 8 + (s.charAt(i++) - '0');
          }
          out.append((char) v);
        }
        case 'x', 'u', 'U' -> {
          int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
          long v = 0;
          int k = 0;
          for (; k < digits && i + k < to; k++) {
            int d = Character.digit(s.charAt(i + k), 16);
            if (d < 0) {
              break;
            }
            v = v * 16 + d;
          }
          if (k < digits) {
            String form = e == 'x' ? "\\xXX" : e == 'u' ? "\\uXXXX" : "\\UXXXXXXXX";
            throw unicodeError(s, from, i - 2, i + k - 1, "truncated " + form + " escape", errorOffset);
          }
          if (v > Character.MAX_CODE_POINT) {
            throw unicodeError(s, from, i - 2, i + digits - 1, "illegal Unicode character", errorOffset);
          }
          out.appendCodePoint((int) v);
          i += digits;
        }
        case 'N' -> {
          int close = i < to && s.charAt(i) == '{' ? s.indexOf('}', i) : -1;
          if (close < 0 || close >= to || close == i + 1) {
            throw unicodeError(s, from, i - 2, Math.min(to, i) - 1, "malformed \\N character escape", errorOffset);
          }
          String name = s.substring(i + 1, close);
          int cp = UnicodeNames.lookup(name);
          if (cp < 0) {
            throw unicodeError(s, from, i - 2, close, "unknown Unicode character name", errorOffset);
          }
          out.appendCodePoint(cp);
          i = close + 1;
        }
        default -> {
          out.append('\\');
          if (fstringBraces && (e == '{' || e == '}')) {
            i--;
          } else {
            out.append(e);
          }
        }
      }
    }
    return out.toString();
  }

  /** Decodes a bytes body (must be ASCII). */
  static byte[] decodeBytes(String s, int from, int to, boolean raw, int errorOffset) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
    int i = from;
    while (i < to) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        throw new BuildError("bytes can only contain ASCII literal characters", errorOffset);
      }
      if (c == '\r') {
        out.write('\n');
        i += i + 1 < to && s.charAt(i + 1) == '\n' ? 2 : 1;
        continue;
      }
      if (c != '\\' || i + 1 >= to || raw) {
        out.write(c);
        i++;
        continue;
      }
      char e = s.charAt(i + 1);
      if (e >= 0x80) {
        throw new BuildError("bytes can only contain ASCII literal characters", errorOffset);
      }
      i += 2;
      switch (e) {
        case '\n' -> { }
        case '\r' -> {
          if (i < to && s.charAt(i) == '\n') {
            i++;
          }
        }
        case '\\' -> out.write('\\');
        case '\'' -> out.write('\'');
        case '"' -> out.write('"');
        case 'a' -> out.write(7);
        case 'b' -> out.write(8);
        case 'f' -> out.write(12);
        case 'n' -> out.write('\n');
        case 'r' -> out.write('\r');
        case 't' -> out.write('\t');
        case 'v' -> out.write(11);
        case '0', '1', '2', '3', '4', '5', '6', '7' -> {
          int v = e - '0';
          for (int k = 0; k < 2 && i < to && s.charAt(i) >= '0' && s.charAt(i) <= '7'; k++) {
            v = v * 8 + (s.charAt(i++) - '0');
          }
          out.write(v & 0xff);
        }
        case 'x' -> {
          int hi = i < to ? Character.digit(s.charAt(i), 16) : -1;
          int lo = i + 1 < to ? Character.digit(s.charAt(i + 1), 16) : -1;
          if (hi < 0 || lo < 0) {
            throw new BuildError("(value error) invalid \\x escape at position " + (i - 2 - from), errorOffset);
          }
          out.write(hi * 16 + lo);
          i += 2;
        }
        default -> {
          out.write('\\');
          out.write(e);
        }
      }
    }
    return out.toByteArray();
  }

  private static boolean needsWork(String s, int from, int to, boolean raw, boolean braces) {
    return occurs(s, '\r', from, to) || (!raw && occurs(s, '\\', from, to))
        || (braces && (occurs(s, '{', from, to) || occurs(s, '}', from, to)));
  }

  /** Whether {@code c} occurs in {@code s[from, to)} ({@code indexOf} scans far faster than a charAt loop). */
  private static boolean occurs(String s, char c, int from, int to) {
    int i = s.indexOf(c, from);
    return i >= 0 && i < to;
  }


  /** CPython's message for a bad escape at body chars [escStart, escEnd] (reported as UTF-8 byte positions). */
  private static BuildError unicodeError(String s, int bodyStart, int escStart, int escEnd, String what,
      int offset) {
    int from = utf8(s, bodyStart, escStart);
    int to = from + utf8(s, escStart, Math.max(escStart, escEnd + 1)) - 1;
    return new BuildError("(unicode error) 'unicodeescape' codec can't decode bytes in position " + from + "-"
        + to + ": " + what, offset);
  }

  private static int utf8(String s, int from, int to) {
    int n = 0;
    for (int i = from; i < to && i < s.length(); i++) {
      char c = s.charAt(i);
      n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
    }
    return n;
  }

}
