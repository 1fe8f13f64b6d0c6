package dev.oomlint.ast;

import java.util.List;

/** The root of a parsed file. Comments are kept so rules can read {@code # noqa} and friends. */
public sealed interface Mod extends Node {
  record Module(SourceRange range, List<Stmt> body, List<Comment> comments) implements Mod {}

  /** A {@code # ...} comment; {@code text} includes the leading {@code #}. */
  record Comment(SourceRange range, String text) {}
}
