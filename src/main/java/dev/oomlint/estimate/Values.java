package dev.oomlint.estimate;

import dev.oomlint.ast.ConstValue;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.SourceFile;
import dev.oomlint.ast.Stmt;
import dev.oomlint.ast.Support;
import dev.oomlint.semantic.AstUtil;
import dev.oomlint.semantic.Binding;
import dev.oomlint.semantic.SemanticModel;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Static values of expressions in one script: literals, module constants, argparse defaults
 * ({@code args.batch_size}), class-field defaults of config dataclasses, {@code os.environ.get}
 * defaults and simple integer arithmetic. Never runs anything.
 */
final class Values {
  /** A value and where it came from (null origin: a literal at the use). */
  record Value(Object value, String origin) {
    Long asLong() {
      if (value instanceof Long l) {
        return l;
      }
      if (value instanceof String s) {
        try {
          return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
          return null;
        }
      }
      return null;
    }

    String asString() {
      return value instanceof String s ? s : null;
    }

    Boolean asBool() {
      return value instanceof Boolean b ? b : null;
    }
  }

  private final SemanticModel model;
  private final SourceFile file;
  /** argparse destinations to their defaults. */
  final Map<String, Value> argparse = new HashMap<>();
  /** Class-level field defaults ({@code batch_size: int = 8}), by field name; null when two classes disagree. */
  private final Map<String, Value> fields = new HashMap<>();
  private final Set<String> ambiguousFields = new HashSet<>();

  Values(SemanticModel model) {
    this.model = model;
    this.file = model.file();
    for (Expr.Call c : model.calls()) {
      if (c.func() instanceof Expr.Attribute a && a.attr().equals("add_argument")) {
        readArgument(c);
      }
    }
    for (Stmt.ClassDef cd : ScriptReader.findAll(model.module(), Stmt.ClassDef.class)) {
      for (Stmt s : cd.body()) {
        if (s instanceof Stmt.AnnAssign aa && aa.target() instanceof Expr.Name tn && aa.value() != null) {
          Expr v = aa.value();
          if (v instanceof Expr.Call fc && "field".equals(AstUtil.lastName(fc.func()))) {
            v = keyword(fc, "default");
          }
          if (v != null) {
            Value val = eval(v, 0);
            if (val != null) {
              String origin = "default of " + cd.name() + "." + tn.id() + " (line " + line(aa) + ")";
              putField(tn.id(), new Value(val.value(), origin));
            }
          }
        }
      }
    }
  }

  private void putField(String name, Value v) {
    if (ambiguousFields.contains(name)) {
      return;
    }
    Value old = fields.putIfAbsent(name, v);
    if (old != null && !old.value().equals(v.value())) {
      fields.remove(name);
      ambiguousFields.add(name);
    }
  }

  private void readArgument(Expr.Call c) {
    String dest = null;
    String flag = null;
    for (Expr a : c.args()) {
      if (a instanceof Expr.Constant k && k.value() instanceof ConstValue.Str s) {
        if (s.value().startsWith("--") && flag == null) {
          flag = s.value();
        } else if (!s.value().startsWith("-") && flag == null) {
          flag = s.value(); // a positional argument
        }
      }
    }
    Expr destKw = keyword(c, "dest");
    if (destKw instanceof Expr.Constant k && k.value() instanceof ConstValue.Str s) {
      dest = s.value();
    } else if (flag != null) {
      dest = flag.replaceFirst("^-+", "").replace('-', '_');
    }
    Expr dflt = keyword(c, "default");
    if (dest == null || dflt == null) {
      return;
    }
    Value v = eval(dflt, 0);
    if (v != null) {
      argparse.put(dest, new Value(v.value(), "argparse default of " + flag + " (line " + line(c) + ")"));
    }
  }

  int line(Node n) {
    return file.lines().line(n.range().start());
  }

  static Expr keyword(Expr.Call c, String name) {
    for (Support.Keyword k : c.keywords()) {
      if (name.equals(k.arg())) {
        return k.value();
      }
    }
    return null;
  }

  /** The static value of {@code e}, or null. */
  Value eval(Expr e) {
    return eval(e, 0);
  }

  private Value eval(Expr e, int depth) {
    if (e == null || depth > 8) {
      return null;
    }
    if (e instanceof Expr.Constant k) {
      ConstValue v = k.value();
      if (v instanceof ConstValue.Int i) {
        return i.value().bitLength() < 63 ? new Value(i.value().longValue(), null) : null;
      } else if (v instanceof ConstValue.Str s) {
        return new Value(s.value(), null);
      } else if (v instanceof ConstValue.Bool b) {
        return new Value(b.value(), null);
      } else if (v instanceof ConstValue.Float f) {
        return new Value(f.value(), null);
      }
      return null;
    }
    if (e instanceof Expr.Name n) {
      List<Binding> bs = model.resolve(n);
      if (bs.size() == 1) {
        Binding b = bs.get(0);
        if ((b.kind() == Binding.Kind.ASSIGN || b.kind() == Binding.Kind.ANNOTATION) && b.index() < 0
            && b.value() != null) {
          Value v = eval(b.value(), depth + 1);
          if (v != null) {
            String origin = v.origin() != null ? v.origin()
                : n.id() + " = " + file.slice(b.value().range()) + " (line " + line(b.node()) + ")";
            return new Value(v.value(), origin);
          }
        }
        if (b.kind() == Binding.Kind.PARAMETER) {
          return parameterDefault(n.id(), b, depth);
        }
      }
      return null;
    }
    if (e instanceof Expr.Attribute a) {
      Value v = argparse.get(a.attr());
      if (v != null && !(a.value() instanceof Expr.Name self && self.id().equals("self"))) {
        return v;
      }
      Value f = fields.get(a.attr());
      return f;
    }
    if (e instanceof Expr.BinOp b) {
      Value l = eval(b.left(), depth + 1);
      Value r = eval(b.right(), depth + 1);
      if (l == null || r == null || !(l.value() instanceof Long x) || !(r.value() instanceof Long y)) {
        return null;
      }
      Long out = switch (b.op()) {
        case ADD -> x + y;
        case SUB -> x - y;
        case MULT -> x * y;
        case FLOOR_DIV -> y == 0 ? null : Math.floorDiv(x, y);
        case POW -> y >= 0 && y < 40 ? BigInteger.valueOf(x).pow(y.intValue()).longValue() : null;
        default -> null;
      };
      if (out == null) {
        return null;
      }
      String origin = l.origin() != null ? l.origin() : r.origin();
      return new Value(out, origin);
    }
    if (e instanceof Expr.Call c) {
      String callee = AstUtil.lastName(c.func());
      if (("int".equals(callee) || "str".equals(callee)) && c.args().size() == 1) {
        Value v = eval(c.args().get(0), depth + 1);
        if (v != null && "int".equals(callee)) {
          Long l = v.asLong();
          return l == null ? null : new Value(l, v.origin());
        }
        return v;
      }
      String q = model.qualifiedName(c.func());
      if (("os.environ.get".equals(q) || "os.getenv".equals(q)) && c.args().size() == 2) {
        Value name = eval(c.args().get(0), depth + 1);
        Value d = eval(c.args().get(1), depth + 1);
        if (d != null) {
          return new Value(d.value(), "default of environment variable "
              + (name == null ? "?" : name.value()) + " (line " + line(c) + ")");
        }
      }
    }
    return null;
  }

  private Value parameterDefault(String name, Binding b, int depth) {
    Node fn = model.scopeOf(b.node()) == null ? null : model.enclosingFunction(b.node());
    if (!(fn instanceof Stmt.FunctionDef f)) {
      return null;
    }
    Support.Arguments args = f.args();
    List<Support.Arg> pos = new java.util.ArrayList<>(args.posonlyargs());
    pos.addAll(args.args());
    int firstDefault = pos.size() - args.defaults().size();
    for (int i = 0; i < pos.size(); i++) {
      if (pos.get(i).arg().equals(name) && i >= firstDefault) {
        Value v = eval(args.defaults().get(i - firstDefault), depth + 1);
        return v == null ? null : new Value(v.value(), "default of parameter " + name + " of " + f.name()
            + "() (line " + line(f) + ")");
      }
    }
    for (int i = 0; i < args.kwonlyargs().size(); i++) {
      if (args.kwonlyargs().get(i).arg().equals(name) && args.kwDefaults().get(i) != null) {
        Value v = eval(args.kwDefaults().get(i), depth + 1);
        return v == null ? null : new Value(v.value(), "default of parameter " + name + " of " + f.name()
            + "() (line " + line(f) + ")");
      }
    }
    return null;
  }

  /** A module-level constant or argparse default whose name matches one of {@code names}. */
  Value named(Set<String> names) {
    for (Stmt s : model.module().body()) {
      if (s instanceof Stmt.Assign as && as.targets().size() == 1 && as.targets().get(0) instanceof Expr.Name n
          && names.contains(n.id().toLowerCase(java.util.Locale.ROOT))) {
        Value v = eval(as.value());
        if (v != null && v.asLong() != null) {
          String origin = v.origin() != null ? v.origin()
              : n.id() + " = " + file.slice(as.value().range()) + " (line " + line(as) + ")";
          return new Value(v.asLong(), origin);
        }
      }
    }
    for (Map.Entry<String, Value> a : argparse.entrySet()) {
      if (names.contains(a.getKey().toLowerCase(java.util.Locale.ROOT)) && a.getValue().asLong() != null) {
        return new Value(a.getValue().asLong(), a.getValue().origin());
      }
    }
    for (Map.Entry<String, Value> a : fields.entrySet()) {
      if (names.contains(a.getKey().toLowerCase(java.util.Locale.ROOT)) && a.getValue().asLong() != null) {
        return new Value(a.getValue().asLong(), a.getValue().origin());
      }
    }
    return null;
  }
}
