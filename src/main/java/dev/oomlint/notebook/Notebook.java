package dev.oomlint.notebook;

import dev.oomlint.notebook.JsonScanner.Span;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Jupyter notebook (nbformat 4) read from its raw JSON text with Gson, keeping the raw text so
 * that positions can be mapped back to it and fixes spliced into it without touching anything else.
 * Reading never throws anything but {@link NotebookException}, whose message is one sentence.
 */
public final class Notebook {
  private final String raw;
  private final boolean bom;
  private final List<Cell> cells;
  private final String language;
  private final boolean asciiOnly;

  private Notebook(String raw, boolean bom, List<Cell> cells, String language, boolean asciiOnly) {
    this.raw = raw;
    this.bom = bom;
    this.cells = List.copyOf(cells);
    this.language = language;
    this.asciiOnly = asciiOnly;
  }

  /** Reads a notebook file's bytes: UTF-8 (a leading byte order mark is kept aside), then {@link #parse}. */
  public static Notebook read(byte[] bytes) throws NotebookException {
    boolean bom = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
        && (bytes[2] & 0xff) == 0xBF;
    int start = bom ? 3 : 0;
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    String text;
    try {
      text = decoder.decode(in).toString();
    } catch (MalformedInputException e) {
      int bad = in.position();
      int line = 1;
      int lineStart = start;
      for (int i = start; i < bad; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      int column = new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8).length() + 1;
      throw new NotebookException("notebook is not valid UTF-8 (byte 0x"
          + String.format("%02x", bytes[bad] & 0xff) + " at line " + line + ", column " + column + ")");
    } catch (CharacterCodingException e) {
      throw new NotebookException("notebook is not valid UTF-8");
    }
    return parse(text, bom);
  }

  /**
   * This notebook's file rewritten to {@code newRaw} (e.g. by {@link NotebookSource#applyEdits}),
   * read again; the byte order mark, if any, is kept.
   */
  public Notebook reread(String newRaw) throws NotebookException {
    return parse(newRaw, bom);
  }

  /** Parses a notebook's decoded JSON text (without byte order mark). */
  public static Notebook parse(String raw) throws NotebookException {
    return parse(raw, false);
  }

  private static Notebook parse(String raw, boolean bom) throws NotebookException {
    if (!raw.isEmpty() && raw.charAt(0) == '\uFEFF') {
      raw = raw.substring(1);
      bom = true;
    }
    JsonScanner scanner = new JsonScanner(raw);
    Span doc = scanner.document(); // validates: Gson only reads what passed
    JsonElement root;
    try {
      root = JsonParser.parseString(raw);
    } catch (JsonParseException | StackOverflowError e) {
      throw new NotebookException("notebook is not valid JSON: " + firstSentence(e.getMessage()));
    }
    if (!root.isJsonObject() || doc.kind(raw) != '{') {
      throw new NotebookException("notebook is not a JSON object, as nbformat 4 requires");
    }
    JsonObject top = root.getAsJsonObject();
    int major = nbformat(top);
    JsonElement cellsValue = top.get("cells");
    if (major < 4 || (cellsValue == null && top.has("worksheets"))) {
      throw new NotebookException("notebook uses nbformat " + (major > 0 && major < 4 ? major : 3)
          + ", which is not supported; upgrade it to nbformat 4 with "
          + "`jupyter nbconvert --to notebook --inplace FILE`");
    }
    if (cellsValue == null) {
      throw new NotebookException("notebook has no \"cells\" list, so it is not an nbformat 4 notebook");
    }
    if (!cellsValue.isJsonArray()) {
      throw new NotebookException("notebook's \"cells\" is not a list");
    }
    String language = language(top);
    boolean pythonKernel = language == null || language.toLowerCase(Locale.ROOT).startsWith("python");

    Map<String, Span> topSpans = scanner.members(doc);
    List<Span> cellSpans = scanner.elements(topSpans.get("cells"));
    JsonArray cellValues = cellsValue.getAsJsonArray();
    List<Cell> cells = new ArrayList<>(cellValues.size());
    for (int i = 0; i < cellValues.size(); i++) {
      cells.add(cell(raw, scanner, i + 1, cellValues.get(i), cellSpans.get(i), pythonKernel));
    }
    return new Notebook(raw, bom, cells, language, asciiOnly(raw));
  }

  private static Cell cell(String raw, JsonScanner scanner, int number, JsonElement value, Span span,
      boolean pythonKernel) throws NotebookException {
    if (!value.isJsonObject()) {
      throw new NotebookException("cell " + number + " is not a JSON object");
    }
    JsonObject obj = value.getAsJsonObject();
    String type = string(obj.get("cell_type"));
    if (type == null) {
      throw new NotebookException("cell " + number + " has no \"cell_type\" string");
    }
    JsonElement source = obj.get("source");
    if (source == null) {
      throw new NotebookException("cell " + number + " has no \"source\"");
    }
    Span sourceSpan = scanner.members(span).get("source");
    boolean python = type.equals("code") && pythonKernel && pythonCell(obj);
    if (isString(source)) {
      return new Cell(number, type, source.getAsString(), python, sourceSpan.start(), sourceSpan.end(),
          false, new int[] {sourceSpan.start()}, new int[] {0});
    }
    if (!source.isJsonArray()) {
      throw new NotebookException("cell " + number + " has a \"source\" that is neither a string nor a list of strings");
    }
    JsonArray pieces = source.getAsJsonArray();
    List<Span> pieceSpans = scanner.elements(sourceSpan);
    int[] tokenStarts = new int[pieces.size()];
    int[] pieceStarts = new int[pieces.size()];
    StringBuilder text = new StringBuilder();
    for (int k = 0; k < pieces.size(); k++) {
      if (!isString(pieces.get(k))) {
        throw new NotebookException("cell " + number + " has a \"source\" list with an element that is not a string");
      }
      tokenStarts[k] = pieceSpans.get(k).start();
      pieceStarts[k] = text.length();
      text.append(pieces.get(k).getAsString());
    }
    return new Cell(number, type, text.toString(), python, sourceSpan.start(), sourceSpan.end(), true,
        tokenStarts, pieceStarts);
  }

  /** A cell's own language (VS Code writes {@code metadata.vscode.languageId}); absent means the kernel's. */
  private static boolean pythonCell(JsonObject cell) {
    String id = string(path(cell, "metadata", "vscode", "languageId"));
    return id == null || id.toLowerCase(Locale.ROOT).startsWith("python");
  }

  private static int nbformat(JsonObject top) throws NotebookException {
    JsonElement v = top.get("nbformat");
    if (v == null) {
      return top.has("worksheets") ? 3 : 4;
    }
    if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isNumber()) {
      throw new NotebookException("notebook's \"nbformat\" is not a number");
    }
    double d = v.getAsDouble();
    return d >= 1 && d < 100 ? (int) d : 0;
  }

  /** {@code metadata.language_info.name}, else {@code metadata.kernelspec.language}; null when neither is given. */
  private static String language(JsonObject top) {
    String name = string(path(top, "metadata", "language_info", "name"));
    return name != null ? name : string(path(top, "metadata", "kernelspec", "language"));
  }

  private static JsonElement path(JsonObject obj, String... keys) {
    JsonElement cur = obj;
    for (String k : keys) {
      if (cur == null || !cur.isJsonObject()) {
        return null;
      }
      cur = cur.getAsJsonObject().get(k);
    }
    return cur;
  }

  private static boolean isString(JsonElement e) {
    return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString();
  }

  private static String string(JsonElement e) {
    return isString(e) ? ((JsonPrimitive) e).getAsString() : null;
  }

  /**
   * True when the file looks written with {@code ensure_ascii=True}: no raw non-ASCII character, but
   * a {@code \\u} escape of one. Re-encoded sources then escape non-ASCII characters the same way.
   */
  private static boolean asciiOnly(String raw) {
    boolean escapedNonAscii = false;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c > 0x7f) {
        return false;
      }
      if (c == '\\' && i + 5 < raw.length() && raw.charAt(i + 1) == 'u' && !escapedNonAscii) {
        int value = Integer.parseInt(raw.substring(i + 2, i + 6), 16);
        escapedNonAscii = value > 0x7f;
      }
      if (c == '\\') {
        i++; // skip the escaped char so "\\\\u" is not read as an escape
      }
    }
    return escapedNonAscii;
  }

  private static String firstSentence(String message) {
    if (message == null) {
      return "it cannot be parsed";
    }
    int see = message.indexOf("\nSee ");
    String m = see >= 0 ? message.substring(0, see) : message;
    return m.isEmpty() ? m : Character.toLowerCase(m.charAt(0)) + m.substring(1);
  }

  /** The raw JSON text as read (without a byte order mark). */
  public String raw() {
    return raw;
  }

  /** True when the file started with a UTF-8 byte order mark. */
  public boolean bom() {
    return bom;
  }

  /** All cells, in order. */
  public List<Cell> cells() {
    return cells;
  }

  /** The kernel's language from the metadata, or null when the notebook does not say (then Python is assumed). */
  public String language() {
    return language;
  }

  /** True when re-encoded strings must escape non-ASCII characters to match the file's style. */
  boolean asciiOnly() {
    return asciiOnly;
  }

  /** Encodes a (possibly rewritten) raw text to the file's bytes: UTF-8, with the byte order mark if the file had one. */
  public byte[] encode(String rawText) {
    byte[] body = rawText.getBytes(StandardCharsets.UTF_8);
    if (!bom) {
      return body;
    }
    byte[] out = new byte[body.length + 3];
    out[0] = (byte) 0xEF;
    out[1] = (byte) 0xBB;
    out[2] = (byte) 0xBF;
    System.arraycopy(body, 0, out, 3, body.length);
    return out;
  }

  /** The new raw JSON for a cell's {@code source}, in the form and layout the file already uses. */
  String encodeSource(Cell cell, String text) {
    boolean ascii = asciiOnly;
    if (!cell.list()) {
      return JsonStrings.encode(text, ascii);
    }
    List<String> pieces = PythonLines.splitKeepEnds(text);
    if (pieces.isEmpty()) {
      return "[]";
    }
    int[] tokens = cell.tokenStarts();
    String open;
    String sep;
    String close;
    if (tokens.length > 0) {
      open = raw.substring(cell.valueStart() + 1, tokens[0]);
      int lastEnd = JsonStrings.rawOffset(raw, tokens[tokens.length - 1], Integer.MAX_VALUE) + 1;
      close = raw.substring(lastEnd, cell.valueEnd() - 1);
      if (tokens.length > 1) {
        int firstEnd = JsonStrings.rawOffset(raw, tokens[0], Integer.MAX_VALUE) + 1;
        sep = raw.substring(firstEnd, tokens[1]);
      } else {
        sep = "," + open;
      }
    } else {
      // "source": [] -- lay the list out as nbformat does: one item per line, one space deeper
      String indent = indentOfLine(raw, cell.valueStart());
      open = "\n" + indent + " ";
      sep = ",\n" + indent + " ";
      close = "\n" + indent;
    }
    StringBuilder sb = new StringBuilder("[").append(open);
    for (int k = 0; k < pieces.size(); k++) {
      if (k > 0) {
        sb.append(sep);
      }
      sb.append(JsonStrings.encode(pieces.get(k), ascii));
    }
    return sb.append(close).append(']').toString();
  }

  private static String indentOfLine(String raw, int offset) {
    int ls = offset;
    while (ls > 0 && raw.charAt(ls - 1) != '\n' && raw.charAt(ls - 1) != '\r') {
      ls--;
    }
    int e = ls;
    while (e < raw.length() && (raw.charAt(e) == ' ' || raw.charAt(e) == '\t')) {
      e++;
    }
    return raw.substring(ls, e);
  }
  /**
   * The raw text with every cell's {@code source} re-encoded from its decoded text: equal to
   * {@link #raw()} exactly when the file's sources are laid out as this class writes them (the
   * round-trip check of the tests).
   */
  String reencodeAll() {
    StringBuilder out = new StringBuilder(raw.length());
    int pos = 0;
    for (Cell c : cells) {
      out.append(raw, pos, c.valueStart()).append(encodeSource(c, c.source()));
      pos = c.valueEnd();
    }
    return out.append(raw, pos, raw.length()).toString();
  }
}
