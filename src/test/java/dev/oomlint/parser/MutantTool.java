package dev.oomlint.parser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Developer tool: writes N mutated corpus files to a directory (for differential runs against CPython). */
public final class MutantTool {
  private MutantTool() {}

  public static void main(String[] args) throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.walk(Path.of(args[0]))) {
      files = s.filter(p -> p.toString().endsWith(".py")).sorted().collect(Collectors.toList());
    }
    Random r = new Random(Long.parseLong(args[3]));
    for (int i = 0; i < Integer.parseInt(args[2]); i++) {
      String t = new String(Files.readAllBytes(files.get(r.nextInt(files.size()))), StandardCharsets.UTF_8);
      Files.write(Path.of(args[1], String.format("m%05d.py", i)), FuzzTool.mutate(t, r).getBytes(StandardCharsets.UTF_8));
    }
  }
}
