package dev.oomlint.cli;

import dev.oomlint.rules.Rule;
import dev.oomlint.rules.RuleInfo;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code oomlint rule CODE}: prints a rule's page (what it finds, why, examples, fix safety). */
@Command(name = "rule", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
    description = "Explain a rule.")
final class RuleCommand implements Callable<Integer> {
  @Parameters(paramLabel = "CODE", description = "The rule's code, e.g. OOM101.")
  String code;

  @Option(names = "--output-format", paramLabel = "FORMAT", description = "text (default) or json.")
  String outputFormat = "text";

  private final Io io;
  private final Toolbox tools;

  RuleCommand(Io io, Toolbox tools) {
    this.io = io;
    this.tools = tools;
  }

  @Override
  public Integer call() {
    if (!outputFormat.equals("text") && !outputFormat.equals("json")) {
      io.err().println("error: unknown output format '" + outputFormat + "' for 'rule' (expected text or json)");
      return 2;
    }
    Rule rule = find(code, tools.rules());
    if (rule == null) {
      io.err().println("error: unknown rule '" + code + "' (see 'oomlint rules')");
      return 2;
    }
    String page = tools.pages().apply(rule.info().code());
    if (page == null) {
      io.err().println("error: rule " + rule.info().code() + " has no documentation page");
      return 2;
    }
    if (outputFormat.equals("json")) {
      Map<String, Object> m = RulesCommand.describe(rule.info());
      m.put("explanation", page);
      io.out().println(Json.write(m));
    } else {
      io.out().print(page.endsWith("\n") ? page : page + "\n");
    }
    io.out().flush();
    return 0;
  }

  static Rule find(String code, List<Rule> rules) {
    for (Rule r : rules) {
      RuleInfo info = r.info();
      if (info.code().equalsIgnoreCase(code) || info.name().equals(code)) {
        return r;
      }
    }
    return null;
  }
}
