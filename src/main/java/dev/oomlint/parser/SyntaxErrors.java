package dev.oomlint.parser;

import dev.oomlint.ast.LineIndex;
import dev.oomlint.parser.antlr.PythonParser.*;
import dev.oomlint.parser.antlr.PythonParser;
import dev.oomlint.parser.antlr.TokenArray;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * Translates the first ANTLR recognition error into one CPython-like sentence ("expected ':'",
 * "unexpected indent", "expected an indented block after 'if' statement on line 3", ...), falling
 * back to "invalid syntax". Never produces ANTLR's "mismatched input ... expecting {...}".
 */
final class SyntaxErrors {
  private final String text;
  private final Offsets offsets;
  private final TokenArray tokens;
  private final PythonParser parser;
  private LineIndex lines;

  SyntaxErrors(String text, Offsets offsets, TokenArray tokens, PythonParser parser) {
    this.text = text;
    this.offsets = offsets;
    this.tokens = tokens;
    this.parser = parser;
  }

  int line(int offset) {
    if (lines == null) {
      lines = new LineIndex(text);
    }
    return lines.line(Math.min(offset, text.length()));
  }

  private int start(Token t) {
    int s = offsets.utf16(t.getStartIndex());
    if (t.getType() == Token.EOF || (s >= text.length() && t.getStopIndex() < t.getStartIndex())) {
      return endOfInput();
    }
    return s;
  }

  /** Where CPython reports errors found at the end of the input: on the last line break, if any. */
  private int endOfInput() {
    int len = text.length();
    if (text.endsWith("\r\n")) {
      return len - 2;
    }
    if (len > 0 && (text.charAt(len - 1) == '\n' || text.charAt(len - 1) == '\r')) {
      return len - 1;
    }
    return len;
  }

  /** The offset at which an error at {@code t} is reported (for priority decisions). */
  int offsetOf(Token t) {
    return start(t);
  }

  private int lineOf(Token t) {
    return line(start(t));
  }

  /** The default-channel token {@code k} positions before {@code t} (k=1: the previous one), or null. */
  private Token before(Token t, int k) {
    int i = t.getTokenIndex();
    while (k > 0 && --i >= 0) {
      Token x = tokens.get(i);
      if (x.getChannel() == Token.DEFAULT_CHANNEL) {
        k--;
      }
    }
    return i >= 0 ? tokens.get(i) : null;
  }

  private Token after(Token t) {
    int i = t.getTokenIndex();
    while (++i < tokens.size()) {
      Token x = tokens.get(i);
      if (x.getChannel() == Token.DEFAULT_CHANNEL) {
        return x;
      }
    }
    return t;
  }

  private static int type(Token t) {
    return t == null ? -1 : t.getType();
  }

  SyntaxError translate(RecognitionException e) {
    Token off = e.getOffendingToken();
    if (off == null) {
      off = parser.getCurrentToken();
    }
    ParserRuleContext ctx = (ParserRuleContext) e.getCtx();
    IntervalSet expected;
    try {
      expected = e.getExpectedTokens();
    } catch (RuntimeException ex) {
      expected = new IntervalSet();
    }
    if (expected == null) {
      expected = new IntervalSet();
    }
    String specific;
    try {
      specific = ctx == null ? null : specific(off, ctx, expected);
    } catch (RuntimeException ex) {
      // a heuristic tripped over an unusual tree: the generic message is still right
      specific = null;
    }
    if (specific != null) {
      return new SyntaxError(specific, specificOffset);
    }
    return new SyntaxError("invalid syntax", start(off));
  }

  private int specificOffset;

  private String at(String message, int offset) {
    specificOffset = offset;
    return message;
  }

  private String specific(Token off, ParserRuleContext ctx, IntervalSet expected) {
    int ot = off.getType();
    Token prev = before(off, 1);
    int pt = type(prev);

    if (ot == PythonParser.INDENT) {
      int first = start(after(off));
      return at("unexpected indent", first > 0 && (text.charAt(first - 1) == ' ' || text.charAt(first - 1) == '\t'
          || text.charAt(first - 1) == '\f') ? first - 1 : first);
    }
    if (expected.contains(PythonParser.INDENT) && !expected.contains(PythonParser.NAME)) {
      String what = blockOwner(ctx);
      if (what != null) {
        return at("expected an indented block after " + what, start(off));
      }
    }
    if (ot == PythonParser.EQUAL && isName(pt)) {
      int p2 = type(before(off, 2));
      if ((p2 == PythonParser.STAR || p2 == PythonParser.DOUBLESTAR)
          && (inside(ctx, Function_defContext.class) || inside(ctx, LambdefContext.class))
          && !inside(ctx, ArgumentsContext.class)) {
        return at(p2 == PythonParser.STAR ? "var-positional argument cannot have default value"
            : "var-keyword argument cannot have default value", start(off));
      }
    }
    if (ot == PythonParser.RSQB && pt == PythonParser.LSQB && inside(ctx, Type_paramsContext.class)) {
      return at("Type parameter list cannot be empty", start(off));
    }
    if (pt == PythonParser.STAR && (ot == PythonParser.RPAR || ot == PythonParser.RSQB || ot == PythonParser.RBRACE
        || ot == PythonParser.COMMA) && !inside(ctx, ParametersContext.class)
        && !inside(ctx, Lambda_parametersContext.class) && !inside(ctx, Import_targetsContext.class)) {
      return at("Invalid star expression", start(off));
    }
    if (ot == PythonParser.GREATER && pt == PythonParser.LESS && prev.getStopIndex() + 1 == off.getStartIndex()) {
      return at("invalid syntax", start(prev));
    }
    if (ot == PythonParser.EQUAL && ctx instanceof Simple_stmtContext st && st.start.getType() == PythonParser.YIELD) {
      return at("assignment to yield expression not possible", start(st.start));
    }
    if (expected.contains(PythonParser.IN) && ctx instanceof Comp_forContext) {
      return at("'in' expected after for-loop variables", start(off));
    }
    if (inside(ctx, Fstring_fieldContext.class)) {
      String comma = missingComma(off, prev, ctx);
      if (comma != null) {
        return comma;
      }
      String fstring = fstringField(off, prev, ctx, expected);
      if (fstring != null) {
        return fstring;
      }
    }
    String legacy = legacyPrint(off, prev);
    if (legacy != null) {
      return legacy;
    }
    if (ot == PythonParser.EQUAL) {
      String eq = misplacedEqual(off, prev, ctx);
      if (eq != null) {
        return eq;
      }
    }
    if (expected.contains(PythonParser.COLON)) {
      String colon = expectedColon(off, ctx, expected);
      if (colon != null) {
        return colon;
      }
    }
    if (ctx instanceof Function_defContext && expected.contains(PythonParser.LPAR)
        && !expected.contains(PythonParser.COLON)) {
      return at("expected '('", start(off));
    }
    if (expected.contains(PythonParser.ELSE) && ctx instanceof ExpressionContext ex && ex.getChildCount() >= 3
        && ot != PythonParser.COLON) {
      return at("expected 'else' after 'if' expression", start(ex.start));
    }
    if (ctx instanceof Try_stmtContext && expected.contains(PythonParser.EXCEPT)
        && expected.contains(PythonParser.FINALLY)) {
      return at("expected 'except' or 'finally' block", start(off));
    }
    if (pt == PythonParser.STAR && type(before(off, 2)) == PythonParser.EXCEPT) {
      return at("expected one or more exception types", start(off));
    }
    if (pt == PythonParser.IMPORT && (ot == PythonParser.NEWLINE || ot == PythonParser.SEMI || ot == Token.EOF)) {
      return at("Expected one or more names after 'import'", start(off));
    }
    if (expected.contains(PythonParser.COLON) && (ctx instanceof Dict_itemContext || ctx instanceof Dict_restContext)) {
      return at("':' expected after dictionary key", start(ctx instanceof Dict_itemContext ? ctx.start : prev));
    }
    if (ot == PythonParser.COMMA && ctx instanceof Except_clauseContext ex && ex.expression() != null) {
      return at("multiple exception types must be parenthesized", start(ex.expression().start));
    }
    if (pt == PythonParser.EQUAL && (ot == PythonParser.RPAR || ot == PythonParser.COMMA)
        && isName(type(before(off, 2))) && inside(ctx, ArgumentsContext.class)) {
      return at("expected argument value expression", start(before(off, 2)));
    }
    return missingComma(off, prev, ctx);
  }

  /** CPython 3.12+'s messages for a malformed replacement field of an f-string. */
  private String fstringField(Token off, Token prev, ParserRuleContext ctx, IntervalSet expected) {
    Fstring_fieldContext field = null;
    for (ParserRuleContext c = ctx; c != null; c = c.getParent()) {
      if (c instanceof Fstring_fieldContext f) {
        field = f;
        break;
      }
    }
    if (field == null) {
      return null;
    }
    int ot = off.getType();
    int pt = type(prev);
    if (pt == PythonParser.LBRACE && prev == field.start && (ot == PythonParser.RBRACE || ot == PythonParser.EXCLAMATION
        || ot == PythonParser.COLON || ot == PythonParser.EQUAL)) {
      return at("f-string: valid expression required before '" + off.getText() + "'", start(off));
    }
    if (pt == PythonParser.EXCLAMATION) {
      return at("f-string: missing conversion character", start(off));
    }
    if (ctx == field) {
      if (pt == PythonParser.EQUAL) {
        return at("f-string: expecting '!', or ':', or '}'", start(off));
      }
      if (type(before(off, 2)) == PythonParser.EXCLAMATION) {
        return at("f-string: expecting ':' or '}'", start(off));
      }
      if (expected.contains(PythonParser.EXCLAMATION)) {
        return at("f-string: expecting '=', or '!', or ':', or '}'", start(off));
      }
      return at("f-string: expecting '}'", start(off));
    }
    // the error is inside the field's expression: CPython reports the longest expression prefix
    ParseTree value = field.getChildCount() > 1 ? field.getChild(1) : null;
    while (value instanceof ParserRuleContext v && !(value instanceof FactorContext) && v.getChildCount() > 0) {
      value = v.getChild(0);
    }
    if (value instanceof FactorContext f && f.exception == null && f.stop != null
        && f.stop.getTokenIndex() >= f.start.getTokenIndex()) {
      Token next = tokens.get(Math.min(f.stop.getTokenIndex() + 1, tokens.size() - 1));
      return at("f-string: expecting '=', or '!', or ':', or '}'", start(next));
    }
    return at("f-string: expecting a valid expression after '{'", start(after(field.start)));
  }

  private static boolean isName(int t) {
    return t == PythonParser.NAME || t == PythonParser.MATCH || t == PythonParser.CASE || t == PythonParser.TYPE
        || t == PythonParser.UNDERSCORE;
  }

  private static boolean inside(ParserRuleContext ctx, Class<? extends ParserRuleContext> kind) {
    for (ParserRuleContext c = ctx; c != null; c = c.getParent()) {
      if (kind.isInstance(c)) {
        return true;
      }
    }
    return false;
  }

  /** "'if' statement on line 3" for the statement owning the block whose indent is missing. */
  private String blockOwner(ParserRuleContext ctx) {
    ParserRuleContext owner = ctx instanceof BlockContext ? ctx.getParent() : ctx;
    if (owner == null) {
      return null;
    }
    int line = lineOf(owner.start);
    if (owner instanceof If_stmtContext) {
      return "'if' statement on line " + line;
    }
    if (owner instanceof Elif_clauseContext) {
      return "'elif' statement on line " + line;
    }
    if (owner instanceof Else_blockContext) {
      return "'else' statement on line " + line;
    }
    if (owner instanceof While_stmtContext) {
      return "'while' statement on line " + line;
    }
    if (owner instanceof For_stmtContext) {
      return "'for' statement on line " + line;
    }
    if (owner instanceof With_stmtContext) {
      return "'with' statement on line " + line;
    }
    if (owner instanceof Try_stmtContext) {
      return "'try' statement on line " + line;
    }
    if (owner instanceof Except_clauseContext ex) {
      return (ex.STAR() != null ? "'except*'" : "'except'") + " statement on line " + line;
    }
    if (owner instanceof Finally_blockContext) {
      return "'finally' statement on line " + line;
    }
    if (owner instanceof Function_defContext) {
      return "function definition on line " + line;
    }
    if (owner instanceof Class_defContext) {
      return "class definition on line " + line;
    }
    if (owner instanceof Match_stmtContext) {
      return "'match' statement on line " + line;
    }
    if (owner instanceof Case_blockContext) {
      return "'case' statement on line " + line;
    }
    return null;
  }

  /** Python 2's {@code print "x"} / {@code exec "code"}. */
  private String legacyPrint(Token off, Token prev) {
    if (prev == null || prev.getType() != PythonParser.NAME) {
      return null;
    }
    String name = prev.getText();
    if (!name.equals("print") && !name.equals("exec")) {
      return null;
    }
    int p2 = type(before(prev, 1));
    if (p2 == PythonParser.DOT) {
      return null;
    }
    switch (off.getType()) {
      case PythonParser.NAME, PythonParser.MATCH, PythonParser.CASE, PythonParser.TYPE, PythonParser.UNDERSCORE,
          PythonParser.NUMBER, PythonParser.STRING, PythonParser.FSTRING_START, PythonParser.LBRACE,
          PythonParser.TRUE, PythonParser.FALSE, PythonParser.NONE, PythonParser.NOT, PythonParser.LAMBDA,
          PythonParser.TILDE, PythonParser.ELLIPSIS, PythonParser.AWAIT -> {
        return at("Missing parentheses in call to '" + name + "'. Did you mean " + name + "(...)?", start(prev));
      }
      default -> {
        return null;
      }
    }
  }

  private String misplacedEqual(Token off, Token prev, ParserRuleContext ctx) {
    ArgumentsContext args = null;
    for (ParserRuleContext c = ctx; c != null && args == null; c = c.getParent()) {
      if (c instanceof BlockContext || c instanceof StatementContext || c instanceof Paren_atomContext
          || c instanceof List_atomContext || c instanceof Brace_atomContext || c instanceof LambdefContext) {
        break;
      }
      if (c instanceof ArgumentsContext a) {
        args = a;
      } else if (c instanceof TrailerContext t) {
        args = t.arguments();
        break;
      } else if (c instanceof Class_defContext k) {
        args = k.arguments();
        break;
      }
    }
    if (args != null && args.getChildCount() > 0
        && args.getChild(args.getChildCount() - 1) instanceof ArgumentContext a) {
      int first = a.start.getType();
      if (first == PythonParser.DOUBLESTAR) {
        return at("cannot assign to keyword argument unpacking", start(a.start));
      }
      if (first == PythonParser.STAR) {
        return at("cannot assign to iterable argument unpacking", start(a.start));
      }
      return at("expression cannot contain assignment, perhaps you meant \"==\"?", start(a.start));
    }
    if (isName(type(prev)) && isWholeExpression(ctx, prev) && startsExpression(type(after(off)))) {
      return at("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", start(prev));
    }
    return null;
  }

  /**
   * Whether the name {@code t} is, on its own, the expression the parser just finished inside
   * {@code ctx} (CPython's hint only applies when the name starts a named expression).
   */
  private static boolean isWholeExpression(ParserRuleContext ctx, Token t) {
    if (ctx.getChildCount() == 0) {
      return false;
    }
    ParseTree last = ctx.getChild(ctx.getChildCount() - 1);
    return last instanceof ParserRuleContext lc && lc.start == t && lc.stop == t
        && (lc instanceof Named_expressionContext || lc instanceof Star_named_expressionContext
            || lc instanceof Star_named_expressionsContext);
  }

  private String expectedColon(Token off, ParserRuleContext ctx, IntervalSet expected) {
    ParserRuleContext owner = ctx;
    boolean forced = owner instanceof Function_defContext || owner instanceof Try_stmtContext
        || owner instanceof Finally_blockContext || owner instanceof Else_blockContext;
    boolean header = forced || owner instanceof If_stmtContext || owner instanceof Elif_clauseContext
        || owner instanceof While_stmtContext || owner instanceof For_stmtContext || owner instanceof With_stmtContext
        || owner instanceof Except_clauseContext || owner instanceof Class_defContext
        || owner instanceof Case_blockContext || owner instanceof Match_stmtContext;
    if (!header) {
      return null;
    }
    if (forced || off.getType() == PythonParser.NEWLINE) {
      return at("expected ':'", start(off));
    }
    return null;
  }

  /**
   * Two expressions side by side inside brackets: CPython's "Perhaps you forgot a comma?". It only
   * applies where an expression was being parsed (not parameter lists, imports or the iterable of a
   * comprehension, which is a disjunction).
   */
  private String missingComma(Token off, Token prev, ParserRuleContext ctx) {
    if (prev == null || !startsExpression(off.getType()) || !endsExpression(prev.getType())) {
      return null;
    }
    if (inside(ctx, Function_defContext.class) && !inside(ctx, ExpressionContext.class)
        || inside(ctx, Lambda_parametersContext.class) || inside(ctx, Import_stmtContext.class)
        || ctx instanceof Comp_forContext) {
      return null;
    }
    int depth = 0;
    for (int i = 0; i < off.getTokenIndex(); i++) {
      Token t = tokens.get(i);
      if (t.getChannel() != Token.DEFAULT_CHANNEL) {
        continue;
      }
      switch (t.getType()) {
        case PythonParser.LPAR, PythonParser.LSQB, PythonParser.LBRACE -> depth++;
        case PythonParser.RPAR, PythonParser.RSQB, PythonParser.RBRACE -> depth--;
        default -> { }
      }
    }
    if (depth <= 0) {
      return null;
    }
    Token first = primaryStart(prev);
    if (first.getType() == PythonParser.NAME && off.getType() == PythonParser.STRING && first == prev) {
      return null;
    }
    return at("invalid syntax. Perhaps you forgot a comma?", start(first));
  }

  /** The first token of the primary expression (atom and trailers) that ends with {@code last}. */
  private Token primaryStart(Token last) {
    Token t = last;
    while (true) {
      int ty = t.getType();
      if (ty == PythonParser.RPAR || ty == PythonParser.RSQB || ty == PythonParser.RBRACE) {
        int depth = 0;
        Token x = t;
        while (x != null) {
          int xt = x.getType();
          if (xt == PythonParser.RPAR || xt == PythonParser.RSQB || xt == PythonParser.RBRACE) {
            depth++;
          } else if (xt == PythonParser.LPAR || xt == PythonParser.LSQB || xt == PythonParser.LBRACE) {
            depth--;
            if (depth == 0) {
              break;
            }
          }
          x = before(x, 1);
        }
        if (x == null) {
          return t;
        }
        t = x;
      }
      Token p = before(t, 1);
      int ptype = type(p);
      if (ptype == PythonParser.DOT) {
        Token q = before(p, 1);
        if (q == null) {
          return t;
        }
        t = q;
        continue;
      }
      if ((t.getType() == PythonParser.LPAR || t.getType() == PythonParser.LSQB) && p != null
          && (endsExpression(ptype) && ptype != PythonParser.NUMBER && ptype != PythonParser.STRING)) {
        t = p;
        continue;
      }
      return t;
    }
  }

  private static boolean startsExpression(int t) {
    return switch (t) {
      case PythonParser.NAME, PythonParser.MATCH, PythonParser.CASE, PythonParser.TYPE, PythonParser.UNDERSCORE,
          PythonParser.NUMBER, PythonParser.STRING, PythonParser.FSTRING_START, PythonParser.LPAR,
          PythonParser.LSQB, PythonParser.LBRACE, PythonParser.TRUE, PythonParser.FALSE, PythonParser.NONE,
          PythonParser.TILDE, PythonParser.ELLIPSIS, PythonParser.LAMBDA, PythonParser.AWAIT -> true;
      default -> false;
    };
  }

  private static boolean endsExpression(int t) {
    return switch (t) {
      case PythonParser.NAME, PythonParser.MATCH, PythonParser.CASE, PythonParser.TYPE, PythonParser.UNDERSCORE,
          PythonParser.NUMBER, PythonParser.STRING, PythonParser.FSTRING_END, PythonParser.RPAR, PythonParser.RSQB,
          PythonParser.RBRACE, PythonParser.TRUE, PythonParser.FALSE, PythonParser.NONE,
          PythonParser.ELLIPSIS -> true;
      default -> false;
    };
  }
}
