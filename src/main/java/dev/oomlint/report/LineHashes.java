package dev.oomlint.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * GitHub's {@code primaryLocationLineHash}: the value {@code github/codeql-action}'s upload step
 * ({@code src/fingerprints.ts}) computes for a result whose SARIF has none, reimplemented so that
 * uploads that bypass the action (REST API, other CI) deduplicate alerts the same way.
 *
 * <p>The algorithm, as the action defines it:
 *
 * <ul>
 *   <li>The text is read as UTF-16 code units (JavaScript's {@code charCodeAt}, Java's {@code
 *       charAt}). Spaces and tabs are dropped; {@code \r} becomes {@code \n}, and a {@code \n}
 *       directly after a {@code \r} is dropped. One end-of-file marker (65535) follows the text,
 *       then as many zeros as needed.
 *   <li>A line starts at the first kept character after a {@code \n} (or at the first character).
 *       Its hash is {@code sum(c[s + k] * 37^(99 - k), k = 0..99)} over the 100 kept characters from
 *       that start, in wrapping 64-bit arithmetic.
 *   <li>The value is the hash as unsigned lower-case hex without padding, a colon, and how many
 *       lines so far (this one included) had the same hash: {@code "39fa2ee980eb94b0:1"}.
 * </ul>
 */
public final class LineHashes {
  static final int BLOCK_SIZE = 100;
  static final long MOD = 37;
  static final int END_OF_FILE = 65535;

  private LineHashes() {}

  /**
   * The hash of every line of {@code text}, element {@code i} for line {@code i + 1}. A text that
   * ends with a line break has one more (empty) line, as the action counts it.
   */
  public static List<String> compute(CharSequence text) {
    int length = text.length();
    int[] kept = new int[length + 1 + BLOCK_SIZE];
    int[] lineStarts = new int[16];
    int lines = 0;
    int n = 0;
    boolean atLineStart = true;
    boolean afterCr = false;
    for (int i = 0; i <= length; i++) {
      int c = i < length ? text.charAt(i) : END_OF_FILE;
      if (c == ' ' || c == '\t' || (afterCr && c == '\n')) {
        afterCr = false;
        continue;
      }
      afterCr = c == '\r';
      if (afterCr) {
        c = '\n';
      }
      if (atLineStart) {
        if (lines == lineStarts.length) {
          lineStarts = java.util.Arrays.copyOf(lineStarts, lines * 2);
        }
        lineStarts[lines++] = n;
        atLineStart = false;
      }
      if (c == '\n') {
        atLineStart = true;
      }
      kept[n++] = c;
    }

    // windowHash(s) for every start s, rolled forward: drop kept[s] * 37^99, shift, add kept[s+100]
    long topPower = 1;
    for (int k = 0; k < BLOCK_SIZE - 1; k++) {
      topPower *= MOD;
    }
    long hash = 0;
    for (int k = 0; k < BLOCK_SIZE; k++) {
      hash = hash * MOD + kept[k];
    }
    List<String> result = new ArrayList<>(lines);
    Map<String, Integer> seen = new HashMap<>();
    int position = 0;
    for (int line = 0; line < lines; line++) {
      int start = lineStarts[line];
      while (position < start) {
        hash = (hash - kept[position] * topPower) * MOD + kept[position + BLOCK_SIZE];
        position++;
      }
      String hex = Long.toUnsignedString(hash, 16);
      int count = seen.merge(hex, 1, Integer::sum);
      result.add(hex + ":" + count);
    }
    return result;
  }

  /** The hash of 1-based {@code line} of {@code text}, or null when the text has no such line. */
  public static String forLine(CharSequence text, int line) {
    List<String> all = compute(text);
    return line >= 1 && line <= all.size() ? all.get(line - 1) : null;
  }
}
