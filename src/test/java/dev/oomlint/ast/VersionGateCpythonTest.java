package dev.oomlint.ast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomlint.parser.ParseOutcome;
import dev.oomlint.parser.PythonFrontEnd;
import dev.oomlint.parser.PythonVersion;
import dev.oomlint.parser.VersionGate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Target versions against the local CPython: with the target set to python3's own version, oomlint
 * accepts exactly the snippets {@code ast.parse} accepts. With python3 3.11 (as on the build machine)
 * this is the PEP 701 f-string boundary; other interpreters check their own boundary.
 */
class VersionGateCpythonTest {

  private static List<String> corpus() {
    List<String> out = new ArrayList<>(List.of(
        "type X = int\n", "type = 1\nprint(type)\n", "def f[T](x: T) -> T: pass\n", "class C[T]: pass\n",
        "def f[T = int](): pass\n", "match x:\n    case [1, *r]: pass\n", "match = 1\nmatch(x)\n",
        "try:\n    pass\nexcept* E:\n    pass\n", "with (open(a) as f, open(b) as g): pass\n",
        "with (a, b): pass\n", "with (a) as b: pass\n", "if (n := 1): pass\n", "def f(a, /, b): pass\n",
        "f'{x=}'\n", "f'{x = !r:>10}'\n", "f'\\N{EM DASH}{x}'\n", "rf'\\{x}'\n", "f'{{}}{x}'\n",
        "('a' f'{x}'\n  # c\n  f\"{y}\")\n", "f'{(lambda x: 1)}'\n", "f'{lambda x: 1}'\n",
        "f'{x:{y}{z}!r}'\n", "f'{x!r:{y}}'\n", "f'{x! r}'\n", "f'{x !r}'\n",
        "f'{a:{b}}'\n", "f'{a:{b:{c}}}'\n", "f'{*a}'\n", "f'{*a,}'\n", "f'{*a, b}'\n", "f'{yield}'\n",
        "f'{x:\\n}'\n", "f'''{x # c\n}'''\n", "f'''{x\n+1}'''\n", "f\"{'\\n'}\"\n", "f'{\"\\\\\"}'\n",
        "f'{a[\"x\"]}'\n", "f\"{f'{x}'}\"\n", "f\"{f\"{x}\"}\"\n", "f'''{\"'''\"}'''\n", "f'''{\"'\"}'''\n",
        "f'{x!r }'\n", "f'{x!r:}'\n", "f'{ x }'\n", "f'{x}' f'{y!a}' 'z'\n", "f'''{\n  x\n}'''\n",
        "f\"{x:{'a'}}\"\n", "f\"{x:{\"a\"}}\"\n", "f'{{x}}{y:{{}}>3}'\n", "f'{\"a\" if x else \"b\"}'\n",
        "x = {'a': f'{d[\"k\"]}'}\n", "f'{x:\\\\}'\n", "f'{x}\\\\'\n", "f'{x:{y!r}}'\n"));
    // every quote around a handful of replacement fields
    String[] quotes = {"'", "\"", "'''", "\"\"\""};
    String[] fields = {"x", "'a'", "\"a\"", "'''a'''", "\"\"\"a\"\"\"", "x!r", "x!r ", "x = ", "x:>{w}",
        "x:{a:{b}}", "x:{a:{b:{c}}}", "*a", "a,", "a # c\n", "a\n+b", "'\\n'", "f'{y}'", "f\"{y}\"",
        "f'''{y}'''", "{'a': 1}['a']", "x!s:{y}"};
    for (String q : quotes) {
      for (String field : fields) {
        out.add("f" + q + "{" + field + "}" + q + "\n");
        out.add("rf" + q + "a{" + field + "}b" + q + "\n");
      }
    }
    // and random replacement fields (3,000 of these against CPython 3.11 found no disagreement)
    String[] atoms = {"x", "a.b", "d['k']", "d[\"k\"]", "'s'", "\"s\"", "f'{y}'", "f\"{y}\"", "f'''{y}'''",
        "(1,2)", "[i for i in r]", "{'a':1}", "x if y else z", "(lambda q: q)", "*a", "*a, b", "yield x",
        "x # c\n", "x\n+ 1", "'\\t'", "\\\n x", "x:=1", "(x:=1)", "a!=b", "f'{y!r}'"};
    String[] tails = {"", "!r", "!a", "!r ", "=", "= ", "=!r", ":>10", ":{w}", ":{w:{v}}", ":{w:{v:{u}}}",
        ":{w!r}", ":\\n", "!r:{w}", " "};
    String[] prefixes = {"f", "rf", "F", "fR"};
    java.util.Random random = new java.util.Random(15);
    for (int i = 0; i < 400; i++) {
      String q = quotes[random.nextInt(quotes.length)];
      StringBuilder sb = new StringBuilder("x = (").append(random.nextInt(5) == 0 ? "'a' " : "")
          .append(prefixes[random.nextInt(prefixes.length)]).append(q);
      for (int j = random.nextInt(3); j >= 0; j--) {
        sb.append(random.nextBoolean() ? "lit " : "").append('{').append(atoms[random.nextInt(atoms.length)])
            .append(tails[random.nextInt(tails.length)]).append('}');
      }
      out.add(sb.append(q).append(")\n").toString());
    }
    return out;
  }

  @Test
  void theTargetAcceptsWhatThatCpythonAccepts() {
    int minor = Python3.minorVersion();
    PythonVersion target = PythonVersion.fromOption("py3" + Math.min(13, Math.max(8, minor)));
    List<String> sources = corpus();
    StringBuilder stdin = new StringBuilder();
    for (String s : sources) {
      stdin.append(PyRepr.str(s)).append('\n');
    }
    String script = "import ast, sys\n"
        + "for line in sys.stdin.read().splitlines():\n"
        + "    src = ast.literal_eval(line)\n"
        + "    try:\n"
        + "        ast.parse(src)\n"
        + "        print('ok')\n"
        + "    except SyntaxError:\n"
        + "        print('error')\n";
    String[] theirs = Python3.run(script, stdin.toString()).split("\n");
    assertEquals(sources.size(), theirs.length);
    List<String> disagreements = new ArrayList<>();
    int rejectedByTarget = 0;
    for (int i = 0; i < sources.size(); i++) {
      String src = sources.get(i);
      ParseOutcome newest = PythonFrontEnd.parse(src);
      ParseOutcome ours = VersionGate.apply(newest, src, target);
      if (newest instanceof ParseOutcome.Parsed && ours instanceof ParseOutcome.Failed) {
        rejectedByTarget++;
      }
      String verdict = ours instanceof ParseOutcome.Parsed ? "ok" : "error";
      if (!verdict.equals(theirs[i])) {
        disagreements.add(PyRepr.str(src) + ": python3." + minor + " " + theirs[i] + ", oomlint " + verdict
            + (ours instanceof ParseOutcome.Failed f ? " (" + f.error().message() + ")" : ""));
      }
    }
    assertEquals(List.of(), disagreements);
    if (minor <= 11) {
      assertTrue(rejectedByTarget > 20, "the target rejected only " + rejectedByTarget + " snippets");
    }
  }
}
