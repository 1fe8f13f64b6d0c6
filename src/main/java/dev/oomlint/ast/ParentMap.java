package dev.oomlint.ast;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parent of every node of one tree, built once without recursion. Nodes are keyed by identity,
 * so two equal-looking records at different places keep their own parents.
 */
public final class ParentMap {
  private final Node root;
  private final Map<Node, Node> parents;

  private ParentMap(Node root, Map<Node, Node> parents) {
    this.root = root;
    this.parents = parents;
  }

  /** Maps every node under {@code root} to its parent. */
  public static ParentMap of(Node root) {
    Map<Node, Node> parents = new IdentityHashMap<>();
    AstWalker.PushStack stack = new AstWalker.PushStack();
    stack.accept(root);
    while (stack.size > 0) {
      Node node = stack.pop();
      int mark = stack.size;
      Nodes.forEachChild(node, stack);
      for (int i = mark; i < stack.size; i++) {
        parents.put(stack.at(i), node);
      }
    }
    return new ParentMap(root, parents);
  }

  /** The root the map was built from. */
  public Node root() {
    return root;
  }

  /** The parent of {@code node}; null for the root and for nodes not in this tree. */
  public Node parent(Node node) {
    return parents.get(node);
  }

  /** Whether {@code node} belongs to this tree. */
  public boolean contains(Node node) {
    return node == root || parents.containsKey(node);
  }

  /** The ancestors of {@code node}, nearest first, the root last. */
  public List<Node> ancestors(Node node) {
    List<Node> out = new ArrayList<>();
    for (Node p = parents.get(node); p != null; p = parents.get(p)) {
      out.add(p);
    }
    return out;
  }

  /** The nearest ancestor of {@code node} of type {@code type} (not {@code node} itself), or null. */
  public <T extends Node> T nearest(Node node, Class<T> type) {
    for (Node p = parents.get(node); p != null; p = parents.get(p)) {
      if (type.isInstance(p)) {
        return type.cast(p);
      }
    }
    return null;
  }

  /** The statement that contains {@code node}, or {@code node} itself when it is one; null for the module. */
  public Stmt enclosingStatement(Node node) {
    if (node instanceof Stmt s) {
      return s;
    }
    return nearest(node, Stmt.class);
  }
}
