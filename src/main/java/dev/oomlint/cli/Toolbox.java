package dev.oomlint.cli;

import dev.oomlint.ast.SourceFile;
import dev.oomlint.engine.Linter;
import dev.oomlint.parser.ParseOutcome;
import dev.oomlint.parser.PythonFrontEnd;
import dev.oomlint.rules.Rule;
import dev.oomlint.rules.RulePages;
import dev.oomlint.rules.checks.RuleRegistry;
import java.util.List;
import java.util.function.Function;

/**
 * The rules, the parser and the rule pages (code to Markdown, null when missing) a run uses: the
 * built-in ones, or stand-ins given by tests.
 */
public record Toolbox(List<Rule> rules, Linter.Parser parser, Function<String, String> pages) {
  public static Toolbox builtIn() {
    return new Toolbox(RuleRegistry.all(), new FrontEnd(), new Pages());
  }

  // Classes rather than method references: a one-file run links no lambda before its parse (the
  // first one a JVM links costs milliseconds), so the command line is handled while the parser loads.

  private static final class FrontEnd implements Linter.Parser {
    @Override
    public ParseOutcome parse(SourceFile file) {
      return PythonFrontEnd.parse(file);
    }
  }

  private static final class Pages implements Function<String, String> {
    @Override
    public String apply(String code) {
      return RulePages.markdown(code).orElse(null);
    }
  }
}
