package dev.oomlint.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.junit.jupiter.api.Test;

/** Ranged (incremental) document changes, with LSP's UTF-16 positions and every kind of line break. */
class IncrementalSyncTest {
  private static TextDocumentContentChangeEvent edit(int l1, int c1, int l2, int c2, String text) {
    return new TextDocumentContentChangeEvent(new Range(new Position(l1, c1), new Position(l2, c2)), text);
  }

  private static String apply(String text, TextDocumentContentChangeEvent... changes) {
    for (TextDocumentContentChangeEvent c : changes) {
      text = Documents.applyChange(text, c);
    }
    return text;
  }

  @Test
  void positionsCountUtf16CodeUnits() {
    // U+1F600 is two UTF-16 code units: character 3 is just after it
    assertEquals("a\uD83D\uDE00Zb\n", apply("a\uD83D\uDE00b\n", edit(0, 3, 0, 3, "Z")));
    assertEquals("aXb\n", apply("a\uD83D\uDE00b\n", edit(0, 1, 0, 3, "X")));
    // 'é' (one unit) and a CJK character (one unit, three UTF-8 bytes): not byte or code-point offsets
    assertEquals("é中!x = 1\n", apply("é中x = 1\n", edit(0, 2, 0, 2, "!")));
    // on the second line, after an astral character on the first
    assertEquals("\uD83D\uDE00\nab\n", apply("\uD83D\uDE00\nxab\n", edit(1, 0, 1, 1, "")));
  }

  @Test
  void everyLineBreakCountsAsOneLine() {
    assertEquals("onetwo\r\nthree", apply("one\r\ntwo\r\nthree", edit(0, 3, 1, 0, "")));
    assertEquals("one\r\nTWO\r\nthree", apply("one\r\ntwo\r\nthree", edit(1, 0, 1, 3, "TWO")));
    assertEquals("a\rB\rc", apply("a\rb\rc", edit(1, 0, 1, 1, "B")), "a lone CR ends a line too");
    assertEquals("a\nb\r\nC", apply("a\nb\r\nc", edit(2, 0, 2, 1, "C")));
  }

  @Test
  void positionsOutsideTheTextAreClamped() {
    assertEquals("one!\r\ntwo", apply("one\r\ntwo", edit(0, 99, 0, 99, "!")), "past a line's end: its end");
    assertEquals("one\r\ntwo\n# end\n", apply("one\r\ntwo", edit(7, 0, 7, 0, "\n# end\n")), "past the last line: the end");
    assertEquals("x", apply("abc", edit(0, 0, 5, 0, "x")));
  }

  @Test
  void changesOfOneNotificationApplyInOrder() {
    String text = "import torch\nloss = f()\n";
    String after = apply(text,
        edit(0, 0, 0, 0, "# header\n"),          // now "loss" is on line 2
        edit(2, 0, 2, 4, "value"),
        edit(2, 10, 2, 10, ".item()"),
        new TextDocumentContentChangeEvent("whole\n"), // a change without a range replaces everything
        edit(1, 0, 1, 0, "tail"));
    assertEquals("whole\ntail", after);
    assertEquals("# header\nimport torch\nvalue = f().item()\n", apply(text,
        edit(0, 0, 0, 0, "# header\n"), edit(2, 0, 2, 4, "value"), edit(2, 11, 2, 11, ".item()")));
  }

  @Test
  void deletingAcrossLinesAndInsertingLines() {
    String text = "a = 1\nb = 2\nc = 3\n";
    assertEquals("a = 3\n", apply(text, edit(0, 4, 2, 4, "")));
    assertEquals("a = 1\nx\ny\nb = 2\nc = 3\n", apply(text, edit(1, 0, 1, 0, "x\ny\n")));
    assertEquals("", apply(text, edit(0, 0, 3, 0, "")));
  }
}
