package dev.oomlint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.oomlint.ast.SourceFile;
import dev.oomlint.diagnostics.Applicability;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.engine.Linter;
import dev.oomlint.fix.FixLoop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Rule fixtures: {@code testdata/rules/CODE/NAME.py} files whose expected findings are marked inline,
 * on the line where the finding starts, as {@code # error: [CODE]} (or {@code [rule-name]}),
 * optionally with the 1-based column ({@code # error: 9 [CODE]}) and a quoted message fragment
 * ({@code # error: [CODE] "map_location"}). A file without markers is a negative case: the rule
 * must stay silent. When the rule offers fixes, {@code NAME.fixed.py} holds the text after applying
 * every fix (safe and unsafe) until nothing changes; without fixes there must be no such file.
 */
final class RuleFixtures {
  static final Path ROOT = Path.of("testdata", "rules");
  private static final Pattern MARKER =
      Pattern.compile("#\\s*error:\\s*(?:(\\d+)\\s+)?\\[([A-Za-z0-9_-]+)\\](?:\\s+\"([^\"]*)\")?");

  private RuleFixtures() {}

  /** One expected finding. {@code column} is 0 when the marker gives none; {@code message} may be null. */
  record Expected(int line, int column, String message) {}

  /** The fixture inputs of a rule (without {@code .fixed.py} files), sorted. */
  static List<Path> inputs(String code) {
    Path dir = ROOT.resolve(code);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".py") && !p.toString().endsWith(".fixed.py")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The markers of a fixture that name this rule (by code or by name). */
  static List<Expected> expected(String text, RuleInfo info) {
    List<Expected> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = MARKER.matcher(lines[i]);
      while (m.find()) {
        String who = m.group(2);
        if (who.equals(info.code()) || who.equals(info.name())) {
          int col = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
          out.add(new Expected(i + 1, col, m.group(3)));
        }
      }
    }
    return out;
  }

  /** Whether a fixture marks any finding of this rule. */
  static boolean isPositive(Path p, RuleInfo info) {
    return !expected(read(p), info).isEmpty();
  }

  /** Lints the fixture with the rule alone and checks findings, fixes and the {@code .fixed.py} file. */
  static void check(Rule rule, Path input) {
    RuleInfo info = rule.info();
    String text = read(input);
    SourceFile file = new SourceFile(input.toString(), text);
    Linter linter = new Linter(List.of(rule));
    Linter.Result result = linter.lint(file, Set.of());
    assertNull(result.problem(), () -> input + ": " + result.problem().message()
        + (result.cause() == null ? "" : " " + stack(result.cause())));
    List<Expected> expected = expected(text, info);
    List<Diagnostic> actual = result.diagnostics();
    List<String> problems = new ArrayList<>();
    List<Diagnostic> unmatched = new ArrayList<>(actual);
    for (Expected e : expected) {
      Diagnostic hit = null;
      for (Diagnostic d : unmatched) {
        int line = file.lines().line(d.range().start());
        int col = file.lines().column(d.range().start());
        if (line == e.line() && (e.column() == 0 || col == e.column())
            && (e.message() == null || d.message().contains(e.message()))) {
          hit = d;
          break;
        }
      }
      if (hit == null) {
        problems.add("missing finding at line " + e.line() + (e.column() > 0 ? ":" + e.column() : "")
            + (e.message() == null ? "" : " containing \"" + e.message() + "\""));
      } else {
        unmatched.remove(hit);
      }
    }
    for (Diagnostic d : unmatched) {
      problems.add("unexpected finding at " + file.lines().line(d.range().start()) + ":"
          + file.lines().column(d.range().start()) + ": " + d.message());
    }
    for (Diagnostic d : actual) {
      assertEquals(info.code(), d.code(), input + ": diagnostic code");
      if (d.fix() != null) {
        Applicability want = switch (info.fix()) {
          case SAFE -> Applicability.SAFE;
          case UNSAFE -> Applicability.UNSAFE;
          default -> null;
        };
        if (info.fix() == FixSafety.NONE) {
          problems.add("a fix from a rule declared without fixes");
        } else if (want != null && d.fix().applicability() != want) {
          problems.add("fix applicability " + d.fix().applicability() + ", but the rule declares " + info.fix());
        }
      }
    }
    assertTrue(problems.isEmpty(), input + ":\n  " + String.join("\n  ", problems));
    checkFix(linter, input, file, actual);
  }

  private static void checkFix(Linter linter, Path input, SourceFile file, List<Diagnostic> actual) {
    Path fixed = Path.of(input.toString().replaceFirst("\\.py$", ".fixed.py"));
    boolean anyFix = actual.stream().anyMatch(d -> d.fix() != null);
    if (!anyFix) {
      assertTrue(!Files.exists(fixed), input + ": the rule offers no fix here, but " + fixed + " exists");
      return;
    }
    if (!Files.exists(fixed)) {
      fail(input + ": the rule offers a fix; add " + fixed);
    }
    FixLoop.Outcome outcome = FixLoop.run(file, f -> linter.lint(f, Set.of()), f -> true);
    assertNull(outcome.result().problem(), () -> input + ": " + outcome.result().problem().message());
    assertEquals(read(fixed), outcome.text(), input + ": text after applying every fix");
  }

  private static String stack(Throwable t) {
    StringBuilder sb = new StringBuilder(t.toString());
    for (StackTraceElement e : t.getStackTrace()) {
      sb.append("\n    at ").append(e);
      if (sb.length() > 3000) {
        break;
      }
    }
    return sb.toString();
  }
}
