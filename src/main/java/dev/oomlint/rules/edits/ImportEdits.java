package dev.oomlint.rules.edits;

import dev.oomlint.ast.ConstValue;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.LineIndex;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.SourceFile;
import dev.oomlint.ast.SourceRange;
import dev.oomlint.ast.Stmt;
import dev.oomlint.ast.Support;
import dev.oomlint.diagnostics.Edit;
import dev.oomlint.semantic.AstUtil;
import dev.oomlint.semantic.Binding;
import dev.oomlint.semantic.Scope;
import dev.oomlint.semantic.SemanticModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Import-aware pieces of fixes: the name under which a module can be written at a node, adding an
 * import line to the module's import block, and removing a name from an import statement.
 */
public final class ImportEdits {
  private ImportEdits() {}

  /**
   * The name that reaches {@code qualified} at {@code at}: a module-level import alias ({@code T}
   * after {@code import torch as T}) that no enclosing scope rebinds; null when there is none.
   */
  public static String aliasAt(SemanticModel sm, String qualified, Node at) {
    String alias = sm.moduleAlias(qualified);
    if (alias == null || alias.contains(".") || boundInEnclosingScope(sm, alias, at)) {
      return null;
    }
    return alias;
  }

  /** Whether a new module-level import of {@code name} would be visible, unshadowed, at every node of {@code at}. */
  public static boolean nameFree(SemanticModel sm, String name, List<? extends Node> at) {
    if (!sm.moduleScope().bindings(name).isEmpty() || sm.moduleScope().isGlobalDeclared(name)) {
      return false;
    }
    for (Node n : at) {
      if (boundInEnclosingScope(sm, name, n)) {
        return false;
      }
    }
    return true;
  }

  /** Whether a function, lambda, class or comprehension scope around {@code at} binds {@code name}. */
  public static boolean boundInEnclosingScope(SemanticModel sm, String name, Node at) {
    for (Scope s = sm.scopeOf(at); s != null && s.kind() != Scope.Kind.MODULE; s = s.parent()) {
      if (!s.bindings(name).isEmpty() || s.isGlobalDeclared(name) || s.isNonlocalDeclared(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * An edit that adds {@code line} (an import statement, without newline) to the module: after the
   * leading block of top-level imports, or before the first statement after the docstring and
   * {@code __future__} imports. Null when there is no safe place (a statement sharing its line).
   */
  public static Edit addImportLine(SemanticModel sm, String line) {
    SourceFile file = sm.file();
    LineIndex lines = file.lines();
    List<Stmt> body = sm.module().body();
    int i = 0;
    if (!body.isEmpty() && AstUtil.isDocstring(body.get(0))) {
      i = 1;
    }
    while (i < body.size() && body.get(i) instanceof Stmt.ImportFrom f && "__future__".equals(f.module())) {
      i++;
    }
    int j = i;
    while (j < body.size() && (body.get(j) instanceof Stmt.Import || body.get(j) instanceof Stmt.ImportFrom)) {
      j++;
    }
    if (j > i || (i == body.size() && i > 0)) {
      return afterStatement(file, body.get(j - 1), line);
    }
    if (i < body.size()) {
      Stmt s = body.get(i);
      int start = lines.lineStart(lines.line(s.range().start()));
      if (!file.text().substring(start, s.range().start()).isBlank()) {
        return null;
      }
      return Edit.insert(start, line + "\n");
    }
    // an empty module
    return Edit.insert(0, line + "\n");
  }

  /** Inserts {@code line} on its own line after the line where {@code s} ends. */
  private static Edit afterStatement(SourceFile file, Stmt s, String line) {
    LineIndex lines = file.lines();
    int last = lines.line(Math.max(s.range().start(), s.range().end() - 1));
    if (last < lines.lineCount()) {
      return Edit.insert(lines.lineStart(last + 1), line + "\n");
    }
    return Edit.insert(file.text().length(), "\n" + line + "\n");
  }

  /**
   * The text of the import statement {@code stmt} without the names in {@code drop} (on one line),
   * or null when no name is left.
   */
  public static String without(Stmt stmt, List<Support.Alias> drop) {
    List<Support.Alias> names = stmt instanceof Stmt.Import imp ? imp.names()
        : stmt instanceof Stmt.ImportFrom f ? f.names() : List.of();
    List<String> kept = new ArrayList<>();
    for (Support.Alias a : names) {
      boolean dropped = false;
      for (Support.Alias d : drop) {
        dropped |= d == a;
      }
      if (!dropped) {
        kept.add(a.asname() == null ? a.name() : a.name() + " as " + a.asname());
      }
    }
    if (kept.isEmpty()) {
      return null;
    }
    String head = stmt instanceof Stmt.ImportFrom f
        ? "from " + ".".repeat(f.level()) + (f.module() == null ? "" : f.module()) + " import "
        : "import ";
    return head + String.join(", ", kept);
  }

  /**
   * An edit that deletes statement {@code stmt}: its whole lines when it stands alone on them, or
   * {@code pass} when it is the only statement of its block. Null when it shares a line with another
   * statement.
   */
  public static Edit deleteStatement(SemanticModel sm, Stmt stmt) {
    List<Stmt> block = sm.blockOf(stmt);
    if (block == null) {
      return null;
    }
    if (block.size() == 1 && block != sm.module().body()) {
      return Edit.replace(stmt.range(), "pass");
    }
    SourceFile file = sm.file();
    LineIndex lines = file.lines();
    int first = lines.line(stmt.range().start());
    int last = lines.line(Math.max(stmt.range().start(), stmt.range().end() - 1));
    int start = lines.lineStart(first);
    int end = lines.lineEnd(last);
    String before = file.text().substring(start, stmt.range().start());
    String after = file.text().substring(stmt.range().end(), end);
    if (!before.isBlank() || !(after.isBlank() || after.strip().startsWith("#"))) {
      return null;
    }
    int next = last < lines.lineCount() ? lines.lineStart(last + 1) : file.text().length();
    return Edit.delete(new SourceRange(start, next));
  }

  /** Whether a statement sits directly in the module body. */
  public static boolean atModuleLevel(SemanticModel sm, Stmt stmt) {
    return sm.blockOf(stmt) == sm.module().body();
  }

  /** The import binding a name refers to everywhere it is used, or null when it is not one import. */
  public static Binding importBinding(SemanticModel sm, Expr.Name n) {
    List<Binding> bs = sm.resolve(n);
    if (bs.size() != 1 || bs.get(0).kind() != Binding.Kind.IMPORT) {
      return null;
    }
    return bs.get(0);
  }
}
