package dev.oomlint.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomlint.cli.Io;
import dev.oomlint.cli.Main;
import dev.oomlint.parser.PythonFrontEnd;
import dev.oomlint.report.ToolInfo;
import dev.oomlint.rules.checks.RuleRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeNotebookDocumentParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseNotebookDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenNotebookDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.NotebookCell;
import org.eclipse.lsp4j.NotebookCellArrayChange;
import org.eclipse.lsp4j.NotebookCellKind;
import org.eclipse.lsp4j.NotebookDocument;
import org.eclipse.lsp4j.NotebookDocumentChangeEvent;
import org.eclipse.lsp4j.NotebookDocumentChangeEventCellStructure;
import org.eclipse.lsp4j.NotebookDocumentChangeEventCellTextContent;
import org.eclipse.lsp4j.NotebookDocumentChangeEventCells;
import org.eclipse.lsp4j.NotebookDocumentIdentifier;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedNotebookDocumentIdentifier;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives {@code oomlint server} in-process, as an editor would, through LSP4J's launchers over
 * piped streams: the real protocol (JSON-RPC frames), the real rules, the real engine.
 */
class LanguageServerSessionTest {
  private static final long WAIT_S = 30;
  private static final Path EXAMPLE = Path.of("testdata/examples/train.py");

  @TempDir Path dir;

  private final BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
  private final BlockingQueue<MessageParams> logs = new LinkedBlockingQueue<>();
  private LanguageServer server;
  private CompletableFuture<Integer> serverExit;
  private OutputStream toServer;

  /** The editor side: records what the server publishes and logs. */
  private final class Client implements LanguageClient {
    @Override
    public void telemetryEvent(Object object) {}

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
      published.add(diagnostics);
    }

    @Override
    public void showMessage(MessageParams messageParams) {
      logs.add(messageParams);
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams message) {
      logs.add(message);
    }
  }

  @BeforeEach
  void start() throws Exception {
    // the tests' documents live under dir: the opt-in rules they exercise (OOM101) are selected there
    Files.writeString(dir.resolve("pyproject.toml"), "[tool.oomlint]\nextend-select = [\"ALL\"]\n");
    PipedInputStream serverIn = new PipedInputStream(1 << 16);
    toServer = new OneWriter(new PipedOutputStream(serverIn));
    PipedInputStream clientIn = new PipedInputStream(1 << 16);
    OutputStream fromServer = new OneWriter(new PipedOutputStream(clientIn));
    // a parser that fails on demand: a crash while linting must become a log message, never kill the server
    dev.oomlint.engine.Linter.Parser parser = f -> {
      if (f.text().contains("CRASH_THE_PARSER")) {
        throw new IllegalStateException("parser exploded");
      }
      return PythonFrontEnd.parse(f);
    };
    serverExit = CompletableFuture.supplyAsync(() -> {
      try {
        return StdioServer.run(serverIn, fromServer, RuleRegistry.all(), parser);
      } finally {
        try {
          fromServer.close();
        } catch (IOException e) {
          // ignore
        }
      }
    });
    Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(new Client(), clientIn, toServer);
    launcher.startListening();
    server = launcher.getRemoteProxy();
    InitializeParams init = new InitializeParams();
    init.setCapabilities(new ClientCapabilities());
    init.setProcessId((int) ProcessHandle.current().pid());
    InitializeResult result = server.initialize(init).get(WAIT_S, TimeUnit.SECONDS);
    assertNotNull(result.getCapabilities().getCodeActionProvider());
    assertEquals("oomlint", result.getServerInfo().getName());
    server.initialized(new InitializedParams());
  }

  @AfterEach
  void stop() throws Exception {
    if (!serverExit.isDone()) {
      server.shutdown().get(WAIT_S, TimeUnit.SECONDS);
      server.exit();
      assertEquals(0, serverExit.get(WAIT_S, TimeUnit.SECONDS), "exit after shutdown is exit code 0");
    }
    toServer.close();
  }

  @Test
  void quickFixClearsTheDiagnostic() throws Exception {
    Path file = dir.resolve("train.py");
    String text = Files.readString(EXAMPLE);
    Files.writeString(file, text);
    String uri = file.toUri().toString();
    open(uri, text);

    List<Diagnostic> diags = diagnostics(uri, d -> true);
    Diagnostic leak = find(diags, "OOM101");
    assertEquals(28, leak.getRange().getStart().getLine(), "line 29 of the file, 0-based");
    assertEquals(8, leak.getRange().getStart().getCharacter());
    assertEquals("oomlint", leak.getSource());
    assertEquals(ToolInfo.current().ruleUrl("OOM101"), leak.getCodeDescription().getHref());
    assertEquals(DiagnosticSeverity.Warning, leak.getSeverity());
    assertFalse(leak.getMessage().isBlank());

    List<CodeAction> actions = codeActions(uri, leak.getRange(), List.of(leak), null);
    CodeAction fix = actions.stream()
        .filter(a -> "quickfix".equals(a.getKind()) && !a.getTitle().startsWith("Suppress")
            && a.getDiagnostics().stream().anyMatch(d -> codeOf(d).equals("OOM101")))
        .findFirst().orElseThrow(() -> new AssertionError("no quick fix for OOM101 in " + actions));
    String fixed = apply(text, fix.getEdit().getChanges().get(uri));
    assertTrue(fixed.contains("history.append(loss.detach())"), fixed);

    change(uri, 2, fixed);
    List<Diagnostic> after = diagnostics(uri, d -> true);
    assertTrue(after.stream().noneMatch(d -> codeOf(d).equals("OOM101")), "OOM101 cleared: " + after);
    assertTrue(after.stream().anyMatch(d -> codeOf(d).equals("OOM102")), "the other findings stay: " + after);
  }

  @Test
  void incrementalEditsAreAppliedWhereTheClientSays() throws Exception {
    InitializeParams init = new InitializeParams();
    init.setCapabilities(new ClientCapabilities());
    var sync = server.initialize(init).get(WAIT_S, TimeUnit.SECONDS).getCapabilities().getTextDocumentSync();
    assertEquals(org.eclipse.lsp4j.TextDocumentSyncKind.Incremental, sync.getRight().getChange());

    // an astral character before the leak on the same line: UTF-16 positions, not bytes or code points
    String text = Files.readString(EXAMPLE).replace("        history.append(loss)",
        "        s = \"\uD83D\uDE00\"; history.append(loss)");
    String uri = dir.resolve("train.py").toUri().toString();
    open(uri, text);
    Diagnostic leak = find(diagnostics(uri, d -> true), "OOM101");
    int line = leak.getRange().getStart().getLine();
    String lineText = text.lines().toList().get(line);
    int call = lineText.indexOf("history.append(loss)");
    assertEquals(call, leak.getRange().getStart().getCharacter(), lineText);
    int arg = call + "history.append(".length();

    // two ranged edits in one notification: rename the variable, then detach the argument
    // (the second range counts the text after the first edit: 4 characters longer)
    TextDocumentContentChangeEvent rename = new TextDocumentContentChangeEvent(
        new Range(new org.eclipse.lsp4j.Position(line, 8), new org.eclipse.lsp4j.Position(line, 9)), "smile");
    TextDocumentContentChangeEvent detach = new TextDocumentContentChangeEvent(
        new Range(new org.eclipse.lsp4j.Position(line, arg + 4), new org.eclipse.lsp4j.Position(line, arg + 8)),
        "loss.detach()");
    server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
        new VersionedTextDocumentIdentifier(uri, 2), List.of(rename, detach)));
    List<Diagnostic> after = diagnostics(uri, d -> true);
    assertTrue(after.stream().noneMatch(d -> codeOf(d).equals("OOM101")), "OOM101 cleared: " + after);
    assertTrue(after.stream().noneMatch(d -> d.getMessage().contains("SyntaxError") || codeOf(d).isEmpty()),
        "the edit landed where intended (no syntax error): " + after);

    // the server's text is what an editor applying the same edits has: the fix-all edit is computed on it
    String expected = text.replace("s = \"\uD83D\uDE00\"; history.append(loss)",
        "smile = \"\uD83D\uDE00\"; history.append(loss.detach())");
    List<CodeAction> fixAll = codeActions(uri, new Range(new org.eclipse.lsp4j.Position(0, 0),
        new org.eclipse.lsp4j.Position(0, 0)), List.of(), List.of(OomlintLanguageServer.FIX_ALL));
    assertEquals(1, fixAll.size(), fixAll.toString());
    String fixed = apply(expected, fixAll.get(0).getEdit().getChanges().get(uri));
    assertTrue(fixed.contains("smile = \"\uD83D\uDE00\"; history.append(loss.detach())"), fixed);
  }

  @Test
  void noqaActionSilencesTheFinding() throws Exception {
    Path file = dir.resolve("train.py");
    String text = Files.readString(EXAMPLE);
    String uri = file.toUri().toString();
    open(uri, text);
    Diagnostic acc = find(diagnostics(uri, d -> true), "OOM102");
    int line = acc.getRange().getStart().getLine();

    CodeAction noqa = codeActions(uri, acc.getRange(), List.of(acc), List.of("quickfix")).stream()
        .filter(a -> a.getTitle().equals("Suppress OOM102 with # noqa"))
        .findFirst().orElseThrow();
    String silenced = apply(text, noqa.getEdit().getChanges().get(uri));
    String lineText = silenced.lines().toList().get(line);
    assertTrue(lineText.endsWith("  # noqa: OOM102"), lineText);

    change(uri, 2, silenced);
    List<Diagnostic> after = diagnostics(uri, d -> true);
    assertTrue(after.stream().noneMatch(d -> codeOf(d).equals("OOM102") && d.getRange().getStart().getLine() == line),
        "silenced: " + after);
    assertTrue(after.stream().anyMatch(d -> codeOf(d).equals("OOM101")), "others stay: " + after);
  }

  @Test
  void fixAllAppliesWhatTheCliFixes() throws Exception {
    String text = Files.readString(EXAMPLE);
    Path file = dir.resolve("train.py");
    Files.writeString(file, text);
    String uri = file.toUri().toString();
    open(uri, text);
    List<Diagnostic> before = diagnostics(uri, d -> true);

    List<CodeAction> actions = codeActions(uri, new Range(new org.eclipse.lsp4j.Position(0, 0),
        new org.eclipse.lsp4j.Position(0, 0)), List.of(), List.of("source.fixAll"));
    assertEquals(1, actions.size(), "only the fix-all action answers 'source.fixAll': " + actions);
    assertEquals(OomlintLanguageServer.FIX_ALL, actions.get(0).getKind());
    String fixed = apply(text, actions.get(0).getEdit().getChanges().get(uri));

    // the command line's --fix on the same file gives the same text
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Io io = new Io(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), dir, Map.of(), false);
    Main.run(new String[] {"check", "--fix", file.toString()}, io);
    assertEquals(Files.readString(file), fixed);
    assertFalse(fixed.equals(text));

    change(uri, 2, fixed);
    List<Diagnostic> after = diagnostics(uri, d -> true);
    assertTrue(after.size() < before.size(), before + " -> " + after);
    assertTrue(codeActions(uri, new Range(new org.eclipse.lsp4j.Position(0, 0), new org.eclipse.lsp4j.Position(0, 0)),
        List.of(), List.of(OomlintLanguageServer.FIX_ALL)).isEmpty(), "nothing left to fix");
  }

  @Test
  void theGpuBudgetOfThePyprojectReachesOom404AndItsFix() throws Exception {
    Path project = dir.resolve("gpuproj");
    Files.createDirectories(project);
    Files.writeString(project.resolve("pyproject.toml"), "[tool.oomlint]\ngpu = \"rtx4090\"\n");
    String text = "import torch\nfrom transformers import AutoModelForCausalLM\n\n"
        + "model = AutoModelForCausalLM.from_pretrained(\"meta-llama/Llama-2-7b-hf\", device_map=\"cuda\")\n";
    String uri = project.resolve("infer.py").toUri().toString();
    open(uri, text);
    Diagnostic over = find(diagnostics(uri, d -> true), "OOM404");
    assertEquals(3, over.getRange().getStart().getLine(), "at the load call");
    assertEquals(8, over.getRange().getStart().getCharacter());
    assertTrue(over.getMessage().contains("over the budget of 24.00 GiB (gpu = \"rtx4090\" in pyproject.toml)"),
        over.getMessage());
    assertEquals(ToolInfo.current().ruleUrl("OOM404"), over.getCodeDescription().getHref());

    CodeAction fix = codeActions(uri, over.getRange(), List.of(over), null).stream()
        .filter(a -> "quickfix".equals(a.getKind()) && !a.getTitle().startsWith("Suppress")
            && a.getDiagnostics().stream().anyMatch(d -> codeOf(d).equals("OOM404")))
        .findFirst().orElseThrow(() -> new AssertionError("no quick fix for OOM404"));
    assertEquals("Add `torch_dtype=torch.bfloat16` (unsafe fix)", fix.getTitle());
    String fixed = apply(text, fix.getEdit().getChanges().get(uri));
    assertTrue(fixed.contains("device_map=\"cuda\", torch_dtype=torch.bfloat16)"), fixed);
    change(uri, 2, fixed);
    assertTrue(diagnostics(uri, d -> codeOf(d).equals("OOM404")).isEmpty(), "bfloat16 fits");

    // the same text in a project without a budget: silent
    Path other = dir.resolve("nobudget");
    Files.createDirectories(other);
    String otherUri = other.resolve("infer.py").toUri().toString();
    open(otherUri, text);
    assertTrue(diagnostics(otherUri, d -> codeOf(d).equals("OOM404")).isEmpty());
  }

  @Test
  void readsTheNearestPyprojectAndSurvivesCrashesAndNotebooks() throws Exception {
    Path project = dir.resolve("proj");
    Files.createDirectories(project.resolve("pkg"));
    Files.writeString(project.resolve("pyproject.toml"),
        "[tool.oomlint]\nextend-select = [\"OOM101\"]\nignore = [\"OOM102\"]\n");
    String text = Files.readString(EXAMPLE);
    String uri = project.resolve("pkg/train.py").toUri().toString();
    open(uri, text);
    List<Diagnostic> diags = diagnostics(uri, d -> true);
    assertTrue(diags.stream().anyMatch(d -> codeOf(d).equals("OOM101")), diags.toString());
    assertTrue(diags.stream().noneMatch(d -> codeOf(d).equals("OOM102")), "ignored by pyproject.toml: " + diags);

    // a parser crash: logged, and the server keeps answering
    String crashUri = dir.resolve("crash.py").toUri().toString();
    open(crashUri, "x = 1  # CRASH_THE_PARSER\n");
    diagnostics(crashUri, d -> true);
    MessageParams log = logs.poll(WAIT_S, TimeUnit.SECONDS);
    assertNotNull(log, "the crash is logged");
    assertTrue(log.getMessage().contains("parser exploded"), log.getMessage());

    // a notebook opened as a file: positions in its raw JSON
    String nb = Files.readString(Path.of("testdata/notebooks/leak_across_cells.ipynb"));
    String nbUri = dir.resolve("leak.ipynb").toUri().toString();
    open(nbUri, nb);
    Diagnostic acc = find(diagnostics(nbUri, d -> true), "OOM102");
    String rawLine = nb.lines().toList().get(acc.getRange().getStart().getLine());
    assertTrue(rawLine.contains("total_loss += loss"), rawLine);

    // a broken notebook is one error diagnostic, not a crash
    String brokenUri = dir.resolve("broken.ipynb").toUri().toString();
    open(brokenUri, "{ not json");
    List<Diagnostic> broken = diagnostics(brokenUri, d -> true);
    assertEquals(1, broken.size(), broken.toString());
    assertEquals(DiagnosticSeverity.Error, broken.get(0).getSeverity());

    // closing clears; the server is still alive for the first document
    server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(brokenUri)));
    assertTrue(diagnostics(brokenUri, d -> true).isEmpty());
    assertFalse(codeActions(uri, find(diags, "OOM101").getRange(), List.of(), null).isEmpty());
  }

  @Test
  void notebookCellsAreOneModuleAndGetTheirOwnDiagnostics() throws Exception {
    String nbUri = dir.resolve("leak.ipynb").toUri().toString();
    List<String> sources = List.of(
        "# Training\n\nImports first, the loop later.",
        "import torch\nimport torch.nn as nn\nimport torch.nn.functional as F",
        "model = nn.Linear(10, 2).cuda()\noptimizer = torch.optim.SGD(model.parameters(), lr=0.1)\n"
            + "loader = [(torch.randn(8, 10), torch.randint(0, 2, (8,))) for _ in range(100)]",
        "%matplotlib inline\ntotal_loss = 0.0\nfor epoch in range(3):\n    for x, y in loader:\n"
            + "        optimizer.zero_grad()\n        out = model(x.cuda())\n"
            + "        loss = F.cross_entropy(out, y.cuda())\n        loss.backward()\n        optimizer.step()\n"
            + "        total_loss += loss  # \u00e9\u00e9\n"
            + "print(total_loss / len(loader))");
    List<NotebookCell> cells = new ArrayList<>();
    List<TextDocumentItem> items = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      String cellUri = "vscode-notebook-cell:" + dir.resolve("leak.ipynb") + "#cell" + i;
      boolean code = i > 0;
      cells.add(new NotebookCell(code ? NotebookCellKind.Code : NotebookCellKind.Markup, cellUri));
      items.add(new TextDocumentItem(cellUri, code ? "python" : "markdown", 1, sources.get(i)));
    }
    server.getNotebookDocumentService().didOpen(new DidOpenNotebookDocumentParams(
        new NotebookDocument(nbUri, "jupyter-notebook", 1, cells), items));
    String loopCell = cells.get(3).getDocument();
    Map<String, List<Diagnostic>> got = new java.util.HashMap<>();
    while (!got.containsKey(loopCell) || !got.containsKey(cells.get(1).getDocument())) {
      PublishDiagnosticsParams p = published.poll(WAIT_S, TimeUnit.SECONDS);
      assertNotNull(p, "diagnostics for every code cell: " + got.keySet());
      got.put(p.getUri(), p.getDiagnostics());
    }
    assertTrue(got.get(cells.get(1).getDocument()).isEmpty(), "the imports cell is clean: " + got);
    Diagnostic acc = find(got.get(loopCell), "OOM102");
    assertEquals(new Range(new org.eclipse.lsp4j.Position(9, 8), new org.eclipse.lsp4j.Position(9, 26)), acc.getRange(),
        "line 10 of the loop cell (its %magic line counted), as the cell's editor shows it");

    List<CodeAction> actions = codeActions(loopCell, acc.getRange(), List.of(acc), null);
    CodeAction fix = actions.stream().filter(a -> "quickfix".equals(a.getKind()) && !a.getTitle().startsWith("Suppress"))
        .findFirst().orElseThrow(() -> new AssertionError("no quick fix in " + actions));
    assertEquals(List.of(loopCell), List.copyOf(fix.getEdit().getChanges().keySet()), "the fix edits that cell only");
    String fixed = apply(sources.get(3), fix.getEdit().getChanges().get(loopCell));
    assertTrue(fixed.contains("total_loss += loss.item()  # \u00e9\u00e9"), fixed);
    assertTrue(actions.stream().anyMatch(a -> a.getTitle().equals("Suppress OOM102 with # noqa")), actions.toString());

    List<CodeAction> all = codeActions(loopCell, acc.getRange(), List.of(), List.of("notebook.source.fixAll"));
    assertEquals(1, all.size(), all.toString());
    assertEquals(fixed, apply(sources.get(3), all.get(0).getEdit().getChanges().get(loopCell)));

    NotebookDocumentChangeEventCells change = new NotebookDocumentChangeEventCells();
    change.setTextContent(List.of(new NotebookDocumentChangeEventCellTextContent(
        new VersionedTextDocumentIdentifier(loopCell, 2), List.of(new TextDocumentContentChangeEvent(fixed)))));
    NotebookDocumentChangeEvent event = new NotebookDocumentChangeEvent();
    event.setCells(change);
    server.getNotebookDocumentService().didChange(new DidChangeNotebookDocumentParams(
        new VersionedNotebookDocumentIdentifier(2, nbUri), event));
    List<Diagnostic> after = null;
    while (after == null) {
      PublishDiagnosticsParams p = published.poll(WAIT_S, TimeUnit.SECONDS);
      assertNotNull(p, "diagnostics after the change");
      if (p.getUri().equals(loopCell)) {
        after = p.getDiagnostics();
      }
    }
    assertTrue(after.stream().noneMatch(d -> codeOf(d).equals("OOM102")), "cleared: " + after);

    // deleting the imports cell: the names are undefined now, so the torch rules find nothing to report
    NotebookDocumentChangeEventCells structure = new NotebookDocumentChangeEventCells();
    NotebookDocumentChangeEventCellStructure s = new NotebookDocumentChangeEventCellStructure(
        new NotebookCellArrayChange(1, 1, List.of()));
    s.setDidClose(List.of(new TextDocumentIdentifier(cells.get(1).getDocument())));
    structure.setStructure(s);
    NotebookDocumentChangeEvent removal = new NotebookDocumentChangeEvent();
    removal.setCells(structure);
    server.getNotebookDocumentService().didChange(new DidChangeNotebookDocumentParams(
        new VersionedNotebookDocumentIdentifier(3, nbUri), removal));
    boolean cleared = false;
    while (!cleared) {
      PublishDiagnosticsParams p = published.poll(WAIT_S, TimeUnit.SECONDS);
      assertNotNull(p, "the removed cell's diagnostics are cleared");
      cleared = p.getUri().equals(cells.get(1).getDocument()) && p.getDiagnostics().isEmpty();
    }
    server.getNotebookDocumentService().didClose(new DidCloseNotebookDocumentParams(
        new NotebookDocumentIdentifier(nbUri), List.of()));
  }

  // --- helpers ---

  /**
   * Writes to a pipe from one long-lived thread. A {@link PipedInputStream} fails a read with "Write
   * end dead" once the last thread that wrote to it has ended (here: the server's worker, stopped
   * by {@code shutdown}), where a real pipe would wait for more or for the end of the stream.
   */
  private static final class OneWriter extends OutputStream {
    private interface IoAction {
      void run() throws IOException;
    }

    private final OutputStream out;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "pipe-writer");
      t.setDaemon(true);
      return t;
    });

    OneWriter(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      on(() -> out.write(b));
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      byte[] copy = java.util.Arrays.copyOfRange(b, off, off + len);
      on(() -> out.write(copy));
    }

    @Override
    public void flush() throws IOException {
      on(out::flush);
    }

    @Override
    public void close() throws IOException {
      if (!thread.isShutdown()) {
        on(out::close);
        thread.shutdown();
      }
    }

    private void on(IoAction action) throws IOException {
      try {
        thread.submit(() -> {
          action.run();
          return null;
        }).get();
      } catch (ExecutionException e) {
        throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException();
      } catch (java.util.concurrent.RejectedExecutionException e) {
        throw new IOException("pipe closed");
      }
    }
  }

  private void open(String uri, String text) {
    server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "python", 1, text)));
  }

  private void change(String uri, int version, String text) {
    server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
        new VersionedTextDocumentIdentifier(uri, version), List.of(new TextDocumentContentChangeEvent(text))));
  }

  /** The next diagnostics published for {@code uri} (other documents' are skipped). */
  private List<Diagnostic> diagnostics(String uri, Predicate<Diagnostic> keep) throws InterruptedException {
    while (true) {
      PublishDiagnosticsParams p = published.poll(WAIT_S, TimeUnit.SECONDS);
      assertNotNull(p, "no diagnostics published for " + uri);
      if (p.getUri().equals(uri)) {
        return p.getDiagnostics().stream().filter(keep).toList();
      }
    }
  }

  private List<CodeAction> codeActions(String uri, Range range, List<Diagnostic> diags, List<String> only)
      throws Exception {
    CodeActionContext ctx = new CodeActionContext(diags);
    ctx.setOnly(only);
    List<Either<Command, CodeAction>> got = server.getTextDocumentService()
        .codeAction(new CodeActionParams(new TextDocumentIdentifier(uri), range, ctx))
        .get(WAIT_S, TimeUnit.SECONDS);
    List<CodeAction> out = new ArrayList<>();
    for (Either<Command, CodeAction> e : got) {
      assertTrue(e.isRight(), "code actions, not commands");
      out.add(e.getRight());
    }
    return out;
  }

  private static Diagnostic find(List<Diagnostic> diags, String code) {
    return diags.stream().filter(d -> codeOf(d).equals(code)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + code + " in " + diags));
  }

  private static String codeOf(Diagnostic d) {
    return d.getCode() == null ? "" : d.getCode().getLeft();
  }

  /** Applies LSP text edits (non-overlapping, positions in the original text) as an editor does. */
  static String apply(String text, List<TextEdit> edits) {
    List<TextEdit> sorted = new ArrayList<>(edits);
    sorted.sort(Comparator.comparingInt((TextEdit e) -> offsetOf(text, e.getRange().getStart())).reversed());
    StringBuilder sb = new StringBuilder(text);
    for (TextEdit e : sorted) {
      sb.replace(offsetOf(text, e.getRange().getStart()), offsetOf(text, e.getRange().getEnd()), e.getNewText());
    }
    return sb.toString();
  }

  /** The string index of an LSP position (0-based line, UTF-16 character), counted here independently of the server. */
  static int offsetOf(String text, org.eclipse.lsp4j.Position p) {
    int i = 0;
    for (int line = 0; line < p.getLine() && i < text.length(); ) {
      char c = text.charAt(i++);
      if (c == '\n' || (c == '\r' && (i >= text.length() || text.charAt(i) != '\n'))) {
        line++;
      }
    }
    return Math.min(i + p.getCharacter(), text.length());
  }

}
