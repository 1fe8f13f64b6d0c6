package dev.oomlint.engine;

import dev.oomlint.semantic.Scope;
import dev.oomlint.source.SourceReader;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Finds the files to check under the given paths: walks directories (sorted, so the order is
 * deterministic) for Python files, skips excluded names and what {@code .gitignore} files ignore
 * (those of the enclosing git repository above the walk root, and every one inside the tree), and
 * follows a symbolic link only when it points back into the tree it was found in. A path named
 * explicitly is always checked, whatever its extension (a {@code .ipynb} one as a notebook),
 * unless {@code forceExclude} is set and it is excluded. Each file is listed once, even when reached twice.
 */
public final class FileWalker {
  /** One file to check: where it is and how it is shown to the user. */
  public record Target(Path path, String displayPath) {}

  /** The files found, in walk order, and the directories that could not be read. */
  public record Walk(List<Target> files, List<FileResult> problems) {}

  /** Lists a directory's entries; a seam so tests can make a directory unreadable even as root. */
  @FunctionalInterface
  public interface DirectoryLister {
    List<Path> list(Path dir) throws IOException;
  }

  private final PathFilter filter;
  private final boolean respectGitignore;
  private final boolean forceExclude;
  private final Path workingDir;
  private final DirectoryLister lister;
  /** Told of each file as the walk finds it (the engine starts checking it at once); may be null. */
  private Consumer<Target> onFile;

  public FileWalker(PathFilter filter, boolean respectGitignore, boolean forceExclude, Path workingDir) {
    this(filter, respectGitignore, forceExclude, workingDir, new SortedLister());
  }

  /** {@link #listSorted} (a class, not a method reference: a one-file run links no lambda before its parse). */
  private static final class SortedLister implements DirectoryLister {
    @Override
    public List<Path> list(Path dir) throws IOException {
      return listSorted(dir);
    }
  }

  public FileWalker(PathFilter filter, boolean respectGitignore, boolean forceExclude, Path workingDir,
      DirectoryLister lister) {
    this.filter = filter;
    this.respectGitignore = respectGitignore;
    this.forceExclude = forceExclude;
    this.workingDir = workingDir.toAbsolutePath().normalize();
    this.lister = lister;
  }

  /**
   * Tells {@code onFile} of each file as the walk finds it, before {@link #walk} returns them all (a
   * large tree takes the walk ~0.1 s, which the checks of the first files can overlap).
   */
  public void onFile(Consumer<Target> onFile) {
    this.onFile = onFile;
  }

  private void found(List<Target> files, Target t) {
    files.add(t);
    if (onFile != null) {
      onFile.accept(t);
    }
  }

  /** Whether a file name is a source file oomlint checks when found in a directory walk. */
  public static boolean isSourceFile(String name) {
    return name.endsWith(".py") || name.endsWith(".pyi") || name.endsWith(".ipynb");
  }

  /** Walks {@code paths} (each must exist; relative ones are resolved against the working directory). */
  public Walk walk(List<Path> paths) {
    List<Target> files = new ArrayList<>();
    List<FileResult> problems = new ArrayList<>();
    Set<Path> seenFiles = new HashSet<>();
    for (Path given : paths) {
      Path abs = workingDir.resolve(given).normalize();
      if (Files.isDirectory(abs)) {
        if (forceExclude && filter.excludedWithAncestors(abs) && !abs.equals(workingDir)) {
          continue;
        }
        Path realRoot;
        try {
          realRoot = abs.toRealPath();
        } catch (IOException e) {
          problems.add(unreadable(abs, "directory cannot be read: " + SourceReader.describe(e)));
          continue;
        }
        List<Scope> scopes = respectGitignore ? ancestorIgnores(abs) : new ArrayList<>();
        new TreeWalk(realRoot, files, problems, seenFiles).walkDir(abs, realRoot, scopes);
      } else {
        if (forceExclude && filter.excludedWithAncestors(abs)) {
          continue;
        }
        Path key = realOrSelf(abs);
        if (seenFiles.add(key)) {
          found(files, new Target(abs, display(abs)));
        }
      }
    }
    return new Walk(files, problems);
  }

  /** A .gitignore in force for the directory {@code dir} and everything below it. */
  private record Scope(Path dir, Gitignore rules) {}

  private final class TreeWalk {
    private final Path treeRoot;
    private final List<Target> files;
    private final List<FileResult> problems;
    private final Set<Path> seenFiles;
    private final Set<Path> seenDirs = new HashSet<>();

    TreeWalk(Path treeRoot, List<Target> files, List<FileResult> problems, Set<Path> seenFiles) {
      this.treeRoot = treeRoot;
      this.files = files;
      this.problems = problems;
      this.seenFiles = seenFiles;
    }

    /** {@code dir} is the path as reached (for display), {@code realDir} its real path. */
    void walkDir(Path dir, Path realDir, List<Scope> scopes) {
      if (!seenDirs.add(realDir)) {
        return; // a link cycle, or a directory reached twice
      }
      List<Path> entries;
      try {
        entries = lister.list(dir);
      } catch (AccessDeniedException e) {
        problems.add(unreadable(dir, "directory cannot be read: permission denied"));
        return;
      } catch (IOException | RuntimeException e) {
        problems.add(unreadable(dir, "directory cannot be read: " + SourceReader.describe(e)));
        return;
      }
      List<Scope> inner = scopes;
      if (respectGitignore) {
        Path gi = dir.resolve(".gitignore");
        if (Files.isRegularFile(gi)) {
          Gitignore rules = Gitignore.load(gi);
          if (!rules.isEmpty()) {
            inner = new ArrayList<>(scopes);
            inner.add(new Scope(dir, rules));
          }
        }
      }
      for (Path entry : entries) {
        visit(entry, inner);
      }
    }

    private void visit(Path entry, List<Scope> scopes) {
      BasicFileAttributes attrs;
      try {
        attrs = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (IOException e) {
        return; // vanished while walking
      }
      Path real = entry;
      boolean isDir = attrs.isDirectory();
      boolean isFile = attrs.isRegularFile();
      if (attrs.isSymbolicLink()) {
        try {
          real = entry.toRealPath();
        } catch (IOException e) {
          return; // dangling link
        }
        if (!real.startsWith(treeRoot)) {
          return; // never leave the tree through a link
        }
        isDir = Files.isDirectory(real);
        isFile = Files.isRegularFile(real);
      }
      if (filter.excluded(entry) || (respectGitignore && ignored(entry, isDir, scopes))) {
        return;
      }
      if (isDir) {
        walkDir(entry, attrs.isSymbolicLink() ? real : realOrSelf(entry), scopes);
      } else if (isFile && isSourceFile(entry.getFileName().toString())) {
        if (seenFiles.add(attrs.isSymbolicLink() ? real : realOrSelf(entry))) {
          found(files, new Target(entry, display(entry)));
        }
      }
    }
  }

  private static boolean ignored(Path path, boolean isDir, List<Scope> scopes) {
    for (int i = scopes.size() - 1; i >= 0; i--) {
      Scope s = scopes.get(i);
      if (!path.startsWith(s.dir)) {
        continue;
      }
      Gitignore.Verdict v = s.rules.match(PathFilter.slashes(s.dir.relativize(path)), isDir);
      if (v != Gitignore.Verdict.NONE) {
        return v == Gitignore.Verdict.IGNORED;
      }
    }
    return false;
  }

  /** The .gitignore files of the git repository enclosing {@code root}, from its top down to root's parent. */
  private static List<Scope> ancestorIgnores(Path root) {
    List<Path> chain = new ArrayList<>();
    Path repo = null;
    for (Path p = root; p != null; p = p.getParent()) {
      if (Files.exists(p.resolve(".git"))) {
        repo = p;
        break;
      }
      chain.add(0, p);
    }
    List<Scope> scopes = new ArrayList<>();
    if (repo == null || repo.equals(root)) {
      return scopes;
    }
    List<Path> dirs = new ArrayList<>();
    dirs.add(repo);
    for (Path p : chain) {
      if (!p.equals(root)) {
        dirs.add(p);
      }
    }
    for (Path d : dirs) {
      Path gi = d.resolve(".gitignore");
      if (Files.isRegularFile(gi)) {
        scopes.add(new Scope(d, Gitignore.load(gi)));
      }
    }
    return scopes;
  }

  private static List<Path> listSorted(Path dir) throws IOException {
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        out.add(p);
      }
    }
    out.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
    return out;
  }

  private static Path realOrSelf(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p;
    }
  }

  /** How {@code abs} is shown: relative to the working directory when below it, else absolute. */
  public String display(Path abs) {
    return displayPath(workingDir, abs);
  }

  public static String displayPath(Path workingDir, Path abs) {
    Path n = abs.normalize();
    if (n.startsWith(workingDir) && !n.equals(workingDir)) {
      return workingDir.relativize(n).toString();
    }
    return n.toString();
  }

  private FileResult unreadable(Path dir, String message) {
    return new FileResult(display(dir), null, List.of(),
        new FileProblem(FileProblem.Kind.UNREADABLE, message, null));
  }
}
