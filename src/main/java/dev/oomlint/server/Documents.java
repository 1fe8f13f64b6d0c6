package dev.oomlint.server;

import dev.oomlint.engine.Engine;
import dev.oomlint.engine.FileProblem;
import dev.oomlint.engine.FileResult;
import dev.oomlint.engine.Linter;
import dev.oomlint.rules.Rule;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * The open text documents and what the engine found in each. Every change schedules a check on the
 * server's single worker thread (so checks run in order, off the protocol thread); a check whose
 * document changed again before it started is skipped, since a newer one is queued. Code actions
 * run on the same worker, after the checks queued before them, so they always see the latest text.
 */
final class Documents implements TextDocumentService {
  /** One open document: its latest text and version, and the analysis of the text last checked. */
  static final class Doc {
    final String uri;
    final String languageId;
    volatile Snapshot latest;
    volatile Analysis analysis;

    Doc(String uri, String languageId, Snapshot latest) {
      this.uri = uri;
      this.languageId = languageId;
      this.latest = latest;
    }
  }

  /** A document's text at one version. */
  record Snapshot(String text, int version) {}

  private final List<Rule> rules;
  private final Map<String, Rule> byCode;
  private final Linter.Parser parser;
  private final ExecutorService worker;
  private final BiConsumer<MessageType, String> log;
  private final Map<String, Doc> docs = new ConcurrentHashMap<>();
  private final Map<Path, String> reportedConfigProblems = new ConcurrentHashMap<>();
  private volatile LanguageClient client;
  private volatile Path root;
  private volatile NotebookDocuments notebooks;

  Documents(List<Rule> rules, Map<String, Rule> byCode, Linter.Parser parser, ExecutorService worker,
      BiConsumer<MessageType, String> log) {
    this.rules = rules;
    this.byCode = byCode;
    this.parser = parser;
    this.worker = worker;
    this.log = log;
  }

  void connect(LanguageClient client) {
    this.client = client;
  }

  /** The workspace folder: where documents that are not files look for their configuration. */
  void configure(Path root) {
    this.root = root;
  }

  void notebooks(NotebookDocuments notebooks) {
    this.notebooks = notebooks;
  }

  List<Rule> rules() {
    return rules;
  }

  Map<String, Rule> byCode() {
    return byCode;
  }

  Linter.Parser parser() {
    return parser;
  }

  // ------------------------------------------------------------------ synchronisation

  @Override
  public void didOpen(DidOpenTextDocumentParams params) {
    var item = params.getTextDocument();
    if (!lintable(item.getUri(), item.getLanguageId())) {
      return;
    }
    docs.put(item.getUri(), new Doc(item.getUri(), item.getLanguageId(),
        new Snapshot(item.getText(), item.getVersion())));
    schedule(item.getUri());
  }

  @Override
  public void didChange(DidChangeTextDocumentParams params) {
    String uri = params.getTextDocument().getUri();
    Doc doc = docs.get(uri);
    if (doc == null) {
      return;
    }
    String text = doc.latest.text();
    for (TextDocumentContentChangeEvent change : params.getContentChanges()) {
      text = applyChange(text, change);
    }
    Integer version = params.getTextDocument().getVersion();
    doc.latest = new Snapshot(text, version == null ? doc.latest.version() + 1 : version);
    schedule(uri);
  }

  @Override
  public void didSave(DidSaveTextDocumentParams params) {
    Doc doc = docs.get(params.getTextDocument().getUri());
    if (doc == null) {
      return;
    }
    if (params.getText() != null && !params.getText().equals(doc.latest.text())) {
      doc.latest = new Snapshot(params.getText(), doc.latest.version());
    }
    doc.analysis = null; // the configuration may have changed with the save: check again
    schedule(doc.uri);
  }

  @Override
  public void didClose(DidCloseTextDocumentParams params) {
    String uri = params.getTextDocument().getUri();
    if (docs.remove(uri) != null) {
      submit(() -> publish(uri, List.of(), null));
    }
  }

  /** Checks every open document again (the configuration files changed). */
  void recheckAll() {
    for (Doc d : docs.values()) {
      d.analysis = null;
      schedule(d.uri);
    }
    NotebookDocuments nb = notebooks;
    if (nb != null) {
      nb.recheckAll();
    }
  }

  /**
   * The text after one change: a change without a range replaces everything; a ranged change
   * (incremental sync) replaces that range, whose positions count UTF-16 code units like Java's
   * strings. A position past a line's end means the end of that line, a line past the last the end
   * of the text; changes of one notification apply one after the other.
   */
  static String applyChange(String text, TextDocumentContentChangeEvent change) {
    if (change.getRange() == null) {
      return change.getText();
    }
    var lines = new dev.oomlint.ast.LineIndex(text);
    int start = Positions.offset(lines, change.getRange().getStart());
    int end = Math.max(start, Positions.offset(lines, change.getRange().getEnd()));
    return text.substring(0, start) + change.getText() + text.substring(end);
  }

  /** True for the documents the server checks: Python sources and notebooks opened as files. */
  static boolean lintable(String uri, String languageId) {
    String path = uri.toLowerCase(java.util.Locale.ROOT);
    int q = path.indexOf('?');
    if (q >= 0) {
      path = path.substring(0, q);
    }
    return "python".equals(languageId) || path.endsWith(".py") || path.endsWith(".pyi")
        || path.endsWith(".ipynb");
  }

  // ------------------------------------------------------------------ checking

  private void schedule(String uri) {
    submit(() -> checkLatest(uri));
  }

  /** Runs {@code task} on the worker; a failure becomes a log message, never an exception. */
  void submit(Runnable task) {
    try {
      worker.execute(() -> {
        try {
          task.run();
        } catch (Throwable t) {
          if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError)
              && !(t instanceof OutOfMemoryError)) {
            throw t;
          }
          log.accept(MessageType.Error, "oomlint: " + FileProblem.internalErrorMessage("in the language server",
              String.valueOf(t)));
        }
      });
    } catch (RejectedExecutionException e) {
      // shutting down: nothing more to check
    }
  }

  private void checkLatest(String uri) {
    Doc doc = docs.get(uri);
    if (doc == null) {
      return;
    }
    Snapshot s = doc.latest;
    Analysis a = analysisOf(doc, s);
    if (docs.get(uri) != doc || doc.latest != s) {
      return; // changed or closed meanwhile: the newer check publishes
    }
    publish(uri, a.diagnostics(byCode), s.version());
  }

  /** The analysis of {@code s}: the cached one when it was made for this very text. */
  Analysis analysisOf(Doc doc, Snapshot s) {
    Analysis a = doc.analysis;
    if (a != null && a.text().equals(s.text())) {
      return a;
    }
    a = analyze(pathOf(doc.uri, doc.languageId), s.text());
    if (doc.latest == s) {
      doc.analysis = a;
    }
    return a;
  }

  /** Checks {@code text} as the file at {@code abs}, with the configuration that applies to it. */
  Analysis analyze(Path abs, String text) {
    ProjectConfig config = ProjectConfig.forDocument(abs, rules);
    reportConfigProblem(config);
    if (config.excludes(abs)) {
      return new Analysis(text, abs, config, new FileResult(config.displayPath(abs), null, List.of(), null));
    }
    Engine.FileOutcome o = config.engine(parser, false).checkText(text, config.displayPath(abs), abs);
    Analysis a = new Analysis(text, abs, config, o.result());
    String internal = a.internalError();
    if (internal != null) {
      log.accept(MessageType.Error, "oomlint: " + config.displayPath(abs) + ": " + internal);
    }
    return a;
  }

  /** {@code text} after every fix {@code --fix} would apply with this configuration, or null when none applies. */
  String fixAll(Analysis a) {
    if (a.config().excludes(a.path())) {
      return null;
    }
    Engine.FileOutcome o = a.config().engine(parser, true)
        .checkText(a.text(), a.config().displayPath(a.path()), a.path());
    return o.fixedText() == null || o.fixedText().equals(a.text()) ? null : o.fixedText();
  }

  private void reportConfigProblem(ProjectConfig config) {
    Path key = config.settings().projectRoot();
    String problem = config.problem();
    if (problem == null) {
      reportedConfigProblems.remove(key);
      return;
    }
    if (!problem.equals(reportedConfigProblems.put(key, problem))) {
      String msg = "oomlint: configuration error, using the defaults: " + problem;
      log.accept(MessageType.Warning, msg);
      LanguageClient c = client;
      if (c != null) {
        c.showMessage(new org.eclipse.lsp4j.MessageParams(MessageType.Warning, msg));
      }
    }
  }

  void publish(String uri, List<org.eclipse.lsp4j.Diagnostic> diagnostics, Integer version) {
    LanguageClient c = client;
    if (c != null) {
      PublishDiagnosticsParams p = new PublishDiagnosticsParams(uri, diagnostics);
      p.setVersion(version);
      c.publishDiagnostics(p);
    }
  }

  /**
   * The file a document stands for: its path for a {@code file:} URI, else a file of that name in
   * the workspace folder (so an unsaved buffer still gets the project's configuration).
   */
  Path pathOf(String uri, String languageId) {
    try {
      URI u = URI.create(uri);
      if ("file".equalsIgnoreCase(u.getScheme())) {
        return Path.of(u).toAbsolutePath().normalize();
      }
      String name = u.getSchemeSpecificPart();
      name = name == null ? "untitled" : name.replaceAll(".*[/\\\\:]", "");
      if (name.isEmpty()) {
        name = "untitled";
      }
      if (!name.endsWith(".py") && !name.endsWith(".pyi") && !name.endsWith(".ipynb")) {
        name = name + ".py";
      }
      return base().resolve(name).normalize();
    } catch (RuntimeException e) {
      return base().resolve("untitled.py");
    }
  }

  Path base() {
    Path r = root;
    return r != null ? r : Path.of("").toAbsolutePath();
  }

  // ------------------------------------------------------------------ code actions

  @Override
  public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
    CompletableFuture<List<Either<Command, CodeAction>>> result = new CompletableFuture<>();
    submit(() -> {
      try {
        result.complete(actions(params));
      } finally {
        result.complete(List.of());
      }
    });
    if (worker.isShutdown()) {
      result.complete(List.of());
    }
    return result;
  }

  private List<Either<Command, CodeAction>> actions(CodeActionParams params) {
    String uri = params.getTextDocument().getUri();
    Doc doc = docs.get(uri);
    if (doc == null) {
      NotebookDocuments nb = notebooks;
      return nb == null ? List.of() : nb.actions(params); // a notebook cell, or nothing open
    }
    Analysis a = analysisOf(doc, doc.latest);
    return new CodeActions(a, byCode, parser, uri).actions(params);
  }
}
