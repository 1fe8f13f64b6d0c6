package dev.oomlint.parser;

import dev.oomlint.parser.antlr.PythonParser;
import dev.oomlint.parser.antlr.PythonParser.FstringContext;
import dev.oomlint.parser.antlr.PythonParser.Fstring_fieldContext;
import dev.oomlint.parser.antlr.PythonParser.NameContext;
import dev.oomlint.parser.antlr.PythonParser.Star_expressionsContext;
import dev.oomlint.parser.antlr.PythonParser.StringsContext;
import dev.oomlint.parser.antlr.PythonParser.Yield_exprContext;
import dev.oomlint.ast.ConstValue;
import dev.oomlint.ast.Expr;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Builds string literal nodes: a {@link Expr.Constant} for plain (implicitly concatenated) strings and
 * bytes, a {@link Expr.JoinedStr} as soon as one part is an f-string. Adjacent literal text is merged
 * into one Constant whose range runs from its first piece to its last, as CPython 3.12+ does.
 */
final class StringNodes {
  private final AstBuilder b;
  private final ExpressionBuilder exprs;

  StringNodes(AstBuilder b, ExpressionBuilder exprs) {
    this.b = b;
    this.exprs = exprs;
  }

  Expr strings(StringsContext c) {
    List<ParseTree> ch = c.children;
    boolean hasF = false;
    for (ParseTree x : ch) {
      if (x instanceof FstringContext) {
        hasF = true;
        break;
      }
    }
    if (!hasF) {
      return plain(c, ch);
    }
    Parts parts = new Parts();
    for (ParseTree x : ch) {
      if (x instanceof TerminalNode t) {
        Token tok = t.getSymbol();
        String s = tok.getText();
        Literals.StringToken st = Literals.split(s, true);
        if (st.bytes()) {
          throw new BuildError("cannot mix bytes and nonbytes literals", b.start(tok));
        }
        if (parts.start < 0 && s.charAt(0) == 'u') {
          parts.kind = "u";
        }
        parts.text(Literals.decodeStr(s, st.bodyStart(), st.bodyEnd(), st.raw(), false, b.start(tok)),
            b.start(tok), b.end(tok));
      } else {
        fstring((FstringContext) x, parts);
      }
    }
    parts.flush();
    return new Expr.JoinedStr(b.range(c), parts.values);
  }

  private Expr plain(StringsContext c, List<ParseTree> ch) {
    Token first = ((TerminalNode) ch.get(0)).getSymbol();
    String s0 = first.getText();
    Literals.StringToken st0 = Literals.split(s0, true);
    String kind = s0.charAt(0) == 'u' ? "u" : null;
    if (ch.size() == 1) {
      ConstValue v = st0.bytes()
          ? new ConstValue.Bytes(Literals.decodeBytes(s0, st0.bodyStart(), st0.bodyEnd(), st0.raw(), b.start(first)))
          : new ConstValue.Str(Literals.decodeStr(s0, st0.bodyStart(), st0.bodyEnd(), st0.raw(), false, b.start(first)));
      return new Expr.Constant(b.range(first), v, kind);
    }
    if (st0.bytes()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (ParseTree x : ch) {
        Token t = ((TerminalNode) x).getSymbol();
        String s = t.getText();
        Literals.StringToken st = Literals.split(s, true);
        if (!st.bytes()) {
          throw new BuildError("cannot mix bytes and nonbytes literals", b.start(t));
        }
        out.writeBytes(Literals.decodeBytes(s, st.bodyStart(), st.bodyEnd(), st.raw(), b.start(t)));
      }
      return new Expr.Constant(b.range(c), new ConstValue.Bytes(out.toByteArray()), null);
    }
    StringBuilder sb = new StringBuilder();
    for (ParseTree x : ch) {
      Token t = ((TerminalNode) x).getSymbol();
      String s = t.getText();
      Literals.StringToken st = Literals.split(s, true);
      if (st.bytes()) {
        throw new BuildError("cannot mix bytes and nonbytes literals", b.start(t));
      }
      sb.append(Literals.decodeStr(s, st.bodyStart(), st.bodyEnd(), st.raw(), false, b.start(t)));
    }
    return new Expr.Constant(b.range(c), new ConstValue.Str(sb.toString()), kind);
  }

  /** Collects the values of a JoinedStr, merging adjacent literal text. */
  private static final class Parts {
    final List<Expr> values = new ArrayList<>();
    final StringBuilder text = new StringBuilder();
    int start = -1;
    int end = -1;
    String kind;

    void text(String s, int from, int to) {
      if (start < 0) {
        start = from;
      }
      end = to;
      text.append(s);
    }

    void flush() {
      if (start >= 0 && text.length() > 0) {
        values.add(new Expr.Constant(AstBuilder.range(start, end), new ConstValue.Str(text.toString()), kind));
      }
      kind = null;
      text.setLength(0);
      start = -1;
      end = -1;
    }

    void add(Expr e) {
      flush();
      values.add(e);
    }
  }

  private void fstring(FstringContext f, Parts parts) {
    Token startTok = f.start;
    Literals.StringToken st = Literals.split(startTok.getText(), false);
    if (st.bytes()) {
      throw new BuildError("cannot mix bytes and nonbytes literals", b.start(startTok));
    }
    boolean raw = st.raw();
    for (ParseTree x : f.children) {
      if (x instanceof Fstring_fieldContext field) {
        field(field, parts, raw);
      } else {
        Token t = ((TerminalNode) x).getSymbol();
        if (t.getType() == PythonParser.FSTRING_MIDDLE) {
          middle(t, parts, raw);
        }
      }
    }
  }

  private void middle(Token t, Parts parts, boolean raw) {
    String s = t.getText();
    parts.text(Literals.decodeStr(s, 0, s.length(), raw, true, b.start(t)), b.start(t), b.end(t));
  }

  private void field(Fstring_fieldContext c, Parts parts, boolean raw) {
    ParseTree valueCtx = c.getChild(1);
    Expr value = valueCtx instanceof Yield_exprContext y ? exprs.yieldExpr(y)
        : exprs.starExpressions((Star_expressionsContext) valueCtx);
    int i = 2;
    boolean debug = false;
    int conversion = -1;
    Expr spec = null;
    int n = c.getChildCount();
    if (c.getChild(i) instanceof TerminalNode t && t.getSymbol().getType() == PythonParser.EQUAL) {
      debug = true;
      i++;
      // the expression text up to and including '=' and the whitespace after it
      int from = b.end(c.LBRACE().getSymbol());
      Token next = ((TerminalNode) c.getChild(i)).getSymbol();
      int to = c.getChild(i) instanceof TerminalNode ? b.start(next) : b.end(t.getSymbol());
      String dbg = b.textWithoutComments(from, to);
      if (dbg.indexOf('\r') >= 0) {
        dbg = dbg.replace("\r\n", "\n").replace('\r', '\n');
      }
      parts.text(dbg, from, to);
    }
    if (c.getChild(i) instanceof TerminalNode t && t.getSymbol().getType() == PythonParser.EXCLAMATION) {
      NameContext conv = (NameContext) c.getChild(i + 1);
      if (b.end(t.getSymbol()) != b.start(conv)) {
        // CPython 3.12/3.13 spell it "exclamanation"; 3.14 corrected the spelling
        throw new BuildError("f-string: conversion type must come right after the exclamation mark",
            b.start(t.getSymbol()));
      }
      String cs = conv.start.getText();
      if (cs.equals("s") || cs.equals("r") || cs.equals("a")) {
        conversion = cs.charAt(0);
      } else {
        throw new BuildError("f-string: invalid conversion character '" + cs + "': expected 's', 'r', or 'a'",
            b.start(conv));
      }
      i += 2;
    }
    if (c.getChild(i) instanceof TerminalNode t && t.getSymbol().getType() == PythonParser.COLON) {
      Parts specParts = new Parts();
      int j = i + 1;
      for (; j < n - 1; j++) {
        ParseTree x = c.getChild(j);
        if (x instanceof Fstring_fieldContext inner) {
          field(inner, specParts, raw);
        } else {
          middle(((TerminalNode) x).getSymbol(), specParts, raw);
        }
      }
      specParts.flush();
      Token rbrace = ((TerminalNode) c.getChild(n - 1)).getSymbol();
      spec = new Expr.JoinedStr(AstBuilder.range(b.start(t.getSymbol()), b.start(rbrace)), specParts.values);
    }
    if (debug && conversion == -1 && spec == null) {
      conversion = 'r';
    }
    parts.add(new Expr.FormattedValue(b.range(c), value, conversion, spec));
  }
}
