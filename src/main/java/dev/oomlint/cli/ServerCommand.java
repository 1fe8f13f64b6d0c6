package dev.oomlint.cli;

import dev.oomlint.server.StdioServer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code oomlint server}: the language server for editors, speaking LSP over standard input and output. */
@Command(name = "server", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
    description = "Run the language server (LSP over standard input and output) for editors.")
final class ServerCommand implements Callable<Integer> {
  private final Io io;
  private final Toolbox tools;

  ServerCommand(Io io, Toolbox tools) {
    this.io = io;
    this.tools = tools;
  }

  @Override
  public Integer call() {
    return StdioServer.run(io.in(), io.out(), io.err(), tools.rules(), tools.parser());
  }
}
