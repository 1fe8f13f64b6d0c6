package dev.oomlint.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomlint.ast.SourceFile;
import dev.oomlint.engine.Linter;
import dev.oomlint.rules.checks.RuleRegistry;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The code on every rule page is linted with its rule (rules/README.md): each {@code Example} block
 * must trigger it, no {@code Use instead} block may.
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
        Linter linter = new Linter(List.of(rule));
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
}
