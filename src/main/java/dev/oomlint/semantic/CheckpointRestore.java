package dev.oomlint.semantic;

import dev.oomlint.ast.AstWalker;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.Stmt;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * When restoring a checkpoint onto the devices it was saved from wastes GPU memory that matters
 * (OOM402). A single process that loads a model's weights onto the GPU its model lives on anyway holds
 * a transient second copy of the weights, freed after {@code load_state_dict}; the waste that runs
 * GPUs out of memory is elsewhere:
 * <ul>
 *   <li>several processes (ranks) each restore the whole checkpoint onto {@code cuda:0}: the file
 *       shows distributed training or launching ({@code torch.distributed}, DDP/FSDP, a local rank or
 *       world size, Accelerate, Fabric, DeepSpeed, Horovod, {@code mp.spawn});</li>
 *   <li>the checkpoint carries optimizer state (for Adam, twice the weights), restored on the GPU
 *       beside the optimizer's own copy: its result feeds an optimizer's {@code load_state_dict}, or
 *       an entry named for the optimizer is read from it.</li>
 * </ul>
 */
public final class CheckpointRestore {
  private CheckpointRestore() {}

  /** Names (identifiers, attributes, environment keys) that show code running one process per GPU. */
  private static final java.util.Set<String> PROCESS_WORDS = java.util.Set.of("local_rank", "LOCAL_RANK",
      "world_size", "WORLD_SIZE", "get_rank", "init_process_group", "DistributedDataParallel",
      "FullyShardedDataParallel", "FSDP", "Accelerator", "accelerator", "Fabric", "fabric", "deepspeed", "horovod",
      "hvd", "ddp_rank", "is_main_process", "RANK");

  /**
   * A cheap first test, made from what the walk below accepts so that it never rejects a file the walk
   * would accept: any of {@link #PROCESS_WORDS} as a word, or (any case, inside a name) the parts of
   * {@link #PROCESS_MODULES}, of {@link #namesDistribution} and {@code spawn}.
   */
  private static final Pattern SEVERAL_PROCESSES = Pattern.compile(
      "\\b(?:" + String.join("|", PROCESS_WORDS) + ")\\b"
          + "|(?i:distributed|fsdp|ddp|deepspeed|horovod|fabric|spawn)");

  /** Modules whose import shows distributed training or launching. */
  private static final Pattern PROCESS_MODULES = Pattern.compile(
      "^(?:torch\\.distributed|deepspeed|horovod|lightning\\.fabric|lightning_fabric)(?:\\.|$)");

  /**
   * Whether the file shows code that runs as several processes, one per GPU: it imports
   * {@code torch.distributed}, DeepSpeed, Horovod or Fabric, spawns workers ({@code mp.spawn}), or its
   * code (not its strings, comments or f-string messages such as transformers' "Process rank:
   * {training_args.local_rank}" log line) names a local rank, a world size, DDP/FSDP, an accelerator
   * or {@code os.environ["LOCAL_RANK"]}. Importing {@code accelerate} (for {@code init_empty_weights})
   * or {@code torch.multiprocessing} (for its sharing strategy) is not enough; an {@code Accelerator} is.
   * A notebook is one process unless it launches workers ({@link #launchesWorkers}).
   */
  public static boolean severalProcesses(SemanticModel sm) {
    if (!SEVERAL_PROCESSES.matcher(sm.file().text()).find()) {
      return false; // none of the words anywhere
    }
    if (sm.file().path().endsWith(".ipynb")) {
      return launchesWorkers(sm); // a notebook's cells run in its one kernel process
    }
    boolean[] found = {false};
    AstWalker.descend(sm.module(), n -> {
      if (found[0] || n instanceof Expr.JoinedStr) {
        return false;
      }
      if (n instanceof Stmt.Import imp) {
        for (dev.oomlint.ast.Support.Alias al : imp.names()) {
          found[0] |= PROCESS_MODULES.matcher(al.name()).find() || namesDistribution(al.name());
        }
      } else if (n instanceof Stmt.ImportFrom imp && imp.module() != null) {
        found[0] |= imp.level() == 0 && PROCESS_MODULES.matcher(imp.module()).find() || namesDistribution(imp.module())
            || imp.names().stream().anyMatch(a -> PROCESS_WORDS.contains(a.name()) || namesDistribution(a.name())
                || imp.module().equals("torch") && a.name().equals("distributed"));
      } else if (n instanceof Stmt.FunctionDef f) {
        found[0] |= namesDistribution(f.name()); // def prepare_for_distributed_training(self)
      } else if (n instanceof Expr.Name nm) {
        found[0] |= PROCESS_WORDS.contains(nm.id()) || namesDistribution(nm.id());
      } else if (n instanceof Expr.Attribute a) {
        found[0] |= PROCESS_WORDS.contains(a.attr()) || namesDistribution(a.attr())
            || a.attr().equals("spawn") && String.valueOf(AstUtil.path(a.value())).matches("(?:.*\\.)?(?:mp|multiprocessing)");
      } else if (n instanceof Expr.Subscript sub && Calls.string(sub.slice()) != null) {
        found[0] |= PROCESS_WORDS.contains(Calls.string(sub.slice())); // os.environ["LOCAL_RANK"]
      } else if (n instanceof Expr.Call c && readsEnvironment(c)) {
        found[0] |= PROCESS_WORDS.contains(Calls.string(c.args().get(0))); // os.getenv("LOCAL_RANK")
      }
      return !found[0];
    });
    return found[0];
  }

  /**
   * Whether a notebook starts worker processes that run its code: {@code notebook_launcher(...)}
   * (Accelerate), {@code mp.spawn(...)}, {@code start_processes(...)}. Without one, a notebook is one
   * process whatever its code names (an {@code Accelerator}, a trainer's {@code accelerator}, a local
   * rank that is always 0): cell magics such as {@code %%writefile train.py} that hold scripts for
   * {@code torchrun} are not its code.
   */
  private static boolean launchesWorkers(SemanticModel sm) {
    for (Expr.Call c : sm.calls()) {
      String name = AstUtil.lastName(c.func());
      if (name != null && (name.equals("notebook_launcher") || name.equals("spawn") || name.equals("start_processes")
          || name.equals("launch") && String.valueOf(AstUtil.path(c.func())).contains("distributed"))) {
        return true;
      }
    }
    return false;
  }

  /** A dotted or snake-case name with a word of distributed training: {@code get_fsdp_wrapper}, {@code dinov2.fsdp}, {@code is_distributed}, {@code ddp_model}. */
  private static boolean namesDistribution(String name) {
    for (String w : name.toLowerCase(Locale.ROOT).split("[._]")) {
      if (w.equals("fsdp") || w.equals("ddp") || w.equals("distributed")) {
        return true;
      }
    }
    return false;
  }

  /** {@code os.getenv("KEY")} or {@code os.environ.get("KEY")}. */
  private static boolean readsEnvironment(Expr.Call c) {
    if (c.args().isEmpty() || Calls.string(c.args().get(0)) == null || !(c.func() instanceof Expr.Attribute a)) {
      return false;
    }
    return a.attr().equals("getenv") || a.attr().equals("get") && String.valueOf(AstUtil.path(a.value())).endsWith("environ");
  }

  /**
   * Whether only one process of a multi-process run restores this file onto the device it was saved
   * from, so that no rank's copy lands on another rank's GPU:
   * <ul>
   *   <li>the load sits in the branch of a test for the first rank ({@code if rank == 0:},
   *       {@code elif RANK == 0:}, {@code if args.local_rank in [-1, 0]:},
   *       {@code if accelerator.is_main_process:}, {@code if dist.get_rank() == 0:});</li>
   *   <li>the file's path is made from the process's rank ({@code f"queue{rank}.pth"}, through names it
   *       is built in) and the same file saves to such paths: each rank reads back what it saved from its
   *       own GPU. A model-parallel rank ({@code mp_rank}, {@code tp_rank}) is not one: the data-parallel
   *       replicas that share it read the same file.</li>
   * </ul>
   */
  public static boolean oneProcessPerFile(SemanticModel sm, Expr.Call load) {
    for (SemanticModel.EnclosingIf e : sm.enclosingIfs(load)) {
      if (e.onTrueSide() && testsFirstRank(e.statement().test())) {
        return true;
      }
    }
    if (!namesRank(sm, Checkpoints.pathOf(load), 0)) {
      return false;
    }
    for (Expr.Call c : sm.calls()) {
      if (Checkpoints.isTorchSave(sm, c) && namesRank(sm, Checkpoints.saveTarget(c), 0)) {
        return true; // the file saves per-rank files too: each rank reads back its own
      }
    }
    return false;
  }

  /** {@code rank == 0}, {@code 0 == rank}, {@code local_rank in [-1, 0]}, {@code is_main_process}, or one of them joined by {@code and}. */
  private static boolean testsFirstRank(Expr test) {
    if (test instanceof Expr.BoolOp b && b.op() == dev.oomlint.ast.Operators.BoolOperator.AND) {
      return b.values().stream().anyMatch(CheckpointRestore::testsFirstRank);
    }
    if (test instanceof Expr.Compare c && c.ops().size() == 1) {
      Expr right = c.comparators().get(0);
      return switch (c.ops().get(0)) {
        case EQ -> namesRankValue(c.left()) && isZero(right) || isZero(c.left()) && namesRankValue(right);
        case IN -> namesRankValue(c.left()) && (right instanceof Expr.ListExpr || right instanceof Expr.Tuple)
            && elements(right).stream().allMatch(e -> isZero(e) || e instanceof Expr.UnaryOp);
        default -> false;
      };
    }
    String name = AstUtil.lastName(test instanceof Expr.Call call ? call.func() : test);
    return name != null && MAIN_PROCESS.matcher(name).matches();
  }

  private static final Pattern MAIN_PROCESS = Pattern.compile(
      "(?i)is_(?:local_|global_)?(?:main(?:_process)?|master|rank_?zero|rank_?0|first_rank)|(?:local_|global_)?main_process"
          + "|master_process");

  private static List<Expr> elements(Expr e) {
    return e instanceof Expr.ListExpr l ? l.elts() : ((Expr.Tuple) e).elts();
  }

  private static boolean isZero(Expr e) {
    return e instanceof Expr.Constant k && k.value() instanceof dev.oomlint.ast.ConstValue.Int i
        && i.value().signum() == 0;
  }

  /** {@code rank}, {@code args.local_rank}, {@code dist.get_rank()}, {@code RANK}. */
  private static boolean namesRankValue(Expr e) {
    String name = AstUtil.lastName(e instanceof Expr.Call call ? call.func() : e);
    return name != null && name.toLowerCase(Locale.ROOT).contains("rank");
  }

  /** {@code rank}, {@code local_rank}, {@code global_rank_id}, {@code get_rank}, {@code process_index}: not {@code rank_params}. */
  private static final Pattern PROCESS_RANK = Pattern.compile(
      "(?:get_)?(?:[a-z0-9]+_)?rank(?:_?id|_?idx)?|process_index");

  /** A name for the process's rank ({@code rank}, {@code args.local_rank}, {@code get_rank}), not a model-parallel one. */
  private static boolean processRank(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return PROCESS_RANK.matcher(n).matches() && !n.matches(".*(?:mp|tp|pp|ep|tensor|pipeline|model|expert|parallel|data)_?.*rank.*");
  }

  /** Whether a path expression is made from a rank (a name or attribute naming the process's rank), through names two levels deep. */
  private static boolean namesRank(SemanticModel sm, Expr path, int depth) {
    return Checkpoints.madeFrom(sm, path, n -> n instanceof Expr.Attribute a && processRank(a.attr())
        || n instanceof Expr.Name nm && processRank(nm.id()), depth);
  }

  /**
   * Whether the result of {@code load} carries optimizer state that is restored: the load is the
   * argument of an optimizer's {@code load_state_dict}, or the name it is stored in is read at a key
   * naming an optimizer ({@code ckpt["optimizer"]}, {@code ckpt.get("optim_state")}) in the same
   * function, and that entry is used as state ({@link #intoLoadStateDict}), not as the pickled
   * optimizer object itself.
   */
  public static boolean restoresOptimizer(SemanticModel sm, Expr.Call load) {
    Node parent = sm.parent(load);
    if (parent instanceof Expr.Call outer && outer.args().contains(load) && isOptimizerLoad(sm, outer)) {
      return true;
    }
    if (!(parent instanceof Stmt.Assign a) || a.targets().size() != 1 || !(a.targets().get(0) instanceof Expr.Name n)) {
      return false;
    }
    String name = n.id();
    Stmt.FunctionDef f = sm.enclosingFunction(load);
    List<Stmt> body = f != null ? f.body() : sm.module().body();
    boolean[] found = {false};
    AstWalker.walkAll(body, node -> {
      if (found[0]) {
        return;
      }
      if (node instanceof Expr.Subscript s && s.value() instanceof Expr.Name v && v.id().equals(name)
          && namesOptimizer(Calls.string(s.slice()))) {
        found[0] = intoLoadStateDict(sm, s, body);
      } else if (node instanceof Expr.Call c && c.func() instanceof Expr.Attribute at && at.attr().equals("get")
          && at.value() instanceof Expr.Name v && v.id().equals(name) && !c.args().isEmpty()
          && namesOptimizer(Calls.string(c.args().get(0)))) {
        found[0] = intoLoadStateDict(sm, c, body);
      } else if (node instanceof Expr.Call c && isOptimizerLoad(sm, c) && c.args().size() == 1
          && c.args().get(0) instanceof Expr.Name v && v.id().equals(name)) {
        found[0] = true;
      }
    });
    return found[0];
  }

  /**
   * Whether an entry read from a checkpoint is optimizer state put to use as such: it goes into an
   * expression ({@code opt.load_state_dict(ckpt["optimizer"])}, a dict saved again), or the name it is
   * assigned to goes into a {@code load_state_dict(...)} in the same body. An entry only bound to a
   * name that is used otherwise pickles the optimizer object itself
   * ({@code decoder_optimizer = checkpoint["decoder_optimizer"]}, then {@code decoder_optimizer.step()}):
   * it is the live optimizer, there is no second copy, and loading it on the CPU would leave its state there.
   */
  private static boolean intoLoadStateDict(SemanticModel sm, Expr entry, List<Stmt> body) {
    Node parent = sm.parent(entry);
    if (!(parent instanceof Stmt.Assign a) || a.value() != entry) {
      return true;
    }
    if (a.targets().size() != 1 || !(a.targets().get(0) instanceof Expr.Name t)) {
      return true;
    }
    boolean[] fed = {false};
    AstWalker.walkAll(body, n -> fed[0] |= n instanceof Expr.Call c && "load_state_dict".equals(AstUtil.methodName(c))
        && c.args().stream().anyMatch(arg -> arg instanceof Expr.Name an && an.id().equals(t.id())));
    return fed[0];
  }

  /** {@code opt.load_state_dict(...)} on an optimizer (or a name that says optimizer). */
  private static boolean isOptimizerLoad(SemanticModel sm, Expr.Call c) {
    if (!(c.func() instanceof Expr.Attribute at) || !at.attr().equals("load_state_dict")) {
      return false;
    }
    if (sm.isOptimizer(at.value())) {
      return true;
    }
    String path = AstUtil.path(at.value());
    return path != null && namesOptimizer(path.substring(path.lastIndexOf('.') + 1));
  }

  private static boolean namesOptimizer(String key) {
    if (key == null) {
      return false;
    }
    String k = key.toLowerCase(Locale.ROOT);
    return k.contains("optim") || k.equals("opt") || k.startsWith("opt_") || k.endsWith("_opt");
  }

  /**
   * Whether the load restores only state that holds no tensors: its result goes straight into the
   * {@code load_state_dict} of a learning-rate scheduler or a gradient scaler
   * ({@code self.lr_scheduler.load_state_dict(torch.load(...))}, {@code scaler.load_state_dict(...)}):
   * a scheduler's state is step counts and rates, a {@code GradScaler}'s its scale as a Python float;
   * or of a torch2trt {@code TRTModule}, whose state is its serialised engine (bytes).
   * A copy of the transformers {@code Trainer} resumes these beside the optimizer.
   */
  public static boolean restoresOnlyCounters(SemanticModel sm, Expr.Call load) {
    Expr file = Checkpoints.pathOf(load);
    if (file != null && COUNTER_FILE.matcher(sm.file().slice(file.range())).find()) {
      return true; // os.path.join(ckpt_dir, "scheduler.pt"), f"{out}/rng_state_{rank}.pth"
    }
    if (sm.parent(load) instanceof Stmt.Assign a && a.value() == load && a.targets().size() == 1
        && a.targets().get(0) instanceof Expr.Name n) {
      return onlyIntoCounters(sm, load, n.id());
    }
    if (!(sm.parent(load) instanceof Expr.Call outer) || !outer.args().contains(load)
        || !(outer.func() instanceof Expr.Attribute at) || !at.attr().equals("load_state_dict")) {
      return false;
    }
    if (at.value() instanceof Expr.Name receiver) {
      // a TensorRT module (torch2trt's TRTModule): its state is the serialised engine, bytes
      for (Binding b : sm.reachingBindings(receiver)) {
        if (b.value() instanceof Expr.Call made && String.valueOf(sm.qualifiedName(made.func())).startsWith("torch2trt.")) {
          return true;
        }
      }
    }
    return holdsCounters(at.value());
  }

  /** A receiver named for a learning-rate scheduler or a gradient scaler ({@code self.lr_scheduler}, {@code scaler}). */
  private static boolean holdsCounters(Expr receiver) {
    String path = AstUtil.path(receiver);
    if (path == null) {
      return false;
    }
    String last = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return last.contains("sched") || last.contains("scaler");
  }

  /** A path that names a scheduler's, a scaler's or the random generators' state (no tensors on a GPU). */
  private static final Pattern COUNTER_FILE = Pattern.compile(
      "(?i)(?:lr_)?sched(?:uler)?s?[._\\-/\"'{]|scaler\\.pt|rng_?states?|random_states?");

  /**
   * Whether a name bound to a load is used only as the argument of counter state's
   * {@code load_state_dict} ({@code sd = torch.load(p); lr_scheduler.load_state_dict(sd)}) or of
   * {@code set_rng_state}, in the same body.
   */
  private static boolean onlyIntoCounters(SemanticModel sm, Expr.Call load, String name) {
    Stmt.FunctionDef f = sm.enclosingFunction(load);
    List<Stmt> body = f != null ? f.body() : sm.module().body();
    int[] uses = {0};
    int[] counters = {0};
    AstWalker.walkAll(body, n -> {
      if (n instanceof Expr.Name u && u.id().equals(name) && u.ctx() == dev.oomlint.ast.Operators.ExprContext.LOAD) {
        uses[0]++;
        if (sm.parent(u) instanceof Expr.Call c && c.args().size() == 1 && c.args().get(0) == u
            && c.func() instanceof Expr.Attribute at && intoCounterState(at)) {
          counters[0]++;
        }
      }
    });
    return uses[0] > 0 && uses[0] == counters[0];
  }

  private static boolean intoCounterState(Expr.Attribute at) {
    return at.attr().equals("set_rng_state") || at.attr().equals("set_state")
        || at.attr().equals("load_state_dict") && holdsCounters(at.value());
  }
}
