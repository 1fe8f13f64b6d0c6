package dev.oomlint.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomlint.ast.SourceFile;
import dev.oomlint.engine.Linter;
import java.nio.file.Files;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every registered rule on its fixtures in {@code testdata/rules/CODE/} (see {@link RuleFixtures}
 * for the format): each marked finding must be reported at its line (and column), nothing else may
 * be, and the fixes must turn the file into its {@code .fixed.py}.
 */
class LoadingRuleFixturesTest {
  /** Rules whose fixture sets must hold at least this many positive and negative files each. */
  private static final int MIN_CASES = 8;

  /**
   * The rules whose fixtures use inline {@code # error: [CODE]} markers; the core rules' fixtures use
   * the marker-line format of {@link FixtureSupport} and are run by {@link RuleFixturesTest}.
   */
  static List<Rule> rules() {
    return RuleRegistry.all().stream()
        .filter(r -> FixtureSupport.RULES.stream().noneMatch(c -> c.getClass() == r.getClass()))
        .toList();
  }

  @TestFactory
  List<DynamicTest> fixtures() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Rule rule : rules()) {
      String code = rule.info().code();
      for (Path input : RuleFixtures.inputs(code)) {
        tests.add(DynamicTest.dynamicTest(code + "/" + input.getFileName(), () -> RuleFixtures.check(rule, input)));
      }
    }
    return tests;
  }

  /** Every {@code Example} block of a rule's page triggers the rule; no {@code Use instead} block does. */
  @TestFactory
  List<DynamicTest> pageExamples() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Rule rule : RuleRegistry.all()) {
      String code = rule.info().code();
      if (!Files.isRegularFile(RulePageSupport.PAGES.resolve(code + ".md"))) {
        continue; // reported by RulePagesTest
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

  @TestFactory
  List<DynamicTest> everyRuleHasEnoughPositiveAndNegativeCases() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Rule rule : rules()) {
      RuleInfo info = rule.info();
      tests.add(DynamicTest.dynamicTest(info.code(), () -> {
        int positive = 0;
        int negative = 0;
        for (Path p : RuleFixtures.inputs(info.code())) {
          if (RuleFixtures.isPositive(p, info)) {
            positive++;
          } else {
            negative++;
          }
        }
        assertTrue(positive >= MIN_CASES && negative >= MIN_CASES, info.code() + " has " + positive
            + " positive and " + negative + " negative fixtures in " + RuleFixtures.ROOT.resolve(info.code())
            + "; at least " + MIN_CASES + " of each are required");
      }));
    }
    return tests;
  }
}
