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
  /** The regular expression, for globs that are not {@link #simple}. */
  private final Pattern regex;
  /**
   * For the common shape (literal characters and single {@code *}s, optionally after a leading
   * {@code **}{@code /}: {@code *.pyc}, {@code build}, {@code src/*.py}, gitignore's unanchored
   * lines), the glob without that prefix, matched without a regular expression (a walk of a large
   * tree tests thousands of paths against every pattern); null otherwise.
   */
  private final String simple;
  private final boolean anyDepth;

  private Glob(String source, Pattern regex, String simple, boolean anyDepth) {
    this.source = source;
    this.regex = regex;
    this.simple = simple;
    this.anyDepth = anyDepth;
  }

  /** Compiles {@code glob} to match a whole relative path; {@code braces} enables {@code {a,b}}. */
  public static Glob compile(String glob, boolean braces) {
    boolean anyDepth = glob.startsWith("**/");
    String body = anyDepth ? glob.substring(3) : glob;
    if (isSimple(body)) {
      return new Glob(glob, null, body, anyDepth);
    }
    return new Glob(glob, Pattern.compile(toRegex(glob, braces), Pattern.DOTALL), null, false);
  }

  /** Only literal characters and single stars (no {@code **}, {@code ?}, classes, escapes, braces). */
  private static boolean isSimple(String body) {
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '?' || c == '[' || c == '\\' || c == '{' || c == '}'
          || (c == '*' && i + 1 < body.length() && body.charAt(i + 1) == '*')) {
        return false;
      }
    }
    return true;
  }

  public boolean matches(String path) {
    if (simple == null) {
      return regex.matcher(path).matches();
    }
    if (!anyDepth) {
      return wildcard(simple, path, 0);
    }
    if (simple.indexOf('/') < 0) {
      // neither a literal nor a star matches '/': only the last path segment can match
      return wildcard(simple, path, path.lastIndexOf('/') + 1);
    }
    for (int k = 0; k <= path.length(); k++) {
      if ((k == 0 || path.charAt(k - 1) == '/') && wildcard(simple, path, k)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code pattern} (literals and {@code *}, which never matches '/') matches {@code s} from {@code from} to its end. */
  static boolean wildcard(String pattern, String s, int from) {
    int pi = 0;
    int si = from;
    int star = -1;
    int mark = 0;
    int pn = pattern.length();
    int sn = s.length();
    while (si < sn) {
      char c = s.charAt(si);
      if (pi < pn && pattern.charAt(pi) == '*') {
        star = pi++;
        mark = si;
      } else if (pi < pn && pattern.charAt(pi) == c) {
        pi++;
        si++;
      } else if (star >= 0 && s.charAt(mark) != '/') {
        pi = star + 1;
        si = ++mark;
      } else {
        return false;
      }
    }
    while (pi < pn && pattern.charAt(pi) == '*') {
      pi++;
    }
    return pi == pn;
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
