package dev.oomlint.cli;

import dev.oomlint.engine.Linter;
import dev.oomlint.parser.PythonFrontEnd;
import dev.oomlint.rules.Rule;
import dev.oomlint.rules.RulePages;
import dev.oomlint.rules.RuleRegistry;
import java.util.List;
import java.util.function.Function;

/**
 * The rules, the parser and the rule pages (code to Markdown, null when missing) a run uses: the
 * built-in ones, or stand-ins given by tests.
 */
public record Toolbox(List<Rule> rules, Linter.Parser parser, Function<String, String> pages) {
  public static Toolbox builtIn() {
    return new Toolbox(RuleRegistry.all(), PythonFrontEnd::parse, code -> RulePages.markdown(code).orElse(null));
  }
}
