package dev.oomlint.parser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Developer tool: parses one file and prints the outcome kind, statement count and time. */
public final class ParseFileTool {
  private ParseFileTool() {}

  public static void main(String[] args) throws Exception {
    String text = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
    long t0 = System.nanoTime();
    ParseOutcome o = PythonFrontEnd.parse(text);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    if (o instanceof ParseOutcome.Parsed p) {
      System.out.println("parsed " + p.module().body().size() + " statements in " + ms + " ms");
    } else {
      System.out.println("failed: " + ((ParseOutcome.Failed) o).error() + " in " + ms + " ms");
    }
  }
}
