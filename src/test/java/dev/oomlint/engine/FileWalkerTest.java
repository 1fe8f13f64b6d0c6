package dev.oomlint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileWalkerTest {
  @TempDir
  Path tmp;

  private Path write(String rel, String content) throws IOException {
    Path p = tmp.resolve(rel);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, content);
  }

  private List<String> walk(Path... roots) {
    return walk(new FileWalker(PathFilter.defaults(tmp), true, false, tmp), roots);
  }

  private List<String> walk(FileWalker w, Path... roots) {
    FileWalker.Walk walk = w.walk(List.of(roots));
    List<String> out = new ArrayList<>();
    walk.files().forEach(t -> out.add(t.displayPath().replace('\\', '/')));
    return out;
  }

  @Test
  void findsPythonFilesSortedAndSkipsDefaults() throws IOException {
    write("b.py", "");
    write("a.pyi", "");
    write("notes.txt", "");
    write("c.ipynb", "{}");
    write("pkg/m.py", "");
    write("pkg/sub/n.py", "");
    for (String d : PathFilter.DEFAULT_EXCLUDES) {
      write(d + "/x.py", "");
    }
    write("pkg/__pycache__/m.py", "");
    write("pkg/.ipynb_checkpoints/c-checkpoint.ipynb", "{}"); // Jupyter's autosave copy of a notebook
    write("pkg/.pytest_cache/v.py", "");
    assertEquals(List.of("a.pyi", "b.py", "c.ipynb", "pkg/m.py", "pkg/sub/n.py"), walk(tmp));
  }

  @Test
  void explicitFilesAreCheckedWhateverTheirName() throws IOException {
    write("script", "");
    write("dist/built.py", "");
    write("nb.ipynb", "{}");
    assertEquals(List.of("script", "dist/built.py", "nb.ipynb"),
        walk(tmp.resolve("script"), tmp.resolve("dist/built.py"), tmp.resolve("nb.ipynb")));
  }

  @Test
  void forceExcludeAppliesToExplicitPaths() throws IOException {
    write("dist/built.py", "");
    write("ok.py", "");
    FileWalker w = new FileWalker(PathFilter.defaults(tmp), true, true, tmp);
    assertEquals(List.of("ok.py"), walk(w, tmp.resolve("dist/built.py"), tmp.resolve("ok.py")));
  }

  @Test
  void configuredExcludes() throws IOException {
    write("gen_model.py", "");
    write("model.py", "");
    write("src/legacy/old.py", "");
    write("src/new.py", "");
    FileWalker w = new FileWalker(new PathFilter(tmp, List.of("gen_*.py", "src/legacy")), true, false, tmp);
    assertEquals(List.of("model.py", "src/new.py"), walk(w, tmp));
  }

  @Test
  void gitignoreRootNestedNegationAndDirOnly() throws IOException {
    write(".gitignore", "*_generated.py\nout/\n/top_only.py\ndata/**\n!keep_generated.py\n");
    write("a_generated.py", "");
    write("keep_generated.py", "");
    write("top_only.py", "");
    write("sub/top_only.py", "");
    write("out/x.py", "");
    write("sub/out/y.py", "");
    write("data/d.py", "");
    write("sub/.gitignore", "local.py\n!a_generated.py\n");
    write("sub/local.py", "");
    write("sub/a_generated.py", "");
    write("sub/b_generated.py", "");
    write("local.py", "");
    write("main.py", "");
    assertEquals(List.of("keep_generated.py", "local.py", "main.py", "sub/a_generated.py",
        "sub/top_only.py"), walk(tmp));
  }

  @Test
  void gitignoreOfEnclosingRepositoryApplies() throws IOException {
    Files.createDirectories(tmp.resolve(".git"));
    write(".gitignore", "src/gen/\n");
    write("src/.gitignore", "*.tmp.py\n");
    write("src/gen/g.py", "");
    write("src/pkg/a.py", "");
    write("src/pkg/b.tmp.py", "");
    assertEquals(List.of("src/pkg/a.py"), walk(tmp.resolve("src")));
    assertEquals(List.of("src/pkg/a.py"), walk(tmp.resolve("src/pkg")));
  }

  @Test
  void gitignoreCanBeTurnedOff() throws IOException {
    write(".gitignore", "*.py\n");
    write("a.py", "");
    assertEquals(List.of(), walk(tmp));
    assertEquals(List.of("a.py"), walk(new FileWalker(PathFilter.defaults(tmp), false, false, tmp), tmp));
  }

  @Test
  void symlinksStayInsideTheTree() throws IOException {
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("secret.py"), "");
    Path tree = Files.createDirectories(tmp.resolve("tree"));
    write("tree/real/a.py", "");
    Files.createSymbolicLink(tree.resolve("escape"), outside);
    Files.createSymbolicLink(tree.resolve("escape.py"), outside.resolve("secret.py"));
    Files.createSymbolicLink(tree.resolve("alias"), tree.resolve("real"));
    Files.createSymbolicLink(tree.resolve("real/loop"), tree);
    Files.createSymbolicLink(tree.resolve("dangling.py"), tmp.resolve("missing.py"));
    // alias/a.py is real/a.py reached twice: listed once (alias sorts first)
    assertEquals(List.of("tree/alias/a.py"), walk(tree));
  }

  @Test
  void unreadableDirectoryIsReportedAndTheWalkGoesOn() throws IOException {
    write("good/a.py", "");
    write("locked/b.py", "");
    write("z.py", "");
    FileWalker.DirectoryLister lister = dir -> {
      if (dir.getFileName() != null && dir.getFileName().toString().equals("locked")) {
        throw new AccessDeniedException(dir.toString());
      }
      List<Path> out = new ArrayList<>();
      try (var s = Files.list(dir)) {
        s.sorted().forEach(out::add);
      }
      return out;
    };
    FileWalker w = new FileWalker(PathFilter.defaults(tmp), true, false, tmp, lister);
    FileWalker.Walk walk = w.walk(List.of(tmp));
    List<String> files = new ArrayList<>();
    walk.files().forEach(t -> files.add(t.displayPath()));
    assertEquals(List.of("good/a.py".replace('/', java.io.File.separatorChar), "z.py"), files);
    assertEquals(1, walk.problems().size());
    FileResult p = walk.problems().get(0);
    assertEquals("locked", p.path());
    assertNull(p.source());
    assertEquals(FileProblem.Kind.UNREADABLE, p.problem().kind());
    assertEquals("directory cannot be read: permission denied", p.problem().message());
  }

  @Test
  void displayPathsAreRelativeToTheWorkingDirectoryWhenBelowIt() throws IOException {
    Path a = write("w/a.py", "");
    FileWalker w = new FileWalker(PathFilter.defaults(tmp), true, false, tmp.resolve("w"));
    assertEquals(List.of("a.py"), walk(w, a));
    FileWalker other = new FileWalker(PathFilter.defaults(tmp), true, false, tmp.resolve("elsewhere"));
    assertTrue(walk(other, a).get(0).endsWith("/w/a.py"));
    assertTrue(Path.of(walk(other, a).get(0)).isAbsolute());
  }

  @Test
  void sameFileGivenTwiceIsListedOnce() throws IOException {
    Path a = write("a.py", "");
    assertEquals(List.of("a.py"), walk(a, tmp, a));
  }
}
