package dev.oomlint.report;

import dev.oomlint.diagnostics.Applicability;

/** Small text helpers shared by the machine-readable reporters. */
final class Messages {
  private Messages() {}

  /**
   * {@code text} as a sentence that stands alone: trimmed, and ending in {@code .}, {@code !} or
   * {@code ?} (GitHub shows only a message's first sentence when space is short).
   */
  static String sentence(String text) {
    String s = text == null ? "" : text.strip();
    if (s.isEmpty()) {
      return "No message.";
    }
    char last = s.charAt(s.length() - 1);
    return last == '.' || last == '!' || last == '?' ? s : s + ".";
  }

  /** {@code text} cut to at most {@code max} UTF-16 units, ending in an ellipsis when cut. */
  static String limit(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int cut = max - 1;
    if (Character.isHighSurrogate(text.charAt(cut - 1))) {
      cut--;
    }
    return text.substring(0, cut) + "\u2026";
  }

  /** The documented lower-case name of an applicability: safe, unsafe, display-only. */
  static String applicability(Applicability applicability) {
    return switch (applicability) {
      case SAFE -> "safe";
      case UNSAFE -> "unsafe";
      case DISPLAY_ONLY -> "display-only";
    };
  }
}
