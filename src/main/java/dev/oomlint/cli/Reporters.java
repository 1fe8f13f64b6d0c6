package dev.oomlint.cli;

import dev.oomlint.report.Reporter;
import dev.oomlint.report.TextReporter;
import java.util.List;

/** The output formats {@code --output-format} accepts. */
final class Reporters {
  static final List<String> NAMES = List.of("text", "json", "sarif", "github");

  private Reporters() {}

  static Reporter forName(String name, boolean color) throws UsageException {
    return switch (name) {
      case "text" -> new TextReporter(color);
      case "json", "sarif", "github" ->
          throw new UsageException("output format '" + name + "' is not available in this build yet");
      default -> throw new UsageException("unknown output format '" + name
          + "' (expected one of: " + String.join(", ", NAMES) + ")");
    };
  }
}
