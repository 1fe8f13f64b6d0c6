package dev.oomlint.config;

import com.electronwill.nightconfig.core.Config;
import com.electronwill.nightconfig.core.io.ParsingException;
import com.electronwill.nightconfig.toml.TomlParser;
import dev.oomlint.estimate.Gpus;
import dev.oomlint.estimate.Units;
import dev.oomlint.source.RegularFiles;
import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds and reads oomlint's configuration: the {@code [tool.oomlint]} table of the nearest
 * {@code pyproject.toml} at or above the checked paths (files without that table are passed over),
 * or a file named with {@code --config} (a {@code pyproject.toml}, or any other TOML file whose top
 * level holds the options). Unknown options, wrong types and TOML syntax errors are
 * {@link ConfigException}s with one clear line.
 */
public final class ConfigLoader {
  public static final String TABLE = "[tool.oomlint]";

  /** Every option, in the order the documentation lists them. */
  public static final List<String> OPTIONS = List.of("select", "extend-select", "ignore",
      "per-file-ignores", "exclude", "extend-exclude", "fix", "unsafe-fixes", "output-format", "target-version",
      "target-transformers", "gpu-memory", "gpu", "max-file-size");

  /** The values of {@code target-version} (and {@code --target-version}), as {@code PythonVersion} names them. */
  public static final List<String> TARGET_VERSIONS = List.of("py38", "py39", "py310", "py311", "py312", "py313");

  public static final List<String> OUTPUT_FORMATS = List.of("text", "concise", "json", "sarif", "github", "gitlab");

  private ConfigLoader() {}

  /** The nearest {@code pyproject.toml} with a {@code [tool.oomlint]} table at or above {@code dir}. */
  public static Path discover(Path dir) throws ConfigException {
    for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
      Path candidate = d.resolve("pyproject.toml");
      if (!Files.isRegularFile(candidate)) {
        continue;
      }
      String text = readText(candidate);
      if (!text.contains("oomlint")) {
        continue; // cheap test: an unrelated (even broken) pyproject.toml is not our business
      }
      Config root = parse(candidate, text);
      if (table(root) != null) {
        return candidate;
      }
    }
    return null;
  }

  /** Reads {@code file}: its {@code [tool.oomlint]} table if it is a pyproject.toml, else its top level. */
  public static Settings load(Path file) throws ConfigException {
    Path abs = file.toAbsolutePath().normalize();
    if (!Files.exists(abs)) {
      throw new ConfigException("configuration file '" + file + "' does not exist");
    }

    String text = readText(abs);
    Config root = parse(abs, text);
    boolean pyproject = abs.getFileName().toString().equals("pyproject.toml");
    Config options = pyproject ? table(root) : root;
    if (options == null) {
      throw new ConfigException(file + " has no " + TABLE + " table");
    }
    String where = pyproject ? " in " + TABLE : " in " + file.getFileName();
    for (String key : options.valueMap().keySet()) {
      if (!OPTIONS.contains(key)) {
        String hint = suggest(key);
        throw new ConfigException(abs + ": unknown option '" + key + "'" + where
            + (hint == null ? "" : " (did you mean '" + hint + "'?)"));
      }
    }
    Map<String, Object> v = options.valueMap();
    String outputFormat = string(v, "output-format", where, abs);
    if (outputFormat != null && !OUTPUT_FORMATS.contains(outputFormat)) {
      throw new ConfigException(abs + ": option 'output-format'" + where
          + " must be one of " + String.join(", ", OUTPUT_FORMATS) + " (got '" + outputFormat + "')");
    }
    String targetVersion = string(v, "target-version", where, abs);
    if (targetVersion != null && !TARGET_VERSIONS.contains(targetVersion)) {
      throw new ConfigException(abs + ": option 'target-version'" + where
          + " must be one of " + String.join(", ", TARGET_VERSIONS) + " (got '" + targetVersion + "')");
    }
    String targetTransformers = string(v, "target-transformers", where, abs);
    if (targetTransformers != null && !isVersion(targetTransformers)) {
      throw new ConfigException(abs + ": option 'target-transformers'" + where
          + " must be a version such as \"4.46\" or \"5\" (got '" + targetTransformers + "')");
    }
    String[] budget = budget(v, where, abs);
    String requiresPython = null;
    if (pyproject && root.valueMap().get("project") instanceof Config project
        && project.valueMap().get("requires-python") instanceof String rp) {
      requiresPython = rp;
    }
    return new Settings(abs, abs.getParent(),
        strings(v, "select", where, abs), strings(v, "extend-select", where, abs),
        strings(v, "ignore", where, abs), table(v, "per-file-ignores", where, abs),
        strings(v, "exclude", where, abs), strings(v, "extend-exclude", where, abs),
        bool(v, "fix", where, abs), bool(v, "unsafe-fixes", where, abs), outputFormat, targetVersion,
        requiresPython, budget[0] == null ? null : Long.valueOf(budget[0]), budget[1],
        size(v, "max-file-size", where, abs), targetTransformers,
        targetTransformers == null ? null : abs.getFileName().toString());
  }

  /** Whether {@code s} is a release version: numbers separated by dots ({@code 5}, {@code 4.46.1}). */
  public static boolean isVersion(String s) {
    return s != null && s.matches("[0-9]{1,6}(\\.[0-9]{1,6}){0,3}");
  }

  /**
   * {@code gpu-memory} (a size: {@code "24GiB"}, {@code "16GB"}, or a bare number of GiB) or else
   * {@code gpu} (a GPU name, {@code "rtx4090"}): {bytes, where it was set}, both null when neither is set.
   */
  private static String[] budget(Map<String, Object> v, String where, Path file) throws ConfigException {
    Object mem = v.get("gpu-memory");
    Object gpu = v.get("gpu");
    String name = file.getFileName().toString();
    if (mem != null) {
      Long b = mem instanceof Number n ? Long.valueOf(Math.round(n.doubleValue() * 1073741824.0))
          : mem instanceof String str ? Units.parse(str) : null;
      if (b == null || b <= 0) {
        throw new ConfigException(file + ": option 'gpu-memory'" + where + " must be a size such as \"24GiB\"");
      }
      String shown = mem instanceof String str ? "\"" + str + "\"" : String.valueOf(mem);
      return new String[] {String.valueOf(b), "gpu-memory = " + shown + " in " + name};
    }
    if (gpu != null) {
      Long b = gpu instanceof String str ? Gpus.bytes(str) : null;
      if (b == null) {
        throw new ConfigException(file + ": option 'gpu'" + where + ": unknown GPU '" + gpu + "' (known: "
            + Gpus.names() + ")");
      }
      return new String[] {String.valueOf(b), "gpu = \"" + gpu + "\" in " + name};
    }
    return new String[2];
  }

  /**
   * The {@code [project] requires-python} of the nearest {@code pyproject.toml} at or above {@code dir}
   * (null when there is none, or it does not say), for projects without an oomlint configuration. A
   * line scan, not a TOML parse: it runs on every such check, and needs only the one string.
   */
  public static String requiresPython(Path dir) {
    for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
      Path candidate = d.resolve("pyproject.toml");
      if (!Files.isRegularFile(candidate)) {
        continue;
      }
      try {
        return requiresPython(new String(RegularFiles.read(candidate), StandardCharsets.UTF_8));
      } catch (IOException | RuntimeException e) {
        return null; // unreadable: the run goes on with the default, as for a missing file
      }
    }
    return null;
  }

  /** {@code requires-python = "..."} in the {@code [project]} table of a pyproject.toml's text, or null. */
  static String requiresPython(String toml) {
    boolean inProject = false;
    for (int from = 0, to; from < toml.length(); from = to + 1) {
      to = toml.indexOf('\n', from);
      if (to < 0) {
        to = toml.length();
      }
      String line = toml.substring(from, to).strip(); // a CR before the LF is stripped too
      if (line.startsWith("[")) {
        inProject = line.replace(" ", "").equals("[project]");
        continue;
      }
      if (!inProject || !line.startsWith("requires-python")) {
        continue;
      }
      String rest = line.substring("requires-python".length()).strip();
      if (!rest.startsWith("=")) {
        continue;
      }
      rest = rest.substring(1).strip();
      if (rest.length() >= 2 && (rest.charAt(0) == '"' || rest.charAt(0) == '\'')) {
        int close = rest.indexOf(rest.charAt(0), 1);
        return close < 0 ? null : rest.substring(1, close);
      }
      return null;
    }
    return null;
  }

  private static Config table(Config root) {
    Object tool = root.valueMap().get("tool");
    if (tool instanceof Config t) {
      Object o = t.valueMap().get("oomlint");
      if (o instanceof Config c) {
        return c;
      }
    }
    return null;
  }

  private static String readText(Path file) throws ConfigException {
    try {
      String s = decodeUtf8(RegularFiles.read(file));
      return s.startsWith("\uFEFF") ? s.substring(1) : s;
    } catch (IOException e) {
      throw new ConfigException("cannot read configuration file " + file + ": " + RegularFiles.reason(e));
    }
  }

  /** Strict UTF-8, as {@code Files.readString} decodes. */
  private static String decodeUtf8(byte[] bytes) throws IOException {
    return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
  }

  /** A size option: a whole number of bytes, or a string such as "64MiB" (see {@link RegularFiles#parseSize}). */
  private static Long size(Map<String, Object> v, String key, String where, Path file) throws ConfigException {
    Object o = v.get(key);
    if (o == null) {
      return null;
    }
    Long bytes = o instanceof Number n && !(o instanceof Double) && !(o instanceof Float)
        ? (n.longValue() > 0 ? Long.valueOf(n.longValue()) : null)
        : o instanceof String s ? RegularFiles.parseSize(s) : null;
    if (bytes == null) {
      throw new ConfigException(file + ": option '" + key + "'" + where
          + " must be a positive size: a number of bytes or a string such as \"64MiB\"");
    }
    return bytes;
  }

  /** Parses TOML; a syntax error names the line of the last character the parser read. */
  static Config parse(Path file, String text) throws ConfigException {
    CountingReader in = new CountingReader(text);
    try {
      return new TomlParser().parse(in);
    } catch (ParsingException | IllegalStateException | IllegalArgumentException e) {
      String msg = e.getMessage() == null ? "invalid TOML" : e.getMessage();
      msg = msg.replace("\r", "\\r").replace("\n", "\\n").strip();
      if (msg.endsWith(".")) {
        msg = msg.substring(0, msg.length() - 1);
      }
      return fail(file + ":" + in.line() + ": TOML syntax error: " + msg);
    }
  }

  private static Config fail(String message) throws ConfigException {
    throw new ConfigException(message);
  }

  private static List<String> strings(Map<String, Object> v, String key, String where, Path file)
      throws ConfigException {
    Object o = v.get(key);
    if (o == null) {
      return null;
    }
    List<String> out = stringList(o);
    if (out == null) {
      throw new ConfigException(file + ": option '" + key + "'" + where + " must be a list of strings");
    }
    return out;
  }

  private static List<String> stringList(Object o) {
    if (!(o instanceof List<?> list)) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (Object e : list) {
      if (!(e instanceof String s)) {
        return null;
      }
      out.add(s);
    }
    return List.copyOf(out);
  }

  private static Map<String, List<String>> table(Map<String, Object> v, String key, String where,
      Path file) throws ConfigException {
    Object o = v.get(key);
    if (o == null) {
      return null;
    }
    if (!(o instanceof Config c)) {
      throw new ConfigException(file + ": option '" + key + "'" + where
          + " must be a table of glob = [codes]");
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : c.valueMap().entrySet()) {
      List<String> codes = stringList(e.getValue());
      if (codes == null) {
        throw new ConfigException(file + ": option '" + key + "'" + where + " must map each glob to a"
            + " list of codes (see '" + e.getKey() + "')");
      }
      out.put(e.getKey(), codes);
    }
    return out;
  }

  private static Boolean bool(Map<String, Object> v, String key, String where, Path file)
      throws ConfigException {
    Object o = v.get(key);
    if (o == null) {
      return null;
    }
    if (!(o instanceof Boolean b)) {
      throw new ConfigException(file + ": option '" + key + "'" + where + " must be true or false");
    }
    return b;
  }

  private static String string(Map<String, Object> v, String key, String where, Path file)
      throws ConfigException {
    Object o = v.get(key);
    if (o == null) {
      return null;
    }
    if (!(o instanceof String s)) {
      throw new ConfigException(file + ": option '" + key + "'" + where + " must be a string");
    }
    return s;
  }

  /** The closest known option to a misspelt one, or null when none is close. */
  static String suggest(String key) {
    String best = null;
    int bestDist = Integer.MAX_VALUE;
    for (String o : OPTIONS) {
      int d = distance(key.toLowerCase(java.util.Locale.ROOT).replace('_', '-'), o);
      if (d < bestDist) {
        bestDist = d;
        best = o;
      }
    }
    return bestDist <= Math.max(2, key.length() / 3) ? best : null;
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /**
   * Hands the parser one character per call, so that when it fails, what it has read tells where:
   * the line of the last non-blank character consumed.
   */
  private static final class CountingReader extends Reader {
    private final String text;
    private int pos;

    CountingReader(String text) {
      this.text = text;
    }

    @Override
    public int read(char[] buf, int off, int len) {
      if (len == 0) {
        return 0;
      }
      if (pos >= text.length()) {
        return -1;
      }
      buf[off] = text.charAt(pos++);
      return 1;
    }

    @Override
    public int read() {
      return pos >= text.length() ? -1 : text.charAt(pos++);
    }

    @Override
    public void close() {}

    int line() {
      int end = Math.min(pos, text.length());
      while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
        end--;
      }
      int line = 1;
      for (int i = 0; i < end; i++) {
        char c = text.charAt(i);
        if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
          line++;
        }
      }
      return line;
    }
  }
}
