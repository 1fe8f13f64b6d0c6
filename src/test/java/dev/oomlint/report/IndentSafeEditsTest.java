package dev.oomlint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.oomlint.ast.LineIndex;
import dev.oomlint.ast.SourceRange;
import dev.oomlint.diagnostics.Edit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IndentSafeEditsTest {
  private static final String TEXT = "def f(x):\n    y = x\n\n    if y:\n        del y\n    return x\n";

  @Test
  void editsThatStartAfterTheIndentationAreKept() {
    Edit edit = Edit.replace(new SourceRange(14, 15), "z");
    assertEquals(List.of(edit), adjust(TEXT, List.of(edit)));
  }

  @Test
  void deletingAWholeIndentedLineStartsAtTheEndOfTheLineBefore() {
    LineIndex lines = new LineIndex(TEXT);
    Edit delete = Edit.delete(new SourceRange(lines.lineStart(5), lines.lineStart(6)));
    List<Edit> adjusted = adjust(TEXT, List.of(delete));
    assertEquals(List.of(new Edit(new SourceRange(lines.lineEnd(4), lines.lineStart(6)), "\n")), adjusted);
  }

  @Test
  void insertingAtColumnOneOfAnIndentedLineMovesToTheLineBefore() {
    LineIndex lines = new LineIndex(TEXT);
    Edit insert = Edit.insert(lines.lineStart(6), "    print(x)\n");
    List<Edit> adjusted = adjust(TEXT, List.of(insert));
    assertEquals(List.of(new Edit(new SourceRange(lines.lineEnd(5), lines.lineStart(6)), "\n    print(x)\n")), adjusted);
  }

  @Test
  void aReplacementThatRepeatsTheIndentationStartsAfterIt() {
    LineIndex lines = new LineIndex(TEXT);
    Edit replace = Edit.replace(new SourceRange(lines.lineStart(2), lines.lineEnd(2)), "    y = x.detach()");
    assertEquals(List.of(new Edit(new SourceRange(lines.lineStart(2) + 4, lines.lineEnd(2)), "y = x.detach()")),
        adjust(TEXT, List.of(replace)));
  }

  @Test
  void aWidenedEditThatOverlapsItsNeighbourIsMergedWithIt() {
    LineIndex lines = new LineIndex(TEXT);
    Edit endOfLine4 = Edit.replace(new SourceRange(lines.lineEnd(4) - 2, lines.lineStart(5)), "z:\n");
    Edit deleteLine5 = Edit.delete(new SourceRange(lines.lineStart(5), lines.lineStart(6)));
    List<Edit> adjusted = adjust(TEXT, List.of(deleteLine5, endOfLine4));
    assertEquals(List.of(new Edit(new SourceRange(lines.lineEnd(4) - 2, lines.lineStart(6)), "z:\n")), adjusted);
  }

  @Test
  void aWidenedEditThatOnlyTouchesItsNeighbourStaysSeparate() {
    LineIndex lines = new LineIndex(TEXT);
    Edit endOfLine4 = Edit.replace(new SourceRange(lines.lineEnd(4) - 2, lines.lineEnd(4)), "z:");
    Edit deleteLine5 = Edit.delete(new SourceRange(lines.lineStart(5), lines.lineStart(6)));
    assertEquals(List.of(endOfLine4, new Edit(new SourceRange(lines.lineEnd(4), lines.lineStart(6)), "\n")),
        adjust(TEXT, List.of(deleteLine5, endOfLine4)));
  }

  @Test
  void anIndentedFirstLineIsLeftAlone() {
    String text = "  x = 1\n";
    Edit delete = Edit.delete(new SourceRange(0, 8));
    assertEquals(List.of(delete), adjust(text, List.of(delete)));
  }

  /**
   * Random indented texts and random non-overlapping edits (many starting inside indentation):
   * the adjusted edits give the same text as the originals, both applied directly and applied the
   * way the VS Code SARIF Viewer shifts them; and none starts inside indentation (past line 1).
   */
  @Test
  void adjustedEditsApplyAlikeEvenInTheSarifViewer() {
    Random random = new Random(42);
    String[] bodies = {"x = 1", "loss.backward()", "", "if y:", "del z", "\t# tab", "return torch.ones(3)"};
    String[] contents = {"", "z", "    ", "    del loss\n", "\n", "        y = 2", "\t", " pass", "a\n    b"};
    for (int round = 0; round < 2000; round++) {
      StringBuilder text = new StringBuilder("import torch\n");
      int lineCount = 1 + random.nextInt(6);
      for (int i = 0; i < lineCount; i++) {
        text.append(" ".repeat(4 * random.nextInt(3))).append(bodies[random.nextInt(bodies.length)]);
        text.append(random.nextInt(5) == 0 ? "\r\n" : "\n");
      }
      String source = text.toString();
      List<Edit> edits = randomEdits(random, source, contents);
      String expected = EditSimulator.apply(source, edits);
      List<Edit> adjusted = IndentSafeEdits.adjust(source, new LineIndex(source), edits);
      String context = "round " + round + ": " + edits + " on " + source.replace("\n", "\\n");
      assertEquals(expected, EditSimulator.apply(source, adjusted), context);
      assertEquals(expected, EditSimulator.applySarifLikeVsCode(source, asSarif(source, adjusted)), context);
      LineIndex lines = new LineIndex(source);
      for (Edit edit : adjusted) {
        int line = lines.line(edit.range().start());
        assertTrue(line == 1 || edit.range().start() >= IndentSafeEdits.firstNonWhitespace(source, lines, line), context);
      }
    }
  }

  private static List<Edit> randomEdits(Random random, String text, String[] contents) {
    List<Edit> edits = new ArrayList<>();
    int at = 0;
    int count = 1 + random.nextInt(3);
    for (int i = 0; i < count && at <= text.length(); i++) {
      int start = at + random.nextInt(Math.max(1, Math.min(12, text.length() - at + 1)));
      start = Math.min(start, text.length());
      if (start > 0 && start < text.length() && text.charAt(start - 1) == '\r' && text.charAt(start) == '\n') {
        start++;
      }
      int end = Math.min(text.length(), start + random.nextInt(10));
      if (end > 0 && end < text.length() && text.charAt(end - 1) == '\r' && text.charAt(end) == '\n') {
        end++;
      }
      edits.add(new Edit(new SourceRange(start, end), contents[random.nextInt(contents.length)]));
      at = end + 1;
    }
    return edits;
  }

  private static JsonArray asSarif(String text, List<Edit> edits) {
    LineIndex lines = new LineIndex(text);
    JsonArray replacements = new JsonArray();
    for (Edit edit : edits) {
      JsonObject replacement = SarifJson.tree(SarifReporter.exactRegion(lines, edit.range())).getAsJsonObject();
      JsonObject wrapper = new JsonObject();
      wrapper.add("deletedRegion", replacement);
      JsonObject inserted = new JsonObject();
      inserted.addProperty("text", edit.content());
      wrapper.add("insertedContent", inserted);
      replacements.add(wrapper);
    }
    return replacements;
  }

  private static List<Edit> adjust(String text, List<Edit> edits) {
    return IndentSafeEdits.adjust(text, new LineIndex(text), edits);
  }
}
