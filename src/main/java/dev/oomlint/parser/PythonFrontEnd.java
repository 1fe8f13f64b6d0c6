package dev.oomlint.parser;

import dev.oomlint.ast.Mod;
import dev.oomlint.ast.SourceFile;
import dev.oomlint.parser.antlr.LexError;
import dev.oomlint.parser.antlr.PythonLexer;
import dev.oomlint.parser.antlr.PythonLexerBase.LexErrorKind;
import dev.oomlint.parser.antlr.PythonLexerBase;
import dev.oomlint.parser.antlr.PythonParser;
import dev.oomlint.parser.antlr.SnapshotParserSimulator;
import dev.oomlint.parser.antlr.TextCharStream;
import dev.oomlint.parser.antlr.TokenArray;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * The parser front end: text -> tokens -> ANTLR parse tree -> our AST. Never throws for bad input;
 * every problem comes back as {@link ParseOutcome.Failed} with one CPython-like sentence. Thread-safe.
 *
 * <p>Parsing is two-stage: fast SLL prediction with a bail-out error strategy first; only if that
 * fails, full LL (which either succeeds, for the rare input SLL cannot decide, or finds the real
 * syntax error). The work runs on a thread with a large stack (see {@link #threadFactory}) and the
 * parse gives up beyond {@link #MAX_RULE_DEPTH} nested rules, so deeply nested input cannot overflow;
 * a {@link StackOverflowError} that still happens becomes a syntax error.
 */
public final class PythonFrontEnd {

  private static final ThreadPoolExecutor POOL = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30,
      TimeUnit.SECONDS, new SynchronousQueue<>(), threadFactory("oomlint-parser"));

  /** How many parses needed the full-LL second stage (a profile of SLL's weak spots; tests and benchmarks read it). */
  static final java.util.concurrent.atomic.AtomicLong LL_FALLBACKS = new java.util.concurrent.atomic.AtomicLong();

  private PythonFrontEnd() {}

  /** Loads the lexer and the parser (deserialises their ATNs) ahead of the first parse. */
  public static void load() {
    PythonLexer.VOCABULARY.getMaxTokenType();
    PythonParser.VOCABULARY.getMaxTokenType();
  }

  /** Parses {@code file}'s text. */
  public static ParseOutcome parse(SourceFile file) {
    return parse(file.text());
  }

  /** Parses {@code text} (a leading U+FEFF byte-order mark is ignored; ranges still index {@code text}). */
  public static ParseOutcome parse(String text) {
    if (ParserThreads.onParserThread()) {
      return parseHere(text);
    }
    Future<ParseOutcome> f = POOL.submit(() -> parseHere(text));
    try {
      return f.get();
    } catch (InterruptedException e) {
      f.cancel(true);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while parsing", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }

  /**
   * A factory for threads with a stack large enough for any parse. Callers that parse many files
   * (the engine's workers) can run on such threads; {@link #parse} then runs directly on them
   * instead of handing each file to a parser thread.
   */
  public static ThreadFactory threadFactory(String namePrefix) {
    return ParserThreads.factory(namePrefix);
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * The most rule invocations open at once (20,000 chained {@code **} take 20,000). CPython's parser
   * gives up at 6,000 levels of its own (deeper) rules, e.g. after ~3,000 chained {@code **} or nested
   * {@code lambda}s, so no file CPython accepts comes near this limit. Counting the depth, rather than
   * waiting for the stack to overflow, makes the outcome the same on every stack.
   */
  static final int MAX_RULE_DEPTH = 30_000;

  /**
   * The whole pipeline, on the current thread when it is a parser thread (whose stack holds
   * {@link #MAX_RULE_DEPTH} levels with room to spare), else on one of the pool's: the outcome never
   * depends on the calling thread's stack size.
   */
  static ParseOutcome parseHere(String text) {
    if (!ParserThreads.onParserThread()) {
      return parse(text);
    }
    try {
      return run(text);
    } catch (TooDeep e) {
      return tooDeep();
    } catch (StackOverflowError e) {
      return tooDeep();
    } catch (LinkageError e) {
      // An overflow while the JVM links a call site or loads a class deep in the recursion surfaces
      // as a LinkageError (e.g. BootstrapMethodError) caused by the StackOverflowError.
      for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
        if (c instanceof StackOverflowError) {
          return tooDeep();
        }
      }
      throw e;
    }
  }

  /** Thrown when the parse goes {@link #MAX_RULE_DEPTH} rules deep; the parse is abandoned. */
  private static final class TooDeep extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooDeep() {
      super("too deep", null, false, false);
    }
  }

  private static ParseOutcome tooDeep() {
    return new ParseOutcome.Failed(new SyntaxError("expression too deeply nested", 0));
  }

  private static ParseOutcome run(String text) {
    int shift = 0;
    String src = text;
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      src = text.substring(1);
      shift = 1;
    }
    TextCharStream chars = TextCharStream.of(src);
    Offsets offsets = chars != null ? Offsets.of(chars.utf16Offsets(), shift) : Offsets.of(src, shift);
    PythonLexer lexer = new PythonLexer(chars != null ? chars : CharStreams.fromString(src));
    // sized for one token per 7 characters (real code averages 8), so the arrays rarely grow
    TokenArray tokens = new TokenArray(lexer, src.length() / 7 + 16);
    LexError lexed = lexer.lexError();
    SyntaxError lexError = lexed == null ? null : new SyntaxError(lexed.message(), lexed.offset() + shift);

    AstBuilder builder = new AstBuilder(text, offsets, chars != null && chars.isAscii());
    List<Mod.Comment> comments = comments(tokens, builder);
    builder.setComments(comments);
    StreamingParser parser = new StreamingParser(tokens, builder);
    parser.removeErrorListeners();
    parser.setErrorHandler(new BailErrorStrategy());
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    RecognitionException failure = null;
    BuildError buildError = null;
    try {
      parser.file_input();
    } catch (BuildError e) {
      buildError = e;
    } catch (ParseCancellationException sllFailed) {
      LL_FALLBACKS.incrementAndGet();
      tokens.seek(0);
      parser.reset();
      parser.depth = 0;
      parser.body.clear();
      parser.getInterpreter().setPredictionMode(PredictionMode.LL);
      try {
        parser.file_input();
      } catch (BuildError e) {
        buildError = e;
      } catch (ParseCancellationException llFailed) {
        failure = llFailed.getCause() instanceof RecognitionException re ? re : null;
        if (failure == null) {
          throw llFailed;
        }
      }
    }

    if (failure != null || buildError != null) {
      SyntaxErrors errors = new SyntaxErrors(text, offsets, tokens, parser);
      if (failure != null) {
        SyntaxError parseError = errors.translate(failure);
        Token off = failure.getOffendingToken();
        boolean atEnd = off == null || off.getType() == Token.EOF;
        return new ParseOutcome.Failed(prefer(lexError, lexer.lexErrorKind(), parseError, errors.offsetOf(off),
            atEnd, errors));
      }
      return new ParseOutcome.Failed(prefer(lexError, lexer.lexErrorKind(), buildError.toSyntaxError(),
          buildError.offset(), false, errors));
    }
    if (lexError != null) {
      return new ParseOutcome.Failed(lexError);
    }
    return new ParseOutcome.Parsed(new Mod.Module(new dev.oomlint.ast.SourceRange(0, text.length()), parser.body,
        comments));
  }

  /**
   * The parser, building each top-level statement's AST as soon as it is parsed and then dropping
   * its parse tree, so a huge file never holds its whole parse tree in memory.
   */
  private static final class StreamingParser extends PythonParser {
    final List<dev.oomlint.ast.Stmt> body = new ArrayList<>();
    private final AstBuilder builder;

    StreamingParser(TokenArray tokens, AstBuilder builder) {
      super(tokens);
      this.builder = builder;
      this.tokens = tokens;
      SnapshotParserSimulator.install(this);
    }

    /** The token stream, typed, so that the per-rule and per-token bookkeeping below makes plain calls. */
    private final TokenArray tokens;
    /** Rule invocations open now. */
    private int depth;
    /** Set when the parse is given up half-way ({@link TooDeep}). */
    private boolean abandoned;

    /** ANTLR's {@code enterRule}, with the token stream and the parent's child list reached directly. */
    @Override
    public void enterRule(ParserRuleContext localctx, int state, int ruleIndex) {
      if (++depth > MAX_RULE_DEPTH) {
        abandoned = true; // the rules being left now must not build statements from partial trees
        throw new TooDeep();
      }
      setState(state);
      _ctx = localctx;
      localctx.start = tokens.LT(1);
      if (_buildParseTrees) {
        ParserRuleContext parent = (ParserRuleContext) localctx.parent;
        if (parent != null) {
          parent.addChild(localctx);
        }
      }
      if (_parseListeners != null) {
        triggerEnterRuleEvent();
      }
    }

    /** ANTLR's {@code match}: the common case (the expected token, parse tree built, no listeners) inline. */
    @Override
    public Token match(int ttype) {
      Token t = tokens.LT(1);
      if (ttype == Token.EOF || t.getType() != ttype || !_buildParseTrees || _parseListeners != null) {
        return super.match(ttype);
      }
      _errHandler.reportMatch(this);
      tokens.consume();
      if (_errHandler.inErrorRecoveryMode(this)) {
        _ctx.addErrorNode(createErrorNode(_ctx, t));
      } else {
        _ctx.addChild(createTerminalNode(_ctx, t));
      }
      return t;
    }

    @Override
    public void exitRule() {
      depth--;
      ParserRuleContext done = _ctx;
      done.stop = matchedEOF ? tokens.LT(1) : tokens.LT(-1);
      if (_parseListeners != null) {
        triggerExitRuleEvent();
      }
      setState(done.invokingState);
      _ctx = (ParserRuleContext) done.parent;
      if (done instanceof StatementContext s && _ctx instanceof File_inputContext f && s.exception == null
          && !abandoned) {
        builder.statement(s, body);
        f.removeLastChild();
      }
    }
  }

  /**
   * CPython's choice between a tokenizer error and a parser error (see
   * {@link PythonLexerBase.LexErrorKind}): a parser failure at the end of the (cut) token stream means
   * the tokenizer error; an earlier "unexpected indent/unindent" stands; otherwise an eager tokenizer
   * error wins, a bracket left open wins only over a parser error on a later line, and an error
   * reported only when reached loses.
   */
  private static SyntaxError prefer(SyntaxError lexError, LexErrorKind kind, SyntaxError parseError, int errorAt,
      boolean atEndOfStream, SyntaxErrors errors) {
    if (lexError == null) {
      return parseError;
    }
    if (atEndOfStream) {
      return lexError;
    }
    String m = parseError.message();
    if (m.equals("unexpected indent") || m.equals("unexpected unindent")) {
      return parseError;
    }
    if (kind == LexErrorKind.EAGER) {
      return lexError;
    }
    if (kind == LexErrorKind.UNCLOSED_BRACKET && errors.line(errorAt) > errors.line(lexError.offset())) {
      return lexError;
    }
    return parseError;
  }

  private static List<Mod.Comment> comments(TokenArray tokens, AstBuilder b) {
    List<Mod.Comment> out = new ArrayList<>(tokens.comments().size());
    for (Token t : tokens.comments()) {
      out.add(new Mod.Comment(b.range(t), t.getText()));
    }
    return out;
  }
}
