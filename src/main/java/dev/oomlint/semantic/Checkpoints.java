package dev.oomlint.semantic;

import dev.oomlint.ast.AstWalker;
import dev.oomlint.ast.ConstValue;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.Stmt;
import dev.oomlint.ast.Support;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a {@code torch.load} reads, from the words the code uses for it: the names and string parts of
 * the path expression, and the name the result is stored in. Data files (dataset shards, statistics,
 * quantizer centroids, cached features) are written by preprocessing code on the CPU; checkpoints
 * (models, optimizers, training state) are written by the code that trained on the GPU.
 */
public final class Checkpoints {
  private Checkpoints() {}

  /** Words that name data: a file of these is not a model or training state. */
  private static final Set<String> DATA_WORDS = Set.of("data", "dataset", "datasets", "stat", "stats",
      "statistics", "f0", "bounds", "centroids", "assignments", "features", "feats", "vocab", "labels",
      "indices", "mean", "std", "codes", "samples", "molecules", "pkl", "shard", "shards", "cache", "corpus",
      "split", "manifest", "quantizer", "quantizers", "label", "cached", "feature");

  /** Words that name random-number-generator state: CPU byte tensors even in a GPU checkpoint folder. */
  private static final Set<String> RNG_WORDS = Set.of("rng", "rngs");

  /** Words that name a checkpoint: with one of these the file may hold GPU tensors. */
  private static final Set<String> CHECKPOINT_WORDS = Set.of("ckpt", "checkpoint", "checkpoints", "model",
      "models", "weights", "weight", "state", "pretrained", "net", "generator", "discriminator", "encoder",
      "decoder", "resume", "epoch", "best", "last", "params", "parameters", "optimizer", "optim", "pth", "bin",
      "pt", "vocoder", "snapshot", "trainer", "ema", "lora", "adapter", "checkpointer", "checkpointing", "sd");

  /**
   * Whether the words of a {@code torch.load(...)} call name a data file and none of them a checkpoint
   * ({@code torch.load(f"{manifest}.f0_stat.pt")} is data for its {@code f0} and {@code stat} although
   * its extension is {@code pt}: a data word with any checkpoint word except a bare extension).
   */
  public static boolean namesDataFile(SemanticModel sm, Expr.Call load) {
    Set<String> words = words(sm, load);
    for (String w : words) {
      if (RNG_WORDS.contains(w)) {
        return true; // torch.get_rng_state() and torch.cuda.get_rng_state() are both CPU tensors
      }
    }
    // the name the result is given says what the file holds: features = torch.load(cached_file_for_model)
    Set<String> target = targetWords(sm, load);
    // pickled arguments or metadata (training_args.bin, a sharded checkpoint's metadata file): no tensors
    if (target.contains("args") || target.contains("metadata") || words.contains("metadata")
        || words.contains("hparams")) {
      return true;
    }
    if (!target.isEmpty()) {
      boolean dataTarget = false;
      boolean checkpointTarget = false;
      for (String w : target) {
        dataTarget |= DATA_WORDS.contains(w);
        checkpointTarget |= CHECKPOINT_WORDS.contains(w);
      }
      if (dataTarget && !checkpointTarget) {
        return true;
      }
    }
    boolean data = false;
    for (String w : words) {
      if (CHECKPOINT_WORDS.contains(w) && !w.equals("pt") && !w.equals("pth") && !w.equals("bin")) {
        return false;
      }
      data |= DATA_WORDS.contains(w);
    }
    return data;
  }

  /**
   * Whether the words of a {@code torch.load(...)} call name a checkpoint: a model, weights, training
   * state ({@code torch.load(args.checkpoint)}, {@code torch.load("pytorch_model.bin")}).
   */
  public static boolean namesCheckpoint(SemanticModel sm, Expr.Call load) {
    Set<String> words = words(sm, load);
    // code that is about checkpoints: def load_checkpoint(...), class DetectionCheckpointer
    Stmt.FunctionDef f = sm.enclosingFunction(load);
    if (f != null) {
      split(f.name(), words);
      Stmt.ClassDef cls = sm.enclosingClass(f);
      if (cls != null) {
        split(cls.name(), words);
      }
    }
    for (String w : words) {
      if (CHECKPOINT_WORDS.contains(w) && !w.equals("pt") && !w.equals("pth")) {
        return true;
      }
    }
    return feedsLoadStateDict(sm, load);
  }

  /**
   * Whether the loaded object (or a part of it) goes into {@code load_state_dict(...)}:
   * {@code model.load_state_dict(torch.load(p)["model"])}, or through the name it is assigned to.
   */
  private static boolean feedsLoadStateDict(SemanticModel sm, Expr.Call load) {
    Node cur = load;
    Node p = sm.parent(cur);
    while (p instanceof Expr.Subscript || p instanceof Expr.Attribute && !(sm.parent(p) instanceof Expr.Call)) {
      cur = p;
      p = sm.parent(cur);
    }
    if (p instanceof Expr.Call c && "load_state_dict".equals(AstUtil.methodName(c)) && c.args().contains(cur)) {
      return true;
    }
    if (!(p instanceof Stmt.Assign a) || a.targets().size() != 1 || !(a.targets().get(0) instanceof Expr.Name t)) {
      return false;
    }
    Node scope = sm.scopeOf(t).node();
    boolean[] fed = {false};
    dev.oomlint.ast.AstWalker.walkAll(List.of(scope), n -> {
      if (!fed[0] && n instanceof Expr.Call c && "load_state_dict".equals(AstUtil.methodName(c))) {
        for (Expr arg : c.args()) {
          dev.oomlint.ast.AstWalker.walkAll(List.of(arg), m -> fed[0] |= m instanceof Expr.Name nm && nm.id().equals(t.id()));
        }
      }
    });
    return fed[0];
  }

  /**
   * The words of the path argument and of the name the result is assigned to; a result named just
   * {@code data} or {@code obj} says nothing about the file.
   */
  private static Set<String> words(SemanticModel sm, Expr.Call load) {
    Set<String> words = new HashSet<>();
    Expr path = !load.args().isEmpty() ? load.args().get(0)
        : Calls.keyword(load, "f") != null ? Calls.keyword(load, "f").value() : null;
    if (path != null) {
      collect(path, words);
    }
    // a path built just before: load_path = (checkpoint_dir / key).with_suffix(".pt")
    if (path instanceof Expr.Name n) {
      for (Binding b : sm.reachingBindings(n)) {
        if (b.kind() == Binding.Kind.ASSIGN && b.value() != null) {
          collect(b.value(), words);
        }
      }
    }
    Node p = sm.parent(load);
    if (p instanceof Stmt.Assign a && a.value() == load) {
      for (Expr t : a.targets()) {
        if (!(t instanceof Expr.Name n && (n.id().equals("data") || n.id().equals("obj")))) {
          collect(t, words);
        }
      }
    }
    return words;
  }

  /** The words of the single name the result of the load is assigned to, or none. */
  private static Set<String> targetWords(SemanticModel sm, Expr.Call load) {
    Set<String> words = new HashSet<>();
    if (sm.parent(load) instanceof Stmt.Assign a && a.value() == load && a.targets().size() == 1
        && a.targets().get(0) instanceof Expr.Name n && !n.id().equals("data") && !n.id().equals("obj")) {
      split(n.id(), words);
    }
    return words;
  }

  /** The lower-case words of the names, attributes and string parts in an expression. */
  private static void collect(Expr e, Set<String> words) {
    AstWalker.walkAll(java.util.List.of(e), n -> {
      String text = null;
      if (n instanceof Expr.Name nm) {
        text = nm.id();
      } else if (n instanceof Expr.Attribute a) {
        text = a.attr();
      } else if (n instanceof Expr.Constant k && k.value() instanceof ConstValue.Str s) {
        text = s.value();
      }
      if (text != null) {
        split(text, words);
      }
    });
  }

  /** Adds the lower-case words of an identifier or string ({@code f0_stat}, {@code DetectionCheckpointer}). */
  private static void split(String text, Set<String> words) {
    for (String w : text.split("[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])")) {
      if (!w.isEmpty()) {
        words.add(w.toLowerCase(Locale.ROOT));
      }
    }
  }

  /** Words of a checkpoint key whose entry is a network's weights ({@code "model"}, {@code "state_dict"}, {@code "net"}). */
  private static final List<String> MODEL_ENTRY_WORDS = List.of("model", "state_dict", "net", "weights", "params",
      "module", "generator", "encoder", "decoder", "ema");

  /** Words of a checkpoint key whose entry is bookkeeping, not tensors to place ({@code "epoch"}, {@code "best_acc"}). */
  private static final List<String> METADATA_WORDS = List.of("epoch", "step", "iter", "best", "acc", "loss", "arg",
      "config", "cfg", "hparam", "hyper", "score", "metric", "version", "name", "time", "f1", "map", "lr", "seed",
      "class", "label", "vocab", "tokenizer", "meta", "info");

  /**
   * Whether a {@code torch.load(...)} reads a file its code calls weights ({@code opt.weights},
   * {@code weights[0]}, {@code "./weights/model.pth"}, a name bound to such a path) and nothing there
   * calls it a checkpoint ({@code ckpt}, {@code checkpoint}, {@code resume}, {@code last}): a released
   * weights file, which projects strip down to the model before publishing it (YOLO's
   * {@code strip_optimizer}), not a training checkpoint with optimizer state.
   */
  public static boolean readsReleasedWeights(SemanticModel sm, Expr.Call load) {
    Expr path = Calls.argument(load, 0, "f");
    if (path == null) {
      return false;
    }
    StringBuilder text = new StringBuilder(sm.file().slice(path.range()));
    if (path instanceof Expr.Name n) {
      for (Binding b : sm.resolve(n)) {
        if (b.value() != null) {
          text.append(' ').append(sm.file().slice(b.value().range()));
        }
      }
    }
    String t = text.toString().toLowerCase(Locale.ROOT);
    return t.contains("weight") && !t.contains("ckpt") && !t.contains("checkpoint") && !t.contains("resume")
        && !t.contains("last");
  }

  /**
   * For a {@code torch.load(...)} of a training checkpoint of which only one network's weights are used,
   * the key of that entry ({@code "model"} for {@code model.load_state_dict(ckpt["model"])}); null
   * otherwise. Every use of the loaded object must be a subscript with a string key (or a
   * {@code "key" in ckpt} test); exactly one key, named as a network's weights, must go into a
   * {@code load_state_dict(...)} (directly or through names assigned from it, and nowhere else,
   * never with {@code assign=True}); every other key read must be bookkeeping (epoch, step, best score,
   * arguments). Optimizer or scheduler states, a second network, or the object used whole give null.
   */
  public static String singleWeightsEntry(SemanticModel sm, Expr.Call load) {
    Node p = sm.parent(load);
    List<Expr.Subscript> entries = new java.util.ArrayList<>();
    if (p instanceof Expr.Subscript sub && sub.value() == load) {
      entries.add(sub);
    } else if (p instanceof Stmt.Assign a && a.value() == load && a.targets().size() == 1
        && a.targets().get(0) instanceof Expr.Name t) {
      for (Expr.Name use : uses(sm, t)) {
        Node up = sm.parent(use);
        if (up instanceof Expr.Subscript sub && sub.value() == use && Calls.string(sub.slice()) != null) {
          entries.add(sub);
        } else if (!(up instanceof Expr.Compare cmp && cmp.comparators().contains(use)
            && cmp.left() instanceof Expr.Constant)) {
          return null;
        }
      }
    } else {
      return null;
    }
    String weights = null;
    for (Expr.Subscript e : entries) {
      String key = Calls.string(e.slice());
      if (key == null || e.ctx() != dev.oomlint.ast.Operators.ExprContext.LOAD) {
        return null;
      }
      String lower = key.toLowerCase(Locale.ROOT);
      boolean intoLoad = onlyIntoLoadStateDict(sm, e, 0);
      if (key.equals(weights)) {
        if (!intoLoad) {
          return null;
        }
      } else if (weights == null && intoLoad && containsAny(lower, MODEL_ENTRY_WORDS) && !lower.contains("optim")) {
        weights = key;
      } else if (intoLoad || !containsAny(lower, METADATA_WORDS) || lower.contains("optim")
          || lower.contains("sched") || lower.contains("scaler")) {
        return null; // a second network, optimizer state, or an entry used as tensors
      }
    }
    return weights;
  }

  private static boolean containsAny(String s, List<String> words) {
    for (String w : words) {
      if (s.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a value goes only into {@code x.load_state_dict(value)} (without {@code assign=True}),
   * directly or through names assigned from expressions over it ({@code sd = {k[7:]: v for k, v in
   * value.items()}}), and is used for nothing else; at least one such call must be reached.
   */
  private static boolean onlyIntoLoadStateDict(SemanticModel sm, Expr value, int depth) {
    if (depth > 3) {
      return false;
    }
    Node cur = value;
    for (Node up = sm.parent(cur); up instanceof Expr || up instanceof Support.Comprehension;
        cur = up, up = sm.parent(up)) {
      if (up instanceof Expr.Call c && "load_state_dict".equals(AstUtil.methodName(c)) && c.args().contains(cur)) {
        Support.Keyword assign = Calls.keyword(c, "assign");
        return assign == null || Calls.isFalsyConstant(assign.value());
      }
      if (up instanceof Expr.Call c && c.func() != cur) {
        return false; // passed to something else; a method of it ({@code sd.items()}) goes on
      }
    }
    Node st = sm.parent(cur);
    if (!(st instanceof Stmt.Assign a) || a.targets().size() != 1 || !(a.targets().get(0) instanceof Expr.Name t)) {
      return false;
    }
    List<Expr.Name> uses = uses(sm, t);
    if (uses.isEmpty()) {
      return false;
    }
    for (Expr.Name u : uses) {
      if (!onlyIntoLoadStateDict(sm, u, depth + 1)) {
        return false;
      }
    }
    return true;
  }

  /** The loads of the name a binding statement binds (in its scope, nested functions included). */
  private static List<Expr.Name> uses(SemanticModel sm, Expr.Name target) {
    List<Expr.Name> out = new java.util.ArrayList<>();
    Node scope = sm.scopeOf(target).node();
    AstWalker.walkAll(List.of(scope), n -> {
      if (n instanceof Expr.Name u && u != target && u.id().equals(target.id())
          && u.ctx() == dev.oomlint.ast.Operators.ExprContext.LOAD) {
        for (Binding b : sm.resolve(u)) {
          if (b.node() == target) {
            out.add(u);
            return;
          }
        }
      }
    });
    return out;
  }

  /**
   * Whether the code shows that the loaded tensors are on the CPU, whatever the file's name says:
   * the result is turned into NumPy at once ({@code torch.load(p).numpy()} fails on CUDA tensors), or
   * the file ships next to the code ({@code Path(__file__).parent / "weights.pt"}: package data,
   * written by its authors for every machine, CUDA or not).
   */
  public static boolean holdsCpuValues(SemanticModel sm, Expr.Call load) {
    Node cur = load;
    for (int i = 0; i < 8; i++) {
      Node p = sm.parent(cur);
      if (p instanceof Expr.Attribute a && a.value() == cur && sm.parent(a) instanceof Expr.Call c && c.func() == a) {
        if (a.attr().equals("numpy") || a.attr().equals("tolist")) {
          return true;
        }
        cur = c;
      } else if (p instanceof Expr.Subscript sub && sub.value() == cur) {
        cur = sub;
      } else {
        break;
      }
    }
    return fromModuleFile(sm, pathOf(load), 0);
  }

  /** Whether an expression is built from {@code __file__} (directly or through names, two levels). */
  private static boolean fromModuleFile(SemanticModel sm, Expr e, int depth) {
    return madeFrom(sm, e, n -> n instanceof Expr.Name nm && nm.id().equals("__file__"), depth);
  }

  /**
   * Whether an expression is made from a part {@code part} accepts: one of its nodes, or one of the
   * values assigned to a name it reads, followed two assignments deep ({@code path = base + "x"}).
   */
  static boolean madeFrom(SemanticModel sm, Expr e, java.util.function.Predicate<Node> part, int depth) {
    if (e == null || depth > 2) {
      return false;
    }
    boolean[] found = {false};
    AstWalker.walkAll(List.of(e), n -> {
      if (found[0]) {
        return;
      }
      if (part.test(n)) {
        found[0] = true;
        return;
      }
      if (n instanceof Expr.Name nm) {
        for (Binding b : sm.reachingBindings(nm)) {
          if (b.kind() == Binding.Kind.ASSIGN && b.value() != null && madeFrom(sm, b.value(), part, depth + 1)) {
            found[0] = true;
            return;
          }
        }
      }
    });
    return found[0];
  }

  /** The path argument of a {@code torch.load}, or null. */
  public static Expr pathOf(Expr.Call load) {
    return Calls.argument(load, 0, "f");
  }

  /** The file argument of a {@code torch.save}, or null. */
  static Expr saveTarget(Expr.Call save) {
    return Calls.argument(save, 1, "f");
  }

  static boolean isTorchSave(SemanticModel sm, Expr.Call c) {
    String q = sm.qualifiedName(c.func());
    return q != null && (q.equals("torch.save") || q.equals("torch.serialization.save"));
  }

  /**
   * Whether this file itself wrote the file the load reads, so the load gets back what this same
   * process (a notebook, a script) or this same module put there, not a checkpoint of an earlier GPU
   * run:
   * <ul>
   *   <li>an earlier {@code torch.save} in the same function to the same path expression
   *       ({@code tmp + "/p.bin"});
   *   <li>a path in a temporary directory ({@code tempfile.TemporaryDirectory()}, {@code mkdtemp()}):
   *       it lives for one process;
   *   <li>an earlier {@code torch.save} anywhere in the file to the same constant path or the same
   *       module-level name ({@code MODEL_SAVE_PATH}), or an earlier call of a same-file function that
   *       {@code torch.save}s to the parameter given that constant ({@code train(..., "model.pt")}), or
   *       an earlier {@code save...(...)} call given the file's name or its directory
   *       ({@code save_model(target_dir="models", ...)}); a load before the save (resuming) is not one;
   *   <li>a load whose path is a parameter of a same-file function or method whose every caller passes
   *       such a path ({@code trainer.load_checkpoint("ckpt.pth")} after {@code trainer.save_checkpoint("ckpt.pth")},
   *       also for a function installed with {@code setattr(Trainer, "load_checkpoint", f)});
   *   <li>a {@code torch.save} of host values ({@code t.cpu()}, a tuple of {@code .cpu()} copies, a step
   *       counter) to the same path expression in the same file (an offloading cache), or to a path with
   *       the same file-name pattern when every save to that pattern writes host values.
   * </ul>
   */
  public static boolean writtenBySameFile(SemanticModel sm, Expr.Call load) {
    Expr path = pathOf(load);
    if (path == null) {
      return false;
    }
    if (inTemporaryDirectory(sm, path)) {
      return true;
    }
    List<Expr.Call> saves = new java.util.ArrayList<>();
    for (Expr.Call c : sm.calls()) {
      if (isTorchSave(sm, c) && saveTarget(c) != null) {
        saves.add(c);
      }
    }
    Stmt.FunctionDef f = sm.enclosingFunction(load);
    String text = text(sm, path);
    for (Expr.Call save : saves) {
      Expr target = saveTarget(save);
      if (text.equals(text(sm, target)) && (sm.enclosingFunction(save) == f && save.range().start() < load.range().start()
          || savesCpuValue(sm, save))) {
        return true;
      }
    }
    if (savedOnlyHostValuesByName(sm, path, saves)) {
      return true;
    }
    if (partnerSavesOnlyHostValues(sm, f)) {
      return true;
    }
    if (path instanceof Expr.Name n && f != null) {
      for (Binding b : sm.resolve(n)) {
        if (b.kind() == Binding.Kind.PARAMETER && b.node() != null) {
          return callersPassWrittenPaths(sm, f, n.id());
        }
      }
    }
    return writtenBefore(sm, path, load.range().start(), saves);
  }

  /**
   * Whether the function holding a load is named for loading something ({@code load_network},
   * {@code load}) and its partner in the same class or module ({@code save_network}, {@code save})
   * {@code torch.save}s only host values: the project's own format for that file is CPU tensors.
   */
  private static boolean partnerSavesOnlyHostValues(SemanticModel sm, Stmt.FunctionDef f) {
    if (f == null || !f.name().startsWith("load")) {
      return false;
    }
    String partner = "save" + f.name().substring("load".length());
    Stmt.ClassDef owner = sm.enclosingClass(f);
    List<Stmt> scope = owner != null ? owner.body() : sm.enclosingFunction(f) == null ? sm.module().body() : List.of();
    for (Stmt st : scope) {
      if (st instanceof Stmt.FunctionDef g && g.name().equals(partner)) {
        boolean[] any = {false};
        boolean[] host = {true};
        AstWalker.walkAll(g.body(), n -> {
          if (n instanceof Expr.Call c && isTorchSave(sm, c)) {
            any[0] = true;
            host[0] &= savesCpuValue(sm, c);
          }
        });
        return any[0] && host[0];
      }
    }
    return false;
  }

  /** Every call of {@code f} in this file passes, for parameter {@code param}, a path written before the call. */
  private static boolean callersPassWrittenPaths(SemanticModel sm, Stmt.FunctionDef f, String param) {
    List<Expr.Call> sites = new java.util.ArrayList<>(sm.callSites(f));
    String installed = installedAsMethod(sm, f);
    if (installed != null) {
      for (Expr.Call c : sm.calls()) {
        if (c.func() instanceof Expr.Attribute a && a.attr().equals(installed) && !sites.contains(c)) {
          sites.add(c);
        }
      }
    }
    if (sites.isEmpty()) {
      return false;
    }
    // obj.load(path) of a method def load(self, path): the receiver is the first parameter
    boolean bound = installed != null || sm.enclosingClass(f) != null && !isStaticMethod(f);
    List<Expr.Call> saves = new java.util.ArrayList<>();
    for (Expr.Call c : sm.calls()) {
      if (isTorchSave(sm, c) && saveTarget(c) != null) {
        saves.add(c);
      }
    }
    int declared = AstUtil.positionOf(f, param);
    for (Expr.Call site : sites) {
      int pos = bound && site.func() instanceof Expr.Attribute && declared > 0 ? declared - 1 : declared;
      Expr arg = Calls.argument(site, pos, param);
      if (arg == null || !writtenBefore(sm, arg, site.range().start(), saves)) {
        return false;
      }
    }
    return true;
  }

  /** A method whose first parameter is the instance ({@code self}): not a static method, first parameter named self. */
  private static boolean boundMethod(Stmt.FunctionDef f) {
    List<dev.oomlint.ast.Support.Arg> ps = AstUtil.positionalParams(f);
    return !ps.isEmpty() && ps.get(0).arg().equals("self") && !isStaticMethod(f);
  }

  private static boolean isStaticMethod(Stmt.FunctionDef f) {
    for (Expr d : f.decoratorList()) {
      if ("staticmethod".equals(AstUtil.lastName(d))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The method name a module-level function is installed under by {@code setattr(Cls, "name", f)}
   * (notebooks that grow a class cell by cell), or null.
   */
  private static String installedAsMethod(SemanticModel sm, Stmt.FunctionDef f) {
    if (sm.enclosingFunction(f) != null || sm.enclosingClass(f) != null) {
      return null;
    }
    for (Expr.Call c : sm.calls()) {
      if (c.func() instanceof Expr.Name n && n.id().equals("setattr") && c.args().size() == 3
          && c.args().get(2) instanceof Expr.Name fn && fn.id().equals(f.name()) && Calls.string(c.args().get(1)) != null) {
        for (Binding b : sm.resolve(fn)) {
          if (b.node() == f) {
            return Calls.string(c.args().get(1));
          }
        }
      }
    }
    return null;
  }

  /**
   * Whether a path (a constant, or a module-level name) was written before {@code offset}: by a
   * {@code torch.save} to the same constant or name, by a call of a same-file function that saves to
   * the parameter given that constant, or by a {@code save...(...)} call given its name or directory.
   */
  private static boolean writtenBefore(SemanticModel sm, Expr path, int offset, List<Expr.Call> saves) {
    String constant = Calls.string(path);
    if (constant == null && path instanceof Expr.Name pn) {
      List<Binding> bs = sm.reachingBindings(pn);
      if (bs.size() == 1 && bs.get(0).kind() == Binding.Kind.ASSIGN && bs.get(0).index() < 0) {
        constant = Calls.string(bs.get(0).value()); // best_path = "models/best.pth"
      }
    }
    boolean moduleName = path instanceof Expr.Name n && isModuleLevelName(sm, n);
    if (constant == null && !moduleName) {
      return false;
    }
    String base = constant == null ? null : constant.substring(constant.lastIndexOf('/') + 1);
    String dir = constant == null || !constant.contains("/") ? null : constant.substring(0, constant.lastIndexOf('/'));
    for (Expr.Call save : saves) {
      if (save.range().start() < offset && samePath(sm, path, constant, base, saveTarget(save))) {
        return true;
      }
    }
    if (constant == null) {
      return false;
    }
    for (Expr.Call c : sm.calls()) {
      if (c.range().start() >= offset || isTorchSave(sm, c)) {
        continue;
      }
      Stmt.FunctionDef callee = sm.resolveCall(c);
      if (callee != null) {
        if (savesToPassedConstant(sm, callee, c, constant, base)) {
          return true;
        }
        continue;
      }
      String name = AstUtil.lastName(c.func());
      if (name == null || !name.toLowerCase(Locale.ROOT).contains("save")) {
        continue;
      }
      List<Expr> given = new java.util.ArrayList<>(c.args());
      c.keywords().forEach(k -> given.add(k.value()));
      for (Expr g : given) {
        String s = Calls.string(g);
        if (s != null && (s.equals(constant) || s.equals(base) || s.equals(dir))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean samePath(SemanticModel sm, Expr path, String constant, String base, Expr target) {
    if (constant != null) {
      String t = Calls.string(target);
      return t != null && (t.equals(constant) || t.substring(t.lastIndexOf('/') + 1).equals(base));
    }
    return target instanceof Expr.Name tn && path instanceof Expr.Name pn && tn.id().equals(pn.id())
        && isModuleLevelName(sm, tn);
  }

  /** A call of a same-file function that {@code torch.save}s to a parameter, given the constant for it. */
  private static boolean savesToPassedConstant(SemanticModel sm, Stmt.FunctionDef callee, Expr.Call call,
      String constant, String base) {
    boolean[] found = {false};
    AstWalker.walkAll(callee.body(), n -> {
      if (found[0] || !(n instanceof Expr.Call c) || !isTorchSave(sm, c) || !(saveTarget(c) instanceof Expr.Name t)) {
        return;
      }
      found[0] = passes(call, callee, t.id(), constant, base);
    });
    if (found[0]) {
      return true;
    }
    // a parameter meant for it: def train(..., save_path) called with "model.pt" (the save is left to the reader)
    for (dev.oomlint.ast.Support.Arg a : AstUtil.positionalParams(callee)) {
      if (a.arg().toLowerCase(Locale.ROOT).contains("save") && passes(call, callee, a.arg(), constant, base)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a call passes, for a parameter of the callee, the constant path (or one with its file name). */
  private static boolean passes(Expr.Call call, Stmt.FunctionDef callee, String param, String constant, String base) {
    int pos = AstUtil.positionOf(callee, param);
    if (pos < 0) {
      return false;
    }
    if (pos > 0 && call.func() instanceof Expr.Attribute && boundMethod(callee)) {
      pos--; // obj.save(path) of def save(self, path)
    }
    String s = Calls.string(Calls.argument(call, pos, param));
    return s != null && (s.equals(constant) || s.substring(s.lastIndexOf('/') + 1).equals(base));
  }

  /** A name every binding of which is at module level (a notebook's or script's global path). */
  private static boolean isModuleLevelName(SemanticModel sm, Expr.Name n) {
    List<Binding> bs = sm.resolve(n);
    if (bs.isEmpty()) {
      return false;
    }
    for (Binding b : bs) {
      if (b.kind() != Binding.Kind.ASSIGN || b.statement() == null || sm.enclosingFunction(b.statement()) != null) {
        return false;
      }
    }
    return true;
  }

  /** A path built from a temporary directory ({@code with tempfile.TemporaryDirectory() as d}, {@code mkdtemp()}). */
  private static boolean inTemporaryDirectory(SemanticModel sm, Expr path) {
    boolean[] found = {false};
    AstWalker.walkAll(List.of(path), n -> {
      if (found[0] || !(n instanceof Expr.Name nm)) {
        return;
      }
      for (Binding b : sm.reachingBindings(nm)) {
        Expr v = b.value();
        if (v instanceof Expr.Call c) {
          String q = sm.qualifiedName(c.func());
          if (q != null && q.startsWith("tempfile.")) {
            found[0] = true;
          }
        }
      }
    });
    return found[0];
  }

  /**
   * A {@code torch.save} of values that hold no GPU tensor ({@link #isHostValue}): {@code t.cpu()},
   * {@code (logits, targets)} built from {@code .cpu()} copies, a step counter.
   */
  private static boolean savesCpuValue(SemanticModel sm, Expr.Call save) {
    return isHostValue(sm, Calls.argument(save, 0, "obj"), 0);
  }

  /** Methods of a tensor whose result stays on its device. */
  private static final Set<String> SAME_DEVICE_METHODS = Set.of("permute", "reshape", "view", "transpose",
      "contiguous", "float", "half", "double", "long", "int", "clone", "detach", "squeeze", "unsqueeze", "flatten", "t");

  /** Names of training counters: {@code self.step}, {@code global_step}, {@code epoch} (Python numbers). */
  private static final java.util.regex.Pattern COUNTER = java.util.regex.Pattern.compile(
      "(?:[a-z0-9]+_)*(?:step|steps|epoch|epochs|iter|iters|iteration|iterations)");

  /**
   * Whether a value holds no GPU tensor: a copy moved to the CPU ({@code t.detach().cpu()},
   * {@code t.to("cpu")}), a NumPy array or Python list of one, a number or a training counter
   * ({@code self.step}), a tuple or list of such values, {@code torch.cat}/{@code torch.stack} of
   * them (a list filled only with {@code .append(x.cpu())}), a same-device method of one
   * ({@code .permute(...)}), or a name every binding of which reaching here is one.
   */
  private static boolean isHostValue(SemanticModel sm, Expr e, int depth) {
    if (e == null || depth > 8) {
      return false;
    }
    if (e instanceof Expr.Constant k) {
      return !(k.value() instanceof ConstValue.Str);
    }
    if (e instanceof Expr.Tuple t) {
      return !t.elts().isEmpty() && t.elts().stream().allMatch(x -> isHostValue(sm, x, depth + 1));
    }
    if (e instanceof Expr.ListExpr l) {
      return !l.elts().isEmpty() && l.elts().stream().allMatch(x -> isHostValue(sm, x, depth + 1));
    }
    if (e instanceof Expr.Dict d) {
      // {"embeds": x.cpu(), "mask": m.cpu(), "name": "null"}; a {**other} entry must be host values too
      for (int i = 0; i < d.values().size(); i++) {
        Expr v = d.values().get(i);
        boolean text = v instanceof Expr.Constant k && k.value() instanceof ConstValue.Str;
        if (!text && !isHostValue(sm, v, depth + 1)) {
          return false;
        }
      }
      return !d.values().isEmpty();
    }
    if (e instanceof Expr.DictComp dc) {
      return isHostValue(sm, dc.value(), depth + 1); // {k: v.cpu() for k, v in sd.items()}
    }
    if (e instanceof Expr.Attribute a && !(sm.parent(a) instanceof Expr.Call pc && pc.func() == a)) {
      return COUNTER.matcher(a.attr().toLowerCase(Locale.ROOT)).matches();
    }
    if (e instanceof Expr.Call c) {
      if (c.func() instanceof Expr.Attribute a) {
        String m = a.attr();
        if (m.equals("cpu") || m.equals("numpy") || m.equals("tolist") || m.equals("item")
            || m.equals("to") && c.args().size() == 1 && "cpu".equals(Calls.string(c.args().get(0)))) {
          return true;
        }
        if (SAME_DEVICE_METHODS.contains(m)) {
          return isHostValue(sm, a.value(), depth + 1);
        }
      }
      String q = sm.qualifiedName(c.func());
      if (("torch.cat".equals(q) || "torch.stack".equals(q)) && !c.args().isEmpty()) {
        Expr parts = c.args().get(0);
        return parts instanceof Expr.Name n ? isHostList(sm, n, depth + 1) : isHostValue(sm, parts, depth + 1);
      }
      return false;
    }
    if (e instanceof Expr.Name n) {
      if (COUNTER.matcher(n.id().toLowerCase(Locale.ROOT)).matches() && !hasTensorBinding(sm, n)) {
        return true;
      }
      List<Binding> bs = bindingsOnPath(sm, n);
      if (bs.isEmpty()) {
        return false;
      }
      for (Binding b : bs) {
        if (b.kind() != Binding.Kind.ASSIGN || b.index() >= 0
            || !isHostValue(sm, b.value(), depth + 1) && !entriesCopiedToHost(sm, n, b)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /**
   * Whether a name bound to a {@code state_dict()} has every entry replaced by a host copy before it is
   * used, in the same body: {@code for key, param in sd.items(): sd[key] = param.cpu()} (the
   * checkpoint format of BasicSR-style trainers, saved so that any machine can read it).
   */
  private static boolean entriesCopiedToHost(SemanticModel sm, Expr.Name use, Binding b) {
    if (!(b.value() instanceof Expr.Call c) || !"state_dict".equals(AstUtil.methodName(c)) || b.statement() == null) {
      return false;
    }
    List<Stmt> block = sm.blockOf(b.statement());
    if (block == null) {
      return false;
    }
    for (int i = block.indexOf(b.statement()) + 1; i < block.size(); i++) {
      if (block.get(i) instanceof Stmt.For f && f.iter() instanceof Expr.Call it && "items".equals(AstUtil.methodName(it))
          && it.func() instanceof Expr.Attribute ia && ia.value() instanceof Expr.Name owner && owner.id().equals(use.id())
          && f.target() instanceof Expr.Tuple t && t.elts().size() == 2 && t.elts().get(0) instanceof Expr.Name key
          && t.elts().get(1) instanceof Expr.Name param && f.range().start() < use.range().start()) {
        for (Stmt s : f.body()) {
          if (s instanceof Stmt.Assign a && a.targets().size() == 1 && a.targets().get(0) instanceof Expr.Subscript sub
              && sub.value() instanceof Expr.Name sn && sn.id().equals(use.id())
              && sub.slice() instanceof Expr.Name kn && kn.id().equals(key.id())
              && a.value() instanceof Expr.Call copy && copy.func() instanceof Expr.Attribute ca
              && ca.value() instanceof Expr.Name pn && pn.id().equals(param.id()) && isHostValue(sm, copy, 8)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * The bindings of {@link SemanticModel#reachingBindings} that can reach the use along one path: a
   * binding in the other branch of an {@code if} that holds the use is dropped, and the walk back stops
   * at a binding made in a block that holds the use ({@code x = []} in the same {@code else}).
   */
  private static List<Binding> bindingsOnPath(SemanticModel sm, Expr.Name use) {
    List<Binding> out = new java.util.ArrayList<>();
    for (Binding b : sm.reachingBindings(use)) {
      Stmt st = b.statement();
      if (st == null) {
        out.add(b);
        continue;
      }
      if (otherBranch(sm, st, use)) {
        continue;
      }
      out.add(b);
      if (sameBlockBefore(sm, st, use)) {
        break;
      }
    }
    return out;
  }

  /** Whether {@code st} sits in a block that also holds (an ancestor of) the use, before it. */
  private static boolean sameBlockBefore(SemanticModel sm, Stmt st, Node use) {
    List<Stmt> block = sm.blockOf(st);
    if (block == null) {
      return false;
    }
    for (Node cur = use; cur != null; cur = sm.parent(cur)) {
      if (cur != st && block.contains(cur)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code st} and the use sit in different branches of one {@code if}. */
  private static boolean otherBranch(SemanticModel sm, Stmt st, Node use) {
    for (Node cur = sm.parent(st), child = st; cur != null; child = cur, cur = sm.parent(cur)) {
      if (cur instanceof Stmt.If i && child != i.test()) {
        boolean stInBody = i.body().contains(child);
        for (Node u = use, uc = null; u != null; uc = u, u = sm.parent(u)) {
          if (u == i) {
            return uc != null && uc != i.test() && i.body().contains(uc) != stInBody;
          }
        }
      }
    }
    return false;
  }

  /** Whether a counter-named name is bound to a call (which may make a tensor) rather than a number. */
  private static boolean hasTensorBinding(SemanticModel sm, Expr.Name n) {
    for (Binding b : sm.reachingBindings(n)) {
      if (b.value() instanceof Expr.Call c && !isHostValue(sm, c, 8)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A list name whose reaching bindings are all {@code []} and every {@code .append(x)} on which, in
   * its scope, appends a host value ({@code logits.append(preds.detach().cpu())}).
   */
  private static boolean isHostList(SemanticModel sm, Expr.Name n, int depth) {
    List<Binding> bs = bindingsOnPath(sm, n);
    if (bs.isEmpty()) {
      return false;
    }
    for (Binding b : bs) {
      if (!(b.value() instanceof Expr.ListExpr l) || !l.elts().isEmpty() || b.index() >= 0) {
        return false;
      }
    }
    Node scope = sm.scopeOf(n).node();
    boolean[] ok = {true};
    int[] appends = {0};
    AstWalker.walkAll(List.of(scope), x -> {
      if (x instanceof Expr.Call c && c.func() instanceof Expr.Attribute a && a.value() instanceof Expr.Name r
          && r.id().equals(n.id())) {
        if (a.attr().equals("append") && c.args().size() == 1) {
          appends[0]++;
          ok[0] &= isHostValue(sm, c.args().get(0), depth + 1);
        } else if (a.attr().equals("extend") || a.attr().equals("insert")) {
          ok[0] = false;
        }
      }
    });
    return ok[0] && appends[0] > 0;
  }

  /**
   * Whether the file name of a load's path (the last part of {@code os.path.join(dir, name)} or
   * {@code dir / name}, through the names it is built in) has the same pattern as the file names this
   * file saves to, and every such save writes host values
   * ({@code f"{split}_kernels_{task}.pt"} saved from {@code .cpu()} copies, read back from another
   * directory). The pattern must name something ({@code "{}.pt"} alone says nothing).
   */
  private static boolean savedOnlyHostValuesByName(SemanticModel sm, Expr path, List<Expr.Call> saves) {
    String name = fileNamePattern(sm, path, 0);
    if (name == null || !name.replaceAll("\\.[A-Za-z0-9]+$", "").replace("{}", "").matches(".*[A-Za-z]{3,}.*")) {
      return false;
    }
    boolean any = false;
    for (Expr.Call save : saves) {
      if (name.equals(fileNamePattern(sm, saveTarget(save), 0))) {
        if (!savesCpuValue(sm, save)) {
          return false;
        }
        any = true;
      }
    }
    return any;
  }

  /** The file-name part of a path expression, with {@code {}} for each formatted value; null when unknown. */
  private static String fileNamePattern(SemanticModel sm, Expr e, int depth) {
    if (e == null || depth > 3) {
      return null;
    }
    if (e instanceof Expr.Constant k && k.value() instanceof ConstValue.Str str) {
      return str.value().substring(str.value().lastIndexOf('/') + 1);
    }
    if (e instanceof Expr.JoinedStr j) {
      StringBuilder sb = new StringBuilder();
      for (Expr part : j.values()) {
        String lit = Calls.string(part);
        sb.append(lit != null ? lit : "{}");
      }
      String out = sb.toString();
      return out.substring(out.lastIndexOf('/') + 1);
    }
    if (e instanceof Expr.BinOp b && b.op() == dev.oomlint.ast.Operators.Operator.DIV) {
      return fileNamePattern(sm, b.right(), depth + 1);
    }
    if (e instanceof Expr.Call c && "os.path.join".equals(sm.qualifiedName(c.func())) && !c.args().isEmpty()) {
      return fileNamePattern(sm, c.args().get(c.args().size() - 1), depth + 1);
    }
    if (e instanceof Expr.Name n) {
      List<Binding> bs = bindingsOnPath(sm, n);
      if (bs.size() == 1 && bs.get(0).kind() == Binding.Kind.ASSIGN && bs.get(0).index() < 0) {
        return fileNamePattern(sm, bs.get(0).value(), depth + 1);
      }
    }
    return null;
  }

  private static String text(SemanticModel sm, Expr e) {
    return e == null ? "" : sm.file().slice(e.range()).replaceAll("\\s+", "");
  }
}
