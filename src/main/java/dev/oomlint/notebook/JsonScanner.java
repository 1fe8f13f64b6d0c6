package dev.oomlint.notebook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small validating scanner over raw JSON text that reports where values sit, so the notebook's
 * raw text can be mapped and spliced. It accepts RFC 8259 JSON plus the literals {@code NaN},
 * {@code Infinity} and {@code -Infinity} (Python's {@code json} module reads and writes them).
 * Values are never materialised here (Gson does that); only their spans.
 */
final class JsonScanner {
  /** Where one JSON value sits: {@code [start, end)} in the raw text; {@code kind} is its first char. */
  record Span(int start, int end) {
    char kind(String text) {
      return text.charAt(start);
    }
  }

  /** Deeper nesting than this is refused (nbformat needs a handful of levels). */
  static final int MAX_DEPTH = 512;

  private final String text;
  private int depth;

  JsonScanner(String text) {
    this.text = text;
  }

  /** Validates the whole document and returns the span of its single top-level value. */
  Span document() throws NotebookException {
    int start = skipWs(0);
    if (start >= text.length()) {
      throw new NotebookException("notebook is empty");
    }
    int end = skipValue(start);
    int after = skipWs(end);
    if (after < text.length()) {
      throw error("unexpected data after the top-level value", after);
    }
    return new Span(start, end);
  }

  /** The members of the object at {@code object}, key to value span, in order; a repeated key keeps its last value. */
  Map<String, Span> members(Span object) throws NotebookException {
    Map<String, Span> out = new LinkedHashMap<>();
    int i = skipWs(object.start() + 1);
    if (text.charAt(i) == '}') {
      return out;
    }
    while (true) {
      int keyEnd = skipString(i);
      String key = JsonStrings.decode(text, i, keyEnd);
      i = skipWs(keyEnd) + 1; // ':'
      i = skipWs(i);
      int valueEnd = skipValue(i);
      out.remove(key);
      out.put(key, new Span(i, valueEnd));
      i = skipWs(valueEnd);
      if (text.charAt(i) == '}') {
        return out;
      }
      i = skipWs(i + 1);
    }
  }

  /** The element spans of the array at {@code array}. */
  List<Span> elements(Span array) throws NotebookException {
    List<Span> out = new ArrayList<>();
    int i = skipWs(array.start() + 1);
    if (text.charAt(i) == ']') {
      return out;
    }
    while (true) {
      int end = skipValue(i);
      out.add(new Span(i, end));
      i = skipWs(end);
      if (text.charAt(i) == ']') {
        return out;
      }
      i = skipWs(i + 1);
    }
  }

  private int skipWs(int i) {
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        break;
      }
      i++;
    }
    return i;
  }

  /** Validates the value starting at {@code i} and returns the offset just past it. */
  private int skipValue(int i) throws NotebookException {
    if (i >= text.length()) {
      throw error("unexpected end of file", i);
    }
    char c = text.charAt(i);
    switch (c) {
      case '{':
      case '[':
        if (++depth > MAX_DEPTH) {
          throw error("values nested more than " + MAX_DEPTH + " levels deep", i);
        }
        int end = c == '{' ? skipObject(i) : skipArray(i);
        depth--;
        return end;
      case '"':
        return skipString(i);
      case 't':
        return literal(i, "true");
      case 'f':
        return literal(i, "false");
      case 'n':
        return literal(i, "null");
      case 'N':
        return literal(i, "NaN");
      case 'I':
        return literal(i, "Infinity");
      default:
        if (c == '-' && text.startsWith("-Infinity", i)) {
          return i + "-Infinity".length();
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
          return skipNumber(i);
        }
        throw error("unexpected character '" + printable(c) + "'", i);
    }
  }

  private int skipObject(int start) throws NotebookException {
    int i = skipWs(start + 1);
    if (i < text.length() && text.charAt(i) == '}') {
      return i + 1;
    }
    while (true) {
      if (i >= text.length()) {
        throw error("unterminated object", start);
      }
      if (text.charAt(i) != '"') {
        throw error("expected a quoted member name", i);
      }
      i = skipWs(skipString(i));
      if (i >= text.length() || text.charAt(i) != ':') {
        throw error("expected ':' after a member name", i);
      }
      i = skipWs(skipValue(skipWs(i + 1)));
      if (i >= text.length()) {
        throw error("unterminated object", start);
      }
      char c = text.charAt(i);
      if (c == '}') {
        return i + 1;
      }
      if (c != ',') {
        throw error("expected ',' or '}' after an object member", i);
      }
      i = skipWs(i + 1);
    }
  }

  private int skipArray(int start) throws NotebookException {
    int i = skipWs(start + 1);
    if (i < text.length() && text.charAt(i) == ']') {
      return i + 1;
    }
    while (true) {
      if (i >= text.length()) {
        throw error("unterminated array", start);
      }
      i = skipWs(skipValue(i));
      if (i >= text.length()) {
        throw error("unterminated array", start);
      }
      char c = text.charAt(i);
      if (c == ']') {
        return i + 1;
      }
      if (c != ',') {
        throw error("expected ',' or ']' after an array element", i);
      }
      i = skipWs(i + 1);
    }
  }

  /** Validates the string token starting at the quote {@code start}; returns the offset past its closing quote. */
  int skipString(int start) throws NotebookException {
    int i = start + 1;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == '"') {
        return i + 1;
      }
      if (c == '\\') {
        if (i + 1 >= n) {
          break;
        }
        char e = text.charAt(i + 1);
        if (e == 'u') {
          if (i + 6 > n || !isHex4(i + 2)) {
            throw error("invalid \\u escape in a string", i);
          }
          i += 6;
        } else if ("\"\\/bfnrt".indexOf(e) >= 0) {
          i += 2;
        } else {
          throw error("invalid escape '\\" + printable(e) + "' in a string", i);
        }
      } else if (c < 0x20) {
        throw c == '\n' || c == '\r' ? error("unterminated string", start)
            : error("unescaped control character in a string", i);
      } else {
        i++;
      }
    }
    throw error("unterminated string", start);
  }

  private boolean isHex4(int i) {
    for (int k = i; k < i + 4; k++) {
      if (Character.digit(text.charAt(k), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  private int skipNumber(int start) throws NotebookException {
    int i = start;
    int n = text.length();
    if (text.charAt(i) == '-') {
      i++;
    }
    if (i >= n || !isDigit(text.charAt(i))) {
      throw error("invalid number", start);
    }
    if (text.charAt(i) == '0') {
      i++;
    } else {
      while (i < n && isDigit(text.charAt(i))) {
        i++;
      }
    }
    if (i < n && text.charAt(i) == '.') {
      i++;
      if (i >= n || !isDigit(text.charAt(i))) {
        throw error("invalid number", start);
      }
      while (i < n && isDigit(text.charAt(i))) {
        i++;
      }
    }
    if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      i++;
      if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
        i++;
      }
      if (i >= n || !isDigit(text.charAt(i))) {
        throw error("invalid number", start);
      }
      while (i < n && isDigit(text.charAt(i))) {
        i++;
      }
    }
    return i;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private int literal(int i, String word) throws NotebookException {
    if (!text.startsWith(word, i)) {
      throw error("unexpected character '" + printable(text.charAt(i)) + "'", i);
    }
    return i + word.length();
  }

  private static String printable(char c) {
    return c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c);
  }

  /** "notebook is not valid JSON: WHAT at line L, column C" (1-based, columns in characters). */
  NotebookException error(String what, int offset) {
    int line = 1;
    int lineStart = 0;
    int end = Math.min(offset, text.length());
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        line++;
        lineStart = i + 1;
      }
    }
    int column = text.codePointCount(lineStart, end) + 1;
    return new NotebookException("notebook is not valid JSON: " + what + " at line " + line
        + ", column " + column);
  }
}
