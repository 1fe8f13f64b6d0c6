package dev.oomlint.source;

import dev.oomlint.ast.SourceFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a file into its {@link SourceDocument}, one read path for scripts and notebooks: a name
 * ending in {@code .ipynb} is a {@link NotebookDocument}, any other a {@link ScriptDocument}. A file
 * that cannot be read or decoded is {@link Outcome.Unreadable}, with one sentence saying why.
 *
 * <p>A script's bytes become text the way CPython does: a UTF-8 byte order mark is dropped, a PEP 263
 * coding declaration on line 1 or 2 selects the charset (default UTF-8), and bytes that do not decode
 * are reported with their line and column. NUL bytes (binary files) are refused, as CPython refuses
 * them ("source code cannot contain null bytes").
 */
public final class SourceReader {
  /** PEP 263: {@code ^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)}. */
  private static final Pattern CODING = Pattern.compile("^[ \\t\\f]*#.*?coding[:=][ \\t]*([-\\w.]+)");

  /** Python codec names Java does not know under the same spelling. */
  private static final Map<String, String> PYTHON_ALIASES = Map.ofEntries(
      Map.entry("latin-1", "ISO-8859-1"), Map.entry("latin1", "ISO-8859-1"),
      Map.entry("l1", "ISO-8859-1"), Map.entry("iso-latin-1", "ISO-8859-1"),
      Map.entry("iso-8859-1", "ISO-8859-1"), Map.entry("8859", "ISO-8859-1"),
      Map.entry("utf-8", "UTF-8"), Map.entry("utf8", "UTF-8"), Map.entry("u8", "UTF-8"),
      Map.entry("utf", "UTF-8"), Map.entry("cp65001", "UTF-8"), Map.entry("utf-8-sig", "UTF-8"),
      Map.entry("ascii", "US-ASCII"), Map.entry("us-ascii", "US-ASCII"),
      Map.entry("646", "US-ASCII"), Map.entry("latin-9", "ISO-8859-15"),
      Map.entry("latin9", "ISO-8859-15"), Map.entry("l9", "ISO-8859-15"),
      Map.entry("shift-jis", "Shift_JIS"), Map.entry("sjis", "Shift_JIS"),
      Map.entry("euc-jp", "EUC-JP"), Map.entry("gbk", "GBK"), Map.entry("gb2312", "GB2312"),
      Map.entry("big5", "Big5"), Map.entry("koi8-r", "KOI8-R"));

  private SourceReader() {}

  /** Result of reading one file: its document, or why it could not be read (one sentence). */
  public sealed interface Outcome {
    record Read(SourceDocument document) implements Outcome {}

    record Unreadable(String message) implements Outcome {}
  }

  /** True for a path (or display name) that is read as a Jupyter notebook. */
  public static boolean isNotebook(String name) {
    return name.endsWith(".ipynb");
  }

  /**
   * Reads {@code path} (a notebook when its name says so); {@code displayPath} becomes the
   * document's path. Never throws.
   */
  public static Outcome read(Path path, String displayPath) {
    return read(path, displayPath, WordSet.empty());
  }

  /**
   * As {@link #read(Path, String)}, finding {@code words} in a script's bytes as it reads them (a
   * notebook's text is the join of its cells: the linter finds its words).
   */
  public static Outcome read(Path path, String displayPath, WordSet words) {
    return read(path, displayPath, words, RegularFiles.DEFAULT_MAX_BYTES);
  }

  /**
   * As {@link #read(Path, String, WordSet)}; a file above {@code maxBytes}, or one that is not a
   * regular file (a FIFO, a device), is not read: it is unreadable, for that reason.
   */
  public static Outcome read(Path path, String displayPath, WordSet words, long maxBytes) {
    return read(path, displayPath, words, isNotebook(path.toString()), maxBytes);
  }

  /** Reads {@code path} as a Python script whatever its name (the debug tools). Never throws. */
  public static Outcome readScript(Path path, String displayPath) {
    return read(path, displayPath, WordSet.empty(), false, RegularFiles.DEFAULT_MAX_BYTES);
  }

  private static Outcome read(Path path, String displayPath, WordSet words, boolean notebook, long maxBytes) {
    byte[] bytes;
    try {
      bytes = RegularFiles.read(path, maxBytes);
    } catch (RegularFiles.Refused e) {
      return unreadable(e.getMessage());
    } catch (NoSuchFileException e) {
      return unreadable("file does not exist");
    } catch (AccessDeniedException e) {
      return unreadable("file cannot be read: permission denied");
    } catch (IOException e) {
      return unreadable("file cannot be read: " + RegularFiles.reason(e));
    } catch (OutOfMemoryError | SecurityException e) {
      return unreadable("file cannot be read: " + describe(e));
    }
    return notebook ? NotebookDocument.decode(bytes, displayPath) : decodeScript(bytes, displayPath, words);
  }

  /** Decodes {@code bytes} of the file named {@code displayPath} (a notebook when its name says so). Never throws. */
  public static Outcome decode(byte[] bytes, String displayPath) {
    return decode(bytes, displayPath, WordSet.empty());
  }

  /** As {@link #decode(byte[], String)}, finding {@code words} in a script's bytes as it decodes them. */
  public static Outcome decode(byte[] bytes, String displayPath, WordSet words) {
    return isNotebook(displayPath) ? NotebookDocument.decode(bytes, displayPath)
        : decodeScript(bytes, displayPath, words);
  }

  /**
   * Decodes {@code bytes} as a Python source file named {@code displayPath}, finding {@code words}
   * in the same pass over the bytes as the NUL and ASCII checks: the document's {@link TextFacts}
   * carry them to the rules. Never throws.
   */
  public static Outcome decodeScript(byte[] bytes, String displayPath, WordSet words) {
    long scan = TextFacts.scanBytes(words, bytes);
    if (TextFacts.hasNul(scan)) {
      return unreadable("file contains NUL bytes; binary files are not analysed");
    }
    boolean ascii = TextFacts.isAscii(scan);
    boolean bom = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
        && (bytes[2] & 0xff) == 0xBF;
    int start = bom ? 3 : 0;
    String declared = declaredEncoding(bytes, start);
    Charset charset = StandardCharsets.UTF_8;
    if (declared != null) {
      charset = charsetFor(declared);
      if (charset == null) {
        return unreadable("unknown encoding '" + declared + "' declared in the coding comment");
      }
      if (bom && !charset.equals(StandardCharsets.UTF_8)) {
        return unreadable("file starts with a UTF-8 byte order mark but declares encoding '"
            + declared + "'");
      }
    }
    // ASCII bytes are the same characters, and other bytes other characters, in these charsets: the
    // fast path below and the words found in the bytes (kept at the end) rely on it
    boolean asciiCompatible = charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.US_ASCII)
        || charset.equals(StandardCharsets.ISO_8859_1);
    String text;
    try {
      if (ascii && asciiCompatible) {
        text = new String(bytes, start, bytes.length - start, StandardCharsets.ISO_8859_1);
      } else if (charset.equals(StandardCharsets.UTF_8)) {
        // The String constructor's UTF-8 decoding is the fast one, but it replaces malformed input
        // with U+FFFD instead of failing: without any U+FFFD in its result there was none, and the
        // strict decoder (which also locates the bad byte) runs only otherwise.
        String lenient = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
        text = lenient.indexOf('\uFFFD') < 0 ? lenient : decodeStrict(bytes, start, charset);
      } else {
        text = decodeStrict(bytes, start, charset);
      }
    } catch (Undecodable e) {
      String what = charset.equals(StandardCharsets.UTF_8) ? "file is not valid UTF-8"
          : "file cannot be decoded as " + declared;
      return unreadable(what + " (byte 0x" + String.format("%02x", e.badByte) + " at line "
          + e.line + ", column " + e.column + ")");
    }
    TextFacts facts = asciiCompatible ? TextFacts.fromScan(words, text, scan) : TextFacts.of(words, text);
    return new Outcome.Read(new ScriptDocument(new DecodedSource(new SourceFile(displayPath, text), charset, bom, facts)));
  }

  /**
   * The encoding named by a PEP 263 comment on line 1, or on line 2 when line 1 is blank or a
   * comment; null when there is none. Only ASCII matters here, so the lines are read as latin-1.
   */
  static String declaredEncoding(byte[] bytes, int start) {
    int end1 = lineEnd(bytes, start);
    String line1 = new String(bytes, start, end1 - start, StandardCharsets.ISO_8859_1);
    Matcher m = CODING.matcher(line1);
    if (line1.contains("coding") && m.find()) { // the expression needs "coding"; most lines lack it
      return m.group(1);
    }
    String stripped = line1.strip();
    if (!stripped.isEmpty() && !stripped.startsWith("#")) {
      return null;
    }
    int start2 = skipTerminator(bytes, end1);
    if (start2 >= bytes.length) {
      return null;
    }
    int end2 = lineEnd(bytes, start2);
    String line2 = new String(bytes, start2, end2 - start2, StandardCharsets.ISO_8859_1);
    if (!line2.contains("coding")) {
      return null;
    }
    m = CODING.matcher(line2);
    return m.find() ? m.group(1) : null;
  }

  /** The Java charset for a Python codec name, or null when there is none. */
  static Charset charsetFor(String pythonName) {
    String norm = pythonName.toLowerCase(Locale.ROOT).replace('_', '-');
    String javaName = PYTHON_ALIASES.get(norm);
    if (javaName == null && norm.startsWith("utf-8-")) {
      javaName = "UTF-8"; // CPython treats "utf-8-*" as utf-8
    }
    if (javaName == null && norm.startsWith("latin-1-")) {
      javaName = "ISO-8859-1";
    }
    try {
      return Charset.forName(javaName != null ? javaName : norm);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return null;
    }
  }

  private static int lineEnd(byte[] b, int from) {
    int i = from;
    while (i < b.length && b[i] != '\n' && b[i] != '\r') {
      i++;
    }
    return i;
  }

  private static int skipTerminator(byte[] b, int i) {
    if (i < b.length && b[i] == '\r') {
      i++;
      if (i < b.length && b[i] == '\n') {
        i++;
      }
    } else if (i < b.length && b[i] == '\n') {
      i++;
    }
    return i;
  }

  private static final class Undecodable extends Exception {
    final int badByte;
    final int line;
    final int column;

    Undecodable(int badByte, int line, int column) {
      super(null, null, false, false);
      this.badByte = badByte;
      this.line = line;
      this.column = column;
    }
  }

  private static String decodeStrict(byte[] bytes, int start, Charset charset) throws Undecodable {
    CharsetDecoder decoder = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16L,
        (long) ((bytes.length - start) * (double) decoder.maxCharsPerByte()) + 16));
    CoderResult r = decoder.decode(in, out, true);
    if (r.isUnderflow()) {
      r = decoder.flush(out);
    }
    if (r.isError()) {
      out.flip();
      throw locate(out, bytes[in.position()] & 0xff);
    }
    if (r.isOverflow()) {
      // cannot happen with maxCharsPerByte sizing; fall back to the plain API
      try {
        return decoder.reset().decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
      } catch (CharacterCodingException e) {
        throw new Undecodable(0, 1, 1);
      }
    }
    out.flip();
    return out.toString();
  }

  /** Line and column (1-based, in characters) of the first undecodable byte, from what decoded before it. */
  private static Undecodable locate(CharBuffer decoded, int badByte) {
    int line = 1;
    int lineStart = 0;
    int n = decoded.limit();
    for (int i = 0; i < n; i++) {
      char c = decoded.get(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= n || decoded.get(i + 1) != '\n'))) {
        line++;
        lineStart = i + 1;
      }
    }
    int column = Character.codePointCount(decoded, lineStart, n) + 1;
    return new Undecodable(badByte, line, column);
  }

  static Outcome unreadable(String message) {
    return new Outcome.Unreadable(message);
  }

  /** {@code e} in a few words, for messages: its kind and its message. */
  public static String describe(Throwable e) {
    String m = e.getMessage();
    String kind = e instanceof OutOfMemoryError ? "out of memory" : e.getClass().getSimpleName();
    return m == null || m.isBlank() ? kind : kind + ": " + m;
  }
}
