package dev.oomlint.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code exclude} / {@code extend-exclude} globs. As in Ruff, a pattern without a {@code /}
 * matches the name of any file or directory at any depth ({@code .venv}, {@code foo_*.py}); a pattern
 * with one matches the path relative to the project root ({@code src/gen/*.py}).
 */
public final class PathFilter {
  /**
   * Directories (and files) never walked into unless {@code exclude} is set explicitly: Ruff's default
   * exclusions (among them Jupyter's {@code .ipynb_checkpoints} autosave copies, which would repeat a
   * notebook's findings), and {@code __pycache__}.
   */
  public static final List<String> DEFAULT_EXCLUDES = List.of(
      ".bzr", ".direnv", ".eggs", ".git", ".git-rewrite", ".hg", ".ipynb_checkpoints", ".mypy_cache", ".nox",
      ".pants.d", ".pyenv", ".pytest_cache", ".pytype", ".ruff_cache", ".svn", ".tox", ".venv", ".vscode",
      "__pycache__", "__pypackages__", "_build", "buck-out", "build", "dist", "node_modules", "site-packages", "venv");

  private final Path projectRoot;
  private final List<Glob> nameGlobs = new ArrayList<>();
  private final List<Glob> pathGlobs = new ArrayList<>();

  /** {@code projectRoot} must be absolute and normalized. */
  public PathFilter(Path projectRoot, List<String> patterns) {
    this.projectRoot = projectRoot;
    for (String p : patterns) {
      String s = p.replace('\\', '/');
      while (s.startsWith("./")) {
        s = s.substring(2);
      }
      if (s.endsWith("/") && s.length() > 1) {
        s = s.substring(0, s.length() - 1);
      }
      if (s.indexOf('/') >= 0) {
        pathGlobs.add(Glob.compile(s.startsWith("/") ? s.substring(1) : s, true));
      } else {
        nameGlobs.add(Glob.compile(s, true));
      }
    }
  }

  public static PathFilter defaults(Path projectRoot) {
    return new PathFilter(projectRoot, DEFAULT_EXCLUDES);
  }

  /** True when {@code path} (absolute) itself is excluded; its ancestors are not looked at. */
  public boolean excluded(Path path) {
    Path name = path.getFileName();
    if (name != null) {
      String n = name.toString();
      for (Glob g : nameGlobs) {
        if (g.matches(n)) {
          return true;
        }
      }
    }
    if (!pathGlobs.isEmpty() && path.startsWith(projectRoot)) {
      String rel = slashes(projectRoot.relativize(path));
      for (Glob g : pathGlobs) {
        if (g.matches(rel)) {
          return true;
        }
      }
    }
    return false;
  }

  /** True when {@code path} or one of its ancestors up to the project root is excluded (for {@code --force-exclude}). */
  public boolean excludedWithAncestors(Path path) {
    for (Path p = path; p != null; p = p.getParent()) {
      if (excluded(p)) {
        return true;
      }
      if (p.equals(projectRoot)) {
        break;
      }
    }
    return false;
  }

  static String slashes(Path rel) {
    return rel.toString().replace(rel.getFileSystem().getSeparator(), "/");
  }
}
