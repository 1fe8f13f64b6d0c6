package dev.oomlint.rules;

import dev.oomlint.ast.SourceFile;
import dev.oomlint.diagnostics.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Developer tool: prints the semantic rules' findings for files ({@code --fix} prints the fixed text). */
public final class DevCheck {
  private DevCheck() {}

  public static void main(String[] args) throws Exception {
    boolean fix = false;
    boolean write = false;
    for (String a : args) {
      if (a.equals("--fix")) {
        fix = true;
        continue;
      }
      if (a.equals("--write-fixed")) {
        write = true;
        continue;
      }
      SourceFile f = new SourceFile(a, Files.readString(Path.of(a), StandardCharsets.UTF_8));
      try {
        for (Diagnostic d : FixtureSupport.run(f)) {
          System.out.println(a + ":" + f.lines().line(d.range().start()) + ":" + f.lines().column(d.range().start())
              + ": " + d.code() + " " + d.message() + (d.fix() == null ? "" : " [" + d.fix().applicability() + "]"));
        }
        if (fix) {
          System.out.print(FixtureSupport.applyAllFixes(f));
        }
        if (write) {
          Files.writeString(Path.of(a.replaceAll("\\.py$", ".fixed.py")), FixtureSupport.applyAllFixes(f),
              StandardCharsets.UTF_8);
        }
      } catch (AssertionError | RuntimeException e) {
        System.out.println(a + ": ERROR " + e + " at " + (e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?")
            + (e.getStackTrace().length > 2 ? " / " + e.getStackTrace()[2] + " / " + e.getStackTrace()[3] : ""));
      }
    }
  }
}
