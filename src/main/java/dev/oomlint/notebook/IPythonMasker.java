package dev.oomlint.notebook;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces IPython-only syntax in one code cell by plain Python that parses, keeping the number of
 * lines and every other line unchanged, so positions stay exact:
 *
 * <ul>
 *   <li>a cell magic ({@code %%bash}, {@code %%writefile}, ...) blanks the whole cell; the cell
 *       magics whose body is Python ({@code %%time}, {@code %%timeit}, {@code %%capture},
 *       {@code %%prun}, {@code %%debug}, {@code %%python}, {@code %%python3}, {@code %%pypy}, as
 *       Ruff treats them) only have their first line replaced;
 *   <li>{@code %time stmt}, {@code %timeit stmt} and {@code %prun stmt} (without options) keep
 *       their statement at the magic's indentation, so the code they run is still analysed;
 *   <li>{@code %env NAME=value} and {@code %set_env NAME value} become the assignment to
 *       {@code os.environ} that IPython makes ({@link #envAssignment});
 *   <li>a logical line starting with an IPython escape ({@code %magic}, {@code !shell},
 *       {@code ?help}, {@code /call}, {@code ,quote}, {@code ;quote}), with its backslash
 *       continuations, becomes {@code pass} at the same indentation;
 *   <li>{@code x = !cmd} and {@code x = %magic} keep their target: {@code x = ...};
 *   <li>a logical line ending in {@code ?} or {@code ??} (help; the mark must end the line, as in
 *       IPython) becomes {@code pass}.
 * </ul>
 *
 * Before that, the cell is cleaned up as IPython cleans it ({@link #cleanUp}): a common leading
 * indentation and {@code >>> }/{@code In [1]: } prompts are removed. Those lines count as masked
 * (fixes do not edit them) and their {@code shift} says how far right the kept text sits in the cell.
 *
 * Escapes are only recognised where a logical line starts (not inside brackets, strings or after a
 * backslash), so {@code (a\n % b)} and text in triple-quoted strings are left alone.
 */
final class IPythonMasker {
  /** Cell magics whose body is Python code. */
  static final Set<String> PYTHON_CELL_MAGICS =
      Set.of("time", "timeit", "capture", "prun", "debug", "python", "python3", "pypy");

  private static final Pattern ASSIGN_MAGIC =
      Pattern.compile("^([ \\t\\f]*[\\w.]+(?:[ \\t]*,[ \\t]*[\\w.]+)*[ \\t]*=)[ \\t]*[!%]",
          Pattern.UNICODE_CHARACTER_CLASS);

  private static final String ESCAPES = "%!?/,;";

  /** Line magics whose argument is a Python statement, kept in place of the magic. */
  static final Set<String> STATEMENT_LINE_MAGICS = Set.of("time", "timeit", "prun");

  /**
   * The masked text of one cell; which of its lines (0-based) were replaced; for a kept statement
   * ({@code %time f(x)} becomes {@code f(x)}), how many characters were removed before it
   * ({@code shift}, 0 elsewhere); and whether the whole cell was blanked.
   */
  record Masked(String text, boolean[] masked, int[] shift, boolean wholeCell) {}

  private IPythonMasker() {}

  static Masked mask(String source) {
    List<String> lines = new ArrayList<>();
    List<String> ends = new ArrayList<>();
    split(source, lines, ends);
    int n = lines.size();
    int[] removed = cleanUp(lines);
    String[] out = lines.toArray(new String[0]);
    boolean[] masked = new boolean[n];
    int[] shift = new int[n];

    int first = 0;
    while (first < n && lines.get(first).isBlank()) {
      first++;
    }
    int from = 0;
    if (first < n && lines.get(first).startsWith("%%")) {
      String name = magicName(lines.get(first).substring(2));
      if (!PYTHON_CELL_MAGICS.contains(name)) {
        for (int i = 0; i < n; i++) {
          out[i] = "";
          masked[i] = true;
        }
        return new Masked(join(out, ends), masked, shift, true);
      }
      out[first] = "pass";
      masked[first] = true;
      from = first + 1;
    }

    Scanner scanner = new Scanner();
    int logicalStart = -1;
    for (int i = from; i < n; i++) {
      String line = lines.get(i);
      if (scanner.atLogicalStart()) {
        int indentEnd = indentEnd(line);
        int kept = keptStatement(line, indentEnd);
        if (kept > 0) {
          out[i] = line.substring(0, indentEnd) + line.substring(kept);
          masked[i] = true;
          shift[i] = kept - indentEnd;
          continue;
        }
        String env = envAssignment(line, indentEnd);
        if (env != null) {
          out[i] = line.substring(0, indentEnd) + env;
          masked[i] = true;
          continue;
        }
        if (indentEnd < line.length() && ESCAPES.indexOf(line.charAt(indentEnd)) >= 0) {
          i = maskContinued(lines, out, masked, i, line.substring(0, indentEnd) + "pass");
          continue;
        }
        Matcher m = ASSIGN_MAGIC.matcher(line);
        if (m.find()) {
          i = maskContinued(lines, out, masked, i, m.group(1) + " ...");
          continue;
        }
        logicalStart = i;
      }
      scanner.scan(line);
      if (scanner.atLogicalStart() && logicalStart >= 0) {
        if (scanner.lastSignificant == '?' && line.stripTrailing().endsWith("?")) {
          String first0 = lines.get(logicalStart);
          out[logicalStart] = first0.substring(0, indentEnd(first0)) + "pass";
          masked[logicalStart] = true;
          for (int k = logicalStart + 1; k <= i; k++) {
            out[k] = "";
            masked[k] = true;
          }
        }
        logicalStart = -1;
      }
    }
    for (int i = 0; i < n; i++) {
      if (removed[i] > 0) {
        masked[i] = true;
        shift[i] += removed[i];
      }
    }
    return new Masked(join(out, ends), masked, shift, false);
  }

  private static final Pattern ENV_MAGIC =
      Pattern.compile("%(?:env|set_env)[ \\t]+([A-Za-z_][A-Za-z0-9_]*)(?:[ \\t]*=[ \\t]*|[ \\t]+)([^\\\\]*)");

  /**
   * {@code %env NAME=value} (or {@code %set_env NAME value}) as the assignment IPython makes,
   * {@code __import__("os").environ["NAME"] = "value"}, so rules see the environment a notebook sets
   * (TensorFlow's memory growth, hidden GPUs); null for any other line. Lines with a backslash
   * continuation are left to the ordinary masking.
   */
  static String envAssignment(String line, int indentEnd) {
    Matcher m = ENV_MAGIC.matcher(line);
    if (!m.region(indentEnd, line.length()).matches()) {
      return null;
    }
    String value = m.group(2).strip().replace("\\", "\\\\").replace("\"", "\\\"");
    return "__import__(\"os\").environ[\"" + m.group(1) + "\"] = \"" + value + "\"";
  }

  private static final Pattern INDENT = Pattern.compile("^[ \\t]+");
  private static final Pattern CLASSIC_FIRST = Pattern.compile("^>>>( |$)");
  private static final Pattern CLASSIC = Pattern.compile("^(>>>|\\.\\.\\.)( |$)");
  private static final Pattern IPYTHON = Pattern.compile(
      "^(((\\[nav\\]|\\[ins\\])? )?In \\[\\d+\\]: |\\s*\\.{3,}: ?)");

  /**
   * IPython's clean-up of a cell before it runs ({@code TransformerManager.cleanup_transforms}):
   * the indentation of the first non-blank line is removed from every line that starts with it,
   * then {@code >>> }/{@code ... } prompts and then {@code In [n]: }/{@code ...: } prompts are
   * stripped when the first non-blank line (or, for continuation prompts, the line after it)
   * carries one. Rewrites {@code lines} in place; returns how many characters each line lost at
   * its start.
   */
  static int[] cleanUp(List<String> lines) {
    int n = lines.size();
    int[] removed = new int[n];
    int first = 0;
    while (first < n && lines.get(first).isBlank()) {
      first++;
    }
    if (first == n) {
      return removed;
    }
    Matcher m = INDENT.matcher(lines.get(first));
    if (m.find()) {
      String space = m.group();
      for (int i = first; i < n; i++) {
        if (lines.get(i).startsWith(space)) {
          lines.set(i, lines.get(i).substring(space.length()));
          removed[i] += space.length();
        }
      }
    }
    stripPrompts(lines, removed, first, CLASSIC_FIRST, CLASSIC);
    stripPrompts(lines, removed, first, IPYTHON, IPYTHON);
    return removed;
  }

  private static void stripPrompts(List<String> lines, int[] removed, int first, Pattern initial, Pattern prompt) {
    int n = lines.size();
    boolean found = initial.matcher(lines.get(first)).find()
        || (first + 1 < n && prompt.matcher(lines.get(first + 1)).find());
    if (!found) {
      return;
    }
    for (int i = first; i < n; i++) {
      Matcher m = prompt.matcher(lines.get(i));
      if (m.find() && m.end() > 0) {
        lines.set(i, lines.get(i).substring(m.end()));
        removed[i] += m.end();
      }
    }
  }

  /** Masks line {@code i} (as {@code replacement}) and the lines its trailing backslashes continue onto. */
  private static int maskContinued(List<String> lines, String[] out, boolean[] masked, int i,
      String replacement) {
    out[i] = replacement;
    masked[i] = true;
    while (lines.get(i).endsWith("\\") && i + 1 < lines.size()) {
      i++;
      out[i] = "";
      masked[i] = true;
    }
    return i;
  }

  /**
   * Where the statement of {@code %time stmt} / {@code %timeit stmt} / {@code %prun stmt} starts
   * (no options, one physical line), else 0.
   */
  private static int keptStatement(String line, int indentEnd) {
    if (!line.startsWith("%", indentEnd) || line.startsWith("%%", indentEnd) || line.endsWith("\\")) {
      return 0;
    }
    String name = magicName(line.substring(indentEnd + 1));
    if (!STATEMENT_LINE_MAGICS.contains(name)) {
      return 0;
    }
    int k = indentEnd + 1 + name.length();
    if (k >= line.length() || (line.charAt(k) != ' ' && line.charAt(k) != '\t')) {
      return 0;
    }
    while (k < line.length() && (line.charAt(k) == ' ' || line.charAt(k) == '\t')) {
      k++;
    }
    boolean statement = k < line.length() && line.charAt(k) != '-' && line.charAt(k) != '#';
    return statement ? k : 0;
  }

  private static String magicName(String rest) {
    int e = 0;
    while (e < rest.length() && !Character.isWhitespace(rest.charAt(e))) {
      e++;
    }
    return rest.substring(0, e);
  }

  static int indentEnd(String line) {
    int i = 0;
    while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t' || line.charAt(i) == '\f')) {
      i++;
    }
    return i;
  }

  /** Splits at {@code \n}, {@code \r\n} and lone {@code \r} (as {@code LineIndex}), keeping each terminator. */
  static void split(String s, List<String> lines, List<String> ends) {
    int start = 0;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r') {
        int termEnd = c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n' ? i + 2 : i + 1;
        lines.add(s.substring(start, i));
        ends.add(s.substring(i, termEnd));
        start = termEnd;
        i = termEnd;
      } else {
        i++;
      }
    }
    if (start < s.length()) {
      lines.add(s.substring(start));
      ends.add("");
    }
  }

  private static String join(String[] lines, List<String> ends) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      sb.append(lines[i]).append(ends.get(i));
    }
    return sb.toString();
  }

  /**
   * Just enough of Python's tokenizer to know where logical lines start: bracket depth, strings
   * (single, triple, with backslash escapes), comments and backslash continuations.
   */
  private static final class Scanner {
    int depth;
    char quote; // 0 when outside a string
    boolean triple;
    boolean continued;
    char lastSignificant;

    boolean atLogicalStart() {
      return depth == 0 && quote == 0 && !continued;
    }

    void scan(String line) {
      continued = false;
      lastSignificant = 0;
      int n = line.length();
      int i = 0;
      while (i < n) {
        char c = line.charAt(i);
        if (quote != 0) {
          if (c == '\\') {
            if (i + 1 >= n) {
              continued = !triple; // a backslash-newline continues a single-quoted string
              return;
            }
            i += 2;
            continue;
          }
          if (c == quote && (!triple || line.startsWith(tripled(quote), i))) {
            i += triple ? 3 : 1;
            quote = 0;
            lastSignificant = c;
            continue;
          }
          i++;
          continue;
        }
        if (c == '#') {
          break;
        }
        if (c == '\'' || c == '"') {
          triple = line.startsWith(tripled(c), i);
          quote = c;
          i += triple ? 3 : 1;
          continue;
        }
        if (c == '\\' && i + 1 == n) {
          continued = true;
          return;
        }
        if (c == '(' || c == '[' || c == '{') {
          depth++;
        } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
          depth--;
        }
        if (c != ' ' && c != '\t' && c != '\f') {
          lastSignificant = c;
        }
        i++;
      }
      if (quote != 0 && !triple) {
        quote = 0; // an unterminated single-quoted string ends with its line (a syntax error later)
      }
    }

    private static String tripled(char q) {
      return q == '"' ? "\"\"\"" : "'''";
    }
  }
}
