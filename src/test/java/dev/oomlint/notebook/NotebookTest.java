package dev.oomlint.notebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonPrimitive;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NotebookTest {
  private static String error(String raw) {
    return assertThrows(NotebookException.class, () -> Notebook.parse(raw)).getMessage();
  }

  @Test
  void readsCellsInOrderWithNumbersAndKinds() {
    Notebook nb = Nb.notebook().markdown("# title").code("import torch\nx = 1").codeString("y = 2\n").parse();
    assertEquals(3, nb.cells().size());
    assertEquals(1, nb.cells().get(0).number());
    assertEquals("markdown", nb.cells().get(0).type());
    assertFalse(nb.cells().get(0).python());
    assertEquals("import torch\nx = 1", nb.cells().get(1).source());
    assertTrue(nb.cells().get(1).python());
    assertTrue(nb.cells().get(1).list());
    assertEquals("y = 2\n", nb.cells().get(2).source());
    assertFalse(nb.cells().get(2).list());
    assertEquals("python", nb.language());
  }

  @Test
  void nonPythonKernelsAndCellsAreNotLinted() {
    Notebook r = Nb.notebook().kernel("R").code("x <- 1").parse();
    assertEquals("R", r.language());
    assertFalse(r.cells().get(0).python());
    Notebook sql = Nb.notebook().code("SELECT 1").languageId("sql").code("x = 1").languageId("python").parse();
    assertFalse(sql.cells().get(0).python());
    assertTrue(sql.cells().get(1).python());
  }

  @Test
  void languageInfoNameWinsAndMissingMetadataMeansPython() throws NotebookException {
    Notebook nb = Notebook.parse("{\"cells\": [{\"cell_type\": \"code\", \"source\": \"x\"}], "
        + "\"metadata\": {\"language_info\": {\"name\": \"julia\"}, \"kernelspec\": {\"language\": \"python\"}}, \"nbformat\": 4}");
    assertEquals("julia", nb.language());
    assertFalse(nb.cells().get(0).python());
    Notebook bare = Notebook.parse("{\"cells\": [{\"cell_type\": \"code\", \"source\": \"x\"}], \"nbformat\": 4}");
    assertNull(bare.language());
    assertTrue(bare.cells().get(0).python());
  }

  @Test
  void badJsonSaysWhereInOneSentence() {
    assertEquals("notebook is not valid JSON: unterminated string at line 3, column 14",
        error("{\n \"cells\": [],\n \"metadata\": \"abc\n}"));
    assertEquals("notebook is not valid JSON: expected ',' or '}' after an object member at line 1, column 14",
        error("{\"cells\": [] \"x\": 1}"));
    assertEquals("notebook is empty", error("  "));
    assertEquals("notebook is not valid JSON: unexpected data after the top-level value at line 1, column 15",
        error("{\"cells\": []} x"));
    assertEquals("notebook is not valid JSON: expected a quoted member name at line 1, column 2",
        error("{'cells': []}"));
    assertEquals("notebook is not valid JSON: unexpected end of file at line 1, column 11", error("{\"cells\": "));
  }

  @Test
  void tooDeepNestingIsAnErrorNotACrash() {
    String deep = "{\"cells\": [], \"x\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}";
    assertTrue(error(deep).startsWith("notebook is not valid JSON: values nested more than 512 levels deep"));
  }

  @Test
  void notebookShapeErrors() {
    assertEquals("notebook is not a JSON object, as nbformat 4 requires", error("[{\"cells\": []}]"));
    assertEquals("notebook has no \"cells\" list, so it is not an nbformat 4 notebook",
        error("{\"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}"));
    assertEquals("notebook's \"cells\" is not a list", error("{\"cells\": {}, \"nbformat\": 4}"));
    assertEquals("notebook uses nbformat 3, which is not supported; upgrade it to nbformat 4 with "
        + "`jupyter nbconvert --to notebook --inplace FILE`",
        error("{\"nbformat\": 3, \"worksheets\": [{\"cells\": []}]}"));
    assertEquals("notebook uses nbformat 3, which is not supported; upgrade it to nbformat 4 with "
        + "`jupyter nbconvert --to notebook --inplace FILE`", error("{\"worksheets\": []}"));
    assertEquals("notebook's \"nbformat\" is not a number", error("{\"cells\": [], \"nbformat\": \"4\"}"));
    assertEquals("cell 2 is not a JSON object", error("{\"cells\": [{\"cell_type\": \"code\", \"source\": \"\"}, 7]}"));
    assertEquals("cell 1 has no \"cell_type\" string", error("{\"cells\": [{\"source\": \"\"}]}"));
    assertEquals("cell 1 has no \"source\"", error("{\"cells\": [{\"cell_type\": \"code\"}]}"));
    assertEquals("cell 1 has a \"source\" that is neither a string nor a list of strings",
        error("{\"cells\": [{\"cell_type\": \"code\", \"source\": 42}]}"));
    assertEquals("cell 1 has a \"source\" list with an element that is not a string",
        error("{\"cells\": [{\"cell_type\": \"code\", \"source\": [\"a\", null]}]}"));
  }

  @Test
  void readRejectsInvalidUtf8AndKeepsTheByteOrderMark() throws NotebookException {
    byte[] bad = "{\"cells\": [], \"x\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
    assertEquals("notebook is not valid UTF-8 (byte 0xe9 at line 1, column 24)",
        assertThrows(NotebookException.class, () -> Notebook.read(bad)).getMessage());
    String json = "{\"cells\": [{\"cell_type\": \"code\", \"source\": \"x = 1\"}]}";
    byte[] withBom = ("\uFEFF" + json).getBytes(StandardCharsets.UTF_8);
    Notebook nb = Notebook.read(withBom);
    assertTrue(nb.bom());
    assertEquals(json, nb.raw());
    assertArrayEquals(withBom, nb.encode(nb.raw()));
  }

  @Test
  void pythonJsonExtrasAndEscapesAreRead() throws NotebookException {
    Notebook nb = Notebook.parse("{\"cells\": [{\"cell_type\": \"code\", \"source\": [\"a = \\\"\\u00e9\\\\\\n\", \"b\\tc\"],"
        + " \"outputs\": [{\"v\": NaN, \"w\": -Infinity, \"z\": 1.5e-3}]}], \"nbformat\": 4}");
    assertEquals("a = \"\u00e9\\\nb\tc", nb.cells().get(0).source());
  }

  @Test
  void repeatedKeysKeepTheLastValueAsPythonDoes() throws NotebookException {
    Notebook nb = Notebook.parse("{\"cells\": [{\"cell_type\": \"code\", \"source\": \"old\", \"source\": \"new\"}]}");
    assertEquals("new", nb.cells().get(0).source());
    int at = nb.cells().get(0).rawOffset(nb.raw(), 0);
    assertEquals("new", nb.raw().substring(at, at + 3));
  }

  @Test
  void rawOffsetsPointIntoTheRightStringToken() {
    JsonArray src = new JsonArray();
    src.add(new JsonPrimitive("a\tb = 1\n"));
    src.add(new JsonPrimitive(""));
    src.add(new JsonPrimitive("c"));
    Notebook nb = Nb.notebook().cell("code", src).parse();
    Cell cell = nb.cells().get(0);
    String raw = nb.raw();
    assertEquals('a', raw.charAt(cell.rawOffset(raw, 0)));
    assertEquals("\\t", raw.substring(cell.rawOffset(raw, 1), cell.rawOffset(raw, 1) + 2));
    assertEquals('b', raw.charAt(cell.rawOffset(raw, 2)));
    assertEquals('c', raw.charAt(cell.rawOffset(raw, 8)));
    assertEquals('"', raw.charAt(cell.rawOffset(raw, 9))); // the end: the last closing quote
    assertEquals(raw.indexOf("\"c\"") + 2, cell.rawOffset(raw, 9));
  }
}
