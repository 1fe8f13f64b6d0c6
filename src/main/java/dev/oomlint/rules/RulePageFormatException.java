package dev.oomlint.rules;

/** A rule page that does not follow the format of {@code rules/README.md}; the message names the page and line. */
public class RulePageFormatException extends RuntimeException {
  public RulePageFormatException(String message) {
    super(message);
  }
}
