package dev.oomlint.parser;

import dev.oomlint.build.DataClassWriter;
import dev.oomlint.parser.antlr.DfaSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Build step (run by Maven after compiling): parses the given files and directories' {@code .py}
 * files and embeds the lexer's and parser's DFAs as those parses left them in
 * {@code CLASSES/dev/oomlint/parser/antlr/DfaSnapshotData.class} (see {@link DfaSnapshot}).
 * Usage: {@code DfaSnapshotWriter CLASSES PATH...}.
 */
public final class DfaSnapshotWriter {
  private DfaSnapshotWriter() {}

  public static void main(String[] args) throws IOException {
    System.setProperty("oomlint.dfa-snapshot", "off"); // build the DFAs from scratch, not from an older snapshot
    List<Path> files = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      Path root = Path.of(args[i]);
      if (Files.isDirectory(root)) {
        try (Stream<Path> walk = Files.walk(root)) {
          walk.filter(p -> p.toString().endsWith(".py") && Files.isRegularFile(p)).forEach(files::add);
        }
      } else if (Files.isRegularFile(root)) {
        files.add(root);
      }
    }
    files.sort(null);

    for (Path p : files) {
      String text;
      try {
        text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
      } catch (IOException e) {
        continue;
      }
      PythonFrontEnd.parse(text);

    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DfaSnapshot.write(bytes);
    DataClassWriter.write(Path.of(args[0]), DfaSnapshot.DATA_CLASS, bytes.toByteArray());
  }
}
