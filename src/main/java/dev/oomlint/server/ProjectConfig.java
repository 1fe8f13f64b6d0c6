package dev.oomlint.server;

import dev.oomlint.config.ConfigException;
import dev.oomlint.config.ConfigLoader;
import dev.oomlint.config.Settings;
import dev.oomlint.parser.PythonVersion;
import dev.oomlint.parser.VersionGate;
import dev.oomlint.engine.Engine;
import dev.oomlint.engine.FileWalker;
import dev.oomlint.engine.Linter;
import dev.oomlint.engine.PathFilter;
import dev.oomlint.engine.PerFileIgnores;
import dev.oomlint.engine.RuleSelection;
import dev.oomlint.report.FixMode;
import dev.oomlint.rules.Rule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The configuration that applies to one document, read as {@code oomlint check} reads it: the
 * nearest {@code pyproject.toml} with a {@code [tool.oomlint]} table at or above the document's
 * directory, its rule selection, per-file ignores and excludes. {@code problem} is the one-line
 * reason the configuration could not be used (then every default applies), else null.
 */
record ProjectConfig(Settings settings, List<Rule> enabled, PerFileIgnores perFileIgnores, PathFilter filter,
    String problem) {

  /** Reads the configuration for the document at {@code abs}; never throws. */
  static ProjectConfig forDocument(Path abs, List<Rule> all) {
    Path dir = abs.getParent() == null ? abs : abs.getParent();
    try {
      Path found = ConfigLoader.discover(dir);
      Settings s = found == null ? Settings.none(dir) : ConfigLoader.load(found);
      List<Rule> enabled = RuleSelection.resolve(all,
          List.of(new RuleSelection.Layer(s.select(), s.extendSelect(), s.ignore())));
      if (s.perFileIgnores() != null) {
        for (List<String> codes : s.perFileIgnores().values()) {
          codes.forEach(c -> RuleSelection.validate(c, all));
        }
      }
      List<String> excludes = new ArrayList<>(s.exclude() != null ? s.exclude() : PathFilter.DEFAULT_EXCLUDES);
      if (s.extendExclude() != null) {
        excludes.addAll(s.extendExclude());
      }
      PerFileIgnores pfi = s.perFileIgnores() == null ? PerFileIgnores.NONE
          : new PerFileIgnores(s.projectRoot(), s.perFileIgnores());
      return new ProjectConfig(s, enabled, pfi, new PathFilter(s.projectRoot(), excludes), null);
    } catch (ConfigException | RuleSelection.UnknownSelectorException e) {
      Settings s = Settings.none(dir);
      return new ProjectConfig(s, RuleSelection.resolve(all, List.of()), PerFileIgnores.NONE,
          PathFilter.defaults(dir), e.getMessage());
    }
  }

  /** True when the configuration's {@code exclude}/{@code extend-exclude} covers the document. */
  boolean excludes(Path abs) {
    return filter.excludedWithAncestors(abs);
  }

  /** The path the rules see (relative to the project root, as the CLI shows it). */
  String displayPath(Path abs) {
    return FileWalker.displayPath(settings.projectRoot(), abs);
  }

  /** An engine for this configuration: reporting only, or applying what {@code --fix} applies. */
  Engine engine(Linter.Parser parser, boolean fix) {
    boolean unsafe = Boolean.TRUE.equals(settings.unsafeFixes());
    FixMode mode = fix ? new FixMode(true, unsafe, false) : FixMode.REPORT_ONLY;
    PythonVersion target = targetVersion(settings);
    Linter.Parser p = target == PythonVersion.LATEST ? parser
        : file -> VersionGate.apply(parser.parse(file), file.text(), target);
    return new Engine(new Engine.Options(new Linter(enabled, p), perFileIgnores, mode, 1, null));
  }

  /**
   * As {@code check}: {@code target-version}, else the lower bound of {@code requires-python} (of the
   * configuration's pyproject.toml, or the nearest one without a configuration), else the newest.
   */
  static PythonVersion targetVersion(Settings s) {
    if (s.targetVersion() != null) {
      PythonVersion v = PythonVersion.fromOption(s.targetVersion());
      return v == null ? PythonVersion.LATEST : v;
    }
    String requires = s.file() != null ? s.requiresPython() : ConfigLoader.requiresPython(s.projectRoot());
    PythonVersion v = PythonVersion.fromRequiresPython(requires);
    return v == null ? PythonVersion.LATEST : v;
  }
}
