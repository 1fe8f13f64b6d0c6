package dev.oomlint.semantic;

import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.Stmt;

/**
 * One place where a name is bound.
 *
 * @param name the bound name
 * @param kind how it is bound
 * @param node the binding node (a stored {@link Expr.Name}, an import alias, a parameter, a def...)
 * @param statement the statement that binds it (null for parameters and comprehension targets)
 * @param value the bound expression when known: the right-hand side of an assignment, the iterable of
 *     a {@code for}, the context expression of a {@code with}; null otherwise
 * @param index the element the name receives when the target is a tuple: -1 for the whole value,
 *     otherwise the position in a flat tuple target (nested targets give -1 too)
 * @param qualifiedName for imports, the imported qualified name ("torch.nn.functional"); else null
 * @param effective the offset from which the binding is in effect (after its statement)
 */
public record Binding(String name, Kind kind, Node node, Stmt statement, Expr value, int index,
    String qualifiedName, int effective) {

  /** The ways a name can be bound. */
  public enum Kind {
    IMPORT, ASSIGN, AUG_ASSIGN, ANNOTATION, FOR_TARGET, WITH_TARGET, PARAMETER, FUNCTION, CLASS,
    EXCEPT, NAMED_EXPR, COMPREHENSION_TARGET, MATCH, DELETE
  }
}
