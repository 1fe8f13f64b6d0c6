package dev.oomlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomlint.ast.SourceFile;
import dev.oomlint.parser.ParseOutcome;
import dev.oomlint.parser.PythonFrontEnd;
import dev.oomlint.rules.checks.RuleRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parses handed over by the warm-up are exactly the parses the engine would make itself. */
class StartupWarmupTest {
  @TempDir
  Path tmp;

  @Test
  void onlyForCheck() {
    assertNull(StartupWarmup.start(new String[] {"rules"}, tmp, RuleRegistry::all));
    assertNull(StartupWarmup.start(new String[] {}, tmp, RuleRegistry::all));
  }

  @Test
  void handsOverTheSameParsesAsTheFrontEnd() throws IOException {
    String good = "import torch\nfor x in loader:\n    loss = model(x)\n    loss.backward()\n";
    String bad = "def f(:\n    pass\n";
    String other = "y = [i for i in range(3)]\n";
    Files.writeString(tmp.resolve("good.py"), good);
    Files.writeString(tmp.resolve("bad.py"), bad);
    Files.writeString(tmp.resolve("notes.txt"), other);
    StartupWarmup warm = StartupWarmup.start(
        new String[] {"check", "--select", "OOM1", "good.py", "bad.py", "missing.py", "notes.txt"}, tmp,
        RuleRegistry::all);
    assertNotNull(warm);
    for (int round = 0; round < 2; round++) { // the second time nothing is ahead any more
      for (String text : new String[] {good, bad, other, StartupWarmup.SAMPLE}) {
        ParseOutcome expected = PythonFrontEnd.parse(text);
        ParseOutcome got = warm.parse(new SourceFile("x.py", text));
        assertEquals(expected, got, text);
      }
    }
    assertInstanceOf(ParseOutcome.Failed.class, warm.parse(new SourceFile("bad.py", bad)));
  }

  @Test
  void aTextTheEngineParsedBeforeTheFilesWereReadIsNotParsedAgain() throws IOException {
    String early = "x = 1\n";
    String late = "y = 2\n";
    Files.writeString(tmp.resolve("early.py"), early);
    Files.writeString(tmp.resolve("late.py"), late);
    StartupWarmup warm = StartupWarmup.unstarted();
    // the engine gets to early.py before the parser thread has read the named files
    assertEquals(PythonFrontEnd.parse(early), warm.parse(new SourceFile("early.py", early)));
    List<String> ahead = warm.read(new String[] {"check", "early.py", "late.py"}, tmp);
    assertEquals(List.of(late), ahead, "early.py is the engine's");
    warm.filesRead(ahead);
    warm.parseAhead(late);
    assertEquals(PythonFrontEnd.parse(late), warm.parse(new SourceFile("late.py", late)));
    assertEquals(PythonFrontEnd.parse(early), warm.parse(new SourceFile("early.py", early)));
  }

  @Test
  void filesWithTheSameTextNeverWaitForEachOtherForever() throws IOException {
    String same = "import torch\nx = torch.zeros(3)\n";
    for (int i = 1; i <= 3; i++) {
      Files.writeString(tmp.resolve("batch" + i + ".py"), same);
    }
    // the engine sees all three before the parser thread has read them (what once hung a pre-commit run)
    StartupWarmup early = StartupWarmup.unstarted();
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      for (int i = 1; i <= 3; i++) {
        assertEquals(PythonFrontEnd.parse(same), early.parse(new SourceFile("batch" + i + ".py", same)));
      }
      assertEquals(List.of(), early.read(new String[] {"check", "batch1.py", "batch2.py", "batch3.py"}, tmp));
      early.filesRead(List.of());
      early.dropEngineEntries();
      assertTrue(early.nothingAhead());
      assertEquals(PythonFrontEnd.parse(same), early.parse(new SourceFile("batch1.py", same)));
    });
    // ... and after it has read them
    StartupWarmup late = StartupWarmup.unstarted();
    List<String> ahead = late.read(new String[] {"check", "batch1.py", "batch2.py", "batch3.py"}, tmp);
    assertEquals(List.of(same), ahead);
    late.filesRead(ahead);
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      for (int i = 1; i <= 3; i++) {
        assertEquals(PythonFrontEnd.parse(same), late.parse(new SourceFile("batch" + i + ".py", same)));
      }
    });
  }

  @Test
  void theWholeCommandOnFilesWithTheSameTextFinishes() throws IOException {
    String same = "import torch\nlosses = []\nfor x in loader:\n    loss = model(x)\n    loss.backward()\n"
        + "    losses.append(loss)\n";
    String[] args = new String[6];
    args[0] = "check";
    for (int i = 1; i <= 5; i++) {
      Files.writeString(tmp.resolve("batch" + i + ".py"), same);
      args[i] = "batch" + i + ".py";
    }
    for (int round = 0; round < 20; round++) { // races differ from round to round
      StartupWarmup warm = StartupWarmup.start(args, tmp, RuleRegistry::all);
      assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
        for (int i = 1; i <= 5; i++) {
          assertEquals(PythonFrontEnd.parse(same), warm.parse(new SourceFile("batch" + i + ".py", same)));
        }
        warm.join();
      });
    }
  }

  @Test
  void onceTheFilesAreReadAnUnnamedTextLeavesNoMark() {
    StartupWarmup warm = StartupWarmup.unstarted();
    warm.filesRead(List.of());
    String text = "z = 3\n";
    assertEquals(PythonFrontEnd.parse(text), warm.parse(new SourceFile("z.py", text)));
    assertTrue(warm.nothingAhead());
  }

  @Test
  void theSampleParses() {
    assertInstanceOf(ParseOutcome.Parsed.class, PythonFrontEnd.parse(StartupWarmup.SAMPLE));
  }
}
