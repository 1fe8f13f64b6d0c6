package dev.oomlint.notebook;

import dev.oomlint.ast.LineIndex;
import dev.oomlint.ast.SourceFile;
import dev.oomlint.ast.SourceRange;
import dev.oomlint.diagnostics.Edit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A notebook as the linter sees it: its Python code cells, masked ({@link IPythonMasker}) and joined
 * in cell order into one module ({@link #file()}), plus the index that maps every offset of that
 * text back to the notebook: to (cell, line in cell, column) for text and JSON output, and to the
 * raw {@code .ipynb} text for SARIF. Fixes are written back with {@link #applyEdits}, which splices
 * only the changed cells' {@code source} values into the raw text.
 *
 * <p>Each cell contributes its lines; a cell whose text does not end with a line break gets one
 * ({@code "\n"}) so the next cell starts on a new line. Empty cells contribute nothing. Columns are
 * those of the cell's own line (masking and joining never shift a character within a line).
 */
public final class NotebookSource {
  private final Notebook notebook;
  private final SourceFile file;
  private final List<Segment> segments;
  /** For each 1-based line of {@link #file()} (index line - 1): the segment that holds it. */
  private final int[] lineSegment;
  private LineIndex rawLines;

  /** Where in the joined text one cell sits. */
  private record Segment(Cell cell, int start, int end, boolean synthetic, int firstLine,
      int[] cellLineStarts, int[] cellLineEnds, boolean[] masked, int[] shift, boolean wholeCell) {
    int lineCount() {
      return cellLineStarts.length;
    }

    /** End of this segment including the line break added after it. */
    int fullEnd() {
      return synthetic ? end + 1 : end;
    }
  }

  private NotebookSource(Notebook notebook, String path) {
    this.notebook = notebook;
    StringBuilder text = new StringBuilder();
    List<Segment> segs = new ArrayList<>();
    List<Integer> lineToSeg = new ArrayList<>();
    int line = 1;
    for (Cell cell : notebook.cells()) {
      if (!cell.python() || cell.source().isEmpty()) {
        continue;
      }
      IPythonMasker.Masked m = IPythonMasker.mask(cell.source());
      List<String> lines = new ArrayList<>();
      List<String> ends = new ArrayList<>();
      IPythonMasker.split(cell.source(), lines, ends);
      int[] starts = new int[lines.size()];
      int[] lineEnds = new int[lines.size()];
      int off = 0;
      for (int k = 0; k < lines.size(); k++) {
        starts[k] = off;
        lineEnds[k] = off + lines.get(k).length();
        off = lineEnds[k] + ends.get(k).length();
      }
      int start = text.length();
      text.append(m.text());
      int end = text.length();
      // masking keeps every line's terminator, so the cell's own last line decides
      boolean synthetic = !(cell.source().endsWith("\n") || cell.source().endsWith("\r"));
      if (synthetic) {
        text.append('\n');
      }
      segs.add(new Segment(cell, start, end, synthetic, line, starts, lineEnds, m.masked(), m.shift(), m.wholeCell()));
      for (int k = 0; k < lines.size(); k++) {
        lineToSeg.add(segs.size() - 1);
      }
      line += lines.size();
    }
    this.segments = List.copyOf(segs);
    this.file = new SourceFile(path, text.toString());
    int count = file.lines().lineCount();
    this.lineSegment = new int[count];
    for (int i = 0; i < count; i++) {
      // the empty last line after the final break belongs to the last cell
      lineSegment[i] = i < lineToSeg.size() ? lineToSeg.get(i) : segs.size() - 1;
    }
  }

  /** The joined, masked Python text of {@code notebook}; {@code path} is the notebook's display path. */
  public static NotebookSource of(Notebook notebook, String path) {
    return new NotebookSource(notebook, path);
  }

  /** Reads and joins a notebook from its bytes. */
  public static NotebookSource read(byte[] bytes, String path) throws NotebookException {
    return of(Notebook.read(bytes), path);
  }

  public Notebook notebook() {
    return notebook;
  }

  /** The joined text, as one module: what the parser and the rules see. */
  public SourceFile file() {
    return file;
  }

  /**
   * One linted cell as it sits in {@link #file()}: the characters {@code [start, end)} are its
   * masked text (the line break added after a cell that lacks one is not included), starting on
   * 1-based line {@code firstLine} and spanning {@code lineCount} lines. A cell can be parsed on its
   * own from this, with positions mapped back through {@link #position}.
   */
  public record CodeCell(Cell cell, int start, int end, int firstLine, int lineCount) {}

  /** The linted cells in order, with where each sits in {@link #file()} (made on each call). */
  public List<CodeCell> codeCells() {
    List<CodeCell> out = new ArrayList<>(segments.size());
    for (Segment s : segments) {
      out.add(new CodeCell(s.cell(), s.start(), s.end(), s.firstLine(), s.lineCount()));
    }
    return out;
  }

  /** True when no cell is linted (no code cell, or a non-Python kernel). */
  public boolean isEmpty() {
    return segments.isEmpty();
  }

  // ---------------------------------------------------------------- positions

  /**
   * A position in a notebook: 1-based cell number (among all cells), line within that cell, and
   * 1-based column in code points within the cell's line (as text and JSON output count).
   */
  public record CellPosition(int cell, int line, int column) {
    @Override
    public String toString() {
      return "cell " + cell + ":" + line + ":" + column;
    }
  }

  /** The 1-based cell number holding 1-based {@code line} of {@link #file()} (Ruff's {@code NotebookIndex.cell}); 0 when there are no cells. */
  public int cell(int line) {
    return segments.isEmpty() ? 0 : segment(line).cell().number();
  }

  /** The 1-based line within its cell of 1-based {@code line} of {@link #file()}. */
  public int lineInCell(int line) {
    return segments.isEmpty() ? line : line - segment(line).firstLine() + 1;
  }

  /** Cell, line in cell and column (code points) of {@code offset} in {@link #file()}. */
  public CellPosition position(int offset) {
    int line = file.lines().line(Math.min(offset, file.text().length()));
    return new CellPosition(cell(line), lineInCell(line), cellColumn(offset));
  }

  /**
   * The 1-based column, in code points, of {@code offset} of {@link #file()} within its cell's line.
   * It equals the column in the joined text except on a {@code %time stmt} line, whose statement
   * sits further right in the cell than in the joined text.
   */
  public int cellColumn(int offset) {
    LineIndex li = file.lines();
    offset = Math.max(0, Math.min(offset, file.text().length()));
    int line = li.line(offset);
    if (segments.isEmpty()) {
      return li.codePointColumn(offset);
    }
    Segment s = segment(line);
    int k = line - s.firstLine();
    if (k < 0 || k >= s.lineCount() || s.shift()[k] == 0) {
      return li.codePointColumn(offset);
    }
    String src = s.cell().source();
    int from = s.cellLineStarts()[k];
    int to = Math.max(from, Math.min(cellOffset(s, line, offset), src.length()));
    return src.codePointCount(from, to) + 1;
  }

  /**
   * The offset in {@link #file()} of 1-based {@code line} and UTF-16 {@code column} of cell number
   * {@code cell} (the inverse of {@link #position}, e.g. for an editor's cell position), or -1 when
   * that cell is not linted or has no such line.
   */
  public int offsetOf(int cell, int line, int column) {
    for (Segment s : segments) {
      if (s.cell().number() == cell) {
        if (line < 1 || line > s.lineCount()) {
          return -1;
        }
        LineIndex li = file.lines();
        int joined = s.firstLine() + line - 1;
        int col = column - 1;
        int shift = s.shift()[line - 1];
        if (shift != 0 && col >= IPythonMasker.indentEnd(li.lineText(joined)) + shift) {
          col -= shift; // the text sits further left in the joined text (see cellColumn)
        }
        return Math.min(li.lineStart(joined) + col, li.lineEnd(joined));
      }
    }
    return -1;
  }

  /** The offset in the raw {@code .ipynb} text (no byte order mark) that holds {@code offset} of {@link #file()}. */
  public int rawOffset(int offset) {
    if (segments.isEmpty()) {
      return 0;
    }
    int line = file.lines().line(Math.min(offset, file.text().length()));
    Segment s = segment(line);
    return s.cell().rawOffset(notebook.raw(), cellOffset(s, line, offset));
  }

  /** The raw range that holds {@code range} of {@link #file()} (for SARIF regions). */
  public SourceRange rawRange(SourceRange range) {
    int start = rawOffset(range.start());
    int end = range.length() == 0 ? start : Math.max(start, rawOffset(range.end()));
    return new SourceRange(start, end);
  }

  /** The 1-based line of the raw {@code .ipynb} file holding {@code offset} of {@link #file()}. */
  public int rawLine(int offset) {
    return rawLines().line(rawOffset(offset));
  }

  /** Line index over the raw {@code .ipynb} text, for raw lines and columns. */
  public LineIndex rawLines() {
    LineIndex li = rawLines;
    if (li == null) {
      li = new LineIndex(notebook.raw());
      rawLines = li;
    }
    return li;
  }

  private Segment segment(int line) {
    int i = Math.max(1, Math.min(line, lineSegment.length));
    return segments.get(lineSegment[i - 1]);
  }

  /** The offset within the cell's original source of {@code offset}, which lies on 1-based joined {@code line}. */
  private int cellOffset(Segment s, int line, int offset) {
    int k = line - s.firstLine();
    if (k >= s.lineCount() || offset >= s.end()) {
      return s.cell().source().length();
    }
    int col = offset - file.lines().lineStart(line);
    if (!s.masked()[k]) {
      return s.cellLineStarts()[k] + col; // unmasked lines are identical, terminators included
    }
    int maskedLen = file.lines().lineEnd(line) - file.lines().lineStart(line);
    if (col > maskedLen) {
      return s.cellLineEnds()[k] + (col - maskedLen);
    }
    int indent = IPythonMasker.indentEnd(file.lines().lineText(line));
    if (col >= indent) {
      col += s.shift()[k]; // a kept statement sits further right in the cell
    }
    return s.cellLineStarts()[k] + Math.min(col, s.cellLineEnds()[k] - s.cellLineStarts()[k]);
  }

  // ---------------------------------------------------------------- fixes

  /**
   * Why {@code edits} (on {@link #file()}) cannot be written back to the notebook, or null when they
   * can: an edit that spans two cells, or touches a masked IPython line, is refused.
   */
  public String refusal(List<Edit> edits) {
    for (Edit e : edits) {
      String why = refusal(e);
      if (why != null) {
        return why;
      }
    }
    return null;
  }

  private String refusal(Edit e) {
    if (segments.isEmpty()) {
      return "the notebook has no Python code cell to edit";
    }
    Segment s = owner(e.range());
    if (s == null) {
      return "the edit spans more than one notebook cell";
    }
    if (s.wholeCell()) {
      return "the edit touches a cell magic cell";
    }
    int first = file.lines().line(e.range().start()) - s.firstLine();
    int last = file.lines().line(e.range().end()) - s.firstLine();
    for (int k = Math.max(0, first); k <= Math.min(last, s.lineCount() - 1); k++) {
      if (!s.masked()[k]) {
        continue;
      }
      int ls = file.lines().lineStart(s.firstLine() + k);
      int le = file.lines().lineEnd(s.firstLine() + k);
      int a = e.range().start();
      int b = e.range().end();
      boolean overlaps = Math.max(a, ls) < Math.min(b, le);
      boolean endsInside = (a > ls && a <= le) || (b > ls && b <= le);
      if (overlaps || endsInside) {
        return "the edit touches an IPython magic line";
      }
    }
    return null;
  }

  /** The segment that holds {@code r} entirely (an insertion at a cell's start belongs to that cell), or null. */
  private Segment owner(SourceRange r) {
    for (int i = 0; i < segments.size(); i++) {
      Segment s = segments.get(i);
      boolean startsHere = r.start() >= s.start()
          && (r.start() < s.fullEnd() || (i == segments.size() - 1 && r.start() == s.fullEnd()));
      if (startsHere) {
        return r.end() <= s.fullEnd() ? s : null;
      }
    }
    return null;
  }

  /**
   * The raw {@code .ipynb} text with {@code edits} (non-overlapping, on {@link #file()}) applied:
   * each changed cell's {@code source} value is re-encoded in place, everything else is kept byte
   * for byte. Throws when {@link #refusal} refuses them.
   */
  public String applyEdits(List<Edit> edits) throws NotebookEditException {
    String raw = notebook.raw();
    List<Edit> rawEdits = rawEdits(edits);
    StringBuilder out = new StringBuilder(raw.length() + 64);
    int pos = 0;
    for (Edit e : rawEdits) {
      out.append(raw, pos, e.range().start()).append(e.content());
      pos = e.range().end();
    }
    return out.append(raw, pos, raw.length()).toString();
  }

  /**
   * {@code edits} turned into edits of the raw {@code .ipynb} text: one per changed cell, replacing
   * its whole {@code source} value (sorted, non-overlapping). Cells whose text comes out unchanged
   * produce no edit.
   */
  public List<Edit> rawEdits(List<Edit> edits) throws NotebookEditException {
    String why = refusal(edits);
    if (why != null) {
      throw new NotebookEditException(why);
    }
    List<Edit> sorted = new ArrayList<>(edits);
    sorted.sort(Comparator.comparingInt((Edit e) -> e.range().start()).thenComparingInt(e -> e.range().end()));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).range().start() < sorted.get(i - 1).range().end()) {
        throw new NotebookEditException("the edits overlap");
      }
    }
    List<Edit> out = new ArrayList<>();
    int i = 0;
    while (i < sorted.size()) {
      Segment s = owner(sorted.get(i).range());
      List<Edit> mine = new ArrayList<>();
      while (i < sorted.size() && owner(sorted.get(i).range()) == s) {
        mine.add(sorted.get(i++));
      }
      String updated = applyToCell(s, mine);
      if (!updated.equals(s.cell().source())) {
        out.add(new Edit(new SourceRange(s.cell().valueStart(), s.cell().valueEnd()),
            notebook.encodeSource(s.cell(), updated)));
      }
    }
    return out;
  }

  /**
   * Applies edits of one segment to the cell's original source (edits never touch masked lines, so
   * the original text of those survives). The edits see the cell as it sits in the joined text,
   * with the line break added after it; that break is taken off again afterwards.
   */
  private String applyToCell(Segment s, List<Edit> edits) {
    String src = s.cell().source();
    String text = s.synthetic() ? src + "\n" : src;
    StringBuilder sb = new StringBuilder(text.length() + 32);
    int pos = 0;
    for (Edit e : edits) {
      int a = toCell(s, e.range().start());
      int b = toCell(s, e.range().end());
      sb.append(text, pos, a).append(e.content());
      pos = b;
    }
    sb.append(text, pos, text.length());
    if (s.synthetic() && sb.length() > 0 && sb.charAt(sb.length() - 1) == '\n') {
      sb.setLength(sb.length() - 1);
    }
    return sb.toString();
  }

  /** {@code offset} of the joined text as an offset into the cell's source followed by the added break. */
  private int toCell(Segment s, int offset) {
    if (offset >= s.end()) {
      return s.cell().source().length() + (offset - s.end());
    }
    return cellOffset(s, file.lines().line(offset), offset);
  }

}
