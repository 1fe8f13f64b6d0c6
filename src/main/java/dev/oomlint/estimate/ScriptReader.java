package dev.oomlint.estimate;

import dev.oomlint.ast.AstWalker;
import dev.oomlint.ast.ConstValue;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.Stmt;
import dev.oomlint.ast.Support;
import dev.oomlint.semantic.AstUtil;
import dev.oomlint.semantic.Binding;
import dev.oomlint.semantic.SemanticModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads one script statically: its load sites and, for each, the precision, the training set-up, the
 * batch size and the sequence length. Names go through the semantic model's import resolution.
 */
final class ScriptReader {
  /** One load site: the call, how it is written, the set-up read for it and what was assumed. */
  static final class Site {
    final Expr.Call call;
    final String label;
    final Setup setup = new Setup();
    final List<String> assumptions = new ArrayList<>();
    /** Paths the loaded model is known by ({@code model}, {@code self.model}, {@code peft_model}). */
    final Set<String> names = new LinkedHashSet<>();
    boolean trainingSignal;
    String dtypeOrigin;
    /** The {@code TrainingArguments(...)} (or trl config) call read for this site, or null. */
    Expr.Call trainingArguments;

    Site(Expr.Call call, String label) {
      this.call = call;
      this.label = label;
    }
  }

  private static final Set<String> NOT_MODELS = Set.of("Tokenizer", "TokenizerFast", "Processor", "Config",
      "FeatureExtractor", "ImageProcessor", "GenerationConfig");
  private static final Set<String> BATCH_NAMES = Set.of("batch_size", "bs", "train_batch_size", "batch",
      "per_device_train_batch_size", "micro_batch_size", "train_bs");
  private static final Set<String> SEQ_NAMES = Set.of("max_length", "max_seq_length", "seq_len", "max_len",
      "block_size", "context_length", "sequence_length", "max_seq_len", "seq_length", "max_source_length",
      "model_max_length", "cutoff_len");
  private static final Set<String> SEQ_KEYWORDS = Set.of("max_length", "max_seq_length", "max_seq_len",
      "block_size", "max_source_length", "cutoff_len");

  private final SemanticModel model;
  private final Values values;
  private final Estimator.Options options;
  private final Catalogue catalogue;
  private final Path scriptDir;
  /** The script trains a model that is not one of its load sites (a same-file nn.Module). */
  private boolean trainsOtherModel;

  ScriptReader(SemanticModel model, Estimator.Options options, Catalogue catalogue) {
    this.model = model;
    this.values = new Values(model);
    this.options = options;
    this.catalogue = catalogue;
    Path p = options.cwd().resolve(model.file().path()).toAbsolutePath().normalize();
    this.scriptDir = p.getParent() == null ? options.cwd() : p.getParent();
  }

  List<Site> read() {
    List<Site> sites = new ArrayList<>();
    List<Expr.Call> controlnets = new ArrayList<>();
    for (Expr.Call c : model.calls()) {
      String q = model.qualifiedName(c.func());
      if (q == null) {
        continue;
      }
      Site s = loadSite(c, q);
      if (s != null) {
        sites.add(s);
      } else if (q.startsWith("diffusers.") && q.endsWith("ControlNetModel.from_pretrained")) {
        controlnets.add(c);
      }
    }
    for (Site s : sites) {
      Node parent = model.parent(chainTop(s));
      if (parent instanceof Stmt.Assign a && a.targets().size() == 1) {
        String path = AstUtil.path(a.targets().get(0));
        if (path != null) {
          s.names.add(path);
        }
      }
    }
    followAliases(sites);
    for (Site s : sites) {
      readLoadCall(s, controlnets);
    }
    readUses(sites);
    for (Site s : sites) {
      finish(s, sites.size());
    }
    return sites;
  }

  /**
   * The method calls chained onto a load call ({@code .half()}, {@code .to(torch.bfloat16)} in
   * {@code X.from_pretrained(...).half().cuda()}), innermost first.
   */
  private List<Expr.Call> chained(Site s) {
    List<Expr.Call> out = new ArrayList<>();
    Expr cur = s.call;
    for (int i = 0; i < 16; i++) {
      if (model.parent(cur) instanceof Expr.Attribute a && a.value() == cur
          && model.parent(a) instanceof Expr.Call c && c.func() == a) {
        out.add(c);
        cur = c;
      } else {
        break;
      }
    }
    return out;
  }

  private Expr chainTop(Site s) {
    List<Expr.Call> c = chained(s);
    return c.isEmpty() ? s.call : c.get(c.size() - 1);
  }

  // ------------------------------------------------------------ load sites

  private Site loadSite(Expr.Call c, String q) {
    String[] parts = q.split("\\.");
    String last = parts[parts.length - 1];
    if (q.startsWith("transformers.") && last.equals("from_pretrained") && parts.length >= 3) {
      String cls = parts[parts.length - 2];
      for (String suffix : NOT_MODELS) {
        if (cls.endsWith(suffix)) {
          return null;
        }
      }
      if (cls.equals("BitsAndBytesConfig")) {
        return null;
      }
      Site s = new Site(c, cls + ".from_pretrained");
      identify(s, firstArg(c, "pretrained_model_name_or_path"));
      return s;
    }
    if (q.equals("transformers.pipeline")) {
      Site s = new Site(c, "pipeline");
      Expr m = Values.keyword(c, "model");
      if (m == null && c.args().size() >= 2) {
        m = c.args().get(1);
      }
      if (m == null) {
        s.setup.model = null;
        s.assumptions.add("pipeline() without model=: the task's default model is not in oomlint's catalogue");
        return s;
      }
      identify(s, m);
      return s;
    }
    if (q.startsWith("diffusers.") && last.equals("from_pretrained") && parts.length >= 3
        && parts[parts.length - 2].contains("Pipeline")) {
      Site s = new Site(c, parts[parts.length - 2] + ".from_pretrained");
      identify(s, firstArg(c, "pretrained_model_name_or_path"));
      return s;
    }
    if (q.equals("torch.load") && !c.args().isEmpty()) {
      // a whole model saved with torch.save(model): only when the file name says which model it is
      Values.Value v = values.eval(c.args().get(0));
      String path = v == null ? null : v.asString();
      if (path == null) {
        return null;
      }
      String name = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
      int dot = name.lastIndexOf('.');
      String stem = dot > 0 ? name.substring(0, dot) : name;
      if (catalogue.find(stem) == null) {
        return null;
      }
      Site s = new Site(c, "torch.load");
      s.assumptions.add("torch.load(\"" + path + "\"): the file name names the model; its weights counted as saved");
      identifyName(s, stem, null);
      return s;
    }
    if (q.equals("timm.create_model")) {
      Site s = new Site(c, "timm.create_model");
      identify(s, firstArg(c, "model_name"));
      return s;
    }
    if (q.startsWith("torchvision.models.") && parts.length == 3 && !last.isEmpty()
        && Character.isLowerCase(last.charAt(0)) && !last.startsWith("get_")) {
      Site s = new Site(c, "torchvision.models." + last);
      identifyName(s, last, null);
      return s;
    }
    return null;
  }

  private static Expr firstArg(Expr.Call c, String keyword) {
    if (!c.args().isEmpty() && !(c.args().get(0) instanceof Expr.Starred)) {
      return c.args().get(0);
    }
    return Values.keyword(c, keyword);
  }

  private void identify(Site s, Expr idExpr) {
    if (idExpr == null) {
      s.assumptions.add("the model id is not given in the call");
      return;
    }
    Values.Value v = values.eval(idExpr);
    if (v == null || v.asString() == null) {
      s.setup.model = model.file().slice(idExpr.range());
      s.assumptions.add("model id `" + s.setup.model + "` cannot be read statically: size unknown");
      return;
    }
    identifyName(s, v.asString(), v.origin());
  }

  /** Sizes the model: a local config.json first, then the catalogue, then the size tag in the id. */
  private void identifyName(Site s, String id, String origin) {
    Setup st = s.setup;
    st.model = id;
    if (origin != null) {
      s.assumptions.add("model id \"" + id + "\" from " + origin);
    }
    Path local = localDir(id);
    if (local != null) {
      Path cfg = local.resolve("config.json");
      if (Files.isRegularFile(cfg)) {
        ModelConfig.Read r = ModelConfig.read(cfg);
        if (r.architecture() != null) {
          st.arch = r.architecture();
          st.parameters = r.architecture().parameters();
          st.parameterSource = "config";
          st.parameterDetail = "counted from " + display(cfg) + " (model_type " + r.modelType() + ")";
          st.kind = "llm";
          st.generation = !r.architecture().family().equals("bert");
          return;
        }
        s.assumptions.add(display(cfg) + ": " + r.problem() + "; size unknown");
        return;
      }
      if (Files.isRegularFile(local.resolve("model_index.json"))) {
        s.assumptions.add(display(local) + " is a local diffusers pipeline: oomlint does not count its components yet");
        return;
      }
    }
    Catalogue.Entry e = catalogue.find(id);
    if (e != null) {
      st.parameters = e.parameters();
      st.parameterSource = "catalogue";
      st.parameterDetail = (e.exact() ? "" : "approximate: ") + e.source();
      st.kind = e.kind();
      st.arch = e.architecture();
      st.generation = st.arch != null && !st.arch.family().equals("bert");
      if (e.kind().equals("diffusion")) {
        st.diffusion = e;
        st.resolution = e.resolution();
      }
      return;
    }
    long tag = Catalogue.sizeTag(id);
    if (tag > 0) {
      st.parameters = tag;
      st.parameterSource = "name";
      st.parameterDetail = "approximate: the size tag in the id";
      st.kind = "other";
      s.assumptions.add(String.format(Locale.ROOT, "%,d parameters: approximate, from the size tag in \"%s\""
          + " (not in oomlint's catalogue; architecture unknown, so no activations)", tag, id));
      return;
    }
    s.assumptions.add("\"" + id + "\" is not in oomlint's catalogue and has no size tag: size unknown");
  }

  private Path localDir(String id) {
    if (id.isEmpty() || id.contains("\n")) {
      return null;
    }
    try {
      Path p = Path.of(id.startsWith("~/") ? System.getProperty("user.home") + id.substring(1) : id);
      if (p.isAbsolute()) {
        return Files.isDirectory(p) ? p : null;
      }
      for (Path base : List.of(scriptDir, options.cwd())) {
        Path c = base.resolve(p).normalize();
        if (Files.isDirectory(c)) {
          return c;
        }
      }
    } catch (RuntimeException e) {
      return null;
    }
    return null;
  }

  private String display(Path p) {
    Path cwd = options.cwd().toAbsolutePath().normalize();
    Path abs = p.toAbsolutePath().normalize();
    return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
  }

  // ------------------------------------------------------------ names a model goes by

  /** Every node of a type under {@code root}, in walk order (built on AstWalker.walk alone). */
  static <T extends Node> List<T> findAll(Node root, Class<T> type) {
    List<T> out = new ArrayList<>();
    AstWalker.walk(root, n -> {
      if (type.isInstance(n)) {
        out.add(type.cast(n));
      }
    });
    return out;
  }

  private void followAliases(List<Site> sites) {
    List<Stmt.Assign> assigns = findAll(model.module(), Stmt.Assign.class);
    for (int round = 0; round < 3; round++) {
      for (Stmt.Assign a : assigns) {
        if (a.targets().size() != 1 || !(a.value() instanceof Expr.Call c)) {
          continue;
        }
        String target = AstUtil.path(a.targets().get(0));
        if (target == null) {
          continue;
        }
        for (Site s : sites) {
          if (s.call == c) {
            continue;
          }
          boolean uses = false;
          if (c.func() instanceof Expr.Attribute at && s.names.contains(AstUtil.path(at.value()))) {
            uses = true; // model = model.to(...), model = model.half()
          }
          if (!c.args().isEmpty() && s.names.contains(AstUtil.path(c.args().get(0)))) {
            String callee = AstUtil.lastName(c.func());
            if (callee != null && (callee.equals("get_peft_model") || callee.equals("prepare_model_for_kbit_training")
                || callee.equals("PeftModel") || callee.equals("from_pretrained") && "PeftModel".equals(
                    c.func() instanceof Expr.Attribute at2 ? AstUtil.lastName(at2.value()) : null))) {
              uses = true;
            }
          }
          if (uses) {
            s.names.add(target);
          }
        }
      }
    }
  }

  private Site owner(List<Site> sites, Expr e) {
    String p = AstUtil.path(e);
    if (p == null) {
      return null;
    }
    for (Site s : sites) {
      if (s.names.contains(p)) {
        return s;
      }
    }
    return null;
  }

  /** The site a subtree mentions ({@code model.parameters()}, {@code filter(..., model.parameters())}). */
  private Site mentioned(List<Site> sites, Node root) {
    Site[] found = new Site[1];
    AstWalker.walk(root, n -> {
      if (found[0] == null && n instanceof Expr e && (e instanceof Expr.Name || e instanceof Expr.Attribute)) {
        Site s = owner(sites, e);
        if (s != null) {
          found[0] = s;
        }
      }
    });
    return found[0];
  }

  // ------------------------------------------------------------ the load call itself

  private void readLoadCall(Site s, List<Expr.Call> controlnets) {
    Setup st = s.setup;
    Expr.Call c = s.call;
    Expr dtype = Values.keyword(c, "torch_dtype");
    if (dtype == null) {
      dtype = Values.keyword(c, "dtype");
    }
    Expr mk = Values.keyword(c, "model_kwargs");
    if (dtype == null && mk instanceof Expr.Dict d) {
      dtype = dictValue(d, "torch_dtype");
    }
    if (dtype != null) {
      Precision p = dtypeOf(dtype);
      if (p != null) {
        st.precision = p;
        s.dtypeOrigin = "torch_dtype=" + model.file().slice(dtype.range()) + " at line " + values.line(dtype);
      } else if (isAuto(dtype)) {
        Catalogue.Entry e = catalogue.find(st.model);
        if (e != null) {
          st.precision = e.checkpointDtype();
          s.dtypeOrigin = "torch_dtype=\"auto\": the checkpoint's dtype, " + e.checkpointDtype().dtypeName();
        } else {
          st.precision = Precision.BFLOAT16;
          s.dtypeOrigin = "torch_dtype=\"auto\" with the checkpoint's dtype unknown: assumed bfloat16";
        }
      }
    }
    Expr attn = Values.keyword(c, "attn_implementation");
    Values.Value av = attn == null ? null : values.eval(attn);
    if (av != null && av.asString() != null) {
      st.attentionMatrix = av.asString().equals("eager");
      s.assumptions.add("attention: " + av.asString() + (st.attentionMatrix
          ? " (materialises the s×s attention matrix)" : " (no s×s attention matrix)"));
    } else if (st.arch != null) {
      st.attentionMatrix = st.arch.family().equals("t5");
      s.assumptions.add(st.attentionMatrix ? "attention: eager (T5 has no SDPA path in transformers)"
          : "attention: sdpa, transformers' default when attn_implementation is not set (no s×s matrix kept)");
    }
    Values.Value gc = values.eval(Values.keyword(c, "gradient_checkpointing"));
    if (gc != null && Boolean.TRUE.equals(gc.asBool())) {
      st.checkpointing = true;
    }
    readQuantization(s, Values.keyword(c, "load_in_8bit"), Values.keyword(c, "load_in_4bit"),
        Values.keyword(c, "quantization_config"));
    if (mk instanceof Expr.Dict d) {
      readQuantization(s, dictValue(d, "load_in_8bit"), dictValue(d, "load_in_4bit"),
          dictValue(d, "quantization_config"));
    }
    if (st.diffusion != null) {
      Expr cn = Values.keyword(c, "controlnet");
      if (cn != null) {
        Expr.Call cnCall = cn instanceof Expr.Call cc ? cc : callBoundTo(cn);
        if (cnCall != null && controlnets.contains(cnCall)) {
          Values.Value id = values.eval(firstArg(cnCall, "pretrained_model_name_or_path"));
          Catalogue.Entry e = id == null ? null : catalogue.find(id.asString());
          if (e != null) {
            st.controlnetParameters = e.parameters();
            s.assumptions.add(String.format(Locale.ROOT, "ControlNet %s: %,d parameters (%s)", id.asString(),
                e.parameters(), e.source()));
          } else {
            s.assumptions.add("a ControlNet not in oomlint's catalogue is loaded too: not counted");
          }
        }
      }
    }
  }

  private Expr.Call callBoundTo(Expr e) {
    if (e instanceof Expr.Name n) {
      List<Binding> bs = model.resolve(n);
      if (bs.size() == 1 && bs.get(0).value() instanceof Expr.Call c) {
        return c;
      }
    }
    return null;
  }

  private static Expr dictValue(Expr.Dict d, String key) {
    for (int i = 0; i < d.keys().size(); i++) {
      if (d.keys().get(i) instanceof Expr.Constant k && k.value() instanceof ConstValue.Str s && s.value().equals(key)) {
        return d.values().get(i);
      }
    }
    return null;
  }

  private boolean isAuto(Expr e) {
    Values.Value v = values.eval(e);
    return v != null && "auto".equals(v.asString());
  }

  /** The precision a dtype expression names ({@code torch.float16}, {@code "bfloat16"}), or null. */
  Precision dtypeOf(Expr e) {
    String q = model.qualifiedName(e);
    String name = null;
    if (q != null && q.startsWith("torch.")) {
      name = q.substring("torch.".length());
    } else {
      Values.Value v = values.eval(e);
      if (v != null && v.asString() != null) {
        name = v.asString().replace("torch.", "");
      }
    }
    if (name == null) {
      return null;
    }
    return switch (name) {
      case "float16", "half", "fp16" -> Precision.FLOAT16;
      case "bfloat16", "bf16" -> Precision.BFLOAT16;
      case "float32", "float", "fp32" -> Precision.FLOAT32;
      default -> null;
    };
  }

  private void readQuantization(Site s, Expr in8, Expr in4, Expr config) {
    if (isTrue(in8)) {
      s.setup.precision = Precision.INT8;
      s.dtypeOrigin = "load_in_8bit=True";
    }
    if (isTrue(in4)) {
      s.setup.precision = Precision.FP4;
      s.setup.doubleQuant = false;
      s.dtypeOrigin = "load_in_4bit=True: bitsandbytes 4-bit with transformers' defaults (fp4, no double"
          + " quantization)";
    }
    Expr.Call bnb = config instanceof Expr.Call cc ? cc : callBoundTo(config);
    if (bnb != null && "transformers.BitsAndBytesConfig".equals(model.qualifiedName(bnb.func()))) {
      if (isTrue(Values.keyword(bnb, "load_in_8bit"))) {
        s.setup.precision = Precision.INT8;
        s.dtypeOrigin = "BitsAndBytesConfig(load_in_8bit=True) at line " + values.line(bnb);
      } else if (isTrue(Values.keyword(bnb, "load_in_4bit"))) {
        Values.Value type = values.eval(Values.keyword(bnb, "bnb_4bit_quant_type"));
        boolean nf4 = type != null && "nf4".equals(type.asString());
        s.setup.precision = nf4 ? Precision.NF4 : Precision.FP4;
        s.setup.doubleQuant = isTrue(Values.keyword(bnb, "bnb_4bit_use_double_quant"));
        Expr compute = Values.keyword(bnb, "bnb_4bit_compute_dtype");
        Precision cp = compute == null ? null : dtypeOf(compute);
        s.setup.computeDtype = cp;
        s.dtypeOrigin = "BitsAndBytesConfig(load_in_4bit=True) at line " + values.line(bnb) + ": "
            + (nf4 ? "nf4" : "fp4" + (type == null ? " (the default quant type)" : "")) + ", "
            + (s.setup.doubleQuant ? "double quantization" : "no double quantization")
            + (cp == null ? ", compute dtype float32 (the default)" : ", compute dtype " + cp.dtypeName());
      }
    }
  }

  private boolean isTrue(Expr e) {
    if (e == null) {
      return false;
    }
    Values.Value v = values.eval(e);
    return v != null && Boolean.TRUE.equals(v.asBool());
  }

  // ------------------------------------------------------------ what the script does with the model

  private void readUses(List<Site> sites) {
    Expr.Call trainingArgs = null;
    Expr.Call trainer = null;
    Site trainerSite = null;
    for (Expr.Call c : model.calls()) {
      String q = model.qualifiedName(c.func());
      String method = c.func() instanceof Expr.Attribute a ? a.attr() : null;
      Site on = c.func() instanceof Expr.Attribute a ? owner(sites, a.value()) : null;
      if (on == null && method != null) {
        for (Site s : sites) {
          if (chained(s).contains(c)) {
            on = s;
          }
        }
      }
      if (on != null && method != null) {
        switch (method) {
          case "half" -> setDtype(on, Precision.FLOAT16, c);
          case "bfloat16" -> setDtype(on, Precision.BFLOAT16, c);
          case "float" -> setDtype(on, Precision.FLOAT32, c);
          case "to" -> {
            for (Expr a : c.args()) {
              Precision p = dtypeOf(a);
              if (p != null) {
                setDtype(on, p, c);
              }
            }
            Expr d = Values.keyword(c, "dtype");
            if (d != null && dtypeOf(d) != null) {
              setDtype(on, dtypeOf(d), c);
            }
          }
          case "gradient_checkpointing_enable" -> on.setup.checkpointing = true;
          case "enable_model_cpu_offload", "enable_sequential_cpu_offload" -> {
            on.setup.cpuOffload = true;
            if (method.startsWith("enable_sequential")) {
              on.assumptions.add("enable_sequential_cpu_offload(): counted as model offload (an upper bound)");
            }
          }
          case "add_adapter" -> applyLora(on, c.args().isEmpty() ? null : c.args().get(0));
          case "train" -> on.trainingSignal = true;
          default -> { }
        }
      }
      if (q == null) {
        continue;
      }
      switch (q) {
        case "peft.get_peft_model", "peft.mapping.get_peft_model" -> {
          Site s = c.args().isEmpty() ? null : owner(sites, c.args().get(0));
          if (s != null) {
            applyLora(s, c.args().size() > 1 ? c.args().get(1) : Values.keyword(c, "peft_config"));
          }
        }
        case "peft.prepare_model_for_kbit_training" -> {
          Site s = c.args().isEmpty() ? null : owner(sites, c.args().get(0));
          Expr ugc = Values.keyword(c, "use_gradient_checkpointing");
          if (s != null && (ugc == null || isTrue(ugc))) {
            s.setup.checkpointing = true;
            s.assumptions.add("gradient checkpointing: prepare_model_for_kbit_training enables it by default");
          }
        }
        case "torch.autocast", "torch.cuda.amp.autocast", "torch.amp.autocast" -> {
          for (Site s : sites) {
            s.setup.amp = true;
          }
        }
        case "torch.cuda.amp.GradScaler", "torch.amp.GradScaler", "torch.GradScaler" -> {
          for (Site s : sites) {
            s.setup.amp = true;
          }
        }
        case "accelerate.Accelerator" -> {
          Values.Value mp = values.eval(Values.keyword(c, "mixed_precision"));
          if (mp != null && mp.asString() != null && !mp.asString().equals("no")) {
            for (Site s : sites) {
              s.setup.amp = true;
            }
          }
        }
        case "transformers.TrainingArguments", "transformers.Seq2SeqTrainingArguments", "trl.SFTConfig",
            "trl.DPOConfig" -> trainingArgs = c;
        case "transformers.Trainer", "transformers.Seq2SeqTrainer", "trl.SFTTrainer", "trl.DPOTrainer" -> {
          trainer = c;
          Expr m = Values.keyword(c, "model");
          if (m == null && !c.args().isEmpty()) {
            m = c.args().get(0);
          }
          trainerSite = m == null ? null : owner(sites, m);
          if (trainerSite == null && sites.size() == 1 && m == null) {
            trainerSite = sites.get(0);
          } else if (trainerSite == null && m != null) {
            trainsOtherModel = true;
          }
          Expr peft = Values.keyword(c, "peft_config");
          if (trainerSite != null && peft != null) {
            applyLora(trainerSite, peft);
          }
          Expr a = Values.keyword(c, "args");
          if (a == null && c.args().size() > 1) {
            a = c.args().get(1);
          }
          Expr.Call ac = a instanceof Expr.Call cc ? cc : callBoundTo(a);
          if (ac != null) {
            trainingArgs = ac;
          }
        }
        default -> {
          Optimizer o = optimizerOf(q, c);
          if (o != null) {
            Site s = c.args().isEmpty() ? null : mentioned(sites, c.args().get(0));
            Expr params = Values.keyword(c, "params");
            if (s == null && params != null) {
              s = mentioned(sites, params);
            }
            Expr first = c.args().isEmpty() ? params : c.args().get(0);
            if (s == null && first != null && parametersOfOther(sites, first)) {
              trainsOtherModel = true; // Adam(net.parameters()) for a model that is not a load site
            } else if (s == null && sites.size() == 1) {
              s = sites.get(0);
            }
            if (s != null) {
              s.setup.optimizer = o;
              s.trainingSignal = true;
              s.assumptions.add("optimizer: " + o.label() + " (" + q + " at line " + values.line(c) + ")");
            }
          }
        }
      }
    }
    if (trainer != null && trainerSite != null) {
      trainerSite.trainingSignal = true;
      readTrainingArguments(trainerSite, trainingArgs);
    } else if (trainingArgs != null && sites.size() == 1) {
      sites.get(0).trainingSignal = true;
      readTrainingArguments(sites.get(0), trainingArgs);
    }
  }

  /**
   * Whether an optimizer's parameters are those of a model that is no load site: a {@code .parameters()}
   * (or {@code named_parameters()}) call in the expression, or in what a name in it is bound to, on a
   * receiver the sites do not go by.
   */
  private boolean parametersOfOther(List<Site> sites, Expr e) {
    boolean[] other = new boolean[1];
    java.util.function.Consumer<Node> visit = n -> {
      if (n instanceof Expr.Call pc && pc.func() instanceof Expr.Attribute a
          && (a.attr().equals("parameters") || a.attr().equals("named_parameters")) && owner(sites, a.value()) == null) {
        other[0] = true;
      }
    };
    AstWalker.walk(e, visit);
    if (!other[0] && e instanceof Expr.Name n) {
      List<Binding> bs = model.resolve(n);
      if (bs.size() == 1 && bs.get(0).value() != null) {
        AstWalker.walk(bs.get(0).value(), visit);
      }
    }
    return other[0];
  }

  private void setDtype(Site s, Precision p, Expr.Call c) {
    if (s.setup.precision.isQuantized()) {
      return;
    }
    s.setup.precision = p;
    s.dtypeOrigin = model.file().slice(c.range()) + " at line " + values.line(c);
  }

  private void applyLora(Site s, Expr config) {
    Setup st = s.setup;
    st.mode = Setup.Mode.LORA;
    s.trainingSignal = true;
    Expr.Call cfg = config instanceof Expr.Call cc ? cc : callBoundTo(config);
    if (cfg == null || !"LoraConfig".equals(AstUtil.lastName(cfg.func()))) {
      s.assumptions.add("LoRA: the adapter config is not readable; peft's defaults assumed (r=8)");
      return;
    }
    Values.Value r = values.eval(Values.keyword(cfg, "r"));
    if (r != null && r.asLong() != null && r.asLong() >= 1 && r.asLong() <= 65536) {
      st.loraR = r.asLong().intValue();
    } else {
      s.assumptions.add("LoRA rank: peft's default r=8");
    }
    Expr t = Values.keyword(cfg, "target_modules");
    if (t instanceof Expr.ListExpr || t instanceof Expr.Tuple || t instanceof Expr.Set) {
      List<Expr> elts = t instanceof Expr.ListExpr l ? l.elts() : t instanceof Expr.Tuple tu ? tu.elts()
          : ((Expr.Set) t).elts();
      List<String> names = new ArrayList<>();
      for (Expr e : elts) {
        Values.Value v = values.eval(e);
        if (v != null && v.asString() != null) {
          names.add(v.asString());
        }
      }
      st.loraTargets = names;
    } else if (t != null) {
      Values.Value v = values.eval(t);
      if (v != null && "all-linear".equals(v.asString()) && st.arch != null) {
        st.loraTargets = st.arch.allLinear();
      } else {
        s.assumptions.add("LoRA target_modules not readable: peft's default modules assumed");
      }
    }
  }

  private Optimizer optimizerOf(String q, Expr.Call c) {
    String last = q.substring(q.lastIndexOf('.') + 1);
    if (q.startsWith("torch.optim.")) {
      return switch (last) {
        case "AdamW" -> Optimizer.ADAMW;
        case "Adam" -> Optimizer.ADAM;
        case "SGD" -> {
          Values.Value m = values.eval(Values.keyword(c, "momentum"));
          boolean momentum = m != null && m.value() instanceof Number n && n.doubleValue() != 0;
          yield momentum ? Optimizer.SGD_MOMENTUM : Optimizer.SGD;
        }
        case "RMSprop" -> Optimizer.RMSPROP;
        case "Adagrad" -> Optimizer.ADAGRAD;
        default -> null;
      };
    }
    if (q.startsWith("bitsandbytes.optim.") || q.startsWith("bnb.optim.")) {
      return switch (last) {
        case "AdamW8bit", "Adam8bit" -> Optimizer.ADAMW_8BIT;
        case "PagedAdamW8bit", "PagedAdam8bit" -> Optimizer.PAGED_ADAMW_8BIT;
        case "PagedAdamW", "PagedAdamW32bit", "AdamW32bit", "AdamW", "Adam" -> Optimizer.PAGED_ADAMW;
        case "Lion8bit" -> Optimizer.ADAMW_8BIT;
        default -> null;
      };
    }
    if (q.equals("transformers.Adafactor") || q.equals("transformers.optimization.Adafactor")) {
      return Optimizer.ADAFACTOR;
    }
    if (q.equals("lion_pytorch.Lion")) {
      return Optimizer.LION;
    }
    return null;
  }

  private void readTrainingArguments(Site s, Expr.Call args) {
    Setup st = s.setup;
    s.trainingArguments = args;
    if (args == null) {
      s.assumptions.add("Trainer without TrainingArguments: its defaults (batch size 8, AdamW, float32)");
      if (st.optimizer == null) {
        st.optimizer = Optimizer.ADAMW;
      }
      if (st.batch == null) {
        st.batch = 8;
        s.assumptions.add("batch size 8: TrainingArguments' default per_device_train_batch_size");
      }
      return;
    }
    int line = values.line(args);
    Values.Value bs = values.eval(Values.keyword(args, "per_device_train_batch_size"));
    if (bs != null && plausible(bs.asLong()) != null) {
      setBatch(s, bs.asLong().intValue(), "per_device_train_batch_size" + originOf(bs, line));
    } else if (Values.keyword(args, "per_device_train_batch_size") == null) {
      setBatch(s, 8, "TrainingArguments' default per_device_train_batch_size");
    }
    if (isTrue(Values.keyword(args, "gradient_checkpointing"))) {
      st.checkpointing = true;
    }
    if (isTrue(Values.keyword(args, "fp16")) || isTrue(Values.keyword(args, "bf16"))) {
      st.amp = true;
      s.assumptions.add("mixed precision: " + (isTrue(Values.keyword(args, "fp16")) ? "fp16" : "bf16")
          + "=True in TrainingArguments (line " + line + ")");
    }
    Values.Value seq = values.eval(Values.keyword(args, "max_seq_length"));
    if (seq == null) {
      seq = values.eval(Values.keyword(args, "max_length"));
    }
    if (seq != null && plausible(seq.asLong()) != null && st.seq == null) {
      st.seq = seq.asLong().intValue();
      s.assumptions.add("sequence length " + st.seq + ": max_seq_length" + originOf(seq, line));
    }
    if (st.optimizer == null) {
      Values.Value optim = values.eval(Values.keyword(args, "optim"));
      String name = optim == null ? null : optim.asString();
      Optimizer o = name == null ? Optimizer.ADAMW : switch (name) {
        case "adamw_8bit", "adamw_bnb_8bit", "adam8bit", "adamw_torch_8bit" -> Optimizer.ADAMW_8BIT;
        case "paged_adamw_8bit" -> Optimizer.PAGED_ADAMW_8BIT;
        case "paged_adamw_32bit" -> Optimizer.PAGED_ADAMW;
        case "adafactor" -> Optimizer.ADAFACTOR;
        case "sgd" -> Optimizer.SGD;
        case "lion_32bit" -> Optimizer.LION;
        default -> Optimizer.ADAMW;
      };
      st.optimizer = o;
      s.assumptions.add("optimizer: " + o.label() + (name == null ? " (the Trainer's default, adamw_torch)"
          : " (optim=\"" + name + "\" in TrainingArguments)"));
    }
  }

  private static String originOf(Values.Value v, int line) {
    return v.origin() == null ? " in TrainingArguments (line " + line + ")"
        : " in TrainingArguments, from " + v.origin();
  }

  /** A batch size or sequence length a script plausibly means (1 to 10 million), else null. */
  static Integer plausible(Long v) {
    return v == null || v < 1 || v > 10_000_000 ? null : v.intValue();
  }

  private void setBatch(Site s, int b, String why) {
    if (s.setup.batch == null) {
      s.setup.batch = b;
      s.assumptions.add("batch size " + b + ": " + why);
    }
  }

  // ------------------------------------------------------------ completing a site

  private void finish(Site s, int siteCount) {
    Setup st = s.setup;
    if (st.mode != Setup.Mode.LORA && s.trainingSignal) {
      st.mode = Setup.Mode.FULL;
    }
    if (st.mode == Setup.Mode.INFERENCE && siteCount == 1 && !trainsOtherModel && model.fileTrains()
        && !"diffusion".equals(st.kind)) {
      st.mode = Setup.Mode.FULL;
      s.assumptions.add("training: the script runs a backward pass");
    }
    if (s.dtypeOrigin != null && st.parameters != null) {
      s.assumptions.add(0, "precision " + st.precision.dtypeName() + ": " + s.dtypeOrigin);
    } else if (st.parameters != null && s.label.equals("torch.load")) {
      s.assumptions.add(0, "precision float32: the dtype it was saved in is not known; float32 assumed");
    } else if (st.parameters != null) {
      s.assumptions.add(0, "precision float32: no torch_dtype, so the model loads in float32 (the default of"
          + " transformers before v5, of diffusers, timm and torchvision)");
    }
    if (st.amp && st.precision == Precision.FLOAT32) {
      s.assumptions.add("mixed precision over float32 weights: activations in 16-bit");
    }
    if (st.mode == Setup.Mode.FULL && st.optimizer == null && st.parameters != null) {
      s.assumptions.add("no optimizer found: optimizer states not counted");
    }
    if (st.training() && st.checkpointing) {
      s.assumptions.add("gradient checkpointing on: each layer's input is kept, one layer's activations recomputed");
    } else if (st.training()) {
      s.assumptions.add("gradient checkpointing off: every layer's activations are kept for the backward pass");
    }
    if ("diffusion".equals(st.kind)) {
      readResolution(s);
      return;
    }
    if (st.parameters == null) {
      return;
    }
    readBatch(s);
    readSequence(s);
  }

  private void readBatch(Site s) {
    Setup st = s.setup;
    if (options.batchSize() != null) {
      st.batch = options.batchSize();
      s.assumptions.removeIf(a -> a.startsWith("batch size "));
      s.assumptions.add("batch size " + st.batch + ": from --batch-size");
      return;
    }
    if (st.batch != null) {
      return;
    }
    for (Expr.Call c : model.calls()) {
      String q = model.qualifiedName(c.func());
      boolean loader = "torch.utils.data.DataLoader".equals(q);
      boolean pipelineCall = !loader && c.func() instanceof Expr.Name n && s.names.contains(n.id());
      if (!loader && !pipelineCall) {
        continue;
      }
      Expr b = Values.keyword(c, "batch_size");
      if (b == null && loader && c.args().size() > 1) {
        b = c.args().get(1);
      }
      Values.Value v = values.eval(b);
      if (v != null && plausible(v.asLong()) != null) {
        st.batch = v.asLong().intValue();
        s.assumptions.add("batch size " + st.batch + ": batch_size of " + (loader ? "DataLoader" : "the pipeline call")
            + " at line " + values.line(c) + (v.origin() == null ? "" : ", from " + v.origin()));
        return;
      }
    }
    Values.Value named = values.named(BATCH_NAMES);
    if (named != null && plausible(named.asLong()) != null) {
      st.batch = named.asLong().intValue();
      s.assumptions.add("batch size " + st.batch + ": " + named.origin());
      return;
    }
    if (st.training()) {
      for (Expr.Call c : model.calls()) {
        Values.Value v = values.eval(Values.keyword(c, "batch_size"));
        if (v != null && plausible(v.asLong()) != null) {
          st.batch = v.asLong().intValue();
          s.assumptions.add("batch size " + st.batch + ": batch_size= of the call at line " + values.line(c));
          return;
        }
      }
    }
    if (st.mode == Setup.Mode.INFERENCE) {
      st.batch = 1;
      s.assumptions.add("batch size 1: not set in the script (inference of one input at a time)");
      return;
    }
    s.assumptions.add("batch size not set in the script: activations not counted (give --batch-size)");
  }

  private void readSequence(Site s) {
    Setup st = s.setup;
    if (options.seqLen() != null) {
      st.seq = options.seqLen();
      s.assumptions.removeIf(a -> a.startsWith("sequence length "));
      s.assumptions.add("sequence length " + st.seq + ": from --seq-len");
      return;
    }
    if (st.seq != null) {
      return;
    }
    if (st.arch == null) {
      return;
    }
    for (Expr.Call c : model.calls()) {
      for (Support.Keyword k : c.keywords()) {
        if (k.arg() != null && SEQ_KEYWORDS.contains(k.arg())) {
          Values.Value v = values.eval(k.value());
          if (v != null && plausible(v.asLong()) != null) {
            st.seq = v.asLong().intValue();
            s.assumptions.add("sequence length " + st.seq + ": " + k.arg() + "= at line " + values.line(c)
                + (v.origin() == null ? "" : ", from " + v.origin()));
            return;
          }
        }
      }
    }
    Values.Value named = values.named(SEQ_NAMES);
    if (named != null && plausible(named.asLong()) != null) {
      st.seq = named.asLong().intValue();
      s.assumptions.add("sequence length " + st.seq + ": " + named.origin());
      return;
    }
    if (st.mode == Setup.Mode.INFERENCE) {
      for (Expr.Call c : model.calls()) {
        Values.Value v = values.eval(Values.keyword(c, "max_new_tokens"));
        if (v != null && plausible(v.asLong()) != null) {
          st.seq = v.asLong().intValue();
          s.assumptions.add("sequence length " + st.seq + ": max_new_tokens= at line " + values.line(c)
              + " (the prompt's length not counted)");
          return;
        }
      }
      s.assumptions.add("sequence length not set in the script: activations and KV cache not counted"
          + " (give --seq-len)");
      return;
    }
    st.seq = st.arch.maxPositions();
    s.assumptions.add("sequence length " + st.seq + ": the model's maximum, not set in the script");
  }

  private void readResolution(Site s) {
    Setup st = s.setup;
    for (Expr.Call c : model.calls()) {
      if (c.func() instanceof Expr.Name n && s.names.contains(n.id())) {
        Integer images = plausible(values.eval(Values.keyword(c, "num_images_per_prompt")) == null ? null
            : values.eval(Values.keyword(c, "num_images_per_prompt")).asLong());
        if (images != null && images > 1) {
          st.images = images;
          s.assumptions.add(images + " images per call: num_images_per_prompt at line " + values.line(c));
        }
      }
    }
    for (Expr.Call c : model.calls()) {
      if (c.func() instanceof Expr.Name n && s.names.contains(n.id())) {
        Values.Value h = values.eval(Values.keyword(c, "height"));
        Values.Value w = values.eval(Values.keyword(c, "width"));
        if (h != null && h.asLong() != null && w != null && w.asLong() != null) {
          st.resolution = (int) Math.round(Math.sqrt((double) h.asLong() * w.asLong()));
          s.assumptions.add("resolution " + h.asLong() + "×" + w.asLong() + ": height/width of the pipeline call at line "
              + values.line(c));
          return;
        }
      }
    }
    if (st.resolution > 0) {
      s.assumptions.add("resolution " + st.resolution + "×" + st.resolution + ": the pipeline's default");
    }
  }
}
