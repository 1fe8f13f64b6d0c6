package dev.oomlint.ast;

/** The operator enums of CPython's {@code ast} module. {@code pyName} is the CPython class name. */
public final class Operators {
  private Operators() {}

  public enum ExprContext {
    LOAD("Load"), STORE("Store"), DEL("Del");
    public final String pyName;
    ExprContext(String n) { pyName = n; }
  }

  public enum BoolOperator {
    AND("And", "and"), OR("Or", "or");
    public final String pyName;
    public final String symbol;
    BoolOperator(String n, String s) { pyName = n; symbol = s; }
  }

  public enum Operator {
    ADD("Add", "+"), SUB("Sub", "-"), MULT("Mult", "*"), MAT_MULT("MatMult", "@"), DIV("Div", "/"),
    MOD("Mod", "%"), POW("Pow", "**"), LSHIFT("LShift", "<<"), RSHIFT("RShift", ">>"),
    BIT_OR("BitOr", "|"), BIT_XOR("BitXor", "^"), BIT_AND("BitAnd", "&"), FLOOR_DIV("FloorDiv", "//");
    public final String pyName;
    public final String symbol;
    Operator(String n, String s) { pyName = n; symbol = s; }

    /** The operator for a binary or augmented-assignment symbol ({@code "+"} or {@code "+="}). */
    public static Operator fromSymbol(String s) {
      String sym = s.endsWith("=") ? s.substring(0, s.length() - 1) : s;
      for (Operator o : values()) {
        if (o.symbol.equals(sym)) return o;
      }
      throw new IllegalArgumentException("not an operator: " + s);
    }
  }

  public enum UnaryOperator {
    INVERT("Invert", "~"), NOT("Not", "not"), UADD("UAdd", "+"), USUB("USub", "-");
    public final String pyName;
    public final String symbol;
    UnaryOperator(String n, String s) { pyName = n; symbol = s; }
  }

  public enum CmpOperator {
    EQ("Eq", "=="), NOT_EQ("NotEq", "!="), LT("Lt", "<"), LT_E("LtE", "<="), GT("Gt", ">"),
    GT_E("GtE", ">="), IS("Is", "is"), IS_NOT("IsNot", "is not"), IN("In", "in"), NOT_IN("NotIn", "not in");
    public final String pyName;
    public final String symbol;
    CmpOperator(String n, String s) { pyName = n; symbol = s; }
  }
}
