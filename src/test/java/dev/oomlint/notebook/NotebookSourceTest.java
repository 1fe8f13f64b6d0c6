package dev.oomlint.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomlint.ast.SourceRange;
import dev.oomlint.diagnostics.Edit;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotebookSourceTest {
  private static Edit replace(NotebookSource s, String find, String with) {
    int at = s.file().text().indexOf(find);
    assertTrue(at >= 0, find);
    return Edit.replace(new SourceRange(at, at + find.length()), with);
  }

  private static String apply(NotebookSource s, Edit... edits) {
    try {
      return s.applyEdits(List.of(edits));
    } catch (NotebookEditException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  private static String sourceOf(String raw, int cellIndex) throws NotebookException {
    return Notebook.parse(raw).cells().get(cellIndex).source();
  }

  @Test
  void codeCellsAreJoinedInOrderWithAnIndexBack() {
    NotebookSource s = Nb.notebook().markdown("# t").code("import torch").code("x = 1\ny = 2\n")
        .code("").code("%%bash\nls").code("z").source();
    assertEquals("import torch\nx = 1\ny = 2\n\n\nz\n", s.file().text());
    assertEquals("nb.ipynb", s.file().path());
    int[][] expected = {{2, 1}, {3, 1}, {3, 2}, {5, 1}, {5, 2}, {6, 1}};
    for (int line = 1; line <= expected.length; line++) {
      assertEquals(expected[line - 1][0], s.cell(line), "cell of line " + line);
      assertEquals(expected[line - 1][1], s.lineInCell(line), "line in cell of line " + line);
    }
    int y = s.file().text().indexOf("2\n");
    assertEquals("cell 3:2:5", s.position(y).toString());
    assertEquals("cell 6:1:1", s.position(s.file().text().indexOf('z')).toString());
  }

  @Test
  void rawOffsetsLandOnTheSameCharacterOfTheRawFile() {
    NotebookSource s = Nb.notebook().code("import torch\n").code("a = \"\\t\"; b = 'é'\nc = 3").source();
    String raw = s.notebook().raw();
    String text = s.file().text();
    for (String probe : List.of("import", "b = ", "c = 3", "3")) {
      int off = text.indexOf(probe);
      int r = s.rawOffset(off);
      assertEquals(probe.charAt(0), raw.charAt(r), probe);
      String rawLine = s.rawLines().lineText(s.rawLine(off));
      assertTrue(rawLine.trim().startsWith("\""), rawLine);
      assertEquals(r, s.rawRange(new SourceRange(off, off)).start());
    }
    int c = text.indexOf("c = 3");
    assertTrue(s.rawLine(c) > s.rawLine(text.indexOf("b = ")), "a list source has one JSON line per source line");
    // the end of a cell without a final newline: its last closing quote
    assertEquals('"', raw.charAt(s.rawOffset(text.length())));
  }

  @Test
  void singleStringSourcesMapWithinTheirOneRawLine() {
    NotebookSource s = Nb.notebook().codeString("import torch\nloss = 1\n").source();
    int off = s.file().text().indexOf("loss");
    assertEquals("cell 1:2:1", s.position(off).toString());
    assertEquals('l', s.notebook().raw().charAt(s.rawOffset(off)));
    assertEquals(s.rawLine(0), s.rawLine(off));
  }

  @Test
  void positionsOnKeptMagicStatementsMapToTheStatementInTheCell() {
    NotebookSource s = Nb.notebook().code("for i in r:\n    %time opt.zero_grad()").source();
    String text = s.file().text();
    assertEquals("for i in r:\n    opt.zero_grad()\n", text);
    int off = text.indexOf("opt");
    assertEquals("cell 1:2:11", s.position(off).toString()); // its column in the cell
    assertEquals(5, s.file().lines().column(off)); // and in the joined text
    assertEquals('o', s.notebook().raw().charAt(s.rawOffset(off)));
    assertEquals("opt.zero_grad", s.notebook().raw().substring(s.rawOffset(off), s.rawOffset(off) + 13));
  }

  @Test
  void nonPythonNotebooksHaveNothingToLint() {
    NotebookSource s = Nb.notebook().kernel("R").code("x <- c(1, 2)").source();
    assertTrue(s.isEmpty());
    assertEquals("", s.file().text());
    assertEquals(0, s.cell(1));
    assertEquals("the notebook has no Python code cell to edit", s.refusal(List.of(Edit.insert(0, "x"))));
  }

  @Test
  void noEditsAndNoOpEditsKeepTheFileByteIdentical() throws NotebookEditException {
    NotebookSource s = Nb.notebook().code("import torch\nx = 1").code("y = 2").source();
    String raw = s.notebook().raw();
    assertEquals(raw, s.applyEdits(List.of()));
    assertEquals(raw, s.applyEdits(List.of(replace(s, "x = 1", "x = 1"), replace(s, "y", "y"))));
    assertTrue(s.rawEdits(List.of(replace(s, "x = 1", "x = 1"))).isEmpty());
  }

  @Test
  void anEditRewritesOnlyThatCellsSourceInNbformatLayout() throws Exception {
    NotebookSource s = Nb.notebook().code("import torch").code("total = 0\nfor b in d:\n    total += loss\nprint(total)")
        .code("z = 3").source();
    String raw = s.notebook().raw();
    String out = apply(s, replace(s, "total += loss", "total += loss.item()"));
    assertEquals(raw.replace("\"    total += loss\\n\"", "\"    total += loss.item()\\n\""), out);
    assertEquals("total = 0\nfor b in d:\n    total += loss.item()\nprint(total)", sourceOf(out, 1));
  }

  @Test
  void addingLinesLaysOutTheListLikeNbformat() throws Exception {
    NotebookSource s = Nb.notebook().code("x = 1").source();
    String out = apply(s, Edit.insert(0, "import torch\n"));
    String expected = Nb.notebook().code("import torch\nx = 1").json();
    assertEquals(expected, out);
  }

  @Test
  void singleStringSourcesStayOneString() throws Exception {
    NotebookSource s = Nb.notebook().codeString("a = 1\nb = 2").source();
    String out = apply(s, replace(s, "b = 2", "b = \"é\"\nc = 3"));
    assertTrue(out.contains("\"source\": \"a = 1\\nb = \\\"é\\\"\\nc = 3\""), out);
  }

  @Test
  void theBreakAddedBetweenCellsNeverReachesTheFile() throws Exception {
    NotebookSource s = Nb.notebook().code("a = 1\nb = 2").code("c = 3").source();
    String text = s.file().text(); // "a = 1\nb = 2\nc = 3\n"
    int b = text.indexOf("b = 2");
    // deleting the whole last line of cell 1, its (added) line break included
    String out = apply(s, Edit.delete(new SourceRange(b, b + "b = 2\n".length())));
    assertEquals("a = 1", sourceOf(out, 0)); // as nbformat stores a cell: no final line break
    assertEquals("c = 3", sourceOf(out, 1));
    // replacing a last line together with its break
    out = apply(s, Edit.replace(new SourceRange(b, b + "b = 2\n".length()), "b = 20\n"));
    assertEquals("a = 1\nb = 20", sourceOf(out, 0));
    // inserting at the very end of the joined text appends to the last cell
    out = apply(s, Edit.insert(text.length(), "import gc\n"));
    assertEquals("c = 3\nimport gc", sourceOf(out, 1));
    // inserting at the start of a cell's first line belongs to that cell
    out = apply(s, Edit.insert(text.indexOf("c = 3"), "# hi\n"));
    assertEquals("# hi\nc = 3", sourceOf(out, 1));
    assertEquals("a = 1\nb = 2", sourceOf(out, 0));
  }

  @Test
  void editsAcrossCellsOrOnMagicsAreRefused() {
    NotebookSource s = Nb.notebook().code("x = 1\n%time f(x)\ny = 2").code("%%bash\nls").code("z = 1").source();
    String text = s.file().text();
    Edit across = Edit.replace(new SourceRange(text.indexOf("y = 2"), text.indexOf("z = 1") + 1), "");
    assertEquals("the edit spans more than one notebook cell", s.refusal(List.of(across)));
    assertEquals("the edit touches an IPython magic line", s.refusal(List.of(replace(s, "f(x)", "g(x)"))));
    int magicLine = text.indexOf("f(x)") - 0;
    assertEquals("the edit touches an IPython magic line", s.refusal(List.of(Edit.insert(magicLine + 2, "#"))));
    int bash = s.file().lines().lineStart(4);
    assertEquals("the edit touches a cell magic cell", s.refusal(List.of(Edit.insert(bash, "x"))));
    assertNull(s.refusal(List.of(replace(s, "y = 2", "y = 3"))));
    // a whole line before the magic line may still be removed
    assertNull(s.refusal(List.of(Edit.delete(new SourceRange(0, "x = 1\n".length())))));
    NotebookEditException e = assertThrows(NotebookEditException.class, () -> s.applyEdits(List.of(across)));
    assertEquals("the edit spans more than one notebook cell", e.getMessage());
  }

  @Test
  void editsOnLinesAroundMagicsKeepTheMagicText() throws Exception {
    NotebookSource s = Nb.notebook().code("x = 1\n!nvidia-smi\ny = 2").source();
    String out = apply(s, replace(s, "y = 2", "y = 3"), replace(s, "x = 1", "x = 0"));
    assertEquals("x = 0\n!nvidia-smi\ny = 3", sourceOf(out, 0));
  }

  @Test
  void overlappingEditsAreRefused() {
    NotebookSource s = Nb.notebook().code("abcdef").source();
    Edit a = Edit.replace(new SourceRange(0, 3), "x");
    Edit b = Edit.replace(new SourceRange(2, 4), "y");
    assertEquals("the edits overlap",
        assertThrows(NotebookEditException.class, () -> s.applyEdits(List.of(a, b))).getMessage());
  }

  @Test
  void asciiOnlyFilesGetAsciiEscapesInRewrittenCells() throws Exception {
    String raw = "{\"cells\": [{\"cell_type\": \"code\", \"source\": [\"# caf\\u00e9\\n\", \"x = 1\"]}], \"nbformat\": 4}";
    NotebookSource s = NotebookSource.of(Notebook.parse(raw), "a.ipynb");
    String out = apply(s, replace(s, "x = 1", "x = 'é'"));
    assertEquals(raw.replace("\"x = 1\"", "\"x = '\\u00e9'\""), out);
  }
}
