package dev.oomlint.parser.antlr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Superclass of every {@code PythonParser} context ({@code contextSuperClass} in the grammar). Most
 * parse-tree nodes have few children, so the child list starts small instead of ANTLR's default of
 * ten slots, which halves the garbage a parse produces. The child lookups the generated accessors
 * use ({@code ctx.expression()}, {@code ctx.COMMA()}, ...) are ANTLR's, with the same results, but
 * written as indexed loops: ANTLR's for-each loops allocate an iterator on every call.
 */
public class ParserContextBase extends ParserRuleContext {
  public ParserContextBase() {
  }

  public ParserContextBase(ParserRuleContext parent, int invokingStateNumber) {
    super(parent, invokingStateNumber);
  }

  /** The list {@link #children} was created as here, typed so that adding to it is a plain call. */
  private ArrayList<ParseTree> own;

  @Override
  public <T extends ParseTree> T addAnyChild(T t) {
    if (children == null) {
      own = new ArrayList<>(4);
      children = own;
    }
    if (own == children) {
      own.add(t);
    } else {
      children.add(t);
    }
    return t;
  }

  @Override
  public <T extends ParseTree> T getChild(Class<? extends T> ctxType, int i) {
    List<ParseTree> ch = children;
    if (ch == null || i < 0) {
      return null;
    }
    int n = ch.size();
    if (i >= n) {
      return null;
    }
    int j = -1;
    for (int k = 0; k < n; k++) {
      ParseTree o = ch.get(k);
      if (ctxType.isInstance(o)) {
        j++;
        if (j == i) {
          return ctxType.cast(o);
        }
      }
    }
    return null;
  }

  @Override
  public TerminalNode getToken(int ttype, int i) {
    List<ParseTree> ch = children;
    if (ch == null || i < 0) {
      return null;
    }
    int n = ch.size();
    if (i >= n) {
      return null;
    }
    int j = -1;
    for (int k = 0; k < n; k++) {
      ParseTree o = ch.get(k);
      if (o instanceof TerminalNode) {
        TerminalNode node = (TerminalNode) o;
        if (node.getSymbol().getType() == ttype) {
          j++;
          if (j == i) {
            return node;
          }
        }
      }
    }
    return null;
  }

  @Override
  public List<TerminalNode> getTokens(int ttype) {
    List<ParseTree> ch = children;
    if (ch == null) {
      return Collections.emptyList();
    }
    List<TerminalNode> tokens = null;
    int n = ch.size();
    for (int k = 0; k < n; k++) {
      ParseTree o = ch.get(k);
      if (o instanceof TerminalNode) {
        TerminalNode node = (TerminalNode) o;
        if (node.getSymbol().getType() == ttype) {
          if (tokens == null) {
            tokens = new ArrayList<>();
          }
          tokens.add(node);
        }
      }
    }
    return tokens == null ? Collections.emptyList() : tokens;
  }

  @Override
  public <T extends ParserRuleContext> T getRuleContext(Class<? extends T> ctxType, int i) {
    return getChild(ctxType, i);
  }

  @Override
  public <T extends ParserRuleContext> List<T> getRuleContexts(Class<? extends T> ctxType) {
    List<ParseTree> ch = children;
    if (ch == null) {
      return Collections.emptyList();
    }
    List<T> contexts = null;
    int n = ch.size();
    for (int k = 0; k < n; k++) {
      ParseTree o = ch.get(k);
      if (ctxType.isInstance(o)) {
        if (contexts == null) {
          contexts = new ArrayList<>();
        }
        contexts.add(ctxType.cast(o));
      }
    }
    return contexts == null ? Collections.emptyList() : contexts;
  }
}
