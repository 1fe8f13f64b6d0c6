package dev.oomlint.engine;

import dev.oomlint.ast.AstWalker;
import dev.oomlint.ast.ConstValue;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Mod;
import dev.oomlint.ast.SourceFile;
import dev.oomlint.config.Requirements;
import dev.oomlint.parser.ParseOutcome;
import dev.oomlint.semantic.ModuleSummary;
import dev.oomlint.semantic.ProjectView;
import dev.oomlint.source.RegularFiles;
import dev.oomlint.source.SourceReader;
import dev.oomlint.source.WordSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the files of one run may learn about the other files of their projects, read lazily and kept
 * for the run: the summaries of the project's own modules ({@link ModuleSummary}, read and parsed
 * with the run's front end the first time a file asks about a name it imports from them), and the
 * transformers version a project declares. Owned by the run's {@link Engine} (made by
 * {@link RunSetup}); thread-safe, as the engine checks files in parallel (two threads may read
 * the same module at once; both get an equal answer and one is kept).
 *
 * <p>A file's project root is the nearest directory at or above it with a {@code pyproject.toml},
 * {@code setup.py} (one that uses setuptools or distutils), {@code setup.cfg} or {@code .git}, else the
 * run's root (the configuration's directory, or the working directory) when the file is below it, else
 * the file's own directory.
 * Nothing outside that root is read, but for one question: when the root is a vendored project below
 * the run's root, an exact pin of the directories around it names the release it runs with
 * ({@link #requirement}). Imports resolve as Python would find them from a script of
 * the project: relative ones from the importing module's package, absolute ones from the importing
 * file's directory and each directory above it up to the root, then the root's {@code src/}.
 */
public final class ProjectIndex {
  /** The files whose presence marks a project's root. */
  private static final List<String> MARKERS = List.of("pyproject.toml", "setup.py", "setup.cfg", ".git");

  /** Where a project declares its dependencies, in the order a directory's files are read. */
  private static final String TRANSFORMERS = "transformers";
  private static final String TORCH = "torch";
  private static final String TORCHVISION = "torchvision";
  private static final String TORCHAUDIO = "torchaudio";
  /** huggingface-hub, as requirement files spell it. */
  private static final List<String> HUB = List.of("huggingface-hub", "huggingface_hub");
  /** README files whose exact pins declare a directory's releases, read after its other dependency files. */
  private static final List<String> READMES = List.of("README.md", "Readme.md", "readme.md", "README.rst",
      "README.txt", "README");

  /** Installation pages, read like READMEs (exact pins): beside the file, or in the directory's docs/. */
  private static final List<String> INSTALL_PAGES = List.of("INSTALL.md", "install.md", "INSTALLATION.md",
      "installation.md", "docs/INSTALL.md", "docs/install.md", "docs/installation.md");

  private static final Optional<ModuleSummary> NO_MODULE = Optional.empty();

  private final Path runRoot;
  private final Linter.Parser parser;
  private final long maxFileSize;
  private final ProjectView.DeclaredVersion transformersOption;
  private final ConcurrentHashMap<Path, Path> roots = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Optional<Path>> moduleFiles = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Path, Optional<ModuleSummary>> summaries = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Optional<ProjectView.DeclaredVersion>> declared = new ConcurrentHashMap<>();
  /** Per project root, its word index, built by the first file that asks (empty: too large to index). */
  private final ConcurrentHashMap<Path, WordsOnce> words = new ConcurrentHashMap<>();

  /**
   * An index for a run rooted at {@code runRoot} (null: the working directory), parsing other
   * modules with {@code parser}, skipping files above {@code maxFileSize} bytes;
   * {@code targetTransformers} (null: unset) is the {@code target-transformers} option, set by
   * {@code origin}, which wins over what the projects declare.
   */
  public ProjectIndex(Path runRoot, Linter.Parser parser, long maxFileSize, String targetTransformers, String origin) {
    this.runRoot = (runRoot == null ? Path.of("") : runRoot).toAbsolutePath().normalize();
    this.parser = parser;
    this.maxFileSize = maxFileSize <= 0 ? RegularFiles.DEFAULT_MAX_BYTES : maxFileSize;
    this.transformersOption = targetTransformers == null ? null
        : new ProjectView.DeclaredVersion(targetTransformers, "target-transformers = \"" + targetTransformers + "\"",
            origin == null ? "the configuration" : origin);
  }

  /** What the file at {@code file} (absolute, or relative to the working directory) may learn of its project. */
  public ProjectView viewFor(Path file) {
    if (file == null) {
      return transformersOption == null ? ProjectView.NONE : new OptionOnly(transformersOption);
    }
    return new FileView(file); // nothing is computed before a rule asks
  }

  /** The project root of the files of {@code dir}. */
  Path root(Path dir) {
    Path known = roots.get(dir);
    if (known != null) {
      return known;
    }
    Path found = null;
    for (Path d = dir; d != null; d = d.getParent()) {
      for (String m : MARKERS) {
        Path marker = d.resolve(m);
        if (Files.exists(marker, LinkOption.NOFOLLOW_LINKS) && (!m.equals("setup.py") || packagingScript(marker))) {
          found = d;
          break;
        }
      }
      if (found != null) {
        break;
      }
    }
    if (found == null) {
      found = dir.startsWith(runRoot) ? runRoot : dir;
    }
    roots.putIfAbsent(dir, found);
    return found;
  }

  /**
   * Whether a {@code setup.py} is a packaging script (it uses setuptools or distutils), not a module that
   * happens to be named so (dinov2's {@code eval/setup.py} sets up an evaluation run).
   */
  private boolean packagingScript(Path setupPy) {
    String text = read(setupPy);
    return text == null || text.contains("setuptools") || text.contains("distutils") || text.contains("skbuild");
  }

  /** The file of module {@code dotted} ({@code a.b}; empty: the package itself) under {@code base}, if any. */
  private Path moduleFile(Path base, String dotted, Path root) {
    String key = base + "\0" + dotted;
    Optional<Path> known = moduleFiles.get(key);
    if (known == null) {
      known = Optional.ofNullable(findModuleFile(base, dotted, root));
      moduleFiles.putIfAbsent(key, known);
    }
    return known.orElse(null);
  }

  private static Path findModuleFile(Path base, String dotted, Path root) {
    for (String part : dotted.split("\\.", -1)) {
      if (!dotted.isEmpty() && !isIdentifier(part)) {
        return null;
      }
    }
    String rel = dotted.replace('.', '/');
    List<Path> candidates = dotted.isEmpty() ? List.of(base.resolve("__init__.py"))
        : List.of(base.resolve(rel + ".py"), base.resolve(rel).resolve("__init__.py"));
    for (Path p : candidates) {
      Path n = p.normalize();
      if (n.startsWith(root) && Files.isRegularFile(n, LinkOption.NOFOLLOW_LINKS)) {
        return n;
      }
    }
    return null;
  }

  private static boolean isIdentifier(String s) {
    if (s.isEmpty() || !Character.isJavaIdentifierStart(s.charAt(0))) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      if (!Character.isJavaIdentifierPart(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The summary of the module in {@code file}: read on first use, parsed only when a question its text
   * cannot answer needs it ({@link ModuleSummary#lazy}); empty when it cannot be read.
   */
  private Optional<ModuleSummary> summary(Path file) {
    Optional<ModuleSummary> known = summaries.get(file);
    if (known != null) {
      return known;
    }
    Optional<ModuleSummary> made = NO_MODULE;
    try {
      SourceReader.Outcome read = SourceReader.read(file, file.toString(), WordSet.empty(), maxFileSize);
      if (read instanceof SourceReader.Outcome.Read r && r.document().lintable()) {
        dev.oomlint.ast.SourceFile source = r.document().file();
        made = Optional.of(ModuleSummary.lazy(file, source.text(), () -> {
          try {
            return parser.parse(source) instanceof ParseOutcome.Parsed p ? p.module() : null;
          } catch (RuntimeException | StackOverflowError e) {
            return null; // another file's problem is not this file's: it simply tells nothing
          }
        }));
      }
    } catch (RuntimeException | StackOverflowError e) {
      made = NO_MODULE; // another file's problem is not this file's: it simply tells nothing
    }
    Optional<ModuleSummary> prev = summaries.putIfAbsent(file, made);
    return prev != null ? prev : made;
  }

  /** {@code library}'s requirement nearest to {@code dir}, looking up to {@code root}. */
  private ProjectView.DeclaredVersion requirement(String library, Path dir, Path root) {
    ProjectView.DeclaredVersion inner = null;
    for (Path d = dir; d != null && d.startsWith(root); d = d.getParent()) {
      inner = declaredIn(library, d);
      if (inner != null) {
        break;
      }
    }
    if (inner != null && Requirements.isExactPin(inner.requirement(), library) || root.equals(runRoot)
        || !root.startsWith(runRoot)) {
      return inner;
    }
    // A vendored project (xl-sum's copy of transformers, its setup.py asking torch>=1.0) runs in the
    // environment of the repository around it: the release that repository pins exactly (its README's
    // conda create ... pytorch==1.7.1) is the one this code runs with, when the vendored project allows it.
    for (Path d = root.getParent(); d != null && d.startsWith(runRoot); d = d.getParent()) {
      ProjectView.DeclaredVersion outer = declaredIn(library, d);
      if (outer != null) {
        boolean allowed = inner == null || inner.lowest() == null || outer.lowest() != null
            && Requirements.compare(inner.lowest(), outer.lowest()) <= 0;
        return Requirements.isExactPin(outer.requirement(), library) && allowed ? outer : inner;
      }
    }
    return inner;
  }

  /** {@code library}'s requirement declared by the dependency files of {@code dir}, or null. */
  private ProjectView.DeclaredVersion declaredIn(String library, Path dir) {
    String key = library + "\0" + dir;
    Optional<ProjectView.DeclaredVersion> known = declared.get(key);
    if (known == null) {
      known = Optional.ofNullable(readDeclared(library, dir));
      declared.putIfAbsent(key, known);
    }
    return known.orElse(null);
  }

  private ProjectView.DeclaredVersion readDeclared(String library, Path dir) {
    List<Path> files = new ArrayList<>();
    addExisting(files, dir, List.of("pyproject.toml", "setup.cfg", "setup.py"));
    files.addAll(matching(dir, "requirements*.txt", n -> true)); // requirements.txt before requirements-dev.txt
    addExisting(files, dir, List.of("environment.yml", "environment.yaml"));
    // conda environment files named otherwise: ostrack_cuda113_env.yaml, conda_env.yml
    files.addAll(matching(dir, "*.{yml,yaml}", n -> !n.startsWith("environment.") && (n.contains("env") || n.contains("conda"))));
    addExisting(files, dir, READMES);
    addExisting(files, dir, INSTALL_PAGES);
    ProjectView.DeclaredVersion bare = null;
    for (Path p : files) {
      String text = read(p);
      if (text == null || !text.contains(library)) {
        continue;
      }
      String name = p.getFileName().toString();
      String req = switch (name) {
        case "pyproject.toml" -> Requirements.inPyproject(p, text, library);
        case "setup.cfg" -> Requirements.inSetupCfg(text, library);
        case "setup.py" -> inSetupPy(p, text, library);
        case "environment.yml", "environment.yaml" -> Requirements.inCondaEnvironment(text, library);
        default -> READMES.contains(name) || name.toLowerCase(Locale.ROOT).startsWith("install")
            ? Requirements.inReadme(text, library)
            : name.endsWith(".yml") || name.endsWith(".yaml") ? Requirements.inCondaEnvironment(text, library)
            : Requirements.inRequirementsTxt(text, library);
      };
      if (req != null) {
        String shown = dir.equals(runRoot) || !p.startsWith(runRoot) ? name : runRoot.relativize(p).toString();
        ProjectView.DeclaredVersion v = new ProjectView.DeclaredVersion(Requirements.lowest(req, library), req, shown);
        if (!req.equals(library)) {
          return v;
        }
        // a bare name says nothing of the release: a later file of the directory that does wins
        // (VMamba: requirements.txt lists torch, its README installs torch==2.2)
        bare = bare == null ? v : bare;
      }
    }
    return bare;
  }

  /** Adds the regular files of {@code dir} named {@code names} (relative paths), in that order. */
  private static void addExisting(List<Path> files, Path dir, List<String> names) {
    for (String name : names) {
      Path p = dir.resolve(name);
      if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
        files.add(p);
      }
    }
  }

  /** The regular files of {@code dir} matching {@code glob} whose lower-cased name {@code accept}s, in name order. */
  private static List<Path> matching(Path dir, String glob, java.util.function.Predicate<String> accept) {
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, glob)) {
      for (Path p : ds) {
        if (accept.test(p.getFileName().toString().toLowerCase(Locale.ROOT))
            && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          out.add(p);
        }
      }
    } catch (IOException | RuntimeException e) {
      // an unreadable directory declares nothing
    }
    out.sort(null);
    return out;
  }

  private String read(Path p) {
    try {
      if (Files.size(p) > maxFileSize) {
        return null;
      }
      return new String(RegularFiles.read(p), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** {@code library}'s requirement among the string literals of {@code setup.py}'s {@code install_requires=[...]}. */
  private String inSetupPy(Path p, String text, String library) {
    ParseOutcome parsed;
    try {
      parsed = parser.parse(new SourceFile(p.toString(), text));
    } catch (RuntimeException | StackOverflowError e) {
      return null;
    }
    if (!(parsed instanceof ParseOutcome.Parsed ok)) {
      return null;
    }
    String[] found = {null};
    Mod.Module m = ok.module();
    AstWalker.walk(m, n -> {
      if (found[0] != null || !(n instanceof Expr.Call c)) {
        return;
      }
      for (var k : c.keywords()) {
        if ("install_requires".equals(k.arg())) {
          List<Expr> items = k.value() instanceof Expr.ListExpr l ? l.elts()
              : k.value() instanceof Expr.Tuple t ? t.elts() : List.of();
          for (Expr e : items) {
            if (e instanceof Expr.Constant s && s.value() instanceof ConstValue.Str str && found[0] == null) {
              found[0] = Requirements.fromSpecifier(str.value(), library);
            }
          }
        }
      }
    });
    return found[0];
  }

  /** One checked file's view of its project. */
  private final class FileView implements ProjectView {
    private final Path given;
    private Path file;
    private Path dir;
    private Path root;
    /** Per library, the nearest requirement the project declares for it (empty: none), found once. */
    private final Map<String, Optional<DeclaredVersion>> declaredFor = new HashMap<>();
    /** The texts whose install commands speak for the file (its code, then its page), read once; null until asked. */
    private List<Map.Entry<Path, String>> installTexts;

    FileView(Path given) {
      this.given = given;
    }

    /** Finds the file's directory and project root on first use; false when the file has no directory. */
    private synchronized boolean located() {
      if (file == null) {
        file = given.toAbsolutePath().normalize();
        dir = file.getParent();
        root = dir == null ? null : root(dir);
      }
      return dir != null;
    }

    @Override
    public ModuleSummary module(String name, ModuleSummary from) {
      if (!located()) {
        return null;
      }
      Path importer = from == null ? file : from.file();
      if (importer == null || importer.getParent() == null || name == null) {
        return null;
      }
      int dots = 0;
      while (dots < name.length() && name.charAt(dots) == '.') {
        dots++;
      }
      String rest = name.substring(dots);
      Path found = null;
      if (dots > 0) {
        Path base = importer.getParent();
        for (int i = 1; i < dots && base != null; i++) {
          base = base.getParent();
        }
        if (base == null || !base.startsWith(root)) {
          return null;
        }
        found = moduleFile(base, rest, root);
      } else if (!rest.isEmpty()) {
        for (Path d = importer.getParent(); d != null && d.startsWith(root) && found == null; d = d.getParent()) {
          found = moduleFile(d, rest, root);
        }
        if (found == null) {
          found = moduleFile(root.resolve("src"), rest, root);
        }
      }
      if (found == null || found.equals(file)) {
        return null;
      }
      return summary(found).orElse(null);
    }

    @Override
    public DeclaredVersion transformers() {
      return transformersOption != null ? transformersOption : declared(TRANSFORMERS);
    }

    /** The nearest requirement the project declares for {@code library}, or null. */
    private synchronized DeclaredVersion declared(String library) {
      Optional<DeclaredVersion> known = declaredFor.get(library);
      if (known == null) {
        known = Optional.ofNullable(located() ? installedByFile(library) : null);
        if (known.isEmpty()) {
          known = Optional.ofNullable(located() ? ProjectIndex.this.requirement(library, dir, root) : null);
        }
        declaredFor.put(library, known);
      }
      return known.orElse(null);
    }

    /**
     * {@code library}'s requirement in the file's own install commands (a notebook's
     * {@code !pip install transformers==4.37.2} cell, a Databricks {@code # MAGIC %pip install}): the
     * release its code runs with, whatever the project declares; null when it installs none.
     */
    private DeclaredVersion installedByFile(String library) {
      for (Map.Entry<Path, String> t : installTexts()) {
        String req = Requirements.inInstallCommands(t.getValue(), library);
        if (req != null) {
          return new DeclaredVersion(Requirements.lowest(req, library), req, "an install command in " + t.getKey());
        }
      }
      return null;
    }

    /**
     * The file's own text (a notebook's code cells only: an output's "run `pip install -U transformers`"
     * installs nothing), then the page of the same name beside it (a tutorial's {@code lesson.md} with the
     * setup commands of {@code lesson.ipynb}); read once for every library asked about.
     */
    private List<Map.Entry<Path, String>> installTexts() {
      if (installTexts == null) {
        installTexts = new ArrayList<>(2);
        String text = read(file);
        if (text != null) {
          boolean notebook = file.getFileName().toString().endsWith(".ipynb");
          installTexts.add(Map.entry(file.getFileName(), notebook ? codeCells(text) : text));
        }
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Path page = dot > 0 ? file.resolveSibling(name.substring(0, dot) + ".md") : null;
        if (page != null && !page.equals(file) && Files.isRegularFile(page, LinkOption.NOFOLLOW_LINKS)) {
          String pageText = read(page);
          if (pageText != null) {
            installTexts.add(Map.entry(page.getFileName(), pageText));
          }
        }
      }
      return installTexts;
    }

    /** A notebook's code cells' sources, one after another; empty when it cannot be read as one. */
    private static String codeCells(String raw) {
      try {
        StringBuilder sb = new StringBuilder();
        for (dev.oomlint.notebook.Cell c : dev.oomlint.notebook.Notebook.parse(raw).cells()) {
          if ("code".equals(c.type())) {
            sb.append(c.source()).append('\n');
          }
        }
        return sb.toString();
      } catch (dev.oomlint.notebook.NotebookException | RuntimeException e) {
        return "";
      }
    }

    @Override
    public boolean transformersOnlyBefore(String version) {
      DeclaredVersion t = transformers();
      if (t == transformersOption && t != null) { // the option names a version, not a requirement
        return Requirements.allowsOnlyBefore(TRANSFORMERS + "==" + t.lowest(), TRANSFORMERS, version);
      }
      if (t != null && Requirements.allowsOnlyBefore(t.requirement(), TRANSFORMERS, version)) {
        return true;
      }
      // a huggingface-hub before 1.0 holds transformers below 5, which needs hub 1.x (transformers pull
      // request 42033; BachelorST pins huggingface-hub==0.16.4 and no transformers)
      if (Requirements.compare(version, "5") < 0) {
        return false;
      }
      for (String hub : HUB) {
        DeclaredVersion h = declared(hub);
        if (h != null) {
          return Requirements.allowsOnlyBefore(h.requirement(), hub, "1.0");
        }
      }
      return false;
    }

    @Override
    public boolean libraryOnlyBefore(String library, String version) {
      DeclaredVersion t = declared(library);
      return t != null && Requirements.allowsOnlyBefore(t.requirement(), library, version);
    }

    @Override
    public boolean othersMayMention(String name) {
      if (!located() || root == null) {
        return true;
      }
      ProjectWords w = words.computeIfAbsent(root, WordsOnce::new).get();
      return w == null || w.mentionedOutside(name, file);
    }

    @Override
    public boolean torchOnlyBefore(String version) {
      DeclaredVersion t = declared(TORCH);
      if (t != null) {
        return Requirements.allowsOnlyBefore(t.requirement(), TORCH, version);
      }
      // no torch line: a torchvision or torchaudio pin fixes torch too (torchvision 0.(15+m) is built for torch 2.m;
      // MONAI's SwinMM pins torchvision==0.15.2, which installs torch 2.0.1)
      String[] v = version.split("\\.");
      if (v.length < 2 || !v[0].equals("2") || !v[1].matches("\\d+")) {
        return false;
      }
      DeclaredVersion tv = declared(TORCHVISION);
      if (tv != null) {
        return Requirements.allowsOnlyBefore(tv.requirement(), TORCHVISION, "0." + (15 + Integer.parseInt(v[1])));
      }
      // torchaudio 2.m.n is built for torch 2.m.n (0.13 for 1.13): the same release numbers from 2.0 on
      // (kaggle_birdclef2024 pins torchaudio==2.2.2 and no torch)
      DeclaredVersion ta = declared(TORCHAUDIO);
      return ta != null && Requirements.allowsOnlyBefore(ta.requirement(), TORCHAUDIO, version);
    }
  }

  /** A project's word index, built once by whichever thread asks first. */
  private final class WordsOnce {
    private final Path root;
    private Optional<ProjectWords> built;

    WordsOnce(Path root) {
      this.root = root;
    }

    synchronized ProjectWords get() {
      if (built == null) {
        built = Optional.ofNullable(ProjectWords.of(root, maxFileSize));
      }
      return built.orElse(null);
    }
  }

  /** A file without a path (standard input): only the option. */
  private record OptionOnly(ProjectView.DeclaredVersion transformers) implements ProjectView {
    @Override
    public ModuleSummary module(String name, ModuleSummary from) {
      return null;
    }
  }
}
