package dev.oomlint.semantic;

import dev.oomlint.ast.Mod;
import dev.oomlint.ast.SourceRange;
import dev.oomlint.ast.Stmt;
import java.util.ArrayList;
import java.util.List;

/**
 * The module-level functions and classes of a file that nothing in its project uses: the name is
 * spelled nowhere in the file outside the definition itself, and in no other file of the project
 * (code, comments, strings, configuration files, documentation: {@link ProjectView#othersMayMention}).
 * Their code never runs, so it costs no GPU memory, and a finding there is noise (a loss class kept
 * beside the one the training script imports, a {@code test()} helper at the bottom of a model file
 * that nothing calls, an evaluation function left from an earlier version).
 *
 * <p>Kept as possibly used: decorated definitions (a decorator may register them: {@code @register_model},
 * {@code @app.route}, {@code @pytest.fixture}), classes with keywords (a metaclass may register them),
 * dunder names, and everything in files pytest collects ({@code test_*.py}, {@code *_test.py},
 * {@code conftest.py}), in {@code hubconf.py} (entry points named by strings of the hub's users), and in
 * a file that hands its functions to Python Fire ({@code fire.Fire()} with no component exposes every
 * function by name). Without a project ({@link ProjectView#NONE}: standard input, a unit test) every name
 * may be used elsewhere, so nothing is unused.
 */
public final class UnusedDefinitions {
  private UnusedDefinitions() {}

  /**
   * The ranges of {@code module}'s unused module-level definitions that hold one of {@code findings}
   * ({@code text} is the module's source); only those are looked up in the project.
   */
  public static List<SourceRange> of(Mod.Module module, String text, String fileName, ProjectView project,
      List<SourceRange> findings) {
    if (project == ProjectView.NONE || exempt(fileName) || text.contains("Fire(")) {
      return List.of();
    }
    List<SourceRange> out = new ArrayList<>(0);
    for (Stmt s : module.body()) {
      String name;
      if (s instanceof Stmt.FunctionDef f && f.decoratorList().isEmpty()) {
        name = f.name();
      } else if (s instanceof Stmt.ClassDef c && c.decoratorList().isEmpty() && c.keywords().isEmpty()) {
        name = c.name();
      } else {
        continue;
      }
      if (findings.stream().noneMatch(s.range()::contains)
          || name.startsWith("__") || spelledOutside(text, name, s.range()) || project.othersMayMention(name)) {
        continue;
      }
      out.add(s.range());
    }
    return out;
  }

  private static boolean exempt(String fileName) {
    String base = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
    return base.startsWith("test_") || base.endsWith("_test.py") || base.equals("conftest.py")
        || base.equals("hubconf.py");
  }

  /** Whether {@code text} spells {@code name} as a whole word outside {@code def}. */
  static boolean spelledOutside(String text, String name, SourceRange def) {
    int from = 0;
    while (true) {
      int at = text.indexOf(name, from);
      if (at < 0) {
        return false;
      }
      int end = at + name.length();
      boolean word = (at == 0 || !isPart(text.charAt(at - 1))) && (end >= text.length() || !isPart(text.charAt(end)));
      if (word && (at < def.start() || at >= def.end())) {
        return true;
      }
      from = at + 1;
    }
  }

  private static boolean isPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
