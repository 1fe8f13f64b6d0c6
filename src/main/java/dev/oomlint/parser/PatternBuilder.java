package dev.oomlint.parser;

import dev.oomlint.ast.Operators.ExprContext;
import dev.oomlint.ast.Operators.Operator;
import dev.oomlint.ast.Operators.UnaryOperator;
import dev.oomlint.parser.antlr.PythonParser;
import dev.oomlint.ast.ConstValue;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Pattern;
import dev.oomlint.ast.SourceRange;
import dev.oomlint.ast.Stmt;
import dev.oomlint.ast.Support;
import dev.oomlint.parser.antlr.PythonParser.*;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Builds {@code match} statements and their patterns for {@link AstBuilder}. */
final class PatternBuilder {
  private final AstBuilder b;
  private final ExpressionBuilder exprs;

  PatternBuilder(AstBuilder b, ExpressionBuilder exprs) {
    this.b = b;
    this.exprs = exprs;
  }

  Stmt matchStmt(Match_stmtContext m) {
    Expr subject = exprs.starNamedExpressions(m.subject);
    List<Support.MatchCase> cases = new ArrayList<>();
    for (Case_blockContext c : m.case_block()) {
      Pattern p = patterns(c.patterns());
      Expr guard = c.guard == null ? null : exprs.namedExpression(c.guard);
      List<Stmt> body = b.block(c.block());
      cases.add(new Support.MatchCase(AstBuilder.range(b.start(c), b.blockEnd(c.block(), body)), p, guard, body));
    }
    return new Stmt.Match(AstBuilder.range(b.start(m), cases.get(cases.size() - 1).range().end()), subject, cases);
  }

  private Pattern patterns(PatternsContext c) {
    List<ParseTree> ch = c.children;
    if (ch.size() == 1) {
      Maybe_star_patternContext only = (Maybe_star_patternContext) ch.get(0);
      if (only.star_pattern() != null) {
        throw new BuildError("invalid syntax", b.start(only));
      }
      return pattern(only.pattern());
    }
    return new Pattern.MatchSequence(b.range(c), sequence(ch));
  }

  private List<Pattern> sequence(List<ParseTree> ch) {
    List<Pattern> out = new ArrayList<>();
    for (ParseTree x : ch) {
      if (x instanceof Maybe_star_patternContext m) {
        out.add(maybeStar(m));
      }
    }
    return out;
  }

  private Pattern maybeStar(Maybe_star_patternContext m) {
    Star_patternContext s = m.star_pattern();
    if (s == null) {
      return pattern(m.pattern());
    }
    return new Pattern.MatchStar(b.range(s), capture(s.name()));
  }

  /** The captured name, or null for the wildcard {@code _}. */
  private String capture(NameContext n) {
    return n.start.getType() == PythonParser.UNDERSCORE ? null : b.name(n);
  }

  Pattern pattern(PatternContext c) {
    Pattern p = orPattern(c.or_pattern());
    NameContext as = c.name();
    if (as == null) {
      return p;
    }
    if (as.start.getType() == PythonParser.UNDERSCORE) {
      throw new BuildError("cannot use '_' as a target", b.start(as));
    }
    return new Pattern.MatchAs(b.range(c), p, b.name(as));
  }

  private Pattern orPattern(Or_patternContext c) {
    List<Closed_patternContext> alts = c.closed_pattern();
    if (alts.size() == 1) {
      return closed(alts.get(0));
    }
    List<Pattern> ps = new ArrayList<>(alts.size());
    for (Closed_patternContext a : alts) {
      ps.add(closed(a));
    }
    return new Pattern.MatchOr(b.range(c), ps);
  }

  private Pattern closed(Closed_patternContext c) {
    SourceRange r = b.range(c);
    ParseTree first = c.getChild(0);
    if (first instanceof Literal_patternContext lit) {
      Expr e = literal(lit);
      if (e instanceof Expr.Constant k && (k.value() == ConstValue.Singleton.NONE || k.value() instanceof ConstValue.Bool)) {
        return new Pattern.MatchSingleton(r, k.value());
      }
      return new Pattern.MatchValue(r, e);
    }
    if (first instanceof Name_or_attrContext na) {
      if (c.getChildCount() == 1) {
        List<NameContext> names = na.name();
        if (names.size() == 1) {
          return new Pattern.MatchAs(r, null, capture(names.get(0)));
        }
        return new Pattern.MatchValue(r, nameOrAttr(na));
      }
      return classPattern(r, na, c.class_pattern_args());
    }
    Token open = ((TerminalNode) first).getSymbol();
    switch (open.getType()) {
      case PythonParser.LPAR -> {
        List<ParseTree> inner = c.children.subList(1, c.getChildCount() - 1);
        if (inner.size() == 1) {
          Maybe_star_patternContext only = (Maybe_star_patternContext) inner.get(0);
          if (only.star_pattern() != null) {
            throw new BuildError("invalid syntax", b.end(only));
          }
          return pattern(only.pattern());
        }
        return new Pattern.MatchSequence(r, sequence(inner));
      }
      case PythonParser.LSQB -> {
        return new Pattern.MatchSequence(r, sequence(c.children));
      }
      default -> {
        return mapping(r, c);
      }
    }
  }

  private Pattern mapping(SourceRange r, Closed_patternContext c) {
    List<Expr> keys = new ArrayList<>();
    List<Pattern> values = new ArrayList<>();
    String rest = null;
    for (Mapping_itemContext m : c.mapping_item()) {
      if (rest != null) {
        throw new BuildError("invalid syntax", b.start(m));
      }
      ParseTree first = m.getChild(0);
      if (first instanceof TerminalNode) {
        rest = b.name(m.name());
        continue;
      }
      Expr key;
      if (first instanceof Literal_patternContext lit) {
        key = literal(lit);
      } else {
        Name_or_attrContext na = (Name_or_attrContext) first;
        if (na.name().size() == 1) {
          throw new BuildError("invalid syntax", b.end(na));
        }
        key = nameOrAttr(na);
      }
      keys.add(key);
      values.add(pattern(m.pattern()));
    }
    return new Pattern.MatchMapping(r, keys, values, rest);
  }

  private Pattern classPattern(SourceRange r, Name_or_attrContext na, Class_pattern_argsContext args) {
    Expr cls = nameOrAttr(na);
    List<Pattern> positional = new ArrayList<>();
    List<String> kwdAttrs = new ArrayList<>();
    List<Pattern> kwdPatterns = new ArrayList<>();
    if (args != null) {
      for (Class_pattern_argContext a : args.class_pattern_arg()) {
        if (a.name() != null) {
          kwdAttrs.add(b.name(a.name()));
          kwdPatterns.add(pattern(a.pattern()));
        } else {
          if (!kwdAttrs.isEmpty()) {
            throw new BuildError("positional patterns follow keyword patterns", b.start(a));
          }
          positional.add(pattern(a.pattern()));
        }
      }
    }
    return new Pattern.MatchClass(r, cls, positional, kwdAttrs, kwdPatterns);
  }

  private Expr nameOrAttr(Name_or_attrContext na) {
    List<NameContext> names = na.name();
    NameContext n0 = names.get(0);
    Expr e = new Expr.Name(b.range(n0), b.name(n0), ExprContext.LOAD);
    int s = b.start(n0);
    for (int i = 1; i < names.size(); i++) {
      NameContext n = names.get(i);
      e = new Expr.Attribute(AstBuilder.range(s, b.end(n)), e, b.name(n), ExprContext.LOAD);
    }
    return e;
  }

  /** A literal pattern's value expression: a constant, a signed number, or a complex literal. */
  private Expr literal(Literal_patternContext c) {
    ParseTree first = c.getChild(0);
    if (first instanceof StringsContext s) {
      Expr e = exprs.strings(s);
      if (e instanceof Expr.JoinedStr) {
        throw new BuildError("patterns may only match literals and attribute lookups", e.range().start());
      }
      return e;
    }
    Token t0 = ((TerminalNode) first).getSymbol();
    switch (t0.getType()) {
      case PythonParser.NONE -> {
        return new Expr.Constant(b.range(t0), ConstValue.Singleton.NONE, null);
      }
      case PythonParser.TRUE -> {
        return new Expr.Constant(b.range(t0), new ConstValue.Bool(true), null);
      }
      case PythonParser.FALSE -> {
        return new Expr.Constant(b.range(t0), new ConstValue.Bool(false), null);
      }
      default -> { }
    }
    int i = 0;
    Expr real;
    Token neg = null;
    if (t0.getType() == PythonParser.MINUS) {
      neg = t0;
      i = 1;
    }
    Token num = ((TerminalNode) c.getChild(i)).getSymbol();
    real = new Expr.Constant(b.range(num), b.number(num), null);
    if (neg != null) {
      real = new Expr.UnaryOp(AstBuilder.range(b.start(neg), b.end(num)), UnaryOperator.USUB, real);
    }
    if (c.getChildCount() == i + 1) {
      return real;
    }
    Token sign = ((TerminalNode) c.getChild(i + 1)).getSymbol();
    Token imagTok = ((TerminalNode) c.getChild(i + 2)).getSymbol();
    Expr.Constant imag = new Expr.Constant(b.range(imagTok), b.number(imagTok), null);
    if (((Expr.Constant) (real instanceof Expr.UnaryOp u ? u.operand() : real)).value() instanceof ConstValue.Imaginary) {
      throw new BuildError("real number required in complex literal", b.start(c));
    }
    if (!(imag.value() instanceof ConstValue.Imaginary)) {
      throw new BuildError("imaginary number required in complex literal", b.start(imagTok));
    }
    return new Expr.BinOp(b.range(c), real, sign.getType() == PythonParser.PLUS ? Operator.ADD : Operator.SUB, imag);
  }
}
