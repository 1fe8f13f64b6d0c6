package dev.oomlint.ast;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code repr()} of the values a constant can hold, character for character as CPython
 * prints them: {@code str} (quote choice, escapes, non-printable characters), {@code bytes},
 * {@code float} (shortest round-trip digits, {@code 1e+16}, {@code inf}), {@code complex} and
 * {@code int}.
 *
 * <p>Printability of non-ASCII characters follows the JDK's Unicode tables, which may lag behind the
 * Unicode version of a given CPython for characters assigned very recently.
 */
public final class PyRepr {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private PyRepr() {}

  /** The repr of any constant value, as {@code ast.dump} prints it. */
  public static String of(ConstValue value) {
    if (value instanceof ConstValue.Str s) {
      return str(s.value());
    } else if (value instanceof ConstValue.Bytes b) {
      return bytes(b.value());
    } else if (value instanceof ConstValue.Int i) {
      return i.value().toString();
    } else if (value instanceof ConstValue.Float f) {
      return floatRepr(f.value());
    } else if (value instanceof ConstValue.Imaginary c) {
      return imaginary(c.imag());
    } else if (value instanceof ConstValue.Bool b) {
      return b.value() ? "True" : "False";
    } else if (value == ConstValue.Singleton.NONE) {
      return "None";
    } else if (value == ConstValue.Singleton.ELLIPSIS) {
      return "Ellipsis";
    }
    throw new IllegalArgumentException("unknown constant " + value);
  }

  /** {@code repr(str)}: single quotes unless the text has a single quote and no double quote. */
  public static String str(String s) {
    char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder out = new StringBuilder(s.length() + 2);
    out.append(quote);
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (c == quote || c == '\\') {
        out.append('\\').append((char) c);
      } else if (c == '\t') {
        out.append("\\t");
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c < ' ' || c == 0x7f) {
        hexEscape(out, 'x', c, 2);
      } else if (c < 0x7f) {
        out.append((char) c);
      } else if (isPrintable(c)) {
        out.appendCodePoint(c);
      } else if (c <= 0xff) {
        hexEscape(out, 'x', c, 2);
      } else if (c <= 0xffff) {
        hexEscape(out, 'u', c, 4);
      } else {
        hexEscape(out, 'U', c, 8);
      }
    }
    return out.append(quote).toString();
  }

  /** {@code repr(bytes)}: {@code b'...'} with the same quote rule as {@link #str}. */
  public static String bytes(byte[] value) {
    boolean single = false;
    boolean dbl = false;
    for (byte b : value) {
      single |= b == '\'';
      dbl |= b == '"';
    }
    char quote = single && !dbl ? '"' : '\'';
    StringBuilder out = new StringBuilder(value.length + 3);
    out.append('b').append(quote);
    for (byte raw : value) {
      int c = raw & 0xff;
      if (c == quote || c == '\\') {
        out.append('\\').append((char) c);
      } else if (c == '\t') {
        out.append("\\t");
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c < ' ' || c >= 0x7f) {
        hexEscape(out, 'x', c, 2);
      } else {
        out.append((char) c);
      }
    }
    return out.append(quote).toString();
  }

  /** {@code repr(float)}: the shortest digits that read back as the same double. */
  public static String floatRepr(double d) {
    return formatDouble(d, true);
  }

  /** {@code repr(complex(0, imag))}, the value of an imaginary literal: {@code 1j}, {@code 1.5j}, {@code infj}. */
  public static String imaginary(double imag) {
    return formatDouble(imag, false) + "j";
  }

  /** Python's {@code str.isprintable()} for one code point (space counts as printable). */
  public static boolean isPrintable(int c) {
    if (c == ' ') {
      return true;
    }
    switch (Character.getType(c)) {
      case Character.CONTROL:
      case Character.FORMAT:
      case Character.PRIVATE_USE:
      case Character.SURROGATE:
      case Character.UNASSIGNED:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
      case Character.SPACE_SEPARATOR:
        return false;
      default:
        return true;
    }
  }

  private static void hexEscape(StringBuilder out, char kind, int c, int width) {
    out.append('\\').append(kind);
    for (int shift = (width - 1) * 4; shift >= 0; shift -= 4) {
      out.append(HEX[(c >> shift) & 0xf]);
    }
  }

  /** CPython's {@code format_float_short} in repr mode; {@code addDot0} appends ".0" to integral fixed-point values. */
  private static String formatDouble(double d, boolean addDot0) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    String sign = (d < 0 || (d == 0 && 1 / d < 0)) ? "-" : "";
    if (d == 0) {
      return sign + (addDot0 ? "0.0" : "0");
    }
    BigDecimal shortest = shortestDigits(Math.abs(d)).stripTrailingZeros();
    String digits = shortest.unscaledValue().toString();
    int n = digits.length();
    int decpt = n - shortest.scale();
    StringBuilder out = new StringBuilder(sign);
    if (decpt <= -4 || decpt > 16) {
      out.append(digits.charAt(0));
      if (n > 1) {
        out.append('.').append(digits, 1, n);
      }
      int exp = decpt - 1;
      out.append('e').append(exp < 0 ? '-' : '+');
      int abs = Math.abs(exp);
      if (abs < 10) {
        out.append('0');
      }
      out.append(abs);
    } else if (decpt <= 0) {
      out.append("0.");
      out.append("0".repeat(-decpt));
      out.append(digits);
    } else if (decpt < n) {
      out.append(digits, 0, decpt).append('.').append(digits, decpt, n);
    } else {
      out.append(digits).append("0".repeat(decpt - n));
      if (addDot0) {
        out.append(".0");
      }
    }
    return out.toString();
  }

  /**
   * The shortest decimal that reads back as {@code x} (positive, finite); among equally short
   * candidates the one nearest to the exact binary value, as David Gay's mode 0 picks it.
   */
  private static BigDecimal shortestDigits(double x) {
    BigDecimal exact = new BigDecimal(x);
    for (int precision = 1; precision <= 17; precision++) {
      BigDecimal down = exact.round(new MathContext(precision, RoundingMode.DOWN));
      BigDecimal up = exact.round(new MathContext(precision, RoundingMode.UP));
      boolean downOk = Double.parseDouble(down.toString()) == x;
      boolean upOk = Double.parseDouble(up.toString()) == x;
      if (downOk && upOk) {
        int cmp = exact.subtract(down).compareTo(up.subtract(exact));
        if (cmp < 0) {
          return down;
        } else if (cmp > 0) {
          return up;
        }
        return exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
      } else if (downOk) {
        return down;
      } else if (upOk) {
        return up;
      }
    }
    return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
  }

  /** {@code repr(int)}. */
  public static String intRepr(BigInteger value) {
    return value.toString();
  }
}
