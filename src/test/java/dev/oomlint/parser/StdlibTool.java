package dev.oomlint.parser;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Developer tool (not a test): parses every .py file under a directory and prints the files that
 * fail, the pass count, how many needed the LL stage, and the time. Usage: StdlibTool DIR [ROUNDS]
 */
public final class StdlibTool {
  private StdlibTool() {}

  public static void main(String[] args) throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.walk(Path.of(args[0]))) {
      files = s.filter(p -> p.toString().endsWith(".py") && Files.isRegularFile(p)).sorted()
          .collect(Collectors.toList());
    }
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    String[] texts = new String[files.size()];
    long bytes = 0;
    long lines = 0;
    for (int i = 0; i < files.size(); i++) {
      texts[i] = read(files.get(i));
      if (texts[i] != null) {
        bytes += texts[i].length();
        lines += texts[i].lines().count();
      }
    }
    for (int r = 0; r < rounds; r++) {
      long before = PythonFrontEnd.LL_FALLBACKS.get();
      long t0 = System.nanoTime();
      int ok = 0;
      int failed = 0;
      for (int i = 0; i < texts.length; i++) {
        if (texts[i] == null) {
          continue;
        }
        long fb = PythonFrontEnd.LL_FALLBACKS.get();
        ParseOutcome o = PythonFrontEnd.parse(texts[i]);
        if (o instanceof ParseOutcome.Parsed) {
          ok++;
        } else {
          failed++;
          if (r == rounds - 1) {
            SyntaxError e = ((ParseOutcome.Failed) o).error();
            dev.oomlint.ast.LineIndex li = new dev.oomlint.ast.LineIndex(texts[i]);
            int off = Math.min(e.offset(), texts[i].length());
            System.out.println("FAIL " + files.get(i) + ": " + e.message() + " " + li.line(off) + ":"
                + (li.utf8ByteColumn(off) + 1));
          }
        }
        if (r == rounds - 1 && System.getenv("SHOW_LL") != null && PythonFrontEnd.LL_FALLBACKS.get() != fb) {
          System.out.println("LL " + files.get(i));
        }
      }
      long ms = (System.nanoTime() - t0) / 1_000_000;
      System.out.printf("round %d: %d ok, %d failed, %d LL fallbacks, %d ms, %d lines, %.0f lines/s, %.1f MB/s%n",
          r, ok, failed, PythonFrontEnd.LL_FALLBACKS.get() - before, ms, lines, lines * 1000.0 / Math.max(1, ms),
          bytes / 1e6 * 1000.0 / Math.max(1, ms));
    }
  }

  private static String read(Path p) throws IOException {
    byte[] b = Files.readAllBytes(p);
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(b)).toString();
    } catch (CharacterCodingException e) {
      return new String(b, StandardCharsets.ISO_8859_1);
    }
  }
}
