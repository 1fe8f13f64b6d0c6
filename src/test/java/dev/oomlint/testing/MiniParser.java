package dev.oomlint.testing;

import dev.oomlint.ast.ConstValue;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Mod.Comment;
import dev.oomlint.ast.Mod.Module;
import dev.oomlint.ast.Operators.ExprContext;
import dev.oomlint.ast.SourceFile;
import dev.oomlint.ast.SourceRange;
import dev.oomlint.ast.Stmt;
import dev.oomlint.parser.ParseOutcome;
import dev.oomlint.parser.SyntaxError;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in parser for engine tests, for a tiny subset of Python: one statement per logical line,
 * {@code name = expr} or {@code expr}, where an expression is a name, an integer or a call
 * {@code f(args)} (arguments may span lines), plus comments. Anything else is "invalid syntax".
 * The inputs it accepts are valid Python, so the same fixtures work with the real parser.
 */
public final class MiniParser {
  private final String s;
  private int i;
  private final List<Comment> comments = new ArrayList<>();

  private MiniParser(String s) {
    this.s = s;
  }

  public static ParseOutcome parse(SourceFile file) {
    MiniParser p = new MiniParser(file.text());
    try {
      return new ParseOutcome.Parsed(p.module());
    } catch (Bad b) {
      return new ParseOutcome.Failed(new SyntaxError(b.getMessage(), b.at));
    }
  }

  private static final class Bad extends RuntimeException {
    final int at;

    Bad(String msg, int at) {
      super(msg, null, false, false);
      this.at = at;
    }
  }

  private Module module() {
    List<Stmt> body = new ArrayList<>();
    while (true) {
      skip(true);
      if (i >= s.length()) {
        break;
      }
      body.add(stmt());
      skip(false);
      if (i < s.length() && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
        throw new Bad("invalid syntax", i);
      }
    }
    return new Module(new SourceRange(0, s.length()), body, comments);
  }

  /** Skips blanks and comments; newlines too when {@code newlines}. */
  private void skip(boolean newlines) {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '\f' || (newlines && (c == '\n' || c == '\r'))) {
        i++;
      } else if (c == '#') {
        int start = i;
        while (i < s.length() && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
          i++;
        }
        comments.add(new Comment(new SourceRange(start, i), s.substring(start, i)));
      } else {
        break;
      }
    }
  }

  private Stmt stmt() {
    int start = i;
    Expr e = expr(false);
    skip(false);
    if (i < s.length() && s.charAt(i) == '=' && e instanceof Expr.Name n) {
      i++;
      skip(false);
      Expr value = expr(false);
      Expr target = new Expr.Name(n.range(), n.id(), ExprContext.STORE);
      return new Stmt.Assign(new SourceRange(start, value.range().end()), List.of(target), value);
    }
    return new Stmt.ExprStmt(new SourceRange(start, e.range().end()), e);
  }

  private Expr expr(boolean inParens) {
    skip(inParens);
    int start = i;
    if (i < s.length() && Character.isDigit(s.charAt(i))) {
      while (i < s.length() && Character.isDigit(s.charAt(i))) {
        i++;
      }
      return new Expr.Constant(new SourceRange(start, i),
          new ConstValue.Int(new BigInteger(s.substring(start, i))), null);
    }
    if (i >= s.length() || !Character.isJavaIdentifierStart(s.charAt(i))) {
      throw new Bad("invalid syntax", Math.min(i, s.length()));
    }
    while (i < s.length() && Character.isJavaIdentifierPart(s.charAt(i)) && s.charAt(i) != '$') {
      i++;
    }
    Expr.Name name = new Expr.Name(new SourceRange(start, i), s.substring(start, i), ExprContext.LOAD);
    int save = i;
    skip(inParens);
    if (i < s.length() && s.charAt(i) == '(') {
      i++;
      List<Expr> args = new ArrayList<>();
      while (true) {
        skip(true);
        if (i >= s.length()) {
          throw new Bad("'(' was never closed", start);
        }
        if (s.charAt(i) == ')') {
          i++;
          break;
        }
        args.add(expr(true));
        skip(true);
        if (i < s.length() && s.charAt(i) == ',') {
          i++;
        } else if (i < s.length() && s.charAt(i) != ')') {
          throw new Bad("invalid syntax. Perhaps you forgot a comma?", i);
        }
      }
      return new Expr.Call(new SourceRange(start, i), name, args, List.of());
    }
    i = save;
    return name;
  }
}
