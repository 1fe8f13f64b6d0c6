package dev.oomlint.cli;

import dev.oomlint.Version;
import dev.oomlint.engine.FileProblem;
import dev.oomlint.rules.Rule;
import dev.oomlint.rules.checks.RuleRegistry;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The {@code oomlint} command: {@code check}, {@code rule}, {@code rules}, {@code debug}. Exit codes
 * follow Ruff: 0 clean, 1 findings, 2 bad usage, bad configuration or an internal error. Every
 * error is one line on stderr; no stack trace reaches the user (unless {@code --verbose}).
 */
@Command(name = "oomlint", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
    description = "Finds GPU memory leaks and waste in Python deep-learning code.",
    synopsisSubcommandLabel = "COMMAND")
public final class Main implements Callable<Integer> {
  private final Io io;
  private CommandLine self;

  Main(Io io) {
    this.io = io;
  }

  public static void main(String[] args) {
    // first of all, so the parser loads on another core while the command line is handled
    StartupWarmup warm = StartupWarmup.start(args, Path.of("").toAbsolutePath(), new BuiltInRules());
    Io io = Io.system();
    Toolbox tools = Toolbox.builtIn();
    if (warm != null) {
      tools = new Toolbox(tools.rules(), warm, tools.pages());
    }
    int code = run(args, io, tools);
    if (warm != null && Boolean.getBoolean("oomlint.warmup.join")) {
      try {
        warm.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    System.out.flush();
    System.err.flush();
    System.exit(code);
  }

  /** The built-in rules, for the warm-up (a class, not a method reference: see StartupWarmup#start). */
  private static final class BuiltInRules implements Supplier<List<Rule>> {
    @Override
    public List<Rule> get() {
      return RuleRegistry.all();
    }
  }

  /** Runs one command line and returns its exit code; never throws. */
  public static int run(String[] args, Io io) {
    return run(args, io, Toolbox.builtIn());
  }

  /** Runs one command line with the given rules and parser (tests use stand-ins); never throws. */
  public static int run(String[] args, Io io, Toolbox tools) {
    try {
      CheckCommand quick = QuickCheckArgs.parse(args, io, tools);
      if (quick != null) {
        try {
          return quick.call();
        } catch (Exception ex) {
          return internalError(new PrintWriter(new java.io.OutputStreamWriter(io.err(), StandardCharsets.UTF_8)), ex);
        }
      }
      Main root = new Main(io);
      CommandLine cmd = new CommandLine(root);
      root.self = cmd;
      cmd.addSubcommand("check", new CheckCommand(io, tools));
      cmd.addSubcommand("rule", new RuleCommand(io, tools));
      cmd.addSubcommand("rules", new RulesCommand(io, tools));
      if (EstimateCommand.mayRun(args)) cmd.addSubcommand("estimate", new EstimateCommand(io, tools));
      cmd.addSubcommand("server", new ServerCommand(io, tools));
      CommandLine debug = new CommandLine(new DebugCommand(io));
      debug.addSubcommand("ast", new DebugCommand.Ast(io, tools));
      debug.addSubcommand("bench", new DebugCommand.Bench(io, tools));
      cmd.addSubcommand("debug", debug);
      PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(io.out(), StandardCharsets.UTF_8), true);
      PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(io.err(), StandardCharsets.UTF_8), true);
      cmd.setOut(out);
      cmd.setErr(err);
      cmd.setParameterExceptionHandler((ex, a) -> {
        String sub = ex.getCommandLine().getCommandName();
        String help = ex.getCommandLine() == cmd ? "oomlint --help" : "oomlint " + sub + " --help";
        err.println("error: " + oneLine(ex.getMessage()) + " (see '" + help + "')");
        err.flush();
        return 2;
      });
      cmd.setExecutionExceptionHandler((ex, c, parsed) -> internalError(err, ex));
      int code = cmd.execute(args);
      out.flush();
      // what rules, rule and debug print is lost on a full or closed stdout too (check says so itself;
      // the server's stdout is the client's pipe, closed when the client goes)
      if (code != 2 && !(args.length > 0 && "server".equals(args[0])) && io.out().checkError()) {
        err.println("error: writing to standard output failed (disk full or output closed?); the output is incomplete");
        code = 2;
      }
      err.flush();
      return code;
    } catch (Throwable t) { // last line of defence: never a stack trace
      io.err().println("error: internal error: " + oneLine(String.valueOf(t)));
      io.err().flush();
      return 2;
    }
  }

  private static int internalError(PrintWriter err, Exception ex) {
    err.println("error: " + FileProblem.internalErrorMessage("", oneLine(String.valueOf(ex))));
    err.flush();
    return 2;
  }

  static String oneLine(String s) {
    if (s == null) {
      return "";
    }
    String t = s.strip();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl).strip();
  }

  @Override
  public Integer call() {
    self.usage(self.getErr());
    return 2;
  }

  /** Prints {@code oomlint <version>}. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"oomlint " + Version.get()};
    }
  }
}
