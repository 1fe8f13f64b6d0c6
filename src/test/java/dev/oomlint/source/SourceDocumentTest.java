package dev.oomlint.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomlint.ast.SourceRange;
import dev.oomlint.diagnostics.Edit;
import dev.oomlint.fix.AtomicWriter;
import dev.oomlint.fix.Fixer;
import dev.oomlint.notebook.NotebookSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two kinds of document do what the one pipeline asks of them, each in its own way. */
class SourceDocumentTest {
  @TempDir
  Path tmp;

  private static final String NOTEBOOK = """
      {
       "cells": [
        {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": null,
         "source": ["import torch\\n", "x = 1"]},
        {"cell_type": "markdown", "metadata": {}, "source": ["# title"]},
        {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": null,
         "source": ["%matplotlib inline\\n", "y = 2\\n"]}
       ],
       "metadata": {"language_info": {"name": "python"}},
       "nbformat": 4,
       "nbformat_minor": 5
      }
      """;

  private static Fixer.Selection edits(Edit... edits) {
    return new Fixer.Selection(List.of(edits), edits.length, Set.of("OOM001"));
  }

  private static SourceDocument read(byte[] bytes, String name) {
    SourceReader.Outcome o = SourceReader.decode(bytes, name);
    return assertInstanceOf(SourceReader.Outcome.Read.class, o, () -> o.toString()).document();
  }

  @Test
  void scriptAppliesEditsKeepsItsEncodingAndDiffsAsAWhole() throws Exception {
    byte[] bytes = "# coding: latin-1\nx = 'é'\n".getBytes(StandardCharsets.ISO_8859_1);
    ScriptDocument doc = assertInstanceOf(ScriptDocument.class, read(bytes, "a.py"));
    assertNull(doc.refusal(List.of(Edit.replace(new SourceRange(0, 5), "z"))), "a script takes any edit");
    int at = doc.file().text().indexOf("x");
    SourceDocument next = doc.apply(edits(Edit.replace(new SourceRange(at, at + 1), "y")));
    assertEquals("# coding: latin-1\ny = 'é'\n", next.contents());
    assertArrayEquals("# coding: latin-1\ny = 'é'\n".getBytes(StandardCharsets.ISO_8859_1), next.encode());
    assertEquals("line 2", next.describePosition(at));
    assertTrue(next.diff(doc).contains("-x = 'é'\n+y = 'é'\n"), next.diff(doc));
    assertNull(doc.apply(edits(Edit.replace(new SourceRange(at, at + 1), "x"))), "edits that change nothing");
    assertEquals(doc.file().text(), doc.facts().text(), "the reader's facts are about the text it decoded");
    assertNull(next.facts(), "fixed text has none: the linter finds them");
  }

  @Test
  void scriptTextThatItsCharsetCannotHoldIsRefusedOnEncoding() throws Exception {
    ScriptDocument doc = assertInstanceOf(ScriptDocument.class,
        read("# coding: ascii\nx = 1\n".getBytes(StandardCharsets.US_ASCII), "a.py"));
    int at = doc.file().text().indexOf("1");
    SourceDocument next = doc.apply(edits(Edit.replace(new SourceRange(at, at + 1), "'é'")));
    assertThrows(AtomicWriter.UnencodableException.class, next::encode);
  }

  @Test
  void notebookListsItsCellsWithTheirPlaceInTheJoinedText() {
    NotebookDocument doc = assertInstanceOf(NotebookDocument.class,
        read(NOTEBOOK.getBytes(StandardCharsets.UTF_8), "n.ipynb"));
    assertTrue(doc.lintable());
    String joined = doc.file().text();
    List<NotebookSource.CodeCell> cells = doc.cells();
    assertEquals(2, cells.size(), "the markdown cell is not linted");
    assertEquals(1, cells.get(0).cell().number());
    assertEquals(3, cells.get(1).cell().number());
    assertEquals("import torch\nx = 1", joined.substring(cells.get(0).start(), cells.get(0).end()));
    assertEquals(1, cells.get(0).firstLine());
    assertEquals(2, cells.get(0).lineCount());
    assertEquals(3, cells.get(1).firstLine());
    assertEquals(cells.get(0).end() + 1, cells.get(1).start(), "a line break is added after the first cell");
    assertTrue(joined.substring(cells.get(1).start(), cells.get(1).end()).endsWith("y = 2\n"));
  }

  @Test
  void notebookRefusesEditsAcrossCellsOrOnMagicsAndWritesOnlyTheChangedCell() throws Exception {
    NotebookDocument doc = assertInstanceOf(NotebookDocument.class,
        read(NOTEBOOK.getBytes(StandardCharsets.UTF_8), "n.ipynb"));
    String joined = doc.file().text();
    int x = joined.indexOf("x = 1");
    int y = joined.indexOf("y = 2");
    assertEquals("the edit spans more than one notebook cell",
        doc.refusal(List.of(Edit.replace(new SourceRange(x, y + 1), ""))));
    assertEquals("the edit touches an IPython magic line",
        doc.refusal(List.of(Edit.replace(new SourceRange(y - 3, y - 2), ""))));
    SourceDocument next = doc.apply(edits(Edit.replace(new SourceRange(y, y + 1), "z")));
    assertEquals(NOTEBOOK.replace("\"y = 2\\n\"", "\"z = 2\\n\""), next.contents());
    assertArrayEquals(next.contents().getBytes(StandardCharsets.UTF_8), next.encode());
    assertEquals("cell 3:2:1", next.describePosition(y));
    assertEquals("""
        --- n.ipynb:cell 3
        +++ n.ipynb:cell 3
        @@ -1,2 +1,2 @@
         %matplotlib inline
        -y = 2
        +z = 2
        """, next.diff(doc));
    SourceDocument.EditFailedException e = assertThrows(SourceDocument.EditFailedException.class,
        () -> doc.apply(edits(Edit.replace(new SourceRange(x, y + 1), ""))));
    assertEquals("writing the fixes into the notebook failed: the edit spans more than one notebook cell",
        e.getMessage());
  }

  @Test
  void oneReadPathForBothKinds() throws IOException {
    Path nb = Files.writeString(tmp.resolve("n.ipynb"), NOTEBOOK);
    Path py = Files.writeString(tmp.resolve("a.py"), "x = 1\n");
    assertInstanceOf(NotebookDocument.class,
        ((SourceReader.Outcome.Read) SourceReader.read(nb, "n.ipynb")).document());
    assertInstanceOf(ScriptDocument.class, ((SourceReader.Outcome.Read) SourceReader.read(py, "a.py")).document());
    assertInstanceOf(ScriptDocument.class,
        ((SourceReader.Outcome.Read) SourceReader.readScript(nb, "n.ipynb")).document(), "the debug tools' read");
    assertEquals("file does not exist",
        ((SourceReader.Outcome.Unreadable) SourceReader.read(tmp.resolve("gone.ipynb"), "gone.ipynb")).message());
    SourceReader.Outcome broken = SourceReader.decode("{".getBytes(StandardCharsets.UTF_8), "b.ipynb");
    assertFalse(((SourceReader.Outcome.Unreadable) broken).message().isEmpty());
  }
}
