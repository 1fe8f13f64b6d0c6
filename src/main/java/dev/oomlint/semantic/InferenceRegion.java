package dev.oomlint.semantic;

import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Node;

/**
 * Code that runs a model for evaluation while autograd still records.
 *
 * @param kind whether the region is a whole function, a loop, or a single statement
 * @param node the {@link dev.oomlint.ast.Stmt.FunctionDef}, loop or statement the region covers
 * @param firstModelCall the first model call in the region (where it is reported)
 * @param reason why this is evaluation code, as a phrase ("in `evaluate`, an evaluation function",
 *     "in a loop over `val_loader`")
 */
public record InferenceRegion(Kind kind, Node node, Expr.Call firstModelCall, String reason) {
  /** How much code the region spans. */
  public enum Kind { FUNCTION, LOOP, STATEMENT }
}
