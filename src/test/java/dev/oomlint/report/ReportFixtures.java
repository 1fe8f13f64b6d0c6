package dev.oomlint.report;

import dev.oomlint.ast.LineIndex;
import dev.oomlint.ast.SourceFile;
import dev.oomlint.ast.SourceRange;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.diagnostics.Edit;
import dev.oomlint.diagnostics.Fix;
import dev.oomlint.engine.FileProblem;
import dev.oomlint.engine.FileResult;
import dev.oomlint.engine.FixMode;
import dev.oomlint.rules.Rule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-made runs over {@code testdata/sarif/project} (paths as the engine displays them: relative
 * to the working directory, which is the module directory under Maven).
 */
final class ReportFixtures {
  static final String PROJECT = "testdata/sarif/project";
  static final ToolInfo TOOL = new ToolInfo("oomlint", "0.0.0-test", "https://github.com/oomlint/oomlint");

  private ReportFixtures() {}

  static Path projectRoot() {
    try {
      return Path.of(PROJECT).toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every kind of entry: fixes of three shapes, UTF-16 columns, CRLF, a syntax error, an unreadable file, a clean file. */
  static Report project() {
    List<FileResult> files = new ArrayList<>();

    SourceFile bad = read("bad.py");
    files.add(new FileResult(bad.path(), bad, List.of(), new FileProblem(FileProblem.Kind.SYNTAX_ERROR,
        "Expected a parameter name or ')', found ':'", new SourceRange(6, 7))));

    files.add(new FileResult(PROJECT + "/binary.py", null, List.of(), new FileProblem(FileProblem.Kind.UNREADABLE,
        "Cannot decode binary.py as UTF-8: invalid byte 0xff at line 1, column 6", null)));

    files.add(new FileResult(PROJECT + "/clean.py", null, List.of(), null));

    SourceFile model = read("src/my model.py");
    SourceRange second = find(model, "torch.ones(3, device=\"cuda\")", 2);
    SourceRange cached = find(model, "torch.ones(3)}", 1);
    cached = new SourceRange(cached.start(), cached.end() - 1);
    files.add(new FileResult(model.path(), model, List.of(
        new Diagnostic("OOM902", "`torch.ones(...)` creates a CUDA tensor that is overwritten on the next line", second,
            Fix.unsafe("Remove the first assignment", Edit.delete(lineOf(model, 5)))),
        new Diagnostic("OOM901", "A tensor is kept in the module-level dict `cache`", cached,
            Fix.safe("Store `.detach()`", Edit.insert(cached.end(), ".detach()")))), null));

    SourceFile train = read("train.py");
    LineIndex lines = train.lines();
    SourceRange step = find(train, "optimizer.step()", 1);
    SourceRange append = find(train, "losses.append(loss)", 1);
    SourceRange argument = new SourceRange(append.start() + "losses.append(".length(), append.end() - 1);
    SourceRange zeros = find(train, "torch.zeros(1024, 1024, device=\"cuda\")", 1);
    files.add(new FileResult(train.path(), train, List.of(
        new Diagnostic("OOM901", "The loss is kept until the next step. Delete it after `optimizer.step()`", step,
            Fix.safe("Insert `del loss`", Edit.insert(lines.lineStart(11), "        del loss\n"))),
        new Diagnostic("OOM901", "`loss` is appended to `losses` and keeps its autograd graph alive", append,
            Fix.safe("Append `loss.item()`", Edit.replace(argument, "loss.item()"))),
        new Diagnostic("OOM902", "This statement creates a 4 MiB CUDA tensor nobody uses", zeros,
            Fix.unsafe("Delete the statement", Edit.delete(new SourceRange(lines.lineStart(12), lines.lineStart(13)))))),
        null));
    return new Report(files, FakeRules.all(), FixMode.REPORT_ONLY, projectRoot(), 0);
  }

  /** A run with nothing to report. */
  static Report clean() {
    List<Rule> rules = List.of(new FakeRules.CacheNote());
    return new Report(List.of(new FileResult(PROJECT + "/clean.py", null, List.of(), null)), rules,
        FixMode.REPORT_ONLY, projectRoot(), 0);
  }

  static SourceFile read(String relative) {
    String path = PROJECT + "/" + relative;
    try {
      return new SourceFile(path, Files.readString(Path.of(path), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code occurrence}-th (1-based) range of {@code needle} in the file. */
  static SourceRange find(SourceFile file, String needle, int occurrence) {
    int at = -1;
    for (int i = 0; i < occurrence; i++) {
      at = file.text().indexOf(needle, at + 1);
      if (at < 0) {
        throw new IllegalArgumentException(needle + " occurs fewer than " + occurrence + " times in " + file.path());
      }
    }
    return new SourceRange(at, at + needle.length());
  }

  /** The whole of 1-based {@code line} with its line break. */
  static SourceRange lineOf(SourceFile file, int line) {
    LineIndex lines = file.lines();
    int end = line < lines.lineCount() ? lines.lineStart(line + 1) : file.text().length();
    return new SourceRange(lines.lineStart(line), end);
  }

  /** Replaces the absolute project root in a report's text by a placeholder, so goldens do not depend on the checkout. */
  static String normalise(String text) {
    String uri = new ArtifactPaths(projectRoot(), Path.of("")).rootUri();
    return text.replace(uri, "file:///PROJECT_ROOT/");
  }

  /** Compares {@code actual} with the golden file, or rewrites it when run with {@code -Doomlint.updateGolden=true}. */
  static void assertGolden(String golden, String actual) {
    Path path = Path.of(golden);
    try {
      if (Boolean.getBoolean("oomlint.updateGolden")) {
        Files.createDirectories(path.getParent());
        Files.writeString(path, actual, StandardCharsets.UTF_8);
        return;
      }
      String expected = Files.readString(path, StandardCharsets.UTF_8);
      org.junit.jupiter.api.Assertions.assertEquals(expected, actual,
          golden + " differs (rerun with -Doomlint.updateGolden=true after checking the change)");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
