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

  /** For each for-loop of {@code code}, in order, how many passes its header shows (-1: unknown). */
  private static List<Long> passes(String code) {
    SourceFile f = new SourceFile("t.py", code);
    Mod.Module m = ((ParseOutcome.Parsed) PythonFrontEnd.parse(f)).module();
    SemanticModel sm = SemanticModel.build(f, m);
    List<Long> out = new ArrayList<>();
    AstWalker.walk(m, n -> {
      if (n instanceof Stmt.For) {
        out.add(Iterations.literalPasses(sm, (Stmt) n));
      }
    });
    return out;
  }

  @Test
  void literalPassesReadDictsLengthsSplittersAndRepeatedNumbers() {
    assertEquals(List.of(3L, 3L, 8L, 7L, 5L, 20L, -1L, -1L), passes("""
        from sklearn.model_selection import KFold
        configs = {"a": 1, "b": 2, "c": 3}
        for k in configs:
            pass
        for k, v in configs.items():
            pass
        sizes = [4, 8, 16, 32, 64, 128, 256, 450]
        for i in range(len(sizes)):
            pass
        for tr, te in KFold(7).split(X):
            pass
        cv = KFold(shuffle=True)
        for tr, te in cv.split(X):
            pass
        steps = 20
        steps = 20
        for i in range(steps):
            pass
        grown = [1, 2]
        grown.append(3)
        for g in grown:
            pass
        for i in range(n):
            pass
        """));
  }
}
