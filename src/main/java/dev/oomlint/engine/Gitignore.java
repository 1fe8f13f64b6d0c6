package dev.oomlint.engine;

import dev.oomlint.rules.Rule;
import dev.oomlint.source.RegularFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The patterns of one {@code .gitignore} file, matched as git does: blank lines and {@code #}
 * comments are skipped, {@code !} negates, a trailing {@code /} matches directories only, a pattern
 * with a {@code /} before its end is anchored to the file's directory (otherwise it matches at any
 * depth), and the last matching pattern decides.
 */
public final class Gitignore {
  /** Whether a path is ignored, explicitly re-included, or not mentioned. */
  public enum Verdict { IGNORED, INCLUDED, NONE }

  private record Rule(Glob glob, boolean negated, boolean dirOnly) {}

  private final List<Rule> rules;

  private Gitignore(List<Rule> rules) {
    this.rules = rules;
  }

  /** Reads {@code file}; a file that cannot be read counts as empty. */
  public static Gitignore load(Path file) {
    try {
      return parse(new String(RegularFiles.read(file), StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return new Gitignore(List.of());
    }
  }

  public static Gitignore parse(String content) {
    List<Rule> rules = new ArrayList<>();
    for (String raw : content.split("\r?\n|\r")) {
      Rule r = parseLine(raw);
      if (r != null) {
        rules.add(r);
      }
    }
    return new Gitignore(List.copyOf(rules));
  }

  public boolean isEmpty() {
    return rules.isEmpty();
  }

  private static Rule parseLine(String line) {
    if (line.isEmpty() || line.startsWith("#")) {
      return null;
    }
    line = stripTrailingSpaces(line);
    boolean negated = false;
    if (line.startsWith("!")) {
      negated = true;
      line = line.substring(1);
    } else if (line.startsWith("\\!") || line.startsWith("\\#")) {
      line = line.substring(1);
    }
    boolean dirOnly = false;
    if (line.endsWith("/")) {
      dirOnly = true;
      line = line.substring(0, line.length() - 1);
    }
    if (line.isEmpty()) {
      return null;
    }
    boolean anchored = line.indexOf('/') >= 0;
    if (line.startsWith("/")) {
      line = line.substring(1);
    }
    String glob = anchored || line.startsWith("**/") ? line : "**/" + line;
    return new Rule(Glob.compile(glob, false), negated, dirOnly);
  }

  private static String stripTrailingSpaces(String line) {
    int end = line.length();
    while (end > 0 && line.charAt(end - 1) == ' ' && !(end >= 2 && line.charAt(end - 2) == '\\')) {
      end--;
    }
    String s = line.substring(0, end);
    return s.endsWith("\\ ") ? s.substring(0, s.length() - 2) + " " : s;
  }

  /** The verdict for {@code relPath} ({@code /}-separated, relative to this file's directory). */
  public Verdict match(String relPath, boolean isDir) {
    for (int i = rules.size() - 1; i >= 0; i--) {
      Rule r = rules.get(i);
      if (r.dirOnly && !isDir) {
        continue;
      }
      if (r.glob.matches(relPath)) {
        return r.negated ? Verdict.INCLUDED : Verdict.IGNORED;
      }
    }
    return Verdict.NONE;
  }
}
