package dev.oomlint.engine;

import java.util.regex.Pattern;

/**
 * A path glob as used by {@code exclude}, {@code per-file-ignores} and {@code .gitignore}: {@code *}
 * and {@code ?} never match {@code /}, {@code **} matches across directories ({@code **}{@code /}
 * also matches nothing), {@code [abc]}, {@code [!a-z]} and {@code \x} work as in git, and (outside
 * gitignore files) {@code {a,b}} is an alternation. Paths use {@code /} separators.
 */
public final class Glob {
  private final String source;
  private final Pattern regex;

  private Glob(String source, Pattern regex) {
    this.source = source;
    this.regex = regex;
  }

  /** Compiles {@code glob} to match a whole relative path; {@code braces} enables {@code {a,b}}. */
  public static Glob compile(String glob, boolean braces) {
    return new Glob(glob, Pattern.compile(toRegex(glob, braces), Pattern.DOTALL));
  }

  public boolean matches(String path) {
    return regex.matcher(path).matches();
  }

  public String source() {
    return source;
  }

  @Override
  public String toString() {
    return source;
  }

  static String toRegex(String glob, boolean braces) {
    StringBuilder re = new StringBuilder();
    int n = glob.length();
    int braceDepth = 0;
    for (int i = 0; i < n; i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> {
          if (i + 1 < n && glob.charAt(i + 1) == '*') {
            boolean atStart = i == 0 || glob.charAt(i - 1) == '/';
            int j = i + 2;
            if (atStart && j < n && glob.charAt(j) == '/') {
              re.append("(?:.*/)?"); // "**/" : zero or more directories
              i = j;
            } else if (atStart && j == n) {
              re.append(".*"); // trailing "**": everything below
              i = j - 1;
            } else {
              re.append(".*");
              i = j - 1;
            }
          } else {
            re.append("[^/]*");
          }
        }
        case '?' -> re.append("[^/]");
        case '[' -> {
          int close = classEnd(glob, i);
          if (close < 0) {
            re.append("\\[");
          } else {
            re.append(charClass(glob.substring(i + 1, close)));
            i = close;
          }
        }
        case '\\' -> {
          if (i + 1 < n) {
            i++;
            re.append(Pattern.quote(String.valueOf(glob.charAt(i))));
          } else {
            re.append("\\\\");
          }
        }
        case '{' -> {
          if (braces) {
            braceDepth++;
            re.append("(?:");
          } else {
            re.append("\\{");
          }
        }
        case '}' -> {
          if (braces && braceDepth > 0) {
            braceDepth--;
            re.append(')');
          } else {
            re.append("\\}");
          }
        }
        case ',' -> re.append(braces && braceDepth > 0 ? "|" : ",");
        default -> {
          if ("().+^$|".indexOf(c) >= 0) {
            re.append('\\');
          }
          re.append(c);
        }
      }
    }
    while (braceDepth-- > 0) {
      re.append(')');
    }
    return re.toString();
  }

  private static int classEnd(String glob, int open) {
    int i = open + 1;
    if (i < glob.length() && (glob.charAt(i) == '!' || glob.charAt(i) == '^')) {
      i++;
    }
    if (i < glob.length() && glob.charAt(i) == ']') {
      i++;
    }
    while (i < glob.length() && glob.charAt(i) != ']') {
      i++;
    }
    return i < glob.length() ? i : -1;
  }

  private static String charClass(String body) {
    StringBuilder sb = new StringBuilder("(?:(?!/)[");
    int i = 0;
    if (!body.isEmpty() && (body.charAt(0) == '!' || body.charAt(0) == '^')) {
      sb.append('^');
      i = 1;
    }
    for (; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\\' || c == '[' || c == ']' || c == '&' || c == '^') {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.append("])").toString();
  }
}
