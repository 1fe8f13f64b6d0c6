package dev.oomlint.server;

import dev.oomlint.cli.Version;
import dev.oomlint.engine.Engine;
import dev.oomlint.engine.Linter;
import dev.oomlint.rules.Rule;
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
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * {@code oomlint server}: a language server that shows oomlint's findings live in an editor.
 * Full-text document sync; diagnostics on open, change and save; code actions for each finding's fix,
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

  private final Documents documents;
  private final Workspace workspace;
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
    this.workspace = new Workspace(documents);
  }

  @Override
  public void connect(LanguageClient client) {
    this.client = client;
    documents.connect(client);
  }

  @Override
  public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
    ServerCapabilities caps = new ServerCapabilities();
    TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
    sync.setOpenClose(true);
    sync.setChange(TextDocumentSyncKind.Full);
    sync.setSave(new SaveOptions(true));
    caps.setTextDocumentSync(sync);
    CodeActionOptions actions = new CodeActionOptions(List.of(CodeActionKind.QuickFix, FIX_ALL));
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

  private void log(MessageType type, String message) {
    LanguageClient c = client;
    if (c != null) {
      c.logMessage(new MessageParams(type, message));
    }
  }
}
