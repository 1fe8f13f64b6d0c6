package dev.oomlint.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oomlint.ast.SourceRange;
import dev.oomlint.diagnostics.Applicability;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.diagnostics.Edit;
import dev.oomlint.diagnostics.Fix;
import dev.oomlint.engine.FixMode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FixerTest {
  private static Diagnostic d(String code, Fix fix) {
    return new Diagnostic(code, "m", fix.edits().get(0).range(), fix);
  }

  private static Edit rep(int s, int e, String t) {
    return Edit.replace(new SourceRange(s, e), t);
  }

  private static final FixMode SAFE = new FixMode(true, false, false);
  private static final FixMode UNSAFE = new FixMode(true, true, false);

  @Test
  void appliesNonOverlappingFixesInOrder() {
    String text = "aaa bbb ccc";
    Fixer.Round r = Fixer.apply(text, List.of(
        d("OOM2", Fix.safe("c", rep(8, 11, "C"))),
        d("OOM1", Fix.safe("a", rep(0, 3, "A")))), SAFE::applicable);
    assertEquals("A bbb C", r.text());
    assertEquals(2, r.fixed());
    assertEquals(Set.of("OOM1", "OOM2"), r.codes());
  }

  @Test
  void overlappingFixesWaitForTheNextRound() {
    String text = "abcdef";
    Fixer.Round r = Fixer.apply(text, List.of(
        d("OOM1", Fix.safe("1", rep(0, 3, "X"))),
        d("OOM2", Fix.safe("2", rep(2, 4, "Y"))),
        d("OOM3", Fix.safe("3", rep(3, 3, "Z")))), SAFE::applicable);
    assertEquals("XZdef", r.text(), "an insertion right after a replacement does not overlap it");
    assertEquals(2, r.fixed());
  }

  @Test
  void twoInsertionsAtOnePointTakeTwoRounds() {
    Fixer.Round r = Fixer.apply("ab", List.of(
        d("OOM1", Fix.safe("1", Edit.insert(1, "X"))),
        d("OOM2", Fix.safe("2", Edit.insert(1, "Y")))), SAFE::applicable);
    assertEquals("aXb", r.text());
    assertEquals(1, r.fixed());
  }

  @Test
  void multiEditFixIsAllOrNothing() {
    String text = "f(x)";
    Fixer.Round r = Fixer.apply(text, List.of(
        d("OOM1", Fix.safe("wrap", Edit.insert(4, ")"), Edit.insert(0, "g(")))), SAFE::applicable);
    assertEquals("g(f(x))", r.text());
    Fixer.Round blocked = Fixer.apply(text, List.of(
        d("OOM1", Fix.safe("first", rep(2, 3, "y"))),
        d("OOM2", Fix.safe("wrap", Edit.insert(0, "g("), Edit.insert(4, ")")))), SAFE::applicable);
    assertEquals("g(f(x))", blocked.text(), "the wrap starts first, so it wins; the inner edit waits");
  }

  @Test
  void identicalFixesFromTwoFindingsApplyOnceAndCountTwice() {
    Fix f = Fix.safe("t", rep(0, 1, "b"));
    Fixer.Round r = Fixer.apply("a", List.of(d("OOM1", f), d("OOM2", f)), SAFE::applicable);
    assertEquals("b", r.text());
    assertEquals(2, r.fixed());
  }

  @Test
  void applicability() {
    List<Diagnostic> ds = List.of(
        d("OOM1", Fix.safe("s", rep(0, 1, "S"))),
        d("OOM2", Fix.unsafe("u", rep(1, 2, "U"))),
        d("OOM3", new Fix("d", Applicability.DISPLAY_ONLY, List.of(rep(2, 3, "D")))));
    assertEquals("Sbc", Fixer.apply("abc", ds, SAFE::applicable).text());
    assertEquals("SUc", Fixer.apply("abc", ds, UNSAFE::applicable).text());
  }

  @Test
  void fixesOutsideTheTextAreIgnored() {
    Fixer.Round r = Fixer.apply("ab", List.of(d("OOM1", Fix.safe("x", rep(1, 5, "X")))), SAFE::applicable);
    assertEquals("ab", r.text());
    assertEquals(0, r.fixed());
  }

  @Test
  void insertedNewlinesFollowTheFile() {
    Fix f = Fix.safe("t", rep(0, 1, "x\ny\r\nz"));
    assertEquals("x\r\ny\r\nz\r\nb\r\n", Fixer.apply("a\r\nb\r\n", List.of(d("OOM1", f)), SAFE::applicable).text());
    assertEquals("x\ny\nz\nb\n", Fixer.apply("a\nb\n", List.of(d("OOM1", f)), SAFE::applicable).text());
    assertEquals("x\ry\rz\rb", Fixer.apply("a\rb", List.of(d("OOM1", f)), SAFE::applicable).text());
    assertEquals("\r\n", LineEndings.detect("a\r\nb\n"));
    assertEquals("\n", LineEndings.detect("no newline"));
  }
}
