package dev.oomlint.ast;

import java.util.List;

/**
 * The helper node kinds of CPython's {@code ast} module. Some (Arguments, Comprehension, WithItem,
 * MatchCase) have no position in CPython; here they still carry the range they span in the source.
 */
public sealed interface Support extends Node {
  /** Defaults align with the last positional parameters; {@code kwDefaults} has a null per keyword-only parameter without one. */
  record Arguments(SourceRange range, List<Arg> posonlyargs, List<Arg> args, Arg vararg,
      List<Arg> kwonlyargs, List<Expr> kwDefaults, Arg kwarg, List<Expr> defaults) implements Support {}

  /** {@code annotation} may be null. */
  record Arg(SourceRange range, String arg, Expr annotation) implements Support {}

  /** {@code arg} is null for {@code **kwargs}. */
  record Keyword(SourceRange range, String arg, Expr value) implements Support {}

  /** {@code asname} may be null. */
  record Alias(SourceRange range, String name, String asname) implements Support {}

  /** {@code optionalVars} may be null. */
  record WithItem(SourceRange range, Expr contextExpr, Expr optionalVars) implements Support {}

  record Comprehension(SourceRange range, Expr target, Expr iter, List<Expr> ifs, boolean isAsync)
      implements Support {}

  /** {@code type} and {@code name} may be null. */
  record ExceptHandler(SourceRange range, Expr type, String name, List<Stmt> body) implements Support {}

  /** {@code guard} may be null. */
  record MatchCase(SourceRange range, Pattern pattern, Expr guard, List<Stmt> body) implements Support {}
}
