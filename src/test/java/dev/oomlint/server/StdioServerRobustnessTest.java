package dev.oomlint.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.oomlint.parser.PythonFrontEnd;
import dev.oomlint.rules.checks.RuleRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The server's framing as a careless or broken client meets it: raw bytes in, LSP frames out, the
 * error stream watched. Each malformed frame costs one line on stderr (no stack trace) and that frame
 * only; the next well-formed request is answered.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class StdioServerRobustnessTest {
  private static final long WAIT_S = 10;

  private PipedOutputStream toServer;
  private final Frames fromServer = new Frames();
  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
  private CompletableFuture<Integer> exit;

  /** Collects the server's output and splits it strictly into LSP frames. */
  private static final class Frames extends OutputStream {
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
    final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
    volatile String error;

    @Override
    public synchronized void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      buf.write(b, off, len);
      byte[] all = buf.toByteArray();
      int start = 0;
      while (true) {
        String s = new String(all, start, all.length - start, StandardCharsets.ISO_8859_1);
        int headerEnd = s.indexOf("\r\n\r\n");
        if (headerEnd < 0) {
          break;
        }
        String header = s.substring(0, headerEnd);
        if (!header.startsWith("Content-Length: ")) {
          error = "not an LSP frame: " + header;
          break;
        }
        int length = Integer.parseInt(header.substring(16).trim());
        int bodyStart = start + headerEnd + 4;
        if (all.length - bodyStart < length) {
          break;
        }
        String body = new String(all, bodyStart, length, StandardCharsets.UTF_8);
        messages.add(JsonParser.parseString(body).getAsJsonObject());
        start = bodyStart + length;
      }
      buf.reset();
      buf.write(all, start, all.length - start);
    }
  }

  @BeforeEach
  void start() throws IOException {
    PipedInputStream serverIn = new PipedInputStream(1 << 20);
    toServer = new PipedOutputStream(serverIn);
    PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    exit = CompletableFuture.supplyAsync(
        () -> StdioServer.run(serverIn, fromServer, err, RuleRegistry.all(), PythonFrontEnd::parse));
  }

  @AfterEach
  void stop() throws IOException {
    toServer.close();
  }

  // ------------------------------------------------------------------ helpers

  private static String request(int id, String method, String params) {
    return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}";
  }

  private static String initialize(int id) {
    return request(id, "initialize", "{\"processId\":null,\"rootUri\":null,\"capabilities\":{}}");
  }

  private static String frame(String body) {
    return "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
  }

  private void send(String raw) throws IOException {
    toServer.write(raw.getBytes(StandardCharsets.UTF_8));
    toServer.flush();
  }

  /** The response to request {@code id} (other messages are skipped). */
  private JsonObject response(int id) throws InterruptedException {
    while (true) {
      JsonObject m = fromServer.messages.poll(WAIT_S, TimeUnit.SECONDS);
      assertNotNull(m, "no response to request " + id + "; stderr: " + err());
      assertNull(fromServer.error, fromServer.error);
      if (m.has("id") && !m.get("id").isJsonNull() && m.get("id").getAsInt() == id) {
        return m;
      }
    }
  }

  private String err() {
    synchronized (errBytes) {
      return errBytes.toString(StandardCharsets.UTF_8);
    }
  }

  /** Stderr holds exactly {@code n} lines, each a one-line oomlint message, and no stack trace. */
  private List<String> assertErrLines(int n) {
    String text = err();
    List<String> lines = text.lines().toList();
    assertEquals(n, lines.size(), "stderr: " + text);
    for (String line : lines) {
      assertTrue(line.startsWith("oomlint server: "), line);
    }
    assertFalse(text.contains("\tat ") || text.contains("Exception"), "no stack trace: " + text);
    return lines;
  }

  private void assertAnswersAfterwards(int id) throws Exception {
    send(frame(initialize(id)));
    JsonObject r = response(id);
    assertTrue(r.has("result"), r.toString());
    assertTrue(r.getAsJsonObject("result").has("capabilities"), r.toString());
  }

  // ------------------------------------------------------------------ malformed headers

  @Test
  void missingContentLengthIsSkipped() throws Exception {
    send("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n" + initialize(1));
    assertAnswersAfterwards(2);
    assertTrue(assertErrLines(1).get(0).contains("no Content-Length"), err());
  }

  @Test
  void nonNumericContentLengthIsSkipped() throws Exception {
    send("Content-Length: twelve\r\n\r\n" + initialize(1));
    assertAnswersAfterwards(2);
    assertTrue(assertErrLines(1).get(0).contains("'twelve' is not a number"), err());
  }

  @Test
  void hugeContentLengthIsRefusedWithoutWaitingForIt() throws Exception {
    send("Content-Length: 99999999999999999999\r\n\r\n" + initialize(1));
    assertAnswersAfterwards(2);
    assertTrue(assertErrLines(1).get(0).contains("above the limit"), err());
  }

  @Test
  void garbageBetweenFramesIsSkipped() throws Exception {
    send("hello, this is not LSP\r\n" + initialize(1)); // a body with no header at all
    assertAnswersAfterwards(2);
    assertTrue(assertErrLines(1).get(0).contains("not an LSP header line"), err());
  }

  @Test
  void contentLengthTooSmallDropsThatFrameOnly() throws Exception {
    send("Content-Length: 20\r\n\r\n" + initialize(1));
    assertAnswersAfterwards(2);
    assertTrue(assertErrLines(1).get(0).contains("too small"), err());
  }

  @Test
  void contentLengthTooLargeWithTheNextFrameBehindIt() throws Exception {
    String body = initialize(1);
    int length = body.length() + 200; // swallows the next frame's header and part of its body
    send("Content-Length: " + length + "\r\n\r\n" + body + frame(initialize(2)));
    assertTrue(response(1).has("result"), "the message the frame held is handled");
    assertTrue(response(2).has("result"), "the next frame is read from where the first message ended");
    assertTrue(assertErrLines(1).get(0).contains("larger than its message"), err());
  }

  @Test
  void contentLengthTooLargeAndThenSilenceDoesNotHang() throws Exception {
    String body = initialize(1);
    send("Content-Length: " + (body.length() + 1000) + "\r\n\r\n" + body);
    // the client now waits for the answer; the server must not wait for 1000 bytes that never come
    assertTrue(response(1).has("result"));
    assertAnswersAfterwards(2);
    assertTrue(assertErrLines(1).get(0).contains("nothing more arrived"), err());
  }

  @Test
  void bodyThatIsNotJsonIsReportedAndSkipped() throws Exception {
    send(frame("hello") + frame("{\"jsonrpc\": }"));
    assertAnswersAfterwards(2);
    List<String> lines = assertErrLines(2);
    assertTrue(lines.get(0).contains("not a JSON object"), err());
    assertTrue(lines.get(1).contains("not valid JSON-RPC"), err());
  }

  @Test
  void overlongHeaderLineIsSkipped() throws Exception {
    send("X-Junk: " + "x".repeat(20_000) + "\r\n\r\n" + initialize(1));
    assertAnswersAfterwards(2);
    assertTrue(assertErrLines(1).get(0).contains("longer than"), err());
  }

  @Test
  void aHeaderRightAfterLongGarbageIsStillFound() throws Exception {
    // the garbage and the header that follows it share one over-long "line": the header is not lost
    send("x".repeat(8190) + frame(initialize(1)));
    assertTrue(response(1).has("result"));
    assertTrue(assertErrLines(1).get(0).contains("longer than"), err());
  }

  @Test
  void manyMalformedFramesInARowAndTheServerStillAnswers() throws Exception {
    send("Content-Type: text/plain\r\n\r\n{}" + "Content-Length: x\r\n\r\n{}"
        + "Content-Length: 3\r\n\r\n{\"a\":1}" + "\r\n\r\n\r\n" + "Content-Length: -4\r\n\r\n");
    assertAnswersAfterwards(7);
    assertErrLines(4);
  }

  @Test
  void wellFormedFramesSplitAcrossWritesAreUntouched() throws Exception {
    String f = frame(initialize(1)) + frame(request(2, "shutdown", "null"));
    for (int i = 0; i < f.length(); i += 7) {
      send(f.substring(i, Math.min(f.length(), i + 7)));
    }
    assertTrue(response(1).has("result"));
    assertTrue(response(2).has("result"));
    assertErrLines(0);
  }

  // ------------------------------------------------------------------ shutdown

  @Test
  void requestsAfterShutdownGetInvalidRequest() throws Exception {
    send(frame(initialize(1)));
    response(1);
    send(frame("{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}"));
    send(frame(request(2, "shutdown", "null")));
    JsonObject down = response(2);
    assertTrue(down.has("result") && !down.has("error"), down.toString());
    send(frame(request(3, "textDocument/codeAction", "{\"textDocument\":{\"uri\":\"file:///x.py\"},"
        + "\"range\":{\"start\":{\"line\":0,\"character\":0},\"end\":{\"line\":0,\"character\":0}},"
        + "\"context\":{\"diagnostics\":[]}}")));
    JsonObject after = response(3);
    assertEquals(-32600, after.getAsJsonObject("error").get("code").getAsInt(), after.toString());
    send(frame(request(4, "shutdown", "null")));
    assertEquals(-32600, response(4).getAsJsonObject("error").get("code").getAsInt());
    send(frame("{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}"));
    assertEquals(0, exit.get(WAIT_S, TimeUnit.SECONDS), "exit after shutdown: code 0");
    assertErrLines(0);
  }

  @Test
  void endOfInputEndsTheServer() throws Exception {
    send("Content-Length: 1");
    toServer.close();
    assertEquals(1, exit.get(WAIT_S, TimeUnit.SECONDS), "no shutdown: code 1");
  }
}
