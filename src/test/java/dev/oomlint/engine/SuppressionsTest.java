package dev.oomlint.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomlint.ast.Expr;
import dev.oomlint.ast.LineIndex;
import dev.oomlint.ast.Mod.Comment;
import dev.oomlint.ast.Mod.Module;
import dev.oomlint.ast.Operators.ExprContext;
import dev.oomlint.ast.SourceFile;
import dev.oomlint.ast.SourceRange;
import dev.oomlint.ast.Stmt;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.parser.ParseOutcome;
import dev.oomlint.parser.PythonFrontEnd;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SuppressionsTest {
  /** Suppressions of {@code text} (parsed by the mini parser) and a diagnostic on the n-th "leak". */
  private static boolean silenced(String text, String code, int nth) {
    SourceFile f = new SourceFile("t.py", text);
    Module m = ((ParseOutcome.Parsed) PythonFrontEnd.parse(f)).module();
    int at = -1;
    for (int i = 0; i <= nth; i++) {
      at = text.indexOf("leak", at + 1);
    }
    return Suppressions.of(m, f.lines()).suppressed(new Diagnostic(code, "m", new SourceRange(at, at + 4)));
  }

  @Test
  void bareNoqaSilencesEverythingOnItsLine() {
    assertTrue(silenced("x = leak()  # noqa\n", "OOM001", 0));
    assertTrue(silenced("x = leak()  #noqa\n", "OOM002", 0));
    assertTrue(silenced("x = leak()  # NOQA\n", "OOM002", 0));
    assertFalse(silenced("x = leak()\ny = leak()  # noqa\n", "OOM001", 0));
    assertTrue(silenced("x = leak()\ny = leak()  # noqa\n", "OOM001", 1));
  }

  @Test
  void noqaWithCodes() {
    assertTrue(silenced("leak()  # noqa: OOM001\n", "OOM001", 0));
    assertFalse(silenced("leak()  # noqa: OOM001\n", "OOM002", 0));
    assertTrue(silenced("leak()  # noqa: OOM002, OOM001\n", "OOM001", 0));
    assertTrue(silenced("leak()  # noqa:OOM002 OOM001 because reasons\n", "OOM001", 0));
    assertTrue(silenced("leak()  # type: ignore # noqa: OOM001\n", "OOM001", 0));
    assertFalse(silenced("leak()  # noqa: OOM0011\n", "OOM001", 0));
    assertFalse(silenced("leak()  # noqanything\n", "OOM001", 0));
  }

  @Test
  void multiLineStatementFirstOrLastLine() {
    String first = "x = f(  # noqa: OOM001\n  1,\n  leak(),\n)\n";
    String last = "x = f(\n  1,\n  leak(),\n)  # noqa: OOM001\n";
    String middle = "x = f(\n  1,  # noqa: OOM001\n  leak(),\n)\n";
    assertTrue(silenced(first, "OOM001", 0));
    assertTrue(silenced(last, "OOM001", 0));
    assertFalse(silenced(middle, "OOM001", 0));
  }

  @Test
  void fileLevel() {
    assertTrue(silenced("# oomlint: noqa\nleak()\n", "OOM001", 0));
    assertTrue(silenced("leak()\n# oomlint: noqa: OOM001\n", "OOM001", 0));
    assertFalse(silenced("leak()\n# oomlint: noqa: OOM001\n", "OOM002", 0));
    assertTrue(silenced("leak()\n#oomlint:noqa:OOM002,OOM001\n", "OOM001", 0));
    // a file-level directive is not a line noqa for its own line
    assertFalse(silenced("leak()  # flake8: noqa\n", "OOM001", 0));
  }

  @Test
  void compoundStatementHeadersWithTheRealParser() {
    String forHeader = "for x in f(\n    leak(),\n):  # noqa: OOM001\n    pass\n";
    assertTrue(silenced(forHeader, "OOM001", 0));
    String body = "with f():  # noqa: OOM001\n    leak()\n";
    assertFalse(silenced(body, "OOM001", 0), "a body statement is not part of its block's header");
    String nested = "def g():\n    if True:\n        y = [\n            leak(),\n        ]  # noqa\n";
    assertTrue(silenced(nested, "OOM001", 0));
    String handler = "try:\n    pass\nexcept f(\n    leak()):  # noqa: OOM001\n    pass\n";
    assertTrue(silenced(handler, "OOM001", 0));
    String matchCase = "match x:\n    case 1 if leak(\n        ):  # noqa: OOM001\n        pass\n";
    assertTrue(silenced(matchCase, "OOM001", 0));
  }

  /** Builds "if cond(\n  a,\n):\n  leak()\n" by hand: the header spans lines 1-3. */
  @Test
  void compoundStatementHeaderLines() {
    String text = "if cond(\n  a,\n):  # noqa\n    leak()\nelse:\n    pass\n";
    LineIndex li = new LineIndex(text);
    Expr.Name cond = new Expr.Name(range(text, "cond"), "cond", ExprContext.LOAD);
    Expr test = new Expr.Call(new SourceRange(3, text.indexOf(')') + 1), cond, List.of(), List.of());
    int leakAt = text.indexOf("leak");
    Stmt body = new Stmt.ExprStmt(new SourceRange(leakAt, leakAt + 6),
        new Expr.Call(new SourceRange(leakAt, leakAt + 6),
            new Expr.Name(new SourceRange(leakAt, leakAt + 4), "leak", ExprContext.LOAD), List.of(), List.of()));
    int passAt = text.indexOf("pass");
    Stmt orelse = new Stmt.Pass(new SourceRange(passAt, passAt + 4));
    Stmt ifs = new Stmt.If(new SourceRange(0, passAt + 4), test, List.of(body), List.of(orelse));
    Module m = new Module(new SourceRange(0, text.length()), List.of(ifs), comments(text));
    Suppressions s = Suppressions.of(m, li);
    assertArrayEquals(new int[] {1, 3}, s.statementLines(text.indexOf("a,")));
    assertArrayEquals(new int[] {4, 4}, s.statementLines(leakAt));
    assertArrayEquals(new int[] {6, 6}, s.statementLines(passAt));
    assertTrue(s.suppressed(new Diagnostic("OOM001", "m", range(text, "cond"))));
    assertFalse(s.suppressed(new Diagnostic("OOM001", "m", new SourceRange(leakAt, leakAt + 4))));
  }

  private static SourceRange range(String text, String what) {
    int at = text.indexOf(what);
    return new SourceRange(at, at + what.length());
  }

  private static List<Comment> comments(String text) {
    List<Comment> out = new ArrayList<>();
    Matcher m = Pattern.compile("#[^\n]*").matcher(text);
    while (m.find()) {
      out.add(new Comment(new SourceRange(m.start(), m.end()), m.group()));
    }
    return out;
  }

  @Test
  void noqaIsSpottedInAnyAsciiCaseOnly() {
    assertTrue(Suppressions.mentionsNoqa("# noqa"));
    assertTrue(Suppressions.mentionsNoqa("#NoQA: OOM101"));
    assertTrue(Suppressions.mentionsNoqa("# oomlint: NOQA"));
    assertTrue(Suppressions.mentionsNoqa("noqa"));
    assertFalse(Suppressions.mentionsNoqa("# noq"));
    assertFalse(Suppressions.mentionsNoqa("# no qa"));
    assertFalse(Suppressions.mentionsNoqa("# \uFF4E\uFF4F\uFF51\uFF41")); // fullwidth: not what (?i:noqa) matches
  }
}
