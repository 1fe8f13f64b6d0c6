package dev.oomlint.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link RuleInfo} annotations of the built-in rules, written to a resource at build time
 * ({@link #main}, run by Maven after compiling) and read from it at run time. Reading an annotation
 * through reflection makes the JVM generate proxy classes, which costs a one-file run more than 10
 * ms at every start; this index is one short text file. The annotation stays the source: a rule
 * missing from the index (a test's stand-in, or a class compiled outside Maven) is read
 * reflectively, and a test holds the index to the annotations.
 */
public final class RuleIndex {
  /** Class-path resource holding one tab-separated line per rule. */
  static final String RESOURCE = "rule-index.tsv";

  private RuleIndex() {}

  private static final class Loaded {
    static final Map<String, RuleInfo> BY_CLASS = load();
  }

  /** {@code rule}'s metadata from the index, or null when the index does not list its class. */
  static RuleInfo lookup(Class<?> rule) {
    return Loaded.BY_CLASS.get(rule.getName());
  }

  /** Whether the index was found on the class path (tests check that the build made it). */
  static boolean present() {
    return !Loaded.BY_CLASS.isEmpty();
  }

  private static Map<String, RuleInfo> load() {
    Map<String, RuleInfo> m = new HashMap<>();
    try (InputStream in = RuleIndex.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return m;
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isEmpty()) {
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f.length != 8) {
          return new HashMap<>(); // not ours: fall back to the annotations
        }
        String[] tags = f[7].isEmpty() ? new String[0] : f[7].split(",", -1);
        m.put(f[0], new Indexed(f[1], f[2], f[3], Level.valueOf(f[4]), FixSafety.valueOf(f[5]), f[6], tags));
      }
    } catch (IOException | RuntimeException e) {
      return new HashMap<>(); // the annotations are still there
    }
    return m;
  }

  /** The line {@link #load} reads for {@code rule}. */
  static String line(Class<?> rule, RuleInfo i) {
    String[] fields = {rule.getName(), i.code(), i.name(), i.summary(), i.level().name(), i.fix().name(),
        i.precision(), String.join(",", i.tags())};
    for (String f : fields) {
      if (f.indexOf('\t') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
        throw new IllegalArgumentException(rule.getName() + ": a @RuleInfo value holds a tab or a line break");
      }
    }
    for (String t : i.tags()) {
      if (t.isEmpty() || t.indexOf(',') >= 0) {
        throw new IllegalArgumentException(rule.getName() + ": a tag is empty or holds a comma: '" + t + "'");
      }
    }
    return String.join("\t", fields);
  }

  /** Writes the index of {@code rules}' annotations to {@code out}. */
  static void write(List<Rule> rules, Writer out) throws IOException {
    for (Rule r : rules) {
      RuleInfo i = r.getClass().getAnnotation(RuleInfo.class);
      if (i == null) {
        throw new IllegalStateException(r.getClass().getName() + " has no @RuleInfo");
      }
      out.write(line(r.getClass(), i));
      out.write('\n');
    }
  }

  /** Build step: writes the index of the built-in rules into the classes directory {@code args[0]}. */
  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]).resolve(RuleIndex.class.getPackageName().replace('.', '/')).resolve(RESOURCE);
    Files.createDirectories(file.getParent());
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      write(RuleRegistry.all(), w);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** A {@link RuleInfo} read from the index; equal to the annotation it was written from. */
  private static final class Indexed implements RuleInfo {
    private final String code;
    private final String name;
    private final String summary;
    private final Level level;
    private final FixSafety fix;
    private final String precision;
    private final String[] tags;

    Indexed(String code, String name, String summary, Level level, FixSafety fix, String precision,
        String[] tags) {
      this.code = code;
      this.name = name;
      this.summary = summary;
      this.level = level;
      this.fix = fix;
      this.precision = precision;
      this.tags = tags;
    }

    @Override
    public String code() {
      return code;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String summary() {
      return summary;
    }

    @Override
    public Level level() {
      return level;
    }

    @Override
    public FixSafety fix() {
      return fix;
    }

    @Override
    public String precision() {
      return precision;
    }

    @Override
    public String[] tags() {
      return tags.clone();
    }

    @Override
    public Class<? extends Annotation> annotationType() {
      return RuleInfo.class;
    }

    /** As {@link Annotation#equals}: same type, same member values. */
    @Override
    public boolean equals(Object o) {
      return o instanceof RuleInfo i && code.equals(i.code()) && name.equals(i.name())
          && summary.equals(i.summary()) && level == i.level() && fix == i.fix()
          && precision.equals(i.precision()) && Arrays.equals(tags, i.tags());
    }

    /** As {@link Annotation#hashCode}: the sum of (127 * member name hash) ^ member value hash. */
    @Override
    public int hashCode() {
      return (127 * "code".hashCode() ^ code.hashCode())
          + (127 * "name".hashCode() ^ name.hashCode())
          + (127 * "summary".hashCode() ^ summary.hashCode())
          + (127 * "level".hashCode() ^ level.hashCode())
          + (127 * "fix".hashCode() ^ fix.hashCode())
          + (127 * "precision".hashCode() ^ precision.hashCode())
          + (127 * "tags".hashCode() ^ Arrays.hashCode(tags));
    }

    @Override
    public String toString() {
      return "@" + RuleInfo.class.getName() + "(code=\"" + code + "\", name=\"" + name + "\")";
    }
  }
}
