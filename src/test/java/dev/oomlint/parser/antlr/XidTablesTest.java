package dev.oomlint.parser.antlr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.unicode.UnicodeData;
import org.junit.jupiter.api.Test;

/**
 * The lexer's name tables are what {@code \p{XID_Start}} and {@code \p{XID_Continue}} mean to the
 * ANTLR tool of this build (whose Unicode data the grammar used before). When an ANTLR upgrade changes
 * them, {@link #main} prints the new tables for XidTables.java.
 */
class XidTablesTest {

  private static List<Integer> pairsAboveAscii(String property) {
    IntervalSet set = UnicodeData.getPropertyCodePoints(property);
    List<Integer> out = new ArrayList<>();
    for (Interval iv : set.getIntervals()) {
      if (iv.b >= 0x80) {
        out.add(Math.max(iv.a, 0x80));
        out.add(iv.b);
      }
    }
    return out;
  }

  private static List<Integer> list(int[] a) {
    List<Integer> out = new ArrayList<>();
    for (int x : a) {
      out.add(x);
    }
    return out;
  }

  @Test
  void tablesAreTheToolsUnicodeData() {
    assertEquals(pairsAboveAscii("XID_Start"), list(XidTables.table(true)));
    assertEquals(pairsAboveAscii("XID_Continue"), list(XidTables.table(false)));
  }

  private static java.util.BitSet bits(String property) {
    java.util.BitSet b = new java.util.BitSet();
    for (Interval iv : UnicodeData.getPropertyCodePoints(property).getIntervals()) {
      b.set(iv.a, iv.b + 1);
    }
    return b;
  }

  @Test
  void lookupsAgreeWithTheSetsOnEveryNonAsciiCodePoint() {
    java.util.BitSet start = bits("XID_Start");
    java.util.BitSet cont = bits("XID_Continue");
    for (int cp = 0x80; cp <= Character.MAX_CODE_POINT; cp++) {
      int c = cp;
      assertEquals(start.get(cp), XidTables.isStart(cp), () -> "XID_Start U+" + Integer.toHexString(c));
      assertEquals(cont.get(cp), XidTables.isContinue(cp), () -> "XID_Continue U+" + Integer.toHexString(c));
    }
    assertTrue(start.get(0x4E2D) && !start.get(0x2211) && cont.get(0x300) && !start.get(0x300));
  }

  /** Prints the tables' Java source, for an ANTLR upgrade. */
  public static void main(String[] args) {
    for (String[] p : new String[][] {{"START", "XID_Start"}, {"CONTINUE", "XID_Continue"}}) {
      StringBuilder sb = new StringBuilder("  private static final int[] " + p[0] + " = {\n     ");
      int col = 5;
      for (int x : pairsAboveAscii(p[1])) {
        String item = String.format(" 0x%x,", x);
        if (col + item.length() > 110) {
          sb.append("\n     ");
          col = 5;
        }
        sb.append(item);
        col += item.length();
      }
      System.out.println(sb.append("\n  };\n"));
    }
  }
}
