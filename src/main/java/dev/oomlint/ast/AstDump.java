package dev.oomlint.ast;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prints our AST exactly as CPython's {@code ast.dump(tree, include_attributes=True)} prints the
 * same file (one line, {@code indent=None}), for a chosen CPython 3.x minor version (9 and newer):
 * class and field names, field order, which {@code None} / empty fields are shown, positions with
 * {@code col_offset} in UTF-8 bytes, and Python reprs of constants. Version differences it follows:
 *
 * <ul>
 *   <li>3.10+: {@code alias} has positions;
 *   <li>3.12+: {@code type_params} fields, {@code TypeAlias}, type parameter nodes;
 *   <li>3.13+: {@code default_value} of type parameters, and {@code ast.dump} leaves out empty lists
 *       and {@code None} fields ({@code show_empty=False});
 *   <li>up to 3.11 (the old f-string parser): the text parts and replacement fields of an f-string
 *       carry the position of the whole (implicitly concatenated) string expression; a format spec
 *       carries the position of the one string literal it sits in, and so does its text after its
 *       last replacement field; a text part has {@code kind='u'} exactly when the token whose
 *       position it got starts with a lowercase {@code u}; an unparenthesized tuple in a
 *       replacement field ({@code f"{x, y}"}) spans the braces around it;
 *   <li>3.12 (3.12.1 as checked): a format spec that ends with a replacement field gets an extra
 *       empty text part, {@code Constant(value='')}, at its end.
 * </ul>
 *
 * Not reproduced: CPython 3.9's wrong positions of expressions inside multi-line f-strings; a string
 * holding a surrogate pair written as two {@code \\u} escapes (two code points in Python, one
 * astral character to a Java string); characters assigned in a newer Unicode
 * version than the JDK's (printed escaped, see {@link PyRepr}). Checked
 * against CPython 3.9 to 3.13 on the whole {@code testdata/syntax} corpus. The printer keeps its own
 * work stack, so deep trees do not overflow the Java stack.
 */
public final class AstDump {
  /** The oldest CPython minor version whose dump format this class reproduces. */
  public static final int MIN_MINOR = 9;

  private AstDump() {}

  /** The dump of {@code node} (usually a {@link Mod.Module}) as CPython 3.{@code pythonMinor} prints it. */
  public static String dump(Node node, LineIndex lines, int pythonMinor) {
    if (pythonMinor < MIN_MINOR) {
      throw new IllegalArgumentException("AstDump supports Python 3." + MIN_MINOR + "+, not 3." + pythonMinor);
    }
    return new Printer(lines, pythonMinor).print(node);
  }

  /** Marks a list value of a field, printed as {@code [a, b]}. */
  private record ListValue(List<?> items) {}

  /** Builds and prints one node. */
  private static final class Printer {
    private final LineIndex lines;
    private final int minor;
    private final StringBuilder out = new StringBuilder(4096);
    private final Deque<Object> work = new ArrayDeque<>();
    private final Map<Node, SourceRange> positionOverride = new IdentityHashMap<>();
    private final Map<Node, String> kindOverride = new IdentityHashMap<>();
    private final Set<Node> formatSpecs = Collections.newSetFromMap(new IdentityHashMap<>());

    Printer(LineIndex lines, int minor) {
      this.lines = lines;
      this.minor = minor;
    }

    String print(Node root) {
      work.push(root);
      while (!work.isEmpty()) {
        Object item = work.pop();
        if (item instanceof String s) {
          out.append(s);
        } else if (item instanceof Node n) {
          expand(n);
        } else if (item instanceof ListValue l) {
          expandList(l.items());
        } else if (item == null) {
          out.append("None");
        } else {
          throw new IllegalStateException("cannot print " + item.getClass());
        }
      }
      return out.toString();
    }

    private void expandList(List<?> items) {
      work.push("]");
      for (int i = items.size() - 1; i >= 0; i--) {
        Object item = items.get(i);
        work.push(item instanceof List<?> l ? new ListValue(l) : item == null ? "None" : item);
        if (i > 0) {
          work.push(", ");
        }
      }
      work.push("[");
    }

    private void expand(Node node) {
      Obj o = describe(node);
      List<Object> parts = o.parts;
      work.push(")");
      for (int i = parts.size() - 1; i >= 0; i--) {
        work.push(parts.get(i));
      }
      work.push(o.name + "(");
    }

    /** A node's class name and its printed fields, in order. */
    private final class Obj {
      final String name;
      final Node node;
      final List<Object> parts = new ArrayList<>();
      final boolean showEmpty;

      Obj(String name, Node node) {
        this.name = name;
        this.node = node;
        this.showEmpty = minor < 13 || node instanceof Expr.Constant || node instanceof Pattern.MatchSingleton;
      }

      /** A field CPython always has (still hidden by 3.13 when None or empty). */
      Obj f(String field, Object value) {
        if (!showEmpty && (value == null || (value instanceof List<?> l && l.isEmpty()))) {
          return this;
        }
        sep();
        parts.add(field + "=");
        parts.add(value instanceof List<?> l ? new ListValue(l) : value == null ? "None" : value);
        return this;
      }

      /** An optional field ({@code expr?} in the ASDL): left out when None. */
      Obj opt(String field, Object value) {
        return value == null ? this : f(field, value);
      }

      /** The {@code lineno}/{@code col_offset}/{@code end_lineno}/{@code end_col_offset} attributes. */
      Obj attrs() {
        SourceRange r = positionOverride.getOrDefault(node, node.range());
        sep();
        parts.add("lineno=" + lines.line(r.start()) + ", col_offset=" + lines.utf8ByteColumn(r.start())
            + ", end_lineno=" + lines.line(r.end()) + ", end_col_offset=" + lines.utf8ByteColumn(r.end()));
        return this;
      }

      private void sep() {
        if (!parts.isEmpty()) {
          parts.add(", ");
        }
      }
    }

    private static String repr(String s) {
      return PyRepr.str(s);
    }

    private static List<String> reprs(List<String> names) {
      List<String> out = new ArrayList<>(names.size());
      for (String n : names) {
        out.add(PyRepr.str(n));
      }
      return out;
    }

    private static String flag(boolean b) {
      return b ? "1" : "0";
    }

    private Obj describe(Node node) {
      switch (NodeKind.of(node)) {
        case MODULE: {
          Mod.Module n = (Mod.Module) node;
          return new Obj("Module", n).f("body", n.body()).f("type_ignores", List.of());
        }
        case FUNCTION_DEF: {
          Stmt.FunctionDef n = (Stmt.FunctionDef) node;
          Obj o = new Obj(n.isAsync() ? "AsyncFunctionDef" : "FunctionDef", n)
              .f("name", repr(n.name())).f("args", n.args()).f("body", n.body())
              .f("decorator_list", n.decoratorList()).opt("returns", n.returns());
          if (minor >= 12) {
            o.f("type_params", n.typeParams());
          }
          return o.attrs();
        }
        case CLASS_DEF: {
          Stmt.ClassDef n = (Stmt.ClassDef) node;
          Obj o = new Obj("ClassDef", n).f("name", repr(n.name())).f("bases", n.bases())
              .f("keywords", n.keywords()).f("body", n.body()).f("decorator_list", n.decoratorList());
          if (minor >= 12) {
            o.f("type_params", n.typeParams());
          }
          return o.attrs();
        }
        case RETURN:
          return new Obj("Return", node).opt("value", ((Stmt.Return) node).value()).attrs();
        case DELETE:
          return new Obj("Delete", node).f("targets", ((Stmt.Delete) node).targets()).attrs();
        case ASSIGN: {
          Stmt.Assign n = (Stmt.Assign) node;
          return new Obj("Assign", n).f("targets", n.targets()).f("value", n.value()).attrs();
        }
        case TYPE_ALIAS: {
          Stmt.TypeAlias n = (Stmt.TypeAlias) node;
          return new Obj("TypeAlias", n).f("name", n.name()).f("type_params", n.typeParams())
              .f("value", n.value()).attrs();
        }
        case AUG_ASSIGN: {
          Stmt.AugAssign n = (Stmt.AugAssign) node;
          return new Obj("AugAssign", n).f("target", n.target()).f("op", n.op().pyName + "()")
              .f("value", n.value()).attrs();
        }
        case ANN_ASSIGN: {
          Stmt.AnnAssign n = (Stmt.AnnAssign) node;
          return new Obj("AnnAssign", n).f("target", n.target()).f("annotation", n.annotation())
              .opt("value", n.value()).f("simple", flag(n.simple())).attrs();
        }
        case FOR: {
          Stmt.For n = (Stmt.For) node;
          return new Obj(n.isAsync() ? "AsyncFor" : "For", n).f("target", n.target()).f("iter", n.iter())
              .f("body", n.body()).f("orelse", n.orelse()).attrs();
        }
        case WHILE: {
          Stmt.While n = (Stmt.While) node;
          return new Obj("While", n).f("test", n.test()).f("body", n.body()).f("orelse", n.orelse()).attrs();
        }
        case IF: {
          Stmt.If n = (Stmt.If) node;
          return new Obj("If", n).f("test", n.test()).f("body", n.body()).f("orelse", n.orelse()).attrs();
        }
        case WITH: {
          Stmt.With n = (Stmt.With) node;
          return new Obj(n.isAsync() ? "AsyncWith" : "With", n).f("items", n.items()).f("body", n.body()).attrs();
        }
        case MATCH: {
          Stmt.Match n = (Stmt.Match) node;
          return new Obj("Match", n).f("subject", n.subject()).f("cases", n.cases()).attrs();
        }
        case RAISE: {
          Stmt.Raise n = (Stmt.Raise) node;
          return new Obj("Raise", n).opt("exc", n.exc()).opt("cause", n.cause()).attrs();
        }
        case TRY: {
          Stmt.Try n = (Stmt.Try) node;
          return new Obj(n.isStar() ? "TryStar" : "Try", n).f("body", n.body()).f("handlers", n.handlers())
              .f("orelse", n.orelse()).f("finalbody", n.finalbody()).attrs();
        }
        case ASSERT: {
          Stmt.Assert n = (Stmt.Assert) node;
          return new Obj("Assert", n).f("test", n.test()).opt("msg", n.msg()).attrs();
        }
        case IMPORT:
          return new Obj("Import", node).f("names", ((Stmt.Import) node).names()).attrs();
        case IMPORT_FROM: {
          Stmt.ImportFrom n = (Stmt.ImportFrom) node;
          return new Obj("ImportFrom", n).opt("module", n.module() == null ? null : repr(n.module()))
              .f("names", n.names()).f("level", Integer.toString(n.level())).attrs();
        }
        case GLOBAL:
          return new Obj("Global", node).f("names", reprs(((Stmt.Global) node).names())).attrs();
        case NONLOCAL:
          return new Obj("Nonlocal", node).f("names", reprs(((Stmt.Nonlocal) node).names())).attrs();
        case EXPR_STMT:
          return new Obj("Expr", node).f("value", ((Stmt.ExprStmt) node).value()).attrs();
        case PASS:
          return new Obj("Pass", node).attrs();
        case BREAK:
          return new Obj("Break", node).attrs();
        case CONTINUE:
          return new Obj("Continue", node).attrs();
        case BOOL_OP: {
          Expr.BoolOp n = (Expr.BoolOp) node;
          return new Obj("BoolOp", n).f("op", n.op().pyName + "()").f("values", n.values()).attrs();
        }
        case NAMED_EXPR: {
          Expr.NamedExpr n = (Expr.NamedExpr) node;
          return new Obj("NamedExpr", n).f("target", n.target()).f("value", n.value()).attrs();
        }
        case BIN_OP: {
          Expr.BinOp n = (Expr.BinOp) node;
          return new Obj("BinOp", n).f("left", n.left()).f("op", n.op().pyName + "()").f("right", n.right()).attrs();
        }
        case UNARY_OP: {
          Expr.UnaryOp n = (Expr.UnaryOp) node;
          return new Obj("UnaryOp", n).f("op", n.op().pyName + "()").f("operand", n.operand()).attrs();
        }
        case LAMBDA: {
          Expr.Lambda n = (Expr.Lambda) node;
          return new Obj("Lambda", n).f("args", n.args()).f("body", n.body()).attrs();
        }
        case IF_EXP: {
          Expr.IfExp n = (Expr.IfExp) node;
          return new Obj("IfExp", n).f("test", n.test()).f("body", n.body()).f("orelse", n.orelse()).attrs();
        }
        case DICT: {
          Expr.Dict n = (Expr.Dict) node;
          return new Obj("Dict", n).f("keys", n.keys()).f("values", n.values()).attrs();
        }
        case SET:
          return new Obj("Set", node).f("elts", ((Expr.Set) node).elts()).attrs();
        case LIST_COMP: {
          Expr.ListComp n = (Expr.ListComp) node;
          return new Obj("ListComp", n).f("elt", n.elt()).f("generators", n.generators()).attrs();
        }
        case SET_COMP: {
          Expr.SetComp n = (Expr.SetComp) node;
          return new Obj("SetComp", n).f("elt", n.elt()).f("generators", n.generators()).attrs();
        }
        case DICT_COMP: {
          Expr.DictComp n = (Expr.DictComp) node;
          return new Obj("DictComp", n).f("key", n.key()).f("value", n.value())
              .f("generators", n.generators()).attrs();
        }
        case GENERATOR_EXP: {
          Expr.GeneratorExp n = (Expr.GeneratorExp) node;
          return new Obj("GeneratorExp", n).f("elt", n.elt()).f("generators", n.generators()).attrs();
        }
        case AWAIT:
          return new Obj("Await", node).f("value", ((Expr.Await) node).value()).attrs();
        case YIELD:
          return new Obj("Yield", node).opt("value", ((Expr.Yield) node).value()).attrs();
        case YIELD_FROM:
          return new Obj("YieldFrom", node).f("value", ((Expr.YieldFrom) node).value()).attrs();
        case COMPARE: {
          Expr.Compare n = (Expr.Compare) node;
          List<String> ops = new ArrayList<>();
          for (Operators.CmpOperator op : n.ops()) {
            ops.add(op.pyName + "()");
          }
          return new Obj("Compare", n).f("left", n.left()).f("ops", ops).f("comparators", n.comparators()).attrs();
        }
        case CALL: {
          Expr.Call n = (Expr.Call) node;
          return new Obj("Call", n).f("func", n.func()).f("args", n.args()).f("keywords", n.keywords()).attrs();
        }
        case FORMATTED_VALUE: {
          Expr.FormattedValue n = (Expr.FormattedValue) node;
          if (n.formatSpec() != null) {
            formatSpecs.add(n.formatSpec());
          }
          if (minor <= 11 && n.value() instanceof Expr.Tuple t && !startsWith(t, '(')) {
            positionOverride.put(t, bracedRange(t.range()));
          }
          return new Obj("FormattedValue", n).f("value", n.value()).f("conversion", Integer.toString(n.conversion()))
              .opt("format_spec", n.formatSpec()).attrs();
        }
        case JOINED_STR:
          return joinedStr((Expr.JoinedStr) node);
        case CONSTANT: {
          Expr.Constant n = (Expr.Constant) node;
          String kind = kindOverride.containsKey(n) ? kindOverride.get(n) : n.kind();
          return new Obj("Constant", n).f("value", PyRepr.of(n.value()))
              .opt("kind", kind == null ? null : repr(kind)).attrs();
        }
        case ATTRIBUTE: {
          Expr.Attribute n = (Expr.Attribute) node;
          return new Obj("Attribute", n).f("value", n.value()).f("attr", repr(n.attr()))
              .f("ctx", n.ctx().pyName + "()").attrs();
        }
        case SUBSCRIPT: {
          Expr.Subscript n = (Expr.Subscript) node;
          return new Obj("Subscript", n).f("value", n.value()).f("slice", n.slice())
              .f("ctx", n.ctx().pyName + "()").attrs();
        }
        case STARRED: {
          Expr.Starred n = (Expr.Starred) node;
          return new Obj("Starred", n).f("value", n.value()).f("ctx", n.ctx().pyName + "()").attrs();
        }
        case NAME: {
          Expr.Name n = (Expr.Name) node;
          return new Obj("Name", n).f("id", repr(n.id())).f("ctx", n.ctx().pyName + "()").attrs();
        }
        case LIST_EXPR: {
          Expr.ListExpr n = (Expr.ListExpr) node;
          return new Obj("List", n).f("elts", n.elts()).f("ctx", n.ctx().pyName + "()").attrs();
        }
        case TUPLE: {
          Expr.Tuple n = (Expr.Tuple) node;
          return new Obj("Tuple", n).f("elts", n.elts()).f("ctx", n.ctx().pyName + "()").attrs();
        }
        case SLICE: {
          Expr.Slice n = (Expr.Slice) node;
          return new Obj("Slice", n).opt("lower", n.lower()).opt("upper", n.upper()).opt("step", n.step()).attrs();
        }
        case MATCH_VALUE:
          return new Obj("MatchValue", node).f("value", ((Pattern.MatchValue) node).value()).attrs();
        case MATCH_SINGLETON:
          return new Obj("MatchSingleton", node).f("value", PyRepr.of(((Pattern.MatchSingleton) node).value()))
              .attrs();
        case MATCH_SEQUENCE:
          return new Obj("MatchSequence", node).f("patterns", ((Pattern.MatchSequence) node).patterns()).attrs();
        case MATCH_MAPPING: {
          Pattern.MatchMapping n = (Pattern.MatchMapping) node;
          return new Obj("MatchMapping", n).f("keys", n.keys()).f("patterns", n.patterns())
              .opt("rest", n.rest() == null ? null : repr(n.rest())).attrs();
        }
        case MATCH_CLASS: {
          Pattern.MatchClass n = (Pattern.MatchClass) node;
          return new Obj("MatchClass", n).f("cls", n.cls()).f("patterns", n.patterns())
              .f("kwd_attrs", reprs(n.kwdAttrs())).f("kwd_patterns", n.kwdPatterns()).attrs();
        }
        case MATCH_STAR: {
          Pattern.MatchStar n = (Pattern.MatchStar) node;
          return new Obj("MatchStar", n).opt("name", n.name() == null ? null : repr(n.name())).attrs();
        }
        case MATCH_AS: {
          Pattern.MatchAs n = (Pattern.MatchAs) node;
          return new Obj("MatchAs", n).opt("pattern", n.pattern())
              .opt("name", n.name() == null ? null : repr(n.name())).attrs();
        }
        case MATCH_OR:
          return new Obj("MatchOr", node).f("patterns", ((Pattern.MatchOr) node).patterns()).attrs();
        case TYPE_VAR: {
          TypeParam.TypeVar n = (TypeParam.TypeVar) node;
          Obj o = new Obj("TypeVar", n).f("name", repr(n.name())).opt("bound", n.bound());
          return defaultValue(o, n.defaultValue()).attrs();
        }
        case PARAM_SPEC: {
          TypeParam.ParamSpec n = (TypeParam.ParamSpec) node;
          return defaultValue(new Obj("ParamSpec", n).f("name", repr(n.name())), n.defaultValue()).attrs();
        }
        case TYPE_VAR_TUPLE: {
          TypeParam.TypeVarTuple n = (TypeParam.TypeVarTuple) node;
          return defaultValue(new Obj("TypeVarTuple", n).f("name", repr(n.name())), n.defaultValue()).attrs();
        }
        case ARGUMENTS: {
          Support.Arguments n = (Support.Arguments) node;
          return new Obj("arguments", n).f("posonlyargs", n.posonlyargs()).f("args", n.args())
              .opt("vararg", n.vararg()).f("kwonlyargs", n.kwonlyargs()).f("kw_defaults", n.kwDefaults())
              .opt("kwarg", n.kwarg()).f("defaults", n.defaults());
        }
        case ARG: {
          Support.Arg n = (Support.Arg) node;
          return new Obj("arg", n).f("arg", repr(n.arg())).opt("annotation", n.annotation()).attrs();
        }
        case KEYWORD: {
          Support.Keyword n = (Support.Keyword) node;
          return new Obj("keyword", n).opt("arg", n.arg() == null ? null : repr(n.arg()))
              .f("value", n.value()).attrs();
        }
        case ALIAS: {
          Support.Alias n = (Support.Alias) node;
          Obj o = new Obj("alias", n).f("name", repr(n.name()))
              .opt("asname", n.asname() == null ? null : repr(n.asname()));
          return minor >= 10 ? o.attrs() : o;
        }
        case WITH_ITEM: {
          Support.WithItem n = (Support.WithItem) node;
          return new Obj("withitem", n).f("context_expr", n.contextExpr()).opt("optional_vars", n.optionalVars());
        }
        case COMPREHENSION: {
          Support.Comprehension n = (Support.Comprehension) node;
          return new Obj("comprehension", n).f("target", n.target()).f("iter", n.iter()).f("ifs", n.ifs())
              .f("is_async", flag(n.isAsync()));
        }
        case EXCEPT_HANDLER: {
          Support.ExceptHandler n = (Support.ExceptHandler) node;
          return new Obj("ExceptHandler", n).opt("type", n.type())
              .opt("name", n.name() == null ? null : repr(n.name())).f("body", n.body()).attrs();
        }
        case MATCH_CASE: {
          Support.MatchCase n = (Support.MatchCase) node;
          return new Obj("match_case", n).f("pattern", n.pattern()).opt("guard", n.guard()).f("body", n.body());
        }
        default:
          throw new IllegalStateException("unknown node kind " + node.getClass());
      }
    }

    private boolean startsWith(Node node, char c) {
      return startsWith(node.range(), c);
    }

    private boolean startsWith(SourceRange range, char c) {
      int start = range.start();
      return start < lines.text().length() && lines.text().charAt(start) == c;
    }

    /**
     * Up to 3.11 an unparenthesized tuple in a replacement field ({@code f"{x, y}"}) was parsed as
     * {@code (x, y)} with the braces, or the {@code !}, {@code :} or {@code =} that ends it, standing
     * in for the parentheses: its range runs from the {@code {} through that closing character.
     */
    private SourceRange bracedRange(SourceRange tuple) {
      String t = lines.text();
      int start = tuple.start() - 1;
      while (start > 0 && t.charAt(start) != '{') {
        start--;
      }
      int end = tuple.end();
      while (end < t.length() && Character.isWhitespace(t.charAt(end))) {
        end++;
      }
      return new SourceRange(Math.max(start, 0), Math.min(end + 1, t.length()));
    }

    private Obj defaultValue(Obj o, Expr value) {
      return minor >= 13 ? o.opt("default_value", value) : o;
    }

    private Obj joinedStr(Expr.JoinedStr n) {
      List<Expr> values = n.values();
      boolean isSpec = formatSpecs.contains(n);
      if (minor <= 11 && !isSpec) {
        markOldFString(n, n.range(), n.range(), null);
      }
      if (minor == 12 && isSpec && !values.isEmpty() && values.get(values.size() - 1) instanceof Expr.FormattedValue) {
        values = new ArrayList<>(values);
        int end = n.range().end();
        values.add(new Expr.Constant(new SourceRange(end, end), new ConstValue.Str(""), null));
      }
      return new Obj("JoinedStr", n).f("values", values).attrs();
    }

    /**
     * Up to 3.11, every part of an f-string has the position of the whole string expression
     * {@code whole}. A format spec has the position of the string literal it is in; so has its
     * trailing text part, while its parts before a replacement field have {@code whole}'s (the old
     * f-string parser flushed pending text with the outer string's tokens, and the rest at the end
     * with the spec's own).
     */
    private void markOldFString(Expr.JoinedStr joined, SourceRange whole, SourceRange trailing,
        List<SourceRange> literals) {
      List<Expr> values = joined.values();
      for (int i = 0; i < values.size(); i++) {
        Expr v = values.get(i);
        if (v instanceof Expr.Constant) {
          SourceRange at = i == values.size() - 1 ? trailing : whole;
          positionOverride.put(v, at);
          kindOverride.put(v, startsWith(at, 'u') ? "u" : null);
        } else if (v instanceof Expr.FormattedValue) {
          positionOverride.put(v, whole);
        }
        if (v instanceof Expr.FormattedValue fv && fv.formatSpec() instanceof Expr.JoinedStr spec) {
          if (literals == null) {
            literals = stringLiterals(whole);
          }
          formatSpecs.add(spec);
          SourceRange literal = literalAt(literals, spec.range().start(), whole);
          positionOverride.put(spec, literal);
          markOldFString(spec, whole, literal, literals);
        }
      }
    }

    private static SourceRange literalAt(List<SourceRange> literals, int offset, SourceRange fallback) {
      for (SourceRange r : literals) {
        if (r.start() <= offset && offset < r.end()) {
          return r;
        }
      }
      return fallback;
    }

    /**
     * The string literals that make up an implicitly concatenated string in {@code range}, for
     * source that CPython 3.11 accepts (an f-string never nests its own quote there).
     */
    private List<SourceRange> stringLiterals(SourceRange range) {
      String t = lines.text();
      List<SourceRange> out = new ArrayList<>();
      int i = range.start();
      int end = Math.min(range.end(), t.length());
      while (i < end) {
        char c = t.charAt(i);
        if (c == '#') {
          while (i < end && t.charAt(i) != '\n' && t.charAt(i) != '\r') {
            i++;
          }
          continue;
        }
        if (!Character.isLetter(c) && c != '\'' && c != '"') {
          i++;
          continue;
        }
        int start = i;
        while (i < end && Character.isLetter(t.charAt(i))) {
          i++;
        }
        if (i >= end) {
          break;
        }
        char q = t.charAt(i);
        if (q != '\'' && q != '"') {
          continue;
        }
        boolean triple = i + 2 < end && t.charAt(i + 1) == q && t.charAt(i + 2) == q;
        i += triple ? 3 : 1;
        while (i < end) {
          char ch = t.charAt(i);
          if (ch == '\\') {
            i += 2;
          } else if (ch == q && !triple) {
            i++;
            break;
          } else if (ch == q && i + 2 < end && t.charAt(i + 1) == q && t.charAt(i + 2) == q) {
            i += 3;
            break;
          } else {
            i++;
          }
        }
        out.add(new SourceRange(start, Math.min(i, end)));
      }
      return out;
    }
  }
}
