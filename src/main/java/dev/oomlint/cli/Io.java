package dev.oomlint.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * The outside world of one command-line run: standard streams, working directory, environment,
 * and whether standard output is a terminal. Tests run {@link Main#run} in-process with their own.
 */
public record Io(InputStream in, PrintStream out, PrintStream err, Path cwd, Map<String, String> env,
    boolean terminal) {

  public static Io system() {
    return new Io(System.in, System.out, System.err, Path.of("").toAbsolutePath(), System.getenv(),
        System.console() != null);
  }

  /** Colour only on a terminal, and never when {@code NO_COLOR} is set to anything non-empty. */
  public boolean color() {
    String noColor = env.get("NO_COLOR");
    return terminal && (noColor == null || noColor.isEmpty());
  }
}
