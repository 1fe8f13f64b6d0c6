package dev.oomlint.semantic;

import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Mod;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.Nodes;
import dev.oomlint.ast.Operators;
import dev.oomlint.ast.Pattern;
import dev.oomlint.ast.Stmt;
import dev.oomlint.ast.Support;
import dev.oomlint.ast.TypeParam;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One iterative pass over a module that records, for every node, its parent and scope; for every
 * statement, the block it sits in; and every binding of every scope. Deeply nested trees cost heap,
 * never stack.
 *
 * <p>The pass keeps its work stack in parallel arrays and its per-node facts in one open-addressing
 * identity table (parent, scope and block position share a slot), so indexing a node costs one hash
 * probe and no allocation.
 */
final class AstIndex {
  /** Where a statement sits: its block (a statement list) and its index in it. */
  record Position(List<Stmt> block, int index) {}

  /** By start offset (a class: {@code Comparator.comparingInt}'s lambda would be made at every start). */
  private static final Comparator<Node> BY_SOURCE = new Comparator<>() {
    @Override
    public int compare(Node a, Node b) {
      return Integer.compare(a.range().start(), b.range().start());
    }
  };

  private final Mod.Module module;
  private final Map<Node, Scope> scopeOpenedBy = new IdentityHashMap<>();
  private final Map<Expr.Name, BindInfo> pending = new IdentityHashMap<>();
  final List<Expr.Call> calls = new ArrayList<>();
  final List<Stmt.FunctionDef> functions = new ArrayList<>();
  final List<Stmt.ClassDef> classes = new ArrayList<>();
  final List<Stmt> loops = new ArrayList<>();
  /** Every loaded name that is neither the callee of a call nor the base of an attribute (a reference). */
  final List<Expr.Name> references = new ArrayList<>();
  /** Every attribute node of the tree (type parameters included), in no particular order. */
  final List<Expr.Attribute> attributes = new ArrayList<>();
  /**
   * Every import statement reachable from the module through statements only (none inside an
   * {@code except} handler or a {@code match} case), in no particular order.
   */
  final List<Stmt> statementImports = new ArrayList<>();
  /** Every assignment statement of the tree, in no particular order. */
  final List<Stmt.Assign> assigns = new ArrayList<>();
  /** The absolute modules of the file's {@code from M import *} statements, in source order. */
  final List<String> starModules = new ArrayList<>(0);
  /** Every module the file star-imports at module level, relative ones with their dots ({@code .utils}). */
  final List<String> allStarModules = new ArrayList<>(0);
  private final Scope moduleScope;

  // identity table, interleaved so that one probe touches one cache line: entry i holds the node at
  // 4i, its parent at 4i+1, its scope at 4i+2 and its block at 4i+3; the statement's index in that
  // block (plus one; 0 for none) is positions[i]. Object[] on purpose: storing into an array of an
  // interface type costs a subtype check per store.
  private Object[] table;
  private int[] positions;
  private int size;

  // work stack, in parallel arrays (Object[] for cheap stores, as above)
  private Object[] stNode;
  private Object[] stParent;
  private Scope[] stScope;
  private Object[] stBlock;
  private int[] stIndex;
  private int sp;

  // the parent and scope generic children are pushed with
  private Node genParent;
  private Scope genScope;
  private final Consumer<Node> genPush = child -> push(child, genParent, genScope);

  private record BindInfo(Binding.Kind kind, Stmt stmt, Expr value, int index, int effective) {}

  AstIndex(Mod.Module module) {
    this.module = module;
    // real code has about one node per 14 characters (the corpus in docs/benchmarks.md): sized for one
    // per 10, a table is rehashed for 3% of files (for a third of them at one per 16)
    int expected = Math.max(16, module.range().end() / 10);
    int cap = Integer.highestOneBit(expected * 2 - 1) << 1;
    allocTable(cap);
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
    int i = find(n);
    return i < 0 ? null : (Node) table[(i << 2) + 1];
  }

  /** The scope a node is evaluated in (a def's name and decorators: the enclosing scope). */
  Scope scope(Node n) {
    int i = find(n);
    return i < 0 ? moduleScope : (Scope) table[(i << 2) + 2];
  }

  /** The scope opened by a module, class, function, lambda or comprehension node; null otherwise. */
  Scope scopeOpenedBy(Node n) {
    return scopeOpenedBy.get(n);
  }

  Position position(Stmt s) {
    int i = find(s);
    if (i < 0 || positions[i] == 0) {
      return null;
    }
    @SuppressWarnings("unchecked")
    List<Stmt> block = (List<Stmt>) table[(i << 2) + 3];
    return new Position(block, positions[i] - 1);
  }

  /** The class a method is defined in (its parent), or null for a plain function. */
  Stmt.ClassDef enclosingClass(Stmt.FunctionDef f) {
    return parent(f) instanceof Stmt.ClassDef c ? c : null;
  }

  /** The function whose parameter list holds {@code arg}, searched outward from a use of it; null when none does. */
  Stmt.FunctionDef parameterOwner(Node use, Node arg) {
    Stmt.FunctionDef f = enclosingFunction(use);
    while (f != null && !f.args().range().contains(arg.range())) {
      f = enclosingFunction(f);
    }
    return f;
  }

  /** The innermost function whose body (not its decorators) contains {@code n}; null at module level. */
  Stmt.FunctionDef enclosingFunction(Node n) {
    Node child = n;
    Node cur = parent(n);
    while (cur != null) {
      if (cur instanceof Stmt.FunctionDef f && !AstUtil.containsNode(f.decoratorList(), child)) {
        return f;
      }
      child = cur;
      cur = parent(cur);
    }
    return null;
  }

  /** Memo value for "no qualified name". */
  static final Object NO_NAME = new Object();
  /** Per table entry: the memoised qualified name of the node (see {@link Names}); null until asked. */
  private Object[] qualifiedMemo;

  /** The memoised qualified name of {@code n}: null when not known yet, {@link #NO_NAME} for none. */
  Object qualifiedMemo(Node n) {
    if (qualifiedMemo == null) {
      return null;
    }
    int i = find(n);
    return i < 0 ? null : qualifiedMemo[i];
  }

  /** Memoises the qualified name of an indexed node (the table no longer changes after the pass). */
  void qualifiedMemo(Node n, Object value) {
    int i = find(n);
    if (i < 0) {
      return;
    }
    if (qualifiedMemo == null) {
      qualifiedMemo = new Object[positions.length];
    }
    qualifiedMemo[i] = value;
  }

  // ------------------------------------------------------------------ identity table

  private void allocTable(int cap) {
    table = new Object[cap << 2];
    positions = new int[cap];
  }

  private static int hash(Object n) {
    int h = System.identityHashCode(n);
    return h ^ (h >>> 16);
  }

  /** The entry of {@code n} in the table, or -1. */
  private int find(Node n) {
    if (n == null) {
      return -1;
    }
    Object[] t = table;
    int mask = positions.length - 1;
    int i = hash(n) & mask;
    while (true) {
      Object k = t[i << 2];
      if (k == n) {
        return i;
      }
      if (k == null) {
        return -1;
      }
      i = (i + 1) & mask;
    }
  }

  /** Records a node's parent and scope, and its block position when {@code block} is not null. */
  private void put(Object n, Object parent, Scope scope, Object block, int indexPlusOne) {
    Object[] t = table;
    int mask = positions.length - 1;
    int i = hash(n) & mask;
    while (true) {
      Object k = t[i << 2];
      if (k == n) {
        break;
      }
      if (k == null) {
        t[i << 2] = n;
        size++;
        break;
      }
      i = (i + 1) & mask;
    }
    int base = i << 2;
    t[base + 1] = parent;
    t[base + 2] = scope;
    if (block != null) {
      t[base + 3] = block;
      positions[i] = indexPlusOne;
    }
    if (size * 2 > positions.length) {
      rehash();
    }
  }

  private void rehash() {
    Object[] old = table;
    int[] oldPositions = positions;
    allocTable(oldPositions.length * 2);
    Object[] t = table;
    int mask = positions.length - 1;
    for (int j = 0; j < oldPositions.length; j++) {
      Object n = old[j << 2];
      if (n == null) {
        continue;
      }
      int i = hash(n) & mask;
      while (t[i << 2] != null) {
        i = (i + 1) & mask;
      }
      int to = i << 2;
      int from = j << 2;
      t[to] = n;
      t[to + 1] = old[from + 1];
      t[to + 2] = old[from + 2];
      t[to + 3] = old[from + 3];
      positions[i] = oldPositions[j];
    }
  }

  // ------------------------------------------------------------------ work stack

  private void allocStack(int cap) {
    stNode = new Object[cap];
    stParent = new Object[cap];
    stScope = new Scope[cap];
    stBlock = new Object[cap];
    stIndex = new int[cap];
  }

  private void growStack() {
    int cap = stNode.length * 2;
    stNode = Arrays.copyOf(stNode, cap);
    stParent = Arrays.copyOf(stParent, cap);
    stScope = Arrays.copyOf(stScope, cap);
    stBlock = Arrays.copyOf(stBlock, cap);
    stIndex = Arrays.copyOf(stIndex, cap);
  }

  private void push(Node n, Node parent, Scope scope) {
    if (sp == stNode.length) {
      growStack();
    }
    stNode[sp] = n;
    stParent[sp] = parent;
    stScope[sp] = scope;
    stBlock[sp] = null;
    stIndex[sp] = 0;
    sp++;
  }

  private void pushIfPresent(Node n, Node parent, Scope scope) {
    if (n != null) {
      push(n, parent, scope);
    }
  }

  /** Pushes the statements of a block, each with its position. */
  private void pushBlock(List<Stmt> body, Node parent, Scope scope) {
    for (int i = 0, n = body.size(); i < n; i++) {
      if (sp == stNode.length) {
        growStack();
      }
      stNode[sp] = body.get(i);
      stParent[sp] = parent;
      stScope[sp] = scope;
      stBlock[sp] = body;
      stIndex[sp] = i + 1;
      sp++;
    }
  }

  /** Reverses the frames pushed since {@code mark}, so that they pop in the order they were pushed. */
  private void reverseFrom(int mark) {
    for (int i = mark, j = sp - 1; i < j; i++, j--) {
      Object n = stNode[i];
      stNode[i] = stNode[j];
      stNode[j] = n;
      Object p = stParent[i];
      stParent[i] = stParent[j];
      stParent[j] = p;
      Scope s = stScope[i];
      stScope[i] = stScope[j];
      stScope[j] = s;
      Object b = stBlock[i];
      stBlock[i] = stBlock[j];
      stBlock[j] = b;
      int x = stIndex[i];
      stIndex[i] = stIndex[j];
      stIndex[j] = x;
    }
  }

  private void pushChildren(Node n, Scope scope) {
    genParent = n;
    genScope = scope;
    Nodes.forEachChild(n, genPush);
  }

  // ------------------------------------------------------------------ the pass

  private void walk() {
    allocStack(64);
    pushBlock(module.body(), module, moduleScope);
    reverseFrom(0);
    while (sp > 0) {
      sp--;
      Node n = (Node) stNode[sp];
      Node parent = (Node) stParent[sp];
      Scope scope = stScope[sp];
      put(n, parent, scope, stBlock[sp], stIndex[sp]);
      int mark = sp;
      visit(n, parent, scope);
      reverseFrom(mark);
    }
    stNode = null;
    stParent = null;
    stScope = null;
    stBlock = null;
    stIndex = null;
    genParent = null;
    genScope = null;
    for (Scope s : scopeOpenedBy.values()) {
      s.sortBindings();
    }
    calls.sort(BY_SOURCE);
    functions.sort(BY_SOURCE);
    classes.sort(BY_SOURCE);
    loops.sort(BY_SOURCE);
  }

  /** Pushes the children of {@code n} in the order they must be visited. */
  private void visit(Node n, Node parent, Scope scope) {
    if (n instanceof Expr.Name name) {
      if (name.ctx() == Operators.ExprContext.LOAD) {
        if (!(parent instanceof Expr.Call c && c.func() == name) && !(parent instanceof Expr.Attribute)) {
          references.add(name);
        }
      } else {
        BindInfo info = pending.isEmpty() ? null : pending.remove(name);
        if (info == null) {
          Binding.Kind k = name.ctx() == Operators.ExprContext.DEL ? Binding.Kind.DELETE : Binding.Kind.ASSIGN;
          info = new BindInfo(k, enclosingStatement(parent), null, -1, name.range().end());
        }
        bind(scope, new Binding(name.id(), info.kind(), name, info.stmt(), info.value(), info.index(), null,
            info.effective()));
      }
      return;
    }
    if (n instanceof Expr.Attribute a) {
      attributes.add(a);
      push(a.value(), a, scope);
      return;
    }
    if (n instanceof Expr.Call c) {
      calls.add(c);
      push(c.func(), c, scope);
      pushAll(c.args(), c, scope);
      pushAll(c.keywords(), c, scope);
      return;
    }
    if (n instanceof Expr.Constant) {
      return;
    }
    if (n instanceof Support.Keyword k) {
      pushIfPresent(k.value(), k, scope);
      return;
    }
    if (n instanceof Stmt s) {
      if (s instanceof Stmt.FunctionDef f) {
        functionDef(f, scope);
      } else if (s instanceof Stmt.ClassDef c) {
        classDef(c, scope);
      } else {
        statement(s, scope);
      }
      return;
    }
    if (n instanceof Support.Arguments a) {
      arguments(a, scope);
      return;
    }
    if (n instanceof Expr.Lambda l) {
      Scope inner = new Scope(Scope.Kind.LAMBDA, l, scope);
      scopeOpenedBy.put(l, inner);
      push(l.args(), l, inner);
      push(l.body(), l, inner);
      return;
    }
    if (n instanceof Expr.ListComp || n instanceof Expr.SetComp || n instanceof Expr.DictComp
        || n instanceof Expr.GeneratorExp) {
      comprehension((Expr) n, scope);
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
        push(ne.target(), ne, target);
      } else {
        push(ne.target(), ne, scope);
      }
      push(ne.value(), ne, scope);
      return;
    }
    if (n instanceof Support.ExceptHandler h) {
      if (h.name() != null) {
        Stmt owner = parent instanceof Stmt st ? st : null;
        bind(scope, new Binding(h.name(), Binding.Kind.EXCEPT, h, owner, h.type(), -1, null, h.range().start()));
      }
      pushIfPresent(h.type(), h, scope);
      pushBlock(h.body(), h, scope);
      return;
    }
    if (n instanceof Support.MatchCase mc) {
      push(mc.pattern(), mc, scope);
      pushIfPresent(mc.guard(), mc, scope);
      pushBlock(mc.body(), mc, scope);
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
    pushChildren(n, scope);
  }

  private void pushAll(List<? extends Node> nodes, Node parent, Scope scope) {
    for (int i = 0, n = nodes.size(); i < n; i++) {
      pushIfPresent(nodes.get(i), parent, scope);
    }
  }

  private void functionDef(Stmt.FunctionDef f, Scope scope) {
    functions.add(f);
    bind(scope, new Binding(f.name(), Binding.Kind.FUNCTION, f, f, null, -1, null, f.range().end()));
    Scope inner = new Scope(Scope.Kind.FUNCTION, f, scope);
    scopeOpenedBy.put(f, inner);
    pushAll(f.decoratorList(), f, scope);
    push(f.args(), f, inner);
    pushIfPresent(f.returns(), f, scope);
    pushBlock(f.body(), f, inner);
    typeParamAttributes(f.typeParams());
  }

  private void classDef(Stmt.ClassDef c, Scope scope) {
    classes.add(c);
    bind(scope, new Binding(c.name(), Binding.Kind.CLASS, c, c, null, -1, null, c.range().end()));
    Scope inner = new Scope(Scope.Kind.CLASS, c, scope);
    scopeOpenedBy.put(c, inner);
    pushAll(c.decoratorList(), c, scope);
    pushAll(c.bases(), c, scope);
    pushAll(c.keywords(), c, scope);
    pushBlock(c.body(), c, inner);
    typeParamAttributes(c.typeParams());
  }

  /** Type parameters are not indexed, but attributes in them still count (as the tree holds them). */
  private void typeParamAttributes(List<TypeParam> params) {
    if (params.isEmpty()) {
      return;
    }
    for (TypeParam p : params) {
      dev.oomlint.ast.AstWalker.walk(p, (Node x) -> {
        if (x instanceof Expr.Attribute a) {
          attributes.add(a);
        }
      });
    }
  }

  private void arguments(Support.Arguments a, Scope scope) {
    // parameters bind in the function's scope; defaults and annotations evaluate outside it
    Scope outer = scope.parent() == null ? scope : scope.parent();
    int eff = a.range().start();
    parameters(a.posonlyargs(), a, scope, outer, eff);
    parameters(a.args(), a, scope, outer, eff);
    if (a.vararg() != null) {
      parameter(a.vararg(), a, scope, outer, eff);
    }
    parameters(a.kwonlyargs(), a, scope, outer, eff);
    if (a.kwarg() != null) {
      parameter(a.kwarg(), a, scope, outer, eff);
    }
    List<Expr> defaults = a.defaults();
    for (int i = 0, n = defaults.size(); i < n; i++) {
      push(defaults.get(i), a, outer);
    }
    pushAll(a.kwDefaults(), a, outer);
  }

  private void parameters(List<Support.Arg> args, Support.Arguments a, Scope scope, Scope outer, int eff) {
    for (int i = 0, n = args.size(); i < n; i++) {
      parameter(args.get(i), a, scope, outer, eff);
    }
  }

  private void parameter(Support.Arg arg, Support.Arguments a, Scope scope, Scope outer, int eff) {
    bind(scope, new Binding(arg.arg(), Binding.Kind.PARAMETER, arg, null, null, -1, null, eff));
    put(arg, a, scope, null, 0);
    if (arg.annotation() != null) {
      push(arg.annotation(), arg, outer);
    }
  }

  private void comprehension(Expr n, Scope scope) {
    List<Support.Comprehension> gens;
    Expr elt;
    Expr value = null;
    if (n instanceof Expr.ListComp c) {
      gens = c.generators();
      elt = c.elt();
    } else if (n instanceof Expr.SetComp c) {
      gens = c.generators();
      elt = c.elt();
    } else if (n instanceof Expr.GeneratorExp c) {
      gens = c.generators();
      elt = c.elt();
    } else {
      Expr.DictComp c = (Expr.DictComp) n;
      gens = c.generators();
      elt = c.key();
      value = c.value();
    }
    Scope inner = new Scope(Scope.Kind.COMPREHENSION, n, scope);
    scopeOpenedBy.put(n, inner);
    for (int i = 0; i < gens.size(); i++) {
      Support.Comprehension g = gens.get(i);
      put(g, n, inner, null, 0);
      push(g.iter(), g, i == 0 ? scope : inner);
      targets(g.target(), Binding.Kind.COMPREHENSION_TARGET, null, g.iter(), g.target().range().end());
      push(g.target(), g, inner);
      List<Expr> ifs = g.ifs();
      for (int k = 0, m = ifs.size(); k < m; k++) {
        push(ifs.get(k), g, inner);
      }
    }
    push(elt, n, inner);
    if (value != null) {
      push(value, n, inner);
    }
  }

  private void statement(Stmt s, Scope scope) {
    if (s instanceof Stmt.ExprStmt e) {
      pushIfPresent(e.value(), s, scope);
      return;
    }
    if (s instanceof Stmt.Assign a) {
      assigns.add(a);
      List<Expr> ts = a.targets();
      for (int i = 0, n = ts.size(); i < n; i++) {
        targets(ts.get(i), Binding.Kind.ASSIGN, s, a.value(), s.range().end());
      }
      pushAll(ts, s, scope);
      pushIfPresent(a.value(), s, scope);
      return;
    }
    if (s instanceof Stmt.For f) {
      loops.add(f);
      targets(f.target(), Binding.Kind.FOR_TARGET, s, f.iter(), f.target().range().end());
      push(f.iter(), s, scope);
      push(f.target(), s, scope);
      pushBlock(f.body(), s, scope);
      pushBlock(f.orelse(), s, scope);
      return;
    }
    if (s instanceof Stmt.While w) {
      loops.add(w);
      push(w.test(), s, scope);
      pushBlock(w.body(), s, scope);
      pushBlock(w.orelse(), s, scope);
      return;
    }
    if (s instanceof Stmt.If i) {
      push(i.test(), s, scope);
      pushBlock(i.body(), s, scope);
      pushBlock(i.orelse(), s, scope);
      return;
    }
    if (s instanceof Stmt.With w) {
      List<Support.WithItem> items = w.items();
      for (int i = 0, n = items.size(); i < n; i++) {
        Support.WithItem item = items.get(i);
        if (item.optionalVars() != null) {
          targets(item.optionalVars(), Binding.Kind.WITH_TARGET, s, item.contextExpr(),
              item.optionalVars().range().end());
        }
        push(item, s, scope);
      }
      pushBlock(w.body(), s, scope);
      return;
    }
    if (s instanceof Stmt.Try t) {
      // order: body, handlers, orelse, finalbody; handlers are nodes with their own blocks
      pushBlock(t.body(), s, scope);
      List<Support.ExceptHandler> hs = t.handlers();
      for (int i = 0, n = hs.size(); i < n; i++) {
        push(hs.get(i), s, scope);
      }
      pushBlock(t.orelse(), s, scope);
      pushBlock(t.finalbody(), s, scope);
      return;
    }
    if (s instanceof Stmt.Match m) {
      push(m.subject(), s, scope);
      List<Support.MatchCase> cases = m.cases();
      for (int i = 0, n = cases.size(); i < n; i++) {
        push(cases.get(i), s, scope);
      }
      return;
    }
    if (s instanceof Stmt.AugAssign a) {
      targets(a.target(), Binding.Kind.AUG_ASSIGN, s, a.value(), s.range().end());
    } else if (s instanceof Stmt.AnnAssign a) {
      targets(a.target(), a.value() == null ? Binding.Kind.ANNOTATION : Binding.Kind.ASSIGN, s, a.value(),
          s.range().end());
    } else if (s instanceof Stmt.Import imp) {
      noteImport(s);
      List<Support.Alias> als = imp.names();
      for (int i = 0, n = als.size(); i < n; i++) {
        Support.Alias al = als.get(i);
        put(al, s, scope, null, 0);
        if (al.asname() != null) {
          bind(scope, new Binding(al.asname(), Binding.Kind.IMPORT, al, s, null, -1, al.name(), s.range().end()));
        } else {
          int dot = al.name().indexOf('.');
          String root = dot >= 0 ? al.name().substring(0, dot) : al.name();
          bind(scope, new Binding(root, Binding.Kind.IMPORT, al, s, null, -1, root, s.range().end()));
        }
      }
      return;
    } else if (s instanceof Stmt.ImportFrom imp) {
      noteImport(s);
      String base = ".".repeat(imp.level()) + (imp.module() == null ? "" : imp.module());
      List<Support.Alias> als = imp.names();
      for (int i = 0, n = als.size(); i < n; i++) {
        Support.Alias al = als.get(i);
        put(al, s, scope, null, 0);
        if (al.name().equals("*")) {
          if (scope == moduleScope()) {
            allStarModules.add(base);
          }
          if (imp.level() == 0 && imp.module() != null) {
            starModules.add(imp.module());
          }
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
    pushChildren(s, scope);
  }

  private void noteImport(Stmt s) {
    for (Node cur = parent(s); cur != null; cur = parent(cur)) {
      if (cur instanceof Support.ExceptHandler || cur instanceof Support.MatchCase) {
        return;
      }
    }
    statementImports.add(s);
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

  /** The statement a node belongs to (itself when it is one), or null. */
  Stmt enclosingStatement(Node n) {
    Node cur = n;
    while (cur != null && !(cur instanceof Stmt)) {
      cur = parent(cur);
    }
    return (Stmt) cur;
  }

  /** The first of {@link #allArgs} without building the list, or null when there are no parameters. */
  static Support.Arg firstArg(Support.Arguments a) {
    if (!a.posonlyargs().isEmpty()) {
      return a.posonlyargs().get(0);
    }
    if (!a.args().isEmpty()) {
      return a.args().get(0);
    }
    if (a.vararg() != null) {
      return a.vararg();
    }
    if (!a.kwonlyargs().isEmpty()) {
      return a.kwonlyargs().get(0);
    }
    return a.kwarg();
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
