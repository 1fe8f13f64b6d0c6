package dev.oomlint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomlint.rules.checks.RuleRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class RulePagesTest {
  private static final String PAGE = """
      # OOM950: tensor-in-global

      - Default level: error
      - Fix safety: unsafe

      ## What it does
      Finds a **CUDA** tensor stored in a module global. See [the docs](https://example.org/x).

      ## Why it costs memory
      Globals live as long as the interpreter.

      ## Example
      Some prose first.
      ```python
      CACHE = torch.ones(3, device="cuda")
      ```
      ```text
      not python
      ```
      ```python
      # second block
      x = 1
      ```

      ## Known problems
      None known.

      ## Use instead
      ````python
      def cache():
          ```not a fence end```
          return torch.ones(3, device="cuda")
      ````

      ## References
      - [PyTorch](https://pytorch.org)
      """;

  @Test
  void parsesTheFactsAndSectionsInOrder() {
    RulePage page = RulePages.parse("OOM950.md", PAGE);
    assertEquals("OOM950", page.code());
    assertEquals("tensor-in-global", page.name());
    assertEquals(Level.ERROR, page.level());
    assertEquals(FixSafety.UNSAFE, page.fix());
    assertEquals(List.of("What it does", "Why it costs memory", "Example", "Known problems", "Use instead", "References"),
        List.copyOf(page.sections().keySet()));
    assertEquals("Globals live as long as the interpreter.\n", page.section(RulePage.WHY_IT_COSTS_MEMORY));
    assertEquals(PAGE, page.markdown());
  }

  @Test
  void extractsOnlyThePythonBlocks() {
    RulePage page = RulePages.parse("OOM950.md", PAGE);
    assertEquals(List.of("CACHE = torch.ones(3, device=\"cuda\")\n", "# second block\nx = 1\n"), page.exampleCode());
    assertEquals(List.of("def cache():\n    ```not a fence end```\n    return torch.ones(3, device=\"cuda\")\n"),
        page.useInsteadCode());
  }

  @Test
  void rendersPlainText() {
    RulePage page = RulePages.parse("OOM950.md", PAGE);
    assertEquals("Finds a CUDA tensor stored in a module global. See the docs (https://example.org/x).",
        page.whatItDoesText());
    String text = page.plainText();
    assertTrue(text.startsWith("OOM950: tensor-in-global\n\nDefault level: error\nFix safety: unsafe\n\nWhat it does\n"), text);
    assertTrue(text.contains("\nExample\nSome prose first.\n    CACHE = torch.ones(3, device=\"cuda\")\n    not python\n"), text);
    assertTrue(text.contains("\nReferences\n- PyTorch (https://pytorch.org)\n"), text);
  }

  @Test
  void acceptsCrlfAndAByteOrderMark() {
    RulePage page = RulePages.parse("OOM950.md", "\ufeff" + PAGE.replace("\n", "\r\n"));
    assertEquals(RulePages.parse("OOM950.md", PAGE).sections(), page.sections());
  }

  @Test
  void rejectsPagesThatBreakTheFormat() {
    assertFormatError("the first line must be '# CODE: rule-name'", PAGE.replace("# OOM950: tensor-in-global", "# Tensor in global"));
    assertFormatError("OOM951.md:1: the page is about OOM950 but is named OOM951.md", "OOM951.md", PAGE);
    assertFormatError("OOM950.md:3: expected '- Default level: ...'", PAGE.replace("- Default level: error", "Level: error"));
    assertFormatError("unknown default level 'fatal'", PAGE.replace("level: error", "level: fatal"));
    assertFormatError("unknown fix safety 'maybe'", PAGE.replace("safety: unsafe", "safety: maybe"));
    assertFormatError("missing '- Fix safety", PAGE.replace("- Fix safety: unsafe\n", ""));
    assertFormatError("'Default level' is given twice", PAGE.replace("- Fix safety: unsafe", "- Default level: note"));
    assertFormatError("missing section '## References'", PAGE.substring(0, PAGE.indexOf("## References")));
    assertFormatError("unknown section 'Examples'", PAGE.replace("## Example\n", "## Examples\n"));
    assertFormatError("section 'Known problems' appears twice", PAGE.replace("## References", "## Known problems\nx\n\n## References"));
    assertFormatError("section 'Example' is out of order",
        PAGE.replace("## Why it costs memory", "## Swap").replace("## Example", "## Why it costs memory").replace("## Swap", "## Example"));
    assertFormatError("section 'Why it costs memory' is empty", PAGE.replace("Globals live as long as the interpreter.", ""));
    assertFormatError("section 'Example' needs a ```python code block", PAGE.replace("```python\nCACHE", "```text\nCACHE")
        .replace("```python\n# second", "```text\n# second"));
    assertFormatError("a code block is not closed", PAGE.replace("````\n\n## References", "\n## References"));
    assertFormatError("only the title may be a level-1 heading", PAGE.replace("None known.", "# Heading"));
    assertFormatError("must come after 'Why it costs memory'", PAGE.replace("## What it does", "## Known problems\nx\n\n## What it does")
        .replace("## Known problems\nNone known.\n\n", ""));
    assertFormatError("the page is empty", "\n\n");
  }

  @Test
  void theReadmeExampleIsAValidPage() throws IOException {
    String readme = Files.readString(RulePageSupport.PAGES.resolve("README.md"), StandardCharsets.UTF_8);
    int start = readme.indexOf("````markdown\n") + "````markdown\n".length();
    int end = readme.indexOf("\n````\n", start) + 1;
    RulePage page = RulePages.parse("OOM101.md", readme.substring(start, end));
    assertEquals("graph-kept-in-container", page.name());
    assertEquals(1, page.exampleCode().size());
    assertEquals(1, page.useInsteadCode().size());
  }

  @Test
  void loadsBundledPagesByCode() {
    RulePage page = RulePages.forCode("OOM901").orElseThrow();
    assertEquals("loss-kept-in-list", page.name());
    assertEquals(Optional.of(page), RulePages.forCode("OOM901"));
    assertEquals(Optional.empty(), RulePages.forCode("OOM999"));
    assertEquals(Optional.empty(), RulePages.markdown("../../../etc/passwd"));
    assertEquals(page.markdown(), RulePages.markdown("OOM901").orElseThrow());
  }

  @Test
  void theHelperChecksPagesAgainstTheirRules() {
    RulePage page = RulePageSupport.bundled("OOM901");
    RulePageSupport.assertMatchesRule(page, PagedRule.class.getAnnotation(RuleInfo.class));
    assertThrows(AssertionFailedError.class,
        () -> RulePageSupport.assertMatchesRule(page, MismatchedRule.class.getAnnotation(RuleInfo.class)));
    assertEquals(List.of("losses = []\nfor x, y in loader:\n    loss = criterion(model(x), y)\n    losses.append(loss)\n"),
        RulePageSupport.exampleBlocks("OOM901"));
    assertEquals(1, RulePageSupport.useInsteadBlocks("OOM901").size());
    assertThrows(AssertionFailedError.class, () -> RulePageSupport.bundled("OOM999"));
    // a rule without a page in rules/ is reported
    assertThrows(AssertionFailedError.class, () -> RulePageSupport.assertPagesMatchRules(List.of(new PagedRule())));
  }

  /** The real check: every registered rule has a bundled, matching page, and every page a rule. */
  @Test
  void everyRegisteredRuleHasAPageAndEveryPageARule() {
    RulePageSupport.assertPagesMatchRules(RuleRegistry.all());
    for (Path file : RulePageSupport.pageFiles()) {
      RulePageSupport.read(file);
    }
  }

  private static void assertFormatError(String expected, String markdown) {
    assertFormatError(expected, "OOM950.md", markdown);
  }

  private static void assertFormatError(String expected, String source, String markdown) {
    RulePageFormatException e = assertThrows(RulePageFormatException.class, () -> RulePages.parse(source, markdown));
    assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
  }

  @RuleInfo(code = "OOM901", name = "loss-kept-in-list", summary = "s", level = Level.WARNING, fix = FixSafety.SAFE)
  static final class PagedRule implements Rule {
    @Override
    public void check(RuleContext context) {}
  }

  @RuleInfo(code = "OOM901", name = "loss-kept-in-list", summary = "s", level = Level.ERROR, fix = FixSafety.SAFE)
  static final class MismatchedRule implements Rule {
    @Override
    public void check(RuleContext context) {}
  }
}
