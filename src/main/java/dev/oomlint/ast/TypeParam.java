package dev.oomlint.ast;

/** PEP 695 type parameters; {@code defaultValue} (PEP 696, 3.13) and {@code bound} are nullable. */
public sealed interface TypeParam extends Node {
  record TypeVar(SourceRange range, String name, Expr bound, Expr defaultValue) implements TypeParam {}

  record ParamSpec(SourceRange range, String name, Expr defaultValue) implements TypeParam {}

  record TypeVarTuple(SourceRange range, String name, Expr defaultValue) implements TypeParam {}
}
