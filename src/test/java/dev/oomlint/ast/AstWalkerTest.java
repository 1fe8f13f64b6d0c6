package dev.oomlint.ast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
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

  @Test
  void preOrderWalkInFieldOrder() {
    assertEquals(List.of("MODULE", "FUNCTION_DEF", "ARGUMENTS", "ARG", "RETURN", "CALL", "NAME", "NAME", "KEYWORD",
        "CONSTANT"), kinds(AstWalker.preOrder(sample())));
  }

  @Test
  void findAllOfAType() {
    List<Expr.Name> names = AstWalker.findAll(sample(), Expr.Name.class);
    assertEquals(List.of("g", "a"), names.stream().map(Expr.Name::id).collect(java.util.stream.Collectors.toList()));
    assertEquals(1, AstWalker.findAll(sample(), Stmt.class).stream().filter(s -> s instanceof Stmt.Return).count());
    List<String> calls = new ArrayList<>();
    AstWalker.forEach(sample(), Expr.Call.class, c -> calls.add(((Expr.Name) c.func()).id()));
    assertEquals(List.of("g"), calls);
  }

  @Test
  void childrenSkipAbsentOptionalFields() {
    Expr.Dict dict = new Expr.Dict(r(0, 10), new ArrayList<>(java.util.Arrays.asList(null, name("k", 5))),
        List.of(name("d", 3), name("v", 8)));
    assertEquals(List.of("k", "d", "v"), AstWalker.preOrder(dict).stream().skip(1)
        .map(n -> ((Expr.Name) n).id()).collect(java.util.stream.Collectors.toList()));
    Expr.Slice slice = new Expr.Slice(r(0, 3), null, name("u", 1), null);
    assertEquals(1, Nodes.children(slice).size());
  }

  @Test
  void visitorSeesEachKindAndCanSkipChildren() {
    List<String> seen = new ArrayList<>();
    List<String> left = new ArrayList<>();
    AstWalker.walk(sample(), new AstVisitor() {
      @Override
      public boolean visitCall(Expr.Call call) {
        seen.add("call:" + ((Expr.Name) call.func()).id());
        return false;
      }

      @Override
      public boolean visitName(Expr.Name n) {
        seen.add("name:" + n.id());
        return true;
      }

      @Override
      public boolean visitArg(Support.Arg arg) {
        seen.add("arg:" + arg.arg());
        return true;
      }

      @Override
      public void leave(Node node) {
        left.add(NodeKind.of(node).name());
      }
    });
    assertEquals(List.of("arg:a", "call:g"), seen);
    assertEquals(List.of("ARG", "ARGUMENTS", "CALL", "RETURN", "FUNCTION_DEF", "MODULE"), left);
  }

  @Test
  void visitNodeIsTheFallbackOfEveryKind() {
    List<Node> visited = new ArrayList<>();
    AstWalker.walk(sample(), new AstVisitor() {
      @Override
      public boolean visitNode(Node node) {
        visited.add(node);
        return true;
      }
    });
    assertEquals(AstWalker.preOrder(sample()).size(), visited.size());
  }

  @Test
  void parentMap() {
    Mod.Module m = sample();
    ParentMap parents = ParentMap.of(m);
    Stmt.FunctionDef f = (Stmt.FunctionDef) m.body().get(0);
    Stmt.Return ret = (Stmt.Return) f.body().get(0);
    Expr.Call call = (Expr.Call) ret.value();
    Expr.Name arg = (Expr.Name) call.args().get(0);
    assertSame(call, parents.parent(arg));
    assertSame(ret, parents.enclosingStatement(arg));
    assertSame(f, parents.nearest(arg, Stmt.FunctionDef.class));
    assertEquals(List.of(call, ret, f, m), parents.ancestors(arg));
    assertNull(parents.parent(m));
    assertTrue(parents.contains(arg));
    assertTrue(!parents.contains(name("zzz", 0)));
  }

  @Test
  void equalLookingNodesKeepTheirOwnParents() {
    Expr.Name x1 = name("x", 0);
    Expr.Name x2 = name("x", 0);
    Expr.Tuple t1 = new Expr.Tuple(r(0, 1), List.of(x1), ExprContext.LOAD);
    Expr.Tuple t2 = new Expr.Tuple(r(0, 1), List.of(x2), ExprContext.LOAD);
    Expr.ListExpr list = new Expr.ListExpr(r(0, 1), List.of(t1, t2), ExprContext.LOAD);
    ParentMap parents = ParentMap.of(list);
    assertSame(t1, parents.parent(x1));
    assertSame(t2, parents.parent(x2));
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
    int[] leaves = new int[1];
    AstWalker.walk(m, new AstVisitor() {
      @Override
      public boolean visitName(Expr.Name n) {
        leaves[0]++;
        return true;
      }
    });
    assertEquals(terms, leaves[0]);
    assertEquals(2 * terms + 1, AstWalker.preOrder(m).size());
    Expr deepest = ((Expr.BinOp) ((Stmt.ExprStmt) m.body().get(0)).value());
    while (deepest instanceof Expr.BinOp b) {
      deepest = b.left();
    }
    assertEquals(terms, ParentMap.of(m).ancestors(deepest).size() - 1);
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

  /** On the corpus (as CPython parses it), children and parents agree with a pre-order walk. */
  @Test
  void walkerAndParentsAgreeOnTheCorpus() {
    int checked = 0;
    for (Path file : SyntaxCorpus.files()) {
      SyntaxCorpus.CpythonResult res = SyntaxCorpus.cpython().get(file);
      if (!res.parsed()) {
        continue;
      }
      Mod.Module m = CpythonTree.module(res.json(), SyntaxCorpus.text(file));
      List<Node> all = AstWalker.preOrder(m);
      ParentMap parents = ParentMap.of(m);
      for (Node n : all) {
        if (n != m) {
          assertTrue(Nodes.children(parents.parent(n)).stream().anyMatch(c -> c == n), file.toString());
        }
      }
      int[] visits = new int[1];
      AstWalker.walk(m, new AstVisitor() {
        @Override
        public boolean visitNode(Node node) {
          visits[0]++;
          return true;
        }
      });
      assertEquals(all.size(), visits[0]);
      checked++;
    }
    assertTrue(checked > 100);
  }
}
