package dev.oomlint.parser.antlr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.RuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * The whole token stream of a file, lexed up front into an array holding only the tokens the parser
 * sees; comments are kept aside. Replaces ANTLR's {@code CommonTokenStream}, whose channel filtering
 * on every {@code LT}/{@code LB} call (the parser asks for the previous token at every rule exit) was
 * the single largest cost of parsing. Token indices are positions in this array.
 */
public final class TokenArray implements TokenStream {
  private final TokenSource source;
  private final Token[] tokens;
  /** {@code types[i]} is {@code tokens[i].getType()}: the parser's LA(1) reads it without a call. */
  private final int[] types;
  private final int size;
  private final List<Token> comments;
  private int p;

  public TokenArray(PythonLexer lexer) {
    this(lexer, 256);
  }

  /** {@code expected}: a guess at the number of tokens (real code has about one per 8 characters). */
  public TokenArray(PythonLexer lexer, int expected) {
    this.source = lexer;
    int capacity = Math.max(16, expected);
    Token[] buf = new Token[capacity];
    int[] kinds = new int[capacity];
    int n = 0;
    List<Token> cs = new ArrayList<>();
    while (true) {
      Token t = lexer.nextToken();
      if (t.getChannel() == Token.DEFAULT_CHANNEL) {
        if (n == buf.length) {
          buf = Arrays.copyOf(buf, n * 2);
          kinds = Arrays.copyOf(kinds, n * 2);
        }
        if (t instanceof CommonToken ct) {
          ct.setTokenIndex(n);
        }
        int type = t.getType();
        kinds[n] = type;
        buf[n++] = t;
        if (type == Token.EOF) {
          break;
        }
      } else if (t.getChannel() == PythonLexer.COMMENTS) {
        cs.add(t);
      }
    }
    this.tokens = buf;
    this.types = kinds;
    this.size = n;
    this.comments = cs;
  }

  public List<Token> comments() {
    return comments;
  }

  @Override
  public Token LT(int k) {
    if (k > 0) {
      int i = p + k - 1;
      return tokens[i < size ? i : size - 1];
    }
    if (k == 0) {
      return null;
    }
    int i = p + k;
    return i >= 0 ? tokens[i] : null;
  }

  @Override
  public int LA(int i) {
    if (i > 0) {
      int at = p + i - 1;
      return types[at < size ? at : size - 1];
    }
    if (i == 0) {
      return Token.INVALID_TYPE;
    }
    int at = p + i;
    return at >= 0 ? types[at] : Token.INVALID_TYPE;
  }

  @Override
  public Token get(int index) {
    return tokens[index];
  }

  @Override
  public TokenSource getTokenSource() {
    return source;
  }

  @Override
  public String getText(Interval interval) {
    StringBuilder sb = new StringBuilder();
    int stop = Math.min(interval.b, size - 1);
    for (int i = Math.max(0, interval.a); i <= stop; i++) {
      if (tokens[i].getType() != Token.EOF) {
        sb.append(tokens[i].getText());
      }
    }
    return sb.toString();
  }

  @Override
  public String getText() {
    return getText(Interval.of(0, size - 1));
  }

  @Override
  public String getText(RuleContext ctx) {
    return getText(ctx.getSourceInterval());
  }

  @Override
  public String getText(Token start, Token stop) {
    if (start == null || stop == null) {
      return "";
    }
    return getText(Interval.of(start.getTokenIndex(), stop.getTokenIndex()));
  }

  @Override
  public void consume() {
    if (types[p] == Token.EOF) {
      throw new IllegalStateException("cannot consume EOF");
    }
    p++;
  }

  @Override
  public int mark() {
    return -1;
  }

  @Override
  public void release(int marker) {
    // everything stays buffered
  }

  @Override
  public int index() {
    return p;
  }

  @Override
  public void seek(int index) {
    p = Math.max(0, Math.min(index, size - 1));
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public String getSourceName() {
    return source.getSourceName();
  }
}
