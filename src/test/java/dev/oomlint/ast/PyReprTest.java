package dev.oomlint.ast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PyReprTest {
  @Test
  void stringQuotesFollowCpythonsChoice() {
    assertEquals("''", PyRepr.str(""));
    assertEquals("'abc'", PyRepr.str("abc"));
    assertEquals("\"it's\"", PyRepr.str("it's"));
    assertEquals("'say \"hi\"'", PyRepr.str("say \"hi\""));
    assertEquals("'both \\' and \"'", PyRepr.str("both ' and \""));
  }

  @Test
  void stringEscapes() {
    assertEquals("'a\\nb\\tc\\r'", PyRepr.str("a\nb\tc\r"));
    assertEquals("'\\\\'", PyRepr.str("\\"));
    assertEquals("'\\x00\\x1f\\x7f'", PyRepr.str("\u0000\u001f\u007f"));
    assertEquals("'\\x85\\xa0\\xad'", PyRepr.str("\u0085\u00a0\u00ad"));
    assertEquals("'é ß'", PyRepr.str("é ß"));
    assertEquals("'\\u200b\\u2028\\ufeff'", PyRepr.str("\u200b\u2028\ufeff"));
    assertEquals("'😀'", PyRepr.str("😀"));
    assertEquals("'\\ud800'", PyRepr.str("\ud800"));
    assertEquals("'\\U000e0001'", PyRepr.str(new String(Character.toChars(0xE0001))));
    assertEquals("'\\U000f0000'", PyRepr.str(new String(Character.toChars(0xF0000))));
  }

  @Test
  void bytesRepr() {
    assertEquals("b''", PyRepr.bytes(new byte[0]));
    assertEquals("b\"it's\"", PyRepr.bytes("it's".getBytes()));
    assertEquals("b\"\\x00\\xff\\\\\\n'\"", PyRepr.bytes(new byte[] {0, (byte) 0xff, '\\', '\n', '\''}));
    assertEquals("b'\\'\"'", PyRepr.bytes("'\"".getBytes()));
    assertEquals("b'~\\x7f'", PyRepr.bytes(new byte[] {'~', 0x7f}));
  }

  @Test
  void floatReprIsShortestRoundTrip() {
    assertEquals("1.0", PyRepr.floatRepr(1.0));
    assertEquals("0.1", PyRepr.floatRepr(0.1));
    assertEquals("2.5", PyRepr.floatRepr(2.5));
    assertEquals("100.0", PyRepr.floatRepr(100.0));
    assertEquals("0.30000000000000004", PyRepr.floatRepr(0.1 + 0.2));
    assertEquals("1000000000000000.0", PyRepr.floatRepr(1e15));
    assertEquals("1e+16", PyRepr.floatRepr(1e16));
    assertEquals("1.2345678901234568e+16", PyRepr.floatRepr(12345678901234567.0));
    assertEquals("0.0001", PyRepr.floatRepr(1e-4));
    assertEquals("1e-05", PyRepr.floatRepr(1e-5));
    assertEquals("1.5e+300", PyRepr.floatRepr(1.5e300));
    assertEquals("1e+22", PyRepr.floatRepr(1e22));
    assertEquals("1e+23", PyRepr.floatRepr(1e23));
    assertEquals("5e-324", PyRepr.floatRepr(Double.MIN_VALUE));
    assertEquals("1.7976931348623157e+308", PyRepr.floatRepr(Double.MAX_VALUE));
    assertEquals("inf", PyRepr.floatRepr(Double.POSITIVE_INFINITY));
    assertEquals("0.0", PyRepr.floatRepr(0.0));
    assertEquals("-0.0", PyRepr.floatRepr(-0.0));
    assertEquals("-2.5", PyRepr.floatRepr(-2.5));
  }

  @Test
  void imaginaryRepr() {
    assertEquals("1j", PyRepr.imaginary(1));
    assertEquals("1.5j", PyRepr.imaginary(1.5));
    assertEquals("0j", PyRepr.imaginary(0));
    assertEquals("1000000000000000j", PyRepr.imaginary(1e15));
    assertEquals("1e+16j", PyRepr.imaginary(1e16));
    assertEquals("infj", PyRepr.imaginary(Double.POSITIVE_INFINITY));
  }

  @Test
  void constantsOfEveryKind() {
    assertEquals("12345678901234567890123", PyRepr.of(new ConstValue.Int(new BigInteger("12345678901234567890123"))));
    assertEquals("True", PyRepr.of(new ConstValue.Bool(true)));
    assertEquals("False", PyRepr.of(new ConstValue.Bool(false)));
    assertEquals("None", PyRepr.of(ConstValue.Singleton.NONE));
    assertEquals("Ellipsis", PyRepr.of(ConstValue.Singleton.ELLIPSIS));
    assertEquals("2j", PyRepr.of(new ConstValue.Imaginary(2)));
    assertEquals("b'x'", PyRepr.of(new ConstValue.Bytes(new byte[] {'x'})));
  }

  /** Thousands of random values, each compared with the repr the local python3 prints. */
  @Test
  void matchesPython3OnRandomValues() {
    Random rnd = new Random(20240611);
    List<String> lines = new ArrayList<>();
    List<String> ours = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      double d = randomDouble(rnd, i);
      lines.add("f " + Double.toHexString(d));
      ours.add(PyRepr.floatRepr(d));
      if (i % 3 == 0) {
        double im = Math.abs(d);
        lines.add("j " + Double.toHexString(im));
        ours.add(PyRepr.imaginary(im));
      }
    }
    for (int i = 0; i < 1500; i++) {
      String s = randomString(rnd);
      lines.add("s " + jsonString(s));
      ours.add(PyRepr.str(s));
      byte[] b = new byte[rnd.nextInt(12)];
      rnd.nextBytes(b);
      if (i % 5 == 0 && b.length > 0) {
        b[0] = (byte) (rnd.nextBoolean() ? '\'' : '"');
      }
      lines.add("b " + hex(b));
      ours.add(PyRepr.bytes(b));
    }
    String script = String.join("\n",
        "import sys, json",
        "for line in sys.stdin.read().split('\\n'):",
        "    if not line: continue",
        "    k, v = line[0], line[2:]",
        "    if k == 'f': print(repr(float.fromhex(v)))",
        "    elif k == 'j': print(repr(complex(0, float.fromhex(v))))",
        "    elif k == 's': print(repr(json.loads(v)))",
        "    else: print(repr(bytes.fromhex(v)))");
    String[] theirs = Python3.run(script, String.join("\n", lines) + "\n").split("\n", -1);
    for (int i = 0; i < ours.size(); i++) {
      assertEquals(theirs[i], ours.get(i), "repr of " + lines.get(i));
    }
  }

  private static double randomDouble(Random rnd, int i) {
    switch (i % 5) {
      case 0: {
        double d = Double.longBitsToDouble(rnd.nextLong());
        return Double.isFinite(d) ? d : 1.25;
      }
      case 1:
        return Math.round(rnd.nextDouble() * 1e6) / 1000.0;
      case 2:
        return Math.pow(10, rnd.nextInt(40) - 20) * (1 + rnd.nextInt(9));
      case 3:
        return Math.scalb(1.0, rnd.nextInt(2098) - 1074);
      default:
        return rnd.nextDouble() * Math.pow(10, rnd.nextInt(30) - 10);
    }
  }

  /** Code points from blocks whose Unicode properties have been stable for many versions. */
  private static final int[][] BLOCKS = {
      {0x0, 0x2ff}, {0x370, 0x3ff}, {0x400, 0x4ff}, {0x2000, 0x206f}, {0x3000, 0x303f},
      {0x4e00, 0x9fa5}, {0xd800, 0xdfff}, {0xe000, 0xe0ff}, {0xfff0, 0xffff}, {0x1f600, 0x1f64f},
      {0xe0000, 0xe007f}, {0xf0000, 0xf00ff}, {0x10fff0, 0x10ffff}};

  private static String randomString(Random rnd) {
    StringBuilder sb = new StringBuilder();
    int n = rnd.nextInt(8);
    for (int i = 0; i < n; i++) {
      int[] block = rnd.nextInt(3) == 0 ? BLOCKS[0] : BLOCKS[rnd.nextInt(BLOCKS.length)];
      int cp = block[0] + rnd.nextInt(block[1] - block[0] + 1);
      if (rnd.nextInt(6) == 0) {
        cp = rnd.nextBoolean() ? '\'' : '"';
      }
      sb.appendCodePoint(cp);
    }
    return sb.toString();
  }

  private static String jsonString(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      sb.append(String.format("\\u%04x", (int) s.charAt(i)));
    }
    return sb.append('"').toString();
  }

  private static String hex(byte[] b) {
    StringBuilder sb = new StringBuilder();
    for (byte x : b) {
      sb.append(String.format("%02x", x & 0xff));
    }
    return sb.toString();
  }
}
