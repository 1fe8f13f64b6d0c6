package dev.oomlint.testing;

import dev.oomlint.ast.Mod;
import dev.oomlint.ast.SourceFile;
import dev.oomlint.parser.ParseOutcome;
import dev.oomlint.parser.PythonFrontEnd;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses test inputs with oomlint's front end; while that is not written yet, falls back to CPython's
 * own parser through {@link PyAstBridge}.
 */
public final class TestParser {
  private TestParser() {}

  private static Boolean frontEndWorks;

  private static boolean frontEndWorks() {
    if (frontEndWorks == null) {
      try {
        frontEndWorks = PythonFrontEnd.parse(new SourceFile("probe.py", "x = 1\n")) instanceof ParseOutcome.Parsed;
      } catch (UnsupportedOperationException e) {
        frontEndWorks = false;
      }
    }
    return frontEndWorks;
  }

  /** The module of {@code file}, or null on a syntax error. */
  public static Mod.Module parse(SourceFile file) {
    return parseAll(List.of(file)).get(0);
  }

  public static Mod.Module parse(String text) {
    return parse(new SourceFile("test.py", text));
  }

  /** Parses many files at once (one CPython process when falling back). */
  public static List<Mod.Module> parseAll(List<SourceFile> files) {
    List<Mod.Module> out = new ArrayList<>();
    if (frontEndWorks()) {
      for (SourceFile f : files) {
        ParseOutcome o = PythonFrontEnd.parse(f);
        out.add(o instanceof ParseOutcome.Parsed p ? p.module() : null);
      }
      return out;
    }
    List<String> texts = new ArrayList<>();
    for (SourceFile f : files) {
      texts.add(f.text());
    }
    return PyAstBridge.parseAll(texts);
  }
}
