package dev.oomlint.cli;

import dev.oomlint.engine.Linter;
import dev.oomlint.parser.PythonFrontEnd;
import dev.oomlint.rules.Rule;
import dev.oomlint.rules.RuleRegistry;
import java.util.List;

/** The rules and the parser a run uses: the built-in ones, or stand-ins given by tests. */
public record Toolbox(List<Rule> rules, Linter.Parser parser) {
  public static Toolbox builtIn() {
    return new Toolbox(RuleRegistry.all(), PythonFrontEnd::parse);
  }
}
