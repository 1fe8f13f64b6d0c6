package dev.oomlint.parser.antlr;

import dev.oomlint.build.EmbeddedData;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.atn.ATNSimulator;
import org.antlr.v4.runtime.atn.LexerATNSimulator;
import org.antlr.v4.runtime.atn.LexerAction;
import org.antlr.v4.runtime.atn.LexerActionExecutor;
import org.antlr.v4.runtime.atn.LexerChannelAction;
import org.antlr.v4.runtime.atn.LexerModeAction;
import org.antlr.v4.runtime.atn.LexerMoreAction;
import org.antlr.v4.runtime.atn.LexerPopModeAction;
import org.antlr.v4.runtime.atn.LexerPushModeAction;
import org.antlr.v4.runtime.atn.LexerSkipAction;
import org.antlr.v4.runtime.atn.LexerTypeAction;
import org.antlr.v4.runtime.dfa.DFA;
import org.antlr.v4.runtime.dfa.DFAState;

/**
 * The lexer's and the parser's prediction DFAs as a build's own parse of the test data left them,
 * embedded in a class at build time ({@link #write}, {@link DfaSnapshotData}) and read at start-up, so that a one-file run
 * does not rebuild them token by token (ANTLR builds its DFAs lazily, by simulating the ATN, which
 * costs a cold run some 10 ms of CPU).
 *
 * <p>A snapshot state holds what a DFA walk reads (its edges, whether it accepts, its prediction, a
 * lexer's actions) and none of ANTLR's configuration sets, so it can only be walked, never extended:
 * {@link FastLexerSimulator} and {@link SnapshotParserSimulator} walk it first and, at the first
 * edge it lacks (or an error edge in the parser), start the token or the decision again on ANTLR's
 * own DFA. A DFA is a cache of the ATN's answers, so the two walks give the same answer wherever the
 * snapshot has one. A snapshot records the ATNs it was made with and is ignored with any other.
 */
public final class DfaSnapshot {
  /** The class the build embeds a snapshot in. */
  public static final String DATA_CLASS = "dev.oomlint.parser.antlr.DfaSnapshotData";
  private static final int MAGIC = 0x4f4f4d44; // "OOMD"
  private static final int VERSION = 2;
  private static final int NONE = -1;
  private static final int ERROR = -2;

  /** Per lexer mode: the snapshot's start state, or null. */
  final DFAState[] lexerStarts;
  /** Per parser decision: the snapshot's start state, or null. */
  final DFAState[] parserStarts;

  private DfaSnapshot(DFAState[] lexerStarts, DFAState[] parserStarts) {
    this.lexerStarts = lexerStarts;
    this.parserStarts = parserStarts;
  }

  private static final class Holder {
    static final DfaSnapshot LOADED = disabled() ? null : read();
  }

  /** Tests switch the snapshot off to compare parses with and without it. */
  private static volatile boolean switchedOff;

  /** The snapshot bundled with this build, or null (none, made from other ATNs, or switched off). */
  static DfaSnapshot get() {
    return switchedOff ? null : Holder.LOADED;
  }

  /** For tests: lexers and parsers made from now on use the snapshot ({@code true}) or not. */
  public static void useForNewParsers(boolean use) {
    switchedOff = !use;
  }

  /** Whether this build embeds a snapshot for the ATNs it runs (tests check the build made one). */
  public static boolean bundled() {
    return Holder.LOADED != null;
  }

  /** {@code -Doomlint.dfa-snapshot=off} switches it off (the build step that makes it does). */
  public static boolean disabled() {
    return "off".equals(System.getProperty("oomlint.dfa-snapshot"));
  }

  /** A fingerprint of the serialised ATNs: a snapshot is valid for these only. */
  static long atnFingerprint() {
    String lexer = PythonLexer._serializedATN;
    String parser = PythonParser._serializedATN;
    return ((long) lexer.hashCode() << 32 ^ (parser.hashCode() & 0xffffffffL)) * 31 + lexer.length() * 1_000_003L
        + parser.length();
  }

  private static DfaSnapshot read() {
    try {
      byte[] data = EmbeddedData.bytes(DfaSnapshotData.data());
      return data == null ? null : read(new ByteArrayInputStream(data), atnFingerprint());
    } catch (IOException | RuntimeException e) {
      return null; // the DFAs are then built as ANTLR builds them
    }
  }

  /** Reads a snapshot, or null when it was made from other ATNs than {@code fingerprint}. */
  static DfaSnapshot read(InputStream raw, long fingerprint) throws IOException {
    DataInputStream in = new DataInputStream(raw instanceof ByteArrayInputStream ? raw : new BufferedInputStream(raw));
    if (in.readInt() != MAGIC || in.readInt() != VERSION || in.readLong() != fingerprint) {
      return null;
    }
    int nExecutors = in.readInt();
    LexerActionExecutor[] executors = new LexerActionExecutor[nExecutors];
    for (int i = 0; i < nExecutors; i++) {
      LexerAction[] actions = new LexerAction[in.readInt()];
      for (int j = 0; j < actions.length; j++) {
        int kind = in.readByte();
        int value = in.readInt();
        actions[j] = switch (kind) {
          case 0 -> new LexerChannelAction(value);
          case 1 -> LexerSkipAction.INSTANCE;
          case 2 -> new LexerTypeAction(value);
          case 3 -> LexerMoreAction.INSTANCE;
          case 4 -> new LexerModeAction(value);
          case 5 -> new LexerPushModeAction(value);
          case 6 -> LexerPopModeAction.INSTANCE;
          default -> throw new IOException("unknown lexer action " + kind);
        };
      }
      executors[i] = new LexerActionExecutor(actions);
    }
    DFAState[] lexer = readDfas(in, LEXER_EDGES, executors);
    DFAState[] parser = readDfas(in, in.readInt(), null);
    return new DfaSnapshot(lexer, parser);
  }

  /** A lexer DFA state's edge array: one slot per character 0..127, as ANTLR's. */
  private static final int LEXER_EDGES = LexerATNSimulator.MAX_DFA_EDGE - LexerATNSimulator.MIN_DFA_EDGE + 1;

  private static DFAState[] readDfas(DataInputStream in, int edgeSlots, LexerActionExecutor[] executors)
      throws IOException {
    DFAState[] starts = new DFAState[in.readInt()];
    for (int d = 0; d < starts.length; d++) {
      int n = in.readInt();
      if (n == 0) {
        continue;
      }
      DFAState[] states = new DFAState[n];
      for (int i = 0; i < n; i++) {
        states[i] = new DFAState(i);
      }
      for (int i = 0; i < n; i++) {
        DFAState s = states[i];
        int flags = in.readByte();
        s.isAcceptState = (flags & 1) != 0;
        s.requiresFullContext = (flags & 2) != 0;
        s.prediction = in.readInt();
        int executor = in.readInt();
        if (executor >= 0) {
          s.lexerActionExecutor = executors[executor];
        }
        int edges = in.readInt();
        if (edges > 0) {
          s.edges = new DFAState[edgeSlots];
          for (int e = 0; e < edges; e++) {
            int slot = in.readShort();
            int target = in.readInt();
            s.edges[slot] = target == ERROR ? ATNSimulator.ERROR : states[target];
          }
        }
      }
      starts[d] = states[0]; // the start state comes first
    }
    return starts;
  }

  /**
   * Writes the DFAs the lexer and the parser hold now (what the parses of this process built) to
   * {@code out}. Refuses DFAs with something a snapshot cannot hold (position-dependent or custom
   * lexer actions, parser predicates, precedence DFAs).
   */
  public static void write(OutputStream raw) throws IOException {
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16));
    out.writeInt(MAGIC);
    out.writeInt(VERSION);
    out.writeLong(atnFingerprint());
    Map<LexerActionExecutor, Integer> executorIds = new IdentityHashMap<>();
    List<LexerActionExecutor> executors = new ArrayList<>();
    for (DFA dfa : PythonLexer._decisionToDFA) {
      for (DFAState s : reachable(dfa)) {
        if (s.lexerActionExecutor != null && !executorIds.containsKey(s.lexerActionExecutor)) {
          executorIds.put(s.lexerActionExecutor, executors.size());
          executors.add(s.lexerActionExecutor);
        }
      }
    }
    out.writeInt(executors.size());
    for (LexerActionExecutor x : executors) {
      LexerAction[] actions = x.getLexerActions();
      out.writeInt(actions.length);
      for (LexerAction a : actions) {
        if (a instanceof LexerChannelAction c) {
          out.writeByte(0);
          out.writeInt(c.getChannel());
        } else if (a instanceof LexerSkipAction) {
          out.writeByte(1);
          out.writeInt(0);
        } else if (a instanceof LexerTypeAction t) {
          out.writeByte(2);
          out.writeInt(t.getType());
        } else if (a instanceof LexerMoreAction) {
          out.writeByte(3);
          out.writeInt(0);
        } else if (a instanceof LexerModeAction m) {
          out.writeByte(4);
          out.writeInt(m.getMode());
        } else if (a instanceof LexerPushModeAction m) {
          out.writeByte(5);
          out.writeInt(m.getMode());
        } else if (a instanceof LexerPopModeAction) {
          out.writeByte(6);
          out.writeInt(0);
        } else {
          throw new IllegalStateException("a lexer action a snapshot cannot hold: " + a);
        }
      }
    }
    writeDfas(out, PythonLexer._decisionToDFA, executorIds);
    out.writeInt(PythonParser._ATN.maxTokenType + 2);
    writeDfas(out, PythonParser._decisionToDFA, executorIds);
    out.flush();
  }

  /**
   * The states a walk of {@code dfa} can reach, breadth-first from s0 in edge order (none without an
   * s0): the same DFAs give the same bytes, whereas the DFA's own map iterates in an order that varies
   * from run to run.
   */
  private static List<DFAState> reachable(DFA dfa) {
    List<DFAState> states = new ArrayList<>();
    if (dfa.s0 == null) {
      return states;
    }
    Map<DFAState, Boolean> seen = new IdentityHashMap<>();
    seen.put(dfa.s0, Boolean.TRUE);
    states.add(dfa.s0);
    for (int i = 0; i < states.size(); i++) {
      DFAState[] edges = states.get(i).edges;
      if (edges != null) {
        for (DFAState t : edges) {
          if (t != null && t != ATNSimulator.ERROR && seen.put(t, Boolean.TRUE) == null) {
            states.add(t);
          }
        }
      }
    }
    return states;
  }

  /** Each DFA's states, start state first, with their edges by ANTLR's slot (a parser's EOF at slot 0). */
  private static void writeDfas(DataOutputStream out, DFA[] dfas, Map<LexerActionExecutor, Integer> executorIds)
      throws IOException {
    out.writeInt(dfas.length);
    for (DFA dfa : dfas) {
      if (dfa.isPrecedenceDfa()) {
        throw new IllegalStateException("a precedence DFA: a snapshot cannot hold it (decision " + dfa.decision + ")");
      }
      if (dfa.s0 == null) {
        out.writeInt(0);
        continue;
      }
      List<DFAState> states = reachable(dfa);
      Map<DFAState, Integer> ids = new IdentityHashMap<>();
      for (DFAState st : states) {
        ids.put(st, ids.size());
      }
      out.writeInt(states.size());
      for (DFAState s : states) {
        if (s.predicates != null) {
          throw new IllegalStateException("a DFA state with predicates: a snapshot cannot hold it");
        }
        out.writeByte((s.isAcceptState ? 1 : 0) | (s.requiresFullContext ? 2 : 0));
        out.writeInt(s.prediction);
        out.writeInt(s.lexerActionExecutor == null ? NONE : executorIds.get(s.lexerActionExecutor));
        DFAState[] edges = s.edges;
        int count = 0;
        if (edges != null) {
          for (DFAState t : edges) {
            if (t != null) {
              count++;
            }
          }
        }
        out.writeInt(count);
        if (edges != null) {
          for (int slot = 0; slot < edges.length; slot++) {
            DFAState t = edges[slot];
            if (t != null) {
              out.writeShort(slot);
              out.writeInt(t == ATNSimulator.ERROR ? ERROR : ids.get(t));
            }
          }
        }
      }
    }
  }
}
