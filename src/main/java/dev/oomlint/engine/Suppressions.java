package dev.oomlint.engine;

import dev.oomlint.ast.Mod.Comment;
import dev.oomlint.ast.Mod.Module;
import dev.oomlint.ast.Support.ExceptHandler;
import dev.oomlint.ast.Support.MatchCase;
import dev.oomlint.ast.LineIndex;
import dev.oomlint.ast.Stmt;
import dev.oomlint.diagnostics.Diagnostic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code noqa} comments of one file. {@code # noqa} silences every finding reported on its line,
 * {@code # noqa: OOM101, OOM102} only those codes. A finding inside a statement that spans several
 * lines may also be silenced on the statement's first or last line (for a compound statement, of
 * its header). {@code # oomlint: noqa} anywhere silences the whole file, {@code # oomlint: noqa:
 * OOM301} one code in the whole file.
 */
public final class Suppressions {
  private static final Pattern LINE_NOQA =
      Pattern.compile("#\\s*(?i:noqa)(?::\\s*([^#]*))?(?![\\w-])");
  private static final Pattern FILE_NOQA =
      Pattern.compile("#\\s*(?i:oomlint)\\s*:\\s*(?i:noqa)(?::\\s*([^#]*))?(?![\\w-])");
  private static final Pattern CODE = Pattern.compile("[A-Z]+[0-9]+");

  /** All codes of a directive, or null for "everything". */
  private final Map<Integer, Set<String>> lineCodes = new HashMap<>();
  private final Set<Integer> lineAll = new HashSet<>();
  private boolean fileAll;
  private final Set<String> fileCodes = new HashSet<>();
  private final Module module;
  private final LineIndex lines;

  private Suppressions(Module module, LineIndex lines) {
    this.module = module;
    this.lines = lines;
  }

  public static Suppressions of(Module module, LineIndex lines) {
    Suppressions s = new Suppressions(module, lines);
    for (Comment c : module.comments()) {
      s.read(c);
    }
    return s;
  }

  private void read(Comment c) {
    String text = c.text();
    if (!mentionsNoqa(text)) {
      return; // both directives spell noqa (in ASCII, any case): most comments need no regex
    }
    Matcher f = FILE_NOQA.matcher(text);
    if (f.find()) {
      List<String> codes = codes(f.group(1));
      if (codes.isEmpty()) {
        fileAll = true;
      } else {
        fileCodes.addAll(codes);
      }
      return;
    }
    Matcher m = LINE_NOQA.matcher(text);
    if (m.find()) {
      int line = lines.line(c.range().start());
      List<String> codes = codes(m.group(1));
      if (codes.isEmpty()) {
        lineAll.add(line);
      } else {
        lineCodes.computeIfAbsent(line, k -> new HashSet<>()).addAll(codes);
      }
    }
  }

  /** Whether {@code text} contains "noqa" in any ASCII letter case (what {@code (?i:noqa)} matches). */
  static boolean mentionsNoqa(String text) {
    int n = text.length();
    for (int i = 0; i + 4 <= n; i++) {
      char c = text.charAt(i);
      if ((c == 'n' || c == 'N') && lower(text.charAt(i + 1)) == 'o' && lower(text.charAt(i + 2)) == 'q'
          && lower(text.charAt(i + 3)) == 'a') {
        return true;
      }
    }
    return false;
  }

  private static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  /** The leading run of codes in {@code list} ("OOM101, OOM102 because ..." gives two). */
  private static List<String> codes(String list) {
    List<String> out = new ArrayList<>();
    if (list == null) {
      return out;
    }
    for (String tok : list.trim().split("[\\s,]+")) {
      if (!CODE.matcher(tok).matches()) {
        break;
      }
      out.add(tok);
    }
    return out;
  }

  public boolean isEmpty() {
    return !fileAll && fileCodes.isEmpty() && lineAll.isEmpty() && lineCodes.isEmpty();
  }

  /** True when a file-level {@code # oomlint: noqa} (without codes) silences everything. */
  public boolean fileSuppressed() {
    return fileAll;
  }

  public boolean suppressed(Diagnostic d) {
    if (fileAll || fileCodes.contains(d.code())) {
      return true;
    }
    if (lineAll.isEmpty() && lineCodes.isEmpty()) {
      return false;
    }
    int start = d.range().start();
    if (suppressedOn(lines.line(start), d.code())) {
      return true;
    }
    int[] span = statementLines(start);
    return span != null && (suppressedOn(span[0], d.code()) || suppressedOn(span[1], d.code()));
  }

  private boolean suppressedOn(int line, String code) {
    if (lineAll.contains(line)) {
      return true;
    }
    Set<String> codes = lineCodes.get(line);
    return codes != null && codes.contains(code);
  }

  /** First and last line of the innermost statement (or compound-statement header) holding {@code offset}. */
  int[] statementLines(int offset) {
    return find(module.body(), offset);
  }

  private int[] find(List<Stmt> body, int offset) {
    for (Stmt s : body) {
      if (s.range().start() <= offset && offset < Math.max(s.range().end(), s.range().start() + 1)) {
        List<List<Stmt>> blocks = blocks(s);
        if (blocks.isEmpty()) {
          return span(s.range().start(), s.range().end());
        }
        int firstBody = firstStart(blocks, s);
        if (offset < firstBody) {
          return header(s.range().start(), firstBody);
        }
        for (List<Stmt> block : blocks) {
          int[] inner = find(block, offset);
          if (inner != null) {
            return inner;
          }
        }
        for (Object part : parts(s)) {
          int[] inner = findInPart(part, offset);
          if (inner != null) {
            return inner;
          }
        }
        return null;
      }
    }
    return null;
  }

  private int[] findInPart(Object part, int offset) {
    if (part instanceof ExceptHandler h && h.range().contains(offset)) {
      if (!h.body().isEmpty() && offset < h.body().get(0).range().start()) {
        return header(h.range().start(), h.body().get(0).range().start());
      }
      return find(h.body(), offset);
    }
    if (part instanceof MatchCase c && c.range().contains(offset)) {
      if (!c.body().isEmpty() && offset < c.body().get(0).range().start()) {
        return header(c.range().start(), c.body().get(0).range().start());
      }
      return find(c.body(), offset);
    }
    return null;
  }

  private int[] span(int start, int end) {
    int last = lines.line(Math.max(start, end - 1));
    return new int[] {lines.line(start), last};
  }

  private int[] header(int start, int firstBodyStart) {
    int first = lines.line(start);
    int bodyLine = lines.line(firstBodyStart);
    return new int[] {first, bodyLine > first ? bodyLine - 1 : first};
  }

  private static int firstStart(List<List<Stmt>> blocks, Stmt s) {
    int min = Integer.MAX_VALUE;
    for (List<Stmt> b : blocks) {
      if (!b.isEmpty()) {
        min = Math.min(min, b.get(0).range().start());
      }
    }
    for (Object p : parts(s)) {
      if (p instanceof ExceptHandler h) {
        min = Math.min(min, h.range().start());
      } else if (p instanceof MatchCase c) {
        min = Math.min(min, c.range().start());
      }
    }
    return min;
  }

  /** The statement lists directly inside a compound statement (empty for a simple statement). */
  private static List<List<Stmt>> blocks(Stmt s) {
    if (s instanceof Stmt.FunctionDef f) {
      return List.of(f.body());
    } else if (s instanceof Stmt.ClassDef c) {
      return List.of(c.body());
    } else if (s instanceof Stmt.For f) {
      return List.of(f.body(), f.orelse());
    } else if (s instanceof Stmt.While w) {
      return List.of(w.body(), w.orelse());
    } else if (s instanceof Stmt.If i) {
      return List.of(i.body(), i.orelse());
    } else if (s instanceof Stmt.With w) {
      return List.of(w.body());
    } else if (s instanceof Stmt.Try t) {
      return List.of(t.body(), t.orelse(), t.finalbody());
    } else if (s instanceof Stmt.Match m) {
      return List.of(List.of()); // cases are parts
    }
    return List.of();
  }

  private static List<?> parts(Stmt s) {
    if (s instanceof Stmt.Try t) {
      return t.handlers();
    } else if (s instanceof Stmt.Match m) {
      return m.cases();
    }
    return List.of();
  }
}
