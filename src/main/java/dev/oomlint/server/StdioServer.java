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
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Runs {@link OomlintLanguageServer} over a pair of streams (standard input and output for
 * {@code oomlint server}). While it runs, {@code System.out} is pointed at standard error so that
 * nothing but protocol frames ever reaches the client.
 */
public final class StdioServer {
  private StdioServer() {}

  /** Serves until the client sends {@code exit} or closes the input; returns the process exit code. */
  public static int run(InputStream in, OutputStream out, List<Rule> rules, Linter.Parser parser) {
    PrintStream stdout = System.out;
    if (out == stdout) {
      System.setOut(System.err); // stray prints must not corrupt the protocol stream
    }
    // LSP4J logs protocol trouble (e.g. a closed stream) through java.util.logging: errors only
    Logger.getLogger("org.eclipse.lsp4j").setLevel(Level.SEVERE);
    try {
      OomlintLanguageServer server = new OomlintLanguageServer(rules, parser);
      Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
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
}
