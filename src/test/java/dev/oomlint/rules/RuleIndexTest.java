package dev.oomlint.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomlint.rules.checks.RuleRegistry;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The build's rule index must say exactly what the {@code @RuleInfo} annotations say. */
class RuleIndexTest {
  @Test
  void theBuildWroteTheIndex() {
    assertTrue(RuleIndex.present(), "target/classes/dev/oomlint/rules/RuleIndexData.class is the placeholder:"
        + " Maven's process-classes phase (exec-maven-plugin) makes the real one");
  }

  @Test
  void everyBuiltInRuleIsReadFromTheIndexAndEqualsItsAnnotation() {
    for (Rule r : RuleRegistry.all()) {
      RuleInfo annotation = r.getClass().getAnnotation(RuleInfo.class);
      RuleInfo info = r.info();
      assertNotNull(RuleIndex.lookup(r.getClass()), r.getClass().getName());
      assertFalse(Proxy.isProxyClass(info.getClass()), "read reflectively: " + r.getClass().getName());
      assertEquals(annotation.code(), info.code());
      assertEquals(annotation.name(), info.name());
      assertEquals(annotation.summary(), info.summary());
      assertEquals(annotation.level(), info.level());
      assertEquals(annotation.fix(), info.fix());
      assertEquals(annotation.precision(), info.precision());
      assertArrayEquals(annotation.tags(), info.tags());
      assertSame(RuleInfo.class, info.annotationType());
      // the Annotation contract, both ways
      assertEquals(annotation, info);
      assertEquals(info, annotation);
      assertEquals(annotation.hashCode(), info.hashCode());
    }
  }

  @Test
  void theIndexListsTheRegistryInOrderAndNothingElse() throws Exception {
    StringWriter w = new StringWriter();
    RuleIndex.write(RuleRegistry.all(), w);
    String expected = w.toString();
    assertEquals(expected, new String(dev.oomlint.build.EmbeddedData.bytes(RuleIndexData.data()),
        java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void linesThatAreNotTheIndexsAreIgnored() {
    assertTrue(RuleIndex.parse("a\tb\n").isEmpty());
    assertTrue(RuleIndex.parse("x\tOOM1\tn\ts\tLOUD\tNONE\thigh\tmemory\t\ttrue\n").isEmpty());
    assertTrue(RuleIndex.parse("x\tOOM1\tn\ts\tNOTE\tSAFE\thigh\t\t\n").isEmpty()); // a field short
    assertTrue(RuleIndex.parse("x\tOOM1\tn\ts\tNOTE\tSAFE\thigh\t\t\tmaybe\n").isEmpty());
    assertEquals(1, RuleIndex.parse("x\tOOM1\tn\ts\tNOTE\tSAFE\thigh\t\t\ttrue\n").size());
    assertEquals(List.of("zero_grad", "backward|autograd"),
        List.of(RuleIndex.parse("x\tOOM1\tn\ts\tNOTE\tSAFE\thigh\t\tzero_grad,backward|autograd\ttrue\n").get("x").mentions()));
    assertFalse(RuleIndex.parse("x\tOOM1\tn\ts\tNOTE\tSAFE\thigh\t\t\tfalse\n").get("x").enabledByDefault());
  }

  @RuleInfo(code = "TEST1", name = "not-indexed", summary = "A rule the index does not list.")
  static final class NotIndexed implements Rule {
    @Override
    public void check(RuleContext context) {}
  }

  @RuleInfo(code = "TEST2", name = "bad", summary = "a\ttab")
  static final class Tabbed implements Rule {
    @Override
    public void check(RuleContext context) {}
  }

  @Test
  void aRuleMissingFromTheIndexIsReadFromItsAnnotation() {
    RuleInfo info = new NotIndexed().info();
    assertEquals("TEST1", info.code());
    assertTrue(Proxy.isProxyClass(info.getClass()));
  }

  @Test
  void theWriterRefusesValuesThatWouldBreakTheFormat() {
    assertThrows(IllegalArgumentException.class, () -> RuleIndex.write(List.of(new Tabbed()), new StringWriter()));
  }
}
