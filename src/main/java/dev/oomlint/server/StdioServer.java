package dev.oomlint.server;

import dev.oomlint.engine.Linter;
import dev.oomlint.rules.Rule;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.lsp4j.jsonrpc.Endpoint;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageProducer;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.json.ConcurrentMessageProcessor;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageConsumer;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Runs {@link OomlintLanguageServer} over a pair of streams (standard input and output for
 * {@code oomlint server}). While it runs, {@code System.out} is pointed at standard error so that
 * nothing but protocol frames ever reaches the client. Frames are read by {@link FrameReader}, which
 * survives malformed frames with one line on the error stream each; after {@code shutdown} every
 * request is answered with {@code InvalidRequest}, as LSP requires.
 */
public final class StdioServer {
  /** How long a body may stall before a too-large {@code Content-Length} is suspected. */
  static final long STALL_MILLIS = 500;

  private StdioServer() {}

  /** Serves until the client sends {@code exit} or closes the input; returns the process exit code. */
  public static int run(InputStream in, OutputStream out, List<Rule> rules, Linter.Parser parser) {
    return run(in, out, System.err, rules, parser);
  }

  /** The same, with protocol problems (malformed frames) reported on {@code err}, one line each. */
  public static int run(InputStream in, OutputStream out, PrintStream err, List<Rule> rules,
      Linter.Parser parser) {
    PrintStream stdout = System.out;
    if (out == stdout) {
      System.setOut(System.err); // stray prints must not corrupt the protocol stream
    }
    OneLineLog.install();
    try {
      OomlintLanguageServer server = new OomlintLanguageServer(rules, parser);
      Launcher<LanguageClient> launcher = new Builder(server::isShutdown, err)
          .setLocalService(server)
          .setRemoteInterface(LanguageClient.class)
          .setInput(in)
          .setOutput(out)
          .create();
      server.connect(launcher.getRemoteProxy());
      Future<Void> listening = launcher.startListening();
      CompletableFuture<Integer> exit = server.exitCode();
      CompletableFuture.runAsync(() -> {
        try {
          listening.get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
          // the stream broke: same as the client going away
        }
        exit.complete(server.isShutdown() ? 0 : 1);
      });
      return exit.join();
    } finally {
      if (out == stdout) {
        System.setOut(stdout);
      }
    }
  }

  /** LSP4J's launcher with oomlint's frame reader and the after-shutdown rule. */
  private static final class Builder extends LSPLauncher.Builder<LanguageClient> {
    private final BooleanSupplier shutdown;
    private final PrintStream err;
    private MessageJsonHandler json;
    private RemoteEndpoint endpoint;

    Builder(BooleanSupplier shutdown, PrintStream err) {
      this.shutdown = shutdown;
      this.err = err;
    }

    @Override
    protected RemoteEndpoint createRemoteEndpoint(MessageJsonHandler jsonHandler) {
      MessageConsumer outgoing = wrapMessageConsumer(new StreamMessageConsumer(output, jsonHandler));
      Endpoint local = ServiceEndpoints.toEndpoint(localServices);
      RemoteEndpoint ep = exceptionHandler == null
          ? new Guarded(outgoing, local, RemoteEndpoint.DEFAULT_EXCEPTION_HANDLER, shutdown)
          : new Guarded(outgoing, local, exceptionHandler, shutdown);
      jsonHandler.setMethodProvider(ep);
      ep.setJsonHandler(jsonHandler);
      this.json = jsonHandler;
      this.endpoint = ep;
      return ep;
    }

    @Override
    protected ConcurrentMessageProcessor createMessageProcessor(MessageProducer reader,
        MessageConsumer messageConsumer, LanguageClient remoteProxy) {
      FrameReader frames = new FrameReader(input, json, endpoint, err, STALL_MILLIS);
      return new ConcurrentMessageProcessor(frames, messageConsumer);
    }
  }

  /** Answers every request that arrives after {@code shutdown} with {@code InvalidRequest}. */
  private static final class Guarded extends RemoteEndpoint {
    private final MessageConsumer outgoing;
    private final BooleanSupplier shutdown;

    Guarded(MessageConsumer outgoing, Endpoint local,
        java.util.function.Function<Throwable, ResponseError> exceptionHandler, BooleanSupplier shutdown) {
      super(outgoing, local, exceptionHandler);
      this.outgoing = outgoing;
      this.shutdown = shutdown;
    }

    @Override
    protected void handleRequest(RequestMessage request) {
      if (shutdown.getAsBoolean()) {
        outgoing.consume(createErrorResponseMessage(request, new ResponseError(ResponseErrorCode.InvalidRequest,
            "the server is shut down: '" + request.getMethod() + "' after 'shutdown'", null)));
        return;
      }
      super.handleRequest(request);
    }
  }

  /** LSP4J's log records (protocol trouble) as one line on standard error each, never a stack trace. */
  private static final class OneLineLog extends Handler {
    private static boolean installed;

    static synchronized void install() {
      if (installed) {
        return;
      }
      installed = true;
      Logger lsp4j = Logger.getLogger("org.eclipse.lsp4j");
      lsp4j.setLevel(Level.SEVERE);
      lsp4j.setUseParentHandlers(false);
      lsp4j.addHandler(new OneLineLog());
    }

    @Override
    public void publish(LogRecord record) {
      if (record.getLevel().intValue() < Level.SEVERE.intValue()) {
        return;
      }
      String msg = record.getMessage() == null ? "" : record.getMessage();
      Throwable t = record.getThrown();
      if (t != null) {
        msg = msg + (msg.isEmpty() ? "" : ": ") + t;
      }
      System.err.println("oomlint server: " + FrameReader.printable(msg, 300));
      System.err.flush();
    }

    @Override
    public void flush() {
      System.err.flush();
    }

    @Override
    public void close() {}
  }
}
