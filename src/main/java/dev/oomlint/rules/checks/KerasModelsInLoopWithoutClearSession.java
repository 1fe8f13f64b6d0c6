package dev.oomlint.rules.checks;

import dev.oomlint.ast.AstWalker;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.LineIndex;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.Stmt;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.diagnostics.Edit;
import dev.oomlint.diagnostics.Fix;
import dev.oomlint.rules.FixSafety;
import dev.oomlint.rules.Level;
import dev.oomlint.rules.Rule;
import dev.oomlint.rules.RuleContext;
import dev.oomlint.rules.RuleInfo;
import dev.oomlint.rules.edits.ImportEdits;
import dev.oomlint.semantic.AstUtil;
import dev.oomlint.semantic.Iterations;
import dev.oomlint.semantic.SemanticModel;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * OOM503: Keras models built in a loop ({@code Sequential}, {@code Model}, {@code keras.applications.*},
 * a same-file subclass of {@code Model}, or a same-file function that builds one) with no
 * {@code clear_session()} in the loop: Keras keeps every model's layers in its global state, so
 * memory grows with every iteration.
 */
@RuleInfo(code = "OOM503", name = "keras-models-in-loop-without-clear-session",
    summary = "Keras models are built in a loop that never calls keras.backend.clear_session().",
    level = Level.WARNING, fix = FixSafety.UNSAFE, precision = "high", tags = {"memory", "keras"},
    mentions = "keras|tensorflow", enabledByDefault = false)
public final class KerasModelsInLoopWithoutClearSession implements Rule {
  private static final List<String> PREFIXES = List.of("tensorflow.keras.", "tf_keras.", "keras.",
      "tensorflow.python.keras.");
  private static final int MAX_DEPTH = 4;

  @Override
  public void check(RuleContext ctx) {
    SemanticModel sm = ctx.semantic();
    if (!usesKeras(sm)) {
      return;
    }
    Map<Stmt.FunctionDef, String> builders = new IdentityHashMap<>();
    Map<Stmt.FunctionDef, Boolean> clears = new IdentityHashMap<>();
    Map<Stmt, Boolean> reported = new IdentityHashMap<>();   // one finding per loop: one clear_session fixes it
    for (Expr.Call c : sm.calls()) {
      String prefix = modelPrefix(sm, c);
      boolean helper = false;
      if (prefix == null) {
        Stmt.FunctionDef f = sm.resolveCall(c);
        if (f == null || clears(sm, f, clears, 0)) {
          continue;
        }
        prefix = builds(sm, f, builders, 0);
        helper = true;
        if (prefix == null) {
          continue;
        }
      }
      Stmt loop = innermostLoop(sm, c);
      if (loop == null || reported.containsKey(loop) || clearedInEnclosingLoops(sm, c, clears) || keptAsPart(sm, c, loop)
          || sm.isTestCode(c) || fewPasses(sm, c, loop)) {
        continue;
      }
      reported.put(loop, true);
      String what = helper ? "`" + sm.file().slice(c.func().range()) + "(...)` builds a Keras model"
          : "`" + AstUtil.lastName(c.func()) + "(...)` builds a Keras model";
      String message = what + " on every iteration of the loop at line "
          + sm.file().lines().line(loop.range().start()) + ", and Keras keeps every model it built in its global"
          + " state, so memory grows with each iteration; call `keras.backend.clear_session()` at the start of"
          + " the loop body.";
      ctx.report(new Diagnostic(ctx.code(), message, c.range(), fix(sm, loop, prefix)));
    }
  }

  /** At most this many models built by one loop leave little global state: the concern is searches over many. */
  static final long FEW_PASSES = 10;

  /**
   * Whether every loop around the build has a header that bounds it to a few passes together
   * ({@code for _ in range(3)}, a literal list or dict of configurations, {@code KFold(5).split(X)},
   * nested loops multiplied), unless it builds {@code keras.applications} models: a few small models'
   * global state does not run a GPU out of memory.
   */
  private static boolean fewPasses(SemanticModel sm, Expr.Call c, Stmt loop) {
    if (buildsApplication(sm, c, 0)) {
      return false;   // ResNet50s: each pass holds a large model's graph and weights
    }
    long total = 1;
    for (Node cur = loop; cur != null; cur = sm.parent(cur)) {
      if (cur instanceof Stmt.FunctionDef || cur instanceof Stmt.ClassDef) {
        return false;   // the function may itself be called in a loop
      }
      if (cur instanceof Stmt.For || cur instanceof Stmt.While) {
        long n = Iterations.literalPasses(sm, (Stmt) cur);
        if (n < 0) {
          return false;
        }
        total *= Math.max(n, 1);
        if (total > FEW_PASSES) {
          return false;
        }
      }
    }
    return true;
  }

  /** Whether a call builds a {@code keras.applications} model, itself or through same-file functions. */
  private static boolean buildsApplication(SemanticModel sm, Expr.Call c, int depth) {
    String q = sm.qualifiedName(c.func());
    if (q != null) {
      return q.contains(".applications.");
    }
    Stmt.FunctionDef f = depth < MAX_DEPTH ? sm.resolveCall(c) : null;
    if (f == null) {
      return false;
    }
    boolean[] hit = {false};
    AstWalker.walkAll(f.body(), n -> hit[0] |= !hit[0] && n instanceof Expr.Call inner && buildsApplication(sm, inner, depth + 1));
    return hit[0];
  }

  /** Methods that keep a built model: in a list, or as a layer of another model. */
  private static final java.util.Set<String> KEEPERS = java.util.Set.of("append", "extend", "add", "insert");

  /**
   * Whether each model the loop builds is kept on purpose, so that {@code clear_session()} would free
   * nothing: a sub-block of one model being assembled (an element of a list literal, added with
   * {@code model.add(...)}, called on a tensor as a layer), or a member of an ensemble
   * ({@code models.append(model)}). Followed through {@code a if c else b} and one assignment in the
   * loop.
   */
  private static boolean keptAsPart(SemanticModel sm, Expr.Call c, Stmt loop) {
    Node cur = c;
    Node p = sm.parent(cur);
    while (p instanceof Expr.IfExp) {
      cur = p;
      p = sm.parent(cur);
    }
    if (keeps(sm, cur, p, true)) {
      return true;
    }
    if (!(p instanceof Stmt.Assign a) || a.targets().size() != 1 || !(a.targets().get(0) instanceof Expr.Name t)) {
      return false;
    }
    boolean[] kept = {false};
    AstWalker.walkAll(loop instanceof Stmt.For f ? f.body() : loop instanceof Stmt.While w ? w.body() : List.of(),
        n -> {
          if (!kept[0] && n instanceof Expr.Name use && use.id().equals(t.id()) && n != t
              && use.range().start() > a.range().end()) {
            kept[0] = keeps(sm, use, sm.parent(use), false);
          }
        });
    return kept[0];
  }

  /**
   * Whether {@code parent} keeps {@code value}: a list/tuple element, a keeper method's argument, or
   * (for the built model itself, {@code Sequential([...])(x)}) a call on a tensor as a layer.
   */
  private static boolean keeps(SemanticModel sm, Node value, Node parent, boolean built) {
    if (parent instanceof Expr.ListExpr || parent instanceof Expr.Tuple) {
      return true;
    }
    if (parent instanceof Expr.Call call) {
      if (call.func() == value) {
        return built && !call.args().isEmpty(); // Sequential([...])(x): a layer of the model being built
      }
      String m = AstUtil.methodName(call);
      return m != null && KEEPERS.contains(m) && call.args().contains(value);
    }
    return false;
  }

  private static boolean usesKeras(SemanticModel sm) {
    List<Stmt> statements = sm.statements();
    for (int i = 0; i < statements.size(); i++) {
      Stmt s = statements.get(i);
      List<dev.oomlint.ast.Support.Alias> names;
      if (s instanceof Stmt.Import im) {
        names = im.names();
      } else if (s instanceof Stmt.ImportFrom f) {
        if (f.module() != null && isKerasName(f.module())) {
          return true;
        }
        names = f.names();
      } else {
        continue;
      }
      for (int k = 0; k < names.size(); k++) {
        if (isKerasName(names.get(k).name())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isKerasName(String name) {
    return name.startsWith("keras") || name.startsWith("tensorflow") || name.startsWith("tf_keras");
  }

  /** The Keras package prefix ({@code "tensorflow.keras."}) of a call that builds a model, or null. */
  static String modelPrefix(SemanticModel sm, Expr.Call c) {
    String q = sm.qualifiedName(c.func());
    if (q != null) {
      return modelClassPrefix(q);
    }
    Stmt.ClassDef cls = sm.classCalled(c);
    return cls == null ? null : subclassPrefix(sm, cls, 0);
  }

  private static String modelClassPrefix(String q) {
    return SemanticModel.kerasModelClassPrefix(q);
  }

  /** For a same-file class deriving (in this file) from a Keras Model, the Keras prefix. */
  private static String subclassPrefix(SemanticModel sm, Stmt.ClassDef cls, int depth) {
    if (depth > MAX_DEPTH) {
      return null;
    }
    for (Expr b : cls.bases()) {
      String q = sm.qualifiedName(b);
      if (q != null) {
        String p = modelClassPrefix(q);
        if (p != null) {
          return p;
        }
      } else if (b instanceof Expr.Name n) {
        for (var binding : sm.resolve(n)) {
          if (binding.node() instanceof Stmt.ClassDef base && base != cls) {
            String p = subclassPrefix(sm, base, depth + 1);
            if (p != null) {
              return p;
            }
          }
        }
      }
    }
    return null;
  }

  /** The Keras prefix of a model a same-file function builds (directly or through its own calls), or null. */
  private static String builds(SemanticModel sm, Stmt.FunctionDef f, Map<Stmt.FunctionDef, String> memo, int depth) {
    if (memo.containsKey(f)) {
      return memo.get(f);
    }
    memo.put(f, null);
    if (depth > MAX_DEPTH) {
      return null;
    }
    String[] found = {null};
    AstWalker.walkAll(f.body(), n -> {
      if (found[0] == null && n instanceof Expr.Call c) {
        String p = modelPrefix(sm, c);
        if (p == null) {
          Stmt.FunctionDef g = sm.resolveCall(c);
          p = g == null || g == f ? null : builds(sm, g, memo, depth + 1);
        }
        found[0] = p;
      }
    });
    memo.put(f, found[0]);
    return found[0];
  }

  /** Whether a call is {@code clear_session()} under any Keras import path. */
  private static boolean isClearSession(SemanticModel sm, Expr.Call c) {
    String q = sm.qualifiedName(c.func());
    if (q == null) {
      return false;
    }
    if (q.equals("tensorflow.compat.v1.keras.backend.clear_session")) {
      return true;
    }
    for (String p : PREFIXES) {
      if (q.equals(p + "backend.clear_session") || q.equals(p + "utils.clear_session")) {
        return true;
      }
    }
    return false;
  }

  /** Whether the statements clear the Keras session, directly or through same-file functions. */
  private static boolean clearsIn(SemanticModel sm, List<? extends Node> roots, Map<Stmt.FunctionDef, Boolean> memo,
      int depth) {
    boolean[] hit = {false};
    AstWalker.walkAll(roots, n -> {
      if (!hit[0] && n instanceof Expr.Call c) {
        if (isClearSession(sm, c)) {
          hit[0] = true;
        } else {
          Stmt.FunctionDef g = sm.resolveCall(c);
          hit[0] = g != null && clears(sm, g, memo, depth + 1);
        }
      }
    });
    return hit[0];
  }

  private static boolean clears(SemanticModel sm, Stmt.FunctionDef f, Map<Stmt.FunctionDef, Boolean> memo, int depth) {
    Boolean m = memo.get(f);
    if (m != null) {
      return m;
    }
    memo.put(f, false);
    boolean r = depth <= MAX_DEPTH && clearsIn(sm, f.body(), memo, depth);
    memo.put(f, r);
    return r;
  }

  /** The innermost loop whose body runs {@code n} in its own function (not across a def, lambda or comprehension). */
  private static Stmt innermostLoop(SemanticModel sm, Node n) {
    List<Stmt> loops = enclosingLoops(sm, n);
    return loops.isEmpty() ? null : loops.get(0);
  }

  private static List<Stmt> enclosingLoops(SemanticModel sm, Node n) {
    List<Stmt> out = new ArrayList<>();
    Node child = n;
    for (Node cur = sm.parent(n); cur != null; cur = sm.parent(cur)) {
      if (cur instanceof Stmt.FunctionDef || cur instanceof Stmt.ClassDef || cur instanceof Expr.Lambda
          || cur instanceof Expr.ListComp || cur instanceof Expr.SetComp || cur instanceof Expr.DictComp
          || cur instanceof Expr.GeneratorExp) {
        if (out.isEmpty()) {
          return out;
        }
        break;
      }
      if (cur instanceof Stmt loop && AstUtil.isLoop(loop) && child instanceof Stmt s
          && AstUtil.containsNode(AstUtil.loopBody(loop), s)) {
        out.add(loop);
      }
      child = cur;
    }
    return out;
  }

  private static boolean clearedInEnclosingLoops(SemanticModel sm, Node n, Map<Stmt.FunctionDef, Boolean> memo) {
    for (Stmt loop : enclosingLoops(sm, n)) {
      if (clearsIn(sm, AstUtil.loopBody(loop), memo, 0)) {
        return true;
      }
    }
    return false;
  }

  /** Inserts {@code <keras>.backend.clear_session()} as the first statement of the loop body. */
  private static Fix fix(SemanticModel sm, Stmt loop, String prefix) {
    Stmt first = AstUtil.loopBody(loop).get(0);
    LineIndex lines = sm.file().lines();
    int firstLine = lines.line(first.range().start());
    int start = lines.lineStart(firstLine);
    String indent = sm.file().text().substring(start, first.range().start());
    if (!indent.isBlank() || firstLine == lines.line(loop.range().start())) {
      return null;
    }
    // above the comments that open the body, right under the header
    int headerLine = lines.line(loop.range().start());
    for (int l = firstLine - 1; l > headerLine; l--) {
      String t = lines.lineText(l).strip();
      if (!t.isEmpty() && !t.startsWith("#")) {
        break;
      }
      if (!t.isEmpty()) {
        start = lines.lineStart(l);
      }
    }
    String pkg = prefix.substring(0, prefix.length() - 1);
    String call;
    boolean needsImport = false;
    Edit importEdit = null;
    String a;
    if ((a = ImportEdits.aliasAt(sm, pkg + ".backend", first)) != null) {
      call = a + ".clear_session()";
    } else if ((a = ImportEdits.aliasAt(sm, pkg, first)) != null) {
      call = a + ".backend.clear_session()";
    } else if (pkg.equals("tensorflow.keras") && (a = ImportEdits.aliasAt(sm, "tensorflow", first)) != null) {
      call = a + ".keras.backend.clear_session()";
    } else if (pkg.equals("tensorflow.keras") && ImportEdits.nameFree(sm, "tf", List.of(first))) {
      needsImport = true;
      importEdit = ImportEdits.addImportLine(sm, "import tensorflow as tf");
      call = "tf.keras.backend.clear_session()";
    } else if ((pkg.equals("keras") || pkg.equals("tf_keras")) && ImportEdits.nameFree(sm, pkg, List.of(first))) {
      needsImport = true;
      importEdit = ImportEdits.addImportLine(sm, "import " + pkg);
      call = pkg + ".backend.clear_session()";
    } else {
      return null;
    }
    if (needsImport && importEdit == null) {
      return null;
    }
    Edit insert = Edit.insert(start, indent + call + "\n");
    String title = "Call `clear_session()` at the start of the loop body";
    return importEdit == null ? Fix.unsafe(title, insert) : Fix.unsafe(title, importEdit, insert);
  }
}
