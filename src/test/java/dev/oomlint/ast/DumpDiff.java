package dev.oomlint.ast;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;

/** Compares two one-line dumps and, when they differ, shows where. */
final class DumpDiff {
  private DumpDiff() {}

  static void assertSameDump(String expected, String actual, Path file) {
    if (expected.equals(actual)) {
      return;
    }
    int i = 0;
    int n = Math.min(expected.length(), actual.length());
    while (i < n && expected.charAt(i) == actual.charAt(i)) {
      i++;
    }
    int from = Math.max(0, i - 300);
    fail(file + ": dump differs at character " + i + "\n  context:  ..." + expected.substring(from, i)
        + "\n  expected: " + expected.substring(i, Math.min(expected.length(), i + 200))
        + "\n  actual:   " + actual.substring(i, Math.min(actual.length(), i + 200)));
  }
}
