package dev.oomlint.ast;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the local {@code python3} for differential tests. A missing or broken python3 is an error,
 * never a skip: these tests are how we know our output matches CPython.
 */
final class Python3 {
  private Python3() {}

  /** Runs {@code python3 -c script}, feeding {@code stdin}, and returns its standard output (UTF-8). */
  static String run(String script, String stdin) {
    ProcessBuilder pb = new ProcessBuilder(List.of(executable(), "-X", "utf8", "-c", script));
    pb.environment().put("PYTHONIOENCODING", "utf-8");
    pb.environment().remove("PYTHONSTARTUP");
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new AssertionError(executable() + " is required for this test but could not be started: " + e.getMessage(), e);
    }
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      Thread outReader = pump(p.getInputStream(), out);
      Thread errReader = pump(p.getErrorStream(), err);
      try (OutputStream in = p.getOutputStream()) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("python3 did not finish in 120 s");
      }
      outReader.join();
      errReader.join();
      if (p.exitValue() != 0) {
        throw new AssertionError("python3 failed (exit " + p.exitValue() + "): "
            + err.toString(StandardCharsets.UTF_8));
      }
      return out.toString(StandardCharsets.UTF_8);
    } catch (IOException | InterruptedException e) {
      p.destroyForcibly();
      throw new AssertionError("talking to python3 failed: " + e, e);
    }
  }

  /**
   * {@code python3}, unless the environment variable {@code OOMLINT_PYTHON} names another
   * interpreter (developers use it to check the dump against other CPython versions).
   */
  static String executable() {
    String override = System.getenv("OOMLINT_PYTHON");
    return override == null || override.isBlank() ? "python3" : override;
  }

  /** The minor version of the local python3 (11 for 3.11). */
  static int minorVersion() {
    return Integer.parseInt(run("import sys; print(sys.version_info[1])", "").trim());
  }

  private static Thread pump(InputStream in, ByteArrayOutputStream sink) {
    Thread t = new Thread(() -> {
      try {
        in.transferTo(sink);
      } catch (IOException ignored) {
        // the process died; its exit code tells
      }
    });
    t.setDaemon(true);
    t.start();
    return t;
  }
}
