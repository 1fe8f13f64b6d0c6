package dev.oomlint.semantic;

import dev.oomlint.ast.AstWalker;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Mod;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.Stmt;
import dev.oomlint.ast.Support;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The few facts other files of a project may need about one module, taken from its top level in one
 * pass (no scopes, no semantic model): the names it defines that switch autograd off when used as a
 * decorator or context manager (a project's own {@code smart_inference_mode()} wrapping
 * {@code torch.inference_mode}/{@code no_grad}), the names it imports (so a package's
 * {@code __init__.py} can re-export them) and its star imports. Immutable; built by the engine's
 * project index for a module another file imports, and read through {@link ProjectView}.
 */
public final class ModuleSummary {
  /** How a name that disables grad is used. */
  public enum GradUse {
    /** {@code @name} (or {@code with name:}) runs the function (block) without grad. */
    DECORATOR,
    /** {@code @name(...)} (or {@code with name(...):}) does: a decorator factory or a context manager factory. */
    FACTORY
  }

  private final Path file;
  private final Map<String, GradUse> grad;
  private final Map<String, String> imports;
  private final List<String> stars;
  private final Map<String, List<String>> forwardDecorators;
  private final java.util.Set<String> defined;
  /** A summary not parsed yet ({@link #lazy}): the module's text and how to parse it; null once built. */
  private final String text;
  private final Supplier<Mod.Module> parse;
  private final boolean mentionsGrad;
  private ModuleSummary full;

  private ModuleSummary(Path file, Map<String, GradUse> grad, Map<String, String> imports, List<String> stars,
      Map<String, List<String>> forwardDecorators, java.util.Set<String> defined) {
    this.file = file;
    this.grad = grad;
    this.imports = imports;
    this.stars = stars;
    this.forwardDecorators = forwardDecorators;
    this.defined = defined;
    this.text = null;
    this.parse = null;
    this.mentionsGrad = true;
  }

  private ModuleSummary(Path file, String text, Supplier<Mod.Module> parse) {
    this.file = file;
    this.grad = Map.of();
    this.imports = Map.of();
    this.stars = List.of();
    this.forwardDecorators = Map.of();
    this.defined = java.util.Set.of();
    this.text = text;
    this.parse = parse;
    this.mentionsGrad = text.contains("no_grad") || text.contains("inference_mode");
  }

  /**
   * A summary of the module with this text, parsed (by {@code parse}; null: it does not parse) only
   * when a question needs it: most modules a file imports are asked about names they define
   * themselves ({@code @register_model}) and never mention {@code no_grad}/{@code inference_mode}, so
   * their text answers (every grad-disabling fact names one of them).
   */
  public static ModuleSummary lazy(Path file, String text, Supplier<Mod.Module> parse) {
    return new ModuleSummary(file, text, parse);
  }

  /** The parsed summary of a lazy one (an empty one when the text does not parse); this one when built from a module. */
  private synchronized ModuleSummary full() {
    if (text == null) {
      return this;
    }
    if (full == null) {
      Mod.Module m = parse.get();
      full = m == null
          ? new ModuleSummary(file, Map.of(), Map.of(), List.of(), Map.of(), java.util.Set.of())
          : of(m, file);
    }
    return full;
  }

  /** A forward decorator that is torch's own {@code no_grad}/{@code inference_mode}. */
  static final String TORCH_NO_GRAD = "torch";

  /**
   * The decorators of the {@code forward} (or {@code __call__}) of the module's top-level class
   * {@code name} that may disable grad, as references to resolve: {@link #TORCH_NO_GRAD} for torch's
   * own, {@code "()" + q} for a call of the name {@code q} ({@code @smart_inference_mode()}),
   * {@code q} for the plain name; {@code q} is a qualified name through the module's imports, or a
   * name of the module itself. Empty when the class has none (or is not defined here).
   */
  public List<String> forwardDecorators(String name) {
    if (text != null) {
      return !mentionsGrad && !text.contains("@") ? List.of() : full().forwardDecorators(name);
    }
    return forwardDecorators.getOrDefault(name, List.of());
  }

  /** The file this summary was read from (null when built from text alone). */
  public Path file() {
    return file;
  }

  /** How the module's top-level {@code name} disables grad, or null when it does not (or is not defined here). */
  public GradUse gradUse(String name) {
    if (text != null) {
      return mentionsGrad ? full().gradUse(name) : null;
    }
    return grad.get(name);
  }

  /**
   * Whether the module's text contains {@code word} (false for a summary made from a parsed module,
   * which keeps no text): a cheap question about what a project module does.
   */
  public boolean mentions(String word) {
    return text != null && text.contains(word);
  }

  /**
   * Whether the module defines {@code name} itself at its top level ({@code def name}, {@code class
   * name}): then what {@link #gradUse} says of it is all there is, no import of it is followed.
   */
  public boolean definesItself(String name) {
    if (text != null) {
      if (!mentionsGrad && text.contains(name)) {
        return definesAtTopLevel(text, name);
      }
      return text.contains(name) && full().definesItself(name);
    }
    return defined.contains(name);
  }

  /**
   * Whether a line of {@code text} starts with {@code def name}, {@code async def name} or
   * {@code class name} (a top-level definition; a scan, where a regular expression compiled per name
   * cost more than the rest of the lookup).
   */
  static boolean definesAtTopLevel(String text, String name) {
    int n = name.length();
    for (int i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
      int end = i + n;
      if (end < text.length() && isWordChar(text.charAt(end))) {
        continue;
      }
      int k = i;
      while (k > 0 && (text.charAt(k - 1) == ' ' || text.charAt(k - 1) == '\t')) {
        k--;
      }
      if (k == i) {
        continue;
      }
      if (k >= 5 && text.startsWith("class", k - 5) && lineStart(text, k - 5)) {
        return true;
      }
      if (k >= 3 && text.startsWith("def", k - 3)) {
        int d = k - 3;
        if (lineStart(text, d)) {
          return true;
        }
        int a = d;
        while (a > 0 && (text.charAt(a - 1) == ' ' || text.charAt(a - 1) == '\t')) {
          a--;
        }
        if (a < d && a >= 5 && text.startsWith("async", a - 5) && lineStart(text, a - 5)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean lineStart(String text, int at) {
    return at == 0 || text.charAt(at - 1) == '\n' || text.charAt(at - 1) == '\r';
  }

  private static boolean isWordChar(char c) {
    return c == '_' || c < 128 && Character.isLetterOrDigit(c);
  }

  /** The qualified name (as written: relative ones keep their dots) a top-level import binds to {@code name}, or null. */
  public String imported(String name) {
    if (text != null) {
      return text.contains(name) ? full().imported(name) : null;
    }
    return imports.get(name);
  }

  /** The modules the module star-imports, as written ({@code .utils}, {@code pkg.mod}). */
  public List<String> starImports() {
    if (text != null) {
      return text.indexOf('*') >= 0 ? full().starImports() : List.of();
    }
    return stars;
  }

  /** Summarises a parsed module read from {@code file}. */
  public static ModuleSummary of(Mod.Module module, Path file) {
    Map<String, String> imports = new HashMap<>();
    List<String> stars = new ArrayList<>(0);
    for (Stmt s : module.body()) {
      collectImports(s, imports, stars);
    }
    Builder b = new Builder(imports);
    Map<String, GradUse> grad = new HashMap<>();
    Map<String, List<String>> forward = new HashMap<>();
    java.util.Set<String> defined = new java.util.HashSet<>();
    for (Stmt s : module.body()) {
      if (s instanceof Stmt.ClassDef c) {
        defined.add(c.name());
        List<String> refs = b.forwardDecorators(c);
        if (!refs.isEmpty()) {
          forward.put(c.name(), List.copyOf(refs));
        } else {
          forward.remove(c.name());
        }
      }
      if (s instanceof Stmt.FunctionDef f) {
        defined.add(f.name());
        GradUse u = b.functionUse(f);
        if (u != null) {
          grad.put(f.name(), u);
        } else {
          grad.remove(f.name());
        }
      } else if (s instanceof Stmt.Assign a && a.targets().size() == 1 && a.targets().get(0) instanceof Expr.Name n) {
        GradUse u = b.valueUse(a.value());
        if (u != null) {
          grad.put(n.id(), u);
        } else {
          grad.remove(n.id());
        }
      }
    }
    return new ModuleSummary(file, Map.copyOf(grad), Map.copyOf(imports), List.copyOf(stars), Map.copyOf(forward),
        java.util.Set.copyOf(defined));
  }

  /** Top-level imports, also those under {@code try}/{@code if} (guarded imports of the same name). */
  private static void collectImports(Stmt s, Map<String, String> imports, List<String> stars) {
    if (s instanceof Stmt.Import imp) {
      for (Support.Alias al : imp.names()) {
        if (al.asname() != null) {
          imports.putIfAbsent(al.asname(), al.name());
        } else {
          int dot = al.name().indexOf('.');
          String root = dot >= 0 ? al.name().substring(0, dot) : al.name();
          imports.putIfAbsent(root, root);
        }
      }
    } else if (s instanceof Stmt.ImportFrom imp) {
      String base = ".".repeat(imp.level()) + (imp.module() == null ? "" : imp.module());
      for (Support.Alias al : imp.names()) {
        if (al.name().equals("*")) {
          stars.add(base);
          continue;
        }
        imports.putIfAbsent(al.asname() != null ? al.asname() : al.name(), join(base, al.name()));
      }
    } else if (s instanceof Stmt.Try t) {
      for (Stmt c : t.body()) {
        collectImports(c, imports, stars);
      }
    } else if (s instanceof Stmt.If i) {
      for (Stmt c : i.body()) {
        collectImports(c, imports, stars);
      }
      for (Stmt c : i.orelse()) {
        collectImports(c, imports, stars);
      }
    }
  }

  /** {@code base + "." + name}, or {@code base + name} when {@code base} is only dots. */
  static String join(String base, String name) {
    return base.isEmpty() || base.endsWith(".") ? base + name : base + "." + name;
  }

  /** The recognisers, over one module's imports. */
  private static final class Builder {
    private final Map<String, String> imports;

    Builder(Map<String, String> imports) {
      this.imports = imports;
    }

    /** The torch qualified name of a dotted expression through the module's imports (an unimported {@code torch} is torch). */
    private String torchName(Expr e) {
      String p = AstUtil.path(e);
      if (p == null) {
        return null;
      }
      int dot = p.indexOf('.');
      String root = dot < 0 ? p : p.substring(0, dot);
      String q = imports.get(root);
      if (q == null) {
        return root.equals("torch") ? p : null;
      }
      return dot < 0 ? q : q + p.substring(dot);
    }

    /** A name of a grad-disabling context class ({@code torch.no_grad}, {@code torch.inference_mode}). */
    private boolean noGradClass(Expr e, Map<String, List<Expr>> locals, int depth) {
      if (depth > 3) {
        return false;
      }
      if (e instanceof Expr.IfExp i) {
        return noGradClass(i.body(), locals, depth + 1) && noGradClass(i.orelse(), locals, depth + 1);
      }
      if (e instanceof Expr.Name n && locals != null && locals.containsKey(n.id())) {
        List<Expr> values = locals.get(n.id());
        for (Expr v : values) {
          if (v == null || !noGradClass(v, locals, depth + 1)) {
            return false;
          }
        }
        return !values.isEmpty();
      }
      String q = torchName(e);
      return q != null && TorchApi.NO_GRAD.contains(q);
    }

    /** A grad-disabling context object: {@code torch.no_grad()}, {@code (torch.inference_mode if c else torch.no_grad)()}. */
    private boolean noGradContext(Expr e, Map<String, List<Expr>> locals) {
      if (!(e instanceof Expr.Call c) || !noGradClass(c.func(), locals, 0)) {
        return false;
      }
      if (TorchApi.INFERENCE_MODE.contains(String.valueOf(torchName(c.func())))) {
        Expr mode = !c.args().isEmpty() ? c.args().get(0) : null;
        for (Support.Keyword k : c.keywords()) {
          if ("mode".equals(k.arg())) {
            mode = k.value();
          }
        }
        return mode == null || !(mode instanceof Expr.Constant k
            && k.value() instanceof dev.oomlint.ast.ConstValue.Bool b && !b.value());
      }
      return true;
    }

    /** The references of the decorators of {@code c}'s {@code forward}/{@code __call__} (see {@link #forwardDecorators}). */
    List<String> forwardDecorators(Stmt.ClassDef c) {
      List<String> out = new ArrayList<>(0);
      for (Stmt s : c.body()) {
        if (!(s instanceof Stmt.FunctionDef f) || !(f.name().equals("forward") || f.name().equals("__call__"))) {
          continue;
        }
        for (Expr d : f.decoratorList()) {
          if (noGradContext(d, null) || noGradClass(d, null, 0)) {
            out.add(TORCH_NO_GRAD);
            continue;
          }
          boolean called = d instanceof Expr.Call;
          String p = AstUtil.path(called ? ((Expr.Call) d).func() : d);
          if (p == null) {
            continue;
          }
          int dot = p.indexOf('.');
          String root = dot < 0 ? p : p.substring(0, dot);
          String q = imports.get(root);
          String ref = q == null ? p : dot < 0 ? q : q + p.substring(dot);
          out.add(called ? "()" + ref : ref);
        }
      }
      return out;
    }

    GradUse valueUse(Expr v) {
      if (noGradContext(v, null)) {
        return GradUse.DECORATOR;
      }
      return noGradClass(v, null, 0) ? GradUse.FACTORY : null;
    }

    /** How a top-level function disables grad where it is used, or null. */
    GradUse functionUse(Stmt.FunctionDef f) {
      if (decorates(f)) {
        return GradUse.DECORATOR;
      }
      Map<String, Stmt.FunctionDef> nested = nestedDefs(f);
      for (Stmt s : f.body()) {
        if (s instanceof Stmt.Return r && r.value() != null) {
          Expr v = r.value();
          if (noGradContext(v, null) || noGradClass(v, null, 0)) {
            return GradUse.FACTORY; // return torch.no_grad() / torch.inference_mode
          }
          if (v instanceof Expr.Name n && nested.get(n.id()) != null && decorates(nested.get(n.id()))) {
            return GradUse.FACTORY; // def factory(...): def decorate(fn): ...; return decorate
          }
        }
      }
      if (isContextManager(f)) {
        for (Stmt s : f.body()) {
          if (s instanceof Stmt.With w && withDisables(w, null)) {
            return GradUse.FACTORY; // @contextmanager def f(): with torch.no_grad(): yield
          }
        }
      }
      return null;
    }

    /**
     * A decorator that runs the function it takes without grad: {@code def d(fn): return
     * torch.no_grad()(fn)}, or {@code def d(fn): def wrapper(*a, **k): with torch.no_grad(): return
     * fn(*a, **k); return wrapper} (the wrapper may also be decorated with {@code torch.no_grad()}).
     */
    private boolean decorates(Stmt.FunctionDef f) {
      List<Support.Arg> params = new ArrayList<>(f.args().posonlyargs());
      params.addAll(f.args().args());
      if (params.isEmpty()) {
        return false;
      }
      String fn = params.get(0).arg();
      Map<String, Stmt.FunctionDef> nested = nestedDefs(f);
      for (Stmt s : f.body()) {
        if (!(s instanceof Stmt.Return r) || r.value() == null) {
          continue;
        }
        Expr v = r.value();
        if (v instanceof Expr.Call c && c.args().size() == 1 && c.args().get(0) instanceof Expr.Name a
            && a.id().equals(fn) && noGradContext(c.func(), null)) {
          return true; // return torch.no_grad()(fn)
        }
        if (v instanceof Expr.Name n && nested.get(n.id()) != null && wrapsWithoutGrad(nested.get(n.id()), fn)) {
          return true;
        }
      }
      return false;
    }

    /** A wrapper whose call of {@code fn} runs without grad. */
    private boolean wrapsWithoutGrad(Stmt.FunctionDef w, String fn) {
      for (Expr d : w.decoratorList()) {
        if (noGradContext(d, null)) {
          return true;
        }
      }
      Map<String, List<Expr>> locals = assignments(w);
      boolean[] found = {false};
      AstWalker.walk(w, n -> {
        if (!found[0] && n instanceof Stmt.With with && withDisables(with, locals) && calls(with, fn)) {
          found[0] = true;
        }
      });
      return found[0];
    }

    private boolean withDisables(Stmt.With w, Map<String, List<Expr>> locals) {
      for (Support.WithItem item : w.items()) {
        if (noGradContext(item.contextExpr(), locals)) {
          return true;
        }
      }
      return false;
    }

    private static boolean calls(Stmt.With w, String fn) {
      boolean[] found = {false};
      for (Stmt s : w.body()) {
        AstWalker.walk(s, n -> {
          if (n instanceof Expr.Call c && c.func() instanceof Expr.Name name && name.id().equals(fn)) {
            found[0] = true;
          }
        });
      }
      return found[0];
    }

    private static boolean isContextManager(Stmt.FunctionDef f) {
      for (Expr d : f.decoratorList()) {
        String last = AstUtil.lastName(d);
        if ("contextmanager".equals(last)) {
          return true;
        }
      }
      return false;
    }

    /** The functions defined directly in {@code f}'s body, by name. */
    private static Map<String, Stmt.FunctionDef> nestedDefs(Stmt.FunctionDef f) {
      Map<String, Stmt.FunctionDef> out = new HashMap<>();
      for (Stmt s : f.body()) {
        if (s instanceof Stmt.FunctionDef d) {
          out.put(d.name(), d);
        }
      }
      return out;
    }

    /** Every value assigned to a plain name in {@code f} (not in nested functions); null values for other bindings. */
    private static Map<String, List<Expr>> assignments(Stmt.FunctionDef f) {
      Map<String, List<Expr>> out = new HashMap<>();
      for (Stmt s : f.body()) {
        walkOwn(s, n -> {
          if (n instanceof Stmt.Assign a) {
            for (Expr t : a.targets()) {
              if (t instanceof Expr.Name name) {
                out.computeIfAbsent(name.id(), k -> new ArrayList<>()).add(a.value());
              }
            }
          }
        });
      }
      return out;
    }

    /** Walks {@code s} without entering nested function or class bodies. */
    private static void walkOwn(Stmt s, java.util.function.Consumer<Node> action) {
      action.accept(s);
      if (s instanceof Stmt.FunctionDef || s instanceof Stmt.ClassDef) {
        return;
      }
      for (List<Stmt> block : AstUtil.blocks(s)) {
        for (Stmt c : block) {
          walkOwn(c, action);
        }
      }
    }
  }
}
