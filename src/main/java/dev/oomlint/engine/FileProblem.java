package dev.oomlint.engine;

import dev.oomlint.ast.SourceRange;

/**
 * A file that could not be (fully) analysed. {@code message} is one clear sentence.
 *
 * <ul>
 *   <li>{@code SYNTAX_ERROR}: the parser's error; {@code range} points at it (counts as a finding: exit 1).
 *   <li>{@code UNREADABLE}: the file could not be read or decoded (binary, invalid UTF-8, I/O error);
 *       {@code range} is null and the file's {@code source} is null; the message itself names the
 *       line and column when there is one (exit 1, as Ruff's E902).
 *   <li>{@code WRITE_FAILED}: {@code --fix} could not write the fixed file (read-only file system,
 *       disk full, immutable file); the file is unchanged and its findings are reported (exit 1).
 *   <li>{@code INTERNAL_ERROR}: a bug in oomlint (a rule threw, or a fix produced text that does not
 *       parse); the message names the rule. The file's other diagnostics are still reported (exit 2).
 * </ul>
 */
public record FileProblem(Kind kind, String message, SourceRange range) {
  public enum Kind { SYNTAX_ERROR, UNREADABLE, WRITE_FAILED, INTERNAL_ERROR }

  /** A file's internal error: {@code detail} worded as {@link #internalErrorMessage(String, String)} words it. */
  public static FileProblem internal(String detail) {
    return new FileProblem(Kind.INTERNAL_ERROR, internalErrorMessage("", detail), null);
  }

  /** A file that could not be read or decoded, for the reason {@code message}. */
  public static FileProblem unreadable(String message) {
    return new FileProblem(Kind.UNREADABLE, message, null);
  }

  /** A fixed file that could not be written, for the reason {@code message}. */
  public static FileProblem writeFailed(String message) {
    return new FileProblem(Kind.WRITE_FAILED, message, null);
  }

  /**
   * The one wording of a bug in oomlint, wherever it shows (a file's problem, the command line, the
   * language server's log): {@code internal error[ where]: detail; this is a bug in oomlint, please
   * report it}. {@code where} is "" or a phrase such as "in the language server".
   */
  public static String internalErrorMessage(String where, String detail) {
    return "internal error" + (where.isEmpty() ? "" : " " + where) + ": " + detail
        + "; this is a bug in oomlint, please report it";
  }
}
