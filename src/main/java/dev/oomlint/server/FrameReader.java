package dev.oomlint.server;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageIssueException;
import org.eclipse.lsp4j.jsonrpc.MessageIssueHandler;
import org.eclipse.lsp4j.jsonrpc.MessageProducer;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Message;

/**
 * Reads LSP frames ({@code Content-Length} header block, blank line, JSON body) from the client and
 * hands each message to LSP4J, in place of LSP4J's own reader, which stops answering for good after
 * one malformed header block (or waits forever for the bytes a too-large length promises).
 *
 * <p>A malformed frame costs one line on the error stream and that frame only:
 * <ul>
 *   <li>a header block without a usable {@code Content-Length} (missing, not a number, above
 *       {@link #MAX_CONTENT_LENGTH}), a header line that is not {@code Name: value}, or an overlong
 *       header: the reader resynchronises on the next {@code Content-Length:} in the stream;
 *   <li>a length too small (the body ends inside the JSON value): the partial body is dropped, and
 *       the reader resynchronises on the next header;
 *   <li>a length too large (the JSON value ends before the declared length, and the next header follows
 *       it, or nothing more arrives for {@code stallMillis}): the message is handled and the bytes after
 *       it are read as the next frame, so the reader never waits for bytes the client will not send.
 * </ul>
 * The input is read by a daemon pump thread, so that a stalled body can be noticed with a timeout.
 */
final class FrameReader implements MessageProducer, Closeable {
  /** The largest body accepted (a notebook with its outputs is well below). */
  static final int MAX_CONTENT_LENGTH = 64 << 20;
  private static final int MAX_HEADER_LINE = 8 << 10;
  private static final int MAX_HEADER_LINES = 32;
  private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] EOF = new byte[0];

  private final InputStream in;
  private final MessageJsonHandler json;
  private final MessageIssueHandler issues;
  private final PrintStream err;
  private final long stallMillis;
  private final BlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>(64);
  /** Bytes to read again before the next chunk (a resynchronisation or a too-large frame's tail). */
  private final ArrayDeque<byte[]> pushedBack = new ArrayDeque<>();
  private byte[] chunk = new byte[0];
  private int pos;
  private volatile boolean running;
  private volatile String readError;

  FrameReader(InputStream in, MessageJsonHandler json, MessageIssueHandler issues, PrintStream err,
      long stallMillis) {
    this.in = in;
    this.json = json;
    this.issues = issues;
    this.err = err;
    this.stallMillis = stallMillis;
  }

  /** Signals the end of input to {@link #listen}. */
  private static final class EndOfInput extends Exception {
    private static final long serialVersionUID = 1L;

    EndOfInput() {
      super(null, null, false, false);
    }
  }

  @Override
  public void listen(MessageConsumer callback) {
    running = true;
    Thread pump = new Thread(this::pump, "oomlint-lsp-input");
    pump.setDaemon(true);
    pump.start();
    try {
      while (running) {
        Integer length = readHeaders();
        if (length == null) {
          resynchronise();
        } else {
          readBody(length, callback);
        }
      }
    } catch (EndOfInput e) {
      if (readError != null) {
        problem("cannot read the input: " + readError);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running = false;
  }

  // ------------------------------------------------------------------ input

  private void pump() {
    byte[] buf = new byte[1 << 16];
    try {
      while (true) {
        int n = in.read(buf);
        if (n < 0) {
          break;
        }
        if (n > 0) {
          chunks.put(Arrays.copyOf(buf, n));
        }
      }
    } catch (IOException e) {
      readError = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      chunks.put(EOF);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Makes bytes available; false when none arrived within {@code timeoutMillis} (negative: wait). */
  private boolean fill(long timeoutMillis) throws EndOfInput, InterruptedException {
    while (pos >= chunk.length) {
      byte[] next = pushedBack.pollFirst();
      if (next == null) {
        next = timeoutMillis < 0 ? chunks.take() : chunks.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        if (next == null) {
          return false;
        }
        if (next == EOF) {
          chunks.offer(EOF); // every later read sees the end too
          throw new EndOfInput();
        }
      }
      chunk = next;
      pos = 0;
    }
    return true;
  }

  private int read() throws EndOfInput, InterruptedException {
    fill(-1);
    return chunk[pos++] & 0xff;
  }

  /** Puts {@code bytes[from..to)} back in front of the input. */
  private void unread(byte[] bytes, int from, int to) {
    if (pos < chunk.length) {
      pushedBack.addFirst(Arrays.copyOfRange(chunk, pos, chunk.length));
    }
    if (to > from) {
      pushedBack.addFirst(Arrays.copyOfRange(bytes, from, to));
    }
    chunk = new byte[0];
    pos = 0;
  }

  // ------------------------------------------------------------------ frames

  private String charset = "utf-8";

  /**
   * Reads one header block up to its blank line; returns the {@code Content-Length}, or null after
   * reporting a malformed block (the caller then resynchronises).
   */
  private Integer readHeaders() throws EndOfInput, InterruptedException {
    Integer length = null;
    charset = "utf-8";
    int lines = 0;
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      line.reset();
      int c;
      while ((c = read()) != '\n') {
        line.write(c);
        if (line.size() > MAX_HEADER_LINE) {
          problem("a header line is longer than " + MAX_HEADER_LINE + " bytes; skipping to the next header");
          byte[] b = line.toByteArray();
          unread(b, 1, b.length); // a header may start within it
          return null;
        }
      }
      byte[] b = line.toByteArray();
      int len = b.length > 0 && b[b.length - 1] == '\r' ? b.length - 1 : b.length;
      if (len == 0) {
        if (lines == 0) {
          continue; // stray line breaks between frames
        }
        if (length == null) {
          problem("a header block has no Content-Length; skipping to the next header");
        }
        return length;
      }
      if (++lines > MAX_HEADER_LINES) {
        problem("a header block has more than " + MAX_HEADER_LINES + " lines; skipping to the next header");
        return null;
      }
      String text = new String(b, 0, len, StandardCharsets.ISO_8859_1);
      int colon = text.indexOf(':');
      if (colon <= 0 || !token(text.substring(0, colon))) {
        problem("not an LSP header line: '" + printable(text) + "'; skipping to the next header");
        unread(b, 1, b.length); // a frame's header may start later on this line (after a body without length)
        return null;
      }
      String name = text.substring(0, colon).toLowerCase(Locale.ROOT);
      String value = text.substring(colon + 1).trim();
      if (name.equals("content-length")) {
        if (!value.matches("[0-9]+")) {
          problem("Content-Length '" + printable(value) + "' is not a number; skipping to the next header");
          return null;
        }
        String digits = value.replaceFirst("^0+(?=.)", "");
        long n = digits.length() > 12 ? Long.MAX_VALUE : Long.parseLong(digits);
        if (n > MAX_CONTENT_LENGTH) {
          problem("Content-Length " + printable(value) + " is above the limit of " + MAX_CONTENT_LENGTH
              + " bytes; skipping to the next header");
          return null;
        }
        length = (int) n;
      } else if (name.equals("content-type")) {
        int cs = value.toLowerCase(Locale.ROOT).indexOf("charset=");
        if (cs >= 0) {
          charset = value.substring(cs + 8).trim().replace("\"", "");
        }
      }
    }
  }

  /** Skips input up to the next {@code Content-Length:} (any case), which is left to read. */
  private void resynchronise() throws EndOfInput, InterruptedException {
    int matched = 0;
    while (true) {
      int c = read();
      int lower = c >= 'A' && c <= 'Z' ? c + 32 : c;
      if (lower == CONTENT_LENGTH[matched]) {
        if (++matched == CONTENT_LENGTH.length) {
          unread("Content-Length:".getBytes(StandardCharsets.US_ASCII), 0, CONTENT_LENGTH.length);
          return;
        }
      } else {
        matched = lower == CONTENT_LENGTH[0] ? 1 : 0; // the pattern's first letter occurs only once
      }
    }
  }

  /** Reads a body of {@code length} bytes, or less when the length was too large (see the class comment). */
  private void readBody(int length, MessageConsumer callback) throws EndOfInput, InterruptedException {
    byte[] body = new byte[Math.min(length, 1 << 16)];
    int have = 0;
    while (have < length) {
      if (!fill(stallMillis)) {
        // nothing more arrived: is what we have a whole message (the length was too large)?
        int end = JsonExtent.end(body, have);
        if (end == JsonExtent.INCOMPLETE) {
          fill(-1); // a slow client: wait on
          continue;
        }
        break;
      }
      int n = Math.min(length - have, chunk.length - pos);
      if (have + n > body.length) {
        body = Arrays.copyOf(body, (int) Math.min(length, Math.max((long) body.length * 2, have + n)));
      }
      System.arraycopy(chunk, pos, body, have, n);
      pos += n;
      have += n;
    }
    int end = JsonExtent.end(body, have);
    if (end == JsonExtent.INCOMPLETE) {
      problem("a message ends before its JSON value does (Content-Length " + length
          + " is too small?); skipping to the next header");
      resynchronise();
      return;
    }
    if (end == JsonExtent.INVALID) {
      problem("a message body is not a JSON object; skipping to the next header");
      resynchronise();
      return;
    }
    if (!JsonExtent.blank(body, end, have)) {
      problem("Content-Length " + length + " is larger than its message (" + end
          + " bytes); handling the message and reading the next header after it");
      unread(body, end, have);
    } else if (have < length) {
      problem("Content-Length " + length + " is larger than its message (" + have
          + " bytes, nothing more arrived); handling the message");
    }
    dispatch(body, end, callback);
  }

  private void dispatch(byte[] body, int end, MessageConsumer callback) {
    String content;
    try {
      content = new String(body, 0, end, Charset.forName(charset));
    } catch (IllegalArgumentException e) {
      problem("unsupported charset '" + printable(charset) + "'; message ignored");
      return;
    }
    Message message;
    try {
      message = json.parseMessage(content);
    } catch (MessageIssueException e) {
      problem("invalid message: " + printable(e.getMessage()));
      issues.handle(e.getRpcMessage(), e.getIssues()); // answers a request with the error
      return;
    } catch (RuntimeException e) {
      Throwable cause = e;
      while (cause.getCause() != null && cause.getCause() != cause) {
        cause = cause.getCause();
      }
      String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
      problem("a message is not valid JSON-RPC (" + printable(why, 160) + "); message ignored");
      return;
    }
    try {
      callback.consume(message);
    } catch (RuntimeException e) {
      problem("cannot handle a message: " + printable(String.valueOf(e)));
    }
  }

  private void problem(String message) {
    err.println("oomlint server: " + message);
    err.flush();
  }

  private static boolean token(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
          || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return !s.isEmpty();
  }

  /** {@code s} on one line, shortened, without control characters. */
  static String printable(String s) {
    return printable(s, 80);
  }

  static String printable(String s, int max) {
    String t = s.replaceAll("\\p{Cntrl}", "?");
    return t.length() > max ? t.substring(0, max - 3) + "..." : t;
  }

  /** Where the first JSON object of a buffer ends, found by counting brackets outside strings. */
  static final class JsonExtent {
    static final int INCOMPLETE = -1;
    static final int INVALID = -2;

    private JsonExtent() {}

    /** The offset just past the first top-level JSON object in {@code b[0..len)}, or a negative code. */
    static int end(byte[] b, int len) {
      int i = 0;
      while (i < len && space(b[i])) {
        i++;
      }
      if (i == len) {
        return INCOMPLETE;
      }
      if (b[i] != '{') {
        return INVALID;
      }
      int depth = 0;
      boolean string = false;
      for (; i < len; i++) {
        byte c = b[i];
        if (string) {
          if (c == '\\') {
            i++;
          } else if (c == '"') {
            string = false;
          }
        } else if (c == '"') {
          string = true;
        } else if (c == '{' || c == '[') {
          depth++;
        } else if (c == '}' || c == ']') {
          if (--depth == 0) {
            return i + 1;
          }
        }
      }
      return INCOMPLETE;
    }

    static boolean blank(byte[] b, int from, int to) {
      for (int i = from; i < to; i++) {
        if (!space(b[i])) {
          return false;
        }
      }
      return true;
    }

    private static boolean space(byte c) {
      return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }
  }
}
