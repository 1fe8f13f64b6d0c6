package dev.oomlint.parser.antlr;

import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.atn.ATNSimulator;
import org.antlr.v4.runtime.atn.ParserATNSimulator;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.dfa.DFAState;

/**
 * ANTLR's parser simulator that, in SLL mode, first walks the build's {@link DfaSnapshot} of a
 * decision's DFA as {@code execATN} walks a DFA, and asks ANTLR (its own DFA, built as it goes) only
 * when the snapshot lacks an edge or has an error edge there. SLL prediction is a function of the
 * decision and the tokens alone, and a DFA caches exactly that, so the answer is the same either way.
 */
public final class SnapshotParserSimulator extends ParserATNSimulator {
  private final DFAState[] starts;

  private SnapshotParserSimulator(Parser parser, ParserATNSimulator live, DFAState[] starts) {
    super(parser, live.atn, live.decisionToDFA, live.getSharedContextCache());
    this.starts = starts;
  }

  /** Puts the snapshot in front of {@code parser}'s simulator; leaves it as it is without a snapshot. */
  public static void install(PythonParser parser) {
    DfaSnapshot snapshot = DfaSnapshot.get();
    if (snapshot != null && snapshot.parserStarts.length == parser.getInterpreter().decisionToDFA.length) {
      parser.setInterpreter(new SnapshotParserSimulator(parser, parser.getInterpreter(), snapshot.parserStarts));
    }
  }

  @Override
  public int adaptivePredict(TokenStream input, int decision, ParserRuleContext outerContext) {
    DFAState s = starts[decision];
    if (s != null && getPredictionMode() == PredictionMode.SLL) {
      int index = input.index();
      int t = input.LA(1);
      try {
        while (true) {
          DFAState[] edges = s.edges;
          DFAState d = edges != null && t + 1 >= 0 && t + 1 < edges.length ? edges[t + 1] : null;
          if (d == null || d == ATNSimulator.ERROR) {
            break; // ANTLR's own walk from the decision's start: it builds, or reports the error
          }
          if (d.isAcceptState) {
            if (d.predicates == null) {
              return d.prediction;
            }
            break;
          }
          s = d;
          if (t != IntStream.EOF) {
            input.consume();
            t = input.LA(1);
          }
        }
      } finally {
        input.seek(index);
      }
    }
    return super.adaptivePredict(input, decision, outerContext);
  }
}
