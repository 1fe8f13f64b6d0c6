package dev.oomlint.ast;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import dev.oomlint.ast.Operators.BoolOperator;
import dev.oomlint.ast.Operators.CmpOperator;
import dev.oomlint.ast.Operators.ExprContext;
import dev.oomlint.ast.Operators.Operator;
import dev.oomlint.ast.Operators.UnaryOperator;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Builds our AST records from a JSON copy of a CPython {@code ast} tree (see {@link SyntaxCorpus}),
 * converting CPython's (line, UTF-8 byte column) positions to our UTF-16 offsets. It lets the dump
 * be checked against CPython on real trees without our parser.
 */
final class CpythonTree {
  private final LineIndex lines;

  private CpythonTree(LineIndex lines) {
    this.lines = lines;
  }

  static Mod.Module module(String json, String text) {
    LineIndex lines = new LineIndex(text);
    JsonReader reader = new JsonReader(new StringReader(json));
    reader.setNestingLimit(100_000);
    JsonObject o = JsonParser.parseReader(reader).getAsJsonObject();
    CpythonTree t = new CpythonTree(lines);
    return new Mod.Module(new SourceRange(0, text.length()), t.list(o, "body", t::stmt), List.of());
  }

  private int offset(int line, int byteCol) {
    if (line > lines.lineCount()) {
      return lines.text().length();
    }
    int start = lines.lineStart(line);
    String text = lines.text();
    int bytes = 0;
    int i = start;
    while (bytes < byteCol && i < text.length()) {
      int cp = text.codePointAt(i);
      bytes += new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      i += Character.charCount(cp);
    }
    return i;
  }

  private SourceRange range(JsonObject o) {
    if (!o.has("lineno") || o.get("lineno").isJsonNull()) {
      return SourceRange.EMPTY;
    }
    int start = offset(o.get("lineno").getAsInt(), o.get("col_offset").getAsInt());
    int end = offset(o.get("end_lineno").getAsInt(), o.get("end_col_offset").getAsInt());
    return new SourceRange(start, Math.max(start, end));
  }

  private static boolean isNull(JsonObject o, String f) {
    return !o.has(f) || o.get(f).isJsonNull();
  }

  private static String str(JsonObject o, String f) {
    return isNull(o, f) ? null : o.get(f).getAsString();
  }

  private static int integer(JsonObject o, String f) {
    return isNull(o, f) ? 0 : o.get(f).getAsInt();
  }

  private static String type(JsonObject o) {
    return o.get("_t").getAsString();
  }

  private <T> List<T> list(JsonObject o, String f, Function<JsonObject, T> conv) {
    List<T> out = new ArrayList<>();
    if (isNull(o, f)) {
      return out;
    }
    for (JsonElement e : o.getAsJsonArray(f)) {
      out.add(e.isJsonNull() ? null : conv.apply(e.getAsJsonObject()));
    }
    return out;
  }

  private static List<String> strings(JsonObject o, String f) {
    List<String> out = new ArrayList<>();
    for (JsonElement e : o.getAsJsonArray(f)) {
      out.add(e.getAsString());
    }
    return out;
  }

  private Expr expr(JsonObject o, String f) {
    return isNull(o, f) ? null : expr(o.getAsJsonObject(f));
  }

  private static ExprContext ctx(JsonObject o) {
    return ExprContext.valueOf(type(o.getAsJsonObject("ctx")).toUpperCase());
  }

  private static <E extends Enum<E>> E op(JsonObject o, String f, E[] values) {
    String name = type(o.getAsJsonObject(f));
    for (E v : values) {
      if (pyName(v).equals(name)) {
        return v;
      }
    }
    throw new IllegalArgumentException(name);
  }

  private static String pyName(Enum<?> e) {
    if (e instanceof Operator x) {
      return x.pyName;
    } else if (e instanceof UnaryOperator x) {
      return x.pyName;
    } else if (e instanceof BoolOperator x) {
      return x.pyName;
    }
    return ((CmpOperator) e).pyName;
  }

  private Stmt stmt(JsonObject o) {
    SourceRange r = range(o);
    String t = type(o);
    switch (t) {
      case "FunctionDef":
      case "AsyncFunctionDef":
        return new Stmt.FunctionDef(r, str(o, "name"), arguments(o.getAsJsonObject("args")), list(o, "body", this::stmt),
            list(o, "decorator_list", this::expr), expr(o, "returns"), list(o, "type_params", this::typeParam),
            t.startsWith("Async"));
      case "ClassDef":
        return new Stmt.ClassDef(r, str(o, "name"), list(o, "bases", this::expr), list(o, "keywords", this::keyword),
            list(o, "body", this::stmt), list(o, "decorator_list", this::expr), list(o, "type_params", this::typeParam));
      case "Return":
        return new Stmt.Return(r, expr(o, "value"));
      case "Delete":
        return new Stmt.Delete(r, list(o, "targets", this::expr));
      case "Assign":
        return new Stmt.Assign(r, list(o, "targets", this::expr), expr(o, "value"));
      case "TypeAlias":
        return new Stmt.TypeAlias(r, expr(o, "name"), list(o, "type_params", this::typeParam), expr(o, "value"));
      case "AugAssign":
        return new Stmt.AugAssign(r, expr(o, "target"), op(o, "op", Operator.values()), expr(o, "value"));
      case "AnnAssign":
        return new Stmt.AnnAssign(r, expr(o, "target"), expr(o, "annotation"), expr(o, "value"), integer(o, "simple") == 1);
      case "For":
      case "AsyncFor":
        return new Stmt.For(r, expr(o, "target"), expr(o, "iter"), list(o, "body", this::stmt),
            list(o, "orelse", this::stmt), t.startsWith("Async"));
      case "While":
        return new Stmt.While(r, expr(o, "test"), list(o, "body", this::stmt), list(o, "orelse", this::stmt));
      case "If":
        return new Stmt.If(r, expr(o, "test"), list(o, "body", this::stmt), list(o, "orelse", this::stmt));
      case "With":
      case "AsyncWith":
        return new Stmt.With(r, list(o, "items", this::withItem), list(o, "body", this::stmt), t.startsWith("Async"));
      case "Match":
        return new Stmt.Match(r, expr(o, "subject"), list(o, "cases", this::matchCase));
      case "Raise":
        return new Stmt.Raise(r, expr(o, "exc"), expr(o, "cause"));
      case "Try":
      case "TryStar":
        return new Stmt.Try(r, list(o, "body", this::stmt), list(o, "handlers", this::handler),
            list(o, "orelse", this::stmt), list(o, "finalbody", this::stmt), t.equals("TryStar"));
      case "Assert":
        return new Stmt.Assert(r, expr(o, "test"), expr(o, "msg"));
      case "Import":
        return new Stmt.Import(r, list(o, "names", this::alias));
      case "ImportFrom":
        return new Stmt.ImportFrom(r, str(o, "module"), list(o, "names", this::alias), integer(o, "level"));
      case "Global":
        return new Stmt.Global(r, strings(o, "names"));
      case "Nonlocal":
        return new Stmt.Nonlocal(r, strings(o, "names"));
      case "Expr":
        return new Stmt.ExprStmt(r, expr(o, "value"));
      case "Pass":
        return new Stmt.Pass(r);
      case "Break":
        return new Stmt.Break(r);
      case "Continue":
        return new Stmt.Continue(r);
      default:
        throw new IllegalArgumentException("statement " + t);
    }
  }

  private Expr expr(JsonObject o) {
    SourceRange r = range(o);
    String t = type(o);
    switch (t) {
      case "BoolOp":
        return new Expr.BoolOp(r, op(o, "op", BoolOperator.values()), list(o, "values", this::expr));
      case "NamedExpr":
        return new Expr.NamedExpr(r, expr(o, "target"), expr(o, "value"));
      case "BinOp":
        return new Expr.BinOp(r, expr(o, "left"), op(o, "op", Operator.values()), expr(o, "right"));
      case "UnaryOp":
        return new Expr.UnaryOp(r, op(o, "op", UnaryOperator.values()), expr(o, "operand"));
      case "Lambda":
        return new Expr.Lambda(r, arguments(o.getAsJsonObject("args")), expr(o, "body"));
      case "IfExp":
        return new Expr.IfExp(r, expr(o, "test"), expr(o, "body"), expr(o, "orelse"));
      case "Dict":
        return new Expr.Dict(r, list(o, "keys", this::expr), list(o, "values", this::expr));
      case "Set":
        return new Expr.Set(r, list(o, "elts", this::expr));
      case "ListComp":
        return new Expr.ListComp(r, expr(o, "elt"), list(o, "generators", this::comprehension));
      case "SetComp":
        return new Expr.SetComp(r, expr(o, "elt"), list(o, "generators", this::comprehension));
      case "DictComp":
        return new Expr.DictComp(r, expr(o, "key"), expr(o, "value"), list(o, "generators", this::comprehension));
      case "GeneratorExp":
        return new Expr.GeneratorExp(r, expr(o, "elt"), list(o, "generators", this::comprehension));
      case "Await":
        return new Expr.Await(r, expr(o, "value"));
      case "Yield":
        return new Expr.Yield(r, expr(o, "value"));
      case "YieldFrom":
        return new Expr.YieldFrom(r, expr(o, "value"));
      case "Compare": {
        List<CmpOperator> ops = new ArrayList<>();
        for (JsonElement e : o.getAsJsonArray("ops")) {
          JsonObject holder = new JsonObject();
          holder.add("op", e);
          ops.add(op(holder, "op", CmpOperator.values()));
        }
        return new Expr.Compare(r, expr(o, "left"), ops, list(o, "comparators", this::expr));
      }
      case "Call":
        return new Expr.Call(r, expr(o, "func"), list(o, "args", this::expr), list(o, "keywords", this::keyword));
      case "FormattedValue": {
        Expr value = expr(o, "value");
        if (value instanceof Expr.Tuple tuple && lines.text().charAt(tuple.range().start()) == '{') {
          value = new Expr.Tuple(unbrace(tuple.range()), tuple.elts(), tuple.ctx()); // CPython <= 3.11: f"{x, y}"
        }
        return new Expr.FormattedValue(r, value, isNull(o, "conversion") ? -1 : integer(o, "conversion"),
            expr(o, "format_spec"));
      }
      case "JoinedStr": {
        List<Expr> values = list(o, "values", this::expr);
        int last = values.size() - 1;
        if (last >= 0 && values.get(last) instanceof Expr.Constant c && c.value() instanceof ConstValue.Str s
            && s.value().isEmpty()) {
          values.remove(last); // CPython 3.12's stray empty part of a format spec; AstDump adds it back for 3.12
        }
        return new Expr.JoinedStr(r, values);
      }
      case "Constant":
        return new Expr.Constant(r, constant(o.getAsJsonArray("value")), str(o, "kind"));
      case "Attribute":
        return new Expr.Attribute(r, expr(o, "value"), str(o, "attr"), ctx(o));
      case "Subscript":
        return new Expr.Subscript(r, expr(o, "value"), expr(o, "slice"), ctx(o));
      case "Starred":
        return new Expr.Starred(r, expr(o, "value"), ctx(o));
      case "Name":
        return new Expr.Name(r, str(o, "id"), ctx(o));
      case "List":
        return new Expr.ListExpr(r, list(o, "elts", this::expr), ctx(o));
      case "Tuple":
        return new Expr.Tuple(r, list(o, "elts", this::expr), ctx(o));
      case "Slice":
        return new Expr.Slice(r, expr(o, "lower"), expr(o, "upper"), expr(o, "step"));
      default:
        throw new IllegalArgumentException("expression " + t);
    }
  }

  /** The range of a tuple in a replacement field without the braces CPython 3.11 gave it. */
  private SourceRange unbrace(SourceRange braced) {
    String t = lines.text();
    int start = braced.start() + 1;
    while (Character.isWhitespace(t.charAt(start))) {
      start++;
    }
    int end = braced.end() - 1;
    while (Character.isWhitespace(t.charAt(end - 1))) {
      end--;
    }
    return new SourceRange(start, end);
  }

  private static ConstValue constant(JsonArray v) {
    String kind = v.get(0).getAsString();
    switch (kind) {
      case "none":
        return ConstValue.Singleton.NONE;
      case "ellipsis":
        return ConstValue.Singleton.ELLIPSIS;
      case "bool":
        return new ConstValue.Bool(v.get(1).getAsBoolean());
      case "int":
        return new ConstValue.Int(new BigInteger(v.get(1).getAsString()));
      case "float":
        return new ConstValue.Float(hexDouble(v.get(1).getAsString()));
      case "complex":
        return new ConstValue.Imaginary(hexDouble(v.get(1).getAsString()));
      case "str":
        return new ConstValue.Str(v.get(1).getAsString());
      case "bytes": {
        String hex = v.get(1).getAsString();
        byte[] b = new byte[hex.length() / 2];
        for (int i = 0; i < b.length; i++) {
          b[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return new ConstValue.Bytes(b);
      }
      default:
        throw new IllegalArgumentException(kind);
    }
  }

  private static double hexDouble(String pyHex) {
    if (pyHex.equals("inf")) {
      return Double.POSITIVE_INFINITY;
    }
    return Double.parseDouble(pyHex);
  }

  private Pattern pattern(JsonObject o) {
    SourceRange r = range(o);
    String t = type(o);
    switch (t) {
      case "MatchValue":
        return new Pattern.MatchValue(r, expr(o, "value"));
      case "MatchSingleton":
        return new Pattern.MatchSingleton(r, constant(o.getAsJsonArray("value")));
      case "MatchSequence":
        return new Pattern.MatchSequence(r, list(o, "patterns", this::pattern));
      case "MatchMapping":
        return new Pattern.MatchMapping(r, list(o, "keys", this::expr), list(o, "patterns", this::pattern), str(o, "rest"));
      case "MatchClass":
        return new Pattern.MatchClass(r, expr(o, "cls"), list(o, "patterns", this::pattern), strings(o, "kwd_attrs"),
            list(o, "kwd_patterns", this::pattern));
      case "MatchStar":
        return new Pattern.MatchStar(r, str(o, "name"));
      case "MatchAs":
        return new Pattern.MatchAs(r, isNull(o, "pattern") ? null : pattern(o.getAsJsonObject("pattern")), str(o, "name"));
      case "MatchOr":
        return new Pattern.MatchOr(r, list(o, "patterns", this::pattern));
      default:
        throw new IllegalArgumentException("pattern " + t);
    }
  }

  private TypeParam typeParam(JsonObject o) {
    SourceRange r = range(o);
    String t = type(o);
    switch (t) {
      case "TypeVar":
        return new TypeParam.TypeVar(r, str(o, "name"), expr(o, "bound"), expr(o, "default_value"));
      case "ParamSpec":
        return new TypeParam.ParamSpec(r, str(o, "name"), expr(o, "default_value"));
      case "TypeVarTuple":
        return new TypeParam.TypeVarTuple(r, str(o, "name"), expr(o, "default_value"));
      default:
        throw new IllegalArgumentException("type param " + t);
    }
  }

  private Support.Arguments arguments(JsonObject o) {
    return new Support.Arguments(SourceRange.EMPTY, list(o, "posonlyargs", this::arg), list(o, "args", this::arg),
        isNull(o, "vararg") ? null : arg(o.getAsJsonObject("vararg")), list(o, "kwonlyargs", this::arg),
        list(o, "kw_defaults", this::expr), isNull(o, "kwarg") ? null : arg(o.getAsJsonObject("kwarg")),
        list(o, "defaults", this::expr));
  }

  private Support.Arg arg(JsonObject o) {
    return new Support.Arg(range(o), str(o, "arg"), expr(o, "annotation"));
  }

  private Support.Keyword keyword(JsonObject o) {
    return new Support.Keyword(range(o), str(o, "arg"), expr(o, "value"));
  }

  private Support.Alias alias(JsonObject o) {
    return new Support.Alias(range(o), str(o, "name"), str(o, "asname"));
  }

  private Support.WithItem withItem(JsonObject o) {
    return new Support.WithItem(SourceRange.EMPTY, expr(o, "context_expr"), expr(o, "optional_vars"));
  }

  private Support.Comprehension comprehension(JsonObject o) {
    return new Support.Comprehension(SourceRange.EMPTY, expr(o, "target"), expr(o, "iter"), list(o, "ifs", this::expr),
        integer(o, "is_async") == 1);
  }

  private Support.ExceptHandler handler(JsonObject o) {
    return new Support.ExceptHandler(range(o), expr(o, "type"), str(o, "name"), list(o, "body", this::stmt));
  }

  private Support.MatchCase matchCase(JsonObject o) {
    return new Support.MatchCase(SourceRange.EMPTY, pattern(o.getAsJsonObject("pattern")), expr(o, "guard"),
        list(o, "body", this::stmt));
  }
}
