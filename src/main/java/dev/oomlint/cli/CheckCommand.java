package dev.oomlint.cli;

import dev.oomlint.config.ConfigException;
import dev.oomlint.config.ConfigLoader;
import dev.oomlint.config.Settings;
import dev.oomlint.engine.Engine;
import dev.oomlint.engine.FileProblem;
import dev.oomlint.engine.FileResult;
import dev.oomlint.engine.FileWalker;
import dev.oomlint.engine.FixMode;
import dev.oomlint.engine.PathFilter;
import dev.oomlint.engine.RuleSelection;
import dev.oomlint.engine.RunSetup;
import dev.oomlint.estimate.Gpus;
import dev.oomlint.estimate.Units;
import dev.oomlint.parser.PythonVersion;
import dev.oomlint.report.Report;
import dev.oomlint.report.Reporter;
import dev.oomlint.report.StatisticsReporter;
import dev.oomlint.rules.Rule;
import dev.oomlint.rules.RuleOptions;
import dev.oomlint.source.RegularFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code oomlint check}: lint files and directories, optionally fixing them. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
    description = "Check Python files for GPU memory leaks (default path: .).")
final class CheckCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", paramLabel = "PATH",
      description = "Files or directories to check; '-' reads standard input.")
  List<String> paths = new ArrayList<>();

  @Option(names = "--output-format", paramLabel = "FORMAT",
      description = "text (default), concise, json, sarif, github or gitlab.")
  String outputFormat;

  @Option(names = "--target-version", paramLabel = "VERSION",
      description = "Python version whose syntax to accept: py38 ... py313 (default: the lower bound of the"
          + " project's requires-python, else the newest).")
  String targetVersion;

  @Option(names = "--target-transformers", paramLabel = "VERSION",
      description = "Oldest transformers version the code runs with, e.g. 4.46 or 5 (default: the lower bound the"
          + " project's requirements declare); OOM403 is moot from 5 on.")
  String targetTransformers;

  @Option(names = "--gpu-memory", paramLabel = "SIZE",
      description = "GPU memory budget for OOM404: 24GiB, 16GB, 80G (a bare number is GiB); overrides the"
          + " configured gpu-memory/gpu.")
  String gpuMemory;

  @Option(names = "--gpu", paramLabel = "NAME",
      description = "A GPU whose memory is the budget for OOM404: rtx4090, a100-40gb, a100-80gb, h100, l4, t4...")
  String gpu;

  @Option(names = "--statistics",
      description = "Show how many problems each rule found instead of the problems (JSON with --output-format json).")
  boolean statistics;

  @Option(names = {"-o", "--output-file"}, paramLabel = "FILE",
      description = "Write the report to FILE instead of standard output.")
  Path outputFile;

  @Option(names = "--select", split = ",", paramLabel = "CODES",
      description = "Rules to enable (codes, prefixes such as OOM1, or ALL); replaces the configured set.")
  List<String> select;

  @Option(names = "--extend-select", split = ",", paramLabel = "CODES",
      description = "Rules to enable in addition to the selected ones.")
  List<String> extendSelect;

  @Option(names = "--ignore", split = ",", paramLabel = "CODES", description = "Rules to disable.")
  List<String> ignore;

  @Option(names = "--fix", negatable = true, description = "Apply safe fixes.")
  Boolean fix;

  @Option(names = "--unsafe-fixes", negatable = true,
      description = "Also apply unsafe fixes (with --fix), and show them as fixable.")
  Boolean unsafeFixes;

  @Option(names = "--diff", description = "Print the fixes as a unified diff; write nothing.")
  boolean diff;

  @Option(names = "--exit-zero", description = "Exit 0 even when problems were found (still 2 on errors).")
  boolean exitZero;

  @Option(names = "--exit-non-zero-on-fix", description = "Exit 1 when any fix was applied.")
  boolean exitNonZeroOnFix;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Read options from FILE (a pyproject.toml, or a TOML file holding the options).")
  Path config;

  @Option(names = "--max-file-size", paramLabel = "SIZE",
      description = "Skip (and report) files larger than SIZE, e.g. 64MiB (the default) or 1000000.")
  String maxFileSize;

  @Option(names = "--stdin-filename", paramLabel = "NAME",
      description = "Check standard input as if it were the file NAME.")
  String stdinFilename;

  @Option(names = "--force-exclude",
      description = "Apply exclusions also to paths named on the command line.")
  boolean forceExclude;

  @Option(names = {"-v", "--verbose"}, description = "Show details of internal errors.")
  boolean verbose;

  @Option(names = "--threads", hidden = true, paramLabel = "N",
      description = "Worker threads (default: one per core).")
  int threads = Runtime.getRuntime().availableProcessors();

  private final Io io;
  private final Toolbox tools;

  CheckCommand(Io io, Toolbox tools) {
    this.io = io;
    this.tools = tools;
  }

  @Override
  public Integer call() {
    try {
      return check();
    } catch (UsageException e) {
      io.err().println("error: " + e.getMessage());
      return 2;
    }
  }

  private int check() throws UsageException {
    Path cwd = io.cwd().toAbsolutePath().normalize();
    boolean useStdin = paths.contains("-") || (paths.isEmpty() && stdinFilename != null);
    List<Path> targets = new ArrayList<>();
    if (!useStdin) {
      if (paths.isEmpty()) {
        paths = List.of(".");
      }
      for (String p : paths) {
        Path abs = cwd.resolve(p).normalize();
        if (!Files.exists(abs, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          throw new UsageException("path '" + p + "' does not exist");
        }
        if (!Files.exists(abs)) {
          throw new UsageException("path '" + p + "' is a broken symbolic link");
        }
        targets.add(abs);
      }
    }
    Path stdinPath = stdinFilename == null ? null : cwd.resolve(stdinFilename).normalize();

    Settings settings = loadSettings(cwd, targets, stdinPath);
    if (maxFileSize != null) {
      Long bytes = RegularFiles.parseSize(maxFileSize);
      if (bytes == null) {
        throw new UsageException("invalid value '" + maxFileSize + "' for '--max-file-size' (expected a size such as"
            + " 64MiB, 500K or 1000000)");
      }
      settings = settings.withMaxFileSize(bytes);
    }
    if (targetTransformers != null) {
      if (!ConfigLoader.isVersion(targetTransformers)) {
        throw new UsageException("invalid value '" + targetTransformers + "' for '--target-transformers' (expected a"
            + " version such as 4.46 or 5)");
      }
      settings = settings.withTargetTransformers(targetTransformers, "the command line");
    }
    List<Rule> all = tools.rules();
    RunSetup setup;
    try {
      setup = RunSetup.of(settings, all, new RuleSelection.Layer(select, extendSelect, ignore));
    } catch (RuleSelection.UnknownSelectorException e) {
      throw new UsageException(e.getMessage());
    }
    setup = setup.withRuleOptions(ruleOptions(setup.ruleOptions(), cwd));
    List<Rule> enabled = setup.enabled();

    String format = outputFormat != null ? outputFormat
        : settings.outputFormat() != null ? settings.outputFormat() : "text";
    boolean toTerminal = outputFile == null;
    Reporter reporter = Reporters.forName(format, toTerminal && io.color() && format.equals("text"), io.cwd());
    if (statistics) {
      reporter = new StatisticsReporter(format.equals("json"));
    }
    boolean applyFixes = diff || (fix != null ? fix : Boolean.TRUE.equals(settings.fix()));
    boolean unsafe = unsafeFixes != null ? unsafeFixes : Boolean.TRUE.equals(settings.unsafeFixes());
    FixMode mode = new FixMode(applyFixes, unsafe, diff);

    Path root = realOrSelf(settings.projectRoot());
    PathFilter filter = setup.filter();
    Consumer<String> log = verbose ? this::logVerbose : null;
    PythonVersion target;
    try {
      target = RunSetup.targetVersion(settings, targetVersion, commonDir(targets, stdinPath, cwd));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    Engine engine = setup.engine(tools.parser(), target, mode, threads, log);

    if (useStdin) {
      long limit = settings.maxFileSize() != null ? settings.maxFileSize() : RegularFiles.DEFAULT_MAX_BYTES;
      return checked(checkStdin(engine, enabled, all, mode, root, reporter, filter, stdinPath, limit));
    }
    FileWalker walker = new FileWalker(filter, true, forceExclude, cwd);
    // each file is checked as soon as the walk finds it: a large tree's walk takes ~0.1 s
    Engine.Session session = engine.start();
    walker.onFile(session);
    FileWalker.Walk walk;
    try {
      walk = walker.walk(targets);
    } catch (RuntimeException | Error e) {
      session.cancel(); // no thread left behind, and no file checked for a run that failed
      throw e;
    }
    if (walk.files().isEmpty() && walk.problems().isEmpty()) {
      io.err().println("warning: no Python files found under the given paths");
    }
    Engine.Run run = session.finish(walk.problems());
    if (diff) {
      return checked(finishDiff(run.files(), run.diffs(), run.fixed()));
    }
    Report report = new Report(run.files(), enabled, mode, root, run.fixed(), all);
    writeReport(reporter, report, io.out());
    return checked(exitCode(run.files(), run.fixed(), mode));
  }

  /**
   * {@code code}, or 2 with one line on stderr when something written to standard output was lost (a
   * full disk, a closed pipe): a {@link PrintStream} swallows write errors, {@code checkError()}
   * flushes it and tells.
   */
  private int checked(int code) {
    if (io.out().checkError()) {
      io.err().println("error: writing to standard output failed (disk full or output closed?);"
          + " the output is incomplete");
      io.err().flush();
      return 2;
    }
    return code;
  }

  private int checkStdin(Engine engine, List<Rule> enabled, List<Rule> all, FixMode mode, Path root, Reporter reporter,
      PathFilter filter, Path stdinPath, long maxBytes) throws UsageException {
    byte[] bytes;
    try {
      // at most the size limit (and one byte more, to tell): `< /dev/zero` must not exhaust memory
      bytes = io.in().readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 16L));
    } catch (IOException e) {
      throw new UsageException("cannot read standard input: " + e.getMessage());
    }
    if (bytes.length > maxBytes) {
      throw new UsageException("standard input is larger than the limit of " + RegularFiles.human(maxBytes)
          + " (max-file-size, --max-file-size)");
    }
    String display = stdinFilename == null ? "-" : FileWalker.displayPath(io.cwd().toAbsolutePath()
        .normalize(), stdinPath);
    if (forceExclude && stdinPath != null && filter.excludedWithAncestors(stdinPath)) {
      if (mode.apply() && !mode.diff()) {
        io.out().write(bytes, 0, bytes.length);
        io.out().flush();
      }
      return 0;
    }
    Path abs = stdinPath != null ? stdinPath : io.cwd().resolve("-");
    Engine.FileOutcome o = engine.checkBytes(bytes, display, abs);
    List<FileResult> files = List.of(o.result());
    if (mode.diff()) {
      return finishDiff(files, o.diff().isEmpty() ? List.of() : List.of(o.diff()), o.fixed());
    }
    Report report = new Report(files, enabled, mode, root, o.fixed(), all);
    if (mode.apply()) {
      // as Ruff: the fixed source goes to stdout, the report to stderr
      if (o.fixedText() != null) {
        io.out().print(o.fixedText());
      } else {
        io.out().write(bytes, 0, bytes.length);
      }
      io.out().flush();
      writeReport(reporter, report, io.err());
    } else {
      writeReport(reporter, report, io.out());
    }
    return exitCode(files, o.fixed(), mode);
  }

  private int finishDiff(List<FileResult> files, List<String> diffs, int fixed) {
    PrintStream out = io.out();
    for (String d : diffs) {
      out.print(d);
    }
    out.flush();
    boolean internal = false;
    for (FileResult f : files) {
      if (f.problem() != null && f.problem().kind() == FileProblem.Kind.INTERNAL_ERROR) {
        internal = true;
        io.err().println(f.path() + ": error: " + f.problem().message());
      }
    }
    if (fixed > 0) {
      io.err().println("Would fix " + (fixed == 1 ? "1 problem." : fixed + " problems."));
    } else {
      io.err().println("No fixes available.");
    }
    if (internal) {
      return 2;
    }
    return !diffs.isEmpty() && !exitZero ? 1 : 0;
  }

  private int exitCode(List<FileResult> files, int fixed, FixMode mode) {
    boolean findings = false;
    for (FileResult f : files) {
      if (f.problem() != null && f.problem().kind() == FileProblem.Kind.INTERNAL_ERROR) {
        return 2;
      }
      if (!f.diagnostics().isEmpty() || f.hasProblems()) {
        findings = true;
      }
    }
    if (exitZero) {
      return 0;
    }
    if (findings) {
      return 1;
    }
    return exitNonZeroOnFix && mode.apply() && fixed > 0 ? 1 : 0;
  }

  private void writeReport(Reporter reporter, Report report, PrintStream stdout) throws UsageException {
    if (outputFile != null) {
      Path file = io.cwd().resolve(outputFile);
      try {
        if (file.getParent() != null) {
          Files.createDirectories(file.getParent());
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
          reporter.write(report, w);
        }
      } catch (IOException e) {
        throw new UsageException("cannot write output file '" + outputFile + "': " + e.getMessage());
      }
      return;
    }
    try {
      Writer w = new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8));
      reporter.write(report, w);
      w.flush();
    } catch (IOException e) {
      throw new UsageException("cannot write the report: " + e.getMessage());
    }
  }

  /**
   * The rules' options: the configuration's, with the command line's budget ({@code --gpu-memory} or
   * {@code --gpu}) instead of the configured one, and paths resolving against the working directory (the
   * paths the files are shown by).
   */
  private RuleOptions ruleOptions(RuleOptions configured, Path cwd) throws UsageException {
    RuleOptions o = configured.withWorkingDirectory(cwd);
    if (gpuMemory != null && gpu != null) {
      throw new UsageException("give --gpu-memory or --gpu, not both");
    }
    if (gpuMemory != null) {
      Long b = Units.parse(gpuMemory);
      if (b == null) {
        throw new UsageException("--gpu-memory must be a size such as 24GiB or 16GB, not '" + gpuMemory + "'");
      }
      return o.withGpuMemory(b, "--gpu-memory " + gpuMemory);
    }
    if (gpu != null) {
      Long b = Gpus.bytes(gpu);
      if (b == null) {
        throw new UsageException("unknown GPU '" + gpu + "' for --gpu (known: " + Gpus.names()
            + "); give --gpu-memory instead");
      }
      return o.withGpuMemory(b, "--gpu " + gpu);
    }
    return o;
  }

  private Settings loadSettings(Path cwd, List<Path> targets, Path stdinPath) throws UsageException {
    try {
      if (config != null) {
        return ConfigLoader.load(cwd.resolve(config));
      }
      Path start = commonDir(targets, stdinPath, cwd);
      Path found = ConfigLoader.discover(start);
      return found == null ? Settings.none(cwd) : ConfigLoader.load(found);
    } catch (ConfigException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /**
   * The target version when it is older than the newest, else null: {@code --target-version}, else the
   * configuration's {@code target-version}, else the lower bound of {@code requires-python} (of the
   * configuration's pyproject.toml, or of the nearest one when there is no configuration).
   */
  /** The deepest directory holding every path to check (where the configuration search starts). */
  private static Path commonDir(List<Path> targets, Path stdinPath, Path cwd) {
    List<Path> dirs = new ArrayList<>();
    for (Path t : targets) {
      dirs.add(Files.isDirectory(t) ? t : t.getParent());
    }
    if (stdinPath != null && targets.isEmpty()) {
      dirs.add(stdinPath.getParent());
    }
    if (dirs.isEmpty()) {
      return cwd;
    }
    Path common = dirs.get(0);
    for (Path d : dirs) {
      while (common != null && !d.startsWith(common)) {
        common = common.getParent();
      }
    }
    return common == null ? cwd : common;
  }

  private static Path realOrSelf(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p.toAbsolutePath().normalize();
    }
  }

  private synchronized void logVerbose(String message) {
    io.err().println(message);
  }
}
