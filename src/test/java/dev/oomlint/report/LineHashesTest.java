package dev.oomlint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineHashesTest {
  /**
   * Values computed outside this code base from the closed form sum(c[s+k] * 37^(99-k)) mod 2^64
   * (Python big integers), and cross-checked against the upload action's own rolling hash run under
   * Node.js. 65535 * 37^99 mod 2^64 = c129715d7a2bc9a3 is the hash of a line that holds only the
   * end-of-file marker.
   */
  @Test
  void handComputedValues() {
    assertEquals(List.of("c129715d7a2bc9a3:1"), LineHashes.compute(""));
    assertEquals(List.of("53b5d4aabe50d64:1"), LineHashes.compute("a"));
    assertEquals(List.of("8e00d41f0ebba6bf:1", "c129715d7a2bc9a3:1"), LineHashes.compute("x = 1\n"));
    assertEquals(List.of("a0cdc844e724f1c6:1", "214e85a04ca18837:1", "44f2cd04c43b58f4:1"),
        LineHashes.compute("\tfoo  bar\r\nfoo bar\rbaz"));
    assertEquals(List.of("16a367e7bde89037:1", "c129715d7a2bc9a3:1"), LineHashes.compute("é😀\n"));
  }

  @Test
  void identicalWindowsAreNumberedByOccurrence() {
    List<String> hashes = LineHashes.compute("x\n".repeat(60));
    assertEquals(61, hashes.size());
    assertEquals(List.of("c0fe7b2700d6c254:1", "c0fe7b2700d6c254:2", "c0fe7b2700d6c254:3"), hashes.subList(0, 3));
    // only lines whose 100-unit window lies inside the 120 units of "x\n" share it: starts 0, 2, .., 20
    assertEquals(11, Collections.frequency(hashes.stream().map(h -> h.substring(0, h.indexOf(':'))).toList(),
        "c0fe7b2700d6c254"));
  }

  @Test
  void spacesTabsAndLineEndingsDoNotMatter() {
    assertEquals(LineHashes.compute("a\nb\n"), LineHashes.compute("a\r\nb\r\n"));
    assertEquals(LineHashes.compute("a\nb\n"), LineHashes.compute("a\rb\r"));
    assertEquals(LineHashes.compute("ab = 1\n"), LineHashes.compute("  a\tb=1 \n"));
    assertNotEquals(LineHashes.compute("a\n\nb"), LineHashes.compute("a\nb"));
    // a space between CR and LF makes two line breaks, as in the action
    assertEquals(3, LineHashes.compute("a\r \nb").size());
  }

  @Test
  void forLineIsOneBased() {
    assertEquals(LineHashes.compute("a\nb\n").get(1), LineHashes.forLine("a\nb\n", 2));
    assertEquals(null, LineHashes.forLine("a\nb\n", 4));
  }

  @Test
  void matchesAnIndependentPythonReimplementation(@TempDir Path dir) throws Exception {
    assumeTrue(pythonAvailable(), "python3 is not installed");
    Path script = dir.resolve("line_hashes.py");
    try (InputStream in = getClass().getResourceAsStream("line_hashes.py")) {
      Files.copy(in, script);
    }
    Random random = new Random(20261126);
    String[] pieces = {"a", "x", "loss", " ", "  ", "\t", "\n", "\r", "\r\n", "\r \n", "é", "😀", "\ufeff", "(", ")",
        "=", "import torch\n", "    losses.append(loss)\n", "\n\n"};
    List<String> texts = new ArrayList<>();
    List<String> files = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      StringBuilder text = new StringBuilder();
      int length = i % 5 == 0 ? random.nextInt(3) : random.nextInt(400);
      for (int j = 0; j < length; j++) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      if (i % 7 == 3) {
        text.append("y = 2\n".repeat(40));
      }
      Path file = dir.resolve("t" + i + ".py");
      Files.writeString(file, text, StandardCharsets.UTF_8);
      texts.add(text.toString());
      files.add(file.toString());
    }
    List<String> command = new ArrayList<>(List.of("python3", script.toString()));
    command.addAll(files);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(true, process.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), output);

    StringBuilder expected = new StringBuilder();
    for (String text : texts) {
      List<String> hashes = LineHashes.compute(text);
      for (int line = 0; line < hashes.size(); line++) {
        expected.append(line + 1).append(' ').append(hashes.get(line)).append('\n');
      }
      expected.append("--\n");
    }
    assertEquals(expected.toString(), output);
  }

  private static boolean pythonAvailable() {
    try {
      Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
