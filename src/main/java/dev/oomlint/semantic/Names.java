package dev.oomlint.semantic;

import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.Stmt;
import dev.oomlint.ast.Support;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Name resolution: which bindings a name refers to, and qualified names through imports. */
final class Names {
  private static final int MAX_ALIAS_DEPTH = 8;

  static final Set<String> BUILTINS = Set.of("abs", "all", "any", "ascii", "bin", "bool", "bytearray",
      "bytes", "callable", "chr", "classmethod", "compile", "complex", "delattr", "dict", "dir", "divmod",
      "enumerate", "eval", "exec", "filter", "float", "format", "frozenset", "getattr", "globals", "hasattr",
      "hash", "help", "hex", "id", "input", "int", "isinstance", "issubclass", "iter", "len", "list",
      "locals", "map", "max", "memoryview", "min", "next", "object", "oct", "open", "ord", "pow", "print",
      "property", "range", "repr", "reversed", "round", "set", "setattr", "slice", "sorted", "staticmethod",
      "str", "sum", "super", "tuple", "type", "vars", "zip", "__import__");

  private final AstIndex index;

  Names(AstIndex index) {
    this.index = index;
  }

  /** The bindings a loaded name may refer to (empty for builtins and unknown names). */
  List<Binding> resolve(Expr.Name use) {
    return resolve(use.id(), index.scope(use), use.range().start());
  }

  List<Binding> resolve(String name, Scope scope, int offset) {
    if (scope.isGlobalDeclared(name)) {
      return pick(index.moduleScope().rawBindings(name), offset, false);
    }
    List<Binding> own = scope.rawBindings(name);
    if (own != null && !own.isEmpty()) {
      return pick(own, offset, true);
    }
    for (Scope p = scope.parent(); p != null; p = p.parent()) {
      if (p.kind() == Scope.Kind.CLASS) {
        continue;
      }
      List<Binding> bs = p.rawBindings(name);
      if (bs != null && !bs.isEmpty()) {
        return pick(bs, offset, p == index.moduleScope() && scope.kind() == Scope.Kind.COMPREHENSION
            && scope.parent() == p);
      }
    }
    return List.of();
  }

  /** The live bindings of {@code bs} (null: none), or only the last one in effect at the offset. */
  private static List<Binding> pick(List<Binding> bs, int offset, boolean sameScope) {
    if (bs == null) {
      return new ArrayList<>();
    }
    if (sameScope) {
      // the last live binding in effect at the offset, when there is one
      Binding last = null;
      for (int i = 0, n = bs.size(); i < n; i++) {
        Binding b = bs.get(i);
        if (b.effective() <= offset && b.kind() != Binding.Kind.DELETE && b.kind() != Binding.Kind.ANNOTATION) {
          last = b;
        }
      }
      if (last != null) {
        return List.of(last);
      }
    }
    List<Binding> live = new ArrayList<>(bs.size());
    for (int i = 0, n = bs.size(); i < n; i++) {
      Binding b = bs.get(i);
      if (b.kind() != Binding.Kind.DELETE && b.kind() != Binding.Kind.ANNOTATION) {
        live.add(b);
      }
    }
    return live;
  }

  /**
   * The bindings of the use's own scope that may reach it along some path through branches: walking
   * back from the last binding before the use, every binding made under an {@code if}, {@code try} or
   * {@code match} of that scope, up to and including the first one made unconditionally. For a name
   * bound in another scope, {@link #resolve}.
   */
  List<Binding> reaching(Expr.Name use) {
    Scope scope = index.scope(use);
    List<Binding> own = scope.isGlobalDeclared(use.id()) ? null : scope.rawBindings(use.id());
    if (own == null || own.isEmpty()) {
      return resolve(use);
    }
    int offset = use.range().start();
    List<Binding> out = new ArrayList<>(2);
    for (int i = own.size() - 1; i >= 0; i--) {
      Binding b = own.get(i);
      if (b.effective() > offset || b.kind() == Binding.Kind.ANNOTATION) {
        continue;
      }
      if (b.kind() == Binding.Kind.DELETE) {
        break;
      }
      out.add(b);
      if (!conditional(b, scope)) {
        break;
      }
    }
    return out.isEmpty() ? resolve(use) : out;
  }

  /** Whether a binding's statement sits under an if/try/match inside the scope that holds it. */
  private boolean conditional(Binding b, Scope scope) {
    Node stop = scope.node();
    for (Node cur = b.statement() == null ? null : index.parent(b.statement()); cur != null && cur != stop;
        cur = index.parent(cur)) {
      if (cur instanceof Stmt.If || cur instanceof Stmt.Try || cur instanceof Stmt.Match) {
        return true;
      }
    }
    return false;
  }

  /** True when the name is bound nowhere visible, i.e. a builtin (or an undefined name). */
  boolean isUnbound(Expr.Name use) {
    return resolve(use).isEmpty();
  }

  /** The qualified name an expression stands for through imports, or null. Builtins give their name. */
  String qualifiedName(Expr e) {
    if (!(e instanceof Expr.Name) && !(e instanceof Expr.Attribute)) {
      return null;
    }
    // the answer depends only on the finished index: memoise it per node
    Object known = index.qualifiedMemo(e);
    if (known != null) {
      return known == AstIndex.NO_NAME ? null : (String) known;
    }
    String q = qualifiedName(e, 0);
    index.qualifiedMemo(e, q == null ? AstIndex.NO_NAME : q);
    return q;
  }

  /**
   * Like {@link #qualifiedName(Expr)}, but a name rooted in an unbound {@code torch} is torch's:
   * documentation notebooks use {@code torch.no_grad()} or {@code torch.Generator} without importing
   * torch. (Where an unbound name must not be trusted, as for what a load returns, use
   * {@code qualifiedName}.)
   */
  String torchQualifiedName(Expr e) {
    String q = qualifiedName(e);
    if (q != null) {
      return q;
    }
    Expr root = e;
    while (root instanceof Expr.Attribute a) {
      root = a.value();
    }
    if (root instanceof Expr.Name n && n.id().equals("torch") && resolve(n).isEmpty()) {
      return AstUtil.path(e);
    }
    return null;
  }

  private String qualifiedName(Expr e, int depth) {
    if (depth > MAX_ALIAS_DEPTH || e == null) {
      return null;
    }
    if (e instanceof Expr.Attribute a) {
      String q = qualifiedName(a.value(), depth + 1);
      return q == null ? null : q + "." + a.attr();
    }
    if (!(e instanceof Expr.Name n)) {
      return null;
    }
    List<Binding> bs = resolve(n);
    if (bs.isEmpty()) {
      if (BUILTINS.contains(n.id())) {
        return n.id();
      }
      // an unbound name after the file's only star import comes from that module; an unbound
      // `torch` is torch all the same (a helper library's `from torch_snippets import *` re-exports it)
      if (index.starModules.size() == 1) {
        return n.id().equals("torch") ? "torch" : index.starModules.get(0) + "." + n.id();
      }
      return null;
    }
    List<Binding> main = new ArrayList<>();
    for (Binding b : bs) {
      if (!inExceptHandler(b)) {
        main.add(b);
      }
    }
    if (main.isEmpty()) {
      main = bs;
    }
    String q = null;
    boolean allImports = true;
    for (Binding b : main) {
      if (b.kind() != Binding.Kind.IMPORT) {
        allImports = false;
        break;
      }
      if (q == null) {
        q = b.qualifiedName();
      } else if (!q.equals(b.qualifiedName())) {
        return null;
      }
    }
    if (allImports) {
      return q;
    }
    if (main.size() == 1) {
      Binding b = main.get(0);
      if (b.kind() == Binding.Kind.ASSIGN && b.index() < 0
          && (b.value() instanceof Expr.Name || b.value() instanceof Expr.Attribute)) {
        return qualifiedName(b.value(), depth + 1);
      }
    }
    return null;
  }

  /** Whether the binding sits in an {@code except} handler (the fallback of a guarded import). */
  boolean inExceptHandler(Binding b) {
    Node cur = b.node();
    boolean first = true;
    while (cur != null) {
      if (cur instanceof Support.ExceptHandler) {
        return true;
      }
      if (!first && (cur instanceof Stmt.FunctionDef || cur instanceof Stmt.ClassDef)) {
        return false;
      }
      first = false;
      cur = index.parent(cur);
    }
    return false;
  }

  /** The name the module binds to {@code qualified} by an import at module level, or null. */
  String moduleAlias(String qualified) {
    String found = null;
    for (var entry : index.moduleScope().allBindings().entrySet()) {
      for (Binding b : entry.getValue()) {
        if (b.kind() == Binding.Kind.IMPORT && qualified.equals(b.qualifiedName()) && !inExceptHandler(b)) {
          if (found == null || entry.getKey().equals(qualified)) {
            found = entry.getKey();
          }
        }
      }
    }
    if (found == null) {
      return null;
    }
    // the alias must still mean the import at the end of the module
    List<Binding> bs = index.moduleScope().bindings(found);
    for (Binding b : bs) {
      if (b.kind() != Binding.Kind.IMPORT && !inExceptHandler(b)) {
        return null;
      }
    }
    return found;
  }
}
