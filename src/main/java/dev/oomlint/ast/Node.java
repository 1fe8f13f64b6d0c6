package dev.oomlint.ast;

/** Every AST node knows its exact source range. */
public sealed interface Node permits Mod, Stmt, Expr, Pattern, TypeParam, Support {
  SourceRange range();
}
