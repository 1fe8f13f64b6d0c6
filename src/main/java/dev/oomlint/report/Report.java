package dev.oomlint.report;

import dev.oomlint.engine.FileResult;
import dev.oomlint.engine.FixMode;
import dev.oomlint.rules.Rule;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything a {@link Reporter} needs about one run.
 *
 * <ul>
 *   <li>{@code files}: one result per file checked, sorted by path (deterministic); each file's
 *       diagnostics are sorted by position and already filtered by selection and {@code noqa}.
 *       A result's {@code source} is null when the file could not be read, and also for files that
 *       produced neither diagnostics nor a problem (the engine drops their text to bound memory).
 *   <li>{@code rules}: the enabled rules, in code order.
 *   <li>{@code catalogue}: every rule the tool has (enabled or not), in code order: SARIF's
 *       {@code rules[]}, with the run's departures from each rule's default in the invocation.
 *   <li>{@code fixMode}: whether fixes were applied and which applicabilities count as fixable.
 *   <li>{@code projectRoot}: absolute, real path of the project root (the directory of the
 *       configuration file, else the working directory); SARIF paths are made relative to it.
 *       {@link FileResult#path()} is the path as displayed (relative to the working directory when
 *       the file lies under it), with the platform separator.
 *   <li>{@code fixedCount}: how many diagnostics {@code --fix} removed (0 when not fixing); the
 *       remaining ones are in {@code files}.
 * </ul>
 */
public record Report(List<FileResult> files, List<Rule> rules, FixMode fixMode, Path projectRoot,
    int fixedCount, List<Rule> catalogue) {
  public Report {
    files = List.copyOf(files);
    rules = List.copyOf(rules);
    catalogue = List.copyOf(catalogue);
  }

  /** A report whose catalogue is its enabled rules. */
  public Report(List<FileResult> files, List<Rule> rules, FixMode fixMode, Path projectRoot, int fixedCount) {
    this(files, rules, fixMode, projectRoot, fixedCount, rules);
  }
}
