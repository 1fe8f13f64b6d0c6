package dev.oomlint.parser;

import dev.oomlint.ast.Operators.ExprContext;
import dev.oomlint.ast.Operators.Operator;
import dev.oomlint.parser.antlr.PythonParser;
import dev.oomlint.ast.ConstValue;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Mod;
import dev.oomlint.ast.SourceRange;
import dev.oomlint.ast.Stmt;
import dev.oomlint.ast.Support;
import dev.oomlint.ast.TypeParam;
import dev.oomlint.parser.antlr.PythonParser.*;
import dev.oomlint.parser.antlr.TextCharStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Turns an ANTLR parse tree of {@code PythonParser} into our AST with CPython's node ranges. Checks
 * what the grammar deliberately accepts too loosely (assignment targets, parameter and argument
 * order, ...) and throws {@link BuildError} with CPython's message. Operator chains are built by
 * iteration, so long chains do not deepen the Java stack. One instance builds one file.
 */
final class AstBuilder {
  private final String text;
  private final Offsets offsets;
  private final ExpressionBuilder exprs;
  private final PatternBuilder patterns;

  /** Whether the whole text is ASCII (then no identifier needs normalising). */
  private final boolean ascii;

  AstBuilder(String text, Offsets offsets, boolean ascii) {
    this.text = text;
    this.offsets = offsets;
    this.ascii = ascii;
    this.exprs = new ExpressionBuilder(this);
    this.patterns = new PatternBuilder(this, exprs);
  }

  private List<Mod.Comment> comments = List.of();

  /** The file's comments, in order (f-string debug text leaves them out, as CPython does). */
  void setComments(List<Mod.Comment> comments) {
    this.comments = comments;
  }

  /** {@code text[from, to)} without the comments inside it. */
  String textWithoutComments(int from, int to) {
    StringBuilder sb = null;
    int pos = from;
    for (Mod.Comment c : comments) {
      int s = c.range().start();
      if (s < from) {
        continue;
      }
      if (s >= to) {
        break;
      }
      if (sb == null) {
        sb = new StringBuilder();
      }
      sb.append(text, pos, s);
      pos = Math.min(to, c.range().end());
    }
    if (sb == null) {
      return text.substring(from, to);
    }
    return sb.append(text, pos, to).toString();
  }

  // ---------------------------------------------------------------------------------------------
  // Positions

  String text() {
    return text;
  }

  int start(Token t) {
    return offsets.utf16(t.getStartIndex());
  }

  int end(Token t) {
    return offsets.utf16(t.getStopIndex() + 1);
  }

  int start(ParserRuleContext c) {
    return start(c.start);
  }

  int end(ParserRuleContext c) {
    return end(c.stop);
  }

  int start(TerminalNode n) {
    return start(n.getSymbol());
  }

  int end(TerminalNode n) {
    return end(n.getSymbol());
  }

  SourceRange range(ParserRuleContext c) {
    return new SourceRange(start(c), end(c));
  }

  SourceRange range(Token t) {
    return new SourceRange(start(t), end(t));
  }

  static SourceRange range(int start, int end) {
    return new SourceRange(start, end);
  }

  /** An identifier as CPython stores it: NFKC-normalised when it is not ASCII. */
  static String identifier(String raw) {
    for (int i = 0; i < raw.length(); i++) {
      if (raw.charAt(i) >= 0x80) {
        return Normalizer.normalize(raw, Normalizer.Form.NFKC);
      }
    }
    return raw;
  }

  String name(NameContext n) {
    return identifier(n.start);
  }

  /** The identifier spelled by {@code t}, as {@link #identifier(String)} gives it. */
  String identifier(Token t) {
    if (ascii || (t.getInputStream() instanceof TextCharStream cs && cs.isAscii(t.getStartIndex(), t.getStopIndex()))) {
      return t.getText();
    }
    return identifier(t.getText());
  }

  /**
   * Where a compound statement owning this block ends: at its last statement, or at the semicolon
   * after it (CPython ends compound statements at the block's last token before the line break).
   */
  int blockEnd(BlockContext bc, List<Stmt> body) {
    int end = body.get(body.size() - 1).range().end();
    ParseTree first = bc.getChild(0);
    Simple_stmtsContext ss = null;
    if (first instanceof Simple_stmtsContext s) {
      ss = s;
    } else {
      for (int i = bc.getChildCount() - 1; i >= 0; i--) {
        if (bc.getChild(i) instanceof StatementContext st) {
          if (st.getChild(0) instanceof Simple_stmtsContext s) {
            ss = s;
          }
          break;
        }
      }
    }
    if (ss != null && ss.getChildCount() >= 2 && ss.getChild(ss.getChildCount() - 2) instanceof TerminalNode semi) {
      end = Math.max(end, end(semi));
    }
    return end;
  }

  // ---------------------------------------------------------------------------------------------
  // Module and statements

  Mod.Module module(File_inputContext ctx, List<Mod.Comment> comments) {
    List<Stmt> body = new ArrayList<>();
    if (ctx.children != null) {
      for (ParseTree c : ctx.children) {
        if (c instanceof StatementContext s) {
          statement(s, body);
        }
      }
    }
    return new Mod.Module(range(0, text.length()), body, comments);
  }

  void statement(StatementContext s, List<Stmt> out) {
    ParseTree c = s.getChild(0);
    if (c instanceof Simple_stmtsContext ss) {
      simpleStmts(ss, out);
    } else {
      out.add(compound((Compound_stmtContext) c));
    }
  }

  private void simpleStmts(Simple_stmtsContext ss, List<Stmt> out) {
    for (ParseTree c : ss.children) {
      if (c instanceof Simple_stmtContext s) {
        out.add(simple(s));
      }
    }
  }

  List<Stmt> block(BlockContext b) {
    List<Stmt> out = new ArrayList<>();
    ParseTree first = b.getChild(0);
    if (first instanceof Simple_stmtsContext ss) {
      simpleStmts(ss, out);
    } else {
      for (ParseTree c : b.children) {
        if (c instanceof StatementContext s) {
          statement(s, out);
        }
      }
    }
    return out;
  }

  private Stmt simple(Simple_stmtContext s) {
    ParseTree c = s.getChild(0);
    if (c instanceof Expr_stmtContext e) {
      return exprStmt(e);
    }
    if (c instanceof TerminalNode t) {
      SourceRange r = range(t.getSymbol());
      return switch (t.getSymbol().getType()) {
        case PythonParser.PASS -> new Stmt.Pass(r);
        case PythonParser.BREAK -> new Stmt.Break(r);
        default -> new Stmt.Continue(r);
      };
    }
    SourceRange r = range(s);
    if (c instanceof Return_stmtContext ret) {
      return new Stmt.Return(r, ret.star_expressions() == null ? null : exprs.starExpressions(ret.star_expressions()));
    }
    if (c instanceof Import_stmtContext imp) {
      return imp.import_name() != null ? importName(imp.import_name()) : importFrom(imp.import_from());
    }
    if (c instanceof Raise_stmtContext raise) {
      List<ExpressionContext> es = raise.expression();
      return new Stmt.Raise(r, es.isEmpty() ? null : exprs.expression(es.get(0)),
          es.size() > 1 ? exprs.expression(es.get(1)) : null);
    }
    if (c instanceof Del_stmtContext del) {
      List<Expr> targets = new ArrayList<>();
      for (Del_targetContext d : del.del_target()) {
        targets.add(Targets.toTarget(exprs.starExpression(d.star_expression()), ExprContext.DEL));
      }
      return new Stmt.Delete(r, targets);
    }
    if (c instanceof Yield_exprContext y) {
      return new Stmt.ExprStmt(r, exprs.yieldExpr(y));
    }
    if (c instanceof Assert_stmtContext a) {
      List<ExpressionContext> es = a.expression();
      return new Stmt.Assert(r, exprs.expression(es.get(0)), es.size() > 1 ? exprs.expression(es.get(1)) : null);
    }
    if (c instanceof Global_stmtContext g) {
      return new Stmt.Global(r, names(g.name()));
    }
    if (c instanceof Nonlocal_stmtContext n) {
      return new Stmt.Nonlocal(r, names(n.name()));
    }
    Type_aliasContext ta = (Type_aliasContext) c;
    NameContext nm = ta.name();
    return new Stmt.TypeAlias(r, new Expr.Name(range(nm), name(nm), ExprContext.STORE),
        typeParams(ta.type_params()), exprs.expression(ta.expression()));
  }

  private List<String> names(List<NameContext> ns) {
    List<String> out = new ArrayList<>(ns.size());
    for (NameContext n : ns) {
      out.add(name(n));
    }
    return out;
  }

  private Stmt exprStmt(Expr_stmtContext c) {
    Star_expressionsContext first = c.star_expressions(0);
    Expr lhs = exprs.starExpressions(first);
    if (c.getChildCount() == 1) {
      return new Stmt.ExprStmt(range(c), lhs);
    }
    ParseTree op = c.getChild(1);
    SourceRange r = range(c);
    if (op instanceof AugassignContext aug) {
      if (!(lhs instanceof Expr.Name || lhs instanceof Expr.Attribute || lhs instanceof Expr.Subscript)) {
        throw new BuildError("'" + Targets.exprName(lhs) + "' is an illegal expression for augmented assignment",
            lhs.range().start());
      }
      ParseTree rhs = c.getChild(2);
      Expr value = rhs instanceof Yield_exprContext y ? exprs.yieldExpr(y)
          : exprs.starExpressions((Star_expressionsContext) rhs);
      return new Stmt.AugAssign(r, Targets.withCtx(lhs, ExprContext.STORE),
          Operator.fromSymbol(aug.start.getText()), value);
    }
    TerminalNode t = (TerminalNode) op;
    if (t.getSymbol().getType() == PythonParser.COLON) {
      if (lhs instanceof Expr.Tuple || lhs instanceof Expr.ListExpr) {
        throw new BuildError("only single target (not " + Targets.exprName(lhs) + ") can be annotated",
            lhs instanceof Expr.Tuple tu && !tu.elts().isEmpty() && start(first) == tu.elts().get(0).range().start()
                ? lhs.range().start() : lhs.range().start());
      }
      if (!(lhs instanceof Expr.Name || lhs instanceof Expr.Attribute || lhs instanceof Expr.Subscript)) {
        throw new BuildError("illegal target for annotation", lhs.range().start());
      }
      boolean simple = lhs instanceof Expr.Name && start(first) == lhs.range().start();
      Annotated_rhsContext rhs = c.annotated_rhs().isEmpty() ? null : c.annotated_rhs(0);
      return new Stmt.AnnAssign(r, Targets.withCtx(lhs, ExprContext.STORE), exprs.expression(c.expression()),
          rhs == null ? null : annotatedRhs(rhs), simple);
    }
    // Assignment chain: star_expressions (= annotated_rhs)+
    List<Annotated_rhsContext> rhss = c.annotated_rhs();
    List<Expr> targets = new ArrayList<>(rhss.size());
    targets.add(assignTarget(lhs, first, rhss));
    for (int i = 0; i < rhss.size() - 1; i++) {
      Annotated_rhsContext a = rhss.get(i);
      if (a.yield_expr() != null) {
        throw new BuildError("assignment to yield expression not possible", start(a));
      }
      targets.add(Targets.toTarget(exprs.starExpressions(a.star_expressions()), ExprContext.STORE));
    }
    Annotated_rhsContext last = rhss.get(rhss.size() - 1);
    return new Stmt.Assign(r, targets, annotatedRhs(last));
  }

  /**
   * The first target of an assignment. When it is invalid, CPython's message depends on what stands
   * right before the {@code =}: the invalid target itself gets "... here. Maybe you meant '=='
   * instead of '='?", a plain name gets "invalid syntax. Maybe you meant '==' or ':='...".
   */
  private Expr assignTarget(Expr lhs, Star_expressionsContext ctx, List<Annotated_rhsContext> rhss) {
    Expr bad = Targets.invalidTarget(lhs, Targets.Kind.STAR_TARGETS);
    if (bad == null) {
      return Targets.withCtx(lhs, ExprContext.STORE);
    }
    String what = Targets.exprName(bad);
    List<ParseTree> ch = ctx.children;
    ParseTree lastChild = ch.get(ch.size() - 1);
    boolean trailingComma = lastChild instanceof TerminalNode;
    if (!trailingComma && rhsStartsWithBitwiseOr(rhss)) {
      boolean tuple = ch.size() > 2 || (ch.size() == 2 && ch.get(1) instanceof TerminalNode);
      Expr lastNode = tuple && lhs instanceof Expr.Tuple t ? t.elts().get(t.elts().size() - 1) : lhs;
      ParserRuleContext lastCtx = (ParserRuleContext) lastChild;
      boolean starred = lastCtx instanceof Bitwise_orContext;
      boolean parenthesized = !starred && start(lastCtx) != lastNode.range().start();
      if (lastNode == bad && !starred && isBitwiseOrTarget(lastCtx.start.getType(), parenthesized, bad)) {
        throw new BuildError("cannot assign to " + what + " here. Maybe you meant '==' instead of '='?",
            bad.range().start());
      }
      if (lastNode instanceof Expr.Name && !parenthesized && !starred) {
        throw new BuildError("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", lastNode.range().start());
      }
    }
    throw new BuildError("cannot assign to " + what, bad.range().start());
  }

  /** Whether CPython's {@code !(list|tuple|genexp|True|None|False) bitwise_or} matches the target. */
  private static boolean isBitwiseOrTarget(int firstToken, boolean parenthesized, Expr bad) {
    if (firstToken == PythonParser.LSQB || firstToken == PythonParser.NONE || firstToken == PythonParser.TRUE
        || firstToken == PythonParser.FALSE) {
      return false;
    }
    if (parenthesized) {
      return true;
    }
    if (firstToken == PythonParser.LPAR && (bad instanceof Expr.Tuple || bad instanceof Expr.GeneratorExp)) {
      return false;
    }
    return !(bad instanceof Expr.Compare || bad instanceof Expr.BoolOp || bad instanceof Expr.IfExp
        || bad instanceof Expr.Lambda || bad instanceof Expr.NamedExpr
        || (bad instanceof Expr.UnaryOp u && u.op() == dev.oomlint.ast.Operators.UnaryOperator.NOT));
  }

  private static boolean rhsStartsWithBitwiseOr(List<Annotated_rhsContext> rhss) {
    Annotated_rhsContext next = rhss.get(0);
    int t = next.start.getType();
    if (t == PythonParser.NOT || t == PythonParser.LAMBDA || t == PythonParser.STAR || t == PythonParser.YIELD) {
      return false;
    }
    if (rhss.size() == 1) {
      return true;
    }
    Star_expressionsContext se = next.star_expressions();
    return se != null && se.getChildCount() > 1;
  }

  Expr annotatedRhs(Annotated_rhsContext a) {
    return a.yield_expr() != null ? exprs.yieldExpr(a.yield_expr()) : exprs.starExpressions(a.star_expressions());
  }

  // ---------------------------------------------------------------------------------------------
  // Imports

  private Stmt importName(Import_nameContext c) {
    List<Support.Alias> names = new ArrayList<>();
    for (Dotted_as_nameContext d : c.dotted_as_name()) {
      names.add(new Support.Alias(range(d), dottedName(d.dotted_name()), d.name() == null ? null : name(d.name())));
    }
    return new Stmt.Import(range(c), names);
  }

  private String dottedName(Dotted_nameContext d) {
    List<NameContext> parts = d.name();
    if (parts.size() == 1) {
      return name(parts.get(0));
    }
    StringBuilder sb = new StringBuilder();
    for (NameContext n : parts) {
      if (sb.length() > 0) {
        sb.append('.');
      }
      sb.append(name(n));
    }
    return sb.toString();
  }

  private Stmt importFrom(Import_fromContext c) {
    int level = 0;
    for (ParseTree ch : c.children) {
      if (ch instanceof TerminalNode t) {
        int type = t.getSymbol().getType();
        if (type == PythonParser.DOT) {
          level++;
        } else if (type == PythonParser.ELLIPSIS) {
          level += 3;
        }
      }
    }
    Dotted_nameContext dn = c.dotted_name();
    if (dn == null && level == 0) {
      throw new BuildError("invalid syntax", start(c.IMPORT()));
    }
    Import_targetsContext it = c.import_targets();
    List<Support.Alias> names = new ArrayList<>();
    if (it.STAR() != null) {
      names.add(new Support.Alias(range(it.STAR().getSymbol()), "*", null));
    } else {
      if (it.LPAR() == null && !it.COMMA().isEmpty()
          && it.COMMA().size() >= it.import_as_name().size()) {
        throw new BuildError("trailing comma not allowed without surrounding parentheses",
            start(it.COMMA(it.COMMA().size() - 1)));
      }
      for (Import_as_nameContext a : it.import_as_name()) {
        List<NameContext> ns = a.name();
        names.add(new Support.Alias(range(a), name(ns.get(0)), ns.size() > 1 ? name(ns.get(1)) : null));
      }
    }
    return new Stmt.ImportFrom(range(c), dn == null ? null : dottedName(dn), names, level);
  }

  // ---------------------------------------------------------------------------------------------
  // Compound statements

  private Stmt compound(Compound_stmtContext c) {
    ParseTree x = c.getChild(0);
    if (x instanceof If_stmtContext i) {
      return ifStmt(i);
    }
    if (x instanceof Function_defContext f) {
      return functionDef(f, List.of(), null);
    }
    if (x instanceof For_stmtContext f) {
      return forStmt(f, null);
    }
    if (x instanceof Class_defContext k) {
      return classDef(k, List.of());
    }
    if (x instanceof With_stmtContext w) {
      return withStmt(w, null);
    }
    if (x instanceof Try_stmtContext t) {
      return tryStmt(t);
    }
    if (x instanceof While_stmtContext w) {
      List<Stmt> body = block(w.block());
      List<Stmt> orelse = w.else_block() == null ? List.of() : block(w.else_block().block());
      int end = orelse.isEmpty() ? blockEnd(w.block(), body) : blockEnd(w.else_block().block(), orelse);
      return new Stmt.While(range(start(w), end),
          exprs.namedExpression(w.named_expression()), body, orelse);
    }
    if (x instanceof Match_stmtContext m) {
      return patterns.matchStmt(m);
    }
    if (x instanceof DecoratedContext d) {
      List<Expr> decorators = new ArrayList<>();
      for (DecoratorContext dc : d.decorator()) {
        decorators.add(exprs.namedExpression(dc.named_expression()));
      }
      if (d.class_def() != null) {
        return classDef(d.class_def(), decorators);
      }
      return functionDef(d.function_def(), decorators, d.ASYNC() == null ? null : d.ASYNC().getSymbol());
    }
    Async_stmtContext a = (Async_stmtContext) x;
    Token async = a.ASYNC().getSymbol();
    if (a.function_def() != null) {
      return functionDef(a.function_def(), List.of(), async);
    }
    if (a.with_stmt() != null) {
      return withStmt(a.with_stmt(), async);
    }
    return forStmt(a.for_stmt(), async);
  }

  private Stmt ifStmt(If_stmtContext c) {
    Expr test = exprs.namedExpression(c.named_expression());
    List<Stmt> body = block(c.block());
    List<Elif_clauseContext> elifs = c.elif_clause();
    int n = elifs.size();
    Expr[] tests = new Expr[n];
    List<List<Stmt>> bodies = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      tests[i] = exprs.namedExpression(elifs.get(i).named_expression());
      bodies.add(block(elifs.get(i).block()));
    }
    List<Stmt> orelse = c.else_block() == null ? List.of() : block(c.else_block().block());
    int end = orelse.isEmpty() ? -1 : blockEnd(c.else_block().block(), orelse);
    for (int i = n - 1; i >= 0; i--) {
      List<Stmt> b = bodies.get(i);
      if (end < 0) {
        end = blockEnd(elifs.get(i).block(), b);
      }
      orelse = List.of(new Stmt.If(range(start(elifs.get(i)), end), tests[i], b, orelse));
    }
    if (end < 0) {
      end = blockEnd(c.block(), body);
    }
    return new Stmt.If(range(start(c), end), test, body, orelse);
  }

  private Stmt forStmt(For_stmtContext f, Token async) {
    Expr target = exprs.targetList(f.target_list(), Targets.Kind.FOR_TARGETS);
    Expr iter = exprs.starExpressions(f.star_expressions());
    List<Stmt> body = block(f.block());
    List<Stmt> orelse = f.else_block() == null ? List.of() : block(f.else_block().block());
    int s = async != null ? start(async) : start(f);
    int end = orelse.isEmpty() ? blockEnd(f.block(), body) : blockEnd(f.else_block().block(), orelse);
    return new Stmt.For(range(s, end), target, iter, body, orelse,
        async != null);
  }

  private Stmt withStmt(With_stmtContext w, Token async) {
    List<Support.WithItem> items = new ArrayList<>();
    for (With_itemContext wi : w.with_item()) {
      Expr ctxExpr = exprs.expression(wi.expression());
      Expr vars = null;
      if (wi.target() != null) {
        vars = Targets.toTarget(exprs.target(wi.target()), ExprContext.STORE);
      }
      items.add(new Support.WithItem(range(wi), ctxExpr, vars));
    }
    List<Stmt> body = block(w.block());
    int s = async != null ? start(async) : start(w);
    return new Stmt.With(range(s, blockEnd(w.block(), body)), items, body, async != null);
  }

  private Stmt tryStmt(Try_stmtContext t) {
    List<Stmt> body = block(t.block());
    List<Support.ExceptHandler> handlers = new ArrayList<>();
    Boolean star = null;
    for (Except_clauseContext e : t.except_clause()) {
      boolean isStar = e.STAR() != null;
      if (star != null && star != isStar) {
        throw new BuildError("cannot have both 'except' and 'except*' on the same 'try'", start(e));
      }
      star = isStar;
      List<Stmt> hb = block(e.block());
      handlers.add(new Support.ExceptHandler(range(start(e), blockEnd(e.block(), hb)),
          e.expression() == null ? null : exprs.expression(e.expression()),
          e.name() == null ? null : name(e.name()), hb));
    }
    List<Stmt> orelse = t.else_block() == null ? List.of() : block(t.else_block().block());
    List<Stmt> fin = t.finally_block() == null ? List.of() : block(t.finally_block().block());
    int end;
    if (!fin.isEmpty()) {
      end = blockEnd(t.finally_block().block(), fin);
    } else if (!orelse.isEmpty()) {
      end = blockEnd(t.else_block().block(), orelse);
    } else {
      end = handlers.get(handlers.size() - 1).range().end();
    }
    return new Stmt.Try(range(start(t), end), body, handlers, orelse, fin, star != null && star);
  }

  private Stmt functionDef(Function_defContext f, List<Expr> decorators, Token async) {
    List<TypeParam> tps = typeParams(f.type_params());
    Support.Arguments args = f.parameters() == null
        ? emptyArguments(end(f.LPAR()))
        : parameters(f.parameters().parameter(), range(f.parameters()));
    Expr returns = f.expression() == null ? null : exprs.expression(f.expression());
    List<Stmt> body = block(f.block());
    int s = async != null ? start(async) : start(f);
    return new Stmt.FunctionDef(range(s, blockEnd(f.block(), body)), name(f.name()), args, body, decorators, returns, tps,
        async != null);
  }

  private Stmt classDef(Class_defContext k, List<Expr> decorators) {
    List<TypeParam> tps = typeParams(k.type_params());
    List<Expr> bases = List.of();
    List<Support.Keyword> keywords = List.of();
    if (k.arguments() != null) {
      if (k.arguments().argument().size() == 1 && k.arguments().argument(0).comp_for().size() > 0
          && k.arguments().COMMA().isEmpty()) {
        // a call takes a bare generator as its sole argument; a class statement does not
        throw new BuildError("invalid syntax", start(k.arguments().argument(0).comp_for(0)));
      }
      ExpressionBuilder.CallArgs ca = exprs.callArguments(k.arguments(), k.LPAR().getSymbol(), k.RPAR().getSymbol());
      bases = ca.args();
      keywords = ca.keywords();
    }
    List<Stmt> body = block(k.block());
    return new Stmt.ClassDef(range(start(k), blockEnd(k.block(), body)), name(k.name()), bases, keywords, body, decorators, tps);
  }

  // ---------------------------------------------------------------------------------------------
  // Parameters

  static Support.Arguments emptyArguments(int at) {
    return new Support.Arguments(range(at, at), List.of(), List.of(), null, List.of(), List.of(), null, List.of());
  }

  /**
   * Builds ast.arguments from def or lambda parameters ({@link ParameterContext} or
   * {@link Lambda_parameterContext}), checking CPython's ordering rules.
   */
  Support.Arguments parameters(List<? extends ParserRuleContext> params, SourceRange range) {
    List<Support.Arg> posonly = List.of();
    List<Support.Arg> args = new ArrayList<>();
    List<Support.Arg> kwonly = new ArrayList<>();
    List<Expr> defaults = new ArrayList<>();
    List<Expr> kwDefaults = new ArrayList<>();
    Support.Arg vararg = null;
    Support.Arg kwarg = null;
    boolean slash = false;
    boolean star = false;
    Token bareStar = null;
    for (ParserRuleContext p : params) {
      ParseTree first = p.getChild(0);
      if (kwarg != null) {
        throw new BuildError("arguments cannot follow var-keyword argument", start(p));
      }
      if (first instanceof TerminalNode t) {
        int type = t.getSymbol().getType();
        if (type == PythonParser.SLASH) {
          if (slash) {
            throw new BuildError("/ may appear only once", start(p));
          }
          if (star) {
            throw new BuildError("/ must be ahead of *", start(p));
          }
          if (args.isEmpty()) {
            throw new BuildError("at least one argument must precede /", start(p));
          }
          slash = true;
          posonly = args;
          args = new ArrayList<>();
        } else if (type == PythonParser.STAR) {
          if (star) {
            throw new BuildError("* argument may appear only once", start(p));
          }
          star = true;
          NameContext n = p.getChild(NameContext.class, 0);
          if (n == null) {
            bareStar = t.getSymbol();
          } else {
            vararg = arg(n, p.getChild(Star_expressionContext.class, 0));
          }
        } else {
          kwarg = arg(p.getChild(NameContext.class, 0), p.getChild(ExpressionContext.class, 0));
        }
        continue;
      }
      NameContext n = (NameContext) first;
      ExpressionContext ann = null;
      ExpressionContext dflt = null;
      for (int i = 1; i < p.getChildCount(); i++) {
        ParseTree ch = p.getChild(i);
        if (ch instanceof TerminalNode t && i + 1 < p.getChildCount()) {
          ExpressionContext e = (ExpressionContext) p.getChild(i + 1);
          if (t.getSymbol().getType() == PythonParser.COLON) {
            ann = e;
          } else {
            dflt = e;
          }
          i++;
        }
      }
      Support.Arg a = arg(n, ann);
      if (star) {
        kwonly.add(a);
        kwDefaults.add(dflt == null ? null : exprs.expression(dflt));
      } else {
        if (dflt != null) {
          defaults.add(exprs.expression(dflt));
        } else if (!defaults.isEmpty()) {
          throw new BuildError("parameter without a default follows parameter with a default", start(p));
        }
        args.add(a);
      }
    }
    if (bareStar != null && kwonly.isEmpty()) {
      throw new BuildError("named arguments must follow bare *", start(bareStar));
    }
    return new Support.Arguments(range, posonly, args, vararg, kwonly, kwDefaults, kwarg, defaults);
  }

  private Support.Arg arg(NameContext n, ParserRuleContext annotation) {
    if (annotation == null) {
      return new Support.Arg(range(n), name(n), null);
    }
    Expr ann = annotation instanceof Star_expressionContext se ? exprs.starExpression(se)
        : exprs.expression((ExpressionContext) annotation);
    return new Support.Arg(range(start(n), end(annotation)), name(n), ann);
  }

  // ---------------------------------------------------------------------------------------------
  // Type parameters

  List<TypeParam> typeParams(Type_paramsContext c) {
    if (c == null) {
      return List.of();
    }
    List<TypeParam> out = new ArrayList<>();
    for (Type_paramContext p : c.type_param()) {
      NameContext n = p.name();
      String id = name(n);
      SourceRange r = range(p);
      ParseTree first = p.getChild(0);
      if (first instanceof TerminalNode t) {
        if (t.getSymbol().getType() == PythonParser.STAR) {
          Star_expressionContext d = p.star_expression();
          out.add(new TypeParam.TypeVarTuple(r, id, d == null ? null : exprs.starExpression(d)));
        } else {
          ExpressionContext d = p.expression(0);
          out.add(new TypeParam.ParamSpec(r, id, d == null ? null : exprs.expression(d)));
        }
        continue;
      }
      Expr bound = null;
      Expr dflt = null;
      for (int i = 1; i + 1 < p.getChildCount(); i += 2) {
        TerminalNode t = (TerminalNode) p.getChild(i);
        Expr e = exprs.expression((ExpressionContext) p.getChild(i + 1));
        if (t.getSymbol().getType() == PythonParser.COLON) {
          bound = e;
        } else {
          dflt = e;
        }
      }
      out.add(new TypeParam.TypeVar(r, id, bound, dflt));
    }
    return out;
  }

  ConstValue number(Token t) {
    return Literals.number(t.getText(), start(t));
  }
}
