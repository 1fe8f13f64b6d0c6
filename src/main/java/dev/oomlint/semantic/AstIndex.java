package dev.oomlint.semantic;

import dev.oomlint.ast.Nodes;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Mod;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.Pattern;
import dev.oomlint.ast.Stmt;
import dev.oomlint.ast.Support;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One iterative pass over a module that records, for every node, its parent and scope; for every
 * statement, the block it sits in; and every binding of every scope. Deeply nested trees cost heap,
 * never stack.
 */
final class AstIndex {
  /** Where a statement sits: its block (a statement list) and its index in it. */
  record Position(List<Stmt> block, int index) {}

  private final Mod.Module module;
  private final Map<Node, Node> parents;
  private final Map<Node, Scope> scopes;
  private final Map<Stmt, Position> positions;
  private final Map<Node, Scope> scopeOpenedBy = new IdentityHashMap<>();
  private final Map<Expr.Name, BindInfo> pending = new IdentityHashMap<>();
  final List<Expr.Call> calls = new ArrayList<>();
  final List<Stmt.FunctionDef> functions = new ArrayList<>();
  final List<Stmt.ClassDef> classes = new ArrayList<>();
  final List<Stmt> loops = new ArrayList<>();
  final List<Expr.Name> names = new ArrayList<>();
  private final Scope moduleScope;

  private record BindInfo(Binding.Kind kind, Stmt stmt, Expr value, int index, int effective) {}

  private record Frame(Node node, Node parent, Scope scope) {}

  AstIndex(Mod.Module module) {
    this.module = module;
    // real code has about one node per 9 characters: size the per-node maps once, no rehashing
    int nodes = Math.max(16, module.range().end() / 8);
    this.parents = new IdentityHashMap<>(nodes);
    this.scopes = new IdentityHashMap<>(nodes);
    this.positions = new IdentityHashMap<>(Math.max(16, nodes / 8));
    this.moduleScope = new Scope(Scope.Kind.MODULE, module, null);
    scopeOpenedBy.put(module, moduleScope);
    walk();
  }

  Mod.Module module() {
    return module;
  }

  Scope moduleScope() {
    return moduleScope;
  }

  Node parent(Node n) {
    return parents.get(n);
  }

  /** The scope a node is evaluated in (a def's name and decorators: the enclosing scope). */
  Scope scope(Node n) {
    Scope s = scopes.get(n);
    return s == null ? moduleScope : s;
  }

  /** The scope opened by a module, class, function, lambda or comprehension node; null otherwise. */
  Scope scopeOpenedBy(Node n) {
    return scopeOpenedBy.get(n);
  }

  Position position(Stmt s) {
    return positions.get(s);
  }

  private void walk() {
    Deque<Frame> stack = new ArrayDeque<>();
    block(module.body(), module, moduleScope, stack);
    while (!stack.isEmpty()) {
      Frame f = stack.pop();
      visit(f.node(), f.parent(), f.scope(), stack);
    }
    for (Scope s : scopeOpenedBy.values()) {
      s.sortBindings();
    }
    java.util.Comparator<Node> bySource = java.util.Comparator.comparingInt(n -> n.range().start());
    calls.sort(bySource);
    functions.sort(bySource);
    classes.sort(bySource);
    loops.sort(bySource);
  }

  private void block(List<Stmt> body, Node parent, Scope scope, Deque<Frame> stack) {
    for (int i = body.size() - 1; i >= 0; i--) {
      positions.put(body.get(i), new Position(body, i));
      stack.push(new Frame(body.get(i), parent, scope));
    }
  }

  /** Pushes children so that they pop in the given order. */
  private static void push(Deque<Frame> stack, List<Frame> frames) {
    for (int i = frames.size() - 1; i >= 0; i--) {
      stack.push(frames.get(i));
    }
  }

  private void visit(Node n, Node parent, Scope scope, Deque<Frame> stack) {
    if (parent != null) {
      parents.put(n, parent);
    }
    scopes.put(n, scope);
    List<Frame> kids = new ArrayList<>();
    if (n instanceof Stmt.FunctionDef f) {
      functions.add(f);
      bind(scope, new Binding(f.name(), Binding.Kind.FUNCTION, f, f, null, -1, null, f.range().end()));
      Scope inner = new Scope(Scope.Kind.FUNCTION, f, scope);
      scopeOpenedBy.put(f, inner);
      for (Expr d : f.decoratorList()) {
        kids.add(new Frame(d, f, scope));
      }
      kids.add(new Frame(f.args(), f, inner));
      if (f.returns() != null) {
        kids.add(new Frame(f.returns(), f, scope));
      }
      push(stack, kids);
      block(f.body(), f, inner, stack);
      // body frames were pushed after the others: make them pop last
      reorderBodyLast(stack, kids.size(), f.body().size());
      return;
    }
    if (n instanceof Stmt.ClassDef c) {
      classes.add(c);
      bind(scope, new Binding(c.name(), Binding.Kind.CLASS, c, c, null, -1, null, c.range().end()));
      Scope inner = new Scope(Scope.Kind.CLASS, c, scope);
      scopeOpenedBy.put(c, inner);
      for (Expr d : c.decoratorList()) {
        kids.add(new Frame(d, c, scope));
      }
      for (Expr b : c.bases()) {
        kids.add(new Frame(b, c, scope));
      }
      for (Support.Keyword k : c.keywords()) {
        kids.add(new Frame(k, c, scope));
      }
      push(stack, kids);
      block(c.body(), c, inner, stack);
      reorderBodyLast(stack, kids.size(), c.body().size());
      return;
    }
    if (n instanceof Support.Arguments a) {
      // parameters bind in the function's scope; defaults and annotations evaluate outside it
      Scope outer = scope.parent() == null ? scope : scope.parent();
      int eff = a.range().start();
      for (Support.Arg arg : allArgs(a)) {
        bind(scope, new Binding(arg.arg(), Binding.Kind.PARAMETER, arg, null, null, -1, null, eff));
        parents.put(arg, a);
        scopes.put(arg, scope);
        if (arg.annotation() != null) {
          kids.add(new Frame(arg.annotation(), arg, outer));
        }
      }
      for (Expr d : a.defaults()) {
        kids.add(new Frame(d, a, outer));
      }
      for (Expr d : a.kwDefaults()) {
        if (d != null) {
          kids.add(new Frame(d, a, outer));
        }
      }
      push(stack, kids);
      return;
    }
    if (n instanceof Expr.Lambda l) {
      Scope inner = new Scope(Scope.Kind.LAMBDA, l, scope);
      scopeOpenedBy.put(l, inner);
      kids.add(new Frame(l.args(), l, inner));
      kids.add(new Frame(l.body(), l, inner));
      push(stack, kids);
      return;
    }
    if (n instanceof Expr.ListComp || n instanceof Expr.SetComp || n instanceof Expr.DictComp
        || n instanceof Expr.GeneratorExp) {
      comprehension((Expr) n, scope, stack);
      return;
    }
    if (n instanceof Stmt s) {
      statement(s, scope, stack);
      return;
    }
    if (n instanceof Expr.Name name) {
      names.add(name);
      if (name.ctx() != dev.oomlint.ast.Operators.ExprContext.LOAD) {
        BindInfo info = pending.remove(name);
        if (info == null) {
          Binding.Kind k = name.ctx() == dev.oomlint.ast.Operators.ExprContext.DEL
              ? Binding.Kind.DELETE : Binding.Kind.ASSIGN;
          info = new BindInfo(k, enclosingStatement(parent), null, -1, name.range().end());
        }
        bind(scope, new Binding(name.id(), info.kind(), name, info.stmt(), info.value(), info.index(), null,
            info.effective()));
      }
      return;
    }
    if (n instanceof Expr.NamedExpr ne) {
      if (ne.target() instanceof Expr.Name t) {
        pending.put(t, new BindInfo(Binding.Kind.NAMED_EXPR, enclosingStatement(parent), ne.value(), -1,
            ne.range().end()));
        // the walrus binds in the nearest non-comprehension scope
        Scope target = scope;
        while (target.kind() == Scope.Kind.COMPREHENSION && target.parent() != null) {
          target = target.parent();
        }
        kids.add(new Frame(ne.target(), ne, target));
      } else {
        kids.add(new Frame(ne.target(), ne, scope));
      }
      kids.add(new Frame(ne.value(), ne, scope));
      push(stack, kids);
      return;
    }
    if (n instanceof Expr.Call c) {
      calls.add(c);
    }
    if (n instanceof Support.ExceptHandler h) {
      if (h.name() != null) {
        Stmt owner = parent instanceof Stmt st ? st : null;
        bind(scope, new Binding(h.name(), Binding.Kind.EXCEPT, h, owner, h.type(), -1, null, h.range().start()));
      }
      if (h.type() != null) {
        kids.add(new Frame(h.type(), h, scope));
      }
      push(stack, kids);
      block(h.body(), h, scope, stack);
      reorderBodyLast(stack, kids.size(), h.body().size());
      return;
    }
    if (n instanceof Support.MatchCase mc) {
      kids.add(new Frame(mc.pattern(), mc, scope));
      if (mc.guard() != null) {
        kids.add(new Frame(mc.guard(), mc, scope));
      }
      push(stack, kids);
      block(mc.body(), mc, scope, stack);
      reorderBodyLast(stack, kids.size(), mc.body().size());
      return;
    }
    if (n instanceof Pattern p) {
      String bound = p instanceof Pattern.MatchAs as ? as.name()
          : p instanceof Pattern.MatchStar st ? st.name()
          : p instanceof Pattern.MatchMapping mm ? mm.rest() : null;
      if (bound != null) {
        bind(scope, new Binding(bound, Binding.Kind.MATCH, p, enclosingStatement(parent), null, -1, null,
            p.range().end()));
      }
    }
    for (Node k : Nodes.children(n)) {
      kids.add(new Frame(k, n, scope));
    }
    push(stack, kids);
  }

  /**
   * {@link #block} pushed the body frames on top of the {@code others} frames pushed just before;
   * both must pop in source order, others first. Swap the two groups on the stack.
   */
  private static void reorderBodyLast(Deque<Frame> stack, int others, int bodySize) {
    if (others == 0 || bodySize == 0) {
      return;
    }
    List<Frame> body = new ArrayList<>();
    for (int i = 0; i < bodySize; i++) {
      body.add(stack.pop());
    }
    List<Frame> rest = new ArrayList<>();
    for (int i = 0; i < others; i++) {
      rest.add(stack.pop());
    }
    for (int i = body.size() - 1; i >= 0; i--) {
      stack.push(body.get(i));
    }
    for (int i = rest.size() - 1; i >= 0; i--) {
      stack.push(rest.get(i));
    }
  }

  private void comprehension(Expr n, Scope scope, Deque<Frame> stack) {
    List<Support.Comprehension> gens;
    List<Expr> elts = new ArrayList<>();
    if (n instanceof Expr.ListComp c) {
      gens = c.generators();
      elts.add(c.elt());
    } else if (n instanceof Expr.SetComp c) {
      gens = c.generators();
      elts.add(c.elt());
    } else if (n instanceof Expr.GeneratorExp c) {
      gens = c.generators();
      elts.add(c.elt());
    } else {
      Expr.DictComp c = (Expr.DictComp) n;
      gens = c.generators();
      elts.add(c.key());
      elts.add(c.value());
    }
    Scope inner = new Scope(Scope.Kind.COMPREHENSION, n, scope);
    scopeOpenedBy.put(n, inner);
    List<Frame> kids = new ArrayList<>();
    for (int i = 0; i < gens.size(); i++) {
      Support.Comprehension g = gens.get(i);
      parents.put(g, n);
      scopes.put(g, inner);
      kids.add(new Frame(g.iter(), g, i == 0 ? scope : inner));
      targets(g.target(), Binding.Kind.COMPREHENSION_TARGET, null, g.iter(), g.target().range().end());
      kids.add(new Frame(g.target(), g, inner));
      for (Expr cond : g.ifs()) {
        kids.add(new Frame(cond, g, inner));
      }
    }
    for (Expr e : elts) {
      kids.add(new Frame(e, n, inner));
    }
    push(stack, kids);
  }

  private void statement(Stmt s, Scope scope, Deque<Frame> stack) {
    List<Frame> kids = new ArrayList<>();
    if (s instanceof Stmt.For f) {
      loops.add(f);
      targets(f.target(), Binding.Kind.FOR_TARGET, s, f.iter(), f.target().range().end());
      kids.add(new Frame(f.iter(), s, scope));
      kids.add(new Frame(f.target(), s, scope));
      push(stack, kids);
      pushBlocks(stack, s, scope, List.of(f.body(), f.orelse()));
      return;
    }
    if (s instanceof Stmt.While w) {
      loops.add(w);
      kids.add(new Frame(w.test(), s, scope));
      push(stack, kids);
      pushBlocks(stack, s, scope, List.of(w.body(), w.orelse()));
      return;
    }
    if (s instanceof Stmt.If i) {
      kids.add(new Frame(i.test(), s, scope));
      push(stack, kids);
      pushBlocks(stack, s, scope, List.of(i.body(), i.orelse()));
      return;
    }
    if (s instanceof Stmt.With w) {
      for (Support.WithItem item : w.items()) {
        if (item.optionalVars() != null) {
          targets(item.optionalVars(), Binding.Kind.WITH_TARGET, s, item.contextExpr(),
              item.optionalVars().range().end());
        }
        kids.add(new Frame(item, s, scope));
      }
      push(stack, kids);
      pushBlocks(stack, s, scope, List.of(w.body()));
      return;
    }
    if (s instanceof Stmt.Try t) {
      // handlers are nodes with their own blocks
      List<Frame> hs = new ArrayList<>();
      for (Support.ExceptHandler h : t.handlers()) {
        hs.add(new Frame(h, s, scope));
      }
      // order: body, handlers, orelse, finalbody
      List<Frame> all = new ArrayList<>();
      for (int i = 0; i < t.body().size(); i++) {
        positions.put(t.body().get(i), new Position(t.body(), i));
        all.add(new Frame(t.body().get(i), s, scope));
      }
      all.addAll(hs);
      for (List<Stmt> b : List.of(t.orelse(), t.finalbody())) {
        for (int i = 0; i < b.size(); i++) {
          positions.put(b.get(i), new Position(b, i));
          all.add(new Frame(b.get(i), s, scope));
        }
      }
      push(stack, all);
      return;
    }
    if (s instanceof Stmt.Match m) {
      kids.add(new Frame(m.subject(), s, scope));
      for (Support.MatchCase c : m.cases()) {
        kids.add(new Frame(c, s, scope));
      }
      push(stack, kids);
      return;
    }
    if (s instanceof Stmt.Assign a) {
      for (Expr t : a.targets()) {
        targets(t, Binding.Kind.ASSIGN, s, a.value(), s.range().end());
      }
    } else if (s instanceof Stmt.AugAssign a) {
      targets(a.target(), Binding.Kind.AUG_ASSIGN, s, a.value(), s.range().end());
    } else if (s instanceof Stmt.AnnAssign a) {
      targets(a.target(), a.value() == null ? Binding.Kind.ANNOTATION : Binding.Kind.ASSIGN, s, a.value(),
          s.range().end());
    } else if (s instanceof Stmt.Import imp) {
      for (Support.Alias al : imp.names()) {
        parents.put(al, s);
        scopes.put(al, scope);
        if (al.asname() != null) {
          bind(scope, new Binding(al.asname(), Binding.Kind.IMPORT, al, s, null, -1, al.name(), s.range().end()));
        } else {
          String root = al.name().contains(".") ? al.name().substring(0, al.name().indexOf('.')) : al.name();
          bind(scope, new Binding(root, Binding.Kind.IMPORT, al, s, null, -1, root, s.range().end()));
        }
      }
      return;
    } else if (s instanceof Stmt.ImportFrom imp) {
      String base = ".".repeat(imp.level()) + (imp.module() == null ? "" : imp.module());
      for (Support.Alias al : imp.names()) {
        parents.put(al, s);
        scopes.put(al, scope);
        if (al.name().equals("*")) {
          continue;
        }
        String q = base.isEmpty() || base.endsWith(".") ? base + al.name() : base + "." + al.name();
        String local = al.asname() != null ? al.asname() : al.name();
        bind(scope, new Binding(local, Binding.Kind.IMPORT, al, s, null, -1, q, s.range().end()));
      }
      return;
    } else if (s instanceof Stmt.Global g) {
      for (String nm : g.names()) {
        scope.declareGlobal(nm);
      }
    } else if (s instanceof Stmt.Nonlocal nl) {
      for (String nm : nl.names()) {
        scope.declareNonlocal(nm);
      }
    }
    for (Node k : Nodes.children(s)) {
      kids.add(new Frame(k, s, scope));
    }
    push(stack, kids);
  }

  /** Pushes the frames of several blocks (after whatever was pushed before) in source order. */
  private void pushBlocks(Deque<Frame> stack, Stmt owner, Scope scope, List<List<Stmt>> blocks) {
    // The header frames were pushed first and must pop first: collect them, then re-push under the blocks.
    List<Frame> header = new ArrayList<>();
    while (!stack.isEmpty() && stack.peek().parent() == owner) {
      header.add(stack.pop());
    }
    List<Frame> all = new ArrayList<>();
    for (List<Stmt> b : blocks) {
      for (int i = 0; i < b.size(); i++) {
        positions.put(b.get(i), new Position(b, i));
        all.add(new Frame(b.get(i), owner, scope));
      }
    }
    push(stack, all);
    for (int i = header.size() - 1; i >= 0; i--) {
      stack.push(header.get(i));
    }
  }

  /** Records how each name in an assignment target is bound. */
  private void targets(Expr target, Binding.Kind kind, Stmt stmt, Expr value, int effective) {
    if (target instanceof Expr.Name n) {
      pending.put(n, new BindInfo(kind, stmt, value, -1, effective));
    } else if (target instanceof Expr.Tuple || target instanceof Expr.ListExpr) {
      List<Expr> elts = target instanceof Expr.Tuple t ? t.elts() : ((Expr.ListExpr) target).elts();
      for (int i = 0; i < elts.size(); i++) {
        Expr e = elts.get(i);
        if (e instanceof Expr.Name n) {
          pending.put(n, new BindInfo(kind, stmt, value, i, effective));
        } else if (e instanceof Expr.Starred st && st.value() instanceof Expr.Name n) {
          pending.put(n, new BindInfo(kind, stmt, value, -1, effective));
        } else {
          targets(e, kind, stmt, null, effective);
        }
      }
    } else if (target instanceof Expr.Starred st) {
      targets(st.value(), kind, stmt, value, effective);
    }
  }

  private void bind(Scope scope, Binding b) {
    Scope target = scope;
    if (scope.isGlobalDeclared(b.name())) {
      target = moduleScope;
    } else if (scope.isNonlocalDeclared(b.name())) {
      Scope s = scope.parent();
      while (s != null && (s.kind() == Scope.Kind.CLASS || s.bindings(b.name()).isEmpty())) {
        s = s.parent();
      }
      target = s == null ? scope : s;
    }
    target.add(b);
  }

  private Stmt enclosingStatement(Node n) {
    Node cur = n;
    while (cur != null && !(cur instanceof Stmt)) {
      cur = parents.get(cur);
    }
    return (Stmt) cur;
  }

  static List<Support.Arg> allArgs(Support.Arguments a) {
    List<Support.Arg> out = new ArrayList<>(a.posonlyargs());
    out.addAll(a.args());
    if (a.vararg() != null) {
      out.add(a.vararg());
    }
    out.addAll(a.kwonlyargs());
    if (a.kwarg() != null) {
      out.add(a.kwarg());
    }
    return out;
  }
}
