package dev.oomlint.rules.edits;

import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.Operators;
import dev.oomlint.ast.SourceFile;
import dev.oomlint.ast.Stmt;
import dev.oomlint.diagnostics.Edit;
import dev.oomlint.semantic.AstUtil;
import dev.oomlint.semantic.Binding;
import dev.oomlint.semantic.SemanticModel;
import java.util.ArrayList;
import java.util.List;

/** Shared pieces of the leak rules' messages and fixes: value kinds and expression suffix edits. */
public final class ExprEdits {
  private ExprEdits() {}


  /** The source text of a node, shortened for messages. */
  public static String text(SourceFile f, Node n) {
    String s = f.slice(n.range()).replaceAll("\\s+", " ").trim();
    return s.length() > 40 ? s.substring(0, 37) + "..." : s;
  }

  /** Edits that turn {@code e} into {@code e<suffix>}, parenthesising when precedence requires. */
  public static List<Edit> suffix(Expr e, String suffix) {
    List<Edit> out = new ArrayList<>();
    if (isPrimary(e)) {
      out.add(Edit.insert(e.range().end(), suffix));
    } else {
      out.add(Edit.insert(e.range().start(), "("));
      out.add(Edit.insert(e.range().end(), ")" + suffix));
    }
    return out;
  }

  /** Expressions that can take a method call suffix without parentheses. */
  public static boolean isPrimary(Expr e) {
    return e instanceof Expr.Name || e instanceof Expr.Attribute || e instanceof Expr.Call
        || e instanceof Expr.Subscript;
  }

}
