package dev.oomlint.engine;

import dev.oomlint.config.Settings;
import dev.oomlint.rules.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a run is assembled from, built one way for {@code oomlint check} and the language server:
 * the settings, the rules they enable (the settings' selection, then any later layers such as the
 * command line's), the per-file ignores and the excludes ({@code exclude}, else the defaults, plus
 * {@code extend-exclude}). {@link #engine} makes the engine for it.
 */
public record RunSetup(Settings settings, List<Rule> enabled, PerFileIgnores perFileIgnores, PathFilter filter) {
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
    return new RunSetup(settings, enabled, pfi, filter);
  }

  /** The engine for this setup: {@code threads} workers, {@code verboseLog} for details (null: none). */
  public Engine engine(Linter.Parser parser, FixMode mode, int threads, Consumer<String> verboseLog) {
    return new Engine(new Engine.Options(new Linter(enabled, parser), perFileIgnores, mode, threads, verboseLog));
  }
}
