package dev.oomlint.fix;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff (three lines of context) between two texts, computed with Myers' O(ND) algorithm
 * on lines. Line terminators are kept in the comparison; a last line without a terminator is
 * marked with {@code \ No newline at end of file}, as {@code diff -u} does.
 */
public final class UnifiedDiff {
  private static final int CONTEXT = 3;

  private UnifiedDiff() {}

  private enum Op { KEEP, DELETE, INSERT }

  private record Step(Op op, int a, int b) {}

  /** The diff of {@code before} and {@code after}, labelled with {@code path}; "" when equal. */
  public static String diff(String path, String before, String after) {
    if (before.equals(after)) {
      return "";
    }
    List<String> a = splitLines(before);
    List<String> b = splitLines(after);
    List<Step> script = myers(a, b);
    StringBuilder out = new StringBuilder();
    out.append("--- ").append(path).append('\n');
    out.append("+++ ").append(path).append('\n');
    int i = 0;
    while (i < script.size()) {
      while (i < script.size() && script.get(i).op == Op.KEEP) {
        i++;
      }
      if (i >= script.size()) {
        break;
      }
      int start = Math.max(0, i - CONTEXT);
      int end = i;
      // extend the hunk while changes are separated by at most 2*CONTEXT unchanged lines
      while (end < script.size()) {
        if (script.get(end).op != Op.KEEP) {
          end++;
          continue;
        }
        int run = end;
        while (run < script.size() && script.get(run).op == Op.KEEP) {
          run++;
        }
        if (run >= script.size() || run - end > 2 * CONTEXT) {
          end = Math.min(run, end + CONTEXT);
          break;
        }
        end = run;
      }
      writeHunk(out, script.subList(start, end), a, b);
      i = end;
    }
    return out.toString();
  }

  private static void writeHunk(StringBuilder out, List<Step> hunk, List<String> a, List<String> b) {
    int aStart = -1;
    int bStart = -1;
    int aLen = 0;
    int bLen = 0;
    for (Step s : hunk) {
      if (s.op != Op.INSERT) {
        aLen++;
        if (aStart < 0) {
          aStart = s.a;
        }
      }
      if (s.op != Op.DELETE) {
        bLen++;
        if (bStart < 0) {
          bStart = s.b;
        }
      }
    }
    Step first = hunk.get(0);
    if (aStart < 0) {
      aStart = first.a;
    }
    if (bStart < 0) {
      bStart = first.b;
    }
    out.append("@@ -").append(range(aStart, aLen)).append(" +").append(range(bStart, bLen)).append(" @@\n");
    for (Step s : hunk) {
      switch (s.op) {
        case KEEP -> line(out, ' ', a.get(s.a));
        case DELETE -> line(out, '-', a.get(s.a));
        case INSERT -> line(out, '+', b.get(s.b));
        default -> throw new AssertionError();
      }
    }
  }

  private static String range(int start, int len) {
    int shown = len == 0 ? start : start + 1;
    return len == 1 ? String.valueOf(shown) : shown + "," + len;
  }

  private static void line(StringBuilder out, char mark, String line) {
    out.append(mark);
    if (line.endsWith("\r\n")) {
      out.append(line, 0, line.length() - 2).append('\n');
    } else if (line.endsWith("\n") || line.endsWith("\r")) {
      out.append(line, 0, line.length() - 1).append('\n');
    } else {
      out.append(line).append("\n\\ No newline at end of file\n");
    }
  }

  /** Lines including their terminators. */
  static List<String> splitLines(String s) {
    List<String> out = new ArrayList<>();
    int start = 0;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
          i++;
        }
        out.add(s.substring(start, i + 1));
        start = i + 1;
      }
    }
    if (start < n) {
      out.add(s.substring(start));
    }
    return out;
  }

  /** Myers' greedy shortest edit script, with common prefix and suffix trimmed first; O(D^2) memory for the trace. */
  private static List<Step> myers(List<String> a, List<String> b) {
    int pre = 0;
    while (pre < a.size() && pre < b.size() && a.get(pre).equals(b.get(pre))) {
      pre++;
    }
    int suf = 0;
    while (suf < a.size() - pre && suf < b.size() - pre
        && a.get(a.size() - 1 - suf).equals(b.get(b.size() - 1 - suf))) {
      suf++;
    }
    int n = a.size() - pre - suf;
    int m = b.size() - pre - suf;
    int max = n + m;
    int offset = max + 1;
    int[] v = new int[2 * max + 3];
    List<int[]> trace = new ArrayList<>();
    int found = -1;
    for (int d = 0; d <= max; d++) {
      trace.add(java.util.Arrays.copyOfRange(v, offset - d, offset + d + 1)); // k in [-d, d]
      for (int k = -d; k <= d; k += 2) {
        int x;
        if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) {
          x = v[offset + k + 1];
        } else {
          x = v[offset + k - 1] + 1;
        }
        int y = x - k;
        while (x < n && y < m && a.get(pre + x).equals(b.get(pre + y))) {
          x++;
          y++;
        }
        v[offset + k] = x;
        if (x >= n && y >= m) {
          found = d;
          break;
        }
      }
      if (found >= 0) {
        break;
      }
    }
    List<Step> rev = new ArrayList<>();
    for (int i = 0; i < suf; i++) {
      rev.add(new Step(Op.KEEP, a.size() - 1 - i, b.size() - 1 - i));
    }
    int x = n;
    int y = m;
    for (int d = found; d > 0; d--) {
      int[] vd = trace.get(d); // index j + d holds v[k = j]
      int k = x - y;
      int prevK = (k == -d || (k != d && vd[k - 1 + d] < vd[k + 1 + d])) ? k + 1 : k - 1;
      int prevX = vd[prevK + d];
      int prevY = prevX - prevK;
      while (x > prevX && y > prevY) {
        rev.add(new Step(Op.KEEP, pre + x - 1, pre + y - 1));
        x--;
        y--;
      }
      if (x == prevX) {
        rev.add(new Step(Op.INSERT, pre + x, pre + y - 1));
        y--;
      } else {
        rev.add(new Step(Op.DELETE, pre + x - 1, pre + y));
        x--;
      }
    }
    while (x > 0 && y > 0) {
      rev.add(new Step(Op.KEEP, pre + x - 1, pre + y - 1));
      x--;
      y--;
    }
    for (int i = pre - 1; i >= 0; i--) {
      rev.add(new Step(Op.KEEP, i, i));
    }
    List<Step> out = new ArrayList<>(rev.size());
    for (int i = rev.size() - 1; i >= 0; i--) {
      out.add(rev.get(i));
    }
    return out;
  }
}
