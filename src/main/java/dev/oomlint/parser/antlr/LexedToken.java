package dev.oomlint.parser.antlr;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.misc.Pair;

/**
 * A token as the lexer matched it. The same as a {@link CommonToken} made by ANTLR's default
 * factory, but built with one constructor that sets every field directly (the factory's path asks
 * the lexer for its line and column once more and then overwrites them).
 */
final class LexedToken extends CommonToken {
  LexedToken(Pair<TokenSource, CharStream> source, int type, int channel, int start, int stop, int line,
      int column) {
    super(type);
    this.source = source;
    this.channel = channel;
    this.start = start;
    this.stop = stop;
    this.line = line;
    this.charPositionInLine = column;
  }
}
