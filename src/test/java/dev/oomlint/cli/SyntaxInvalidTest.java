package dev.oomlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomlint.testing.Cli;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every input in {@code testdata/syntax-invalid/} through {@code oomlint check}, in process, with the
 * real parser: the first line printed is the one in the file's {@code .expected} sidecar, the exit
 * code is 1 for a problem (0 for inputs that are fine), nothing goes to stderr and no stack trace
 * appears. The inputs too big to commit are generated here.
 */
class SyntaxInvalidTest {
  private static final Path DIR = Path.of("testdata", "syntax-invalid").toAbsolutePath();

  @TempDir
  Path tmp;

  static Stream<String> inputs() throws IOException {
    try (Stream<Path> s = Files.list(DIR)) {
      List<String> names = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".py")).sorted().toList();
      assertTrue(names.size() >= 10, "expected the committed inputs, found " + names);
      return names.stream();
    }
  }

  private static String expected(String name) throws IOException {
    return Files.readString(DIR.resolve(name + ".expected"), StandardCharsets.UTF_8).strip();
  }

  @ParameterizedTest
  @MethodSource("inputs")
  void eachInputAlone(String name) throws IOException {
    Cli.Run r = new Cli(DIR).run("check", name);
    String want = expected(name);
    assertEquals(want, r.out().lines().findFirst().orElse(""), r.toString());
    assertEquals(want.equals("All checks passed!") ? 0 : 1, r.code(), r.toString());
    assertEquals("", r.err());
  }

  @Test
  void allInputsInOneRunEachReportedForItselfInPathOrder() throws IOException {
    Cli.Run r = new Cli(DIR).run("check", ".");
    assertEquals(1, r.code());
    List<String> headers = new ArrayList<>();
    for (String line : r.out().lines().toList()) {
      if (line.matches("^[a-z0-9_]+\\.py:.*")) {
        headers.add(line);
      }
    }
    List<String> want = new ArrayList<>();
    for (String name : inputs().toList()) {
      String e = expected(name);
      if (!e.equals("All checks passed!")) {
        want.add(e);
      }
    }
    assertEquals(want, headers);
    assertTrue(r.out().endsWith("Found " + want.size() + " problems.\n"), r.out());
  }

  @Test
  void tenThousandNestedParentheses() throws IOException {
    Files.writeString(tmp.resolve("parens.py"), "x = " + "(".repeat(10_000) + "a" + ")".repeat(10_000) + "\n");
    Cli.Run r = new Cli(tmp).run("check", "parens.py");
    assertEquals(1, r.code());
    assertEquals("parens.py:1:205: SyntaxError: too many nested parentheses", r.out().lines().findFirst().orElse(""));
  }

  @Test
  void fiftyThousandTermChain() throws IOException {
    String chain = "x = " + "a+".repeat(49_999) + "leak()\n";
    Files.writeString(tmp.resolve("chain.py"), chain);
    Cli.Run r = new Cli(tmp).run("check", "chain.py");
    assertEquals(1, r.code(), r.toString().substring(0, Math.min(2000, r.toString().length())));
    assertEquals("chain.py:1:" + (chain.indexOf("leak") + 1) + ": OOM001 [*] `leak()` keeps the tensor alive;"
        + " call `free()` instead", r.out().lines().findFirst().orElse(""));
    assertTrue(r.out().endsWith("Found 1 problem (1 fixable with --fix).\n"));
  }

  @Test
  void twentyMegabyteFile() throws IOException {
    Path big = tmp.resolve("big.py");
    long size = 0;
    int lines = 0;
    String data = "TABLE_" + "%d" + " = \"" + "0123456789abcdef".repeat(60) + "\"  # a generated lookup table\n";
    String code = "losses.append(loss.item())\n";
    try (BufferedWriter w = Files.newBufferedWriter(big)) {
      while (size < 20_000_000) {
        String line = lines % 10 == 9 ? code : String.format(data, lines);
        w.write(line);
        size += line.length();
        lines++;
      }
      w.write("leak()\n");
      lines++;
    }
    assertTrue(Files.size(big) > 20_000_000);
    Cli.Run r = new Cli(tmp).run("check", "big.py");
    assertEquals(1, r.code(), r.out().lines().limit(5).toList().toString());
    assertEquals("big.py:" + lines + ":1: OOM001 [*] `leak()` keeps the tensor alive; call `free()` instead",
        r.out().lines().findFirst().orElse(""));
    assertFalse(r.out().contains("internal error"));
  }
}
