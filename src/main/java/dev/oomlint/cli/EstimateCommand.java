package dev.oomlint.cli;

import com.electronwill.nightconfig.core.Config;
import com.electronwill.nightconfig.toml.TomlParser;
import dev.oomlint.ast.SourceFile;
import dev.oomlint.config.ConfigException;
import dev.oomlint.config.ConfigLoader;
import dev.oomlint.estimate.EstimateJson;
import dev.oomlint.estimate.EstimateText;
import dev.oomlint.estimate.Estimator;
import dev.oomlint.estimate.Gpus;
import dev.oomlint.estimate.SiteEstimate;
import dev.oomlint.estimate.Units;
import dev.oomlint.parser.ParseOutcome;
import dev.oomlint.source.RegularFiles;
import dev.oomlint.source.SourceReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code oomlint estimate}: the GPU memory each model load site of a script needs, read statically,
 * against a budget. Exit codes: 0 every known size fits (or no budget), 1 a site does not fit or a
 * file could not be read or parsed, 2 bad usage.
 */
@Command(name = "estimate", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
    description = "Estimate the GPU memory a script's models need (statically; nothing is run or downloaded).")
final class EstimateCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Python files or directories.")
  List<Path> paths;

  @Option(names = "--gpu-memory", paramLabel = "SIZE",
      description = "The GPU memory to fit in: 24GiB, 16GB, 80G (a bare number is GiB).")
  String gpuMemory;

  @Option(names = "--gpu", paramLabel = "NAME", description = "A GPU whose memory is the budget: rtx4090, a100-40gb,"
      + " a100-80gb, h100, l4, t4...")
  String gpu;

  @Option(names = "--batch-size", paramLabel = "N", description = "Batch size (overrides the script's).")
  Integer batchSize;

  @Option(names = "--seq-len", paramLabel = "N", description = "Sequence length in tokens (overrides the script's).")
  Integer seqLen;

  @Option(names = "--output-format", paramLabel = "FORMAT", description = "text (default) or json.")
  String format = "text";

  private final Io io;
  private final Toolbox tools;

  EstimateCommand(Io io, Toolbox tools) {
    this.io = io;
    this.tools = tools;
  }

  /**
   * Whether a command line may run {@code estimate} or list the commands (no arguments, help): only then is
   * the command registered, so its picocli model (some 15 ms) costs nothing to other commands.
   */
  static boolean mayRun(String[] args) {
    if (args.length == 0) {
      return true;
    }
    for (String a : args) {
      if (a.equals("estimate") || a.equals("--help") || a.equals("-h") || a.equals("help")) {
        return true;
      }
    }
    return false;
  }

  private static final Set<String> SKIP = Set.of(".git", ".venv", "venv", "__pycache__", "node_modules", "build",
      "dist", "site-packages", ".tox", ".mypy_cache");

  @Override
  public Integer call() throws Exception {
    if (!format.equals("text") && !format.equals("json")) {
      return usage("--output-format must be text or json, not '" + format + "'");
    }
    if ((batchSize != null && batchSize < 1) || (seqLen != null && seqLen < 1)) {
      return usage("--batch-size and --seq-len must be positive");
    }
    Path cwd = io.cwd().toAbsolutePath().normalize();
    Long budget;
    String budgetLabel;
    if (gpuMemory != null && gpu != null) {
      return usage("give --gpu-memory or --gpu, not both");
    }
    if (gpuMemory != null) {
      budget = Units.parse(gpuMemory);
      if (budget == null) {
        return usage("--gpu-memory must be a size such as 24GiB or 16GB, not '" + gpuMemory + "'");
      }
      budgetLabel = "the budget of " + Units.human(budget) + " (--gpu-memory)";
    } else if (gpu != null) {
      budget = Gpus.bytes(gpu);
      if (budget == null) {
        return usage("unknown GPU '" + gpu + "' (known: " + Gpus.names() + "); give --gpu-memory instead");
      }
      budgetLabel = "the " + Units.human(budget) + " of --gpu " + gpu;
    } else {
      String[] fromConfig;
      try {
        // the nearest [tool.oomlint] at or above the first path, as check finds it
        Path first = cwd.resolve(paths.get(0)).normalize();
        Path dir = Files.isDirectory(first) ? first : first.getParent() == null ? cwd : first.getParent();
        fromConfig = configBudget(Files.isDirectory(dir) ? dir : cwd);
      } catch (ConfigException e) {
        io.err().println("error: " + e.getMessage());
        return 2;
      }
      budget = fromConfig == null ? null : Long.parseLong(fromConfig[0]);
      budgetLabel = fromConfig == null ? null : fromConfig[1];
    }
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      Path abs = cwd.resolve(p).normalize();
      if (!Files.exists(abs)) {
        return usage("path '" + p + "' does not exist");
      }
      if (Files.isDirectory(abs)) {
        try (Stream<Path> walk = Files.walk(abs)) {
          walk.filter(f -> f.toString().endsWith(".py") && Files.isRegularFile(f))
              .filter(f -> !skipped(abs.relativize(f)))
              .sorted()
              .forEach(files::add);
        }
      } else {
        files.add(abs);
      }
    }
    Estimator.Options options = new Estimator.Options(budget, batchSize, seqLen, cwd);
    List<SiteEstimate> all = new ArrayList<>();
    boolean problems = false;
    for (Path f : files) {
      String display = cwd.relativize(f).toString().isEmpty() ? f.toString()
          : f.startsWith(cwd) ? cwd.relativize(f).toString() : f.toString();
      SourceReader.Outcome read = SourceReader.read(f, display);
      if (read instanceof SourceReader.Outcome.Unreadable u) {
        io.err().println(display + ": error: " + u.message());
        problems = true;
        continue;
      }
      SourceFile sf = ((SourceReader.Outcome.Read) read).document().file();
      String error = DebugCommand.onBigStack(() -> {
        ParseOutcome po = tools.parser().parse(sf);
        if (po instanceof ParseOutcome.Failed fail) {
          int at = Math.min(Math.max(0, fail.error().offset()), sf.text().length());
          return display + ":" + sf.lines().line(at) + ":" + sf.lines().codePointColumn(at) + ": SyntaxError: "
              + fail.error().message();
        }
        all.addAll(Estimator.estimate(sf, ((ParseOutcome.Parsed) po).module(), options));
        return null;
      });
      if (error != null) {
        io.err().println(error);
        problems = true;
      }
    }
    if (format.equals("json")) {
      io.out().println(EstimateJson.render(all));
    } else {
      io.out().print(new EstimateText(io.terminal() && io.color()).render(all, budgetLabel));
    }
    io.out().flush();
    io.err().flush();
    boolean over = all.stream().anyMatch(s -> Boolean.FALSE.equals(s.fits()));
    return over || problems ? 1 : 0;
  }

  private static boolean skipped(Path rel) {
    for (Path part : rel) {
      String n = part.toString();
      if (SKIP.contains(n) || (n.startsWith(".") && n.length() > 1)) {
        return true;
      }
    }
    return false;
  }

  private int usage(String message) {
    io.err().println("error: " + message + " (see 'oomlint estimate --help')");
    io.err().flush();
    return 2;
  }

  /**
   * {@code gpu-memory} or {@code gpu} of the nearest {@code [tool.oomlint]} table: {budget bytes, label}, or
   * null when neither is set.
   */
  static String[] configBudget(Path dir) throws ConfigException {
    Path file = ConfigLoader.discover(dir);
    if (file == null) {
      return null;
    }
    Config root;
    try {
      String text = new String(RegularFiles.read(file), StandardCharsets.UTF_8);
      root = new TomlParser().parse(text.startsWith("\uFEFF") ? text.substring(1) : text);
    } catch (IOException | RuntimeException e) {
      throw new ConfigException("cannot read " + file);
    }
    Object mem = root.get(List.of("tool", "oomlint", "gpu-memory"));
    Object gpu = root.get(List.of("tool", "oomlint", "gpu"));
    if (mem != null) {
      Long b = mem instanceof Number n ? Long.valueOf(Math.round(n.doubleValue() * 1073741824.0))
          : Units.parse(String.valueOf(mem));
      if (b == null) {
        throw new ConfigException(file + ": option 'gpu-memory' in [tool.oomlint] must be a size such as \"24GiB\"");
      }
      return new String[] {String.valueOf(b), "the budget of " + Units.human(b) + " (gpu-memory in " + file.getFileName()
          + ")"};
    }
    if (gpu != null) {
      Long b = Gpus.bytes(String.valueOf(gpu));
      if (b == null) {
        throw new ConfigException(file + ": option 'gpu' in [tool.oomlint]: unknown GPU '" + gpu + "'");
      }
      return new String[] {String.valueOf(b), "the " + Units.human(b) + " of gpu = \"" + gpu + "\" in "
          + file.getFileName()};
    }
    return null;
  }
}
