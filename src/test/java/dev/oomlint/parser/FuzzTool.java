package dev.oomlint.parser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Developer tool: parses random mutations of the corpus; prints any input that throws. */
public final class FuzzTool {
  private FuzzTool() {}

  static final String[] PIECES = {"(", ")", "[", "]", "{", "}", ":", ",", "=", "*", "**", " ", "\n", "\t", "\"", "'",
    "f\"", "{x}", "lambda", "if", "else", "for", "in", "not", "match", "case", "type", "_", "async", "await", "yield",
    "@", ".", "\\", "#", "1", "x", "def", "class", "return", "del", ";", "->", ":=", "!r", "=", "  ", "\n  ", "'''"};

  public static void main(String[] args) throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.walk(Path.of(args[0]))) {
      files = s.filter(p -> p.toString().endsWith(".py")).sorted().collect(Collectors.toList());
    }
    int n = Integer.parseInt(args[1]);
    Random r = new Random(Long.parseLong(args.length > 2 ? args[2] : "1"));
    int crashes = 0;
    for (int i = 0; i < n; i++) {
      String t = new String(Files.readAllBytes(files.get(r.nextInt(files.size()))), StandardCharsets.UTF_8);
      String m = FuzzTool.mutate(t, r);
      try {
        ParseOutcome o = PythonFrontEnd.parse(m);
        if (o instanceof ParseOutcome.Failed f && (f.error().offset() < 0 || f.error().offset() > m.length())) {
          System.out.println("BAD OFFSET " + f.error() + " len " + m.length());
        }
      } catch (Throwable e) {
        crashes++;
        if (crashes < 10) {
          Path out = Path.of("/tmp/ph/crash" + crashes + ".py");
          Files.writeString(out, m);
          System.out.println("CRASH " + out + ": " + e);
          e.printStackTrace(System.out);
        }
      }
    }
    System.out.println("done, crashes: " + crashes);
  }

  static String mutate(String t, Random r) {
    StringBuilder sb = new StringBuilder(t);
    int k = 1 + r.nextInt(4);
    for (int j = 0; j < k && sb.length() > 0; j++) {
      int pos = r.nextInt(sb.length());
      switch (r.nextInt(3)) {
        case 0 -> sb.deleteCharAt(pos);
        case 1 -> sb.insert(pos, PIECES[r.nextInt(PIECES.length)]);
        default -> {
          int end = Math.min(sb.length(), pos + r.nextInt(20));
          sb.delete(pos, end);
        }
      }
    }
    return sb.toString();
  }
}
