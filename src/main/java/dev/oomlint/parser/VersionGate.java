package dev.oomlint.parser;

import dev.oomlint.ast.AstWalker;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Mod;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.Stmt;
import dev.oomlint.ast.Support;
import dev.oomlint.ast.TypeParam;
import dev.oomlint.parser.antlr.PythonLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import dev.oomlint.parser.antlr.TextCharStream;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * Target versions: the parser reads the newest grammar (3.13); this pass, run on a parsed module when
 * the target is older, turns the first syntax the target lacks into a syntax error naming the version
 * it needs, in CPython's words ({@code ast.parse(..., feature_version=...)}: "Pattern matching is only
 * supported in Python 3.10 and greater"), with the target added.
 *
 * <ul>
 *   <li>3.9: parenthesised context managers that use {@code as} inside the parentheses (without
 *       {@code as}, {@code with (a, b):} is a tuple to 3.8's grammar: valid syntax); decorators that
 *       are not a dotted name with an optional call (PEP 614);
 *   <li>3.10: {@code match};
 *   <li>3.11: {@code except*}; PEP 646's star expressions in subscripts ({@code a[*b]}, not
 *       {@code a[(*b,)]}) and star annotations ({@code *args: *Ts});
 *   <li>3.12: {@code type X = ...}, type parameter lists (PEP 695), and PEP 701's f-strings:
 *       backslashes, comments, the enclosing quote reused, and line breaks (in a single-quoted
 *       f-string) inside a replacement field's expression; format specifiers nested more than two
 *       levels deep; whitespace after the conversion ({@code {x!r }}). Before 3.12 a replacement field
 *       may also not be one starred expression ({@code f'{*a}'}: CPython 3.11's "cannot use starred
 *       expression here");
 *   <li>3.13: type parameter defaults (PEP 696).
 * </ul>
 *
 * Walrus and positional-only parameters are 3.8, the oldest target, so they are never flagged. The
 * first offending position in the file wins, as CPython reports the first error.
 */
public final class VersionGate {
  private VersionGate() {}

  /** {@code outcome}, or a failure when the parsed module uses syntax newer than {@code target}. */
  public static ParseOutcome apply(ParseOutcome outcome, String text, PythonVersion target) {
    if (target == PythonVersion.LATEST || !(outcome instanceof ParseOutcome.Parsed parsed)) {
      return outcome;
    }
    SyntaxError e = check(text, parsed.module(), target);
    return e == null ? outcome : new ParseOutcome.Failed(e);
  }

  /** The first use of syntax newer than {@code target} in {@code module} (parsed from {@code text}), or null. */
  public static SyntaxError check(String text, Mod.Module module, PythonVersion target) {
    Finder f = new Finder(text, target);
    AstWalker.walk(module, f);
    return f.first;
  }

  private static final class Finder implements Consumer<Node> {
    private final String text;
    private final PythonVersion target;
    SyntaxError first;
    /** The end of the last f-string re-lexed: f-strings nested in it were checked with it. */
    private int lexedTo = -1;
    /** The lexer the f-strings are lexed again with, made for the first one. */
    PythonLexer lexer;

    Finder(String text, PythonVersion target) {
      this.text = text;
      this.target = target;
    }

    /** Records that {@code what} ("Pattern matching is") at {@code offset} needs Python 3.{@code minor}. */
    void need(int minor, String what, int offset) {
      if (target.minor() < minor) {
        error(what + " only supported in Python 3." + minor + " and greater (target-version is "
            + target.optionName() + ")", offset);
      }
    }

    void error(String message, int offset) {
      if (first == null || offset < first.offset()) {
        first = new SyntaxError(message, offset);
      }
    }

    @Override
    public void accept(Node n) {
      if (n instanceof Stmt.TypeAlias t) {
        need(12, "Type statement is", t.range().start());
      } else if (n instanceof Stmt.FunctionDef d) {
        typeParams(d.typeParams());
        decorators(d.decoratorList());
      } else if (n instanceof Stmt.ClassDef c) {
        typeParams(c.typeParams());
        decorators(c.decoratorList());
      } else if (n instanceof Stmt.Match m) {
        need(10, "Pattern matching is", m.range().start());
      } else if (n instanceof Stmt.Try t && t.isStar()) {
        need(11, "Exception groups are", t.handlers().isEmpty() ? t.range().start() : t.handlers().get(0).range().start());
      } else if (n instanceof Stmt.With w && target.minor() < 9) {
        parenthesisedWith(w);
      } else if (n instanceof TypeParam p) {
        Expr dflt = p instanceof TypeParam.TypeVar v ? v.defaultValue()
            : p instanceof TypeParam.ParamSpec s ? s.defaultValue()
            : ((TypeParam.TypeVarTuple) p).defaultValue();
        if (dflt != null) {
          need(13, "Type parameter defaults are", dflt.range().start());
        }
      } else if (n instanceof Expr.Subscript sub && sub.slice() instanceof Expr.Tuple t && target.minor() < 11
          && !parenthesised(t)) {
        for (Expr e : t.elts()) {
          if (e instanceof Expr.Starred star) {
            need(11, "Star expressions in subscripts are", star.range().start());
            break;
          }
        }
      } else if (n instanceof Support.Arguments a && a.vararg() != null
          && a.vararg().annotation() instanceof Expr.Starred star) {
        need(11, "Star annotations on *args are", star.range().start());
      } else if (target.minor() < 12) {
        if (n instanceof Expr.JoinedStr j && j.range().start() >= lexedTo) {
          lexedTo = j.range().end();
          FStrings.check(this, text, j.range().start(), j.range().end());
        } else if (n instanceof Expr.FormattedValue v && v.value() instanceof Expr.Starred s) {
          error("f-string: cannot use starred expression here (target-version is " + target.optionName() + ")",
              s.range().start());
        }
      }
    }

    private void typeParams(List<TypeParam> params) {
      if (!params.isEmpty()) {
        need(12, "Type parameter lists are", params.get(0).range().start());
      }
    }

    /**
     * PEP 614: before 3.9 a decorator is a dotted name, optionally called once ({@code @a.b(c)}); not a
     * subscript, a second call, an attribute of a call, or anything in parentheses.
     */
    private void decorators(List<Expr> list) {
      if (target.minor() >= 9) {
        return;
      }
      for (Expr e : list) {
        Expr x = e instanceof Expr.Call c ? c.func() : e;
        while (x instanceof Expr.Attribute a) {
          x = a.value();
        }
        if (!(x instanceof Expr.Name) || !rightAfterAt(x.range().start())) {
          need(9, "Decorators other than a dotted name with an optional call are", e.range().start());
        }
      }
    }

    /** Whether only blanks (and backslash continuations) stand between {@code offset} and the '@' before it. */
    private boolean rightAfterAt(int offset) {
      int i = offset - 1;
      while (i >= 0) {
        char c = text.charAt(i);
        if (c == ' ' || c == '\t' || c == '\f') {
          i--;
        } else if ((c == '\n' || c == '\r') && i > 0) {
          int j = c == '\n' && text.charAt(i - 1) == '\r' ? i - 2 : i - 1;
          if (j < 0 || text.charAt(j) != '\\') {
            return false;
          }
          i = j - 1;
        } else {
          return c == '@';
        }
      }
      return false;
    }

    /**
     * Whether a tuple is written in parentheses: its range then ends with ')' after its last element
     * ({@code a[(x), *(y)]} ends with its last element's own parenthesis).
     */
    private boolean parenthesised(Expr.Tuple t) {
      int end = t.range().end();
      return !t.elts().isEmpty() && end > 0 && text.charAt(end - 1) == ')'
          && end > t.elts().get(t.elts().size() - 1).range().end();
    }

    /** {@code with (a as b, c):}: a parenthesis right after {@code with} that the first item does not start with. */
    private void parenthesisedWith(Stmt.With w) {
      boolean as = false;
      for (Support.WithItem item : w.items()) {
        as |= item.optionalVars() != null;
      }
      if (!as) {
        return;
      }
      int pos = w.range().start();
      if (w.isAsync()) {
        pos = skipBlanks(pos + "async".length());
      }
      pos = skipBlanks(pos + "with".length());
      if (pos < text.length() && text.charAt(pos) == '(' && pos < w.items().get(0).range().start()) {
        need(9, "Parenthesized context managers are", pos);
      }
    }

    /** Past spaces, tabs, form feeds and backslash continuations. */
    private int skipBlanks(int pos) {
      while (pos < text.length()) {
        char c = text.charAt(pos);
        if (c == ' ' || c == '\t' || c == '\f') {
          pos++;
        } else if (c == '\\' && pos + 1 < text.length() && (text.charAt(pos + 1) == '\n' || text.charAt(pos + 1) == '\r')) {
          pos += text.startsWith("\r\n", pos + 1) ? 3 : 2;
        } else {
          break;
        }
      }
      return pos;
    }
  }

  /**
   * What CPython before 3.12 rejects in the f-strings of one string expression (its implicitly
   * concatenated parts included): the text is lexed again (inside parentheses, so line breaks between
   * the parts are free) and the replacement fields are followed through the tokens.
   */
  static final class FStrings {
    private FStrings() {}

    /** A level of f-string nesting: an f-string, or one of its replacement fields. */
    private static final class Frame {
      final boolean fstring;
      /** f-string: its quote character and whether it is tripled. */
      char quote;
      boolean triple;
      /** field: the f-string it belongs to, its nesting through format specs (0 for a top-level field). */
      Frame owner;
      int level;
      int depth;
      int exprFrom;
      boolean exprDone;
      boolean inSpec;
      boolean expectConversion;
      int conversionEnd = -1;

      Frame(boolean fstring) {
        this.fstring = fstring;
      }
    }

    static void check(Finder f, String text, int start, int end) {
      if (!worthLexing(text, start, end)) {
        return;
      }
      String sub = "(" + text.substring(start, end) + ")";
      TextCharStream chars = TextCharStream.of(sub);
      int[] utf16;
      CharStream in;
      if (chars != null) {
        utf16 = chars.utf16Offsets();
        in = chars;
      } else { // a lone surrogate: ANTLR's stream, code point indexes mapped here
        utf16 = new int[sub.codePointCount(0, sub.length()) + 1];
        for (int cp = 0, i = 0; i < sub.length(); cp++) {
          utf16[cp] = i;
          i += Character.charCount(sub.codePointAt(i));
          utf16[cp + 1] = i;
        }
        in = CharStreams.fromString(sub);
      }
      PythonLexer lexer = f.lexer;
      if (lexer == null) {
        lexer = f.lexer = new PythonLexer(in);
      } else {
        lexer.setInputStream(in); // resets the lexer: one per file, not one per string
      }
      List<Frame> stack = new ArrayList<>();
      for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
        if (lexer.lexError() != null) {
          return; // cannot happen for text that parsed; nothing to say about it here
        }
        int type = t.getType();
        int s = start - 1 + (utf16 == null ? t.getStartIndex() : utf16[t.getStartIndex()]);
        int e = start - 1 + (utf16 == null ? t.getStopIndex() + 1 : utf16[t.getStopIndex() + 1]);
        Frame top = stack.isEmpty() ? null : stack.get(stack.size() - 1);
        if (top != null && !top.fstring && top.conversionEnd >= 0) {
          if (s != top.conversionEnd) {
            f.need(12, "Whitespace after an f-string conversion is", top.conversionEnd);
          }
          top.conversionEnd = -1;
        }
        if (type == PythonLexer.FSTRING_START) {
          Frame fs = new Frame(true);
          String tx = t.getText();
          fs.quote = tx.charAt(tx.length() - 1);
          fs.triple = tx.length() >= 3 && tx.charAt(tx.length() - 2) == fs.quote && tx.charAt(tx.length() - 3) == fs.quote;
          stack.add(fs);
          continue;
        }
        if (top == null) {
          continue;
        }
        if (top.fstring || top.inSpec) { // literal text of an f-string or of a format spec
          if (type == PythonLexer.LBRACE) {
            Frame field = new Frame(false);
            field.owner = top.fstring ? top : top.owner;
            field.level = top.fstring ? 0 : top.level + 1;
            field.exprFrom = e;
            if (field.level >= 2) {
              f.need(12, "Format specifiers nested more than two levels deep are", s);
            }
            stack.add(field);
          } else if (type == PythonLexer.FSTRING_END || type == PythonLexer.RBRACE) {
            stack.remove(stack.size() - 1);
          }
          continue;
        }
        if (type == PythonLexer.COMMENT) {
          f.need(12, "Comments in f-string expressions are", s);
          continue;
        }
        if (top.expectConversion) {
          top.expectConversion = false;
          top.conversionEnd = e;
          continue;
        }
        switch (type) {
          case PythonLexer.LPAR, PythonLexer.LSQB, PythonLexer.LBRACE -> top.depth++;
          case PythonLexer.RPAR, PythonLexer.RSQB -> top.depth--;
          case PythonLexer.RBRACE -> {
            if (top.depth > 0) {
              top.depth--;
            } else {
              endExpression(f, text, top, s);
              stack.remove(stack.size() - 1);
            }
          }
          case PythonLexer.EXCLAMATION -> {
            if (top.depth == 0) {
              endExpression(f, text, top, s);
              top.expectConversion = true;
            }
          }
          case PythonLexer.EQUAL -> {
            if (top.depth == 0) {
              endExpression(f, text, top, s);
            }
          }
          case PythonLexer.COLON -> {
            if (top.depth == 0) {
              endExpression(f, text, top, s);
              top.inSpec = true;
            }
          }
          default -> { }
        }
      }
    }

    /**
     * Whether the string expression can hold anything this class looks for. Most f-strings are one
     * single-quoted part with a few fields, none nested deeper than one spec and none of these
     * characters: no lexing for them.
     */
    static boolean worthLexing(String text, int start, int end) {
      int single = 0;
      int dbl = 0;
      int depth = 0;
      int maxDepth = 0;
      for (int i = start; i < end; i++) {
        switch (text.charAt(i)) {
          case '\\', '#', '\n', '\r', '!':
            return true;
          case '\'':
            single++;
            break;
          case '"':
            dbl++;
            break;
          case '{':
            maxDepth = Math.max(maxDepth, ++depth);
            break;
          case '}':
            depth--;
            break;
          default:
            break;
        }
      }
      // a quote reused needs a third one of its kind; a spec nested too deep, three open braces
      return single > 2 || dbl > 2 || maxDepth > 2;
    }

    /** Checks the expression text of {@code field}, from just after its '{' to {@code to}. */
    private static void endExpression(Finder f, String text, Frame field, int to) {
      if (field.exprDone) {
        return;
      }
      field.exprDone = true;
      Frame owner = field.owner;
      String triple = owner.triple ? String.valueOf(owner.quote).repeat(3) : null;
      boolean backslash = false;
      boolean quote = false;
      boolean lineBreak = false;
      for (int i = field.exprFrom; i < to; i++) {
        char c = text.charAt(i);
        if (c == '\\' && !backslash) {
          backslash = true;
          f.need(12, "Backslashes in f-string expressions are", i);
        }
        if (!quote && (triple == null ? c == owner.quote : text.startsWith(triple, i))) {
          quote = true;
          f.need(12, "Reusing the enclosing quote in an f-string expression is", i);
        }
        if (!lineBreak && triple == null && (c == '\n' || c == '\r')) {
          lineBreak = true;
          f.need(12, "Line breaks in the expressions of single-quoted f-strings are", i);
        }
      }
    }
  }
}
