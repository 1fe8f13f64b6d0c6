package dev.oomlint.semantic;

import dev.oomlint.ast.Node;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A Python scope (module, class, function, lambda or comprehension) and the names bound in it. */
public final class Scope {
  /** The kinds of scope Python has. */
  public enum Kind { MODULE, CLASS, FUNCTION, LAMBDA, COMPREHENSION }

  private final Kind kind;
  private final Node node;
  private final Scope parent;
  private final Map<String, List<Binding>> bindings = new LinkedHashMap<>();
  /** By effective offset (a class: {@code Comparator.comparingInt}'s lambda would be made at every start). */
  private static final java.util.Comparator<Binding> BY_EFFECTIVE = new java.util.Comparator<>() {
    @Override
    public int compare(Binding a, Binding b) {
      return Integer.compare(a.effective(), b.effective());
    }
  };
  /** Names declared {@code global} / {@code nonlocal} here; null until the first declaration. */
  private Set<String> globals;
  private Set<String> nonlocals;

  Scope(Kind kind, Node node, Scope parent) {
    this.kind = kind;
    this.node = node;
    this.parent = parent;
  }

  public Kind kind() {
    return kind;
  }

  /** The module, class, function, lambda or comprehension node that opens this scope. */
  public Node node() {
    return node;
  }

  /** The enclosing scope; null for the module scope. */
  public Scope parent() {
    return parent;
  }

  /** Bindings of {@code name} in this scope, in source order; empty when the name is not bound here. */
  public List<Binding> bindings(String name) {
    List<Binding> b = bindings.get(name);
    return b == null ? List.of() : Collections.unmodifiableList(b);
  }

  /** The internal list of bindings of {@code name} (null when none): for readers that never change or leak it. */
  List<Binding> rawBindings(String name) {
    return bindings.get(name);
  }

  /** Every bound name with its bindings, in order of first binding. */
  public Map<String, List<Binding>> allBindings() {
    return Collections.unmodifiableMap(bindings);
  }

  public boolean isGlobalDeclared(String name) {
    return globals != null && globals.contains(name);
  }

  public boolean isNonlocalDeclared(String name) {
    return nonlocals != null && nonlocals.contains(name);
  }

  void add(Binding b) {
    bindings.computeIfAbsent(b.name(), k -> new ArrayList<>()).add(b);
  }

  void sortBindings() {
    for (List<Binding> b : bindings.values()) {
      if (b.size() > 1) {
        b.sort(BY_EFFECTIVE);
      }
    }
  }

  void declareGlobal(String name) {
    if (globals == null) {
      globals = new HashSet<>();
    }
    globals.add(name);
  }

  void declareNonlocal(String name) {
    if (nonlocals == null) {
      nonlocals = new HashSet<>();
    }
    nonlocals.add(name);
  }

  @Override
  public String toString() {
    return kind + "@" + node.range().start();
  }
}
