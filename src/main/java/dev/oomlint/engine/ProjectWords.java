package dev.oomlint.engine;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which files of one project spell which words: every identifier-like word ({@code [A-Za-z_][A-Za-z0-9_]*})
 * of the project's source, notebook, configuration, shell and Markdown files, mapped to the one
 * file that spells it or to "several". It answers "does a file other than this one mention this name?"
 * ({@link #mentionedOutside}), the test that tells a definition nothing in the project uses
 * (see {@link dev.oomlint.semantic.UnusedDefinitions}). Comments, strings and text count as mentions
 * on purpose: a name spelled anywhere (a YAML config, a registry string, a README command line) may be
 * how the definition is reached.
 *
 * <p>Built once per project root and run, only when asked, by one walk that skips hidden directories,
 * virtual environments, {@code node_modules} and {@code __pycache__}. Words are kept as 64-bit hashes in
 * an open-addressing table (no object per word). A project above {@link #MAX_FILES} files or
 * {@link #MAX_BYTES} bytes of such text is not indexed (found by listing it before reading any file): then
 * every name counts as mentioned. Large projects are libraries, whose unused functions are public API,
 * and reading them would cost a whole-repository run a tenth of its time.
 */
final class ProjectWords {
  static final int MAX_FILES = 6000;
  static final long MAX_BYTES = 24L << 20;
  /** Lines of notebooks and JSON files longer than this are outputs (images, tables), not names. */
  private static final int MAX_DATA_LINE = 2000;
  private static final Set<String> TEXT = Set.of("py", "pyi", "pyx", "ipynb", "yaml", "yml", "json", "cfg",
      "toml", "ini", "sh", "md", "jsonnet", "gin");
  /**
   * Fewer than PathFilter.DEFAULT_EXCLUDES on purpose: a build/ or dist/ copy that calls a name is still a
   * mention, and a missed mention would hide a finding.
   */
  private static final Set<String> SKIP_DIRS = Set.of("node_modules", "__pycache__", "site-packages");
  private static final int SEVERAL = -1;
  private static final long DEF = hash("def");
  private static final long CLASS = hash("class");

  private final Map<Path, Integer> fileIds = new HashMap<>();
  private long[] keys = new long[1 << 14];
  private int[] values = new int[1 << 14];
  private boolean[] used = new boolean[1 << 14];
  private int size;

  private ProjectWords() {}

  /** The index of the project under {@code root}; null when it is too large or cannot be walked. */
  static ProjectWords of(Path root, long maxFileSize) {
    // first the file list and sizes (cheap), so that a large library is given up before any is read
    List<Path> files = new ArrayList<>();
    long[] bytes = {0};
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          if (dir.equals(root)) {
            return FileVisitResult.CONTINUE;
          }
          String name = String.valueOf(dir.getFileName());
          if (name.startsWith(".") || SKIP_DIRS.contains(name) || Files.exists(dir.resolve("pyvenv.cfg"))) {
            return FileVisitResult.SKIP_SUBTREE;
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          String ext = extension(file);
          if (!attrs.isRegularFile() || ext == null || !TEXT.contains(ext) || attrs.size() > maxFileSize) {
            return FileVisitResult.CONTINUE;
          }
          bytes[0] += attrs.size();
          files.add(file);
          return files.size() > MAX_FILES || bytes[0] > MAX_BYTES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException exc) {
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException | RuntimeException e) {
      return null;
    }
    if (files.size() > MAX_FILES || bytes[0] > MAX_BYTES) {
      return null;
    }
    ProjectWords w = new ProjectWords();
    for (Path file : files) {
      int id = w.fileIds.size();
      w.fileIds.put(file.toAbsolutePath().normalize(), id);
      String ext = extension(file);
      try {
        w.scan(Files.readAllBytes(file), id, ext.equals("ipynb") || ext.equals("json"));
      } catch (IOException | OutOfMemoryError e) {
        // an unreadable file spells nothing we can see
      }
    }
    return w;
  }

  /** Whether a file other than {@code self} (absolute, normalized) spells {@code word}. */
  boolean mentionedOutside(String word, Path self) {
    int v = get(hash(word));
    if (v == Integer.MIN_VALUE) {
      return false;
    }
    if (v == SEVERAL) {
      return true;
    }
    Integer own = fileIds.get(self);
    return own == null || own != v;
  }

  private static String extension(Path file) {
    String n = String.valueOf(file.getFileName());
    int dot = n.lastIndexOf('.');
    return dot < 0 ? null : n.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private void scan(byte[] b, int id, boolean data) {
    boolean defined = false;
    int n = b.length;
    int i = data ? skipDataLine(b, 0) : 0;
    while (i < n) {
      int k = KIND[b[i] & 0xff];
      if (k == 0) {
        byte c = b[i++];
        if (c == '\n') {
          if (data) {
            i = skipDataLine(b, i);
          }
        } else if (c != ' ' && c != '\t') {
          defined = false;
        }
        continue;
      }
      if (k == 2) { // a word starting with a digit: skip it whole
        while (i < n && KIND[b[i] & 0xff] != 0) {
          i++;
        }
        continue;
      }
      long h = 0xcbf29ce484222325L;
      int start = i;
      while (i < n && KIND[b[i] & 0xff] != 0) {
        h = (h ^ (b[i] & 0xff)) * 0x100000001b3L;
        i++;
      }
      if (i - start <= 80 && !defined) {
        put(h, id);
      }
      // the name a `def`/`class` introduces is a definition, not a use (copies of a module define the same names)
      defined = h == DEF || h == CLASS;
    }
  }

  /** {@code from} if the line starting there is short; else the offset of its newline (an output line of a notebook or JSON file). */
  private static int skipDataLine(byte[] b, int from) {
    int end = from;
    while (end < b.length && b[end] != '\n') {
      end++;
    }
    return end - from > MAX_DATA_LINE ? end : from;
  }

  static long hash(String word) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < word.length(); i++) {
      h = (h ^ (word.charAt(i) & 0xff)) * 0x100000001b3L;
    }
    return h;
  }

  /** Per byte: 1 starts a word (letter, underscore), 2 continues one (also digits), 0 neither. */
  private static final byte[] KIND = new byte[256];

  static {
    for (int c = 0; c < 128; c++) {
      KIND[c] = (byte) (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' ? 1 : c >= '0' && c <= '9' ? 2 : 0);
    }
  }

  private static boolean isStart(byte c) {
    return KIND[c & 0xff] == 1;
  }

  private static boolean isPart(byte c) {
    return KIND[c & 0xff] != 0;
  }

  private int slot(long key) {
    int mask = keys.length - 1;
    int s = (int) (key ^ (key >>> 29) ^ (key >>> 47)) & mask;
    while (used[s] && keys[s] != key) {
      s = (s + 1) & mask;
    }
    return s;
  }

  private int get(long key) {
    int s = slot(key);
    return used[s] ? values[s] : Integer.MIN_VALUE;
  }

  private void put(long key, int id) {
    int s = slot(key);
    if (used[s]) {
      if (values[s] != id) {
        values[s] = SEVERAL;
      }
      return;
    }
    used[s] = true;
    keys[s] = key;
    values[s] = id;
    if (++size * 2 > keys.length) {
      grow();
    }
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    boolean[] oldUsed = used;
    keys = new long[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    used = new boolean[oldKeys.length * 2];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldUsed[i]) {
        int s = slot(oldKeys[i]);
        used[s] = true;
        keys[s] = oldKeys[i];
        values[s] = oldValues[i];
      }
    }
  }
}
