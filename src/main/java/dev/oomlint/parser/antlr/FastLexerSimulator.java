package dev.oomlint.parser.antlr;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.atn.LexerATNSimulator;
import org.antlr.v4.runtime.dfa.DFAState;

/**
 * ANTLR's lexer simulator with a tighter walk over the cached DFA when the input is a
 * {@link TextCharStream}: it reads the char array directly and keeps the position, line and column
 * in locals, syncing them with the stream and the simulator only when it needs ANTLR's ATN (a DFA
 * edge not yet computed) and at the end of the token. The token matched, the DFA built, and the
 * line/column bookkeeping are exactly those of {@link LexerATNSimulator#execATN}.
 */
final class FastLexerSimulator extends LexerATNSimulator {
  FastLexerSimulator(Lexer recog, LexerATNSimulator original) {
    super(recog, original.atn, original.decisionToDFA, original.getSharedContextCache());
  }

  @Override
  protected int execATN(CharStream input, DFAState ds0) {
    if (!(input instanceof TextCharStream)) {
      return super.execATN(input, ds0);
    }
    TextCharStream in = (TextCharStream) input;
    char[] data = in.data;
    int n = in.size;
    int p = in.index();
    int ln = line;
    int col = charPositionInLine;
    DFAState accepted = null;
    int acceptP = 0;
    int acceptLine = 0;
    int acceptCol = 0;
    if (ds0.isAcceptState) {
      accepted = ds0;
      acceptP = p;
      acceptLine = ln;
      acceptCol = col;
    }
    DFAState s = ds0;
    int t = p < n ? data[p] : IntStream.EOF;
    while (true) {
      DFAState target = null;
      DFAState[] edges = s.edges;
      if (edges != null && t >= MIN_DFA_EDGE && t <= MAX_DFA_EDGE) {
        target = edges[t - MIN_DFA_EDGE];
      }
      if (target == null) {
        in.moveTo(p);
        line = ln;
        charPositionInLine = col;
        target = computeTargetState(input, s, t);
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
      s = target;
    }
    if (accepted != null) {
      in.moveTo(acceptP);
      line = acceptLine;
      charPositionInLine = acceptCol;
      captureSimState(prevAccept, input, accepted);
    }
    in.moveTo(p);
    line = ln;
    charPositionInLine = col;
    return failOrAccept(prevAccept, input, s.configs, t);
  }
}
