package dev.oomlint.notebook;

import java.util.Arrays;

/**
 * One cell of a notebook: its number (1-based position among all cells, as Jupyter, VS Code and
 * Ruff count them), its {@code cell_type}, its joined {@code source} text, and whether it is linted
 * (a code cell in Python). It also knows where its {@code source} value sits in the raw JSON text:
 * a single string token, or a list whose string tokens hold consecutive pieces of the text.
 */
public final class Cell {
  private final int number;
  private final String type;
  private final String source;
  private final boolean python;
  private final int valueStart;
  private final int valueEnd;
  private final boolean list;
  private final int[] tokenStarts;
  private final int[] pieceStarts;

  Cell(int number, String type, String source, boolean python, int valueStart, int valueEnd,
      boolean list, int[] tokenStarts, int[] pieceStarts) {
    this.number = number;
    this.type = type;
    this.source = source;
    this.python = python;
    this.valueStart = valueStart;
    this.valueEnd = valueEnd;
    this.list = list;
    this.tokenStarts = tokenStarts;
    this.pieceStarts = pieceStarts;
  }

  /** 1-based position among all cells of the notebook (markdown and raw cells count too). */
  public int number() {
    return number;
  }

  /** The cell's {@code cell_type}: {@code code}, {@code markdown}, {@code raw}, ... */
  public String type() {
    return type;
  }

  /** The cell's source text (a list source joined). */
  public String source() {
    return source;
  }

  /** True for a code cell whose language is Python (the cells that are linted). */
  public boolean python() {
    return python;
  }

  /** Raw offset where the {@code source} value starts ({@code [} or {@code "}). */
  int valueStart() {
    return valueStart;
  }

  /** Raw offset just past the {@code source} value. */
  int valueEnd() {
    return valueEnd;
  }

  /** True when {@code source} is a JSON list of strings, false when it is one string. */
  boolean list() {
    return list;
  }

  /** Raw offsets of the opening quotes of the string tokens, in order. */
  int[] tokenStarts() {
    return tokenStarts;
  }

  /**
   * The raw offset holding character {@code offset} of {@link #source()}; {@code source().length()}
   * (the end) maps to the closing quote of the last string token, or to the value's end when the
   * list is empty.
   */
  int rawOffset(String raw, int offset) {
    if (tokenStarts.length == 0) {
      return valueEnd - 1;
    }
    int piece;
    if (offset >= source.length()) {
      piece = tokenStarts.length - 1;
    } else {
      piece = Arrays.binarySearch(pieceStarts, offset);
      if (piece < 0) {
        piece = -piece - 2;
      } else {
        // several pieces may start here (empty strings): take the last, the one that holds the char
        while (piece + 1 < pieceStarts.length && pieceStarts[piece + 1] == offset) {
          piece++;
        }
      }
    }
    return JsonStrings.rawOffset(raw, tokenStarts[piece], offset - pieceStarts[piece]);
  }

  @Override
  public String toString() {
    return "cell " + number + " (" + type + (python ? ", python" : "") + ")";
  }
}
