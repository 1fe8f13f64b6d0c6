package dev.oomlint.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnifiedDiffTest {
  @TempDir
  Path tmp;

  @Test
  void equalTextsHaveNoDiff() {
    assertEquals("", UnifiedDiff.diff("a.py", "x\n", "x\n"));
  }

  @Test
  void oneChangeWithContext() {
    String before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
    String after = "1\n2\n3\n4\nFIVE\n6\n7\n8\n9\n";
    assertEquals("--- a.py\n+++ a.py\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+FIVE\n 6\n 7\n 8\n",
        UnifiedDiff.diff("a.py", before, after));
  }

  @Test
  void missingFinalNewlineIsMarked() {
    assertEquals("--- a.py\n+++ a.py\n@@ -1 +1 @@\n-x\n\\ No newline at end of file\n+y\n\\ No newline at end of file\n",
        UnifiedDiff.diff("a.py", "x", "y"));
  }

  @Test
  void insertionIntoEmptyAndDeletionOfAll() {
    assertEquals("--- e.py\n+++ e.py\n@@ -0,0 +1,2 @@\n+a\n+b\n", UnifiedDiff.diff("e.py", "", "a\nb\n"));
    assertEquals("--- e.py\n+++ e.py\n@@ -1,2 +0,0 @@\n-a\n-b\n", UnifiedDiff.diff("e.py", "a\nb\n", ""));
  }

  /** Random edits, checked against GNU diff -u (same hunks) when present, and always by applying the patch. */
  @Test
  void randomEditsMatchGnuDiffAndApplyBack() throws Exception {
    Random rnd = new Random(42);
    boolean gnu = Files.isExecutable(Path.of("/usr/bin/diff"));
    for (int iter = 0; iter < 40; iter++) {
      List<String> a = new ArrayList<>();
      int n = rnd.nextInt(40);
      for (int i = 0; i < n; i++) {
        a.add("line " + rnd.nextInt(12) + "\n");
      }
      List<String> b = new ArrayList<>(a);
      int edits = rnd.nextInt(5);
      for (int e = 0; e < edits; e++) {
        int op = rnd.nextInt(3);
        int at = b.isEmpty() ? 0 : rnd.nextInt(b.size());
        if (op == 0 || b.isEmpty()) {
          b.add(at, "new " + rnd.nextInt(100) + "\n");
        } else if (op == 1) {
          b.remove(at);
        } else {
          b.set(at, "changed " + rnd.nextInt(100) + "\n");
        }
      }
      String before = String.join("", a);
      String after = String.join("", b);
      String ours = UnifiedDiff.diff("f.py", before, after);
      assertEquals(after, apply(before, ours), ours);
      if (gnu && !ours.isEmpty()) {
        String theirs = gnuDiff(before, after);
        assertEquals(hunkCount(theirs), hunkCount(ours), "hunks differ:\n" + ours + "\nvs\n" + theirs);
        assertEquals(changedLines(theirs), changedLines(ours), "edit sizes differ:\n" + ours + "\nvs\n" + theirs);
      }
    }
  }

  private static long hunkCount(String diff) {
    return diff.lines().filter(l -> l.startsWith("@@")).count();
  }

  private static long changedLines(String diff) {
    return diff.lines().filter(l -> (l.startsWith("+") || l.startsWith("-")) && !l.startsWith("+++")
        && !l.startsWith("---")).count();
  }

  private String gnuDiff(String before, String after) throws IOException, InterruptedException {
    Path a = Files.writeString(tmp.resolve("a"), before);
    Path b = Files.writeString(tmp.resolve("b"), after);
    Process p = new ProcessBuilder("/usr/bin/diff", "-u", a.toString(), b.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(10, TimeUnit.SECONDS);
    return out;
  }

  /** Applies a unified diff produced for one file. */
  static String apply(String before, String diff) {
    if (diff.isEmpty()) {
      return before;
    }
    List<String> src = UnifiedDiff.splitLines(before);
    List<String> out = new ArrayList<>();
    int next = 0;
    String[] lines = diff.split("\n", -1);
    for (int i = 2; i < lines.length; i++) {
      String l = lines[i];
      if (l.startsWith("@@")) {
        String old = l.split(" ")[1].substring(1);
        int start = Integer.parseInt(old.split(",")[0]);
        int len = old.contains(",") ? Integer.parseInt(old.split(",")[1]) : 1;
        int from = len == 0 ? start : start - 1;
        while (next < from) {
          out.add(src.get(next++));
        }
      } else if (l.startsWith(" ")) {
        out.add(src.get(next++));
      } else if (l.startsWith("-")) {
        next++;
      } else if (l.startsWith("+")) {
        boolean noEol = i + 1 < lines.length && lines[i + 1].startsWith("\\");
        out.add(l.substring(1) + (noEol ? "" : "\n"));
      }
    }
    while (next < src.size()) {
      out.add(src.get(next++));
    }
    return String.join("", out);
  }
}
