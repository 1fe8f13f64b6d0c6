package dev.oomlint.ast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomlint.ast.Operators.ExprContext;
import dev.oomlint.ast.Operators.Operator;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AstWalkerTest {
  private static SourceRange r(int s, int e) {
    return new SourceRange(s, e);
  }

  private static Expr.Name name(String id, int at) {
    return new Expr.Name(r(at, at + id.length()), id, ExprContext.LOAD);
  }

  // def f(a): return g(a, k=1)
  private static Mod.Module sample() {
    Support.Arg a = new Support.Arg(r(6, 7), "a", null);
    Support.Arguments args = new Support.Arguments(r(6, 7), List.of(), List.of(a), null, List.of(), List.of(), null,
        List.of());
    Expr.Call call = new Expr.Call(r(17, 26), name("g", 17), List.of(name("a", 19)),
        List.of(new Support.Keyword(r(22, 25), "k", new Expr.Constant(r(24, 25), new ConstValue.Int(BigInteger.ONE), null))));
    Stmt.FunctionDef f = new Stmt.FunctionDef(r(0, 26), "f", args, List.of(new Stmt.Return(r(10, 26), call)), List.of(),
        null, List.of(), false);
    return new Mod.Module(r(0, 27), List.of(f), List.of());
  }

  private static List<String> kinds(List<Node> nodes) {
    List<String> out = new ArrayList<>();
    for (Node n : nodes) {
      out.add(NodeKind.of(n).name());
    }
    return out;
  }

  private static List<Node> preOrder(Node root) {
    List<Node> out = new ArrayList<>();
    AstWalker.walk(root, out::add);
    return out;
  }

  @Test
  void preOrderWalkInFieldOrder() {
    assertEquals(List.of("MODULE", "FUNCTION_DEF", "ARGUMENTS", "ARG", "RETURN", "CALL", "NAME", "NAME", "KEYWORD",
        "CONSTANT"), kinds(preOrder(sample())));
  }

  @Test
  void childrenSkipAbsentOptionalFields() {
    Expr.Dict dict = new Expr.Dict(r(0, 10), new ArrayList<>(java.util.Arrays.asList(null, name("k", 5))),
        List.of(name("d", 3), name("v", 8)));
    assertEquals(List.of("k", "d", "v"), preOrder(dict).stream().skip(1)
        .map(n -> ((Expr.Name) n).id()).collect(java.util.stream.Collectors.toList()));
    Expr.Slice slice = new Expr.Slice(r(0, 3), null, name("u", 1), null);
    assertEquals(1, Nodes.children(slice).size());
  }

  @Test
  void descendVisitsInPreOrderAndSkipsTheChildrenItIsToldTo() {
    List<String> seen = new ArrayList<>();
    AstWalker.descend(sample(), n -> {
      seen.add(NodeKind.of(n).name());
      return !(n instanceof Expr.Call) && !(n instanceof Support.Arguments);
    });
    assertEquals(List.of("MODULE", "FUNCTION_DEF", "ARGUMENTS", "RETURN", "CALL"), seen);
    List<Node> all = new ArrayList<>();
    AstWalker.descend(sample(), n -> all.add(n));
    assertEquals(kinds(preOrder(sample())), kinds(all));
  }

  @Test
  void walkAllWalksEachRootInTurn() {
    Mod.Module m = sample();
    List<Node> all = new ArrayList<>();
    AstWalker.walkAll(List.of(m, m.body().get(0)), all::add);
    assertEquals(preOrder(m).size() + preOrder(m.body().get(0)).size(), all.size());
  }

  /** a + a + ... + a with 100,000 terms: a left-leaning chain as deep as the file is long. */
  @Test
  void deepChainsWalkWithoutRecursion() {
    Expr e = name("a", 0);
    int terms = 100_000;
    for (int i = 1; i < terms; i++) {
      e = new Expr.BinOp(r(0, 4 * i + 1), e, Operator.ADD, name("a", 4 * i));
    }
    Mod.Module m = new Mod.Module(r(0, 4 * terms), List.of(new Stmt.ExprStmt(r(0, 4 * terms - 3), e)), List.of());
    int[] names = new int[1];
    AstWalker.walk(m, n -> {
      if (n instanceof Expr.Name) {
        names[0]++;
      }
    });
    assertEquals(terms, names[0]);
    int[] visited = new int[1];
    AstWalker.descend(m, n -> {
      visited[0]++;
      return true;
    });
    assertEquals(2 * terms + 1, visited[0]);
    assertEquals(2 * terms + 1, preOrder(m).size());
  }

  /** Every record class of the sealed AST has its NodeKind, and the kinds are all distinct. */
  @Test
  void nodeKindCoversEveryRecord() {
    Set<Class<?>> records = new HashSet<>();
    List<Class<?>> todo = new ArrayList<>(List.of(Node.class));
    while (!todo.isEmpty()) {
      Class<?> c = todo.remove(todo.size() - 1);
      if (c.isRecord()) {
        records.add(c);
      } else if (c.isSealed()) {
        todo.addAll(List.of(c.getPermittedSubclasses()));
      }
    }
    Set<Class<?>> kinds = new HashSet<>();
    for (NodeKind k : NodeKind.values()) {
      kinds.add(k.type);
    }
    assertEquals(records, kinds);
  }

  /** On the corpus (as CPython parses it), each node is a child of the node the walk reached it from. */
  @Test
  void walkAndChildrenAgreeOnTheCorpus() {
    int checked = 0;
    for (Path file : SyntaxCorpus.files()) {
      SyntaxCorpus.CpythonResult res = SyntaxCorpus.cpython().get(file);
      if (!res.parsed()) {
        continue;
      }
      Mod.Module m = CpythonTree.module(res.json(), SyntaxCorpus.text(file));
      List<Node> all = preOrder(m);
      java.util.Map<Node, Node> parents = new java.util.IdentityHashMap<>();
      for (Node n : all) {
        for (Node c : Nodes.children(n)) {
          assertNull(parents.put(c, n), file.toString());
        }
      }
      assertEquals(all.size() - 1, parents.size(), file.toString());
      int[] visits = new int[1];
      AstWalker.descend(m, n -> {
        visits[0]++;
        return true;
      });
      assertEquals(all.size(), visits[0]);
      checked++;
    }
    assertTrue(checked > 100);
  }
}
