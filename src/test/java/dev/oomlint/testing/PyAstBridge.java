package dev.oomlint.testing;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.oomlint.ast.ConstValue;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Mod;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.Operators;
import dev.oomlint.ast.Pattern;
import dev.oomlint.ast.SourceRange;
import dev.oomlint.ast.Stmt;
import dev.oomlint.ast.Support;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Test-only stand-in for oomlint's parser: runs CPython's {@code ast} (python3 on the PATH) and
 * converts its JSON dump into our AST records. Used only while {@code PythonFrontEnd} is unwritten.
 */
public final class PyAstBridge {
  private PyAstBridge() {}

  /** Parses each text; a null entry means CPython reported a syntax error. */
  public static List<Mod.Module> parseAll(List<String> texts) {
    try {
      Path script = Files.createTempFile("pyast_dump", ".py");
      try (InputStream in = PyAstBridge.class.getResourceAsStream("pyast_dump.py")) {
        Files.write(script, in.readAllBytes());
      }
      Process p = new ProcessBuilder("python3", script.toString()).redirectErrorStream(false).start();
      try (OutputStream os = p.getOutputStream()) {
        os.write(new Gson().toJson(texts).getBytes(StandardCharsets.UTF_8));
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor();
      Files.deleteIfExists(script);
      JsonArray arr = JsonParser.parseString(out).getAsJsonArray();
      List<Mod.Module> result = new ArrayList<>();
      for (JsonElement el : arr) {
        JsonObject o = el.getAsJsonObject();
        if (o.has("error")) {
          result.add(null);
          continue;
        }
        List<Mod.Comment> comments = new ArrayList<>();
        for (JsonElement c : o.getAsJsonArray("comments")) {
          JsonObject co = c.getAsJsonObject();
          comments.add(new Mod.Comment(new SourceRange(co.get("s").getAsInt(), co.get("e").getAsInt()),
              co.get("text").getAsString()));
        }
        JsonObject m = o.getAsJsonObject("module");
        List<Stmt> body = list(m, "body", PyAstBridge::stmt);
        result.add(new Mod.Module(new SourceRange(0, o.get("end").getAsInt()), body, comments));
      }
      return result;
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException("python3 bridge failed", e);
    }
  }

  public static Mod.Module parse(String text) {
    return parseAll(List.of(text)).get(0);
  }

  private static <T> List<T> list(JsonObject o, String f, Function<JsonObject, T> conv) {
    List<T> out = new ArrayList<>();
    JsonElement e = o.get(f);
    if (e == null || e.isJsonNull()) {
      return out;
    }
    for (JsonElement x : e.getAsJsonArray()) {
      out.add(x.isJsonNull() ? null : conv.apply(x.getAsJsonObject()));
    }
    return out;
  }

  private static <T> T opt(JsonObject o, String f, Function<JsonObject, T> conv) {
    JsonElement e = o.get(f);
    return e == null || e.isJsonNull() ? null : conv.apply(e.getAsJsonObject());
  }

  private static String str(JsonObject o, String f) {
    JsonElement e = o.get(f);
    return e == null || e.isJsonNull() ? null : e.getAsString();
  }

  private static SourceRange range(JsonObject o, Node... kids) {
    if (o.has("_s")) {
      return new SourceRange(o.get("_s").getAsInt(), o.get("_e").getAsInt());
    }
    SourceRange r = null;
    for (Node k : kids) {
      if (k != null) {
        r = r == null ? k.range() : r.cover(k.range());
      }
    }
    return r == null ? SourceRange.EMPTY : r;
  }

  private static SourceRange rangeOf(JsonObject o, List<? extends Node> kids) {
    return range(o, kids.toArray(new Node[0]));
  }

  private static Operators.ExprContext ctx(JsonObject o) {
    String c = str(o, "ctx");
    return "Store".equals(c) ? Operators.ExprContext.STORE
        : "Del".equals(c) ? Operators.ExprContext.DEL : Operators.ExprContext.LOAD;
  }

  private static Operators.Operator op(String n) {
    for (Operators.Operator x : Operators.Operator.values()) {
      if (x.pyName.equals(n)) return x;
    }
    throw new IllegalArgumentException(n);
  }

  static Stmt stmt(JsonObject o) {
    String t = str(o, "_t");
    SourceRange r = range(o);
    switch (t) {
      case "FunctionDef", "AsyncFunctionDef":
        return new Stmt.FunctionDef(r, str(o, "name"), arguments(o.getAsJsonObject("args")),
            list(o, "body", PyAstBridge::stmt), list(o, "decorator_list", PyAstBridge::expr),
            opt(o, "returns", PyAstBridge::expr), List.of(), t.startsWith("Async"));
      case "ClassDef":
        return new Stmt.ClassDef(r, str(o, "name"), list(o, "bases", PyAstBridge::expr),
            list(o, "keywords", PyAstBridge::keyword), list(o, "body", PyAstBridge::stmt),
            list(o, "decorator_list", PyAstBridge::expr), List.of());
      case "Return":
        return new Stmt.Return(r, opt(o, "value", PyAstBridge::expr));
      case "Delete":
        return new Stmt.Delete(r, list(o, "targets", PyAstBridge::expr));
      case "Assign":
        return new Stmt.Assign(r, list(o, "targets", PyAstBridge::expr), opt(o, "value", PyAstBridge::expr));
      case "AugAssign":
        return new Stmt.AugAssign(r, opt(o, "target", PyAstBridge::expr), op(str(o, "op")),
            opt(o, "value", PyAstBridge::expr));
      case "AnnAssign":
        return new Stmt.AnnAssign(r, opt(o, "target", PyAstBridge::expr), opt(o, "annotation", PyAstBridge::expr),
            opt(o, "value", PyAstBridge::expr), o.get("simple").getAsInt() == 1);
      case "For", "AsyncFor":
        return new Stmt.For(r, opt(o, "target", PyAstBridge::expr), opt(o, "iter", PyAstBridge::expr),
            list(o, "body", PyAstBridge::stmt), list(o, "orelse", PyAstBridge::stmt), t.startsWith("Async"));
      case "While":
        return new Stmt.While(r, opt(o, "test", PyAstBridge::expr), list(o, "body", PyAstBridge::stmt),
            list(o, "orelse", PyAstBridge::stmt));
      case "If":
        return new Stmt.If(r, opt(o, "test", PyAstBridge::expr), list(o, "body", PyAstBridge::stmt),
            list(o, "orelse", PyAstBridge::stmt));
      case "With", "AsyncWith":
        return new Stmt.With(r, list(o, "items", PyAstBridge::withItem), list(o, "body", PyAstBridge::stmt),
            t.startsWith("Async"));
      case "Match":
        return new Stmt.Match(r, opt(o, "subject", PyAstBridge::expr), list(o, "cases", PyAstBridge::matchCase));
      case "Raise":
        return new Stmt.Raise(r, opt(o, "exc", PyAstBridge::expr), opt(o, "cause", PyAstBridge::expr));
      case "Try", "TryStar":
        return new Stmt.Try(r, list(o, "body", PyAstBridge::stmt), list(o, "handlers", PyAstBridge::handler),
            list(o, "orelse", PyAstBridge::stmt), list(o, "finalbody", PyAstBridge::stmt), t.equals("TryStar"));
      case "Assert":
        return new Stmt.Assert(r, opt(o, "test", PyAstBridge::expr), opt(o, "msg", PyAstBridge::expr));
      case "Import":
        return new Stmt.Import(r, list(o, "names", PyAstBridge::alias));
      case "ImportFrom":
        return new Stmt.ImportFrom(r, str(o, "module"), list(o, "names", PyAstBridge::alias),
            o.get("level") == null || o.get("level").isJsonNull() ? 0 : o.get("level").getAsInt());
      case "Global":
        return new Stmt.Global(r, strs(o, "names"));
      case "Nonlocal":
        return new Stmt.Nonlocal(r, strs(o, "names"));
      case "Expr":
        return new Stmt.ExprStmt(r, opt(o, "value", PyAstBridge::expr));
      case "Pass":
        return new Stmt.Pass(r);
      case "Break":
        return new Stmt.Break(r);
      case "Continue":
        return new Stmt.Continue(r);
      default:
        throw new IllegalArgumentException("stmt " + t);
    }
  }

  private static List<String> strs(JsonObject o, String f) {
    List<String> out = new ArrayList<>();
    for (JsonElement e : o.getAsJsonArray(f)) {
      out.add(e.getAsString());
    }
    return out;
  }

  static Expr expr(JsonObject o) {
    String t = str(o, "_t");
    SourceRange r = range(o);
    switch (t) {
      case "BoolOp":
        return new Expr.BoolOp(r, "And".equals(str(o, "op")) ? Operators.BoolOperator.AND : Operators.BoolOperator.OR,
            list(o, "values", PyAstBridge::expr));
      case "NamedExpr":
        return new Expr.NamedExpr(r, opt(o, "target", PyAstBridge::expr), opt(o, "value", PyAstBridge::expr));
      case "BinOp":
        return new Expr.BinOp(r, opt(o, "left", PyAstBridge::expr), op(str(o, "op")), opt(o, "right", PyAstBridge::expr));
      case "UnaryOp": {
        Operators.UnaryOperator u = null;
        for (Operators.UnaryOperator x : Operators.UnaryOperator.values()) {
          if (x.pyName.equals(str(o, "op"))) u = x;
        }
        return new Expr.UnaryOp(r, u, opt(o, "operand", PyAstBridge::expr));
      }
      case "Lambda":
        return new Expr.Lambda(r, arguments(o.getAsJsonObject("args")), opt(o, "body", PyAstBridge::expr));
      case "IfExp":
        return new Expr.IfExp(r, opt(o, "test", PyAstBridge::expr), opt(o, "body", PyAstBridge::expr),
            opt(o, "orelse", PyAstBridge::expr));
      case "Dict":
        return new Expr.Dict(r, list(o, "keys", PyAstBridge::expr), list(o, "values", PyAstBridge::expr));
      case "Set":
        return new Expr.Set(r, list(o, "elts", PyAstBridge::expr));
      case "ListComp":
        return new Expr.ListComp(r, opt(o, "elt", PyAstBridge::expr), list(o, "generators", PyAstBridge::comp));
      case "SetComp":
        return new Expr.SetComp(r, opt(o, "elt", PyAstBridge::expr), list(o, "generators", PyAstBridge::comp));
      case "DictComp":
        return new Expr.DictComp(r, opt(o, "key", PyAstBridge::expr), opt(o, "value", PyAstBridge::expr),
            list(o, "generators", PyAstBridge::comp));
      case "GeneratorExp":
        return new Expr.GeneratorExp(r, opt(o, "elt", PyAstBridge::expr), list(o, "generators", PyAstBridge::comp));
      case "Await":
        return new Expr.Await(r, opt(o, "value", PyAstBridge::expr));
      case "Yield":
        return new Expr.Yield(r, opt(o, "value", PyAstBridge::expr));
      case "YieldFrom":
        return new Expr.YieldFrom(r, opt(o, "value", PyAstBridge::expr));
      case "Compare": {
        List<Operators.CmpOperator> ops = new ArrayList<>();
        for (String s : strs(o, "ops")) {
          for (Operators.CmpOperator x : Operators.CmpOperator.values()) {
            if (x.pyName.equals(s)) ops.add(x);
          }
        }
        return new Expr.Compare(r, opt(o, "left", PyAstBridge::expr), ops, list(o, "comparators", PyAstBridge::expr));
      }
      case "Call":
        return new Expr.Call(r, opt(o, "func", PyAstBridge::expr), list(o, "args", PyAstBridge::expr),
            list(o, "keywords", PyAstBridge::keyword));
      case "FormattedValue":
        return new Expr.FormattedValue(r, opt(o, "value", PyAstBridge::expr), o.get("conversion").getAsInt(),
            opt(o, "format_spec", PyAstBridge::expr));
      case "JoinedStr":
        return new Expr.JoinedStr(r, list(o, "values", PyAstBridge::expr));
      case "Constant":
        return new Expr.Constant(r, constant(o.getAsJsonObject("value")), str(o, "kind"));
      case "Attribute":
        return new Expr.Attribute(r, opt(o, "value", PyAstBridge::expr), str(o, "attr"), ctx(o));
      case "Subscript":
        return new Expr.Subscript(r, opt(o, "value", PyAstBridge::expr), opt(o, "slice", PyAstBridge::expr), ctx(o));
      case "Starred":
        return new Expr.Starred(r, opt(o, "value", PyAstBridge::expr), ctx(o));
      case "Name":
        return new Expr.Name(r, str(o, "id"), ctx(o));
      case "List":
        return new Expr.ListExpr(r, list(o, "elts", PyAstBridge::expr), ctx(o));
      case "Tuple":
        return new Expr.Tuple(r, list(o, "elts", PyAstBridge::expr), ctx(o));
      case "Slice":
        return new Expr.Slice(r, opt(o, "lower", PyAstBridge::expr), opt(o, "upper", PyAstBridge::expr),
            opt(o, "step", PyAstBridge::expr));
      default:
        throw new IllegalArgumentException("expr " + t);
    }
  }

  private static ConstValue constant(JsonObject c) {
    String k = str(c, "k");
    switch (k) {
      case "none": return ConstValue.Singleton.NONE;
      case "ellipsis": return ConstValue.Singleton.ELLIPSIS;
      case "bool": return new ConstValue.Bool(c.get("v").getAsBoolean());
      case "int": return new ConstValue.Int(new BigInteger(c.get("v").getAsString()));
      case "float": return new ConstValue.Float(pyFloat(c.get("v").getAsString()));
      case "imag": return new ConstValue.Imaginary(pyFloat(c.get("v").getAsString()));
      case "str": return new ConstValue.Str(c.get("v").getAsString());
      default: {
        JsonArray a = c.getAsJsonArray("v");
        byte[] b = new byte[a.size()];
        for (int i = 0; i < b.length; i++) b[i] = (byte) a.get(i).getAsInt();
        return new ConstValue.Bytes(b);
      }
    }
  }

  private static double pyFloat(String s) {
    return switch (s) {
      case "inf" -> Double.POSITIVE_INFINITY;
      case "-inf" -> Double.NEGATIVE_INFINITY;
      case "nan" -> Double.NaN;
      default -> Double.parseDouble(s);
    };
  }

  static Support.Arguments arguments(JsonObject o) {
    List<Support.Arg> po = list(o, "posonlyargs", PyAstBridge::arg);
    List<Support.Arg> a = list(o, "args", PyAstBridge::arg);
    Support.Arg va = opt(o, "vararg", PyAstBridge::arg);
    List<Support.Arg> ko = list(o, "kwonlyargs", PyAstBridge::arg);
    List<Expr> kd = list(o, "kw_defaults", PyAstBridge::expr);
    Support.Arg kw = opt(o, "kwarg", PyAstBridge::arg);
    List<Expr> d = list(o, "defaults", PyAstBridge::expr);
    List<Node> all = new ArrayList<>(po);
    all.addAll(a);
    all.add(va);
    all.addAll(ko);
    all.add(kw);
    all.addAll(d);
    return new Support.Arguments(range(o, all.toArray(new Node[0])), po, a, va, ko, kd, kw, d);
  }

  static Support.Arg arg(JsonObject o) {
    return new Support.Arg(range(o), str(o, "arg"), opt(o, "annotation", PyAstBridge::expr));
  }

  static Support.Keyword keyword(JsonObject o) {
    return new Support.Keyword(range(o), str(o, "arg"), opt(o, "value", PyAstBridge::expr));
  }

  static Support.Alias alias(JsonObject o) {
    return new Support.Alias(range(o), str(o, "name"), str(o, "asname"));
  }

  static Support.WithItem withItem(JsonObject o) {
    Expr c = opt(o, "context_expr", PyAstBridge::expr);
    Expr v = opt(o, "optional_vars", PyAstBridge::expr);
    return new Support.WithItem(range(o, c, v), c, v);
  }

  static Support.Comprehension comp(JsonObject o) {
    Expr t = opt(o, "target", PyAstBridge::expr);
    Expr i = opt(o, "iter", PyAstBridge::expr);
    List<Expr> ifs = list(o, "ifs", PyAstBridge::expr);
    List<Node> all = new ArrayList<>(List.of(t, i));
    all.addAll(ifs);
    return new Support.Comprehension(rangeOf(o, all), t, i, ifs, o.get("is_async").getAsInt() == 1);
  }

  static Support.ExceptHandler handler(JsonObject o) {
    return new Support.ExceptHandler(range(o), opt(o, "type", PyAstBridge::expr), str(o, "name"),
        list(o, "body", PyAstBridge::stmt));
  }

  static Support.MatchCase matchCase(JsonObject o) {
    Pattern p = opt(o, "pattern", PyAstBridge::pattern);
    Expr g = opt(o, "guard", PyAstBridge::expr);
    List<Stmt> body = list(o, "body", PyAstBridge::stmt);
    List<Node> all = new ArrayList<>();
    all.add(p);
    all.add(g);
    all.addAll(body);
    return new Support.MatchCase(rangeOf(o, all), p, g, body);
  }

  static Pattern pattern(JsonObject o) {
    String t = str(o, "_t");
    SourceRange r = range(o);
    switch (t) {
      case "MatchValue": return new Pattern.MatchValue(r, opt(o, "value", PyAstBridge::expr));
      case "MatchSingleton": return new Pattern.MatchSingleton(r, constant(o.getAsJsonObject("value")));
      case "MatchSequence": return new Pattern.MatchSequence(r, list(o, "patterns", PyAstBridge::pattern));
      case "MatchMapping": return new Pattern.MatchMapping(r, list(o, "keys", PyAstBridge::expr),
          list(o, "patterns", PyAstBridge::pattern), str(o, "rest"));
      case "MatchClass": return new Pattern.MatchClass(r, opt(o, "cls", PyAstBridge::expr),
          list(o, "patterns", PyAstBridge::pattern), strs(o, "kwd_attrs"), list(o, "kwd_patterns", PyAstBridge::pattern));
      case "MatchStar": return new Pattern.MatchStar(r, str(o, "name"));
      case "MatchAs": return new Pattern.MatchAs(r, opt(o, "pattern", PyAstBridge::pattern), str(o, "name"));
      case "MatchOr": return new Pattern.MatchOr(r, list(o, "patterns", PyAstBridge::pattern));
      default: throw new IllegalArgumentException("pattern " + t);
    }
  }
}
