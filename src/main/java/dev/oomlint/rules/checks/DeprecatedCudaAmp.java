package dev.oomlint.rules.checks;

import dev.oomlint.ast.AstWalker;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.Operators;
import dev.oomlint.ast.Stmt;
import dev.oomlint.ast.Support;
import dev.oomlint.diagnostics.Applicability;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.diagnostics.Edit;
import dev.oomlint.diagnostics.Fix;
import dev.oomlint.rules.FixSafety;
import dev.oomlint.rules.Level;
import dev.oomlint.rules.Rule;
import dev.oomlint.rules.RuleContext;
import dev.oomlint.rules.RuleInfo;
import dev.oomlint.rules.edits.CallEdits;
import dev.oomlint.rules.edits.ImportEdits;
import dev.oomlint.semantic.AstUtil;
import dev.oomlint.semantic.Binding;
import dev.oomlint.semantic.Calls;
import dev.oomlint.semantic.SemanticModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * OOM501: {@code torch.cuda.amp.autocast(...)} and {@code torch.cuda.amp.GradScaler(...)}, however
 * imported, are deprecated in favour of {@code torch.amp.autocast("cuda", ...)} and
 * {@code torch.amp.GradScaler("cuda", ...)}. The fix rewrites the call (autocast's positional
 * arguments become keywords, as the new signature puts {@code dtype} second), drops the import that
 * becomes unused and adds {@code import torch} when the module has none. Not reported in a project
 * whose declared torch requirement allows only releases before 2.4 ({@code torch==2.0.0}, {@code <2.4}):
 * there the old API does not warn, and before 2.3 {@code torch.amp.GradScaler} does not exist.
 */
@RuleInfo(code = "OOM501", name = "deprecated-cuda-amp",
    summary = "torch.cuda.amp.autocast / GradScaler are deprecated; use torch.amp with device \"cuda\".",
    level = Level.WARNING, fix = FixSafety.SAFE, precision = "very-high", tags = {"deprecated", "amp"},
    mentions = {"cuda", "autocast|GradScaler"})
public final class DeprecatedCudaAmp implements Rule {
  private static final Map<String, String> DEPRECATED = Map.of(
      "torch.cuda.amp.autocast", "autocast",
      "torch.cuda.amp.autocast_mode.autocast", "autocast",
      "torch.cuda.amp.GradScaler", "GradScaler",
      "torch.cuda.amp.grad_scaler.GradScaler", "GradScaler");

  /** torch.cuda.amp.autocast's positional parameters; torch.amp.autocast takes them after device_type, reordered. */
  private static final List<String> AUTOCAST_POSITIONAL = List.of("enabled", "dtype", "cache_enabled");

  /** The first PyTorch release that warns about {@code torch.cuda.amp}. */
  static final String DEPRECATED_SINCE = "2.4";

  @Override
  public void check(RuleContext ctx) {
    SemanticModel sm = ctx.semantic();
    // keyed by identity (an AST record's own hashCode would hash its whole subtree), in source order
    Map<Expr.Call, String> found = new IdentityHashMap<>();
    List<Expr.Call> calls = new ArrayList<>();
    for (Expr.Call c : sm.calls()) {
      String q = sm.qualifiedName(c.func());
      if (q != null && DEPRECATED.containsKey(q) && !isFallback(sm, c.func()) && !isVersionFallback(sm, c)
          && !aliasOfVersionFallback(sm, c.func())
          && !sm.isTestCode(c)) { // tests run tiny workloads; a user wants their training code told
        found.put(c, DEPRECATED.get(q));
        calls.add(c);
      }
    }
    if (found.isEmpty() || sm.placesOnlyOnCpu() || sm.torchPinnedBefore(DEPRECATED_SINCE)) {
      // a CPU run (the file puts everything on "cpu"): CUDA autocast does nothing there, no GPU memory
      // is at stake; pinned: the project's PyTorch does not warn (and before 2.3 has no torch.amp.GradScaler)
      return;
    }
    TorchName torch = torchName(sm, calls);
    Map<Expr.Call, Fix> fixes = torch == null ? Map.of() : fixes(sm, calls, found, torch);
    for (Expr.Call c : calls) {
      String kind = found.get(c);
      String replacement = "torch.amp." + kind + "(\"cuda\", ...)";
      String old = kind.equals("autocast") ? "torch.cuda.amp.autocast(...)" : "torch.cuda.amp.GradScaler(...)";
      ctx.report(new Diagnostic(ctx.code(), "`" + old + "` is deprecated (a FutureWarning since PyTorch 2.4);"
          + " use `" + replacement + "` instead.", c.range(), fixes.get(c)));
    }
  }

  /**
   * Whether the callee's name was bound in an {@code except} handler: the fallback of a guarded
   * import ({@code try: from torch.amp import X / except ImportError: from torch.cuda.amp import X}),
   * kept for old PyTorch versions on purpose.
   */
  static boolean isFallback(SemanticModel sm, Expr func) {
    Expr.Name root = AstUtil.root(func);
    if (root == null) {
      return false;
    }
    for (Binding b : sm.resolve(root)) {
      for (Node cur = b.node(); cur != null && !(cur instanceof Stmt.FunctionDef); cur = sm.parent(cur)) {
        if (cur instanceof Support.ExceptHandler) {
          return true;
        }
      }
    }
    return false;
  }

  /** The current API: a call of one of these next to the deprecated one makes it a compatibility fallback. */
  private static final java.util.Set<String> CURRENT = java.util.Set.of("torch.amp.autocast", "torch.amp.GradScaler",
      "torch.autocast", "torch.amp.autocast_mode.autocast", "torch.amp.grad_scaler.GradScaler");

  /**
   * Whether the call is the old-PyTorch branch of code that also uses the current API: the other
   * branch of {@code new() if version_ok else old()}, of an {@code if}/{@code else}, or the
   * {@code except} handler of a {@code try} whose body uses it; or the branch a test of the torch
   * version keeps for old versions ({@code else} of {@code if is_torch_greater_or_equal_than_1_10:}),
   * where the current API does not exist.
   */
  static boolean isVersionFallback(SemanticModel sm, Node c) {
    Node child = c;
    for (Node cur = sm.parent(c); cur != null && !(cur instanceof Stmt.FunctionDef); cur = sm.parent(cur)) {
      List<? extends Node> other = null;
      if (cur instanceof Expr.IfExp i) {
        if (child != i.test() && oldVersionBranch(sm, i.test(), i.orelse() == child)) {
          return true;
        }
        other = List.of(i.body() == child ? i.orelse() : i.body());
      } else if (cur instanceof Stmt.If i) {
        boolean inBody = AstUtil.containsNode(i.body(), child);
        if (child != i.test() && oldVersionBranch(sm, i.test(), !inBody)) {
          return true;
        }
        other = inBody ? i.orelse() : i.body();
      } else if (cur instanceof Stmt.Try t && child instanceof Support.ExceptHandler) {
        other = t.body();
      }
      if (other != null && usesCurrentApi(sm, other)) {
        return true;
      }
      child = cur;
    }
    return false;
  }

  /**
   * Whether the callee is a name bound to the deprecated API only in old-version branches
   * ({@code if torch >= 2.4: cast = partial(torch.amp.autocast, ...) else: cast = torch.cuda.amp.autocast},
   * then {@code with cast(...)}): on the versions that warn, the name is the current API (Pointcept).
   */
  private static boolean aliasOfVersionFallback(SemanticModel sm, Expr func) {
    if (!(func instanceof Expr.Name n)) {
      return false;
    }
    boolean any = false;
    for (Binding b : sm.reachingBindings(n)) {
      if (b.value() == null) {
        continue;
      }
      String q = sm.qualifiedName(b.value());
      if (q != null && DEPRECATED.containsKey(q)) {
        if (!isVersionFallback(sm, b.value())) {
          return false;
        }
        any = true;
      }
    }
    return any;
  }

  /** Whether a branch ({@code inElse}: the else one) of a test of the torch version is the old-version one. */
  private static boolean oldVersionBranch(SemanticModel sm, Expr test, boolean inElse) {
    Boolean elseIsOld = dev.oomlint.semantic.VersionGuards.elseIsOldVersion(sm, test);
    return elseIsOld != null && elseIsOld == inElse;
  }

  private static boolean usesCurrentApi(SemanticModel sm, List<? extends Node> roots) {
    boolean[] hit = {false};
    AstWalker.walkAll(roots, n -> {
      if (n instanceof Expr.Call call) {
        String q = sm.qualifiedName(call.func());
        hit[0] |= q != null && CURRENT.contains(q);
      }
    });
    return hit[0];
  }

  /** The name {@code torch} is written under at every call, and whether {@code import torch} must be added. */
  private record TorchName(String name, boolean add) {}

  private static TorchName torchName(SemanticModel sm, List<Expr.Call> calls) {
    String alias = sm.moduleAlias("torch");
    if (alias != null) {
      boolean visible = true;
      for (Expr.Call c : calls) {
        visible &= !ImportEdits.boundInEnclosingScope(sm, alias, c);
      }
      if (visible) {
        return new TorchName(alias, false);
      }
    }
    return ImportEdits.nameFree(sm, "torch", calls) ? new TorchName("torch", true) : null;
  }

  /**
   * The fix of each call. Calls made through an imported name that is used for nothing else share one
   * fix that rewrites all of them and drops that name from its import statement; the others get a
   * fix of their own.
   */
  private static Map<Expr.Call, Fix> fixes(SemanticModel sm, List<Expr.Call> calls, Map<Expr.Call, String> found,
      TorchName torch) {
    Map<Expr.Call, List<Edit>> rewrites = new IdentityHashMap<>();
    List<Expr.Call> rewritten = new ArrayList<>();
    for (Expr.Call c : calls) {
      List<Edit> r = rewrite(sm, c, found.get(c), torch.name());
      if (r != null) {
        rewrites.put(c, r);
        rewritten.add(c);
      }
    }
    // group the calls by the import statement of a name used only in rewritable deprecated calls
    Map<Binding, List<Expr.Call>> usesOf = new IdentityHashMap<>();
    Map<Binding, Boolean> onlyCalls = new IdentityHashMap<>();
    AstWalker.descend(sm.module(), n -> {
      if (n instanceof Expr.Name name && name.ctx() == Operators.ExprContext.LOAD) {
        for (Binding b : sm.resolve(name)) {
          if (b.kind() == Binding.Kind.IMPORT && b.qualifiedName() != null
              && b.qualifiedName().startsWith("torch.cuda")) {
            Expr.Call call = callRootedAt(sm, name, found);
            boolean ok = call != null && rewrites.containsKey(call) && sm.resolve(name).size() == 1;
            onlyCalls.merge(b, ok, Boolean::logicalAnd);
            if (ok) {
              usesOf.computeIfAbsent(b, k -> new ArrayList<>()).add(call);
            }
          }
        }
      }
      return true;
    });
    Map<Stmt, List<Binding>> removable = new IdentityHashMap<>();
    for (Map.Entry<Binding, Boolean> e : onlyCalls.entrySet()) {
      Binding b = e.getKey();
      if (e.getValue() && b.statement() != null && b.node() instanceof Support.Alias) {
        removable.computeIfAbsent(b.statement(), k -> new ArrayList<>()).add(b);
      }
    }
    // in source order, whatever order the identity maps above hold them in: the first removable
    // module-level import becomes `import torch` when torch has to be imported
    List<Map.Entry<Stmt, List<Binding>>> removals = new ArrayList<>(removable.entrySet());
    removals.sort(Comparator.comparingInt(e -> e.getKey().range().start()));
    for (Map.Entry<Stmt, List<Binding>> e : removals) {
      e.getValue().sort(Comparator.comparingInt(b -> b.node().range().start()));
    }
    Map<Expr.Call, Fix> out = new IdentityHashMap<>();
    Edit addTorch = torch.add() ? ImportEdits.addImportLine(sm, "import " + torch.name()) : null;
    boolean torchAdded = false;
    for (Map.Entry<Stmt, List<Binding>> e : removals) {
      Stmt stmt = e.getKey();
      List<Support.Alias> drop = new ArrayList<>();
      List<Expr.Call> group = new ArrayList<>();
      for (Binding b : e.getValue()) {
        drop.add((Support.Alias) b.node());
        group.addAll(usesOf.getOrDefault(b, List.of()));
      }
      List<Edit> edits = new ArrayList<>();
      String rest = ImportEdits.without(stmt, drop);
      boolean addHere = torch.add() && !torchAdded && ImportEdits.atModuleLevel(sm, stmt);
      if (addHere) {
        edits.add(Edit.replace(stmt.range(), "import " + torch.name() + (rest == null ? "" : "\n" + rest)));
      } else {
        Edit del = rest == null ? ImportEdits.deleteStatement(sm, stmt) : Edit.replace(stmt.range(), rest);
        if (del == null || torch.add() && addTorch == null) {
          continue;
        }
        edits.add(del);
        if (torch.add()) {
          edits.add(addTorch);
        }
      }
      for (Expr.Call c : group) {
        edits.addAll(rewrites.get(c));
      }
      if (!disjoint(edits)) {
        continue;
      }
      Fix fix = new Fix("Use `torch.amp` with device \"cuda\"", Applicability.SAFE, edits);
      for (Expr.Call c : group) {
        out.put(c, fix);
      }
      torchAdded |= addHere;
    }
    for (Expr.Call c : rewritten) {
      if (out.containsKey(c)) {
        continue;
      }
      List<Edit> edits = new ArrayList<>(rewrites.get(c));
      if (torch.add()) {
        if (addTorch == null || torchAdded) {
          continue; // a shared fix adds `import torch` in place of an import: fixed in the next round
        }
        edits.add(addTorch);
      }
      if (disjoint(edits)) {
        out.put(c, new Fix("Use `torch.amp` with device \"cuda\"",
            Applicability.SAFE, edits));
      }
    }
    return out;
  }

  /** The deprecated call whose callee is rooted at {@code name} ({@code autocast} in {@code autocast()}, {@code amp} in {@code amp.GradScaler()}). */
  private static Expr.Call callRootedAt(SemanticModel sm, Expr.Name name, Map<Expr.Call, String> found) {
    Node cur = name;
    Node parent = sm.parent(cur);
    while (parent instanceof Expr.Attribute a && a.value() == cur) {
      cur = parent;
      parent = sm.parent(cur);
    }
    if (parent instanceof Expr.Call c && c.func() == cur && found.containsKey(c)) {
      return c;
    }
    return null;
  }

  /** Rewrites one call to {@code <torch>.amp.<kind>("cuda", ...)}; null when its arguments cannot be mapped. */
  private static List<Edit> rewrite(SemanticModel sm, Expr.Call c, String kind, String torch) {
    if (Calls.hasStarred(c)) {
      return null;
    }
    List<Edit> edits = new ArrayList<>();
    edits.add(Edit.replace(c.func().range(), torch + ".amp." + kind));
    List<Node> args = CallEdits.arguments(c);
    if (args.isEmpty()) {
      Edit e = CallEdits.prepend(sm.file(), c, "\"cuda\"");
      if (e == null) {
        return null;
      }
      edits.add(e);
      return edits;
    }
    if (args.size() == 1 && args.get(0) instanceof Expr.GeneratorExp) {
      return null;
    }
    Node first = args.get(0);
    if (kind.equals("autocast")) {
      if (c.args().size() > AUTOCAST_POSITIONAL.size()) {
        return null;
      }
      for (int i = 0; i < c.args().size(); i++) {
        Expr a = c.args().get(i);
        String prefix = (a == first ? "\"cuda\", " : "") + AUTOCAST_POSITIONAL.get(i) + "=";
        edits.add(Edit.insert(a.range().start(), prefix));
      }
      if (c.args().isEmpty() || c.args().get(0) != first) {
        edits.add(Edit.insert(first.range().start(), "\"cuda\", "));
      }
    } else {
      edits.add(Edit.insert(first.range().start(), "\"cuda\", "));
    }
    return edits;
  }

  /** Whether no two edits overlap or insert at the same point (a fix the fixer would refuse). */
  private static boolean disjoint(List<Edit> edits) {
    List<Edit> sorted = new ArrayList<>(edits);
    sorted.sort((a, b) -> a.range().start() != b.range().start()
        ? Integer.compare(a.range().start(), b.range().start()) : Integer.compare(a.range().end(), b.range().end()));
    int last = -1;
    for (Edit e : sorted) {
      if (e.range().start() < last || e.range().start() == last && e.range().length() == 0) {
        return false;
      }
      last = e.range().end();
    }
    return true;
  }
}
