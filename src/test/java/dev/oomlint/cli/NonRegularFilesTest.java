package dev.oomlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.oomlint.testing.Cli;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzing found hangs: a FIFO named on the command line (or as {@code --config}) blocked forever, a
 * symbolic link to {@code /dev/zero} was read until memory ran out. Only regular files are read, up
 * to a size limit; anything else is that path's one-line error and the run goes on. Each test is
 * bounded by a timeout run on a separate thread, so a regression fails instead of hanging the build.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NonRegularFilesTest {
  private static final long MIB = 1L << 20;

  @TempDir
  Path tmp;

  private Cli cli() {
    return new Cli(tmp);
  }

  private Path write(String rel, String content) throws IOException {
    Path p = tmp.resolve(rel);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, content);
  }

  private Path fifo(String rel) throws Exception {
    Path p = tmp.resolve(rel);
    Files.createDirectories(p.getParent());
    Process mk;
    try {
      mk = new ProcessBuilder("mkfifo", p.toString()).redirectErrorStream(true).start();
    } catch (IOException e) {
      assumeTrue(false, "no mkfifo here");
      throw e;
    }
    assumeTrue(mk.waitFor() == 0, "mkfifo failed");
    return p;
  }

  /** A sparse file of {@code bytes} (no disk used, instant to make). */
  private Path sparse(String rel, long bytes) throws IOException {
    Path p = tmp.resolve(rel);
    Files.createDirectories(p.getParent());
    try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
      f.setLength(bytes);
    }
    return p;
  }

  private static List<String> errorLines(Cli.Run r, String path) {
    return r.out().lines().filter(l -> l.startsWith(path + ":")).toList();
  }

  @Test
  void aFifoOnTheCommandLineIsThatPathsErrorAndTheRunGoesOn() throws Exception {
    fifo("pipe.py");
    write("a.py", "x = leak()\n");
    Cli.Run r = cli().run("check", "--output-format", "concise", "pipe.py", "a.py");
    assertEquals(1, r.code(), r.toString());
    assertEquals(List.of("pipe.py: error: not a regular file (a FIFO); only regular files are read"),
        errorLines(r, "pipe.py"), r.toString());
    assertTrue(r.out().contains("a.py:1:5: OOM001"), r.toString());
    // alone, it exits as an unreadable file does
    assertEquals(1, cli().run("check", "pipe.py").code());
  }

  @Test
  void aFifoNamedAsConfigIsAConfigurationError() throws Exception {
    fifo("conf.toml");
    write("a.py", "x = 1\n");
    Cli.Run r = cli().run("check", "--config", "conf.toml", "a.py");
    assertEquals(2, r.code(), r.toString());
    assertEquals(1, r.err().lines().count(), r.toString());
    assertTrue(r.err().startsWith("error: cannot read configuration file "), r.toString());
    assertTrue(r.err().contains("conf.toml: not a regular file (a FIFO); only regular files are read"), r.toString());
  }

  @Test
  void aFifoNamedPyprojectTomlIsPassedOverInDiscovery() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("proj"));
    fifo("proj/pyproject.toml");
    write("proj/a.py", "x = leak()\n");
    Cli.Run r = cli().run("check", "proj");
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.out().contains("OOM001"), r.toString());
    assertTrue(Files.exists(dir));
  }

  @Test
  void aLinkToDevZeroIsNotRead() throws Exception {
    Path zero = Path.of("/dev/zero");
    assumeTrue(Files.exists(zero), "no /dev/zero here");
    Files.createSymbolicLink(tmp.resolve("zero.py"), zero);
    assumeTrue(Files.exists(Path.of("/dev/null")), "no /dev/null here");
    // another device: two names of one file are checked once
    Files.createSymbolicLink(tmp.resolve("zero.ipynb"), Path.of("/dev/null"));
    write("a.py", "x = 1\n");
    Cli.Run r = cli().run("check", "--output-format", "concise", "zero.py", "zero.ipynb", "a.py");
    assertEquals(1, r.code(), r.toString());
    assertEquals(List.of("zero.py: error: not a regular file (a character device); only regular files are read"),
        errorLines(r, "zero.py"), r.toString());
    assertEquals(List.of("zero.ipynb: error: not a regular file (a character device); only regular files are read"),
        errorLines(r, "zero.ipynb"), r.toString());
    Files.delete(tmp.resolve("zero.py")); // (JUnit warns about links that leave its directory)
    Files.delete(tmp.resolve("zero.ipynb"));
  }

  @Test
  void aFileAboveTheSizeLimitIsReportedNotRead() throws Exception {
    sparse("big.py", 65 * MIB);
    sparse("big.ipynb", 65 * MIB);
    write("a.py", "x = 1\n");
    Cli.Run r = cli().run("check", "--output-format", "concise", "big.py", "big.ipynb", "a.py");
    assertEquals(1, r.code(), r.toString());
    String expected = ": error: file is too large (65 MiB); the limit is 64 MiB (max-file-size, --max-file-size)";
    assertEquals(List.of("big.py" + expected), errorLines(r, "big.py"), r.toString());
    assertEquals(List.of("big.ipynb" + expected), errorLines(r, "big.ipynb"), r.toString());
  }

  @Test
  void theDirectoryWalkSkipsFifosAndReportsLargeFiles() throws Exception {
    fifo("src/pipe.py");
    sparse("src/big.py", 65 * MIB);
    write("src/a.py", "x = leak()\n");
    Cli.Run r = cli().run("check", "--output-format", "concise", "src");
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.out().contains("src/a.py:1:5: OOM001"), r.toString());
    assertEquals(1, errorLines(r, "src/big.py").size(), r.toString());
    assertTrue(errorLines(r, "src/pipe.py").isEmpty(), r.toString());
  }

  @Test
  void theLimitIsConfigurable() throws Exception {
    write("a.py", "x = leak()\n" + "# padding\n".repeat(20));
    Cli.Run flag = cli().run("check", "--output-format", "concise", "--max-file-size", "100", "a.py");
    assertEquals(1, flag.code(), flag.toString());
    assertEquals(List.of("a.py: error: file is too large (211 bytes); the limit is 100 bytes"
        + " (max-file-size, --max-file-size)"), errorLines(flag, "a.py"), flag.toString());
    assertTrue(cli().run("check", "--max-file-size=1K", "a.py").out().contains("OOM001"));

    write("pyproject.toml", "[tool.oomlint]\nmax-file-size = \"100\"\n");
    Cli.Run config = cli().run("check", "--output-format", "concise", "a.py");
    assertEquals(1, errorLines(config, "a.py").size(), config.toString());
    assertTrue(config.out().contains("the limit is 100 bytes"), config.toString());
    // the command line wins
    assertTrue(cli().run("check", "--max-file-size", "1MiB", "a.py").out().contains("OOM001"));
    write("pyproject.toml", "[tool.oomlint]\nmax-file-size = 100\n");
    assertTrue(cli().run("check", "a.py").out().contains("the limit is 100 bytes"));
    // a 65 MiB file is checked under a higher limit (all NUL bytes: refused for that, not its size)
    sparse("big.py", 65 * MIB);
    write("pyproject.toml", "[tool.oomlint]\nmax-file-size = \"128MiB\"\n");
    Cli.Run big = cli().run("check", "--output-format", "concise", "big.py");
    assertEquals(List.of("big.py: error: file contains NUL bytes; binary files are not analysed"),
        errorLines(big, "big.py"), big.toString());
  }

  @Test
  void aBadLimitIsAUsageError() throws Exception {
    write("a.py", "x = 1\n");
    Cli.Run r = cli().run("check", "--max-file-size", "lots", "a.py");
    assertEquals(2, r.code(), r.toString());
    assertEquals("error: invalid value 'lots' for '--max-file-size' (expected a size such as 64MiB, 500K"
        + " or 1000000)\n", r.err());
    write("pyproject.toml", "[tool.oomlint]\nmax-file-size = -3\n");
    Cli.Run c = cli().run("check", "a.py");
    assertEquals(2, c.code(), c.toString());
    assertTrue(c.err().contains("option 'max-file-size' in [tool.oomlint] must be a positive size"), c.toString());
    assertFalse(c.err().contains("Exception"), c.toString());
  }

  @Test
  void standardInputIsReadUpToTheLimit() throws Exception {
    Cli.Run r = cli().stdin("x = leak()\n" + "#".repeat(200)).run("check", "--max-file-size", "100", "-");
    assertEquals(2, r.code(), r.toString());
    assertEquals("error: standard input is larger than the limit of 100 bytes (max-file-size, --max-file-size)\n",
        r.err());
    assertTrue(cli().stdin("x = leak()\n").run("check", "--max-file-size", "100", "-").out().contains("OOM001"));
  }
}
