package dev.oomlint.rules;

/** What kind of fix a rule offers, documented on its page and listed by {@code oomlint rules}. */
public enum FixSafety {
  NONE, SAFE, UNSAFE, SOMETIMES;

  public String displayName() {
    return switch (this) {
      case NONE -> "none";
      case SAFE -> "safe";
      case UNSAFE -> "unsafe";
      case SOMETIMES -> "sometimes";
    };
  }
}
