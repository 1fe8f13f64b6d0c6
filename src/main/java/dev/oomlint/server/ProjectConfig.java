package dev.oomlint.server;

import dev.oomlint.config.ConfigException;
import dev.oomlint.config.ConfigLoader;
import dev.oomlint.config.Settings;
import dev.oomlint.engine.Engine;
import dev.oomlint.engine.FileWalker;
import dev.oomlint.engine.Linter;
import dev.oomlint.engine.PerFileIgnores;
import dev.oomlint.engine.RuleSelection;
import dev.oomlint.engine.RunSetup;
import dev.oomlint.parser.PythonVersion;
import dev.oomlint.engine.FixMode;
import dev.oomlint.rules.Rule;
import java.nio.file.Path;
import java.util.List;

/**
 * The configuration that applies to one document, read as {@code oomlint check} reads it: the
 * nearest {@code pyproject.toml} with a {@code [tool.oomlint]} table at or above the document's
 * directory, assembled into a {@link RunSetup} (rule selection, per-file ignores, excludes).
 * {@code problem} is the one-line reason the configuration could not be used (then every default
 * applies), else null.
 */
record ProjectConfig(RunSetup setup, String problem) {

  /** Reads the configuration for the document at {@code abs}; never throws. */
  static ProjectConfig forDocument(Path abs, List<Rule> all) {
    Path dir = abs.getParent() == null ? abs : abs.getParent();
    try {
      Path found = ConfigLoader.discover(dir);
      Settings s = found == null ? Settings.none(dir) : ConfigLoader.load(found);
      return new ProjectConfig(RunSetup.of(s, all), null);
    } catch (ConfigException | RuleSelection.UnknownSelectorException e) {
      return new ProjectConfig(RunSetup.of(Settings.none(dir), all), e.getMessage());
    }
  }

  Settings settings() {
    return setup.settings();
  }

  List<Rule> enabled() {
    return setup.enabled();
  }

  PerFileIgnores perFileIgnores() {
    return setup.perFileIgnores();
  }

  /** True when the configuration's {@code exclude}/{@code extend-exclude} covers the document. */
  boolean excludes(Path abs) {
    return setup.filter().excludedWithAncestors(abs);
  }

  /** The path the rules see (relative to the project root, as the CLI shows it). */
  String displayPath(Path abs) {
    return FileWalker.displayPath(settings().projectRoot(), abs);
  }

  /** An engine for this configuration: reporting only, or applying what {@code --fix} applies. */
  Engine engine(Linter.Parser parser, boolean fix) {
    boolean unsafe = Boolean.TRUE.equals(settings().unsafeFixes());
    FixMode mode = fix ? new FixMode(true, unsafe, false) : FixMode.REPORT_ONLY;
    PythonVersion target;
    try {
      target = RunSetup.targetVersion(settings(), null, settings().projectRoot());
    } catch (IllegalArgumentException e) {
      target = null; // as with any unusable option in the editor: the default applies
    }
    return setup.engine(parser, target, mode, 1, null);
  }
}
