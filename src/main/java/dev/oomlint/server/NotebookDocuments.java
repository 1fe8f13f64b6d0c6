package dev.oomlint.server;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.oomlint.ast.LineIndex;
import dev.oomlint.ast.SourceRange;
import dev.oomlint.diagnostics.Applicability;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.diagnostics.Edit;
import dev.oomlint.diagnostics.Fix;
import dev.oomlint.engine.Engine;
import dev.oomlint.engine.FileProblem;
import dev.oomlint.notebook.Cell;
import dev.oomlint.notebook.Notebook;
import dev.oomlint.notebook.NotebookException;
import dev.oomlint.notebook.NotebookSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeNotebookDocumentParams;
import org.eclipse.lsp4j.DidCloseNotebookDocumentParams;
import org.eclipse.lsp4j.DidOpenNotebookDocumentParams;
import org.eclipse.lsp4j.DidSaveNotebookDocumentParams;
import org.eclipse.lsp4j.NotebookCell;
import org.eclipse.lsp4j.NotebookCellArrayChange;
import org.eclipse.lsp4j.NotebookCellKind;
import org.eclipse.lsp4j.NotebookDocumentChangeEventCellTextContent;
import org.eclipse.lsp4j.NotebookDocumentChangeEventCells;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.NotebookDocumentService;

/**
 * Notebooks synced cell by cell ({@code notebookDocument/*}, as VS Code does for {@code .ipynb}).
 * The cells are written into an nbformat 4 notebook and checked by the engine's notebook path, as
 * {@code oomlint check} checks the file: code cells joined into one module in cell order (so imports
 * in cell 1 resolve in cell 7), IPython syntax masked. Each finding is published on the cell that
 * holds it, at its position in that cell; fixes, {@code # noqa} and fix-all edit the cells.
 */
final class NotebookDocuments implements NotebookDocumentService {
  /** One cell: its text document, whether it is a code cell, its language and text. */
  record CellDoc(String uri, boolean code, String languageId, String text) {
    boolean python() {
      return code && (languageId == null || languageId.toLowerCase(Locale.ROOT).startsWith("python"));
    }
  }

  /** A notebook at one version: its cells in order. */
  record Snapshot(String uri, int version, List<CellDoc> cells) {}

  /** A snapshot and what the engine found in it. */
  record Checked(Snapshot snapshot, Analysis analysis) {}

  /** A position in one cell (index into the snapshot's cells). */
  record CellPoint(int index, Position position) {}

  private final Documents documents;
  private final Map<String, Snapshot> open = new ConcurrentHashMap<>();
  private final Map<String, String> owner = new ConcurrentHashMap<>();
  private final Map<String, Checked> checked = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> published = new ConcurrentHashMap<>();

  NotebookDocuments(Documents documents) {
    this.documents = documents;
  }

  // ------------------------------------------------------------------ synchronisation

  @Override
  public void didOpen(DidOpenNotebookDocumentParams params) {
    var nd = params.getNotebookDocument();
    Map<String, TextDocumentItem> items = new HashMap<>();
    if (params.getCellTextDocuments() != null) {
      params.getCellTextDocuments().forEach(i -> items.put(i.getUri(), i));
    }
    List<CellDoc> cells = new ArrayList<>();
    if (nd.getCells() != null) {
      for (NotebookCell c : nd.getCells()) {
        TextDocumentItem item = items.get(c.getDocument());
        cells.add(new CellDoc(c.getDocument(), c.getKind() == NotebookCellKind.Code,
            item == null ? null : item.getLanguageId(), item == null || item.getText() == null ? "" : item.getText()));
      }
    }
    update(new Snapshot(nd.getUri(), nd.getVersion(), List.copyOf(cells)));
  }

  @Override
  public void didChange(DidChangeNotebookDocumentParams params) {
    String uri = params.getNotebookDocument().getUri();
    Snapshot s = open.get(uri);
    if (s == null) {
      return;
    }
    List<CellDoc> cells = new ArrayList<>(s.cells());
    NotebookDocumentChangeEventCells change = params.getChange() == null ? null : params.getChange().getCells();
    if (change != null) {
      var structure = change.getStructure();
      if (structure != null && structure.getArray() != null) {
        Map<String, CellDoc> before = new HashMap<>();
        cells.forEach(c -> before.put(c.uri(), c));
        Map<String, TextDocumentItem> opened = new HashMap<>();
        if (structure.getDidOpen() != null) {
          structure.getDidOpen().forEach(i -> opened.put(i.getUri(), i));
        }
        NotebookCellArrayChange array = structure.getArray();
        int start = Math.max(0, Math.min(array.getStart(), cells.size()));
        int delete = Math.max(0, Math.min(array.getDeleteCount(), cells.size() - start));
        cells.subList(start, start + delete).clear();
        List<CellDoc> added = new ArrayList<>();
        if (array.getCells() != null) {
          for (NotebookCell c : array.getCells()) {
            TextDocumentItem item = opened.get(c.getDocument());
            CellDoc old = before.get(c.getDocument());
            String text = item != null ? item.getText() : old != null ? old.text() : "";
            String lang = item != null ? item.getLanguageId() : old != null ? old.languageId() : null;
            added.add(new CellDoc(c.getDocument(), c.getKind() == NotebookCellKind.Code, lang, text == null ? "" : text));
          }
        }
        cells.addAll(start, added);
      }
      if (change.getData() != null) {
        for (NotebookCell c : change.getData()) {
          replace(cells, c.getDocument(), old -> new CellDoc(old.uri(), c.getKind() == NotebookCellKind.Code,
              old.languageId(), old.text()));
        }
      }
      if (change.getTextContent() != null) {
        for (NotebookDocumentChangeEventCellTextContent content : change.getTextContent()) {
          replace(cells, content.getDocument().getUri(), old -> {
            String text = old.text();
            for (TextDocumentContentChangeEvent e : content.getChanges()) {
              text = Documents.applyChange(text, e);
            }
            return new CellDoc(old.uri(), old.code(), old.languageId(), text);
          });
        }
      }
    }
    Integer version = params.getNotebookDocument().getVersion();
    update(new Snapshot(uri, version == null ? s.version() + 1 : version, List.copyOf(cells)));
  }

  private static void replace(List<CellDoc> cells, String uri, java.util.function.UnaryOperator<CellDoc> f) {
    for (int i = 0; i < cells.size(); i++) {
      if (cells.get(i).uri().equals(uri)) {
        cells.set(i, f.apply(cells.get(i)));
      }
    }
  }

  @Override
  public void didSave(DidSaveNotebookDocumentParams params) {
    String uri = params.getNotebookDocument().getUri();
    if (open.containsKey(uri)) {
      checked.remove(uri); // the configuration may have changed with the save
      schedule(uri);
    }
  }

  @Override
  public void didClose(DidCloseNotebookDocumentParams params) {
    String uri = params.getNotebookDocument().getUri();
    Snapshot s = open.remove(uri);
    checked.remove(uri);
    if (s != null) {
      s.cells().forEach(c -> owner.remove(c.uri()));
    }
    if (params.getCellTextDocuments() != null) {
      params.getCellTextDocuments().forEach((TextDocumentIdentifier c) -> owner.remove(c.getUri()));
    }
    documents.submit(() -> {
      Set<String> shown = published.remove(uri);
      if (shown != null) {
        shown.forEach(cell -> documents.publish(cell, List.of(), null));
      }
    });
  }

  void recheckAll() {
    for (String uri : open.keySet()) {
      checked.remove(uri);
      schedule(uri);
    }
  }

  private void update(Snapshot s) {
    Snapshot old = open.put(s.uri(), s);
    if (old != null) {
      old.cells().forEach(c -> owner.remove(c.uri(), s.uri()));
    }
    s.cells().forEach(c -> owner.put(c.uri(), s.uri()));
    schedule(s.uri());
  }

  private void schedule(String uri) {
    documents.submit(() -> checkLatest(uri));
  }

  // ------------------------------------------------------------------ checking

  private void checkLatest(String uri) {
    Snapshot s = open.get(uri);
    if (s == null) {
      return;
    }
    Checked c = checkedOf(s);
    if (open.get(uri) != s) {
      return; // changed or closed meanwhile
    }
    Map<String, List<org.eclipse.lsp4j.Diagnostic>> byCell = new LinkedHashMap<>();
    for (CellDoc cell : s.cells()) {
      if (cell.python()) {
        byCell.put(cell.uri(), new ArrayList<>());
      }
    }
    var result = c.analysis().result();
    for (Diagnostic d : result.diagnostics()) {
      Located at = locate(c, d.range());
      if (at != null) {
        byCell.computeIfAbsent(at.uri(), k -> new ArrayList<>())
            .add(Analysis.lsp(d, documents.byCode(), at.range()));
      }
    }
    for (FileProblem p : result.problems()) {
      if (p.kind() == FileProblem.Kind.INTERNAL_ERROR) {
        continue;
      }
      Located at = p.range() == null ? null : locate(c, p.range());
      if (at == null && !byCell.isEmpty()) {
        at = new Located(byCell.keySet().iterator().next(), new Range(new Position(0, 0), new Position(0, 0)));
      }
      if (at != null) {
        String prefix = p.kind() == FileProblem.Kind.SYNTAX_ERROR ? "SyntaxError: " : "";
        byCell.computeIfAbsent(at.uri(), k -> new ArrayList<>()).add(new org.eclipse.lsp4j.Diagnostic(
            at.range(), prefix + p.message(), DiagnosticSeverity.Error, OomlintLanguageServer.SOURCE));
      }
    }
    Set<String> before = published.put(uri, new HashSet<>(byCell.keySet()));
    if (before != null) {
      for (String cell : before) {
        if (!byCell.containsKey(cell)) {
          documents.publish(cell, List.of(), null); // a cell that left the notebook or stopped being Python
        }
      }
    }
    byCell.forEach((cell, diags) -> documents.publish(cell, diags, null));
  }

  private Checked checkedOf(Snapshot s) {
    Checked c = checked.get(s.uri());
    if (c != null && c.snapshot() == s) {
      return c;
    }
    c = new Checked(s, documents.analyze(path(s.uri()), json(s.cells())));
    if (open.get(s.uri()) == s) {
      checked.put(s.uri(), c);
    }
    return c;
  }

  /** The notebook's file (a {@code .ipynb} name even when it has not been saved yet). */
  private Path path(String uri) {
    Path p = documents.pathOf(uri, null);
    String name = p.getFileName() == null ? "untitled" : p.getFileName().toString();
    if (name.endsWith(".ipynb")) {
      return p;
    }
    return p.resolveSibling(name.replaceFirst("\\.pyi?$", "") + ".ipynb");
  }

  /** The cells as an nbformat 4 notebook: Python code cells as code, other code cells as raw (not linted). */
  static String json(List<CellDoc> cells) {
    JsonObject root = new JsonObject();
    JsonArray array = new JsonArray();
    for (CellDoc c : cells) {
      JsonObject o = new JsonObject();
      o.addProperty("cell_type", c.python() ? "code" : c.code() ? "raw" : "markdown");
      o.add("metadata", new JsonObject());
      o.addProperty("source", c.text());
      if (c.python()) {
        o.add("execution_count", JsonNull.INSTANCE);
        o.add("outputs", new JsonArray());
      }
      array.add(o);
    }
    root.add("cells", array);
    JsonObject info = new JsonObject();
    info.addProperty("name", "python");
    JsonObject meta = new JsonObject();
    meta.add("language_info", info);
    root.add("metadata", meta);
    root.addProperty("nbformat", 4);
    root.addProperty("nbformat_minor", 5);
    return new GsonBuilder().disableHtmlEscaping().create().toJson(root);
  }

  /** A range in one cell's document. */
  record Located(String uri, Range range) {}

  /** Where {@code r} (on the joined text) is in the cells; a range running past its cell ends at that cell's end. */
  private static Located locate(Checked c, SourceRange r) {
    NotebookSource nb = c.analysis().notebook();
    if (nb == null) {
      return null;
    }
    List<CellDoc> cells = c.snapshot().cells();
    CellPoint a = point(nb, cells, r.start());
    if (a == null) {
      return null;
    }
    CellPoint b = r.length() == 0 ? a : point(nb, cells, r.end());
    Position end = b != null && b.index() == a.index() ? b.position() : endOf(cells.get(a.index()).text());
    return new Located(cells.get(a.index()).uri(), new Range(a.position(), end));
  }

  /** The cell and the position in it (line, UTF-16 character) of {@code offset} of the joined text. */
  static CellPoint point(NotebookSource nb, List<CellDoc> cells, int offset) {
    LineIndex joined = nb.file().lines();
    int off = Math.max(0, Math.min(offset, joined.text().length()));
    int line = joined.line(off);
    int number = nb.cell(line);
    if (number < 1 || number > cells.size()) {
      return null;
    }
    String text = cells.get(number - 1).text();
    LineIndex li = new LineIndex(text);
    int lineInCell = nb.lineInCell(line);
    if (lineInCell < 1) {
      return new CellPoint(number - 1, new Position(0, 0));
    }
    if (lineInCell > li.lineCount()) {
      return new CellPoint(number - 1, endOf(text));
    }
    String lt = li.lineText(lineInCell);
    int codePoints = Math.max(0, nb.cellColumn(off) - 1);
    int utf16 = lt.offsetByCodePoints(0, Math.min(codePoints, lt.codePointCount(0, lt.length())));
    return new CellPoint(number - 1, new Position(lineInCell - 1, utf16));
  }

  private static Position endOf(String text) {
    LineIndex li = new LineIndex(text);
    return Positions.position(li, text.length());
  }

  // ------------------------------------------------------------------ code actions

  /** The code actions for a range of one cell (asked with the cell's URI). */
  List<Either<Command, CodeAction>> actions(CodeActionParams params) {
    String cellUri = params.getTextDocument().getUri();
    String nbUri = owner.get(cellUri);
    Snapshot s = nbUri == null ? null : open.get(nbUri);
    if (s == null) {
      return List.of();
    }
    Checked c = checkedOf(s);
    List<String> only = params.getContext() == null ? null : params.getContext().getOnly();
    List<Either<Command, CodeAction>> out = new ArrayList<>();
    if (CodeActions.wants(only, CodeActionKind.QuickFix)) {
      for (Diagnostic d : c.analysis().result().diagnostics()) {
        Located at = locate(c, d.range());
        if (at == null || !at.uri().equals(cellUri) || !intersects(at.range(), params.getRange())) {
          continue;
        }
        CodeAction fix = quickFix(c, d, at);
        if (fix != null) {
          out.add(Either.forRight(fix));
        }
        CodeAction noqa = noqa(c, d, at);
        if (noqa != null) {
          out.add(Either.forRight(noqa));
        }
      }
    }
    boolean fixAll = CodeActions.wants(only, OomlintLanguageServer.FIX_ALL);
    boolean notebookFixAll = only != null && CodeActions.wants(only, OomlintLanguageServer.NOTEBOOK_FIX_ALL);
    if (fixAll || notebookFixAll) {
      WorkspaceEdit edit = fixAllEdit(c);
      if (edit != null) {
        if (fixAll) {
          out.add(Either.forRight(action("oomlint: fix all auto-fixable problems", OomlintLanguageServer.FIX_ALL, edit)));
        }
        if (notebookFixAll) {
          out.add(Either.forRight(action("oomlint: fix all auto-fixable problems in the notebook",
              OomlintLanguageServer.NOTEBOOK_FIX_ALL, edit)));
        }
      }
    }
    return out;
  }

  private static boolean intersects(Range a, Range b) {
    if (b == null) {
      return true;
    }
    return compare(a.getStart(), b.getEnd()) <= 0 && compare(b.getStart(), a.getEnd()) <= 0;
  }

  private static int compare(Position x, Position y) {
    return x.getLine() != y.getLine() ? Integer.compare(x.getLine(), y.getLine())
        : Integer.compare(x.getCharacter(), y.getCharacter());
  }

  private CodeAction quickFix(Checked c, Diagnostic d, Located at) {
    Fix fix = d.fix();
    NotebookSource nb = c.analysis().notebook();
    if (fix == null || fix.edits().isEmpty() || fix.applicability() == Applicability.DISPLAY_ONLY
        || nb == null || nb.refusal(fix.edits()) != null) {
      return null;
    }
    Map<String, List<TextEdit>> changes = new LinkedHashMap<>();
    for (Edit e : fix.edits()) {
      Located where = locate(c, e.range());
      if (where == null) {
        return null;
      }
      changes.computeIfAbsent(where.uri(), k -> new ArrayList<>()).add(new TextEdit(where.range(), e.content()));
    }
    boolean safe = fix.applicability() == Applicability.SAFE;
    CodeAction a = action(fix.title() + (safe ? "" : " (unsafe fix)"), CodeActionKind.QuickFix, new WorkspaceEdit(changes));
    a.setDiagnostics(List.of(Analysis.lsp(d, documents.byCode(), at.range())));
    a.setIsPreferred(safe);
    return a;
  }

  /** "Suppress CODE with # noqa" on the finding's line of its cell, offered when the result really silences it. */
  private CodeAction noqa(Checked c, Diagnostic d, Located at) {
    List<CellDoc> cells = c.snapshot().cells();
    int index = indexOf(cells, at.uri());
    if (index < 0) {
      return null;
    }
    CellDoc cell = cells.get(index);
    LineIndex lines = new LineIndex(cell.text());
    int line = at.range().getStart().getLine() + 1;
    if (line > lines.lineCount()) {
      return null;
    }
    Edit edit = Noqa.edit(lines, line, d.code());
    List<CellDoc> edited = new ArrayList<>(cells);
    edited.set(index, new CellDoc(cell.uri(), cell.code(), cell.languageId(), Noqa.apply(cell.text(), edit)));
    Snapshot after = new Snapshot(c.snapshot().uri(), c.snapshot().version(), edited);
    Checked check = new Checked(after, documents.analyze(path(after.uri()), json(edited)));
    if (check.analysis().result().problem() != null) {
      return null;
    }
    for (Diagnostic other : check.analysis().result().diagnostics()) {
      Located o = other.code().equals(d.code()) ? locate(check, other.range()) : null;
      if (o != null && o.uri().equals(at.uri()) && o.range().getStart().getLine() == line - 1) {
        return null;
      }
    }
    TextEdit te = new TextEdit(Positions.range(lines, edit.range()), edit.content());
    CodeAction a = action("Suppress " + d.code() + " with # noqa", CodeActionKind.QuickFix,
        new WorkspaceEdit(Map.of(at.uri(), List.of(te))));
    a.setDiagnostics(List.of(Analysis.lsp(d, documents.byCode(), at.range())));
    return a;
  }

  /** Every fix {@code --fix} applies to the notebook, as whole-cell replacements of the changed cells; null when none. */
  private WorkspaceEdit fixAllEdit(Checked c) {
    Analysis a = c.analysis();
    if (a.config().excludes(a.path())) {
      return null;
    }
    Engine.FileOutcome o = a.config().engine(documents.parser(), true)
        .checkText(a.text(), a.config().displayPath(a.path()), a.path());
    if (o.fixedText() == null || o.fixedText().equals(a.text())) {
      return null;
    }
    List<Cell> fixed;
    try {
      fixed = Notebook.parse(o.fixedText()).cells();
    } catch (NotebookException e) {
      return null;
    }
    List<CellDoc> cells = c.snapshot().cells();
    if (fixed.size() != cells.size()) {
      return null;
    }
    Map<String, List<TextEdit>> changes = new LinkedHashMap<>();
    for (int i = 0; i < cells.size(); i++) {
      String before = cells.get(i).text();
      String after = fixed.get(i).source();
      if (!before.equals(after)) {
        Range whole = new Range(new Position(0, 0), endOf(before));
        changes.put(cells.get(i).uri(), List.of(new TextEdit(whole, after)));
      }
    }
    return changes.isEmpty() ? null : new WorkspaceEdit(changes);
  }

  private static int indexOf(List<CellDoc> cells, String uri) {
    for (int i = 0; i < cells.size(); i++) {
      if (cells.get(i).uri().equals(uri)) {
        return i;
      }
    }
    return -1;
  }

  private static CodeAction action(String title, String kind, WorkspaceEdit edit) {
    CodeAction a = new CodeAction(title);
    a.setKind(kind);
    a.setEdit(edit);
    return a;
  }
}
