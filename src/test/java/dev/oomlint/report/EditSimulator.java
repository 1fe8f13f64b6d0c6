package dev.oomlint.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.oomlint.ast.LineIndex;
import dev.oomlint.diagnostics.Edit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Applies edits the way oomlint does, and SARIF replacements the way the VS Code SARIF Viewer does. */
final class EditSimulator {
  /** JavaScript's {@code \s}, written out independently of the code under test. */
  private static final String JS_WHITESPACE =
      " \t\u000b\f\n\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
          + "\u2028\u2029\u202f\u205f\u3000\ufeff";

  private EditSimulator() {}

  private record Change(int start, int end, String content, int order) {}

  /** Non-overlapping edits on the original text, applied together. */
  static String apply(String text, List<Edit> edits) {
    List<Change> changes = new ArrayList<>();
    for (int i = 0; i < edits.size(); i++) {
      Edit e = edits.get(i);
      changes.add(new Change(e.range().start(), e.range().end(), e.content(), i));
    }
    return applyChanges(text, changes);
  }

  /**
   * SARIF replacements as the VS Code SARIF Viewer applies them: line/column (UTF-16) to offsets,
   * with the start moved to {@code max(firstNonWhitespaceCharacterIndex, startColumn - 1)}.
   */
  static String applySarifLikeVsCode(String text, JsonArray replacements) {
    LineIndex lines = new LineIndex(text);
    List<Change> changes = new ArrayList<>();
    int order = 0;
    for (JsonElement element : replacements) {
      JsonObject replacement = element.getAsJsonObject();
      JsonObject region = replacement.getAsJsonObject("deletedRegion");
      int startLine = region.get("startLine").getAsInt();
      int lineStart = lines.lineStart(startLine);
      int firstNonWhitespace = 0;
      String lineText = lines.lineText(startLine);
      while (firstNonWhitespace < lineText.length() && JS_WHITESPACE.indexOf(lineText.charAt(firstNonWhitespace)) >= 0) {
        firstNonWhitespace++;
      }
      int start = lineStart + Math.max(firstNonWhitespace, region.get("startColumn").getAsInt() - 1);
      int end = lines.lineStart(region.get("endLine").getAsInt()) + region.get("endColumn").getAsInt() - 1;
      JsonObject inserted = replacement.getAsJsonObject("insertedContent");
      String content = inserted == null || inserted.get("text") == null ? "" : inserted.get("text").getAsString();
      changes.add(new Change(start, Math.max(start, end), content, order++));
    }
    return applyChanges(text, changes);
  }

  private static String applyChanges(String text, List<Change> changes) {
    List<Change> sorted = new ArrayList<>(changes);
    sorted.sort(Comparator.comparingInt(Change::start).thenComparingInt(Change::order));
    StringBuilder out = new StringBuilder();
    int at = 0;
    for (Change c : sorted) {
      if (c.start() < at) {
        throw new IllegalArgumentException("overlapping edits at " + c.start());
      }
      out.append(text, at, c.start()).append(c.content());
      at = c.end();
    }
    return out.append(text.substring(at)).toString();
  }
}
