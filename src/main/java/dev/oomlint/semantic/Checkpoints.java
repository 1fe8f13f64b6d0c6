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
      "split", "manifest", "quantizer", "quantizers");

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
}
