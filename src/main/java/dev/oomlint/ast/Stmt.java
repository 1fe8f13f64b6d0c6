package dev.oomlint.ast;

import dev.oomlint.ast.Operators.Operator;
import dev.oomlint.ast.Support.Alias;
import dev.oomlint.ast.Support.Arguments;
import dev.oomlint.ast.Support.ExceptHandler;
import dev.oomlint.ast.Support.Keyword;
import dev.oomlint.ast.Support.MatchCase;
import dev.oomlint.ast.Support.WithItem;
import java.util.List;

/**
 * Statements, one record per CPython {@code ast.stmt} kind. The async variants of CPython
 * ({@code AsyncFunctionDef}, {@code AsyncFor}, {@code AsyncWith}) and {@code TryStar} are the same
 * records with a flag. Nullable fields are marked; lists are never null.
 */
public sealed interface Stmt extends Node {
  /** {@code returns} may be null. As in CPython 3.8+, {@code range} starts at {@code def}/{@code async}, not at a decorator. */
  record FunctionDef(SourceRange range, String name, Arguments args, List<Stmt> body,
      List<Expr> decoratorList, Expr returns, List<TypeParam> typeParams, boolean isAsync)
      implements Stmt {}

  record ClassDef(SourceRange range, String name, List<Expr> bases, List<Keyword> keywords,
      List<Stmt> body, List<Expr> decoratorList, List<TypeParam> typeParams) implements Stmt {}

  /** {@code value} may be null. */
  record Return(SourceRange range, Expr value) implements Stmt {}

  record Delete(SourceRange range, List<Expr> targets) implements Stmt {}

  /** {@code a = b = value}: targets in source order. */
  record Assign(SourceRange range, List<Expr> targets, Expr value) implements Stmt {}

  /** {@code type X[T] = value} (3.12+). {@code name} is a {@link Expr.Name} in store context. */
  record TypeAlias(SourceRange range, Expr name, List<TypeParam> typeParams, Expr value) implements Stmt {}

  record AugAssign(SourceRange range, Expr target, Operator op, Expr value) implements Stmt {}

  /** {@code value} may be null; {@code simple} is true for a bare name target without parentheses. */
  record AnnAssign(SourceRange range, Expr target, Expr annotation, Expr value, boolean simple)
      implements Stmt {}

  record For(SourceRange range, Expr target, Expr iter, List<Stmt> body, List<Stmt> orelse,
      boolean isAsync) implements Stmt {}

  record While(SourceRange range, Expr test, List<Stmt> body, List<Stmt> orelse) implements Stmt {}

  /** {@code elif} is a nested If as the only statement of {@code orelse}, as in CPython. */
  record If(SourceRange range, Expr test, List<Stmt> body, List<Stmt> orelse) implements Stmt {}

  record With(SourceRange range, List<WithItem> items, List<Stmt> body, boolean isAsync) implements Stmt {}

  record Match(SourceRange range, Expr subject, List<MatchCase> cases) implements Stmt {}

  /** {@code exc} and {@code cause} may be null. */
  record Raise(SourceRange range, Expr exc, Expr cause) implements Stmt {}

  /** {@code isStar} marks {@code except*} (CPython's TryStar). */
  record Try(SourceRange range, List<Stmt> body, List<ExceptHandler> handlers, List<Stmt> orelse,
      List<Stmt> finalbody, boolean isStar) implements Stmt {}

  /** {@code msg} may be null. */
  record Assert(SourceRange range, Expr test, Expr msg) implements Stmt {}

  record Import(SourceRange range, List<Alias> names) implements Stmt {}

  /** {@code module} is null for {@code from . import x}; {@code level} counts the leading dots. */
  record ImportFrom(SourceRange range, String module, List<Alias> names, int level) implements Stmt {}

  record Global(SourceRange range, List<String> names) implements Stmt {}

  record Nonlocal(SourceRange range, List<String> names) implements Stmt {}

  /** An expression statement (CPython's {@code ast.Expr}). */
  record ExprStmt(SourceRange range, Expr value) implements Stmt {}

  record Pass(SourceRange range) implements Stmt {}

  record Break(SourceRange range) implements Stmt {}

  record Continue(SourceRange range) implements Stmt {}
}
