package dev.oomlint.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomlint.ast.SourceFile;
import dev.oomlint.engine.Linter;
import dev.oomlint.parser.PythonFrontEnd;
import dev.oomlint.rules.checks.RuleRegistry;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The code on every rule page is linted with its rule (rules/README.md): each {@code Example} block
 * must trigger it, no {@code Use instead} block may. A page's {@code Options} section may hold a
 * {@code toml} block of {@code [tool.oomlint]} options: the blocks are linted with those options.
 */
class RulePageExamplesTest {
  @TestFactory
  List<DynamicTest> examplesTriggerAndAlternativesDoNot() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Rule rule : RuleRegistry.all()) {
      String code = rule.info().code();
      if (!Files.isRegularFile(RulePageSupport.PAGES.resolve(code + ".md"))) {
        continue; // RulePagesTest reports the missing page
      }
      tests.add(DynamicTest.dynamicTest(code, () -> {
        Linter linter = new Linter(List.of(rule), PythonFrontEnd::parse, pageOptions(code));
        for (String block : RulePageSupport.exampleBlocks(code)) {
          Linter.Result r = linter.lint(new SourceFile(code + ".md", block), Set.of());
          assertNull(r.problem(), () -> code + " example: " + r.problem().message());
          assertFalse(r.diagnostics().isEmpty(), code + ": this Example block does not trigger the rule:\n" + block);
        }
        for (String block : RulePageSupport.useInsteadBlocks(code)) {
          Linter.Result r = linter.lint(new SourceFile(code + ".md", block), Set.of());
          assertNull(r.problem(), () -> code + " use-instead: " + r.problem().message());
          assertTrue(r.diagnostics().isEmpty(), code + ": this Use instead block triggers the rule:\n" + block);
        }
      }));
    }
    return tests;
  }

  /** The options of the first {@code toml} block in the page's {@code Options} section, or none. */
  static RuleOptions pageOptions(String code) {
    String section = RulePageSupport.bundled(code).section("Options");
    if (section == null) {
      return RuleOptions.NONE;
    }
    Matcher m = Pattern.compile("```toml\\n(.*?)```", Pattern.DOTALL).matcher(section);
    return m.find() ? FixtureSupport.options(m.group(1)) : RuleOptions.NONE;
  }
}
