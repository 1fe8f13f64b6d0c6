package dev.oomlint.server;

import dev.oomlint.Version;
import dev.oomlint.engine.Engine;
import dev.oomlint.engine.Linter;
import dev.oomlint.rules.Rule;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.NotebookDocumentSyncRegistrationOptions;
import org.eclipse.lsp4j.NotebookSelector;
import org.eclipse.lsp4j.NotebookSelectorCell;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.NotebookDocumentService;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * {@code oomlint server}: a language server that shows oomlint's findings live in an editor.
 * Incremental document sync; diagnostics on open, change and save; code actions for each finding's fix,
 * for silencing it with {@code # noqa: CODE}, and {@code source.fixAll.oomlint}. Every finding comes
 * from the same {@link Engine} the command line runs, with the same configuration. Linting runs on
 * one worker thread with a large stack, never on the protocol's thread; a failure there becomes a
 * log message to the client.
 */
public final class OomlintLanguageServer implements LanguageServer, LanguageClientAware {
  /** The diagnostics' {@code source}. */
  public static final String SOURCE = "oomlint";
  /** The code-action kind of "fix everything that {@code --fix} fixes". */
  public static final String FIX_ALL = "source.fixAll.oomlint";
  /** The same for a whole notebook (VS Code's {@code notebook.source.fixAll} on save). */
  public static final String NOTEBOOK_FIX_ALL = "notebook.source.fixAll.oomlint";

  private final Documents documents;
  private final Workspace workspace;
  private final NotebookDocuments notebooks;
  private final ExecutorService worker;
  private final CompletableFuture<Integer> exit = new CompletableFuture<>();
  private volatile boolean shutdown;
  private volatile LanguageClient client;

  /** A server checking with {@code rules} (all of them; the configuration selects) and {@code parser}. */
  public OomlintLanguageServer(List<Rule> rules, Linter.Parser parser) {
    Map<String, Rule> byCode = new LinkedHashMap<>();
    for (Rule r : rules) {
      byCode.put(r.info().code(), r);
    }
    this.worker = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(null, r, "oomlint-lsp-worker", Engine.WORKER_STACK_BYTES);
      t.setDaemon(true);
      return t;
    });
    this.documents = new Documents(List.copyOf(rules), Map.copyOf(byCode), parser, worker, this::log);
    this.notebooks = new NotebookDocuments(documents);
    documents.notebooks(notebooks);
    this.workspace = new Workspace(documents);
  }

  @Override
  public void connect(LanguageClient client) {
    this.client = client;
    documents.connect(client);
  }

  @Override
  public NotebookDocumentService getNotebookDocumentService() {
    return notebooks;
  }

  @Override
  public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
    documents.configure(rootOf(params));
    ServerCapabilities caps = new ServerCapabilities();
    TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
    sync.setOpenClose(true);
    sync.setChange(TextDocumentSyncKind.Incremental); // ranged edits, UTF-16 positions
    sync.setSave(new SaveOptions(true));
    caps.setTextDocumentSync(sync);
    // notebooks: cells arrive through notebook sync, so that the whole notebook is linted as one module
    NotebookSelector cells = new NotebookSelector();
    cells.setNotebook(Either.forLeft("jupyter-notebook"));
    cells.setCells(List.of(new NotebookSelectorCell("python")));
    caps.setNotebookDocumentSync(new NotebookDocumentSyncRegistrationOptions(List.of(cells), true));
    CodeActionOptions actions = new CodeActionOptions(List.of(CodeActionKind.QuickFix, FIX_ALL, NOTEBOOK_FIX_ALL));
    actions.setResolveProvider(false);
    caps.setCodeActionProvider(actions);
    return CompletableFuture.completedFuture(new InitializeResult(caps, new ServerInfo(SOURCE, Version.get())));
  }

  @Override
  public CompletableFuture<Object> shutdown() {
    shutdown = true;
    worker.shutdown();
    return CompletableFuture.supplyAsync(() -> {
      try {
        worker.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return null;
    });
  }

  @Override
  public void exit() {
    worker.shutdownNow();
    exit.complete(shutdown ? 0 : 1);
  }

  /** Completes with the process exit code once the client sent {@code exit} (0 after {@code shutdown}). */
  public CompletableFuture<Integer> exitCode() {
    return exit;
  }

  /** True once {@code shutdown} was received. */
  boolean isShutdown() {
    return shutdown;
  }

  @Override
  public TextDocumentService getTextDocumentService() {
    return documents;
  }

  @Override
  public WorkspaceService getWorkspaceService() {
    return workspace;
  }

  /** The first workspace folder (or the root URI): where unsaved documents find their configuration. */
  private static Path rootOf(InitializeParams params) {
    List<String> candidates = new ArrayList<>();
    if (params.getWorkspaceFolders() != null) {
      params.getWorkspaceFolders().forEach(f -> candidates.add(f.getUri()));
    }
    @SuppressWarnings("deprecation")
    String rootUri = params.getRootUri();
    candidates.add(rootUri);
    for (String uri : candidates) {
      if (uri == null) {
        continue;
      }
      try {
        URI u = URI.create(uri);
        if ("file".equalsIgnoreCase(u.getScheme())) {
          return Path.of(u).toAbsolutePath().normalize();
        }
      } catch (RuntimeException e) {
        // not a usable folder: try the next
      }
    }
    return null;
  }

  private void log(MessageType type, String message) {
    LanguageClient c = client;
    if (c != null) {
      c.logMessage(new MessageParams(type, message));
    }
  }
}
