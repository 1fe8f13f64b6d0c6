package dev.oomlint.parser.antlr;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.atn.LexerATNSimulator;
import org.antlr.v4.runtime.atn.LexerActionExecutor;
import org.antlr.v4.runtime.dfa.DFAState;

/**
 * ANTLR's lexer simulator with a tighter walk over the cached DFA when the input is a
 * {@link TextCharStream}: it reads the char array directly and keeps the position, line and column
 * in locals, syncing them with the stream and the simulator only when it needs ANTLR's ATN (a DFA
 * edge not yet computed) and at the end of the token. The token matched, the lexer actions run, the
 * DFA built and the line/column bookkeeping are exactly those of {@link LexerATNSimulator#match}.
 * When nothing matches (end of input, an error) the token is matched again by ANTLR's own code, which
 * then reports it the usual way.
 */
final class FastLexerSimulator extends LexerATNSimulator {
  /** Set while ANTLR's own {@code match} runs again after the fast walk found no token. */
  private boolean plain;

  /** Per mode, the start state of the build's {@link DfaSnapshot}, or null. */
  private final DFAState[] snapshot;

  FastLexerSimulator(Lexer recog, LexerATNSimulator original) {
    super(recog, original.atn, original.decisionToDFA, original.getSharedContextCache());
    DfaSnapshot s = DfaSnapshot.get();
    snapshot = s != null && s.lexerStarts.length == decisionToDFA.length ? s.lexerStarts : null;
  }

  @Override
  public int match(CharStream input, int mode) {
    if (plain || !(input instanceof TextCharStream in)) {
      return super.match(input, mode);
    }
    this.mode = mode;
    int start = in.index();
    startIndex = start;
    int startLine = line;
    int startCol = charPositionInLine;
    DFAState accepted = null;
    if (snapshot != null && snapshot[mode] != null) {
      // the snapshot first: a token it cannot finish (an edge it lacks) is matched again on ANTLR's DFA
      accepted = walk(in, snapshot[mode], start, false);
    }
    if (accepted == null) {
      DFAState s0 = decisionToDFA[mode].s0;
      if (s0 != null) {
        in.moveTo(start);
        line = startLine;
        charPositionInLine = startCol;
        accepted = walk(in, s0, start, true);
      }
    }
    if (accepted == null) {
      in.moveTo(start);
      line = startLine;
      charPositionInLine = startCol;
      plain = true;
      try {
        return super.match(input, mode);
      } finally {
        plain = false;
      }
    }
    LexerActionExecutor actions = accepted.lexerActionExecutor;
    if (actions != null && recog != null) {
      actions.execute(recog, input, start);
    }
    return accepted.prediction;
  }

  /**
   * Walks the DFA from {@code s0} as {@code execATN} does and leaves the stream, line and column
   * after the longest token it accepted; returns that token's DFA state, or null if none. On a
   * snapshot ({@code live} false) an edge it lacks also ends the walk with null, the stream, line
   * and column left anywhere.
   */
  private DFAState walk(TextCharStream in, DFAState s0, int p, boolean live) {
    char[] data = in.data;
    int n = in.size;
    int ln = line;
    int col = charPositionInLine;
    DFAState accepted = null;
    int acceptP = 0;
    int acceptLine = 0;
    int acceptCol = 0;
    if (s0.isAcceptState) {
      accepted = s0;
      acceptP = p;
      acceptLine = ln;
      acceptCol = col;
    }
    DFAState s = s0;
    int t = p < n ? data[p] : IntStream.EOF;
    while (true) {
      DFAState target = null;
      DFAState[] edges = s.edges;
      if (edges != null && t >= MIN_DFA_EDGE && t <= MAX_DFA_EDGE) {
        target = edges[t - MIN_DFA_EDGE];
      }
      if (target == null) {
        if (!live) {
          return null; // a snapshot cannot build the edge: the token is matched again
        }
        in.moveTo(p);
        line = ln;
        charPositionInLine = col;
        target = computeTargetState(in, s, t == TextCharStream.SUPPLEMENTARY ? in.codePoint(p) : t);
      }
      if (target == ERROR) {
        break;
      }
      if (t != IntStream.EOF) {
        if (t == '\n') {
          ln++;
          col = 0;
        } else {
          col++;
        }
        p++;
      }
      if (target.isAcceptState) {
        accepted = target;
        acceptP = p;
        acceptLine = ln;
        acceptCol = col;
        if (t == IntStream.EOF) {
          break;
        }
      }
      t = p < n ? data[p] : IntStream.EOF;
      DFAState[] next = target.edges;
      if (next != null && t >= 0 && t <= MAX_DFA_EDGE && t != '\n' && next[t - MIN_DFA_EDGE] == target) {
        // A run of characters that keep the DFA in this state (a name, comment, string body, blanks):
        // the same steps as the loop above, with nothing but the position changing.
        int q = p + 1;
        while (q < n) {
          char c = data[q];
          if (c > MAX_DFA_EDGE || c == '\n' || next[c - MIN_DFA_EDGE] != target) {
            break;
          }
          q++;
        }
        col += q - p;
        p = q;
        if (target.isAcceptState) {
          accepted = target;
          acceptP = p;
          acceptLine = ln;
          acceptCol = col;
        }
        t = p < n ? data[p] : IntStream.EOF;
      }
      s = target;
    }
    if (accepted != null) {
      in.moveTo(acceptP);
      line = acceptLine;
      charPositionInLine = acceptCol;
    }
    return accepted;
  }
}
