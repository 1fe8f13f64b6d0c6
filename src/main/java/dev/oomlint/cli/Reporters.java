package dev.oomlint.cli;

import dev.oomlint.report.ConciseReporter;
import dev.oomlint.report.GithubReporter;
import dev.oomlint.report.GitlabReporter;
import dev.oomlint.report.JsonReporter;
import dev.oomlint.report.Reporter;
import dev.oomlint.report.SarifReporter;
import dev.oomlint.report.ToolInfo;
import java.nio.file.Path;
import dev.oomlint.report.TextReporter;
import java.util.List;

/** The output formats {@code --output-format} accepts. */
final class Reporters {
  static final List<String> NAMES = List.of("text", "concise", "json", "sarif", "github", "gitlab");

  private Reporters() {}

  /** {@code cwd}: the directory displayed paths are relative to (SARIF resolves them from it). */
  static Reporter forName(String name, boolean color, Path cwd) throws UsageException {
    return switch (name) {
      case "text" -> new TextReporter(color);
      case "json" -> new JsonReporter();
      case "sarif" -> new SarifReporter(ToolInfo.current(), cwd);
      case "github" -> new GithubReporter();
      case "concise" -> new ConciseReporter();
      case "gitlab" -> new GitlabReporter();
      default -> throw new UsageException("unknown output format '" + name
          + "' (expected one of: " + String.join(", ", NAMES) + ")");
    };
  }
}
