package dev.oomlint.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code per-file-ignores}: glob to selectors. A glob without {@code /} matches a file's name, one
 * with {@code /} its path relative to the project root (as in Ruff); {@code {a,b}} alternations work.
 */
public final class PerFileIgnores {
  public static final PerFileIgnores NONE = new PerFileIgnores(Path.of("/"), Map.of());

  private record Entry(Glob glob, boolean byName, List<String> selectors) {}

  private final Path projectRoot;
  private final List<Entry> entries = new ArrayList<>();

  public PerFileIgnores(Path projectRoot, Map<String, List<String>> table) {
    this.projectRoot = projectRoot;
    for (Map.Entry<String, List<String>> e : new LinkedHashMap<>(table).entrySet()) {
      String g = e.getKey().replace('\\', '/');
      while (g.startsWith("./")) {
        g = g.substring(2);
      }
      boolean byName = g.indexOf('/') < 0;
      entries.add(new Entry(Glob.compile(g.startsWith("/") ? g.substring(1) : g, true), byName,
          List.copyOf(e.getValue())));
    }
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** Every selector listed in the table (for validation). */
  public List<String> selectors() {
    List<String> out = new ArrayList<>();
    entries.forEach(e -> out.addAll(e.selectors));
    return out;
  }

  /** The selectors that apply to the file at {@code absPath}. */
  public Set<String> selectorsFor(Path absPath) {
    if (entries.isEmpty()) {
      return Set.of();
    }
    Path name = absPath.getFileName();
    String rel = absPath.startsWith(projectRoot)
        ? PathFilter.slashes(projectRoot.relativize(absPath)) : null;
    Set<String> out = new HashSet<>();
    for (Entry e : entries) {
      boolean hit = e.byName
          ? (name != null && e.glob.matches(name.toString())) || (rel != null && e.glob.matches(rel))
          : rel != null && e.glob.matches(rel);
      if (hit) {
        out.addAll(e.selectors);
      }
    }
    return out;
  }
}
