package dev.oomlint.engine;

import dev.oomlint.config.ConfigLoader;
import dev.oomlint.config.Settings;
import dev.oomlint.parser.PythonVersion;
import dev.oomlint.source.RegularFiles;
import java.nio.file.Path;
import dev.oomlint.rules.Rule;
import dev.oomlint.rules.RuleOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a run is assembled from, built one way for {@code oomlint check} and the language server:
 * the settings, the rules they enable (the settings' selection, then any later layers such as the
 * command line's), the per-file ignores and the excludes ({@code exclude}, else the defaults, plus
 * {@code extend-exclude}), and the options the rules read ({@link RuleOptions}: the settings', which
 * {@link #withRuleOptions} replaces with the command line's). {@link #engine} makes the engine for it.
 */
public record RunSetup(Settings settings, List<Rule> enabled, PerFileIgnores perFileIgnores, PathFilter filter,
    RuleOptions ruleOptions) {
  /**
   * Resolves {@code settings} over {@code all} rules, with {@code overrides} (e.g. the command line's
   * selection) applied after the settings' own. Every code named in the per-file ignores must
   * exist.
   */
  public static RunSetup of(Settings settings, List<Rule> all, RuleSelection.Layer... overrides) {
    List<RuleSelection.Layer> layers = new ArrayList<>(1 + overrides.length);
    layers.add(new RuleSelection.Layer(settings.select(), settings.extendSelect(), settings.ignore()));
    for (RuleSelection.Layer l : overrides) {
      layers.add(l);
    }
    List<Rule> enabled = RuleSelection.resolve(all, layers);
    if (settings.perFileIgnores() != null) {
      for (List<String> codes : settings.perFileIgnores().values()) {
        for (String s : codes) {
          RuleSelection.validate(s, all);
        }
      }
    }
    List<String> excludes = new ArrayList<>(
        settings.exclude() != null ? settings.exclude() : PathFilter.DEFAULT_EXCLUDES);
    if (settings.extendExclude() != null) {
      excludes.addAll(settings.extendExclude());
    }
    PathFilter filter = new PathFilter(settings.projectRoot(), excludes);
    PerFileIgnores pfi = settings.perFileIgnores() == null ? PerFileIgnores.NONE
        : new PerFileIgnores(settings.projectRoot(), settings.perFileIgnores());
    return new RunSetup(settings, enabled, pfi, filter, ruleOptions(settings));
  }

  /**
   * The options the rules read, as the settings give them: the GPU memory budget, and the project root
   * as the directory relative paths resolve against (the paths the language server shows).
   */
  public static RuleOptions ruleOptions(Settings settings) {
    return new RuleOptions(settings.gpuMemory(), settings.gpuMemoryOrigin(), settings.projectRoot());
  }

  /** This setup with {@code options} for the rules (e.g. the command line's budget). */
  public RunSetup withRuleOptions(RuleOptions options) {
    return new RunSetup(settings, enabled, perFileIgnores, filter, options);
  }

  /**
   * The engine for this setup: {@code threads} workers, {@code verboseLog} for details (null: none),
   * and a {@link ProjectIndex} of its own, so the files of the run can learn facts of their
   * projects' other files (read once per run).
   */
  public Engine engine(Linter.Parser parser, FixMode mode, int threads, Consumer<String> verboseLog) {
    return engine(parser, null, mode, threads, verboseLog);
  }

  /**
   * As {@link #engine(Linter.Parser, FixMode, int, Consumer)}, rejecting syntax newer than
   * {@code target} (null: the newest version, nothing rejected and nothing more loaded).
   */
  public Engine engine(Linter.Parser parser, PythonVersion target, FixMode mode, int threads,
      Consumer<String> verboseLog) {
    Linter.Parser p = target == null ? parser : new TargetedParser(parser, target);
    long maxFileSize = settings.maxFileSize() != null ? settings.maxFileSize() : RegularFiles.DEFAULT_MAX_BYTES;
    ProjectIndex project = new ProjectIndex(settings.projectRoot(), parser, maxFileSize, settings.targetTransformers(),
        settings.targetTransformersOrigin());
    return new Engine(new Engine.Options(new Linter(enabled, p, ruleOptions), perFileIgnores, mode, threads, verboseLog,
        maxFileSize, null, project));
  }

  /**
   * The target Python version: {@code override} (the command line's), else the settings'
   * {@code target-version}, else the lower bound of {@code requires-python} (of the configuration's
   * pyproject.toml, or the nearest one at or above {@code start} when there is no configuration);
   * null for the newest version.
   *
   * @throws IllegalArgumentException naming the valid values, when a version is not one of them
   */
  public static PythonVersion targetVersion(Settings settings, String override, Path start) {
    String name = override != null ? override : settings.targetVersion();
    PythonVersion v;
    if (name != null) {
      v = PythonVersion.fromOption(name);
      if (v == null) {
        throw new IllegalArgumentException("invalid value '" + name + "' for '--target-version' (expected one of: "
            + PythonVersion.optionNames() + ")");
      }
    } else {
      String requires = settings.file() != null ? settings.requiresPython() : ConfigLoader.requiresPython(start);
      if (requires == null) {
        return null; // the common case loads nothing more
      }
      v = PythonVersion.fromRequiresPython(requires);
    }
    return v == null || v == PythonVersion.LATEST ? null : v;
  }
}
