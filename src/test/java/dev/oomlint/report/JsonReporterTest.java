package dev.oomlint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class JsonReporterTest {
  private static String json(Report report) throws IOException {
    StringBuilder out = new StringBuilder();
    new JsonReporter(ReportFixtures.TOOL).write(report, out);
    return out.toString();
  }

  @Test
  void projectMatchesGolden() throws IOException {
    ReportFixtures.assertGolden("testdata/report/project.json", json(ReportFixtures.project()));
  }

  @Test
  void aCleanRunIsAnEmptyArray() throws IOException {
    assertEquals("[]\n", json(ReportFixtures.clean()));
  }

  @Test
  void everyFindingHasTheDocumentedFieldsInOrder() throws IOException {
    JsonArray findings = JsonParser.parseString(json(ReportFixtures.project())).getAsJsonArray();
    assertEquals(7, findings.size());
    for (JsonElement e : findings) {
      assertEquals(List.of("code", "end_location", "filename", "fix", "level", "location", "message", "noqa_row", "url"),
          List.copyOf(e.getAsJsonObject().keySet()));
      assertEquals(new TreeSet<>(e.getAsJsonObject().keySet()).stream().toList(), List.copyOf(e.getAsJsonObject().keySet()));
    }
  }

  @Test
  void columnsCountCodePointsAndEndsAreExclusive() throws IOException {
    JsonArray findings = JsonParser.parseString(json(ReportFixtures.project())).getAsJsonArray();
    JsonObject cached = findings.get(3).getAsJsonObject();
    assertEquals("OOM901", cached.get("code").getAsString());
    assertEquals("testdata/sarif/project/src/my model.py", cached.get("filename").getAsString());
    // cache = {"é😀": torch.ones(3)} : the emoji is one code point, so `torch` starts at column 16
    assertEquals(position(7, 16), cached.get("location"));
    assertEquals(position(7, 29), cached.get("end_location"));
    assertEquals(7, cached.get("noqa_row").getAsInt());
    JsonObject fix = cached.getAsJsonObject("fix");
    assertEquals("safe", fix.get("applicability").getAsString());
    assertEquals("Store `.detach()`", fix.get("message").getAsString());
    JsonObject edit = fix.getAsJsonArray("edits").get(0).getAsJsonObject();
    assertEquals(".detach()", edit.get("content").getAsString());
    assertEquals(position(7, 29), edit.get("location"));
    assertEquals(position(7, 29), edit.get("end_location"));
    assertEquals("https://github.com/oomlint/oomlint/blob/main/rules/OOM901.md", cached.get("url").getAsString());
  }

  @Test
  void fixesAreReportedAsTheRuleMadeThem() throws IOException {
    JsonArray findings = JsonParser.parseString(json(ReportFixtures.project())).getAsJsonArray();
    JsonObject delete = findings.get(6).getAsJsonObject();
    assertEquals("error", delete.get("level").getAsString());
    JsonObject fix = delete.getAsJsonObject("fix");
    assertEquals("unsafe", fix.get("applicability").getAsString());
    JsonObject edit = fix.getAsJsonArray("edits").get(0).getAsJsonObject();
    assertEquals("", edit.get("content").getAsString());
    assertEquals(position(12, 1), edit.get("location"));
    assertEquals(position(13, 1), edit.get("end_location"));
  }

  @Test
  void filesThatCouldNotBeAnalysedHaveNoCode() throws IOException {
    JsonArray findings = JsonParser.parseString(json(ReportFixtures.project())).getAsJsonArray();
    JsonObject syntax = findings.get(0).getAsJsonObject();
    assertTrue(syntax.get("code").isJsonNull());
    assertEquals("error", syntax.get("level").getAsString());
    assertEquals(position(1, 7), syntax.get("location"));
    assertTrue(syntax.get("fix").isJsonNull());
    assertTrue(syntax.get("noqa_row").isJsonNull());
    assertTrue(syntax.get("url").isJsonNull());
    JsonObject unreadable = findings.get(1).getAsJsonObject();
    assertEquals("testdata/sarif/project/binary.py", unreadable.get("filename").getAsString());
    assertEquals(position(1, 1), unreadable.get("location"));
  }

  private static JsonObject position(int row, int column) {
    JsonObject o = new JsonObject();
    o.addProperty("column", column);
    o.addProperty("row", row);
    return o;
  }
}
