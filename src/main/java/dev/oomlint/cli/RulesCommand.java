package dev.oomlint.cli;

import dev.oomlint.rules.Rule;
import dev.oomlint.rules.RuleInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code oomlint rules}: lists every rule with its default level, fix safety and whether it runs by default. */
@Command(name = "rules", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
    description = "List all rules.")
final class RulesCommand implements Callable<Integer> {
  @Option(names = "--output-format", paramLabel = "FORMAT", description = "text (default) or json.")
  String outputFormat = "text";

  private final Io io;
  private final Toolbox tools;

  RulesCommand(Io io, Toolbox tools) {
    this.io = io;
    this.tools = tools;
  }

  @Override
  public Integer call() {
    List<Rule> rules = tools.rules();
    if (outputFormat.equals("json")) {
      List<Map<String, Object>> list = new ArrayList<>();
      for (Rule r : rules) {
        list.add(describe(r.info()));
      }
      io.out().println(Json.write(list));
    } else if (outputFormat.equals("text")) {
      io.out().print(table(rules));
    } else {
      io.err().println("error: unknown output format '" + outputFormat + "' for 'rules' (expected text or json)");
      return 2;
    }
    io.out().flush();
    return 0;
  }

  static Map<String, Object> describe(RuleInfo info) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", info.code());
    m.put("name", info.name());
    m.put("summary", info.summary());
    m.put("level", info.level().sarifName());
    m.put("fix", info.fix().displayName());
    m.put("precision", info.precision());
    m.put("tags", List.of(info.tags()));
    m.put("enabled_by_default", info.enabledByDefault());
    return m;
  }

  /** {@code on} for a rule that runs unless deselected, {@code off} for an opt-in rule. */
  static String onOff(RuleInfo i) {
    return i.enabledByDefault() ? "on" : "off";
  }

  static String table(List<Rule> rules) {
    String[] head = {"CODE", "NAME", "LEVEL", "FIX", "DEFAULT"};
    List<String[]> rows = new ArrayList<>();
    rows.add(head);
    for (Rule r : rules) {
      RuleInfo i = r.info();
      rows.add(new String[] {i.code(), i.name(), i.level().sarifName(), i.fix().displayName(), onOff(i)});
    }
    int[] w = new int[head.length];
    for (String[] row : rows) {
      for (int c = 0; c < row.length; c++) {
        w[c] = Math.max(w[c], row[c].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (String[] row : rows) {
      for (int c = 0; c < row.length; c++) {
        sb.append(c == row.length - 1 ? row[c] : String.format("%-" + (w[c] + 2) + "s", row[c]));
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
