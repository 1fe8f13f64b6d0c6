package dev.oomlint.parser.antlr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomlint.ast.AstDump;
import dev.oomlint.ast.LineIndex;
import dev.oomlint.build.EmbeddedData;
import dev.oomlint.parser.ParseOutcome;
import dev.oomlint.parser.PythonFrontEnd;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The DFA snapshot the build embeds: present, tied to its ATNs, and never changing a parse (every
 * parse with it equals the parse without it, on the test data and on generated token soup).
 */
class DfaSnapshotTest {
  @AfterEach
  void restore() {
    DfaSnapshot.useForNewParsers(true);
  }

  @Test
  void theBuildEmbeddedASnapshotForTheseAtns() {
    assertTrue(DfaSnapshot.bundled(), "DfaSnapshotData.class is the placeholder: Maven's process-classes phase"
        + " (exec-maven-plugin, DfaSnapshotWriter) makes the real one");
  }

  @Test
  void aSnapshotOfOtherAtnsIsIgnored() throws IOException {
    byte[] data = EmbeddedData.bytes(DfaSnapshotData.data());
    assertNotNull(data);
    assertNotNull(DfaSnapshot.read(new ByteArrayInputStream(data), DfaSnapshot.atnFingerprint()));
    assertNull(DfaSnapshot.read(new ByteArrayInputStream(data), DfaSnapshot.atnFingerprint() + 1));
  }

  @Test
  void whatIsWrittenReadsBack() throws IOException {
    PythonFrontEnd.parse("import torch\nfor x in loader:\n    y = f'{x!r:>10}' + [a for a in x if a]\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DfaSnapshot.write(out);
    DfaSnapshot back = DfaSnapshot.read(new ByteArrayInputStream(out.toByteArray()), DfaSnapshot.atnFingerprint());
    assertNotNull(back);
    assertEquals(PythonLexer._decisionToDFA.length, back.lexerStarts.length);
    assertEquals(PythonParser._decisionToDFA.length, back.parserStarts.length);
    ByteArrayOutputStream again = new ByteArrayOutputStream();
    DfaSnapshot.write(again); // nothing parsed in between: the same DFAs, the same bytes
    assertEquals(out.size(), again.size());
  }

  /** The parse as text (CPython's dump of the tree, or the error): a record holding bytes compares them by identity. */
  private static String parse(String text, boolean snapshot) {
    DfaSnapshot.useForNewParsers(snapshot);
    try {
      ParseOutcome o = PythonFrontEnd.parse(text);
      return o instanceof ParseOutcome.Parsed p ? AstDump.dump(p.module(), new LineIndex(text), 12) : o.toString();
    } finally {
      DfaSnapshot.useForNewParsers(true);
    }
  }

  @Test
  void everyTestDataFileParsesTheSameWithAndWithoutIt() throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(Path.of("testdata"))) {
      walk.filter(p -> p.toString().endsWith(".py")).sorted().forEach(files::add);
    }
    assertTrue(files.size() > 300, "the test data");
    for (Path p : files) {
      String text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
      assertEquals(parse(text, false), parse(text, true), p.toString());
    }
  }

  @Test
  void generatedTokenSoupParsesTheSameWithAndWithoutIt() {
    String[] vocab = {"x", "y", "f", "(", ")", "[", "]", "{", "}", ",", ":", ".", "=", "+", "-", "*", "**", "/",
        "lambda", "if", "else", "for", "in", "not", "and", "or", "is", "None", "1", "2.5", "'s'", "f'{x}'",
        "match", "case", "type", "_", "yield", "await", "async", "def", "class", "return", "with", "as",
        "import", "from", ";", "\n", "\n    ", "@", ":=", "->", "...", "é", "∑", "'''t", "#c\n", "\\\n"};
    Random r = new Random(42);
    for (int i = 0; i < 1500; i++) {
      StringBuilder sb = new StringBuilder();
      int n = 1 + r.nextInt(25);
      for (int k = 0; k < n; k++) {
        sb.append(vocab[r.nextInt(vocab.length)]).append(r.nextInt(4) == 0 ? "" : " ");
      }
      String text = sb.append('\n').toString();
      assertEquals(parse(text, false), parse(text, true), text);
    }
  }
}
