package dev.oomlint.report;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.engine.FileProblem;
import dev.oomlint.engine.FileResult;
import dev.oomlint.rules.Rule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --statistics}: instead of the findings, how many each rule found, as Ruff prints them: one
 * row per rule, most frequent first (then by code),
 * {@code COUNT<TAB>CODE<TAB>[*] name} with the count right-aligned and the code left-aligned to
 * their widest; the marker is {@code [*]} when {@code --fix} would fix every finding of the rule,
 * {@code [~]} when it would fix some, {@code [ ]} when none (no marker at all when nothing is
 * fixable). Files that could not be parsed or read count as {@code syntax-error} and
 * {@code unreadable} rows without a code. The text format's summary line follows. With
 * {@code json} it is Ruff's JSON instead: {@code [{"code", "name", "count", "fixable_count"}]}.
 */
public final class StatisticsReporter implements Reporter {
  private final boolean json;

  /** {@code json}: the JSON array instead of the table. */
  public StatisticsReporter(boolean json) {
    this.json = json;
  }

  /** One row: a rule (or a kind of file problem, with a null code). */
  record Row(String code, String name, int count, int fixable) {}

  @Override
  public void write(Report report, Appendable out) throws IOException {
    Map<String, String> names = new HashMap<>();
    for (Rule rule : report.rules()) {
      names.putIfAbsent(rule.info().code(), rule.info().name());
    }
    Tally tally = new Tally(report.fixMode());
    Map<String, int[]> counts = new LinkedHashMap<>();
    for (FileResult f : report.files()) {
      for (Diagnostic d : f.diagnostics()) {
        int[] c = counts.computeIfAbsent(d.code(), k -> new int[2]);
        c[0]++;
        if (tally.finding(d)) {
          c[1]++;
        }
      }
      for (FileProblem p : f.problems()) {
        tally.problem(p);
        if (p.kind() != FileProblem.Kind.INTERNAL_ERROR) {
          counts.computeIfAbsent("\0" + kindName(p.kind()), k -> new int[2])[0]++;
        }
      }
    }
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, int[]> e : counts.entrySet()) {
      String key = e.getKey();
      boolean problem = key.startsWith("\0");
      String code = problem ? null : key;
      String name = problem ? key.substring(1) : names.getOrDefault(key, "");
      rows.add(new Row(code, name, e.getValue()[0], e.getValue()[1]));
    }
    rows.sort((a, b) -> a.count != b.count ? Integer.compare(b.count, a.count)
        : a.code == null ? (b.code == null ? a.name.compareTo(b.name) : 1)
        : b.code == null ? -1 : a.code.compareTo(b.code));
    if (json) {
      JsonArray array = new JsonArray();
      for (Row r : rows) {
        JsonObject o = new JsonObject();
        o.addProperty("code", r.code);
        o.addProperty("name", r.name);
        o.addProperty("count", r.count);
        o.addProperty("fixable_count", r.fixable);
        array.add(o);
      }
      new GsonBuilder().serializeNulls().disableHtmlEscaping().setPrettyPrinting().create().toJson(array, out);
      out.append('\n');
      return;
    }
    int countWidth = 1;
    int codeWidth = 0;
    boolean anyFixable = false;
    for (Row r : rows) {
      countWidth = Math.max(countWidth, Integer.toString(r.count).length());
      codeWidth = Math.max(codeWidth, r.code == null ? 0 : r.code.length());
      anyFixable |= r.fixable > 0;
    }
    for (Row r : rows) {
      String count = Integer.toString(r.count);
      String code = r.code == null ? "" : r.code;
      out.append(" ".repeat(countWidth - count.length())).append(count).append('\t')
          .append(code).append(" ".repeat(codeWidth - code.length())).append('\t');
      if (anyFixable) {
        out.append(r.fixable == r.count ? "[*] " : r.fixable > 0 ? "[~] " : "[ ] ");
      }
      out.append(r.name).append('\n');
    }
    if (!rows.isEmpty() || report.fixedCount() > 0) {
      tally.writeSummaryLine(out, report.fixedCount());
    }
    tally.writeInternal(out, "");
  }

  private static String kindName(FileProblem.Kind kind) {
    return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
