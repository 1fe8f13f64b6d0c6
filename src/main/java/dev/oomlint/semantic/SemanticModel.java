package dev.oomlint.semantic;

import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Mod;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.SourceFile;
import dev.oomlint.ast.Stmt;
import dev.oomlint.ast.Support;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What oomlint knows about one file beyond its syntax, built once per file and shared by every rule:
 * scopes and bindings, qualified names through imports, grad mode at every node, grad-carrying values,
 * training loops, optimizers and inference regions. Rules ask it questions ("is this call
 * {@code torch.no_grad}?", "does this value carry a graph?") instead of comparing source text.
 *
 * <p>Not thread-safe: one file's rules run on one thread (use {@link #lazy} to share it).
 */
public final class SemanticModel {
  private final SourceFile file;
  private final Mod.Module module;
  private final AstIndex index;
  private final Names names;
  private final ProjectView project;
  // the parts below are built on first use: many files only need the index and names
  private CallGraph calls;
  private GradModes modes;
  private TorchObjects objects;
  private GradFlow flow;
  private Training training;
  private Inference inference;
  private KerasModels keras;
  private TfFunctions tfFunctions;
  private TfRuntime tfRuntime;
  private Devices devices;
  private List<Stmt> statements;

  private SemanticModel(SourceFile file, Mod.Module module, ProjectView project) {
    this.file = file;
    this.module = module;
    this.project = project == null ? ProjectView.NONE : project;
    this.index = new AstIndex(module);
    this.names = new Names(index);
  }

  private CallGraph callGraph() {
    if (calls == null) {
      calls = new CallGraph(index, names);
    }
    return calls;
  }

  private GradModes gradModes() {
    if (modes == null) {
      modes = new GradModes(index, names, callGraph(), project);
    }
    return modes;
  }

  private TorchObjects torchObjects() {
    if (objects == null) {
      objects = new TorchObjects(index, names, callGraph());
    }
    return objects;
  }

  private GradFlow gradFlow() {
    if (flow == null) {
      flow = new GradFlow(index, names, gradModes(), callGraph(), torchObjects());
    }
    return flow;
  }

  private Training trainingFacts() {
    if (training == null) {
      training = new Training(index, names, callGraph(), torchObjects(), gradFlow());
    }
    return training;
  }

  private Devices devices() {
    if (devices == null) {
      devices = new Devices(index, names, callGraph(), torchObjects());
    }
    return devices;
  }

  private Inference inferenceFacts() {
    if (inference == null) {
      inference = new Inference(index, names, callGraph(), gradModes(), torchObjects(), trainingFacts(), gradFlow(),
          devices(), file.path());
    }
    return inference;
  }

  /** Builds the model of one parsed file. */
  public static SemanticModel build(SourceFile file, Mod.Module module) {
    return new SemanticModel(file, module, ProjectView.NONE);
  }

  /**
   * Builds the model of one parsed file of a project: {@code project} answers questions about the
   * project's other files (null: {@link ProjectView#NONE}, the file alone).
   */
  public static SemanticModel build(SourceFile file, Mod.Module module, ProjectView project) {
    return new SemanticModel(file, module, project);
  }

  /** A supplier that builds the model on first use and then returns the same instance (thread-safe). */
  public static Supplier<SemanticModel> lazy(SourceFile file, Mod.Module module) {
    return lazy(file, module, ProjectView.NONE);
  }

  /** As {@link #lazy(SourceFile, Mod.Module)}, for a file of a project ({@link #build(SourceFile, Mod.Module, ProjectView)}). */
  public static Supplier<SemanticModel> lazy(SourceFile file, Mod.Module module, ProjectView project) {
    return new Supplier<>() {
      private SemanticModel model;

      @Override
      public synchronized SemanticModel get() {
        if (model == null) {
          model = build(file, module, project);
        }
        return model;
      }
    };
  }

  public SourceFile file() {
    return file;
  }

  /** What this file may learn of the other files of its project ({@link ProjectView#NONE} for a file alone). */
  ProjectView project() {
    return project;
  }

  /**
   * The transformers version the file's project targets (its {@code target-transformers} option or
   * declared requirement), or null when nothing says: read from the project on first use.
   */
  public ProjectView.DeclaredVersion targetTransformers() {
    return project.transformers();
  }

  /**
   * Whether the torch requirement the file's project declares (read on first use) allows only releases
   * before {@code version} ({@code torch==2.0.0}, {@code torch<2.4}).
   */
  public boolean torchPinnedBefore(String version) {
    return project.torchOnlyBefore(version);
  }

  /**
   * Whether the transformers requirement the project declares (or the {@code target-transformers}
   * option) allows only releases before {@code version} ({@code transformers==4.34.0}, {@code <5}).
   */
  public boolean transformersPinnedBefore(String version) {
    return project.transformersOnlyBefore(version);
  }

  /** Whether the project declares only releases of {@code library} before {@code version} ({@code tensorflow==1.14.0}). */
  public boolean libraryPinnedBefore(String library, String version) {
    return project.libraryOnlyBefore(library, version);
  }

  public Mod.Module module() {
    return module;
  }

  /**
   * Whether the file is test code (a pytest file, or a file under a {@code tests/} directory): tests
   * run tiny models, with autograd on on purpose; their memory is not the concern.
   */
  public boolean isTestFile() {
    if (testFile == null) {
      testFile = isTestPath(file.path()); // asked for every node isTestCode is asked about
    }
    return testFile;
  }

  private Boolean testFile;
  private java.util.Optional<Stmt.If> selfTest;

  /**
   * Whether a node is test code: in a test file, inside a test function or test class
   * ({@code def test_...}, {@code class Test...}), or in the self-test {@code __main__} block of a module
   * the project imports ({@link SelfTests}).
   */
  public boolean isTestCode(Node n) {
    if (isTestFile()) {
      return true;
    }
    if (selfTest == null) {
      selfTest = java.util.Optional.ofNullable(SelfTests.find(this, project));
    }
    if (selfTest.isPresent() && TorchObjects.within(selfTest.get(), n)) {
      return true;
    }
    for (Stmt.FunctionDef f = enclosingFunction(n); f != null; f = enclosingFunction(f)) {
      Stmt.ClassDef cls = enclosingClass(f);
      if (f.name().startsWith("test") || cls != null && cls.name().startsWith("Test")) {
        return true;
      }
    }
    return false;
  }

  /** A versioned test module: {@code export_test_v2.py}, {@code model_test2.py}. */
  private static final java.util.regex.Pattern VERSIONED_TEST = java.util.regex.Pattern.compile(".*_test(?:_v)?\\d+\\.py");

  /** {@link #isTestFile} for a display path ({@code /} or {@code \\} separated; null is no test). */
  public static boolean isTestPath(String path) {
    String p = path == null ? "" : path.replace('\\', '/');
    String base = p.substring(p.lastIndexOf('/') + 1);
    return base.startsWith("test_") || base.endsWith("_test.py") || VERSIONED_TEST.matcher(base).matches()
        || base.equals("conftest.py")
        || base.equals("test.py") || base.equals("tests.py")
        || ("/" + p).contains("/tests/");
  }

  // ------------------------------------------------------------ tree

  /** An {@code if} statement around a node, and whether the node is on its true side (its body). */
  public record EnclosingIf(Stmt.If statement, boolean onTrueSide) {}

  /**
   * The {@code if} statements around a node, innermost first, up to its function or class: the node in
   * their body or {@code else} (an {@code elif} is the outer statement's {@code else}), not in their test.
   */
  public List<EnclosingIf> enclosingIfs(Node n) {
    List<EnclosingIf> out = new java.util.ArrayList<>();
    Node child = n;
    for (Node cur = parent(n); cur != null && !(cur instanceof Stmt.FunctionDef) && !(cur instanceof Stmt.ClassDef);
        child = cur, cur = parent(cur)) {
      if (cur instanceof Stmt.If i && child != i.test()) {
        out.add(new EnclosingIf(i, i.body().contains(child)));
      }
    }
    return out;
  }

  /** The parent of a node (null for the module). */
  public Node parent(Node n) {
    return index.parent(n);
  }

  /** Every call in the file, in source order of their opening. */
  public List<Expr.Call> calls() {
    return Collections.unmodifiableList(index.calls);
  }

  /**
   * Every statement of the file, outer before inner, in source order: for rules that look for one
   * kind of statement without walking every expression.
   */
  public List<Stmt> statements() {
    if (statements == null) {
      statements = Collections.unmodifiableList(Statements.collect(module));
    }
    return statements;
  }

  /** Every function and method definition in the file. */
  public List<Stmt.FunctionDef> functions() {
    return Collections.unmodifiableList(index.functions);
  }

  /** Every {@code for} and {@code while} loop in the file. */
  public List<Stmt> loops() {
    return Collections.unmodifiableList(index.loops);
  }

  /** The statement list a statement sits in, or null for a statement the model does not know. */
  public List<Stmt> blockOf(Stmt s) {
    AstIndex.Position p = index.position(s);
    return p == null ? null : p.block();
  }

  /** The innermost function whose body contains {@code n}, or null at module level. */
  public Stmt.FunctionDef enclosingFunction(Node n) {
    return index.enclosingFunction(n);
  }

  /** The function a parameter binding belongs to, searched outward from a use of the parameter; or null. */
  public Stmt.FunctionDef parameterOwner(Expr.Name use, Binding parameter) {
    return index.parameterOwner(use, parameter.node());
  }

  /** The class a method is defined in, or null for a plain function. */
  public Stmt.ClassDef enclosingClass(Stmt.FunctionDef f) {
    return index.enclosingClass(f);
  }

  // ------------------------------------------------------------ scopes and names

  public Scope moduleScope() {
    return index.moduleScope();
  }

  /** The scope a node is evaluated in. */
  public Scope scopeOf(Node n) {
    return index.scope(n);
  }

  /** The scope a module, class, function, lambda or comprehension opens; null for other nodes. */
  public Scope scopeOpenedBy(Node n) {
    return index.scopeOpenedBy(n);
  }

  /** The bindings a loaded name may refer to; empty for builtins and undefined names. */
  public List<Binding> resolve(Expr.Name use) {
    return names.resolve(use);
  }

  /**
   * The bindings of a name that may reach the use through the branches of its own scope
   * ({@code if/elif/else}, {@code try}): where {@link #resolve} gives only the last binding of the same
   * scope, this gives every branch's.
   */
  public List<Binding> reachingBindings(Expr.Name use) {
    return names.reaching(use);
  }

  /**
   * The qualified name an expression stands for: {@code "torch.no_grad"} for {@code ng} after
   * {@code from torch import no_grad as ng}; {@code "float"} for the builtin; null when the expression
   * is not an imported name (a local, a parameter, a shadowed import, a call...).
   */
  public String qualifiedName(Expr e) {
    return names.qualifiedName(e);
  }

  /** Whether {@code e} is the imported {@code qualified} name. */
  public boolean refersTo(Expr e, String qualified) {
    return qualified.equals(names.qualifiedName(e));
  }

  /** The module-level name bound to an import of {@code qualified} ({@code "T"} after {@code import torch as T}). */
  public String moduleAlias(String qualified) {
    return names.moduleAlias(qualified);
  }

  private static final java.util.Set<String> OTHER_FRAMEWORKS = java.util.Set.of("tensorflow", "keras", "jax",
      "flax", "paddle", "mxnet", "mindspore", "oneflow", "chainer", "haiku", "optax", "tf_keras");
  private static final java.util.Set<String> TORCH_FAMILY = java.util.Set.of("torch", "torchvision", "torchaudio",
      "torchtext", "transformers", "diffusers", "accelerate", "lightning", "pytorch_lightning", "timm",
      "deepspeed", "peft", "trl", "lightning_fabric", "torchmetrics", "fairseq", "detectron2", "mmcv", "mmengine");
  private Boolean otherFramework;

  /**
   * Whether the file is written for another deep-learning framework (it imports TensorFlow, Keras,
   * JAX, Flax, Paddle... and nothing of the PyTorch family): PyTorch's grad rules do not apply there.
   */
  /**
   * Whether the file uses {@code torch} without importing it (documentation notebooks assume it):
   * a fix may then write {@code torch.} without adding an import.
   */
  public boolean usesTorchUnimported() {
    if (moduleAlias("torch") != null) {
      return false;
    }
    for (Expr.Call c : calls()) {
      Expr root = c.func();
      while (root instanceof Expr.Attribute a) {
        root = a.value();
      }
      if (root instanceof Expr.Name n && n.id().equals("torch") && resolve(n).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** Whether the file imports the top-level package {@code top} ({@code import tensorflow as tf}, {@code from tensorflow import keras}). */
  public boolean importsPackage(String top) {
    for (Stmt s : allImports()) {
      for (String m : importedModules(s)) {
        if (m.equals(top) || m.startsWith(top + ".")) {
          return true;
        }
      }
    }
    return false;
  }

  public boolean isOtherFramework() {
    if (otherFramework == null) {
      boolean other = false;
      boolean torch = false;
      for (Stmt s : allImports()) {
        for (String m : importedModules(s)) {
          String top = m.contains(".") ? m.substring(0, m.indexOf('.')) : m;
          other |= OTHER_FRAMEWORKS.contains(top);
          torch |= TORCH_FAMILY.contains(top);
        }
      }
      otherFramework = other && !torch;
    }
    return otherFramework;
  }

  /** The import statements reachable through statements alone (not in except handlers or match cases). */
  private List<Stmt> allImports() {
    return index.statementImports;
  }

  List<Stmt> allImportStatements() {
    return allImports();
  }

  static List<String> importedModules(Stmt s) {
    List<String> out = new java.util.ArrayList<>();
    if (s instanceof Stmt.Import i) {
      i.names().forEach(a -> out.add(a.name()));
    } else if (s instanceof Stmt.ImportFrom f && f.level() == 0 && f.module() != null) {
      out.add(f.module());
    }
    return out;
  }

  // ------------------------------------------------------------ calls

  /** The same-file function or method a call runs, or null. */
  public Stmt.FunctionDef resolveCall(Expr.Call c) {
    return callGraph().resolve(c);
  }

  /** The calls in this file that may run {@code f}. */
  public List<Expr.Call> callSites(Stmt.FunctionDef f) {
    return callGraph().callSites(f);
  }

  /**
   * The module-level function whose parameter {@code use} is (its only binding), or null: a local, a
   * global, a method's parameter (its calls do not line up with its parameters).
   */
  public Stmt.FunctionDef moduleFunctionOfParameter(Expr.Name use) {
    List<Binding> bs = resolve(use);
    return bs.size() == 1 ? callGraph().moduleFunctionOf(use, bs.get(0)) : null;
  }

  /**
   * Whether every call of {@code f} in this file gives parameter {@code name} what satisfies {@code ok}
   * (the argument, or null where it is left out); false where a call unpacks {@code *args}/{@code **kwargs}.
   */
  public boolean everyCallGives(Stmt.FunctionDef f, String name, Predicate<Expr> ok) {
    return callGraph().everyCallGives(f, name, ok);
  }

  /** The same-file class an expression is an instance of ({@code self}, {@code x = C()}), or null. */
  public Stmt.ClassDef classOfInstance(Expr e) {
    return callGraph().classOfInstance(e, 0);
  }

  /** The method {@code name} of a same-file class (searching same-file bases), or null. */
  public Stmt.FunctionDef findMethod(Stmt.ClassDef c, String name) {
    return callGraph().findMethod(c, name, 0);
  }

  /** The same-file class a call constructs ({@code Net()}), or null. */
  public Stmt.ClassDef classCalled(Expr.Call c) {
    return callGraph().classCalled(c);
  }

  /** Whether a same-file class is (transitively, within this file) a torch.nn.Module or a model base class. */
  public boolean isModuleClass(Stmt.ClassDef c) {
    return callGraph().isModuleClass(c);
  }

  /** Whether {@code e} is the receiver a method was called on ({@code self}). */
  public boolean isSelf(Expr e) {
    return callGraph().isSelf(e);
  }

  /**
   * The values of the plain assignments {@code self.attr = value} anywhere in the class whose method
   * holds {@code a} (of {@code self.attr}); empty outside a method.
   */
  public List<Expr> selfAssignedValues(Expr.Attribute a) {
    Stmt.FunctionDef fn = enclosingFunction(a);
    Stmt.ClassDef cls = fn == null ? null : enclosingClass(fn);
    if (cls == null) {
      return List.of();
    }
    List<Expr> out = new java.util.ArrayList<>();
    dev.oomlint.ast.AstWalker.walkAll(cls.body(), n -> {
      if (n instanceof Stmt.Assign as) {
        for (Expr t : as.targets()) {
          if (t instanceof Expr.Attribute at && at.attr().equals(a.attr()) && isSelf(at.value())) {
            out.add(as.value());
          }
        }
      }
    });
    return out;
  }

  // ------------------------------------------------------------ grad mode and values

  /** The grad mode in effect where {@code n} runs. */
  public GradMode gradMode(Node n) {
    return gradModes().mode(n);
  }

  /** The grad mode a function body starts in (decorators, or callers that all disable grad). */
  public GradMode entryMode(Stmt.FunctionDef f) {
    return gradModes().entryMode(f);
  }

  /** The grad mode a {@code with} item or decorator sets, or null when it does not touch autograd. */
  public GradMode contextMode(Expr withItemOrDecorator) {
    return gradModes().contextMode(withItemOrDecorator);
  }

  /** Whether {@code e}, evaluated where it stands, may carry an autograd graph. */
  public boolean isGradCarrying(Expr e) {
    return gradFlow().isGradCarrying(e);
  }

  /** Paths ({@code loss}, {@code self.loss}) a backward runs on in the function (or module) of {@code n}. */
  public Set<String> backpropTargets(Node n) {
    return Collections.unmodifiableSet(gradFlow().backpropTargets(gradFlow().unitOf(n)));
  }

  /**
   * Names and paths ({@code loss}, {@code self.losses}) that flow into a backward in a function (or
   * the module body): {@code n} itself when it is a function or the module, else the function or
   * module {@code n} belongs to. Backward targets and, transitively, what is assigned to them.
   */
  public Set<String> backpropRelated(Node n) {
    Node unit = n instanceof Stmt.FunctionDef || n instanceof Mod.Module ? n : gradFlow().unitOf(n);
    return Collections.unmodifiableSet(gradFlow().backpropRelated(unit));
  }

  /** Whether a call runs a backward pass. */
  public boolean isBackwardCall(Expr.Call c) {
    return gradFlow().isBackwardCall(c);
  }

  /** The expressions a backward call propagates from ({@code loss} in {@code scaler.scale(loss).backward()}). */
  public List<Expr> backwardTargets(Expr.Call c) {
    return gradFlow().backwardTargets(c);
  }

  // ------------------------------------------------------------ objects

  /**
   * Whether {@code e} holds a Keras model: built or loaded with Keras ({@code Sequential},
   * {@code Model}, {@code keras.applications.*}, {@code load_model}, a same-file subclass of
   * {@code Model} or a same-file function returning one), or, where the value is not shown (a
   * parameter, an unassigned attribute), a model-like name in a file that uses Keras and no other
   * library with a {@code predict}.
   */
  public boolean isKerasModel(Expr e) {
    if (keras == null) {
      keras = new KerasModels(this);
    }
    return keras.isKerasModel(e);
  }

  /**
   * A TensorFlow {@code tf.function}.
   *
   * @param definition where it is created: the decorated {@link Stmt.FunctionDef}, or the
   *     {@code tf.function(fn, ...)} call
   * @param limitsRetracing whether it is given an {@code input_signature}, {@code reduce_retracing=True}
   *     or {@code experimental_relax_shapes=True}
   */
  public record TfFunction(Node definition, boolean limitsRetracing) {}

  private TfFunctions tfFunctions() {
    if (tfFunctions == null) {
      tfFunctions = new TfFunctions(this);
    }
    return tfFunctions;
  }

  /** The decorator that makes {@code f} a {@code tf.function} ({@code @tf.function}, {@code @tf.function(...)}), or null. */
  public Expr tfFunctionDecorator(Stmt.FunctionDef f) {
    return tfFunctions().decorator(f);
  }

  /** Whether a call creates a {@code tf.function} from a Python function ({@code tf.function(fn, ...)}). */
  public boolean createsTfFunction(Expr.Call c) {
    return tfFunctions().createsFunction(c);
  }

  /**
   * The {@code tf.function} a call runs, or null: a same-file function or method decorated with it, or
   * a name or {@code self} attribute bound to {@code tf.function(fn, ...)}.
   */
  public TfFunction tfFunctionCalled(Expr.Call c) {
    return tfFunctions().called(c);
  }

  /** Whether {@code n} lies in the body of a {@code tf.function} (traced by autograph, not run per call). */
  public boolean insideTfFunction(Node n) {
    return tfFunctions().insideFunction(n);
  }

  /** Whether a {@code tf.function(...)} call (a decorator or a wrapper) limits retracing. */
  public static boolean tfFunctionLimitsRetracing(Expr.Call c) {
    return TfFunctions.limitsRetracing(c);
  }

  private TfRuntime tfRuntime() {
    if (tfRuntime == null) {
      tfRuntime = new TfRuntime(this);
    }
    return tfRuntime;
  }

  /** The first statement that imports TensorFlow, or null. */
  public Stmt firstTensorFlowImport() {
    return tfRuntime().firstImport();
  }

  /**
   * The first call that makes TensorFlow use the GPU: it builds, loads, trains or runs a TensorFlow or
   * Keras model, records gradients ({@code tf.GradientTape}) or opens a TF1 session; or null.
   */
  public Node tensorFlowGpuWork() {
    return tfRuntime().workSite();
  }

  /**
   * Whether the file limits TensorFlow's GPU memory reservation (memory growth, a {@code memory_limit},
   * TF1 {@code gpu_options}, {@code TF_FORCE_GPU_ALLOW_GROWTH}, a helper named for it).
   */
  public boolean limitsTensorFlowGpuMemory() {
    return tfRuntime().limitsGpuMemory();
  }

  /** Whether the file switches TensorFlow to TF1 graph execution ({@code disable_eager_execution()}, {@code disable_v2_behavior()}). */
  public boolean tensorFlowGraphMode() {
    return tfRuntime().graphMode();
  }

  /** Whether the file keeps TensorFlow off the GPUs ({@code CUDA_VISIBLE_DEVICES=""/"-1"}, no visible GPU, a TPU). */
  public boolean hidesGpusFromTensorFlow() {
    return tfRuntime().hidesGpus();
  }

  /** Whether the file is a program (a notebook, a {@code __main__} block, TensorFlow work at module level), not a library module. */
  public boolean isTensorFlowProgram() {
    return tfRuntime().isProgram();
  }

  /** The Keras prefix ({@code "tensorflow.keras."}) of a qualified Keras model class name, or null. */
  public static String kerasModelClassPrefix(String qualified) {
    return KerasModels.modelClassPrefix(qualified);
  }

  /** Whether calling {@code callee} runs a model's forward pass. */
  public boolean isModel(Expr callee) {
    return torchObjects().isModel(callee);
  }

  /** Whether a call runs a (non-frozen) model's forward pass. */
  public boolean isModelCall(Expr.Call c) {
    return inferenceFacts().isModelCall(c);
  }

  public boolean isLossCallable(Expr callee) {
    return torchObjects().isLossCallable(callee);
  }

  public boolean isOptimizer(Expr e) {
    return torchObjects().isOptimizer(e);
  }

  /**
   * The access path of an expression after following plain aliases and model wrappers
   * ({@code model = DDP(net)} gives {@code net}; {@code opt = self.optimizer} gives
   * {@code self.optimizer}); null for expressions that are not names or attribute chains.
   */
  public String canonicalPath(Expr e) {
    return torchObjects().canonicalPath(e);
  }

  /**
   * The paths of the models whose parameters an optimizer was built from ({@code netD} for
   * {@code Adam(netD.parameters())}), or null when that cannot be told.
   */
  public Set<String> optimizerModels(Expr optimizer) {
    return torchObjects().optimizerModels(optimizer);
  }

  /** Whether an optimizer was built over a literal list of plain tensors ({@code Adam([image])}): it trains no network. */
  public boolean optimizesTensorsOnly(Expr optimizer) {
    return torchObjects().optimizesTensorsOnly(optimizer);
  }

  /**
   * Whether a call runs a model's forward pass, frozen models included: {@code model(x)},
   * {@code self.net(x)}, {@code vae.decode(z)}; not same-file functions.
   */
  public boolean isForwardCall(Expr.Call c) {
    if (callGraph().resolve(c) != null || TorchApi.isTokenizerCall(c)) {
      return false;
    }
    if (c.func() instanceof Expr.Attribute a && TorchApi.FORWARD_METHODS.contains(a.attr())
        && torchObjects().isModel(a.value())) {
      return true;
    }
    return torchObjects().isModel(c.func());
  }

  // ------------------------------------------------------------ training

  /** Whether a loop's body (with nested blocks and same-file functions it calls) runs a backward. */
  public boolean isTrainingLoop(Stmt loop) {
    return trainingFacts().isTrainingLoop(loop);
  }

  /** The innermost training loop whose body contains {@code n}, within n's function; or null. */
  public Stmt innermostTrainingLoop(Node n) {
    return trainingFacts().innermostTrainingLoop(n);
  }

  /** Whether a function (or a same-file function it calls) runs a backward. */
  public boolean runsBackward(Stmt.FunctionDef f) {
    return trainingFacts().runsBackward(f);
  }

  /** Whether the file builds an optimizer or runs a backward anywhere. */
  public boolean fileTrains() {
    return trainingFacts().fileTrains();
  }

  private Boolean fineTunes;

  /**
   * Whether the file trains or fine-tunes a model: {@link #fileTrains}, or it builds a library trainer
   * ({@code transformers.Trainer}, trl's {@code SFTTrainer}, any {@code *Trainer} of transformers, trl,
   * peft, setfit or sentence-transformers) or a peft adapter to train ({@code LoraConfig},
   * {@code get_peft_model}, {@code prepare_model_for_kbit_training}).
   */
  public boolean fineTunes() {
    if (fineTunes == null) {
      fineTunes = fileTrains() || !fineTuningCalls().isEmpty();
    }
    return fineTunes;
  }

  private List<Expr.Call> fineTuningCalls;

  /** The calls that build a library trainer or a peft adapter to train (see {@link #fineTunes}), in source order. */
  public List<Expr.Call> fineTuningCalls() {
    if (fineTuningCalls == null) {
      List<Expr.Call> out = new java.util.ArrayList<>(0);
      Boolean trainCalled = null;
      for (int i = 0, n = index.calls.size(); i < n; i++) {
        String q = qualifiedName(index.calls.get(i).func());
        if (q != null && isFineTuningName(q)) {
          out.add(index.calls.get(i));
        } else if (q != null && q.contains(".") && q.endsWith("Trainer") && !q.startsWith("torch")) {
          // another library's trainer (from unilm...trainers import XfunReTrainer), when the file calls .train()
          if (trainCalled == null) {
            trainCalled = false;
            for (Expr.Call c : index.calls) {
              trainCalled |= "train".equals(AstUtil.methodName(c)) && c.args().isEmpty() && c.keywords().isEmpty()
                  && !(AstUtil.receiver(c) instanceof Expr.Name r && (r.id().contains("model") || r.id().contains("net")));
            }
          }
          if (trainCalled) {
            out.add(index.calls.get(i));
          }
        }
      }
      fineTuningCalls = out;
    }
    return fineTuningCalls;
  }

  private static final List<String> TRAINER_LIBRARIES = List.of("transformers.", "trl.", "peft.", "setfit.",
      "sentence_transformers.");

  private static boolean isFineTuningName(String q) {
    if (q.equals("peft.get_peft_model") || q.equals("peft.prepare_model_for_kbit_training")
        || q.startsWith("peft.") && q.endsWith("Config") && !q.endsWith("PeftConfig")) {
      return true;
    }
    for (String lib : TRAINER_LIBRARIES) {
      if (q.startsWith(lib) && q.endsWith("Trainer")) {
        return true;
      }
    }
    return false;
  }

  /** For an optimizer step ({@code opt.step()}, {@code scaler.step(opt)}), the optimizer; else null. */
  public Expr optimizerStepped(Expr.Call c) {
    return trainingFacts().optimizerStepped(c);
  }

  /** The optimizer steps a training loop runs itself (not through a nested training loop). */
  public List<Expr.Call> directSteps(Stmt loop) {
    return trainingFacts().directSteps(loop);
  }

  /**
   * The optimizers a training loop steps itself but never resets (no {@code zero_grad()} on it or on
   * the model it optimizes, no {@code p.grad = None}); empty when every stepped optimizer is reset.
   */
  public List<Expr> unresetOptimizers(Stmt loop) {
    return trainingFacts().unresetOptimizers(loop);
  }

  /**
   * Functions a training framework runs once per iteration ({@code Engine(update_fn)}, a
   * LightningModule's {@code training_step}): their body is a loop body for the gradient rules.
   */
  public List<Stmt.FunctionDef> iterationFunctions() {
    return trainingFacts().iterationFunctions();
  }

  /** {@link #unresetOptimizers} for one of the {@link #iterationFunctions}. */
  public List<Expr> unresetOptimizersIn(Stmt.FunctionDef f) {
    return trainingFacts().unresetOptimizersIn(f);
  }

  /** Whether a loop resets gradients anywhere in its body or in same-file functions it calls. */
  public boolean loopResetsGradients(Stmt loop) {
    return trainingFacts().loopResets(loop);
  }

  // ------------------------------------------------------------ inference

  /** Whether a function name says it evaluates ({@code evaluate}, {@code validate_epoch}, {@code predict}). */
  public static boolean isEvaluationName(String id) {
    return TorchApi.isEvalFunctionName(id);
  }

  /** Whether a name says it holds evaluation data ({@code val_loader}, {@code test_dl}, {@code dev_set}). */
  public static boolean isEvaluationDataName(String id) {
    return TorchApi.isEvalDataName(id);
  }

  /** The file's inference regions, in order of their first model call. */
  public List<InferenceRegion> inferenceRegions() {
    return Collections.unmodifiableList(inferenceFacts().regions());
  }

  /**
   * Whether a function's body (or the module's, for the module) computes gradients itself
   * ({@code torch.autograd.grad}, {@code requires_grad_()}, reading {@code .grad}, {@code register_hook}).
   */
  public boolean computesGradients(Node unit) {
    List<Stmt> body = unit instanceof Stmt.FunctionDef f ? f.body() : module().body();
    return inferenceFacts().computesGradients(body);
  }

  /** Whether {@code n} lies in one of the file's {@link #inferenceRegions}. */
  public boolean inInferenceRegion(Node n) {
    for (InferenceRegion r : inferenceFacts().regions()) {
      if (r.node().range().contains(n.range())) {
        return true;
      }
    }
    return false;
  }

  // ------------------------------------------------------------ devices

  /**
   * Whether the file puts anything on a GPU: {@code .cuda()}, {@code "cuda"}, {@code torch.device(...)},
   * {@code .to(device)}, {@code device_map=}, an accelerator's {@code prepare}, a {@code "cuda"} device
   * type ({@code torch.autocast("cuda")}, {@code GradScaler("cuda")}).
   */
  public boolean usesGpu() {
    for (Expr.Call c : calls()) {
      String m = AstUtil.methodName(c);
      String q = qualifiedName(c.func());
      if ("cuda".equals(m) || "torch.device".equals(q) || "prepare".equals(m) || "setup".equals(m)
          || q != null && q.startsWith("torch.cuda.")) {
        return true;
      }
      for (Support.Keyword k : c.keywords()) {
        if ("device_map".equals(k.arg()) || "device".equals(k.arg()) && !isCpuConstant(k.value())
            || "device_type".equals(k.arg()) && isCudaConstant(k.value())) {
          return true;
        }
      }
      if (!c.args().isEmpty() && isCudaConstant(c.args().get(0))) {
        return true; // torch.autocast("cuda"), torch.amp.GradScaler("cuda"), x.to("cuda:0")
      }
      if ("to".equals(m)) {
        for (Expr a : c.args()) {
          String id = a instanceof Expr.Name nm ? nm.id() : a instanceof Expr.Attribute at ? at.attr() : null;
          String s = Calls.string(a);
          if (id != null && (id.contains("device") || id.contains("cuda") || id.contains("gpu"))
              || s != null && s.startsWith("cuda")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private Boolean onlyTinyNetworks;

  /**
   * Whether every network the file runs is a tutorial-sized one it builds itself (an MNIST classifier,
   * a character RNN): then a kept graph or an evaluation with autograd on costs megabytes, and no GPU
   * memory is at stake ({@link TinyNetworks}).
   */
  public boolean onlyTinyNetworks() {
    if (onlyTinyNetworks == null) {
      onlyTinyNetworks = TinyNetworks.onlyTiny(this);
    }
    return onlyTinyNetworks;
  }

  /**
   * Whether the file puts anything on a CUDA device, or may: like {@link #usesGpu()}, but device
   * variables are resolved through their assignments, so a file whose only device is {@code "cpu"}
   * does not count.
   */
  public boolean mayUseCuda() {
    return devices().fileUsesCuda();
  }

  /**
   * Whether the file places its models and tensors only on the CPU ({@code device = "cpu"} and
   * {@code model.to(device)}, nothing moved to a GPU): a CPU run, where no GPU memory is at stake.
   */
  public boolean placesOnlyOnCpu() {
    return devices().placesOnlyOnCpu();
  }

  /** Whether a device expression may denote a CUDA device ({@code "cuda"}, a variable that may be "cuda"). */
  public boolean mayBeCudaDevice(Expr device) {
    return devices().mayBeCuda(device);
  }

  /**
   * Whether a call of a model runs on the CPU: the model and every input are names whose values were
   * made on the CPU in the call's scope and not moved since (see {@code Devices.staysOnCpu}), or
   * inputs that read nothing the file puts on a GPU.
   */
  public boolean runsOnCpu(Expr.Call c) {
    Expr model = c.func() instanceof Expr.Attribute a && TorchApi.FORWARD_METHODS.contains(a.attr()) ? a.value() : c.func();
    return devices().callRunsOnCpu(c, model);
  }

  /** Whether a value (a model, a tensor, an expression) may be on a GPU, from what the file shows. */
  /** Whether a model call is fed a tensor moved to the CPU on purpose, so that it runs on the CPU (see Devices). */
  public boolean inputsMovedToCpu(Expr.Call c) {
    return devices().inputsMovedToCpu(c);
  }

  /** Whether a call moves its receiver to a device that may be CUDA ({@code .cuda()}, {@code .to(device)}). */
  public boolean placesOnGpu(Expr.Call c) {
    return devices().placesOnGpu(c);
  }

  /** Whether code inside {@code scope} moves what {@code path} holds ({@code pipe}, {@code self.model}) to a device that may be CUDA. */
  public boolean movesToGpuWithin(Node scope, String path) {
    return devices().movesToGpuWithin(scope, path);
  }

  public boolean mayBeOnGpu(Expr value) {
    return devices().mayBeOnGpu(value);
  }

  private static boolean isCudaConstant(Expr e) {
    String s = Calls.string(e);
    return s != null && s.startsWith("cuda");
  }

  private static boolean isCpuConstant(Expr e) {
    String s = Calls.string(e);
    return s != null && s.startsWith("cpu");
  }
}
