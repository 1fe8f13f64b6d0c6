package dev.oomlint.rules;

import java.nio.file.Path;

/**
 * The options of a run that rules may read, through {@link RuleContext#options()}: what
 * {@code [tool.oomlint]} and {@code check}'s command line set beyond the rule selection. One
 * immutable value per run, built by {@code engine.RunSetup} for {@code oomlint check} and for the
 * language server alike, so a rule behaves the same in both.
 *
 * <p>For rule authors: most rules need no option. A rule that does reads the field it needs at the
 * start of {@code check} and returns at once when the option is unset, before it asks for the
 * semantic model or builds anything, so that the option costs nothing to a run that does not set it.
 * A new option is a new component here (null meaning "not set"), read from the configuration in
 * {@code config.ConfigLoader} into {@code config.Settings}, overridden by the command line in
 * {@code cli.CheckCommand}, and listed in docs/configuration.md. Rules must not keep what they read
 * in fields: the same rule instance checks files of runs with different options.
 *
 * @param gpuMemory the GPU memory budget in bytes ({@code gpu-memory}, or the memory of {@code gpu}),
 *     or null when none is set (OOM404 is then silent)
 * @param gpuMemoryOrigin where the budget was set, for messages ({@code gpu-memory = "24GiB" in
 *     pyproject.toml}, {@code --gpu rtx4090}); null when there is no budget
 * @param workingDirectory the directory the files' paths are relative to, against which relative
 *     paths in the code (a local model directory) resolve; null for the process's working directory
 */
public record RuleOptions(Long gpuMemory, String gpuMemoryOrigin, Path workingDirectory) {
  /** No option set: what a context gets when nobody says otherwise. */
  public static final RuleOptions NONE = new RuleOptions(null, null, null);

  public RuleOptions {
    if (gpuMemory != null && gpuMemory <= 0) {
      throw new IllegalArgumentException("gpuMemory must be positive: " + gpuMemory);
    }
    if (gpuMemory == null) {
      gpuMemoryOrigin = null;
    }
  }

  /** These options with the budget replaced (by the command line's). */
  public RuleOptions withGpuMemory(Long bytes, String origin) {
    return new RuleOptions(bytes, origin, workingDirectory);
  }

  /** These options with {@code dir} as the working directory. */
  public RuleOptions withWorkingDirectory(Path dir) {
    return new RuleOptions(gpuMemory, gpuMemoryOrigin, dir);
  }
}
