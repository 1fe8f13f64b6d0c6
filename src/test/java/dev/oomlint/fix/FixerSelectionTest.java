package dev.oomlint.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oomlint.ast.SourceRange;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.diagnostics.Edit;
import dev.oomlint.diagnostics.Fix;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The notebook fix round must choose exactly the fixes {@link Fixer} chooses for a script. */
class FixerSelectionTest {
  private static String apply(String text, List<Edit> edits) {
    StringBuilder sb = new StringBuilder();
    int pos = 0;
    for (Edit e : edits) {
      sb.append(text, pos, e.range().start()).append(e.content());
      pos = e.range().end();
    }
    return sb.append(text, pos, text.length()).toString();
  }

  @Test
  void selectionMatchesFixerOnRandomFixSets() {
    Random rnd = new Random(42);
    String text = "a = 1\r\nb = leak(a)\r\nc = hold(b)\r\nprint(a, b, c)\r\n";
    for (int round = 0; round < 2000; round++) {
      List<Diagnostic> ds = new ArrayList<>();
      int n = 1 + rnd.nextInt(6);
      for (int i = 0; i < n; i++) {
        List<Edit> edits = new ArrayList<>();
        int k = 1 + rnd.nextInt(2);
        for (int j = 0; j < k; j++) {
          int s = rnd.nextInt(text.length() + 3); // some fall outside the text: invalid fixes
          int e = Math.min(s + rnd.nextInt(4), text.length() + 3);
          String content = rnd.nextInt(4) == 0 ? "x\ny" : rnd.nextBoolean() ? "" : "z";
          edits.add(new Edit(new SourceRange(s, e), content));
        }
        Fix fix = rnd.nextBoolean() ? Fix.safe("f", edits.toArray(new Edit[0])) : Fix.unsafe("f", edits.toArray(new Edit[0]));
        ds.add(new Diagnostic("OOM00" + rnd.nextInt(3), "m", edits.get(0).range(), fix));
        if (rnd.nextInt(5) == 0) {
          ds.add(new Diagnostic("OOM009", "dup", edits.get(0).range(), fix)); // an identical fix
        }
      }
      Fixer.Round expected = Fixer.apply(text, ds, f -> f.applicability() == dev.oomlint.diagnostics.Applicability.SAFE);
      Fixer.Selection got = Fixer.select(text, ds,
          f -> f.applicability() == dev.oomlint.diagnostics.Applicability.SAFE);
      assertEquals(expected.fixed(), got.fixed(), "round " + round + ": " + ds);
      assertEquals(expected.codes(), got.codes(), "round " + round);
      assertEquals(expected.text(), apply(text, got.edits()), "round " + round + ": " + ds);
    }
  }
}
