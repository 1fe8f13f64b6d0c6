package dev.oomlint.ast;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks {@link AstDump} alone, without our parser: each corpus file's tree as CPython built it is
 * copied into our records, dumped, and compared with CPython's own {@code ast.dump}.
 */
class AstDumpCpythonTreeTest {
  @TestFactory
  List<DynamicTest> dumpOfCpythonsOwnTreeMatchesAstDump() {
    Map<Path, SyntaxCorpus.CpythonResult> results = SyntaxCorpus.cpython();
    int minor = SyntaxCorpus.pythonMinor();
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : SyntaxCorpus.files()) {
      SyntaxCorpus.CpythonResult r = results.get(file);
      if (!r.parsed()) {
        continue;
      }
      tests.add(dynamicTest(file.toString(), () -> {
        String text = SyntaxCorpus.text(file);
        Mod.Module module = CpythonTree.module(r.json(), text);
        DumpDiff.assertSameDump(r.dump(), AstDump.dump(module, new LineIndex(text), minor), file);
      }));
    }
    assertTrue(SyntaxCorpus.files().size() >= 150, "corpus too small");
    assertTrue(!tests.isEmpty(), "python3 parsed no corpus file");
    return tests;
  }
}
