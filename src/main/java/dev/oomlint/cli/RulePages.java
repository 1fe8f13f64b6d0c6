package dev.oomlint.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The rule pages ({@code rules/CODE.md}) the build bundles as resources. */
final class RulePages {
  private RulePages() {}

  /** The page of {@code code}, or null when there is none. */
  static String page(String code) {
    if (!code.matches("[A-Z]+[0-9]+")) {
      return null;
    }
    try (InputStream in = RulePages.class.getResourceAsStream("/dev/oomlint/rules/pages/" + code + ".md")) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }
}
