package dev.oomlint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Test helpers for rule pages, for the page tests of every rule:
 *
 * <ul>
 *   <li>{@link #pageFiles()} lists {@code rules/*.md} (without {@code README.md});
 *   <li>{@link #assertPagesMatchRules} fails if a registered rule has no page, a page has no rule, a
 *       page breaks the format, disagrees with its rule's {@code @RuleInfo}, or is not bundled;
 *   <li>{@link #exampleBlocks} / {@link #useInsteadBlocks} give a page's python blocks, so a test can
 *       lint each: every {@code Example} block must trigger the rule, no {@code Use instead} block may.
 * </ul>
 *
 * Paths are relative to the module directory, which is Maven's working directory for tests.
 */
public final class RulePageSupport {
  /** Where the pages live in the repository. */
  public static final Path PAGES = Path.of("rules");

  private RulePageSupport() {}

  /** Every rule page file, sorted by name. */
  public static List<Path> pageFiles() {
    if (!Files.isDirectory(PAGES)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(PAGES)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".md"))
          .filter(p -> !p.getFileName().toString().equals("README.md"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses one page file; a format error fails the test with the page's line. */
  public static RulePage read(Path file) {
    try {
      return RulePages.parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RulePageFormatException e) {
      return fail(e.getMessage());
    }
  }

  /** The bundled (class-path) page of {@code code}; fails if there is none. */
  public static RulePage bundled(String code) {
    return RulePages.forCode(code).orElseGet(() -> fail("no bundled page for " + code
        + " (is rules/" + code + ".md missing, or the build not bundling rules/?)"));
  }

  /** The {@code Example} python blocks of rule {@code code}'s page: each must trigger the rule. */
  public static List<String> exampleBlocks(String code) {
    return bundled(code).exampleCode();
  }

  /** The {@code Use instead} python blocks of rule {@code code}'s page: none may trigger the rule. */
  public static List<String> useInsteadBlocks(String code) {
    return bundled(code).useInsteadCode();
  }

  /** The page states what the rule's annotation says: code, name, default level, fix safety. */
  public static void assertMatchesRule(RulePage page, RuleInfo info) {
    String where = "rules/" + info.code() + ".md";
    assertEquals(info.code(), page.code(), where + ": code");
    assertEquals(info.name(), page.name(), where + ": name (the title is '# CODE: name')");
    assertEquals(info.level(), page.level(), where + ": '- Default level:'");
    assertEquals(info.fix(), page.fix(), where + ": '- Fix safety:'");
  }

  /**
   * Every rule in {@code rules} has a page that parses and matches it and is bundled; every page
   * belongs to one of {@code rules}.
   */
  public static void assertPagesMatchRules(List<Rule> rules) {
    List<String> problems = new ArrayList<>();
    Set<String> codes = new TreeSet<>();
    for (Rule rule : rules) {
      RuleInfo info = rule.info();
      codes.add(info.code());
      Path file = PAGES.resolve(info.code() + ".md");
      if (!Files.isRegularFile(file)) {
        problems.add(info.code() + " (" + rule.getClass().getSimpleName() + ") has no page " + file);
        continue;
      }
      RulePage page = read(file);
      assertMatchesRule(page, info);
      assertEquals(page, bundled(info.code()), "the bundled page of " + info.code() + " differs from " + file
          + " (rebuild)");
    }
    for (Path file : pageFiles()) {
      String code = file.getFileName().toString().replaceFirst("\\.md$", "");
      if (!codes.contains(code)) {
        problems.add(file + " describes no registered rule");
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }
}
