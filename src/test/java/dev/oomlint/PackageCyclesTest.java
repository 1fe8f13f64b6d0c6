package dev.oomlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * No two {@code dev.oomlint} packages depend on each other, directly or through others: the package
 * graph of the compiled main classes, as the JDK's {@code jdeps} sees it, has no strongly connected
 * component of more than one package. Every package counts as its own ({@code parser.antlr} is not
 * part of {@code parser}).
 */
class PackageCyclesTest {
  @Test
  void noCycleBetweenPackages() throws Exception {
    Path classes = Path.of(Version.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Map<String, Set<String>> graph = packageGraph(classes);
    assertTrue(graph.containsKey("dev.oomlint.engine") && graph.containsKey("dev.oomlint.cli"),
        "jdeps found the packages: " + graph.keySet());
    List<Set<String>> cycles = cycles(graph);
    assertEquals(List.of(), cycles, "package cycles (each a set of packages that reach each other)");
  }

  @Test
  void findsCycles() {
    Map<String, Set<String>> g = new TreeMap<>();
    g.put("a", Set.of("b"));
    g.put("b", Set.of("c", "d"));
    g.put("c", Set.of("a"));
    g.put("d", Set.of("e"));
    g.put("e", Set.of("d"));
    g.put("f", Set.of("a"));
    assertEquals(List.of(Set.of("a", "b", "c"), Set.of("d", "e")), cycles(g));
    assertEquals(List.of(), cycles(Map.of("x", Set.of("y"), "y", Set.of("z"))));
  }

  @Test
  void parsesJdepsOutput() {
    String out = """
        classes -> java.base
           dev.oomlint.cli                                    -> dev.oomlint.engine                                 classes
           dev.oomlint.cli                                    -> java.util                                          java.base
           dev.oomlint.engine                                 -> dev.oomlint.cli                                    classes
           dev.oomlint.parser                                 -> dev.oomlint.parser.antlr                           classes
        """;
    Map<String, Set<String>> g = parse(out);
    assertEquals(Set.of("dev.oomlint.engine"), g.get("dev.oomlint.cli"));
    assertEquals(List.of(Set.of("dev.oomlint.cli", "dev.oomlint.engine")), cycles(g));
  }

  /** Package → the {@code dev.oomlint} packages it uses, from {@code jdeps -verbose:package}. */
  static Map<String, Set<String>> packageGraph(Path classes) {
    Optional<ToolProvider> jdeps = ToolProvider.findFirst("jdeps");
    assertTrue(jdeps.isPresent(), "the JDK's jdeps tool is needed (run the tests on a JDK)");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int rc = jdeps.get().run(new PrintWriter(out), new PrintWriter(err),
        "-verbose:package", "-e", "dev\\.oomlint(\\..*)?", classes.toString());
    assertEquals(0, rc, "jdeps failed: " + err);
    return parse(out.toString());
  }

  static Map<String, Set<String>> parse(String jdepsOutput) {
    Map<String, Set<String>> graph = new TreeMap<>();
    for (String line : jdepsOutput.split("\n")) {
      String[] t = line.trim().split("\\s+");
      if (t.length >= 3 && t[1].equals("->") && isOurs(t[0])) {
        Set<String> uses = graph.computeIfAbsent(t[0], k -> new TreeSet<>());
        if (isOurs(t[2]) && !t[2].equals(t[0])) {
          uses.add(t[2]);
          graph.computeIfAbsent(t[2], k -> new TreeSet<>());
        }
      }
    }
    return graph;
  }

  private static boolean isOurs(String pkg) {
    return pkg.equals("dev.oomlint") || pkg.startsWith("dev.oomlint.");
  }

  /** The strongly connected components of more than one node (Tarjan), each sorted, in order of their first node. */
  static List<Set<String>> cycles(Map<String, Set<String>> graph) {
    Tarjan t = new Tarjan(graph);
    for (String v : new TreeSet<>(graph.keySet())) {
      if (!t.index.containsKey(v)) {
        t.visit(v);
      }
    }
    List<Set<String>> out = new ArrayList<>();
    for (Set<String> c : t.components) {
      if (c.size() > 1) {
        out.add(c);
      }
    }
    out.sort((a, b) -> a.iterator().next().compareTo(b.iterator().next()));
    return out;
  }

  private static final class Tarjan {
    final Map<String, Set<String>> graph;
    final Map<String, Integer> index = new HashMap<>();
    final Map<String, Integer> low = new HashMap<>();
    final Deque<String> stack = new ArrayDeque<>();
    final Set<String> onStack = new TreeSet<>();
    final List<Set<String>> components = new ArrayList<>();

    Tarjan(Map<String, Set<String>> graph) {
      this.graph = graph;
    }

    void visit(String v) {
      index.put(v, index.size());
      low.put(v, index.get(v));
      stack.push(v);
      onStack.add(v);
      for (String w : graph.getOrDefault(v, Set.of())) {
        if (!index.containsKey(w)) {
          visit(w);
          low.put(v, Math.min(low.get(v), low.get(w)));
        } else if (onStack.contains(w)) {
          low.put(v, Math.min(low.get(v), index.get(w)));
        }
      }
      if (low.get(v).equals(index.get(v))) {
        Set<String> c = new TreeSet<>();
        String w;
        do {
          w = stack.pop();
          onStack.remove(w);
          c.add(w);
        } while (!w.equals(v));
        components.add(c);
      }
    }
  }
}
