package dev.oomlint.rules;

import dev.oomlint.ast.Mod;
import dev.oomlint.ast.SourceFile;
import dev.oomlint.ast.SourceRange;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.diagnostics.Edit;
import dev.oomlint.diagnostics.Fix;
import dev.oomlint.config.ConfigException;
import dev.oomlint.config.ConfigLoader;
import dev.oomlint.engine.Linter;
import dev.oomlint.engine.RunSetup;
import dev.oomlint.parser.ParseOutcome;
import dev.oomlint.rules.checks.GraphKeptByAccumulation;
import dev.oomlint.rules.checks.GraphKeptInContainer;
import dev.oomlint.rules.checks.InferenceWithoutNoGrad;
import dev.oomlint.rules.checks.MissingZeroGrad;
import dev.oomlint.rules.checks.RuleRegistry;
import dev.oomlint.testing.TestParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the semantic rules on a text, reads Error-Prone-style expectation markers
 * ({@code # error: OOM101 "substring"} on the line before the finding) and applies fixes.
 */
final class FixtureSupport {
  private FixtureSupport() {}

  /** The core leak rules: they run on their own fixtures, each other's, and the recall scripts. */
  static final List<Rule> RULES = List.of(new GraphKeptInContainer(), new GraphKeptByAccumulation(),
      new MissingZeroGrad(), new InferenceWithoutNoGrad());

  /**
   * The rules run on a file: the core rules, except for a fixture of another registered rule
   * ({@code testdata/rules/CODE/...}), which is checked with that rule alone.
   */
  static List<Rule> rulesFor(SourceFile file) {
    java.nio.file.Path p = java.nio.file.Path.of(file.path());
    String dir = p.getParent() == null ? "" : p.getParent().getFileName().toString();
    for (Rule r : RULES) {
      if (r.info().code().equals(dir)) {
        return RULES;
      }
    }
    for (Rule r : RuleRegistry.all()) {
      if (r.info().code().equals(dir)) {
        return List.of(r);
      }
    }
    return RULES;
  }

  /**
   * A fixture's configuration: its lines {@code # oomlint-config: KEY = VALUE} are {@code [tool.oomlint]}
   * options (e.g. {@code gpu = "rtx4090"}), read by the configuration loader as a project's would be;
   * without such lines no option is set.
   */
  static final Pattern CONFIG = Pattern.compile("^#\\s*oomlint-config:\\s*(.+)$");

  /** The rule options of {@code file}'s {@code # oomlint-config:} lines, or {@link RuleOptions#NONE}. */
  static RuleOptions options(SourceFile file) {
    List<String> lines = new ArrayList<>();
    for (int line = 1; line <= file.lines().lineCount(); line++) {
      Matcher m = CONFIG.matcher(file.lines().lineText(line).strip());
      if (m.matches()) {
        lines.add(m.group(1));
      }
    }
    return lines.isEmpty() ? RuleOptions.NONE : options("[tool.oomlint]\n" + String.join("\n", lines) + "\n");
  }

  /**
   * The rule options a pyproject.toml of {@code toml} gives, as {@code check} reads them ({@link RunSetup}),
   * with paths resolving against the working directory (the fixtures' paths are relative to it).
   */
  static RuleOptions options(String toml) {
    try {
      Path dir = Files.createTempDirectory("oomlint-fixture");
      Path file = dir.resolve("pyproject.toml");
      Files.writeString(file, toml, StandardCharsets.UTF_8);
      try {
        return RunSetup.ruleOptions(ConfigLoader.load(file)).withWorkingDirectory(Path.of("").toAbsolutePath());
      } finally {
        Files.delete(file);
        Files.delete(dir);
      }
    } catch (IOException | ConfigException e) {
      throw new AssertionError("configuration " + toml + ": " + e.getMessage(), e);
    }
  }

  static final Pattern MARKER = Pattern.compile("^\\s*#\\s*error:\\s*(OOM\\d{3})(?:\\s+\"([^\"]*)\")?\\s*$");

  /** One expectation: a finding of {@code code} starting on {@code line}, its message containing {@code text}. */
  record Marker(int markerLine, int line, String code, String text) {}

  /**
   * The findings of the rules that apply to {@code file}, run as the engine runs them (the linter,
   * with the rules' word prefilters); a rule that throws fails the test.
   */
  static List<Diagnostic> run(SourceFile file, Mod.Module module) {
    Linter.Result r = new Linter(rulesFor(file), f -> new ParseOutcome.Parsed(module), options(file))
        .lint(file, Set.of());
    if (r.problem() != null) {
      throw new AssertionError(file.path() + ": " + r.problem().message(), r.cause());
    }
    List<Diagnostic> out = new ArrayList<>(r.diagnostics());
    out.sort(Comparator.comparingInt(d -> d.range().start()));
    return out;
  }

  static List<Diagnostic> run(SourceFile file) {
    Mod.Module m = TestParser.parse(file);
    if (m == null) {
      throw new AssertionError(file.path() + " does not parse");
    }
    return run(file, m);
  }

  static List<Marker> markers(SourceFile f) {
    List<Marker> out = new ArrayList<>();
    int n = f.lines().lineCount();
    for (int line = 1; line <= n; line++) {
      Matcher m = MARKER.matcher(f.lines().lineText(line));
      if (!m.matches()) {
        continue;
      }
      int target = line + 1;
      while (target <= n && MARKER.matcher(f.lines().lineText(target)).matches()) {
        target++;
      }
      out.add(new Marker(line, target, m.group(1), m.group(2)));
    }
    return out;
  }

  /** Problems found comparing diagnostics with markers; empty when they agree. */
  static List<String> compare(SourceFile f, List<Diagnostic> diags, List<Marker> markers) {
    List<String> problems = new ArrayList<>();
    List<Marker> open = new ArrayList<>(markers);
    for (Diagnostic d : diags) {
      int line = f.lines().line(d.range().start());
      Marker hit = null;
      for (Marker m : open) {
        if (m.line() == line && m.code().equals(d.code()) && (m.text() == null || d.message().contains(m.text()))) {
          hit = m;
          break;
        }
      }
      if (hit == null) {
        problems.add(f.path() + ":" + line + ":" + f.lines().column(d.range().start()) + ": unexpected " + d.code()
            + ": " + d.message());
      } else {
        open.remove(hit);
      }
    }
    for (Marker m : open) {
      problems.add(f.path() + ":" + m.line() + ": expected " + m.code()
          + (m.text() == null ? "" : " containing \"" + m.text() + "\"") + " (marker on line " + m.markerLine()
          + ") but none was reported");
    }
    return problems;
  }

  /**
   * Applies every fix (safe and unsafe), in rounds: each round takes the fixes whose edits do not
   * touch an already accepted one, applies them, and re-lints; stops when no fix is left or after 10
   * rounds. Returns the final text.
   */
  static String applyAllFixes(SourceFile file) {
    SourceFile cur = file;
    for (int round = 0; round < 10; round++) {
      Mod.Module m = TestParser.parse(cur);
      if (m == null) {
        throw new AssertionError("fixed text does not parse:\n" + cur.text());
      }
      List<Fix> fixes = new ArrayList<>();
      for (Diagnostic d : run(cur, m)) {
        if (d.fix() != null && !d.fix().edits().isEmpty()) {
          fixes.add(d.fix());
        }
      }
      if (fixes.isEmpty()) {
        return cur.text();
      }
      fixes.sort(Comparator.comparingInt(FixtureSupport::firstOffset));
      List<Edit> accepted = new ArrayList<>();
      for (Fix fix : fixes) {
        boolean clash = false;
        for (Edit e : fix.edits()) {
          for (Edit a : accepted) {
            clash |= overlaps(e.range(), a.range());
          }
        }
        if (!clash) {
          accepted.addAll(fix.edits());
        }
      }
      cur = new SourceFile(cur.path(), apply(cur.text(), accepted));
    }
    throw new AssertionError("fixes did not converge in 10 rounds:\n" + cur.text());
  }

  private static int firstOffset(Fix f) {
    int min = Integer.MAX_VALUE;
    for (Edit e : f.edits()) {
      min = Math.min(min, e.range().start());
    }
    return min;
  }

  private static boolean overlaps(SourceRange a, SourceRange b) {
    if (a.start() == b.start()) {
      return true;
    }
    return a.start() < b.end() && b.start() < a.end();
  }

  /** Applies non-overlapping edits; edits at one offset apply in list order. */
  static String apply(String text, List<Edit> edits) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < edits.size(); i++) {
      order.add(i);
    }
    order.sort((x, y) -> {
      int c = Integer.compare(edits.get(y).range().start(), edits.get(x).range().start());
      return c != 0 ? c : Integer.compare(y, x);
    });
    StringBuilder sb = new StringBuilder(text);
    for (int i : order) {
      Edit e = edits.get(i);
      sb.replace(e.range().start(), e.range().end(), e.content());
    }
    return sb.toString();
  }
}
