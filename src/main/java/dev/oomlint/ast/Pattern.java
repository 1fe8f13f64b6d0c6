package dev.oomlint.ast;

import java.util.List;

/** {@code match} statement patterns, one record per CPython {@code ast.pattern} kind. */
public sealed interface Pattern extends Node {
  record MatchValue(SourceRange range, Expr value) implements Pattern {}

  /** {@code None}, {@code True} or {@code False}. */
  record MatchSingleton(SourceRange range, ConstValue value) implements Pattern {}

  record MatchSequence(SourceRange range, List<Pattern> patterns) implements Pattern {}

  /** {@code rest} (nullable) is the name bound by {@code **rest}. */
  record MatchMapping(SourceRange range, List<Expr> keys, List<Pattern> patterns, String rest)
      implements Pattern {}

  record MatchClass(SourceRange range, Expr cls, List<Pattern> patterns, List<String> kwdAttrs,
      List<Pattern> kwdPatterns) implements Pattern {}

  /** {@code *name}; name is null for {@code *_}. */
  record MatchStar(SourceRange range, String name) implements Pattern {}

  /** {@code pattern as name}, a capture ({@code pattern} null), or the wildcard {@code _} (both null). */
  record MatchAs(SourceRange range, Pattern pattern, String name) implements Pattern {}

  record MatchOr(SourceRange range, List<Pattern> patterns) implements Pattern {}
}
