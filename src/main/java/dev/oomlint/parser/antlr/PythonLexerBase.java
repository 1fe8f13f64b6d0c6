package dev.oomlint.parser.antlr;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.LexerNoViableAltException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.LexerATNSimulator;
import org.antlr.v4.runtime.misc.Interval;

/**
 * The hand-written half of the Python lexer: everything {@code PythonLexer.g4} cannot say as regular
 * expressions. It post-processes every token the generated rules match and
 *
 * <ul>
 *   <li>turns line breaks into {@code NEWLINE} only at the end of a logical line (never inside brackets,
 *       never after a blank or comment-only line) and always emits a final {@code NEWLINE} before EOF;
 *   <li>computes {@code INDENT} / {@code DEDENT} from an indentation stack exactly as CPython does (tabs
 *       to the next multiple of 8, a form feed resets the column, the tab/space consistency check with
 *       the alternate tab size 1, indentation taken from the first physical line of a backslash-joined
 *       line, at most 99 levels);
 *   <li>tracks the bracket stack (CPython's limit of 200 levels, mismatched and unmatched brackets,
 *       brackets left open at EOF);
 *   <li>drives the f-string modes (PEP 701): {@code FSTRING_START} pushes the literal-text mode of its
 *       quote kind, <code>&#123;</code> opens a replacement field lexed in {@code DEFAULT_MODE}, a {@code :} at
 *       the field's own bracket depth switches to the format-spec mode, the field's <code>&#125;</code>
 *       returns;
 *   <li>checks what follows a number the way CPython does ({@code 1abc}, {@code 0b12}, {@code 0x}),
 *       while still accepting {@code 1if x else y};
 *   <li>reports the first lexical error as a {@link LexError} with a CPython-like message.
 * </ul>
 *
 * <p>Contract for the front end:
 *
 * <ul>
 *   <li>Create the lexer with {@code new PythonLexer(CharStreams.fromString(text))}; it never prints
 *       anything (the console error listener is removed) and never throws for bad input.
 *   <li>Token start/stop indices are code-point indices into that char stream.
 *   <li>After the first lexical error the token stream ends: the next token is EOF (at the error
 *       position). Always check {@link #lexError()} after parsing, also when the parse succeeded (the
 *       stream may have been cut at a statement boundary). Choosing between it and a parser error
 *       the way CPython does ({@link LexErrorKind}): if the parser failed at the EOF that ends the
 *       stream (or did not fail), report the lexical error. If the parser failed earlier, report the
 *       parser's error when it is "unexpected indent"/"unexpected unindent"; otherwise report the
 *       lexical error when its kind is {@code EAGER}, or {@code UNCLOSED_BRACKET} with the parser's
 *       error on a later line than the bracket; else the parser's error.
 *   <li>{@code ERRORTOKEN} ({@code $ ? `}) is not a lexical error: it goes to the parser, which fails
 *       on it ("invalid syntax"), as in CPython.
 *   <li>{@link #lexError()} offsets are UTF-16 code units (Java {@code String} indices) into the text,
 *       as {@link LexError} requires; {@link #lexErrorCodePointIndex()} gives the same position as a
 *       code-point index.
 *   <li>{@code COMMENT} tokens come on channel {@code PythonLexer.COMMENTS}; whitespace, line
 *       continuations and non-logical line breaks are not emitted at all.
 *   <li>Synthesized tokens: {@code INDENT} and {@code DEDENT} are zero-width at the start of the first
 *       token of their line; the {@code NEWLINE} added at EOF (when the file does not end with a line
 *       break) and the {@code DEDENT}s before EOF are zero-width at the end of the text.
 * </ul>
 */
public abstract class PythonLexerBase extends Lexer {
  /** CPython's MAXLEVEL: more nested brackets fail with "too many nested parentheses". */
  public static final int MAX_BRACKET_DEPTH = 200;
  /** CPython's MAXINDENT: the indentation stack holds at most this many entries (level 0 included). */
  public static final int MAX_INDENT = 100;
  /** CPython's MAXFSTRINGLEVEL. */
  public static final int MAX_FSTRING_DEPTH = 150;
  /** Replacement fields nested through format specs of one f-string (CPython: 2 levels of spec). */
  private static final int MAX_FIELDS_PER_FSTRING = 3;

  private static final int TAB_SIZE = 8;

  /** Quote kinds of an f-string, indexes into the mode tables below. */
  private static final int SQ = 0;
  private static final int DQ = 1;
  private static final int TSQ = 2;
  private static final int TDQ = 3;

  private final TokenQueue pending = new TokenQueue();

  /**
   * Token types that {@link #process} passes through unchanged in the default mode once the line's
   * first token was seen (no layout, bracket, f-string, number or error handling).
   */
  private static final boolean[] PLAIN = plainTypes();

  private static boolean[] plainTypes() {
    int[] special = {PythonLexer.NEWLINE, PythonLexer.COMMENT, PythonLexer.LINE_CONTINUATION,
        PythonLexer.ERR_UNTERMINATED_STRING, PythonLexer.ERR_UNTERMINATED_LONG_STRING, PythonLexer.ERR_LEADING_ZERO,
        PythonLexer.LPAR, PythonLexer.LSQB, PythonLexer.LBRACE, PythonLexer.RPAR, PythonLexer.RSQB,
        PythonLexer.RBRACE, PythonLexer.COLON, PythonLexer.COLONEQUAL, PythonLexer.FSTRING_START,
        PythonLexer.NUMBER};
    boolean[] plain = new boolean[256]; // more than the vocabulary's token types
    java.util.Arrays.fill(plain, true);
    for (int type : special) {
      plain[type] = false;
    }
    return plain;
  }

  // Indentation stack (CPython's indstack / altindstack).
  private final int[] indents = new int[MAX_INDENT + 1];
  private final int[] altIndents = new int[MAX_INDENT + 1];
  private int indentTop;

  // Bracket stack: the character, its code-point index and its line.
  private final char[] bracketChars = new char[MAX_BRACKET_DEPTH + 1];
  private final int[] bracketStarts = new int[MAX_BRACKET_DEPTH + 1];
  private final int[] bracketLines = new int[MAX_BRACKET_DEPTH + 1];
  private int bracketDepth;

  // f-string stack: quote kind, raw, start index, and how many fields were open when it started.
  private final int[] fstringQuotes = new int[MAX_FSTRING_DEPTH + 1];
  private final boolean[] fstringRaw = new boolean[MAX_FSTRING_DEPTH + 1];
  private final int[] fstringStarts = new int[MAX_FSTRING_DEPTH + 1];
  private final int[] fstringFieldBase = new int[MAX_FSTRING_DEPTH + 1];
  private int fstringDepth;

  // Replacement-field stack: the bracket depth right after the field's '{' was pushed.
  private int[] fieldDepths = new int[16];
  private int fieldCount;

  /** True while no token of the current logical line has been seen yet. */
  private boolean atLineStart = true;
  /** Code-point index where the current (candidate) logical line starts. */
  private int lineStart;

  private LexError error;
  private int errorIndex = -1;
  private LexErrorKind errorKind;
  private Token eofToken;

  protected PythonLexerBase(CharStream input) {
    super(input);
    removeErrorListeners();
    indents[0] = 0;
    altIndents[0] = 0;
  }

  /**
   * The first lexical error, or null if there was none (so far: call it after the tokens were
   * consumed). Its offset is in UTF-16 code units into the text.
   */
  public LexError lexError() {
    return error;
  }

  /** The position of {@link #lexError()} as a code-point index into the char stream; -1 if none. */
  public int lexErrorCodePointIndex() {
    return errorIndex;
  }

  /** How {@link #lexError()} ranks against a parser error found before it; null if no error. */
  public LexErrorKind lexErrorKind() {
    return errorKind;
  }

  /**
   * How CPython ranks a tokenizer error against a syntax error its parser finds earlier in the file.
   * CPython tokenizes lazily: when its parser fails first it reports the parser's error, except that
   * for a generic or custom parser error (everything but "unexpected indent" / "unexpected unindent")
   * it tokenizes the rest of the file and lets some tokenizer errors win.
   */
  public enum LexErrorKind {
    /**
     * Raised by CPython's tokenizer as an exception outside any f-string (unterminated string,
     * invalid character, bad number, unmatched or mismatched bracket, too many nested parentheses,
     * null byte): wins over an earlier parser error other than "unexpected indent/unindent".
     */
    EAGER,
    /**
     * Reported only if the parser gets to it: indentation and tab errors, line-continuation errors,
     * unexpected EOF, and every error raised inside an f-string. An earlier parser error wins.
     */
    WHEN_REACHED,
    /**
     * A bracket still open at EOF (offset: the bracket). Wins when the parser reaches EOF, or over an
     * earlier generic/custom parser error on a later line than the bracket.
     */
    UNCLOSED_BRACKET
  }

  /** Predicate used by the grammar: whether the innermost f-string being lexed is raw. */
  protected boolean rawFString() {
    return fstringDepth > 0 && fstringRaw[fstringDepth - 1];
  }

  @Override
  public void reset() {
    super.reset();
    pending.clear();
    indentTop = 0;
    bracketDepth = 0;
    fstringDepth = 0;
    fieldCount = 0;
    atLineStart = true;
    lineStart = 0;
    error = null;
    errorIndex = -1;
    errorKind = null;
    eofToken = null;
  }

  @Override
  public Token nextToken() {
    while (pending.isEmpty()) {
      if (eofToken != null) {
        return eofToken;
      }
      int mode = _mode;
      Token t = lexOne();
      int type = t.getType();
      if (error == null && mode == DEFAULT_MODE && !atLineStart && type >= 0 && type < PLAIN.length && PLAIN[type]) {
        return t; // what process would queue unchanged, and then be polled at once
      }
      if (error != null) {
        finishAtError();
      } else {
        process(t, mode);
        if (error != null) {
          pending.clear();
          finishAtError();
        }
      }
    }
    Token next = pending.poll();
    if (next.getType() == Token.EOF) {
      eofToken = next;
    }
    return next;
  }

  /**
   * The next token the grammar's rules match: {@link Lexer#nextToken()} with the same steps and
   * results, on a shorter path (one simulator, {@link LexedToken}s, no marks on the stream, no
   * {@code more} command since the grammar has none).
   */
  private Token lexOne() {
    while (true) {
      Token t = matchOne();
      if (t.getType() != PythonLexer.NAME || asciiName(t)) {
        return t;
      }
      t = checkName(t);
      if (t != null) {
        return t;
      }
      // the name's first character starts no token: the error is recorded, lexing goes on as ANTLR's does
    }
  }

  /** The next token the grammar's rules match, with non-ASCII names not yet checked (see {@link #checkName}). */
  private Token matchOne() {
    if (!(_interp instanceof FastLexerSimulator)) {
      _interp = new FastLexerSimulator(this, _interp);
    }
    if (!(_input instanceof TextCharStream)) {
      return super.nextToken();
    }
    FastLexerSimulator sim = (FastLexerSimulator) _interp;
    TextCharStream in = (TextCharStream) _input;
    while (true) {
      if (_hitEOF) {
        emitEOF();
        return _token;
      }
      _token = null;
      _channel = DEFAULT_TOKEN_CHANNEL;
      _tokenStartCharIndex = in.index();
      _tokenStartCharPositionInLine = sim.getCharPositionInLine();
      _tokenStartLine = sim.getLine();
      _text = null;
      _type = Token.INVALID_TYPE;
      int ttype;
      try {
        ttype = sim.match(in, _mode);
      } catch (LexerNoViableAltException e) {
        notifyListeners(e);
        recover(e);
        ttype = SKIP;
      }
      if (in.index() >= in.size) {
        _hitEOF = true;
      }
      if (_type == Token.INVALID_TYPE) {
        _type = ttype;
      }
      if (_type == SKIP) {
        continue;
      }
      if (_type == MORE) {
        throw new IllegalStateException("the grammar has no 'more' command");
      }
      if (_token == null) {
        Token t = _text == null
            ? new LexedToken(_tokenFactorySourcePair, _type, _channel, _tokenStartCharIndex, in.index() - 1,
                _tokenStartLine, _tokenStartCharPositionInLine)
            : _factory.create(_tokenFactorySourcePair, _type, _text, _channel, _tokenStartCharIndex,
                in.index() - 1, _tokenStartLine, _tokenStartCharPositionInLine);
        emit(t);
      }
      return _token;
    }
  }

  // ------------------------------------------------------------------------------------------------
  // Non-ASCII names. The grammar lets every non-ASCII character into a NAME (an exact Unicode property
  // set in the lexer's ATN costs milliseconds at every start); here a NAME holding one is cut where the
  // exact rule, `[_\p{XID_Start}] [\p{XID_Continue}]*`, would have ended it.

  /** Whether {@code t}'s text is all ASCII (then the grammar's rule was exact). */
  private boolean asciiName(Token t) {
    if (_input instanceof TextCharStream in) {
      return in.isAscii(t.getStartIndex(), t.getStopIndex());
    }
    for (int i = t.getStartIndex(); i <= t.getStopIndex(); i++) {
      if (codePointAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** Keywords and soft keywords by text: what an ASCII name that was cut short may turn out to be. */
  private static final class Keywords {
    static final java.util.Map<String, Integer> BY_TEXT = new java.util.HashMap<>();

    static {
      org.antlr.v4.runtime.Vocabulary v = PythonLexer.VOCABULARY;
      for (int type = 1; type <= v.getMaxTokenType(); type++) {
        String literal = v.getLiteralName(type);
        if (literal != null && literal.length() > 2 && literal.matches("'[A-Za-z_]+'")) {
          BY_TEXT.put(literal.substring(1, literal.length() - 1), type);
        }
      }
    }
  }

  /**
   * {@code t}, a NAME with a non-ASCII character, as the exact rule would have matched it: whole when
   * every character is an identifier character; cut before the first that is not (the input then
   * resumes there, where no rule can match, and the next token reports it); or, when the first
   * character itself cannot start a name, null after reporting it as ANTLR reports a character no rule
   * matches.
   */
  private Token checkName(Token t) {
    int start = t.getStartIndex();
    int stop = t.getStopIndex();
    int bad = -1;
    for (int i = start; i <= stop; i++) {
      int c = codePointAt(i);
      if (c >= 0x80 && !(i == start ? XidTables.isStart(c) : XidTables.isContinue(c))) {
        bad = i;
        break;
      }
    }
    if (bad < 0) {
      return t;
    }
    LexerATNSimulator sim = getInterpreter();
    _input.seek(bad);
    _hitEOF = false;
    sim.setLine(t.getLine());
    sim.setCharPositionInLine(t.getCharPositionInLine() + (bad - start));
    if (bad == start) {
      _tokenStartCharIndex = start;
      _tokenStartLine = t.getLine();
      _tokenStartCharPositionInLine = t.getCharPositionInLine();
      LexerNoViableAltException e = new LexerNoViableAltException(this, _input, start, null);
      notifyListeners(e);
      recover(e);
      if (_input.index() >= _input.size()) {
        _hitEOF = true;
      }
      return null;
    }
    String text = _input.getText(Interval.of(start, bad - 1));
    Integer keyword = Keywords.BY_TEXT.get(text);
    Token cut = new LexedToken(_tokenFactorySourcePair, keyword != null ? keyword : PythonLexer.NAME,
        t.getChannel(), start, bad - 1, t.getLine(), t.getCharPositionInLine());
    _token = cut;
    return cut;
  }

  // ------------------------------------------------------------------------------------------------
  // Token processing.

  private void process(Token t, int mode) {
    int type = t.getType();
    if (type == Token.EOF) {
      atEof(t, mode);
      return;
    }
    if (mode != DEFAULT_MODE) {
      inFString(t, mode);
      return;
    }
    switch (type) {
      case PythonLexer.NEWLINE:
        if (bracketDepth == 0) {
          if (!atLineStart) {
            pending.add(t);
            atLineStart = true;
          }
          lineStart = t.getStopIndex() + 1;
        }
        return;
      case PythonLexer.COMMENT:
        pending.add(t);
        return;
      case PythonLexer.LINE_CONTINUATION:
        if (onlyWhitespaceToEof()) {
          failWhenReached("unexpected EOF while parsing", t.getStartIndex() + 1);
        }
        return;
      default:
        break;
    }
    if (atLineStart) {
      // CPython computes the indentation before it reads the line's first token, so indentation
      // errors win over errors in that token.
      indentation(t.getStartIndex(), t.getLine(), t.getCharPositionInLine());
      if (error != null) {
        return;
      }
      atLineStart = false;
    }
    switch (type) {
      case PythonLexer.ERR_UNTERMINATED_STRING:
        unterminatedString(t);
        return;
      case PythonLexer.ERR_UNTERMINATED_LONG_STRING:
        fail("unterminated triple-quoted string literal (detected at line " + lastLine() + ")",
            t.getStartIndex());
        return;
      case PythonLexer.ERR_LEADING_ZERO:
        fail("leading zeros in decimal integer literals are not permitted; "
            + "use an 0o prefix for octal integers", t.getStartIndex());
        return;
      case PythonLexer.LPAR:
      case PythonLexer.LSQB:
      case PythonLexer.LBRACE:
        openBracket(t);
        pending.add(t);
        return;
      case PythonLexer.RPAR:
      case PythonLexer.RSQB:
      case PythonLexer.RBRACE:
        boolean closesField = fieldCount > 0 && bracketDepth == fieldDepths[fieldCount - 1];
        closeBracket(t, closesField);
        if (error == null && closesField) {
          fieldCount--;
          popMode();
        }
        pending.add(t);
        return;
      case PythonLexer.COLON:
        if (atFieldTop()) {
          enterFormatSpec();
        }
        pending.add(t);
        return;
      case PythonLexer.COLONEQUAL:
        if (atFieldTop()) {
          // `{x:=5}` is x with the format spec "=5" (CPython): split off the ':'.
          pending.add(splitColon(t));
          enterFormatSpec();
          return;
        }
        pending.add(t);
        return;
      case PythonLexer.FSTRING_START:
        startFString(t);
        pending.add(t);
        return;
      case PythonLexer.NUMBER:
        checkEndOfNumber(t);
        pending.add(t);
        return;
      default:
        pending.add(t);
    }
  }

  private void atEof(Token eof, int mode) {
    if (mode != DEFAULT_MODE) {
      unterminatedFString(lastLine());
      return;
    }
    if (bracketDepth > 0) {
      int top = bracketDepth - 1;
      record("'" + bracketChars[top] + "' was never closed", bracketStarts[top],
          LexErrorKind.UNCLOSED_BRACKET);
      return;
    }
    int end = eof.getStartIndex();
    if (!atLineStart) {
      pending.add(synthetic(PythonLexer.NEWLINE, "", end, eof.getLine(), eof.getCharPositionInLine()));
    }
    while (indentTop > 0) {
      indentTop--;
      pending.add(synthetic(PythonLexer.DEDENT, "", end, eof.getLine(), eof.getCharPositionInLine()));
    }
    pending.add(eof);
  }

  private void finishAtError() {
    int at = Math.max(errorIndex, 0);
    pending.add(synthetic(Token.EOF, "<EOF>", at, getLine(), getCharPositionInLine()));
  }

  // ------------------------------------------------------------------------------------------------
  // Indentation.

  private void indentation(int start, int line, int column) {
    // The line's leading characters: read in place from a TextCharStream (where a code point above
    // U+FFFF is one marker char instead of two surrogates; neither counts here).
    char[] lead;
    int from;
    int to;
    if (_input instanceof TextCharStream) {
      lead = ((TextCharStream) _input).data;
      from = lineStart;
      to = Math.max(start, lineStart);
    } else {
      lead = start > lineStart ? _input.getText(Interval.of(lineStart, start - 1)).toCharArray() : new char[0];
      from = 0;
      to = lead.length;
    }
    int col = 0;
    int altCol = 0;
    int contCol = 0;
    for (int i = from; i < to; i++) {
      char c = lead[i];
      if (c == ' ') {
        col++;
        altCol++;
      } else if (c == '\t') {
        col = (col / TAB_SIZE + 1) * TAB_SIZE;
        altCol++;
      } else if (c == '\f') {
        col = 0;
        altCol = 0;
      } else if (c == '\\') {
        // Indentation cannot be split over physical lines: the first backslash decides (CPython).
        contCol = contCol != 0 ? contCol : col;
      }
      // '\r' and '\n' here belong to a backslash continuation and do not count.
    }
    if (contCol != 0) {
      col = contCol;
      altCol = contCol;
    }
    if (col == indents[indentTop]) {
      if (altCol != altIndents[indentTop]) {
        failWhenReached("inconsistent use of tabs and spaces in indentation", lineStart);
      }
    } else if (col > indents[indentTop]) {
      if (indentTop + 1 >= MAX_INDENT) {
        failWhenReached("too many levels of indentation", lineStart);
        return;
      }
      if (altCol <= altIndents[indentTop]) {
        failWhenReached("inconsistent use of tabs and spaces in indentation", lineStart);
        return;
      }
      indentTop++;
      indents[indentTop] = col;
      altIndents[indentTop] = altCol;
      pending.add(synthetic(PythonLexer.INDENT, "", start, line, column));
    } else {
      while (indentTop > 0 && col < indents[indentTop]) {
        indentTop--;
        pending.add(synthetic(PythonLexer.DEDENT, "", start, line, column));
      }
      if (col != indents[indentTop]) {
        failWhenReached("unindent does not match any outer indentation level", start);
      } else if (altCol != altIndents[indentTop]) {
        failWhenReached("inconsistent use of tabs and spaces in indentation", lineStart);
      }
    }
  }

  // ------------------------------------------------------------------------------------------------
  // Brackets.

  private void openBracket(Token t) {
    if (bracketDepth >= MAX_BRACKET_DEPTH) {
      fail("too many nested parentheses", t.getStartIndex());
      return;
    }
    bracketChars[bracketDepth] =
        t.getType() == PythonLexer.LPAR ? '(' : t.getType() == PythonLexer.LSQB ? '[' : '{';
    bracketStarts[bracketDepth] = t.getStartIndex();
    bracketLines[bracketDepth] = t.getLine();
    bracketDepth++;
  }

  private void closeBracket(Token t, boolean topIsField) {
    char close = closingChar(t.getType());
    if (bracketDepth == 0) {
      fail("unmatched '" + close + "'", t.getStartIndex());
      return;
    }
    int top = bracketDepth - 1;
    char open = bracketChars[top];
    if (open != openingFor(close)) {
      if (topIsField) {
        fail("f-string: unmatched '" + close + "'", t.getStartIndex());
      } else if (bracketLines[top] != t.getLine()) {
        fail("closing parenthesis '" + close + "' does not match opening parenthesis '" + open
            + "' on line " + bracketLines[top], t.getStartIndex());
      } else {
        fail("closing parenthesis '" + close + "' does not match opening parenthesis '" + open + "'",
            t.getStartIndex());
      }
      return;
    }
    bracketDepth--;
  }

  private static char closingChar(int type) {
    switch (type) {
      case PythonLexer.RPAR:
        return ')';
      case PythonLexer.RSQB:
        return ']';
      default:
        return '}';
    }
  }

  private static char openingFor(char close) {
    switch (close) {
      case ')':
        return '(';
      case ']':
        return '[';
      default:
        return '{';
    }
  }

  // ------------------------------------------------------------------------------------------------
  // f-strings.

  private void startFString(Token t) {
    if (fstringDepth >= MAX_FSTRING_DEPTH) {
      fail("too many nested f-strings", t.getStartIndex());
      return;
    }
    String text = t.getText();
    int q = 0;
    boolean raw = false;
    while (q < text.length() && text.charAt(q) != '\'' && text.charAt(q) != '"') {
      raw |= text.charAt(q) == 'r' || text.charAt(q) == 'R';
      q++;
    }
    int quotes = text.length() - q;
    int kind = text.charAt(q) == '\'' ? (quotes == 3 ? TSQ : SQ) : (quotes == 3 ? TDQ : DQ);
    fstringQuotes[fstringDepth] = kind;
    fstringRaw[fstringDepth] = raw;
    fstringStarts[fstringDepth] = t.getStartIndex();
    fstringFieldBase[fstringDepth] = fieldCount;
    fstringDepth++;
    pushMode(literalMode(kind));
  }

  private static int literalMode(int kind) {
    switch (kind) {
      case SQ:
        return PythonLexer.FSTR_SQ;
      case DQ:
        return PythonLexer.FSTR_DQ;
      case TSQ:
        return PythonLexer.FSTR_TSQ;
      default:
        return PythonLexer.FSTR_TDQ;
    }
  }

  private static int specMode(int kind) {
    switch (kind) {
      case SQ:
        return PythonLexer.SPEC_SQ;
      case DQ:
        return PythonLexer.SPEC_DQ;
      case TSQ:
        return PythonLexer.SPEC_TSQ;
      default:
        return PythonLexer.SPEC_TDQ;
    }
  }

  private static boolean isSpecMode(int mode) {
    return mode == PythonLexer.SPEC_SQ
        || mode == PythonLexer.SPEC_DQ
        || mode == PythonLexer.SPEC_TSQ
        || mode == PythonLexer.SPEC_TDQ;
  }

  /** A token matched in one of the f-string literal or format-spec modes. */
  private void inFString(Token t, int mode) {
    boolean spec = isSpecMode(mode);
    switch (t.getType()) {
      case PythonLexer.FSTRING_MIDDLE:
        pending.add(t);
        return;
      case PythonLexer.LBRACE:
        openField(t);
        pending.add(t);
        return;
      case PythonLexer.RBRACE:
        if (!spec) {
          fail("f-string: single '}' is not allowed", t.getStartIndex());
          return;
        }
        // The '}' ending the field whose format spec this is.
        bracketDepth--;
        fieldCount--;
        popMode();
        pending.add(t);
        return;
      case PythonLexer.FSTRING_END:
        if (spec) {
          fail("f-string: expecting '}'", t.getStartIndex());
          return;
        }
        fstringDepth--;
        popMode();
        pending.add(t);
        return;
      case PythonLexer.ERR_FSTRING_NEWLINE:
        if (spec) {
          // CPython 3.12/3.13: a line break ends the format spec of a single-quoted f-string and the
          // field goes on in regular mode (`f'{x:\n}'` is valid, `f'{x:a\nb}'` fails in the parser).
          popMode();
          pushMode(DEFAULT_MODE);
        } else {
          unterminatedFString(t.getLine());
        }
        return;
      default:
        throw new IllegalStateException("unexpected token in f-string mode: " + t);
    }
  }

  private void openField(Token t) {
    if (fieldCount - fstringFieldBase[fstringDepth - 1] >= MAX_FIELDS_PER_FSTRING) {
      fail("f-string: expressions nested too deeply", t.getStartIndex());
      return;
    }
    openBracket(t);
    if (error != null) {
      return;
    }
    if (fieldCount == fieldDepths.length) {
      fieldDepths = java.util.Arrays.copyOf(fieldDepths, fieldCount * 2);
    }
    fieldDepths[fieldCount++] = bracketDepth;
    pushMode(DEFAULT_MODE);
  }

  private boolean atFieldTop() {
    return fieldCount > 0 && bracketDepth == fieldDepths[fieldCount - 1];
  }

  private void enterFormatSpec() {
    popMode();
    pushMode(specMode(fstringQuotes[fstringDepth - 1]));
  }

  /** Turns the ':=' token into a ':' token and rewinds the input to the '='. */
  private Token splitColon(Token t) {
    int start = t.getStartIndex();
    _input.seek(start + 1);
    getInterpreter().setCharPositionInLine(t.getCharPositionInLine() + 1);
    return _factory.create(_tokenFactorySourcePair, PythonLexer.COLON, ":", DEFAULT_TOKEN_CHANNEL,
        start, start, t.getLine(), t.getCharPositionInLine());
  }

  private void unterminatedFString(int detectedAt) {
    int kind = fstringQuotes[fstringDepth - 1];
    String what = kind == TSQ || kind == TDQ ? "triple-quoted f-string" : "f-string";
    fail("unterminated " + what + " literal (detected at line " + detectedAt + ")",
        fstringStarts[fstringDepth - 1]);
  }

  private void unterminatedString(Token t) {
    String text = t.getText();
    int q = 0;
    while (text.charAt(q) != '\'' && text.charAt(q) != '"') {
      q++;
    }
    if (fieldCount > 0) {
      int kind = fstringQuotes[fstringDepth - 1];
      char enclosing = kind == SQ || kind == TSQ ? '\'' : '"';
      if ((kind == SQ || kind == DQ) && text.charAt(q) == enclosing) {
        fail("f-string: expecting '}'", t.getStartIndex() + q);
        return;
      }
    }
    fail("unterminated string literal (detected at line " + lineOfLastChar(t) + ")",
        t.getStartIndex());
  }

  // ------------------------------------------------------------------------------------------------
  // Numbers.

  private void checkEndOfNumber(Token t) {
    String text = t.getText();
    int c = _input.LA(1);
    int at = t.getStopIndex() + 1;
    if (text.equals("0") && (c == 'x' || c == 'X' || c == 'o' || c == 'O' || c == 'b' || c == 'B')) {
      // A base prefix without a valid digit: `0x`, `0o8`, `0b2`.
      String kind = c == 'x' || c == 'X' ? "hexadecimal" : c == 'o' || c == 'O' ? "octal" : "binary";
      int d = _input.LA(2);
      if (d >= '0' && d <= '9' && !kind.equals("hexadecimal")) {
        fail("invalid digit '" + (char) d + "' in " + kind + " literal", at + 1);
      } else {
        fail("invalid " + kind + " literal", at);
      }
      return;
    }
    String kind = numberKind(text);
    if (c >= '0' && c <= '9' && (kind.equals("binary") || kind.equals("octal"))) {
      fail("invalid digit '" + (char) c + "' in " + kind + " literal", at);
      return;
    }
    if (followedByKeyword(c)) {
      return; // CPython only warns: `1if x else y`, `0x1for`
    }
    if (c < 128 && c >= 0 && (Character.isLetterOrDigit(c) || c == '_')) {
      fail("invalid " + kind + " literal", at);
    }
  }

  private static String numberKind(String text) {
    if (text.length() > 1 && text.charAt(0) == '0') {
      switch (text.charAt(1)) {
        case 'x':
        case 'X':
          return "hexadecimal";
        case 'o':
        case 'O':
          return "octal";
        case 'b':
        case 'B':
          return "binary";
        default:
          break;
      }
    }
    char last = text.charAt(text.length() - 1);
    return last == 'j' || last == 'J' ? "imaginary" : "decimal";
  }

  /** CPython's verify_end_of_number: a keyword that may follow a number in valid code. */
  private boolean followedByKeyword(int c) {
    switch (c) {
      case 'a':
        return lookingAt("and");
      case 'e':
        return lookingAt("else");
      case 'f':
        return lookingAt("for");
      case 'o':
        return lookingAt("or");
      case 'n':
        return lookingAt("not");
      case 'i':
        int c2 = _input.LA(2);
        return c2 == 'f' || c2 == 'n' || c2 == 's';
      default:
        return false;
    }
  }

  /** Whether only spaces, tabs and form feeds remain before the end of the input. */
  private boolean onlyWhitespaceToEof() {
    for (int i = 1; ; i++) {
      int c = _input.LA(i);
      if (c == EOF) {
        return true;
      }
      if (c != ' ' && c != '\t' && c != '\f') {
        return false;
      }
    }
  }

  private boolean lookingAt(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (_input.LA(i + 1) != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  // ------------------------------------------------------------------------------------------------
  // Errors.

  /** Characters no rule can start with: ANTLR's "token recognition error". */
  @Override
  public void notifyListeners(LexerNoViableAltException e) {
    int start = _tokenStartCharIndex;
    if (atLineStart && _mode == DEFAULT_MODE) {
      indentation(start, _tokenStartLine, _tokenStartCharPositionInLine);
      if (error != null) {
        return;
      }
    }
    int c = _input.size() > start ? codePointAt(start) : -1;
    if (c == '\\') {
      if (start + 1 >= _input.size()) {
        failWhenReached("unexpected EOF while parsing", start + 1);
      } else {
        failWhenReached("unexpected character after line continuation character", start + 1);
      }
    } else if (c == 0) {
      fail("source code cannot contain null bytes", start);
    } else if (!isPrintable(c)) {
      fail(String.format("invalid non-printable character U+%04X", c), start);
    } else if (c >= 128) {
      fail(String.format("invalid character '%s' (U+%04X)", new String(Character.toChars(c)), c),
          start);
    } else {
      fail("invalid syntax", start);
    }
  }

  private int codePointAt(int index) {
    return _input.getText(Interval.of(index, index)).codePointAt(0);
  }

  /** Python's str.isprintable() for one character. */
  static boolean isPrintable(int c) {
    if (c == ' ') {
      return true;
    }
    switch (Character.getType(c)) {
      case Character.CONTROL:
      case Character.FORMAT:
      case Character.SURROGATE:
      case Character.PRIVATE_USE:
      case Character.UNASSIGNED:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
      case Character.SPACE_SEPARATOR:
        return false;
      default:
        return true;
    }
  }

  /**
   * Records an error CPython's tokenizer raises as an exception: {@link LexErrorKind#EAGER} outside
   * f-strings, {@link LexErrorKind#WHEN_REACHED} inside one (CPython keeps the parser's error then).
   */
  private void fail(String message, int codePointIndex) {
    record(message, codePointIndex,
        fstringDepth > 0 ? LexErrorKind.WHEN_REACHED : LexErrorKind.EAGER);
  }

  /** Records an error CPython reports only when its parser reaches the offending token. */
  private void failWhenReached(String message, int codePointIndex) {
    record(message, codePointIndex, LexErrorKind.WHEN_REACHED);
  }

  private void record(String message, int codePointIndex, LexErrorKind kind) {
    if (error != null) {
      return;
    }
    int index = Math.max(0, Math.min(codePointIndex, _input.size()));
    String before = index > 0 ? _input.getText(Interval.of(0, index - 1)) : "";
    error = new LexError(message, before.length());
    errorIndex = index;
    errorKind = kind;
  }

  /** The 1-based line of the last character of the text (CPython's "detected at line N" at EOF). */
  private int lastLine() {
    int size = _input.size();
    return size == 0 ? 1 : lineOf(size - 1);
  }

  private int lineOfLastChar(Token t) {
    return lineOf(Math.max(t.getStartIndex(), t.getStopIndex()));
  }

  /** 1-based line of a code-point index: counts \r\n, \r and \n (only used when reporting errors). */
  private int lineOf(int index) {
    String text = _input.getText(Interval.of(0, index));
    int line = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        line++;
      }
    }
    // A line break as the very last character still belongs to the line it ends.
    char last = text.isEmpty() ? 0 : text.charAt(text.length() - 1);
    return last == '\n' || last == '\r' ? line - 1 : line;
  }

  private Token synthetic(int type, String text, int start, int line, int column) {
    return _factory.create(_tokenFactorySourcePair, type, text, DEFAULT_TOKEN_CHANNEL, start,
        start - 1, line, column);
  }

  /** A first-in first-out queue of tokens on a growing ring buffer (cheaper than an ArrayDeque here). */
  private static final class TokenQueue {
    private Token[] items = new Token[16];
    private int head;
    private int size;

    boolean isEmpty() {
      return size == 0;
    }

    void add(Token t) {
      if (size == items.length) {
        Token[] bigger = new Token[size * 2];
        for (int i = 0; i < size; i++) {
          bigger[i] = items[(head + i) & (size - 1)];
        }
        items = bigger;
        head = 0;
      }
      items[(head + size) & (items.length - 1)] = t;
      size++;
    }

    Token poll() {
      if (size == 0) {
        return null;
      }
      Token t = items[head];
      items[head] = null;
      head = (head + 1) & (items.length - 1);
      size--;
      return t;
    }

    void clear() {
      while (size > 0) {
        poll();
      }
      head = 0;
    }
  }
}
