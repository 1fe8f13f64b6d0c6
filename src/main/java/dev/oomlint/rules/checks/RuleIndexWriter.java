package dev.oomlint.rules.checks;

import dev.oomlint.rules.RuleIndex;
import dev.oomlint.build.DataClassWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Build step (run by Maven after compiling): embeds the {@link RuleIndex} of the built-in rules'
 * {@code @RuleInfo} annotations in the class {@code dev.oomlint.rules.RuleIndexData} in the classes
 * directory {@code args[0]}.
 */
public final class RuleIndexWriter {
  private RuleIndexWriter() {}

  public static void main(String[] args) throws IOException {
    StringWriter w = new StringWriter();
    RuleIndex.write(RuleRegistry.all(), w);
    DataClassWriter.write(Path.of(args[0]), "dev.oomlint.rules.RuleIndexData", w.toString().getBytes(StandardCharsets.UTF_8));
  }
}
