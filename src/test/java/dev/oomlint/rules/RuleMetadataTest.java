package dev.oomlint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomlint.rules.checks.RuleRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every registered rule's metadata holds together: codes and names are unique, each class is named
 * after its rule, and the README's rule table lists exactly the registered rules with their metadata.
 */
class RuleMetadataTest {
  /** {@code zero-grad-between-backward-and-step} as a class name: {@code ZeroGradBetweenBackwardAndStep}. */
  static String className(String ruleName) {
    StringBuilder sb = new StringBuilder();
    for (String part : ruleName.split("-")) {
      sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return sb.toString();
  }

  @Test
  void eachRuleClassIsNamedAfterItsRuleAndCodesAndNamesAreUnique() {
    Set<String> codes = new HashSet<>();
    Set<String> names = new HashSet<>();
    for (Rule r : RuleRegistry.all()) {
      RuleInfo i = r.info();
      assertTrue(codes.add(i.code()), "duplicate code " + i.code());
      assertTrue(names.add(i.name()), "duplicate name " + i.name());
      assertTrue(i.name().matches("[a-z0-9]+(-[a-z0-9]+)*"), i.code() + ": a kebab-case name, not " + i.name());
      assertEquals(className(i.name()), r.getClass().getSimpleName(), i.code() + "'s class is named after its rule");
      assertEquals("dev.oomlint.rules.checks", r.getClass().getPackageName(), i.code());
    }
  }

  @Test
  void classNamesFollowRuleNames() {
    assertEquals("GraphKeptInContainer", className("graph-kept-in-container"));
    assertEquals("ZeroGradBetweenBackwardAndStep", className("zero-grad-between-backward-and-step"));
  }

  /** The rows of the README's table under "### Rules": code, name, level, fix, default (on/off). */
  static List<List<String>> readmeRows(String readme) {
    int start = readme.indexOf("\n### Rules\n");
    assertTrue(start >= 0, "README has a '### Rules' section");
    List<List<String>> rows = new ArrayList<>();
    boolean inTable = false;
    for (String line : readme.substring(start + 1).split("\n", -1)) {
      if (line.startsWith("|")) {
        inTable = true;
        String[] cells = line.split("\\|", -1);
        String code = cells[1].strip();
        if (code.matches("OOM\\d{3}")) {
          rows.add(List.of(code, cells[2].strip(), cells[3].strip(), cells[4].strip(), cells[5].strip()));
        }
      } else if (inTable) {
        break;
      }
    }
    return rows;
  }

  @Test
  void theReadmeRuleTableListsEveryRegisteredRuleWithItsMetadata() throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    List<List<String>> expected = new ArrayList<>();
    for (Rule r : RuleRegistry.all()) {
      RuleInfo i = r.info();
      expected.add(List.of(i.code(), i.name(), i.level().sarifName(), i.fix().displayName(),
          i.enabledByDefault() ? "on" : "off"));
    }
    assertEquals(expected, readmeRows(readme));
  }

  @Test
  void aWrongReadmeRowIsCaught() {
    String readme = "x\n### Rules\n\n| Code | Name | Level | Fix | Default | Finds |\n|---|---|---|---|---|---|\n"
        + "| OOM101 | graph-kept-in-container | note | safe | off | ... |\n\nmore\n";
    assertEquals(List.of(List.of("OOM101", "graph-kept-in-container", "note", "safe", "off")), readmeRows(readme));
  }
}
