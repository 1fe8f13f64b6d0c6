package dev.oomlint.parser;

import dev.oomlint.parser.antlr.PythonLexer;
import dev.oomlint.parser.antlr.PythonParser;
import dev.oomlint.parser.antlr.TokenArray;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.atn.PredictionMode;

/** Developer tool: times lexing, lexing+parsing, and the whole front end over a directory. */
public final class PhaseTool {
  private PhaseTool() {}

  private static final java.lang.management.ThreadMXBean MX = java.lang.management.ManagementFactory.getThreadMXBean();

  private static long cpu() {
    return MX.getCurrentThreadCpuTime();
  }

  public static void main(String[] args) throws Exception {
    List<String> texts = new ArrayList<>();
    try (Stream<Path> s = Files.walk(Path.of(args[0]))) {
      for (Path p : (Iterable<Path>) s.filter(p -> p.toString().endsWith(".py"))::iterator) {
        try {
          texts.add(StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(p))).toString());
        } catch (Exception e) {
          // skip
        }
      }
    }
    long bytes = texts.stream().mapToLong(String::length).sum();
    for (int r = 0; r < Integer.parseInt(args[1]); r++) {
      long t0 = cpu();
      for (String t : texts) {
        new TokenArray(new PythonLexer(CharStreams.fromString(t)));
      }
      long t1 = cpu();
      for (String t : texts) {
        TokenArray ts = new TokenArray(new PythonLexer(CharStreams.fromString(t)));
        PythonParser p = new PythonParser(ts);
        p.removeErrorListeners();
        p.setErrorHandler(new BailErrorStrategy());
        p.getInterpreter().setPredictionMode(PredictionMode.SLL);
        try {
          p.file_input();
        } catch (RuntimeException e) {
          // ignore
        }
      }
      long t2 = cpu();
      for (String t : texts) {
        PythonFrontEnd.parseHere(t);
      }
      long t3 = cpu();
      System.out.printf("lex %.2f MB/s (%d ms)  lex+parse %d ms  all %d ms -> parse %d ms, build %d ms; all %.2f MB/s%n",
          bytes / 1e3 / ((t1 - t0) / 1e6), (t1 - t0) / 1000000, (t2 - t1) / 1000000, (t3 - t2) / 1000000,
          (t2 - t1 - (t1 - t0)) / 1000000, (t3 - t2 - (t2 - t1)) / 1000000, bytes / 1e3 / ((t3 - t2) / 1e6));
    }
  }
}
