package dev.oomlint.parser.antlr;

import java.util.ArrayList;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * Superclass of every {@code PythonParser} context ({@code contextSuperClass} in the grammar). Most
 * parse-tree nodes have one or two children, so the child list starts small instead of ANTLR's
 * default of ten slots, which halves the garbage a parse produces.
 */
public class ParserContextBase extends ParserRuleContext {
  public ParserContextBase() {
  }

  public ParserContextBase(ParserRuleContext parent, int invokingStateNumber) {
    super(parent, invokingStateNumber);
  }

  @Override
  public <T extends ParseTree> T addAnyChild(T t) {
    if (children == null) {
      children = new ArrayList<>(2);
    }
    children.add(t);
    return t;
  }
}
