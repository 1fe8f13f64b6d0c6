package dev.oomlint.engine;

import dev.oomlint.ast.Mod.Module;
import dev.oomlint.ast.SourceFile;
import dev.oomlint.ast.SourceRange;
import dev.oomlint.ast.Stmt;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.notebook.NotebookSource;
import dev.oomlint.parser.ParseOutcome;
import dev.oomlint.parser.PythonFrontEnd;
import dev.oomlint.rules.Rule;
import dev.oomlint.rules.RuleContext;
import dev.oomlint.rules.RuleInfo;
import dev.oomlint.rules.RuleOptions;
import dev.oomlint.semantic.HiddenGpus;
import dev.oomlint.semantic.NeverRuns;
import dev.oomlint.semantic.ProjectView;
import dev.oomlint.semantic.SemanticModel;
import dev.oomlint.semantic.UnusedDefinitions;
import dev.oomlint.source.NotebookDocument;
import dev.oomlint.source.SourceDocument;
import dev.oomlint.source.TextFacts;
import dev.oomlint.source.WordSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Lints one decoded text: parses it, runs each enabled rule with its own {@link RuleContext}, drops
 * what {@code noqa} comments silence and sorts the rest. A rule or parser that throws (even a
 * {@link StackOverflowError}) becomes the file's internal error; the other rules still report.
 * Thread-safe: one instance lints many files at once.
 */
public final class Linter {
  /** The parser used; {@link PythonFrontEnd#parse} in production, a stand-in in some tests. */
  @FunctionalInterface
  public interface Parser {
    ParseOutcome parse(SourceFile file);
  }

  /**
   * Orders diagnostics by position, then code, then message. A class rather than a chain of
   * {@code Comparator.thenComparing} calls, whose lambdas the JVM would generate at every start.
   */
  public static final Comparator<Diagnostic> ORDER = new DiagnosticOrder();

  private static final class DiagnosticOrder implements Comparator<Diagnostic> {
    @Override
    public int compare(Diagnostic a, Diagnostic b) {
      int c = Integer.compare(a.range().start(), b.range().start());
      if (c == 0) {
        c = Integer.compare(a.range().end(), b.range().end());
      }
      if (c == 0) {
        c = a.code().compareTo(b.code());
      }
      return c != 0 ? c : a.message().compareTo(b.message());
    }
  }

  /**
   * The outcome of linting one text: the module (null when it did not parse), the findings left
   * after suppression, a problem (syntax or internal error; null when none) and, for an internal
   * error, what was thrown (shown with {@code --verbose}).
   */
  public record Result(Module module, List<Diagnostic> diagnostics, FileProblem problem, Throwable cause,
      List<SkippedCell> skipped) {
    public Result(Module module, List<Diagnostic> diagnostics, FileProblem problem, Throwable cause) {
      this(module, diagnostics, problem, cause, List.of());
    }

    /** The syntax errors of the notebook cells left out of the lint, in cell order. */
    public List<FileProblem> cellErrors() {
      if (skipped.isEmpty()) {
        return List.of();
      }
      List<FileProblem> out = new ArrayList<>(skipped.size());
      for (SkippedCell c : skipped) {
        out.add(c.error());
      }
      return out;
    }
  }

  private static final Result NOTHING_TO_LINT = new Result(null, List.of(), null, null);

  private final List<Rule> rules;
  /** Each rule's code, read once (an annotation lookup); null where reading it failed. */
  private final String[] codes;
  /** Each rule's {@code mentions}, as masks of {@link #words}: one mask per entry, all to be met. */
  private final long[][] needs;
  /** Every word the rules' {@code mentions} name: what the reader looks for in a file's bytes. */
  private final WordSet words;
  private final Parser parser;
  private final RuleOptions options;

  public Linter(List<Rule> rules) {
    this(rules, PythonFrontEnd::parse);
  }

  public Linter(List<Rule> rules, Parser parser) {
    this(rules, parser, RuleOptions.NONE);
  }

  /** A linter whose rules read {@code options} (null: {@link RuleOptions#NONE}) through their contexts. */
  public Linter(List<Rule> rules, Parser parser, RuleOptions options) {
    this.options = options == null ? RuleOptions.NONE : options;
    this.rules = List.copyOf(rules);
    this.codes = new String[this.rules.size()];
    String[][] mentions = new String[codes.length][];
    List<String> all = new ArrayList<>();
    for (int i = 0; i < codes.length; i++) {
      try {
        RuleInfo info = this.rules.get(i).info();
        codes[i] = info.code();
        mentions[i] = info.mentions();
      } catch (RuntimeException e) {
        codes[i] = null; // asked again (and failing as before) when a file is linted
        mentions[i] = new String[0];
      }
      for (String entry : mentions[i]) {
        for (String w : entry.split("\\|", -1)) {
          all.add(w);
        }
      }
    }
    this.words = WordSet.of(all);
    this.needs = new long[codes.length][];
    for (int i = 0; i < codes.length; i++) {
      needs[i] = new long[mentions[i].length];
      for (int j = 0; j < mentions[i].length; j++) {
        for (String w : mentions[i][j].split("\\|", -1)) {
          needs[i][j] |= 1L << words.index(w);
        }
      }
    }
    this.parser = parser;
  }

  /** The words the enabled rules' prefilters ask about: give it to the reader ({@link SourceReader}). */
  public WordSet words() {
    return words;
  }

  public Parser parser() {
    return parser;
  }

  public List<Rule> rules() {
    return rules;
  }

  /** The options the rules read. */
  public RuleOptions options() {
    return options;
  }

  /**
   * Lints one document. A script is linted as it is. A notebook's cells are linted as one module;
   * when that module does not parse, or one of its top-level statements runs across a cell
   * boundary (an unterminated string or bracket that only the next cell closes), each cell is
   * parsed on its own, as Jupyter runs it: the cells that fail are reported with their own syntax
   * error and left out (blanked, so every other cell keeps its offsets), and the rest is linted.
   */
  public Result lint(SourceDocument document, Set<String> ignoredSelectors) {
    return lint(document, ignoredSelectors, ProjectView.NONE);
  }

  /**
   * As {@link #lint(SourceDocument, Set)}, for a file of a project: {@code project} answers the
   * semantic model's questions about the project's other files.
   */
  public Result lint(SourceDocument document, Set<String> ignoredSelectors, ProjectView project) {
    if (!document.lintable()) {
      return NOTHING_TO_LINT;
    }
    Result r = lint(document.file(), document.facts(), ignoredSelectors, project);
    if (!(document instanceof NotebookDocument notebook)) {
      return r;
    }
    boolean failed = r.problem() != null && r.problem().kind() == FileProblem.Kind.SYNTAX_ERROR;
    if (!failed && (r.module() == null || !spansCells(r.module(), notebook.cells()))) {
      return r;
    }
    return lintGoodCells(notebook, r, ignoredSelectors, project);
  }

  /** True when a top-level statement of {@code module} starts in one cell and ends in another. */
  private static boolean spansCells(Module module, List<NotebookSource.CodeCell> cells) {
    int c = 0;
    for (Stmt s : module.body()) {
      int start = s.range().start();
      while (c + 1 < cells.size() && cells.get(c + 1).start() <= start) {
        c++;
      }
      if (s.range().end() > cells.get(c).end()) {
        return true;
      }
    }
    return false;
  }

  private Result lintGoodCells(NotebookDocument notebook, Result joined, Set<String> ignoredSelectors,
      ProjectView project) {
    String text = notebook.file().text();
    List<NotebookSource.CodeCell> cells = notebook.cells();
    List<SkippedCell> skipped = new ArrayList<>();
    char[] blanked = null;
    for (int i = 0; i < cells.size(); i++) {
      NotebookSource.CodeCell cell = cells.get(i);
      SourceFile own = new SourceFile(notebook.path(), text.substring(cell.start(), cell.end()));
      ParseOutcome outcome;
      try {
        outcome = parser.parse(own);
      } catch (Throwable t) { // the joined text's own result says what the parser did
        rethrowIfFatal(t);
        continue;
      }
      if (!(outcome instanceof ParseOutcome.Failed f)) {
        continue;
      }
      if (blanked == null) {
        blanked = text.toCharArray();
      }
      for (int k = cell.start(); k < cell.end(); k++) {
        if (blanked[k] != '\n' && blanked[k] != '\r') {
          blanked[k] = ' ';
        }
      }
      int at = cell.start() + Math.max(0, Math.min(f.error().offset(), own.text().length()));
      int fullEnd = i + 1 < cells.size() ? cells.get(i + 1).start() : text.length();
      skipped.add(new SkippedCell(new SourceRange(cell.start(), cell.end()), fullEnd,
          new FileProblem(FileProblem.Kind.SYNTAX_ERROR, f.error().message(), new SourceRange(at, at))));
    }
    if (skipped.isEmpty()) {
      return joined; // no cell fails on its own: the joined text's result stands
    }
    Result rest = lint(new SourceFile(notebook.path(), new String(blanked)), null, ignoredSelectors, project);
    return new Result(rest.module(), rest.diagnostics(), rest.problem(), rest.cause(), List.copyOf(skipped));
  }

  /** Lints {@code file}, skipping the rules matched by {@code ignoredSelectors} (per-file ignores). */
  public Result lint(SourceFile file, Set<String> ignoredSelectors) {
    return lint(file, null, ignoredSelectors);
  }

  /**
   * Lints {@code file} with the facts the reader found about its text ({@code null}, or facts of
   * another text or word set: found here on first use).
   */
  public Result lint(SourceFile file, TextFacts facts, Set<String> ignoredSelectors) {
    return lint(file, facts, ignoredSelectors, ProjectView.NONE);
  }

  /** As {@link #lint(SourceFile, TextFacts, Set)}, for a file of a project (see {@link ProjectView}). */
  public Result lint(SourceFile file, TextFacts facts, Set<String> ignoredSelectors, ProjectView project) {
    if (facts == null || facts.text() != file.text() || facts.wordSet() != words) {
      facts = TextFacts.of(words, file.text());
    }
    ParseOutcome parsed;
    try {
      parsed = parser.parse(file);
    } catch (Throwable t) { // a parser bug must not take the run down
      rethrowIfFatal(t);
      return new Result(null, List.of(), internal("the parser failed on this file: " + describe(t)), t);
    }
    if (parsed instanceof ParseOutcome.Failed failed) {
      int len = file.text().length();
      int at = Math.max(0, Math.min(failed.error().offset(), len));
      return new Result(null, List.of(), new FileProblem(FileProblem.Kind.SYNTAX_ERROR,
          failed.error().message(), new SourceRange(at, at)), null);
    }
    Module module = ((ParseOutcome.Parsed) parsed).module();
    Suppressions noqa;
    try {
      noqa = Suppressions.of(module, file.lines());
    } catch (RuntimeException | StackOverflowError e) {
      return new Result(module, List.of(), internal("reading noqa comments failed: " + describe(e)), e);
    }
    if (noqa.fileSuppressed()) {
      return new Result(module, List.of(), null, null);
    }
    List<Diagnostic> out = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    Throwable firstCause = null;
    // one semantic model per file, built on first use and shared by all rules
    Supplier<SemanticModel> semantic = SemanticModel.lazy(file, module, project);
    for (int i = 0; i < rules.size(); i++) {
      Rule rule = rules.get(i);
      String code = codes[i] != null ? codes[i] : rule.info().code();
      if (isIgnored(code, ignoredSelectors) || !facts.mentionsEach(needs[i])) {
        continue; // ignored, or the file lacks a word the rule needs: it cannot report here
      }
      RuleContext ctx = new RuleContext(file, module, code, semantic, facts, options);
      try {
        rule.check(ctx);
      } catch (Throwable t) {
        rethrowIfFatal(t);
        failures.add("rule " + code + " (" + rule.info().name() + ") failed on this file: " + describe(t));
        if (firstCause == null) {
          firstCause = t;
        }
        continue;
      }
      for (Diagnostic d : ctx.diagnostics()) {
        if (!noqa.suppressed(d) && !isIgnored(d.code(), ignoredSelectors)) {
          out.add(d);
        }
      }
    }
    if (!out.isEmpty() && HiddenGpus.in(module, file.text())) {
      out.clear(); // the file hides every GPU from its process: no GPU memory is at stake
    }
    if (!out.isEmpty()) {
      NeverRuns dead = NeverRuns.of(module);
      if (!dead.isEmpty()) {
        out.removeIf(d -> dead.contains(d.range())); // code that never runs costs no memory
      }
    }
    if (!out.isEmpty()) {
      List<SourceRange> unused = UnusedDefinitions.of(module, file.text(), file.path(), project,
          out.stream().map(Diagnostic::range).toList());
      if (!unused.isEmpty()) { // nothing in the project uses these definitions: their code never runs
        out.removeIf(d -> unused.stream().anyMatch(r -> r.contains(d.range())));
      }
    }
    out.sort(ORDER);
    FileProblem problem = null;
    if (!failures.isEmpty()) {
      String msg = failures.get(0)
          + (failures.size() > 1 ? " (and " + (failures.size() - 1) + " more rule failures)" : "");
      problem = internal(msg);
    }
    return new Result(module, List.copyOf(out), problem, firstCause);
  }

  private static boolean isIgnored(String code, Set<String> selectors) {
    for (String s : selectors) {
      if (RuleSelection.matches(s, code)) {
        return true;
      }
    }
    return false;
  }

  static FileProblem internal(String message) {
    return FileProblem.internal(message);
  }

  static String describe(Throwable t) {
    String m = t.getMessage();
    String kind = t.getClass().getSimpleName();
    if (m == null || m.isBlank()) {
      return kind;
    }
    m = m.strip();
    int nl = m.indexOf('\n');
    if (nl >= 0) {
      m = m.substring(0, nl);
    }
    if (m.length() > 200) {
      m = m.substring(0, 200) + "...";
    }
    return kind + ": " + m;
  }

  /** Errors the JVM cannot recover from are not a file's problem. */
  private static void rethrowIfFatal(Throwable t) {
    if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError)
        && !(t instanceof OutOfMemoryError)) {
      throw (VirtualMachineError) t;
    }
  }
}
