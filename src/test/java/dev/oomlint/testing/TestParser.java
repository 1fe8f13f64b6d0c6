package dev.oomlint.testing;

import dev.oomlint.ast.Mod;
import dev.oomlint.ast.SourceFile;
import dev.oomlint.parser.ParseOutcome;
import dev.oomlint.parser.PythonFrontEnd;
import java.util.ArrayList;
import java.util.List;

/** Parses test inputs with oomlint's front end; a syntax error gives null. */
public final class TestParser {
  private TestParser() {}

  /** The module of {@code file}, or null on a syntax error. */
  public static Mod.Module parse(SourceFile file) {
    ParseOutcome o = PythonFrontEnd.parse(file);
    return o instanceof ParseOutcome.Parsed p ? p.module() : null;
  }

  public static Mod.Module parse(String text) {
    return parse(new SourceFile("test.py", text));
  }

  /** Parses many files. */
  public static List<Mod.Module> parseAll(List<SourceFile> files) {
    List<Mod.Module> out = new ArrayList<>();
    for (SourceFile f : files) {
      out.add(parse(f));
    }
    return out;
  }
}
