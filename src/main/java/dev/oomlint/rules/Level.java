package dev.oomlint.rules;

/** Default severity, named as SARIF's {@code level}. */
public enum Level {
  ERROR, WARNING, NOTE;

  public String sarifName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
