package dev.oomlint.ast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

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
   * Visits {@code root} and the nodes below it with {@code visitor}: pre-order {@code visitXxx}
   * calls, children only when that call returns {@code true}, and {@link AstVisitor#leave} after
   * each node's children.
   */
  public static void walk(Node root, AstVisitor visitor) {
    Node[] stack = new Node[64];
    boolean[] leaving = new boolean[64];
    int size = 0;
    stack[size++] = root;
    List<Node> kids = new ArrayList<>();
    Consumer<Node> collect = kids::add;
    while (size > 0) {
      Node node = stack[--size];
      stack[size] = null;
      if (leaving[size]) {
        visitor.leave(node);
        continue;
      }
      kids.clear();
      if (AstVisitor.dispatch(visitor, node)) {
        Nodes.forEachChild(node, collect);
      }
      int need = size + 1 + kids.size();
      if (need > stack.length) {
        int cap = Math.max(stack.length * 2, need);
        stack = Arrays.copyOf(stack, cap);
        leaving = Arrays.copyOf(leaving, cap);
      }
      stack[size] = node;
      leaving[size++] = true;
      for (int i = kids.size() - 1; i >= 0; i--) {
        stack[size] = kids.get(i);
        leaving[size++] = false;
      }
    }
  }

  /** Calls {@code action} on every node of type {@code type} under {@code root} (itself included), in pre-order. */
  public static <T extends Node> void forEach(Node root, Class<T> type, Consumer<? super T> action) {
    walk(root, node -> {
      if (type.isInstance(node)) {
        action.accept(type.cast(node));
      }
    });
  }

  /** Every node of type {@code type} under {@code root} (itself included), in pre-order. */
  public static <T extends Node> List<T> findAll(Node root, Class<T> type) {
    List<T> out = new ArrayList<>();
    forEach(root, type, out::add);
    return out;
  }

  /** Every node of the tree under {@code root} (itself included), in pre-order. */
  public static List<Node> preOrder(Node root) {
    List<Node> out = new ArrayList<>();
    walk(root, out::add);
    return out;
  }
}
