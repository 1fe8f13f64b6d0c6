package dev.oomlint.config;

import com.electronwill.nightconfig.core.Config;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A library's requirement as a project declares it, read from the text of its dependency files:
 * requirements files, {@code pyproject.toml} ({@code [project]} dependencies and optional
 * dependencies, Poetry's {@code [tool.poetry.dependencies]}) and {@code setup.cfg}'s
 * {@code install_requires} ({@code setup.py}'s literal {@code install_requires} is read by the
 * engine, which has the Python parser). Each method returns the requirement as written (the name,
 * extras dropped, and its version specifiers), or null when the text does not name the library;
 * {@link #lowest} gives the lowest version it allows.
 */
public final class Requirements {
  private Requirements() {}

  /** A PEP 508 requirement: the name, optional extras, then the specifiers (up to a marker or URL). */
  private static final Pattern REQUIREMENT = Pattern.compile(
      "^\\s*([A-Za-z0-9][A-Za-z0-9._-]*)\\s*(\\[[^\\]]*\\])?\\s*(\\(?[^;@#]*?\\)?)\\s*(?:[;@#].*)?$");

  /** One version clause: an operator and a version. */
  private static final Pattern CLAUSE = Pattern.compile("^\\s*(===|==|~=|>=|<=|!=|>|<|\\^|~|)\\s*v?([0-9][0-9A-Za-z.*+!-]*)\\s*$");

  /** {@code library}'s requirement in one PEP 508 string ({@code transformers[torch]>=4.36; python_version>"3.8"}), or null. */
  public static String fromSpecifier(String spec, String library) {
    if (spec == null) {
      return null;
    }
    Matcher m = REQUIREMENT.matcher(spec.strip());
    if (!m.matches() || !normalise(m.group(1)).equals(normalise(library))) {
      return null;
    }
    String specifiers = m.group(3).strip();
    if (specifiers.startsWith("(") && specifiers.endsWith(")")) {
      specifiers = specifiers.substring(1, specifiers.length() - 1).strip();
    }
    return specifiers.isEmpty() ? library : library + specifiers.replace(" ", "");
  }

  /** The first requirement of {@code library} in a requirements file (comments, options and {@code -r} lines skipped). */
  public static String inRequirementsTxt(String text, String library) {
    for (String line : text.split("\r?\n|\r")) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#") || l.startsWith("-")) {
        continue;
      }
      int hash = l.indexOf(" #");
      String spec = hash >= 0 ? l.substring(0, hash).strip() : l;
      if (spec.endsWith(".whl")) { // a wheel's URL, alone or after "torch @": its file name gives the release
        String wheel = wheelRelease(spec.substring(spec.lastIndexOf(' ') + 1), library);
        if (wheel != null) {
          return library + "==" + wheel;
        }
      }
      String r = fromSpecifier(spec, library);
      if (r != null) {
        return r;
      }
    }
    return null;
  }

  /** An install command: {@code pip install}, {@code pip3 install}, {@code python -m pip install}, {@code conda install/create}, {@code mamba install}. */
  private static final Pattern INSTALL = Pattern.compile("\\b(?:pip3?|conda|mamba|micromamba)\\s+(?:install|create)\\s+([^\\r\\n]*)");

  /**
   * {@code library}'s requirement in the last install command of a script or notebook that names it
   * ({@code !pip install transformers==4.37.2}, {@code %pip install -q "torch<2.4"}, Databricks'
   * {@code # MAGIC %pip install torch==2.0.1}, {@code conda install pytorch==1.13.1}): the release the
   * code after it runs with. A name without a version, an upgrade or a source checkout
   * ({@code pip install -U transformers}, {@code git+https://github.com/huggingface/transformers})
   * gives the bare library name: the newest release. Null when no install command names it. The text
   * may be a notebook's JSON: a cell line ends at its escaped {@code \n} or closing quote.
   */
  public static String inInstallCommands(String text, String library) {
    if (!text.contains(library) || !text.contains("install") && !text.contains("conda")) { // "pytorch" names torch too
      return null; // most files: no command at all, and the pattern need not scan them
    }
    String found = null;
    Matcher m = INSTALL.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    for (int from = 0; nextInstall(text, m, from); from = m.end()) {
      if (!COMMAND_START.matcher(linePrefix(text, m.start())).matches()) {
        continue; // # !pip install torch: commented out; "see pip install x" in prose
      }
      String args = m.group(1);
      int end = args.indexOf("\\n");
      args = end >= 0 ? args.substring(0, end) : args;
      args = args.replace("\\\"", "\"");
      boolean optionValue = false;
      for (String token : tokens(args)) {
        if (optionValue) {
          optionValue = false; // -c pytorch, -r requirements.txt, --index-url URL
          continue;
        }
        if (token.startsWith("-")) {
          optionValue = VALUE_OPTIONS.contains(token);
          continue;
        }
        String lower = token.toLowerCase(Locale.ROOT);
        if (lower.startsWith("git+") && lower.contains("/" + library.toLowerCase(Locale.ROOT))) {
          found = library; // a source checkout: the newest code
          continue;
        }
        String r = fromInstallToken(token, library);
        if (r != null) {
          found = r;
        }
      }
    }
    return found;
  }

  /** The words {@link #INSTALL} starts with. */
  private static final java.util.Set<String> INSTALLERS = java.util.Set.of("pip", "pip3", "conda", "mamba", "micromamba");

  /**
   * {@code m.find()} from {@code from} for {@link #INSTALL}, without running the pattern at every
   * position of a long file: only where {@code install} or {@code create} follows an installer's name and
   * blanks is the pattern tried, from that name on. The same matches as {@code find()}, in a fraction
   * of the time (files that mention "install" in prose are common).
   */
  private static boolean nextInstall(String text, Matcher m, int from) {
    int install = text.indexOf("install", from);
    int create = text.indexOf("create", from);
    while (install >= 0 || create >= 0) {
      int at = install < 0 ? create : create < 0 ? install : Math.min(install, create);
      int j = at - 1;
      while (j >= from && " \t\n\u000B\f\r".indexOf(text.charAt(j)) >= 0) {
        j--;
      }
      int k = j + 1;
      while (k > from && Character.isLetterOrDigit(text.charAt(k - 1))) {
        k--;
      }
      if (j < at - 1 && INSTALLERS.contains(text.substring(k, j + 1))) {
        m.region(k, text.length());
        if (m.lookingAt()) {
          return true;
        }
      }
      if (at == install) {
        install = text.indexOf("install", at + 1);
      } else {
        create = text.indexOf("create", at + 1);
      }
    }
    return false;
  }

  /**
   * What may stand before an install command on its line: indentation, Databricks' {@code # MAGIC},
   * a shell prompt, IPython's {@code !}/{@code %}/{@code %%bash}, {@code sudo}, {@code python -m},
   * {@code uv}; or a Markdown code span's backtick. Anything else (a {@code #} comment, prose) is not a command.
   */
  private static final Pattern COMMAND_START = Pattern.compile(
      "\\s*(?:# MAGIC\\s*)?(?:[$>]\\s*)?(?:%%(?:bash|sh|capture)\\s*|[!%]\\s*)?(?:sudo\\s+)?"
          + "(?:(?:python3?|py)\\s+-m\\s+)?(?:uv\\s+)?|.*`\\s*(?:python3?\\s+-m\\s+)?");

  /** The text of a line before {@code at}: from the line start, a notebook JSON string's quote, or its escaped {@code \n}. */
  private static String linePrefix(String text, int at) {
    int start = Math.max(text.lastIndexOf('\n', at - 1), text.lastIndexOf('\r', at - 1)) + 1;
    int escaped = text.lastIndexOf("\\n", at - 1);
    if (escaped >= start) {
      start = escaped + 2;
    }
    int quote = text.lastIndexOf('"', at - 1);
    if (quote >= start) {
      start = quote + 1;
    }
    return text.substring(start, at);
  }

  /**
   * {@code library}'s exact pin in a README: an install command ({@link #inInstallCommands}) or a
   * {@code library==version} written as a list item or a line of its own ({@code - transformers==4.42.4},
   * a code block of requirements). Only exact pins count: prose naming ranges says too little.
   */
  public static String inReadme(String text, String library) {
    if (text.lines().count() > README_LINES) {
      return null; // a catalogue of many examples (diffusers' community README): each pin is one section's
    }
    String installed = inInstallCommands(text, library);
    if (installed != null && !installed.equals(library)) {
      return installed;
    }
    for (String line : text.split("\r?\n|\r")) {
      if (!line.contains(library) || !line.contains("==")) { // conda's pytorch==1.7.1 contains "torch" too
        continue; // only an exact pin of the library is read
      }
      String l = line.strip().replaceFirst("^(?:[-*+]|\\d+\\.)\\s+", "").replace("`", "").strip();
      String r = fromInstallToken(l, library);
      if (r != null && r.contains("==")) {
        return r;
      }
    }
    return inVersionMention(text, library);
  }

  /**
   * The release a README names for the library in a table or a sentence, without an operator:
   * {@code | pytorch 2.0.1 |} (a Kaggle solution's software table), "we use torch 1.6.0", "PyTorch =
   * 1.9.1" — the environment the code was written and run with, read as {@code ==}. Only a full
   * release (major.minor.patch: "PyTorch 2.0 compile" names a feature), only when the README names one
   * release (two, "tested with torch 1.9.1 ... torch 2.0.0 works", say it runs on either), and not a
   * floor ({@code PyTorch 1.8.1+}, "1.9.0 or later", {@code >= 1.7}) or another package whose name ends
   * in the library's ({@code segmentation_models_pytorch 0.3.3}).
   */
  private static String inVersionMention(String text, String library) {
    Pattern p = library.equals("torch") ? TORCH_MENTION : mention(Pattern.quote(library));
    String found = null;
    for (String line : text.split("\r?\n|\r")) {
      if (line.contains(">") || line.contains("<") || line.contains("~=")) {
        continue;
      }
      Matcher m = p.matcher(line);
      while (m.find()) {
        String after = line.substring(m.end()).toLowerCase(Locale.ROOT);
        if (after.matches("\\s*(?:or|and|&|/|,)?\\s*(?:later|above|higher|newer|greater|up|\\+).*")) {
          return null; // PyTorch 1.8.1 or later / and above: a floor
        }
        if (found != null && !found.equals(m.group(1))) {
          return null; // two releases: either works
        }
        found = m.group(1);
      }
    }
    return found == null ? null : library + "==" + found;
  }

  /**
   * A library's name ({@code name} is a regex) as a word, then blanks, ':', '|', '=' or 'v', then a full
   * release (not a floor, not a wildcard), case-insensitive.
   */
  private static Pattern mention(String name) {
    return Pattern.compile("(?i)(?<![\\w.-])" + name + "(?![\\w-])[\\s:=|v]*?(\\d+\\.\\d+\\.\\d+)(?![\\d.+*])");
  }

  /** torch or pytorch named with a release. */
  private static final Pattern TORCH_MENTION = mention("(?:py)?torch");

  /** Options of pip and conda whose value is the next word. */
  private static final java.util.Set<String> VALUE_OPTIONS = java.util.Set.of("-c", "--channel", "-n", "--name", "-p",
      "--prefix", "-r", "--requirement", "-e", "--editable", "-f", "--find-links", "-i", "--index-url",
      "--extra-index-url", "-t", "--target", "--constraint", "--python", "--platform", "--override");

  /** The longest README whose pins speak for the whole directory. */
  private static final int README_LINES = 1000;

  /** Shell words of a command line's arguments: split at blanks outside quotes, quotes removed, stopped at a comment, {@code ;}, {@code &&} or {@code |}. */
  private static List<String> tokens(String args) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < args.length(); i++) {
      char ch = args.charAt(i);
      if (quote != 0) {
        if (ch == quote) {
          quote = 0;
        } else {
          cur.append(ch);
        }
      } else if (ch == '"' || ch == '\'') {
        quote = ch;
      } else if (Character.isWhitespace(ch) || ch == ';' || ch == '&' || ch == '|' || ch == '#' || ch == ')' || ch == '`') {
        if (cur.length() > 0) {
          out.add(cur.toString());
          cur.setLength(0);
        }
        if (ch != ' ' && ch != '\t') {
          return out;
        }
      } else {
        cur.append(ch);
      }
    }
    if (cur.length() > 0) {
      out.add(cur.toString());
    }
    return out;
  }

  /** A requirement of {@code library} from one install word: pip's {@code torch==2.0.1}, conda's {@code pytorch=1.13.1}. */
  private static String fromInstallToken(String token, String library) {
    String t = token.strip();
    if (library.equals("torch") && t.matches("(?i)pytorch(?:[=<>~!\\s].*)?")) {
      t = "torch" + t.substring("pytorch".length());
    }
    t = t.replaceFirst("^([A-Za-z0-9._\\[\\]-]+)\\s*=(?!=)\\s*([0-9])", "$1==$2"); // conda's name=version
    int build = t.indexOf('=', t.indexOf("==") + 2);
    if (t.contains("==") && build > t.indexOf("==") + 1) {
      t = t.substring(0, build); // pytorch==2.0.0=py3.10_cuda11.7: the build string is not a version
    }
    try {
      return fromSpecifier(t, library);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * {@code library}'s requirement in a conda {@code environment.yml}: a dependency line
   * {@code - pytorch=2.0.0} (conda's package name for torch; one {@code =} is conda's "this release"),
   * or a pip requirement {@code - torch==2.0.0} under {@code - pip:}; null when none names it.
   */
  public static String inCondaEnvironment(String text, String library) {
    boolean dependencies = false;
    for (String line : text.split("\r?\n|\r")) {
      String l = line.strip();
      if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0)) && !l.startsWith("-") && !l.startsWith("#")) {
        dependencies = l.startsWith("dependencies:");   // a top-level key: channels, dependencies, ...
        continue;
      }
      if (!dependencies || !l.startsWith("- ")) {
        continue;
      }
      l = l.substring(2).strip();
      int hash = l.indexOf(" #");
      l = hash >= 0 ? l.substring(0, hash).strip() : l;
      if (library.equals("torch") && (l.equals("pytorch") || l.startsWith("pytorch=") || l.startsWith("pytorch>")
          || l.startsWith("pytorch<") || l.startsWith("pytorch "))) {
        l = "torch" + l.substring("pytorch".length());
      }
      l = l.replaceFirst("^([A-Za-z0-9._-]+)\\s*=(?!=)\\s*([0-9])", "$1==$2");   // conda's name=version
      int build = l.indexOf('=', l.indexOf("==") + 2);
      if (l.contains("==") && build > l.indexOf("==") + 1) {
        l = l.substring(0, build);   // pytorch==2.0.0=py3.10_cuda11.7: the build string is not a version
      }
      String r = fromSpecifier(l, library);
      if (r != null) {
        return r;
      }
    }
    return null;
  }

  /**
   * Whether a requirement allows no version of {@code library} at or after {@code version}: it pins an
   * older one ({@code torch==2.0.0+cu117}, {@code ==1.13.*}), caps below it ({@code <2.4},
   * {@code <=2.3.1}), or asks for a compatible release of an older one ({@code ~=2.1.0}: 2.1.*).
   */
  public static boolean allowsOnlyBefore(String requirement, String library, String version) {
    if (requirement == null || !requirement.startsWith(library)) {
      return false;
    }
    for (String clause : requirement.substring(library.length()).split(",")) {
      Matcher m = CLAUSE.matcher(clause);
      if (!m.matches()) {
        continue;
      }
      String op = m.group(1);
      String v = release(m.group(2));
      if (v.isEmpty()) {
        continue;
      }
      int cmp = compare(v, version);
      if ((op.equals("==") || op.equals("===")) && cmp < 0 || op.equals("<") && cmp <= 0 || op.equals("<=") && cmp < 0) {
        return true;
      }
      String[] parts = v.split("\\.");
      int bump = -1; // the release part that may not change; the cap is the release with it one higher
      if (op.equals("~=") && parts.length > 1) {
        bump = parts.length - 2; // compatible release: ~=2.1.0 is >=2.1.0, <2.2
      } else if (op.equals("~")) {
        bump = parts.length > 1 ? 1 : 0; // Poetry: ~4.35.2 is <4.36.0, ~2 is <3
      } else if (op.equals("^")) {
        bump = 0; // Poetry: ^4.35.2 is <5.0.0, ^0.2.3 is <0.3.0 (the first non-zero part)
        while (bump < parts.length - 1 && parts[bump].equals("0")) {
          bump++;
        }
      }
      if (bump >= 0 && capsAtOrBefore(parts, bump, version)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the release {@code parts} with part {@code bump} one higher (the rest dropped) is at or before {@code version}. */
  private static boolean capsAtOrBefore(String[] parts, int bump, String version) {
    if (parts[bump].isEmpty() || !Character.isDigit(parts[bump].charAt(0))) {
      return false;
    }
    StringBuilder upper = new StringBuilder();
    for (int i = 0; i < bump; i++) {
      upper.append(parts[i]).append('.');
    }
    upper.append(leadingNumber(parts[bump]) + 1); // at most 12 digits: no overflow
    return compare(upper.toString(), version) <= 0;
  }

  /** The release in a wheel's file name ({@code .../torch-1.8.0%2Bcu111-cp39-cp39-linux_x86_64.whl}: 1.8.0), or null. */
  static String wheelRelease(String url, String library) {
    Matcher m = Pattern.compile("(?:^|/)" + Pattern.quote(library) + "-(\\d+(?:\\.\\d+)+)(?:%2B|\\+|-)[^/]*\\.whl$")
        .matcher(url.strip());
    return m.find() ? m.group(1) : null;
  }

  /** Whether a requirement pins one release of {@code library} ({@code torch==1.7.1}, {@code ==2.0.0+cu117}; not {@code ==1.13.*}). */
  public static boolean isExactPin(String requirement, String library) {
    if (requirement == null || !requirement.startsWith(library)) {
      return false;
    }
    String rest = requirement.substring(library.length());
    if (rest.contains(",")) {
      return false;
    }
    Matcher m = CLAUSE.matcher(rest);
    return m.matches() && (m.group(1).equals("==") || m.group(1).equals("===")) && !m.group(2).contains("*");
  }

  /** {@code library}'s requirement in {@code setup.cfg}'s {@code [options] install_requires}, or null. */
  public static String inSetupCfg(String text, String library) {
    boolean inOptions = false;
    boolean inRequires = false;
    for (String line : text.split("\r?\n|\r")) {
      String l = line.strip();
      if (l.startsWith("[")) {
        inOptions = l.replace(" ", "").equals("[options]");
        inRequires = false;
        continue;
      }
      if (!inOptions) {
        continue;
      }
      boolean continuation = !line.isEmpty() && Character.isWhitespace(line.charAt(0));
      if (!continuation) {
        int eq = l.indexOf('=');
        inRequires = eq > 0 && l.substring(0, eq).strip().equals("install_requires");
        l = inRequires ? l.substring(eq + 1).strip() : "";
      }
      if (inRequires && !l.isEmpty() && !l.startsWith("#")) {
        String r = fromSpecifier(l, library);
        if (r != null) {
          return r;
        }
      }
    }
    return null;
  }

  /**
   * {@code library}'s requirement in a pyproject.toml: {@code [project] dependencies}, then its
   * optional dependencies, then Poetry's dependencies ({@code transformers = "^4.36"} is
   * {@code transformers^4.36}); null when none names it or the TOML does not parse.
   */
  public static String inPyproject(Path file, String text, String library) {
    if (!text.contains(library)) {
      return null;
    }
    Config root;
    try {
      root = ConfigLoader.parse(file, text);
    } catch (ConfigException e) {
      return null;
    }
    Map<String, Object> top = root.valueMap();
    if (top.get("project") instanceof Config project) {
      String r = inList(project.valueMap().get("dependencies"), library);
      if (r != null) {
        return r;
      }
      if (project.valueMap().get("optional-dependencies") instanceof Config extras) {
        for (Object group : extras.valueMap().values()) {
          r = inList(group, library);
          if (r != null) {
            return r;
          }
        }
      }
    }
    if (top.get("tool") instanceof Config tool && tool.valueMap().get("poetry") instanceof Config poetry) {
      // poetry install installs the main dependencies, the old dev-dependencies and every group's
      List<Config> tables = new ArrayList<>();
      for (String key : List.of("dependencies", "dev-dependencies")) {
        if (poetry.valueMap().get(key) instanceof Config c) {
          tables.add(c);
        }
      }
      if (poetry.valueMap().get("group") instanceof Config groups) {
        for (Object g : groups.valueMap().values()) {
          if (g instanceof Config gc && gc.valueMap().get("dependencies") instanceof Config c) {
            tables.add(c);
          }
        }
      }
      String r = inPoetryTables(tables, library);
      if (r != null) {
        return r;
      }
    }
    return null;
  }

  private static String inPoetryTables(List<Config> tables, String library) {
    for (Config deps : tables) {
      for (Map.Entry<String, Object> e : deps.valueMap().entrySet()) {
        if (!normalise(e.getKey()).equals(normalise(library))) {
          continue;
        }
        Object v = e.getValue();
        if (v instanceof List<?> alternatives && !alternatives.isEmpty()) {
          v = alternatives.get(0); // one constraint per platform or Python: [{platform = "linux", version = "0.40.2"}, ...]
        }
        if (v instanceof Config c) {
          Object url = c.valueMap().get("url");
          String wheel = url instanceof String u ? wheelRelease(u, library) : null;
          if (wheel != null) {
            return library + "==" + wheel; // torch = {url = ".../torch-1.8.0%2Bcu111-cp39-...whl"}
          }
          v = c.valueMap().get("version");
        }
        if (!(v instanceof String s) || s.isBlank() || s.strip().equals("*")) {
          return library;
        }
        String constraint = s.replace(" ", "");
        // Poetry's bare version is an exact requirement: transformers = "4.31.0" is ==4.31.0
        return library + (Character.isDigit(constraint.charAt(0)) ? "==" + constraint : constraint);
      }
    }
    return null;
  }

  private static String inList(Object list, String library) {
    if (!(list instanceof List<?> items)) {
      return null;
    }
    for (Object o : items) {
      String r = o instanceof String s ? fromSpecifier(s, library) : null;
      if (r != null) {
        return r;
      }
    }
    return null;
  }

  /**
   * The lowest version a requirement ({@code transformers>=4.36,<5}) allows: the greatest lower
   * bound of its {@code >=}, {@code >}, {@code ==}, {@code ~=}, {@code ===} and Poetry's {@code ^}/{@code ~}
   * clauses ({@code ==5.*} is 5); null when it sets none.
   */
  public static String lowest(String requirement, String library) {
    if (requirement == null || !requirement.startsWith(library)) {
      return null;
    }
    String best = null;
    for (String clause : requirement.substring(library.length()).split(",")) {
      Matcher m = CLAUSE.matcher(clause);
      if (!m.matches()) {
        continue;
      }
      String op = m.group(1);
      if (op.equals("<") || op.equals("<=") || op.equals("!=")) {
        continue;
      }
      String v = release(m.group(2));
      if (!v.isEmpty() && (best == null || compare(v, best) > 0)) {
        best = v;
      }
    }
    return best;
  }

  /** A clause's version without a wildcard and its dot ({@code 5.*} is {@code 5}); empty for {@code *}. */
  private static String release(String v) {
    int star = v.indexOf('*');
    String r = star >= 0 ? v.substring(0, star) : v;
    while (r.endsWith(".")) {
      r = r.substring(0, r.length() - 1);
    }
    return r;
  }

  /** Compares the numeric release parts of two versions ({@code 4.36} before {@code 5}). */
  public static int compare(String a, String b) {
    String[] pa = a.split("\\.");
    String[] pb = b.split("\\.");
    for (int i = 0; i < Math.max(pa.length, pb.length); i++) {
      long x = i < pa.length ? leadingNumber(pa[i]) : 0;
      long y = i < pb.length ? leadingNumber(pb[i]) : 0;
      if (x != y) {
        return Long.compare(x, y);
      }
    }
    return 0;
  }

  private static long leadingNumber(String s) {
    int end = 0;
    while (end < s.length() && end < 12 && Character.isDigit(s.charAt(end))) {
      end++;
    }
    return end == 0 ? 0 : Long.parseLong(s.substring(0, end));
  }

  /** PEP 503 name normalisation. */
  static String normalise(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
  }
}
