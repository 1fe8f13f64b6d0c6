package dev.oomlint.ast;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.oomlint.parser.ParseOutcome;
import dev.oomlint.parser.PythonFrontEnd;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The differential AST test: every file of {@code testdata/syntax/} is parsed by our front end and
 * dumped with {@link AstDump}; the dump must equal the local python3's
 * {@code ast.dump(ast.parse(source), include_attributes=True)}. Files the local python3 cannot parse
 * (3.12/3.13 syntax) are checked against their hand-checked {@code NAME.py.expected} dump instead, and
 * files under {@code py312/} or {@code py313/} are always checked against it too. python3 missing is
 * a failure, never a skip.
 */
class CpythonDifferentialTest {
  @TestFactory
  List<DynamicTest> ourAstDumpsLikeCpython() {
    Map<Path, SyntaxCorpus.CpythonResult> results = SyntaxCorpus.cpython();
    int localMinor = SyntaxCorpus.pythonMinor();
    List<Path> files = SyntaxCorpus.files();
    assertTrue(files.size() >= 150, "the syntax corpus must have at least 150 files, has " + files.size());
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : files) {
      tests.add(dynamicTest(file.toString(), () -> check(file, results.get(file), localMinor)));
    }
    return tests;
  }

  private static void check(Path file, SyntaxCorpus.CpythonResult cpython, int localMinor) {
    int expectedMinor = SyntaxCorpus.expectedMinor(file);
    if (!cpython.parsed() && expectedMinor == 0) {
      fail(file + ": python3 3." + localMinor + " rejects it (" + cpython.error()
          + ") and there is no " + file.getFileName() + ".expected");
    }
    String text = SyntaxCorpus.text(file);
    ParseOutcome outcome = PythonFrontEnd.parse(new SourceFile(file.toString(), text));
    if (outcome instanceof ParseOutcome.Failed f) {
      fail(file + ": our parser rejects it at offset " + f.error().offset() + ": " + f.error().message());
    }
    Mod.Module module = ((ParseOutcome.Parsed) outcome).module();
    LineIndex lines = new LineIndex(text);
    if (cpython.parsed()) {
      DumpDiff.assertSameDump(cpython.dump(), AstDump.dump(module, lines, localMinor), file);
    }
    if (expectedMinor != 0) {
      DumpDiff.assertSameDump(SyntaxCorpus.expected(file), AstDump.dump(module, lines, expectedMinor),
          Path.of(file + ".expected"));
    }
  }
}
