package dev.oomlint.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.oomlint.cli.Io;
import dev.oomlint.cli.Main;
import dev.oomlint.cli.Toolbox;
import dev.oomlint.parser.PythonFrontEnd;
import dev.oomlint.rules.Rule;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs {@code oomlint} in-process and captures what it prints. */
public final class Cli {
  /** Exit code and the two output streams of one run. */
  public record Run(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private final Path cwd;
  private Toolbox tools = new Toolbox(TestRules.standard(), PythonFrontEnd::parse, TestRules::page);
  private final Map<String, String> env = new HashMap<>();
  private boolean terminal;
  private byte[] stdin = new byte[0];
  private boolean stdoutFails;

  public Cli(Path cwd) {
    this.cwd = cwd;
  }

  /** {@code check --output-format=concise --exit-zero} followed by {@code args}: a check whose findings a test reads. */
  public static String[] conciseCheck(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "check";
    all[1] = "--output-format=concise";
    all[2] = "--exit-zero";
    System.arraycopy(args, 0, all, 3, args.length);
    return all;
  }

  /** Writes {@code content} to {@code root/rel}, creating its directories: a project file of a test. */
  public static Path write(Path root, String rel, String content) throws java.io.IOException {
    Path p = root.resolve(rel);
    java.nio.file.Files.createDirectories(p.getParent());
    return java.nio.file.Files.writeString(p, content);
  }

  public Cli rules(List<Rule> rules) {
    tools = new Toolbox(rules, tools.parser(), tools.pages());
    return this;
  }

  public Cli toolbox(Toolbox t) {
    tools = t;
    return this;
  }

  public Cli env(String key, String value) {
    env.put(key, value);
    return this;
  }

  public Cli terminal(boolean t) {
    terminal = t;
    return this;
  }

  public Cli stdin(String text) {
    stdin = text.getBytes(StandardCharsets.UTF_8);
    return this;
  }

  /** Standard output throws on every write, as a full disk or a closed pipe does. */
  public Cli stdoutFails() {
    stdoutFails = true;
    return this;
  }

  public Run run(String... args) {
    Run r = runRaw(args);
    assertNoStackTrace(r);
    return r;
  }

  /** Runs without asserting the absence of stack traces (for {@code --verbose}). */
  public Run runRaw(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream po = new PrintStream(stdoutFails ? new FailingStream() : out, true, StandardCharsets.UTF_8);
    PrintStream pe = new PrintStream(err, true, StandardCharsets.UTF_8);
    int code = Main.run(args, new Io(new ByteArrayInputStream(stdin), po, pe, cwd, env, terminal), tools);
    po.flush();
    pe.flush();
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** No run may ever show a Java stack trace. */
  public static void assertNoStackTrace(Run r) {
    for (String s : new String[] {r.out, r.err}) {
      assertFalse(s.contains("\tat ") || s.matches("(?s).*at [a-z]+\\.[\\w.$]+\\(.*")
          || s.contains("Exception in thread"), "stack trace in output:\n" + r);
    }
  }

  private static final class FailingStream extends java.io.OutputStream {
    @Override
    public void write(int b) throws java.io.IOException {
      throw new java.io.IOException("No space left on device");
    }

    @Override
    public void write(byte[] b, int off, int len) throws java.io.IOException {
      throw new java.io.IOException("No space left on device");
    }
  }
}
