package dev.oomlint.cli;

import dev.oomlint.ast.AstDump;
import dev.oomlint.ast.SourceFile;
import dev.oomlint.engine.Engine;
import dev.oomlint.engine.FileWalker;
import dev.oomlint.engine.Linter;
import dev.oomlint.engine.PathFilter;
import dev.oomlint.engine.PerFileIgnores;
import dev.oomlint.parser.ParseOutcome;
import dev.oomlint.engine.FixMode;
import dev.oomlint.source.SourceReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code oomlint debug}: developer tools (AST dump, benchmark). */
@Command(name = "debug", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
    description = "Developer tools.", synopsisSubcommandLabel = "COMMAND")
final class DebugCommand implements Callable<Integer> {
  private final Io io;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  DebugCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }

  /** Runs {@code task} on a thread with the engine's large stack, so deep input cannot overflow. */
  static <T> T onBigStack(Callable<T> task) throws Exception {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Throwable> error = new AtomicReference<>();
    Thread t = new Thread(null, () -> {
      try {
        result.set(task.call());
      } catch (Throwable e) {
        error.set(e);
      }
    }, "oomlint-debug", Engine.WORKER_STACK_BYTES);
    t.start();
    t.join();
    if (error.get() instanceof Exception e) {
      throw e;
    } else if (error.get() instanceof Error e) {
      throw e;
    }
    return result.get();
  }

  /** {@code oomlint debug ast FILE}: our AST in CPython's {@code ast.dump(..., include_attributes=True)} format. */
  @Command(name = "ast", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
      description = "Print a file's AST as CPython's ast.dump(tree, include_attributes=True) does.")
  static final class Ast implements Callable<Integer> {
    @Parameters(paramLabel = "FILE")
    Path file;

    @Option(names = "--python", paramLabel = "3.N",
        description = "CPython version whose dump format to follow (default 3.11).")
    String python = "3.11";

    private final Io io;
    private final Toolbox tools;

    Ast(Io io, Toolbox tools) {
      this.io = io;
      this.tools = tools;
    }

    @Override
    public Integer call() throws Exception {
      int minor;
      try {
        if (!python.startsWith("3.")) {
          throw new NumberFormatException();
        }
        minor = Integer.parseInt(python.substring(2));
      } catch (NumberFormatException e) {
        io.err().println("error: --python must look like 3.11, not '" + python + "'");
        return 2;
      }
      if (minor < AstDump.MIN_MINOR) {
        io.err().println("error: --python must be 3." + AstDump.MIN_MINOR + " or newer");
        return 2;
      }
      Path abs = io.cwd().resolve(file);
      if (!Files.exists(abs)) {
        io.err().println("error: path '" + file + "' does not exist");
        return 2;
      }
      String display = file.toString();
      SourceReader.Outcome read = SourceReader.readScript(abs, display);
      if (read instanceof SourceReader.Outcome.Unreadable u) {
        io.err().println(display + ": error: " + u.message());
        return 1;
      }
      SourceFile sf = ((SourceReader.Outcome.Read) read).document().file();
      final int m = minor;
      String out = onBigStack(() -> {
        ParseOutcome po = tools.parser().parse(sf);
        if (po instanceof ParseOutcome.Failed f) {
          int at = Math.min(Math.max(0, f.error().offset()), sf.text().length());
          return "\0" + display + ":" + sf.lines().line(at) + ":" + sf.lines().codePointColumn(at)
              + ": SyntaxError: " + f.error().message();
        }
        return AstDump.dump(((ParseOutcome.Parsed) po).module(), sf.lines(), m);
      });
      if (out.startsWith("\0")) {
        io.err().println(out.substring(1));
        return 1;
      }
      io.out().println(out);
      io.out().flush();
      return 0;
    }
  }

  /** {@code oomlint debug bench PATHS}: parse throughput (one thread) and end-to-end check speed (all cores). */
  @Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
      description = "Measure parse throughput (single thread, after warm-up) and end-to-end check speed on all cores.")
  static final class Bench implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH")
    List<Path> paths;

    @Option(names = "--warmup", paramLabel = "SECONDS", description = "Warm-up time (default 5).")
    double warmup = 5;

    @Option(names = "--measure", paramLabel = "SECONDS", description = "Measuring time (default 10).")
    double measure = 10;

    @Option(names = "--threads", paramLabel = "N", description = "Threads for the end-to-end run (default: cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    private final Io io;
    private final Toolbox tools;

    Bench(Io io, Toolbox tools) {
      this.io = io;
      this.tools = tools;
    }

    @Override
    public Integer call() throws Exception {
      Path cwd = io.cwd().toAbsolutePath().normalize();
      List<Path> abs = new ArrayList<>();
      for (Path p : paths) {
        Path a = cwd.resolve(p).normalize();
        if (!Files.exists(a)) {
          io.err().println("error: path '" + p + "' does not exist");
          return 2;
        }
        abs.add(a);
      }
      FileWalker walker = new FileWalker(PathFilter.defaults(cwd), true, false, cwd);
      FileWalker.Walk walk = walker.walk(abs);
      List<SourceFile> sources = new ArrayList<>();
      long bytes = 0;
      long lines = 0;
      long t0 = System.nanoTime();
      for (FileWalker.Target t : walk.files()) {
        if (SourceReader.readScript(t.path(), t.displayPath()) instanceof SourceReader.Outcome.Read r) {
          SourceFile f = r.document().file();
          sources.add(f);
          bytes += Files.size(t.path());
          lines += f.lines().lineCount();
        }
      }
      double readS = (System.nanoTime() - t0) / 1e9;
      io.out().printf(Locale.ROOT, "corpus: %d files, %,d lines, %.1f MB (read and decoded in %.2f s)%n",
          sources.size(), lines, bytes / 1e6, readS);
      if (sources.isEmpty()) {
        return 0;
      }
      final long totalLines = lines;
      final long totalBytes = bytes;
      long[] failures = new long[1];
      String parse = onBigStack(() -> {
        long end = System.nanoTime() + (long) (warmup * 1e9);
        int warmRounds = 0;
        do {
          parseAll(tools.parser(), sources, failures);
          warmRounds++;
        } while (System.nanoTime() < end);
        failures[0] = 0;
        int rounds = 0;
        long start = System.nanoTime();
        long stop = start + (long) (measure * 1e9);
        do {
          parseAll(tools.parser(), sources, failures);
          rounds++;
        } while (System.nanoTime() < stop);
        double s = (System.nanoTime() - start) / 1e9;
        return String.format(Locale.ROOT,
            "parse, 1 thread, after %d warm-up rounds: %,.0f lines/s, %.1f MB/s (%d rounds in %.2f s; %d files with syntax errors)",
            warmRounds, totalLines * rounds / s, totalBytes * rounds / s / 1e6, rounds, s, failures[0] / rounds);
      });
      io.out().println(parse);
      io.out().flush();
      Engine engine = new Engine(new Engine.Options(new Linter(tools.rules(), tools.parser()), PerFileIgnores.NONE,
          FixMode.REPORT_ONLY, threads, null));
      long warmEnd = System.nanoTime() + (long) (warmup * 1e9);
      Engine.Run run;
      do {
        run = engine.run(walk.files(), List.of()); // warm the rules and the pool too
      } while (System.nanoTime() < warmEnd);
      int runs = 0;
      long e0 = System.nanoTime();
      long eStop = e0 + (long) (measure * 1e9);
      do {
        run = engine.run(walk.files(), List.of());
        runs++;
      } while (System.nanoTime() < eStop);
      double es = (System.nanoTime() - e0) / 1e9 / runs;
      long findings = run.files().stream().mapToLong(f -> f.diagnostics().size()).sum();
      io.out().printf(Locale.ROOT,
          "check, %d threads, end to end (read, parse, %d rules), warm: %,.0f lines/s, %.1f MB/s (%.3f s per run, %d runs, %d findings)%n",
          threads, tools.rules().size(), totalLines / es, totalBytes / es / 1e6, es, runs, findings);
      io.out().flush();
      return 0;
    }

    private static void parseAll(Linter.Parser parser, List<SourceFile> sources, long[] failures) {
      for (SourceFile f : sources) {
        try {
          if (parser.parse(f) instanceof ParseOutcome.Failed) {
            failures[0]++;
          }
        } catch (RuntimeException e) {
          failures[0]++;
        }
      }
    }
  }
}
