package dev.oomlint.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oomlint.ast.AstWalker;
import dev.oomlint.ast.Mod;
import dev.oomlint.ast.SourceFile;
import dev.oomlint.ast.Stmt;
import dev.oomlint.parser.ParseOutcome;
import dev.oomlint.parser.PythonFrontEnd;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IterationsTest {
  /** For each loop of {@code code}, in order, whether it waits for a person on every pass, read as file {@code path}. */
  private static List<Boolean> paced(String path, String code) {
    SourceFile f = new SourceFile(path, code);
    Mod.Module m = ((ParseOutcome.Parsed) PythonFrontEnd.parse(f)).module();
    SemanticModel sm = SemanticModel.build(f, m);
    List<Boolean> out = new ArrayList<>();
    AstWalker.walk(m, n -> {
      if (n instanceof Stmt.For || n instanceof Stmt.While) {
        out.add(Iterations.pacedByInput(sm, (Stmt) n));
      }
    });
    return out;
  }

  private static final String LOOPS = """
      import cv2
      import matplotlib.pyplot as plt
      for f in files:
          name = input("next? ")
      for f in files:
          plt.imshow(f)
          plt.show()
      for f in files:
          cv2.imshow("w", f)
          cv2.waitKey(0)
      for f in files:
          cv2.waitKey()
      for f in files:
          cv2.waitKey(1)
      for f in files:
          plt.show(block=False)
      for f in files:
          show()
      """;

  @Test
  void aScriptWaitsOnInputFigureWindowsAndKeyPresses() {
    assertEquals(List.of(true, true, true, true, false, false, false), paced("t.py", LOOPS));
  }

  @Test
  void aNotebookDrawsFiguresInlineWithoutWaiting() {
    assertEquals(List.of(true, false, true, true, false, false, false), paced("t.ipynb", LOOPS));
  }
}
