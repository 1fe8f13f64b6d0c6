package dev.oomlint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.oomlint.rules.Rule;
import dev.oomlint.rules.RuleContext;
import dev.oomlint.rules.RuleInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleSelectionTest {
  @RuleInfo(code = "OOM101", name = "a", summary = "a")
  static final class R101 implements Rule {
    public void check(RuleContext c) {}
  }

  @RuleInfo(code = "OOM102", name = "b", summary = "b")
  static final class R102 implements Rule {
    public void check(RuleContext c) {}
  }

  @RuleInfo(code = "OOM201", name = "c", summary = "c")
  static final class R201 implements Rule {
    public void check(RuleContext c) {}
  }

  @RuleInfo(code = "OOM601", name = "d", summary = "d", enabledByDefault = false)
  static final class R601 implements Rule {
    public void check(RuleContext c) {}
  }

  private static final List<Rule> ALL = List.of(new R101(), new R102(), new R201());
  private static final List<Rule> WITH_OPT_IN = List.of(new R101(), new R601());

  private static List<String> optIn(RuleSelection.Layer... layers) {
    return RuleSelection.resolve(WITH_OPT_IN, List.of(layers)).stream().map(r -> r.info().code()).toList();
  }

  @Test
  void anOptInRuleRunsOnlyWhenASelectorMatchesIt() {
    assertEquals(List.of("OOM101"), optIn());
    assertEquals(List.of("OOM101"), optIn(layer(null, null, null)));
    assertEquals(List.of("OOM101"), optIn(layer(null, null, List.of("OOM601"))));
    assertEquals(List.of("OOM101", "OOM601"), optIn(layer(null, List.of("OOM601"), null)));
    assertEquals(List.of("OOM101", "OOM601"), optIn(layer(null, List.of("OOM6"), null)));
    assertEquals(List.of("OOM601"), optIn(layer(List.of("OOM601"), null, null)));
    assertEquals(List.of("OOM101", "OOM601"), optIn(layer(List.of("ALL"), null, null)));
    assertEquals(List.of("OOM101", "OOM601"), optIn(layer(List.of("OOM"), null, null)));
    // selected in the configuration, kept by a command line that does not mention it, dropped by one that ignores it
    RuleSelection.Layer config = layer(null, List.of("OOM601"), null);
    assertEquals(List.of("OOM101", "OOM601"), optIn(config, layer(null, null, null)));
    assertEquals(List.of("OOM101"), optIn(config, layer(null, null, List.of("OOM6"))));
  }

  private static List<String> codes(RuleSelection.Layer... layers) {
    return RuleSelection.resolve(ALL, List.of(layers)).stream().map(r -> r.info().code()).toList();
  }

  private static RuleSelection.Layer layer(List<String> select, List<String> extend, List<String> ignore) {
    return new RuleSelection.Layer(select, extend, ignore);
  }

  @Test
  void everythingByDefault() {
    assertEquals(List.of("OOM101", "OOM102", "OOM201"), codes());
    assertEquals(List.of("OOM101", "OOM102", "OOM201"), codes(layer(null, null, null)));
  }

  @Test
  void selectByPrefixCodeAndAll() {
    assertEquals(List.of("OOM101", "OOM102"), codes(layer(List.of("OOM1"), null, null)));
    assertEquals(List.of("OOM201"), codes(layer(List.of("OOM201"), null, null)));
    assertEquals(List.of("OOM101", "OOM102", "OOM201"), codes(layer(List.of("ALL"), null, null)));
    assertEquals(List.of("OOM101", "OOM102", "OOM201"), codes(layer(List.of("OOM"), null, null)));
  }

  @Test
  void ignoreAndSpecificityWithinALayer() {
    assertEquals(List.of("OOM102", "OOM201"), codes(layer(null, null, List.of("OOM101"))));
    assertEquals(List.of("OOM102"), codes(layer(List.of("OOM1"), null, List.of("OOM101"))));
    // the more specific selector wins, whichever side it is on
    assertEquals(List.of("OOM101"), codes(layer(List.of("OOM101"), null, List.of("OOM1"))));
    // a tie goes to ignore
    assertEquals(List.of("OOM102"), codes(layer(List.of("OOM101", "OOM102"), null, List.of("OOM101"))));
  }

  @Test
  void laterLayersAdjustOrReplace() {
    RuleSelection.Layer config = layer(List.of("OOM1"), null, List.of("OOM102"));
    assertEquals(List.of("OOM101"), codes(config, layer(null, null, null)));
    assertEquals(List.of("OOM101", "OOM201"), codes(config, layer(null, List.of("OOM201"), null)));
    assertEquals(List.of("OOM102", "OOM201"), codes(config, layer(List.of("OOM102", "OOM2"), null, null)));
    assertEquals(List.of(), codes(config, layer(null, null, List.of("OOM101"))));
  }

  @Test
  void unknownSelectors() {
    for (String bad : List.of("OOM9", "OOM1019", "XYZ", "", "oom101", "OOM10x")) {
      RuleSelection.UnknownSelectorException e = assertThrows(RuleSelection.UnknownSelectorException.class,
          () -> codes(layer(List.of(bad), null, null)), bad);
      assertEquals("unknown rule selector '" + bad + "'", e.getMessage());
    }
    assertThrows(RuleSelection.UnknownSelectorException.class,
        () -> codes(layer(null, null, List.of("OOM9"))));
    assertThrows(RuleSelection.UnknownSelectorException.class,
        () -> codes(layer(null, List.of("OOM9"), null)));
  }
}
