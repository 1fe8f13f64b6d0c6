package dev.oomlint.rules;

/**
 * Placeholder: the build replaces this class with one holding the {@link RuleIndex} as string
 * constants (dev.oomlint.build.DataClassWriter, run by rules.checks.RuleIndexWriter). Without that build step
 * the rules' metadata is read from their annotations.
 */
final class RuleIndexData {
  private RuleIndexData() {}

  static String[] data() {
    return null;
  }
}
