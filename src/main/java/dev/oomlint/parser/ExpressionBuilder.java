package dev.oomlint.parser;

import dev.oomlint.ast.Operators.BoolOperator;
import dev.oomlint.ast.Operators.CmpOperator;
import dev.oomlint.ast.Operators.ExprContext;
import dev.oomlint.ast.Operators.Operator;
import dev.oomlint.ast.Operators.UnaryOperator;
import dev.oomlint.parser.antlr.PythonParser;
import dev.oomlint.ast.ConstValue;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.SourceRange;
import dev.oomlint.ast.Support;
import dev.oomlint.parser.antlr.PythonParser.*;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Builds expression nodes for {@link AstBuilder}. Operator chains are folded iteratively. */
final class ExpressionBuilder {
  private final AstBuilder b;
  private final StringNodes strings;

  ExpressionBuilder(AstBuilder b) {
    this.b = b;
    this.strings = new StringNodes(b, this);
  }

  // ---------------------------------------------------------------------------------------------
  // Lists of expressions

  Expr starExpressions(Star_expressionsContext c) {
    List<ParseTree> ch = c.children;
    if (ch.size() == 1) {
      return expression((ExpressionContext) ch.get(0));
    }
    List<Expr> elts = new ArrayList<>((ch.size() + 1) / 2);
    int n = ch.size();
    boolean comma = false;
    for (int i = 0; i < n; i++) {
      ParseTree x = ch.get(i);
      if (x instanceof ExpressionContext e) {
        elts.add(expression(e));
      } else if (((TerminalNode) x).getSymbol().getType() == PythonParser.COMMA) {
        comma = true;
      } else {
        Bitwise_orContext v = (Bitwise_orContext) ch.get(++i);
        elts.add(new Expr.Starred(AstBuilder.range(b.start(((TerminalNode) x).getSymbol()), b.end(v)), bitwiseOr(v),
            ExprContext.LOAD));
      }
    }
    if (!comma) {
      // "*a" alone: a starred expression, not a tuple
      return elts.get(0);
    }
    return new Expr.Tuple(b.range(c), elts, ExprContext.LOAD);
  }

  Expr starExpression(Star_expressionContext c) {
    ParseTree first = c.getChild(0);
    if (first instanceof ExpressionContext e) {
      return expression(e);
    }
    return new Expr.Starred(b.range(c), bitwiseOr((Bitwise_orContext) c.getChild(1)), ExprContext.LOAD);
  }

  Expr starNamedExpressions(Star_named_expressionsContext c) {
    List<ParseTree> ch = c.children;
    if (ch.size() == 1) {
      return starNamedExpression((Star_named_expressionContext) ch.get(0));
    }
    List<Expr> elts = new ArrayList<>();
    for (ParseTree x : ch) {
      if (x instanceof Star_named_expressionContext s) {
        elts.add(starNamedExpression(s));
      }
    }
    return new Expr.Tuple(b.range(c), elts, ExprContext.LOAD);
  }

  Expr starNamedExpression(Star_named_expressionContext c) {
    ParseTree first = c.getChild(0);
    if (first instanceof Named_expressionContext n) {
      return namedExpression(n);
    }
    return new Expr.Starred(b.range(c), bitwiseOr((Bitwise_orContext) c.getChild(1)), ExprContext.LOAD);
  }

  Expr namedExpression(Named_expressionContext c) {
    Expr first = expression((ExpressionContext) c.getChild(0));
    if (c.getChildCount() == 1) {
      return first;
    }
    if (!(first instanceof Expr.Name n)) {
      throw new BuildError("cannot use assignment expressions with " + Targets.exprName(first), first.range().start());
    }
    Expr value = expression((ExpressionContext) c.getChild(2));
    return new Expr.NamedExpr(b.range(c), new Expr.Name(n.range(), n.id(), ExprContext.STORE), value);
  }

  // ---------------------------------------------------------------------------------------------
  // expression: conditional chains and lambda, folded from the right without recursion

  /** Whether {@code c} is the conditional form {@code operands IF disjunction ELSE expression}. */
  private static boolean isConditional(ExpressionContext c) {
    int n = c.getChildCount();
    return n >= 5 && c.getChild(n - 4) instanceof TerminalNode t && t.getSymbol().getType() == PythonParser.IF;
  }

  Expr expression(ExpressionContext c) {
    ParseTree first = c.getChild(0);
    int n = c.getChildCount();
    if (n == 1) {
      if (first instanceof FactorContext f) {
        return factor(f);
      }
      return lambda((LambdefContext) first);
    }
    if (!isConditional(c)) {
      return fold(c, n);
    }
    List<ExpressionContext> chain = new ArrayList<>();
    ExpressionContext cur = c;
    while (isConditional(cur)) {
      chain.add(cur);
      cur = (ExpressionContext) cur.getChild(cur.getChildCount() - 1);
    }
    Expr[] bodies = new Expr[chain.size()];
    Expr[] tests = new Expr[chain.size()];
    for (int i = 0; i < chain.size(); i++) {
      ExpressionContext x = chain.get(i);
      int k = x.getChildCount();
      bodies[i] = k == 5 ? factor((FactorContext) x.getChild(0)) : fold(x, k - 4);
      tests[i] = disjunction((DisjunctionContext) x.getChild(k - 3));
    }
    Expr result = expression(cur);
    int end = b.end(cur);
    for (int i = chain.size() - 1; i >= 0; i--) {
      result = new Expr.IfExp(AstBuilder.range(b.start(chain.get(i)), end), tests[i], bodies[i], result);
    }
    return result;
  }

  Expr lambda(LambdefContext c) {
    Lambda_parametersContext ps = c.lambda_parameters();
    Support.Arguments args = ps == null
        ? AstBuilder.emptyArguments(b.end(c.LAMBDA()))
        : b.parameters(ps.lambda_parameter(), b.range(ps));
    return new Expr.Lambda(b.range(c), args, expression(c.expression()));
  }

  Expr yieldExpr(Yield_exprContext c) {
    if (c.FROM() != null) {
      return new Expr.YieldFrom(b.range(c), expression(c.expression()));
    }
    Star_expressionsContext v = c.star_expressions();
    return new Expr.Yield(b.range(c), v == null ? null : starExpressions(v));
  }

  // ---------------------------------------------------------------------------------------------
  // Operators: one flat list, folded with operator precedence

  private static final int P_OR = 1;
  private static final int P_AND = 2;
  private static final int P_NOT = 3;
  private static final int P_CMP = 4;

  /** An operator waiting on the stack: a binary operator, a merged and/or/comparison chain, or a prefix not. */
  private static final class Pending {
    final int prec;
    final Operator op;
    final int notStart;
    int count = 1;
    List<CmpOperator> cmpOps;

    Pending(int prec, Operator op, int notStart) {
      this.prec = prec;
      this.op = op;
      this.notStart = notStart;
    }
  }

  /** The operand stack: nodes with their syntactic extents (which include enclosing parentheses). */
  private static final class Operands {
    Expr[] nodes = new Expr[8];
    int[] starts = new int[8];
    int[] ends = new int[8];
    int size;

    void push(Expr e, int s, int en) {
      if (size == nodes.length) {
        nodes = java.util.Arrays.copyOf(nodes, size * 2);
        starts = java.util.Arrays.copyOf(starts, size * 2);
        ends = java.util.Arrays.copyOf(ends, size * 2);
      }
      nodes[size] = e;
      starts[size] = s;
      ends[size] = en;
      size++;
    }
  }

  Expr disjunction(DisjunctionContext c) {
    if (c.getChildCount() == 1) {
      return factor((FactorContext) c.getChild(0));
    }
    return fold(c, c.getChildCount());
  }

  Expr bitwiseOr(Bitwise_orContext c) {
    if (c.getChildCount() == 1) {
      return factor((FactorContext) c.getChild(0));
    }
    return fold(c, c.getChildCount());
  }

  /** Folds the operator list {@code c.children[0, limit)} (operands, operators, prefix nots). */
  private Expr fold(ParserRuleContext c, int limit) {
    Operands vals = new Operands();
    List<Pending> ops = new ArrayList<>();
    boolean notAllowed = true;
    for (int ci = 0; ci < limit; ci++) {
      ParseTree ch = c.children.get(ci);
      if (ch instanceof FactorContext f) {
        vals.push(factor(f), b.start(f), b.end(f));
        continue;
      }
      if (ch instanceof TerminalNode t) {
        Token tok = t.getSymbol();
        if (!notAllowed) {
          throw new BuildError(ops.isEmpty() || ops.get(ops.size() - 1).prec > P_CMP
              ? "'not' after an operator must be parenthesized" : "invalid syntax", b.start(tok));
        }
        ops.add(new Pending(P_NOT, null, b.start(tok)));
        continue;
      }
      ParserRuleContext opCtx = (ParserRuleContext) ch;
      Token t0 = opCtx.start;
      int type = t0.getType();
      int prec;
      Operator op = null;
      CmpOperator cmp = null;
      switch (type) {
        case PythonParser.OR -> prec = P_OR;
        case PythonParser.AND -> prec = P_AND;
        case PythonParser.EQEQUAL -> { prec = P_CMP; cmp = CmpOperator.EQ; }
        case PythonParser.NOTEQUAL -> { prec = P_CMP; cmp = CmpOperator.NOT_EQ; }
        case PythonParser.LESS -> { prec = P_CMP; cmp = CmpOperator.LT; }
        case PythonParser.LESSEQUAL -> { prec = P_CMP; cmp = CmpOperator.LT_E; }
        case PythonParser.GREATER -> { prec = P_CMP; cmp = CmpOperator.GT; }
        case PythonParser.GREATEREQUAL -> { prec = P_CMP; cmp = CmpOperator.GT_E; }
        case PythonParser.IN -> { prec = P_CMP; cmp = CmpOperator.IN; }
        case PythonParser.NOT -> { prec = P_CMP; cmp = CmpOperator.NOT_IN; }
        case PythonParser.IS -> { prec = P_CMP; cmp = opCtx.getChildCount() > 1 ? CmpOperator.IS_NOT : CmpOperator.IS; }
        case PythonParser.VBAR -> { prec = 5; op = Operator.BIT_OR; }
        case PythonParser.CIRCUMFLEX -> { prec = 6; op = Operator.BIT_XOR; }
        case PythonParser.AMPER -> { prec = 7; op = Operator.BIT_AND; }
        case PythonParser.LEFTSHIFT -> { prec = 8; op = Operator.LSHIFT; }
        case PythonParser.RIGHTSHIFT -> { prec = 8; op = Operator.RSHIFT; }
        case PythonParser.PLUS -> { prec = 9; op = Operator.ADD; }
        case PythonParser.MINUS -> { prec = 9; op = Operator.SUB; }
        case PythonParser.STAR -> { prec = 10; op = Operator.MULT; }
        case PythonParser.SLASH -> { prec = 10; op = Operator.DIV; }
        case PythonParser.DOUBLESLASH -> { prec = 10; op = Operator.FLOOR_DIV; }
        case PythonParser.PERCENT -> { prec = 10; op = Operator.MOD; }
        default -> { prec = 10; op = Operator.MAT_MULT; }
      }
      boolean merge = false;
      while (!ops.isEmpty()) {
        Pending top = ops.get(ops.size() - 1);
        if (top.prec > prec || (top.prec == prec && prec > P_CMP)) {
          ops.remove(ops.size() - 1);
          reduce(top, vals);
        } else {
          merge = top.prec == prec;
          break;
        }
      }
      if (merge) {
        Pending top = ops.get(ops.size() - 1);
        top.count++;
        if (cmp != null) {
          top.cmpOps.add(cmp);
        }
      } else {
        Pending p = new Pending(prec, op, -1);
        if (cmp != null) {
          p.cmpOps = new ArrayList<>(2);
          p.cmpOps.add(cmp);
        }
        ops.add(p);
      }
      notAllowed = prec == P_OR || prec == P_AND;
    }
    for (int i = ops.size() - 1; i >= 0; i--) {
      reduce(ops.get(i), vals);
    }
    return vals.nodes[0];
  }

  private static void reduce(Pending p, Operands vals) {
    int n = vals.size;
    if (p.prec == P_NOT) {
      Expr operand = vals.nodes[n - 1];
      int end = vals.ends[n - 1];
      vals.size--;
      vals.push(new Expr.UnaryOp(AstBuilder.range(p.notStart, end), UnaryOperator.NOT, operand), p.notStart, end);
      return;
    }
    if (p.op != null) {
      Expr right = vals.nodes[n - 1];
      Expr left = vals.nodes[n - 2];
      int s = vals.starts[n - 2];
      int e = vals.ends[n - 1];
      vals.size -= 2;
      vals.push(new Expr.BinOp(AstBuilder.range(s, e), left, p.op, right), s, e);
      return;
    }
    int k = p.count + 1;
    int first = n - k;
    int s = vals.starts[first];
    int e = vals.ends[n - 1];
    Expr node;
    if (p.prec == P_CMP) {
      List<Expr> comparators = new ArrayList<>(p.count);
      for (int i = first + 1; i < n; i++) {
        comparators.add(vals.nodes[i]);
      }
      node = new Expr.Compare(AstBuilder.range(s, e), vals.nodes[first], p.cmpOps, comparators);
    } else {
      List<Expr> values = new ArrayList<>(k);
      for (int i = first; i < n; i++) {
        values.add(vals.nodes[i]);
      }
      node = new Expr.BoolOp(AstBuilder.range(s, e), p.prec == P_OR ? BoolOperator.OR : BoolOperator.AND, values);
    }
    vals.size = first;
    vals.push(node, s, e);
  }

  /** {@code (+|-|~)* await? atom trailer* (** factor)?} */
  Expr factor(FactorContext c) {
    List<ParseTree> ch = c.children;
    int n = ch.size();
    if (n == 1) {
      return atom((AtomContext) ch.get(0));
    }
    int i = 0;
    while (ch.get(i) instanceof TerminalNode t && t.getSymbol().getType() != PythonParser.AWAIT) {
      i++;
    }
    int prefixes = i;
    Token await = null;
    if (ch.get(i) instanceof TerminalNode t) {
      await = t.getSymbol();
      i++;
    }
    AtomContext a = (AtomContext) ch.get(i++);
    Expr e = atom(a);
    int s = b.start(a);
    int end = b.end(a);
    for (; i < n && ch.get(i) instanceof TrailerContext t; i++) {
      end = b.end(t);
      e = trailer(e, s, end, t);
    }
    if (await != null) {
      s = b.start(await);
      e = new Expr.Await(AstBuilder.range(s, end), e);
    }
    if (i < n) {
      FactorContext rhs = (FactorContext) ch.get(i + 1);
      e = new Expr.BinOp(AstBuilder.range(s, b.end(rhs)), e, Operator.POW, factor(rhs));
    }
    if (prefixes > 0) {
      int whole = b.end(c);
      for (int k = prefixes - 1; k >= 0; k--) {
        Token t = ((TerminalNode) ch.get(k)).getSymbol();
        UnaryOperator op = switch (t.getType()) {
          case PythonParser.PLUS -> UnaryOperator.UADD;
          case PythonParser.MINUS -> UnaryOperator.USUB;
          default -> UnaryOperator.INVERT;
        };
        e = new Expr.UnaryOp(AstBuilder.range(b.start(t), whole), op, e);
      }
    }
    return e;
  }

  private Expr trailer(Expr e, int s, int end, TrailerContext t) {
    Token first = t.start;
    switch (first.getType()) {
      case PythonParser.DOT -> {
        return new Expr.Attribute(AstBuilder.range(s, end), e, b.name((NameContext) t.getChild(1)), ExprContext.LOAD);
      }
      case PythonParser.LPAR -> {
        ArgumentsContext args = t.arguments();
        if (args == null) {
          return new Expr.Call(AstBuilder.range(s, end), e, List.of(), List.of());
        }
        CallArgs ca = callArguments(args, first, t.stop);
        return new Expr.Call(AstBuilder.range(s, end), e, ca.args(), ca.keywords());
      }
      default -> {
        return new Expr.Subscript(AstBuilder.range(s, end), e, slices(t.slices()), ExprContext.LOAD);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Calls and subscripts

  record CallArgs(List<Expr> args, List<Support.Keyword> keywords) {}

  CallArgs callArguments(ArgumentsContext c, Token lpar, Token rpar) {
    List<Expr> args = new ArrayList<>();
    List<Support.Keyword> kws = new ArrayList<>();
    boolean sawKeyword = false;
    boolean sawDoubleStar = false;
    List<ParseTree> ch = c.children;
    int argCount = (ch.size() + 1) / 2;
    boolean trailingComma = ch.get(ch.size() - 1) instanceof TerminalNode;
    for (ParseTree x : ch) {
      if (!(x instanceof ArgumentContext a)) {
        continue;
      }
      ParseTree first = a.getChild(0);
      if (first instanceof NameContext n && a.getChildCount() == 3) {
        kws.add(new Support.Keyword(b.range(a), b.name(n), expression((ExpressionContext) a.getChild(2))));
        sawKeyword = true;
      } else if (first instanceof TerminalNode t) {
        Expr v = expression((ExpressionContext) a.getChild(1));
        if (t.getSymbol().getType() == PythonParser.STAR) {
          if (sawDoubleStar) {
            throw new BuildError("iterable argument unpacking follows keyword argument unpacking", b.start(a));
          }
          args.add(new Expr.Starred(b.range(a), v, ExprContext.LOAD));
        } else {
          kws.add(new Support.Keyword(b.range(a), null, v));
          sawDoubleStar = true;
        }
      } else {
        if (sawDoubleStar) {
          throw new BuildError("positional argument follows keyword argument unpacking", b.start(a));
        }
        if (sawKeyword) {
          throw new BuildError("positional argument follows keyword argument", b.start(a));
        }
        Named_expressionContext ne = (Named_expressionContext) first;
        Expr v = namedExpression(ne);
        if (a.getChildCount() > 1) {
          if (argCount > 1 || trailingComma) {
            throw new BuildError("Generator expression must be parenthesized", b.start(a));
          }
          v = new Expr.GeneratorExp(AstBuilder.range(b.start(lpar), b.end(rpar)), v, comprehensions(a, 1));
        }
        args.add(v);
      }
    }
    return new CallArgs(args, kws);
  }

  private Expr slices(SlicesContext c) {
    List<ParseTree> ch = c.children;
    if (ch.size() == 1) {
      SliceContext s = (SliceContext) ch.get(0);
      Expr e = slice(s);
      if (e instanceof Expr.Starred) {
        return new Expr.Tuple(b.range(c), List.of(e), ExprContext.LOAD);
      }
      return e;
    }
    List<Expr> elts = new ArrayList<>();
    for (ParseTree x : ch) {
      if (x instanceof SliceContext s) {
        elts.add(slice(s));
      }
    }
    return new Expr.Tuple(b.range(c), elts, ExprContext.LOAD);
  }

  private Expr slice(SliceContext c) {
    ParseTree first = c.getChild(0);
    if (first instanceof TerminalNode t && t.getSymbol().getType() == PythonParser.STAR) {
      return new Expr.Starred(b.range(c), bitwiseOr((Bitwise_orContext) c.getChild(1)), ExprContext.LOAD);
    }
    if (first instanceof Named_expressionContext ne && c.getChildCount() == 1) {
      return namedExpression(ne);
    }
    // lower? ':' upper? (':' step?)?
    Expr[] parts = new Expr[3];
    int part = 0;
    for (ParseTree x : c.children) {
      if (x instanceof TerminalNode) {
        part++;
      } else if (x instanceof Named_expressionContext ne) {
        Expr lower = namedExpression(ne);
        if (ne.getChildCount() > 1) {
          throw new BuildError("invalid syntax", b.end(ne));
        }
        parts[part] = lower;
      } else {
        parts[part] = expression((ExpressionContext) x);
      }
    }
    return new Expr.Slice(b.range(c), parts[0], parts[1], parts[2]);
  }

  // ---------------------------------------------------------------------------------------------
  // Atoms

  Expr atom(AtomContext c) {
    ParseTree first = c.getChild(0);
    if (first instanceof TerminalNode t) {
      Token tok = t.getSymbol();
      SourceRange r = b.range(tok);
      return switch (tok.getType()) {
        case PythonParser.NAME, PythonParser.MATCH, PythonParser.CASE, PythonParser.TYPE, PythonParser.UNDERSCORE ->
            new Expr.Name(r, b.identifier(tok), ExprContext.LOAD);
        case PythonParser.NUMBER -> new Expr.Constant(r, b.number(tok), null);
        case PythonParser.NONE -> new Expr.Constant(r, ConstValue.Singleton.NONE, null);
        case PythonParser.TRUE -> new Expr.Constant(r, new ConstValue.Bool(true), null);
        case PythonParser.FALSE -> new Expr.Constant(r, new ConstValue.Bool(false), null);
        default -> new Expr.Constant(r, ConstValue.Singleton.ELLIPSIS, null);
      };
    }
    if (first instanceof StringsContext s) {
      return strings.strings(s);
    }
    if (first instanceof Paren_atomContext p) {
      return parenAtom(p);
    }
    if (first instanceof List_atomContext l) {
      return listAtom(l);
    }
    return braceAtom((Brace_atomContext) first);
  }

  Expr strings(StringsContext s) {
    return strings.strings(s);
  }

  private Expr parenAtom(Paren_atomContext c) {
    SourceRange r = b.range(c);
    int n = c.getChildCount();
    if (n == 2) {
      return new Expr.Tuple(r, List.of(), ExprContext.LOAD);
    }
    ParseTree first = c.getChild(1);
    if (first instanceof Yield_exprContext y) {
      return yieldExpr(y);
    }
    if (c.getChild(2) instanceof Comp_forContext) {
      Expr elt = starNamedExpression((Star_named_expressionContext) first);
      checkComprehensionElement(elt);
      return new Expr.GeneratorExp(r, elt, comprehensions(c, 2));
    }
    if (n == 3) {
      Expr e = starNamedExpression((Star_named_expressionContext) first);
      if (e instanceof Expr.Starred) {
        throw new BuildError("cannot use starred expression here", e.range().start());
      }
      return e;
    }
    return new Expr.Tuple(r, elements(c), ExprContext.LOAD);
  }

  private Expr listAtom(List_atomContext c) {
    SourceRange r = b.range(c);
    if (c.getChildCount() == 2) {
      return new Expr.ListExpr(r, List.of(), ExprContext.LOAD);
    }
    if (c.getChild(2) instanceof Comp_forContext) {
      Expr elt = starNamedExpression((Star_named_expressionContext) c.getChild(1));
      checkComprehensionElement(elt);
      return new Expr.ListComp(r, elt, comprehensions(c, 2));
    }
    return new Expr.ListExpr(r, elements(c), ExprContext.LOAD);
  }

  private List<Expr> elements(ParserRuleContext c) {
    List<Expr> elts = new ArrayList<>();
    for (ParseTree x : c.children) {
      if (x instanceof Star_named_expressionContext s) {
        elts.add(starNamedExpression(s));
      }
    }
    return elts;
  }

  private static void checkComprehensionElement(Expr elt) {
    if (elt instanceof Expr.Starred) {
      throw new BuildError("iterable unpacking cannot be used in comprehension", elt.range().start());
    }
  }

  private Expr braceAtom(Brace_atomContext c) {
    SourceRange r = b.range(c);
    int n = c.getChildCount();
    if (n == 2) {
      return new Expr.Dict(r, List.of(), List.of());
    }
    ParseTree first = c.getChild(1);
    if (first instanceof TerminalNode) {
      // ** first: a dict
      Bitwise_orContext v = (Bitwise_orContext) c.getChild(2);
      Dict_restContext rest = (Dict_restContext) c.getChild(3);
      if (rest.getChildCount() > 0 && rest.getChild(0) instanceof Comp_forContext) {
        throw new BuildError("dict unpacking cannot be used in dict comprehension", b.start(c) + 1);
      }
      List<Expr> keys = new ArrayList<>();
      List<Expr> values = new ArrayList<>();
      keys.add(null);
      values.add(bitwiseOr(v));
      dictRest(rest, keys, values);
      return new Expr.Dict(r, keys, values);
    }
    Expr firstElt = starNamedExpression((Star_named_expressionContext) first);
    ParseTree second = c.getChild(2);
    if (second instanceof TerminalNode t && t.getSymbol().getType() == PythonParser.COLON) {
      if (firstElt instanceof Expr.Starred
          || (((ParserRuleContext) first).getChild(0) instanceof Named_expressionContext ne && ne.getChildCount() > 1)) {
        throw new BuildError("invalid syntax", firstElt.range().start());
      }
      Expr value = expression((ExpressionContext) c.getChild(3));
      ParseTree after = c.getChild(4);
      if (after instanceof Comp_forContext) {
        return new Expr.DictComp(r, firstElt, value, comprehensions(c, 4));
      }
      List<Expr> keys = new ArrayList<>();
      List<Expr> values = new ArrayList<>();
      keys.add(firstElt);
      values.add(value);
      dictRest((Dict_restContext) after, keys, values);
      return new Expr.Dict(r, keys, values);
    }
    if (second instanceof Comp_forContext) {
      checkComprehensionElement(firstElt);
      return new Expr.SetComp(r, firstElt, comprehensions(c, 2));
    }
    List<Expr> elts = new ArrayList<>();
    elts.add(firstElt);
    for (int i = 2; i < n; i++) {
      if (c.getChild(i) instanceof Star_named_expressionContext s) {
        elts.add(starNamedExpression(s));
      }
    }
    return new Expr.Set(r, elts);
  }

  private void dictRest(Dict_restContext rest, List<Expr> keys, List<Expr> values) {
    for (ParseTree x : rest.children == null ? List.<ParseTree>of() : rest.children) {
      if (x instanceof Dict_itemContext d) {
        if (d.getChild(0) instanceof TerminalNode) {
          keys.add(null);
          values.add(bitwiseOr((Bitwise_orContext) d.getChild(1)));
        } else {
          keys.add(expression((ExpressionContext) d.getChild(0)));
          values.add(expression((ExpressionContext) d.getChild(2)));
        }
      }
    }
  }

  /** The comp_for children of {@code c} from index {@code from} on. */
  List<Support.Comprehension> comprehensions(ParserRuleContext c, int from) {
    List<Support.Comprehension> out = new ArrayList<>(1);
    for (int i = from; i < c.getChildCount(); i++) {
      if (c.getChild(i) instanceof Comp_forContext f) {
        out.add(comprehension(f));
      }
    }
    return out;
  }

  private Support.Comprehension comprehension(Comp_forContext f) {
    boolean async = f.ASYNC() != null;
    Expr target = targetList(f.target_list(), Targets.Kind.STAR_TARGETS);
    List<DisjunctionContext> ds = f.disjunction();
    Expr iter = disjunction(ds.get(0));
    List<Expr> ifs = ds.size() == 1 ? List.of() : new ArrayList<>(ds.size() - 1);
    for (int i = 1; i < ds.size(); i++) {
      ifs.add(disjunction(ds.get(i)));
    }
    return new Support.Comprehension(b.range(f), target, iter, ifs, async);
  }

  /** A for-loop or comprehension target list, checked and in Store context. */
  Expr targetList(Target_listContext c, Targets.Kind kind) {
    List<ParseTree> ch = c.children;
    Expr e;
    if (ch.size() == 1) {
      e = target((TargetContext) ch.get(0));
    } else {
      List<Expr> elts = new ArrayList<>();
      for (ParseTree x : ch) {
        if (x instanceof TargetContext t) {
          elts.add(target(t));
        }
      }
      e = new Expr.Tuple(b.range(c), elts, ExprContext.LOAD);
    }
    Expr bad = Targets.invalidTarget(e, kind);
    if (bad != null) {
      throw new BuildError("cannot assign to " + Targets.exprName(bad), bad.range().start());
    }
    return Targets.withCtx(e, ExprContext.STORE);
  }

  Expr target(TargetContext t) {
    if (t.getChildCount() == 1) {
      return bitwiseOr((Bitwise_orContext) t.getChild(0));
    }
    return new Expr.Starred(b.range(t), bitwiseOr((Bitwise_orContext) t.getChild(1)), ExprContext.LOAD);
  }
}
