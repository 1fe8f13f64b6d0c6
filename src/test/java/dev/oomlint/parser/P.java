package dev.oomlint.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import dev.oomlint.ast.ConstValue;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.LineIndex;
import dev.oomlint.ast.Mod;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.SourceRange;
import dev.oomlint.ast.Stmt;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * Test helpers: parse and unwrap, and a compact one-line tree form in which every node shows the
 * source text its range covers, e.g. {@code BinOp"a + 1"(Name"a"(a LOAD) ADD Constant"1"(1))}.
 */
final class P {
  private P() {}

  static Mod.Module module(String src) {
    ParseOutcome o = PythonFrontEnd.parse(src);
    if (o instanceof ParseOutcome.Failed f) {
      fail("expected " + show(src) + " to parse, got: " + f.error());
    }
    return ((ParseOutcome.Parsed) o).module();
  }

  static Stmt stmt(String src) {
    List<Stmt> body = module(src).body();
    assertEquals(1, body.size(), "statements in " + show(src));
    return body.get(0);
  }

  static Expr expr(String src) {
    Stmt s = stmt(src);
    return assertInstanceOf(Stmt.ExprStmt.class, s).value();
  }

  static SyntaxError error(String src) {
    ParseOutcome o = PythonFrontEnd.parse(src);
    if (o instanceof ParseOutcome.Parsed p) {
      fail("expected a syntax error for " + show(src) + ", got " + tree(p.module(), src));
    }
    return ((ParseOutcome.Failed) o).error();
  }

  /** "message @line:col" with a 1-based UTF-16 column, for compact assertions. */
  static String errorAt(String src) {
    SyntaxError e = error(src);
    LineIndex li = new LineIndex(src);
    int off = Math.min(e.offset(), src.length());
    return e.message() + " @" + li.line(off) + ":" + li.column(off);
  }

  /** The tree form of the single statement's expression of {@code src}. */
  static String exprTree(String src) {
    return tree(expr(src), src);
  }

  static String stmtTree(String src) {
    return tree(stmt(src), src);
  }

  static String slice(String src, Node n) {
    SourceRange r = n.range();
    return src.substring(r.start(), r.end());
  }

  static String show(String src) {
    return '"' + src.replace("\n", "\\n") + '"';
  }

  /** The compact form of {@code node}: kind, covered source in quotes, then the non-empty fields. */
  static String tree(Object node, String src) {
    StringBuilder sb = new StringBuilder();
    write(node, src, sb);
    return sb.toString();
  }

  private static void write(Object o, String src, StringBuilder sb) {
    if (o == null) {
      sb.append("null");
    } else if (o instanceof Mod.Module m) {
      sb.append("Module");
      list(m.body(), src, sb);
    } else if (o instanceof Node n) {
      sb.append(n.getClass().getSimpleName()).append('"').append(slice(src, n).replace("\n", "\\n")).append('"');
      StringBuilder fields = new StringBuilder();
      for (RecordComponent rc : n.getClass().getRecordComponents()) {
        if (rc.getName().equals("range")) {
          continue;
        }
        Object v;
        try {
          v = rc.getAccessor().invoke(n);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
        if (v == null || (v instanceof List<?> l && l.isEmpty()) || Boolean.FALSE.equals(v)) {
          continue;
        }
        if (fields.length() > 0) {
          fields.append(' ');
        }
        if (v instanceof Boolean) {
          fields.append(rc.getName());
        } else {
          write(v, src, fields);
        }
      }
      if (fields.length() > 0) {
        sb.append('(').append(fields).append(')');
      }
    } else if (o instanceof List<?> l) {
      list(l, src, sb);
    } else if (o instanceof ConstValue cv) {
      sb.append(constant(cv));
    } else if (o instanceof Enum<?> e) {
      sb.append(e.name());
    } else {
      sb.append(o);
    }
  }

  private static void list(List<?> l, String src, StringBuilder sb) {
    sb.append('[');
    for (int i = 0; i < l.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      write(l.get(i), src, sb);
    }
    sb.append(']');
  }

  static String constant(ConstValue v) {
    if (v instanceof ConstValue.Str s) {
      StringBuilder sb = new StringBuilder("'");
      s.value().codePoints().forEach(c -> {
        if (c == '\\') {
          sb.append("\\\\");
        } else if (c == '\n') {
          sb.append("\\n");
        } else if (c < 32 || c == 127) {
          sb.append(String.format("\\x%02x", c));
        } else {
          sb.appendCodePoint(c);
        }
      });
      return sb.append('\'').toString();
    }
    if (v instanceof ConstValue.Bytes b) {
      StringBuilder sb = new StringBuilder("b'");
      for (byte x : b.value()) {
        int c = x & 0xff;
        sb.append(c == '\\' ? "\\\\" : c >= 32 && c < 127 ? String.valueOf((char) c) : String.format("\\x%02x", c));
      }
      return sb.append('\'').toString();
    }
    if (v instanceof ConstValue.Int i) {
      return i.value().toString();
    }
    if (v instanceof ConstValue.Float f) {
      return Double.toString(f.value());
    }
    if (v instanceof ConstValue.Imaginary im) {
      return im.imag() + "j";
    }
    if (v instanceof ConstValue.Bool b) {
      return b.value() ? "True" : "False";
    }
    return v == ConstValue.Singleton.NONE ? "None" : "Ellipsis";
  }
}
