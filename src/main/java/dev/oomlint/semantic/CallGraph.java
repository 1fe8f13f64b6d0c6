package dev.oomlint.semantic;

import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.Stmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Same-file call resolution: which function or method a call runs, who calls a function, and the
 * class facts rules need (is this class an nn.Module, a LightningModule).
 */
final class CallGraph {
  private static final int MAX_DEPTH = 6;
  private static final Set<String> NEUTRAL_DECORATORS = Set.of("staticmethod", "classmethod", "property",
      "functools.wraps", "abc.abstractmethod", "torch.no_grad", "torch.inference_mode", "torch.enable_grad",
      "torch.jit.unused", "torch.jit.ignore", "typing.overload", "functools.lru_cache", "functools.cache");

  private final AstIndex index;
  private final Names names;
  private final Map<Expr.Call, Stmt.FunctionDef> resolved;
  private final Map<Stmt.FunctionDef, List<Expr.Call>> sites;
  private final Map<Stmt.FunctionDef, Boolean> escapes = new IdentityHashMap<>();
  private final Map<Stmt.ClassDef, Boolean> moduleClass = new IdentityHashMap<>();
  private final Map<Stmt.ClassDef, Boolean> lightning = new IdentityHashMap<>();
  private final Map<String, List<Stmt.FunctionDef>> methodsByName = new HashMap<>();
  /** The names of every def in the file: a name no def has cannot resolve to one. */
  private final Set<String> functionNames = new java.util.HashSet<>();

  CallGraph(AstIndex index, Names names) {
    this.index = index;
    this.names = names;
    this.resolved = new IdentityHashMap<>();
    this.sites = new IdentityHashMap<>(index.functions.size());
    List<Stmt.FunctionDef> functions = index.functions;
    for (int i = 0, n = functions.size(); i < n; i++) {
      Stmt.FunctionDef f = functions.get(i);
      sites.put(f, new ArrayList<>());
      functionNames.add(f.name());
      if (enclosingClass(f) != null) {
        methodsByName.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(f);
      }
    }
    if (functions.isEmpty()) {
      computeEscapes();
      return;
    }
    List<Expr.Call> all = index.calls;
    for (int i = 0, n = all.size(); i < n; i++) {
      Expr.Call c = all.get(i);
      Stmt.FunctionDef f = resolveUncached(c, 0);
      if (f != null) {
        resolved.put(c, f);
        sites.get(f).add(c);
      } else if (c.func() instanceof Expr.Attribute a) {
        List<Stmt.FunctionDef> ms = methodsByName.get(a.attr());
        if (ms != null && !isSelf(a.value())) {
          for (Stmt.FunctionDef m : ms) {
            sites.get(m).add(c);
          }
        }
      }
    }
    computeEscapes();
  }

  /** The same-file function or method a call runs, or null when unknown. */
  Stmt.FunctionDef resolve(Expr.Call c) {
    return resolved.get(c);
  }

  /** Calls in this file that may run {@code f} (for methods: every call of a method of that name). */
  List<Expr.Call> callSites(Stmt.FunctionDef f) {
    return sites.getOrDefault(f, List.of());
  }

  /**
   * The module-level function of this file whose parameter {@code parameter} (a binding {@code use}
   * resolves to) is; null for anything else, and for a method, whose calls do not line up with its
   * parameters.
   */
  Stmt.FunctionDef moduleFunctionOf(Expr.Name use, Binding parameter) {
    if (parameter.kind() != Binding.Kind.PARAMETER) {
      return null;
    }
    Stmt.FunctionDef f = index.parameterOwner(use, parameter.node());
    return f == null || enclosingClass(f) != null ? null : f;
  }

  /**
   * Whether, at every call of {@code f} in this file, what parameter {@code name} receives satisfies
   * {@code ok}: the argument, or null where the call leaves the parameter out. A call that unpacks
   * {@code *args} or {@code **kwargs} may pass anything: false. True when nothing here calls {@code f}.
   */
  boolean everyCallGives(Stmt.FunctionDef f, String name, Predicate<Expr> ok) {
    int at = AstUtil.positionOf(f, name);
    for (Expr.Call site : callSites(f)) {
      if (Calls.hasStarred(site) || Calls.hasDoubleStar(site) || !ok.test(Calls.passed(site, at, name))) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code f} may be called from places this file cannot see (referenced, decorated, dunder). */
  boolean escapes(Stmt.FunctionDef f) {
    return escapes.getOrDefault(f, true);
  }

  Stmt.ClassDef enclosingClass(Stmt.FunctionDef f) {
    return index.enclosingClass(f);
  }

  /** The innermost function whose body contains {@code n} (null at module level). */
  Stmt.FunctionDef enclosingFunction(Node n) {
    return index.enclosingFunction(n);
  }

  boolean isSelf(Expr e) {
    if (!(e instanceof Expr.Name n)) {
      return false;
    }
    Stmt.FunctionDef f = enclosingFunction(n);
    while (f != null && enclosingClass(f) == null) {
      f = enclosingFunction(f);
    }
    if (f == null) {
      return false;
    }
    dev.oomlint.ast.Support.Arg first = AstIndex.firstArg(f.args());
    return first != null && first.arg().equals(n.id()) && !isStatic(f);
  }

  private boolean isStatic(Stmt.FunctionDef f) {
    for (Expr d : f.decoratorList()) {
      if (d instanceof Expr.Name n && n.id().equals("staticmethod")) {
        return true;
      }
    }
    return false;
  }

  private Stmt.FunctionDef resolveUncached(Expr.Call c, int depth) {
    Expr func = c.func();
    if (func instanceof Expr.Name n) {
      if (!functionNames.contains(n.id())) {
        return null; // no def of that name: it cannot resolve to one
      }
      Stmt.FunctionDef found = null;
      for (Binding b : names.resolve(n)) {
        if (b.kind() == Binding.Kind.FUNCTION && b.node() instanceof Stmt.FunctionDef f) {
          if (found != null && found != f) {
            return null;
          }
          found = f;
        } else {
          return null;
        }
      }
      return found;
    }
    if (func instanceof Expr.Attribute a) {
      if (!methodsByName.containsKey(a.attr())) {
        return null; // no class of this file has a method of that name
      }
      Stmt.ClassDef cls = classOfInstance(a.value(), depth);
      return cls == null ? null : findMethod(cls, a.attr(), 0);
    }
    return null;
  }

  /** The same-file class an expression is an instance of: {@code self}, or a name bound to {@code C(...)}. */
  Stmt.ClassDef classOfInstance(Expr e, int depth) {
    if (depth > MAX_DEPTH) {
      return null;
    }
    if (isSelf(e)) {
      Stmt.FunctionDef f = enclosingFunction(e);
      while (f != null && enclosingClass(f) == null) {
        f = enclosingFunction(f);
      }
      return f == null ? null : enclosingClass(f);
    }
    if (e instanceof Expr.Name n) {
      List<Binding> bs = names.resolve(n);
      if (bs.size() == 1 && bs.get(0).kind() == Binding.Kind.ASSIGN && bs.get(0).index() < 0
          && bs.get(0).value() instanceof Expr.Call call) {
        return classCalled(call);
      }
    }
    return null;
  }

  /** The same-file class a call constructs, or null. */
  Stmt.ClassDef classCalled(Expr.Call call) {
    if (call.func() instanceof Expr.Name cn) {
      List<Binding> cbs = names.resolve(cn);
      if (cbs.size() == 1 && cbs.get(0).node() instanceof Stmt.ClassDef cls) {
        return cls;
      }
    }
    return null;
  }

  Stmt.FunctionDef findMethod(Stmt.ClassDef c, String name, int depth) {
    if (depth > MAX_DEPTH) {
      return null;
    }
    for (Stmt s : c.body()) {
      if (s instanceof Stmt.FunctionDef f && f.name().equals(name)) {
        return f;
      }
    }
    for (Expr b : c.bases()) {
      Stmt.ClassDef base = sameFileClass(b);
      if (base != null && base != c) {
        Stmt.FunctionDef f = findMethod(base, name, depth + 1);
        if (f != null) {
          return f;
        }
      }
    }
    return null;
  }

  Stmt.ClassDef sameFileClass(Expr e) {
    if (e instanceof Expr.Name n) {
      List<Binding> bs = names.resolve(n);
      if (bs.size() == 1 && bs.get(0).node() instanceof Stmt.ClassDef cls) {
        return cls;
      }
    }
    return null;
  }

  /** Whether a class is (transitively, within this file) a torch.nn.Module or a model base class. */
  boolean isModuleClass(Stmt.ClassDef c) {
    return classFlag(c, moduleClass, 0, true);
  }

  /** Whether a class is a Lightning module (its loops are run by the Trainer). */
  boolean isLightningModule(Stmt.ClassDef c) {
    return classFlag(c, lightning, 0, false);
  }

  private boolean classFlag(Stmt.ClassDef c, Map<Stmt.ClassDef, Boolean> memo, int depth, boolean module) {
    Boolean m = memo.get(c);
    if (m != null) {
      return m;
    }
    memo.put(c, false);
    boolean result = false;
    if (depth <= MAX_DEPTH) {
      for (Expr b : c.bases()) {
        Stmt.ClassDef base = sameFileClass(b);
        if (base != null) {
          result = classFlag(base, memo, depth + 1, module);
        } else {
          String q = names.qualifiedName(b);
          String last = q != null ? TorchApi.lastPart(q) : b instanceof Expr.Attribute a ? a.attr() : null;
          if (module) {
            result = q != null && (q.equals("torch.nn.Module") || TorchApi.isNnModuleClass(q))
                || last != null && (last.endsWith("LightningModule") || last.endsWith("PreTrainedModel")
                || last.equals("ModelMixin") || last.equals("Module") || TorchApi.isModelClassName(last));
          } else {
            result = last != null && last.endsWith("LightningModule");
          }
        }
        if (result) {
          break;
        }
      }
    }
    memo.put(c, result);
    return result;
  }

  private void computeEscapes() {
    Map<Stmt.FunctionDef, Boolean> esc = new IdentityHashMap<>();
    for (Stmt.FunctionDef f : index.functions) {
      boolean e = f.name().startsWith("__") && f.name().endsWith("__") || f.name().equals("forward");
      for (Expr d : f.decoratorList()) {
        Expr target = d instanceof Expr.Call dc ? dc.func() : d;
        String q = names.qualifiedName(target);
        if (q == null || !NEUTRAL_DECORATORS.contains(q)) {
          e = true;
        }
      }
      esc.put(f, e);
    }
    // a function referenced other than as the callee of a call escapes
    List<Expr.Name> refs = index.references;
    for (int i = 0, count = refs.size(); i < count; i++) {
      Expr.Name n = refs.get(i);
      if (!functionNames.contains(n.id())) {
        continue; // only a name some def has can refer to a def
      }
      for (Binding b : names.resolve(n)) {
        if (b.node() instanceof Stmt.FunctionDef f) {
          esc.put(f, true);
        }
      }
    }
    escapes.putAll(esc);
    // obj.method referenced without a call (callbacks, hooks) escapes too
    markAttributeEscapes();
  }

  private void markAttributeEscapes() {
    if (methodsByName.isEmpty()) {
      return;
    }
    List<Expr.Attribute> attrs = index.attributes;
    for (int i = 0, n = attrs.size(); i < n; i++) {
      Expr.Attribute a = attrs.get(i);
      List<Stmt.FunctionDef> ms = methodsByName.get(a.attr());
      if (ms != null && !(index.parent(a) instanceof Expr.Call c && c.func() == a)) {
        for (Stmt.FunctionDef m : ms) {
          escapes.put(m, true);
        }
      }
    }
  }
}
