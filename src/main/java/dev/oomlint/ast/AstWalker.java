package dev.oomlint.ast;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Iterative traversals of our AST. They keep their own stack, so a 50,000-deep {@code a+a+...+a}
 * chain walks as easily as a flat file. Children come in {@link Nodes} order.
 */
public final class AstWalker {
  private AstWalker() {}

  /** Calls {@code action} on {@code root} and every node below it, in pre-order. */
  public static void walk(Node root, Consumer<? super Node> action) {
    PushStack stack = new PushStack();
    stack.accept(java.util.Objects.requireNonNull(root));
    while (stack.size > 0) {
      Node node = stack.pop();
      action.accept(node);
      int mark = stack.size;
      Nodes.forEachChild(node, stack);
      stack.reverseFrom(mark);
    }
  }

  /**
   * A work stack children are pushed on in order and then reversed, so they pop in order. Object[]
   * because storing into an array of an interface type costs a subtype check per store.
   */
  static final class PushStack implements Consumer<Node> {
    private Object[] nodes = new Object[64];
    int size;

    @Override
    public void accept(Node n) {
      if (size == nodes.length) {
        nodes = Arrays.copyOf(nodes, size * 2);
      }
      nodes[size++] = n;
    }

    Node at(int i) {
      return (Node) nodes[i];
    }

    Node pop() {
      Node n = (Node) nodes[--size];
      nodes[size] = null;
      return n;
    }

    void reverseFrom(int mark) {
      Object[] a = nodes;
      for (int i = mark, j = size - 1; i < j; i++, j--) {
        Object t = a[i];
        a[i] = a[j];
        a[j] = t;
      }
    }
  }

  /**
   * Visits {@code root} and the nodes below it in pre-order; {@code enter} says whether to go on
   * into a node's children.
   */
  public static void descend(Node root, Predicate<Node> enter) {
    PushStack stack = new PushStack();
    stack.accept(java.util.Objects.requireNonNull(root));
    while (stack.size > 0) {
      Node n = stack.pop();
      if (!enter.test(n)) {
        continue;
      }
      int mark = stack.size;
      Nodes.forEachChild(n, stack);
      stack.reverseFrom(mark);
    }
  }

  /** Calls {@code action} on every node of {@code roots} and below, in pre-order. */
  public static void walkAll(List<? extends Node> roots, Consumer<Node> action) {
    for (Node r : roots) {
      walk(r, action);
    }
  }
}
