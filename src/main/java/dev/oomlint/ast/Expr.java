package dev.oomlint.ast;

import dev.oomlint.ast.Operators.BoolOperator;
import dev.oomlint.ast.Operators.CmpOperator;
import dev.oomlint.ast.Operators.ExprContext;
import dev.oomlint.ast.Operators.Operator;
import dev.oomlint.ast.Operators.UnaryOperator;
import dev.oomlint.ast.Support.Arguments;
import dev.oomlint.ast.Support.Comprehension;
import dev.oomlint.ast.Support.Keyword;
import java.util.List;

/** Expressions, one record per CPython {@code ast.expr} kind. Nullable fields are marked. */
public sealed interface Expr extends Node {
  record BoolOp(SourceRange range, BoolOperator op, List<Expr> values) implements Expr {}

  record NamedExpr(SourceRange range, Expr target, Expr value) implements Expr {}

  record BinOp(SourceRange range, Expr left, Operator op, Expr right) implements Expr {}

  record UnaryOp(SourceRange range, UnaryOperator op, Expr operand) implements Expr {}

  record Lambda(SourceRange range, Arguments args, Expr body) implements Expr {}

  record IfExp(SourceRange range, Expr test, Expr body, Expr orelse) implements Expr {}

  /** A {@code **d} entry has a null key. */
  record Dict(SourceRange range, List<Expr> keys, List<Expr> values) implements Expr {}

  record Set(SourceRange range, List<Expr> elts) implements Expr {}

  record ListComp(SourceRange range, Expr elt, List<Comprehension> generators) implements Expr {}

  record SetComp(SourceRange range, Expr elt, List<Comprehension> generators) implements Expr {}

  record DictComp(SourceRange range, Expr key, Expr value, List<Comprehension> generators) implements Expr {}

  record GeneratorExp(SourceRange range, Expr elt, List<Comprehension> generators) implements Expr {}

  record Await(SourceRange range, Expr value) implements Expr {}

  /** {@code value} may be null. */
  record Yield(SourceRange range, Expr value) implements Expr {}

  record YieldFrom(SourceRange range, Expr value) implements Expr {}

  record Compare(SourceRange range, Expr left, List<CmpOperator> ops, List<Expr> comparators) implements Expr {}

  /** Positional arguments (including {@link Starred}) in {@code args}; {@code keywords} includes {@code **kw}. */
  record Call(SourceRange range, Expr func, List<Expr> args, List<Keyword> keywords) implements Expr {}

  /**
   * One replacement field of an f-string. {@code conversion} is -1 (none) or the code point of
   * {@code 's'}, {@code 'r'}, {@code 'a'}; {@code formatSpec} (nullable) is a {@link JoinedStr}.
   */
  record FormattedValue(SourceRange range, Expr value, int conversion, Expr formatSpec) implements Expr {}

  /** An f-string (or an implicit concatenation containing one): constant parts and FormattedValues. */
  record JoinedStr(SourceRange range, List<Expr> values) implements Expr {}

  /** {@code kind} is "u" for a {@code u"..."} string, else null. */
  record Constant(SourceRange range, ConstValue value, String kind) implements Expr {}

  record Attribute(SourceRange range, Expr value, String attr, ExprContext ctx) implements Expr {}

  record Subscript(SourceRange range, Expr value, Expr slice, ExprContext ctx) implements Expr {}

  record Starred(SourceRange range, Expr value, ExprContext ctx) implements Expr {}

  record Name(SourceRange range, String id, ExprContext ctx) implements Expr {}

  record ListExpr(SourceRange range, List<Expr> elts, ExprContext ctx) implements Expr {}

  record Tuple(SourceRange range, List<Expr> elts, ExprContext ctx) implements Expr {}

  /** Each part may be null. */
  record Slice(SourceRange range, Expr lower, Expr upper, Expr step) implements Expr {}
}
