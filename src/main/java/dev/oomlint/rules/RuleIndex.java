package dev.oomlint.rules;

import dev.oomlint.build.EmbeddedData;
import java.io.IOException;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link RuleInfo} annotations of the built-in rules, one tab-separated line per rule, embedded in
 * a class at build time (by {@code rules.checks.RuleIndexWriter}, run by Maven after compiling; {@link RuleIndexData}) and read
 * from it at run time. Reading an annotation through reflection makes the JVM generate proxy
 * classes, which costs a one-file run more than 10 ms at every start (and a class-path resource
 * another 6 ms of URL handling); this index is a string constant. The annotation stays the source: a rule
 * missing from the index (a test's stand-in, or a class compiled outside Maven) is read
 * reflectively, and a test holds the index to the annotations.
 */
public final class RuleIndex {
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
    byte[] data = EmbeddedData.bytes(RuleIndexData.data());
    return data == null ? new HashMap<>() : parse(new String(data, StandardCharsets.UTF_8));
  }

  /** The index's lines, by class name; empty when they are not ours (then the annotations are read). */
  static Map<String, RuleInfo> parse(String text) {
    Map<String, RuleInfo> m = new HashMap<>();
    try {
      int from = 0;
      while (from < text.length()) {
        int nl = text.indexOf('\n', from);
        String line = text.substring(from, nl < 0 ? text.length() : nl);
        from = nl < 0 ? text.length() : nl + 1;
        if (line.isEmpty()) {
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f.length != 10) {
          return new HashMap<>();
        }
        String[] tags = f[7].isEmpty() ? new String[0] : f[7].split(",", -1);
        String[] mentions = f[8].isEmpty() ? new String[0] : f[8].split(",", -1);
        m.put(f[0], new Indexed(f[1], f[2], f[3], named(Level.values(), f[4]), named(FixSafety.values(), f[5]), f[6],
            tags, mentions, bool(f[9])));
      }
    } catch (RuntimeException e) {
      return new HashMap<>(); // the annotations are still there
    }
    return m;
  }

  /** {@code values}' constant named {@code name}: not Enum.valueOf, which reflects on values() at first use. */
  private static <E extends Enum<E>> E named(E[] values, String name) {
    for (E e : values) {
      if (e.name().equals(name)) {
        return e;
      }
    }
    throw new IllegalArgumentException(name);
  }

  private static boolean bool(String s) {
    if (s.equals("true")) {
      return true;
    }
    if (s.equals("false")) {
      return false;
    }
    throw new IllegalArgumentException(s);
  }

  /** The line {@link #load} reads for {@code rule}. */
  static String line(Class<?> rule, RuleInfo i) {
    String[] fields = {rule.getName(), i.code(), i.name(), i.summary(), i.level().name(), i.fix().name(),
        i.precision(), String.join(",", i.tags()), String.join(",", i.mentions()),
        String.valueOf(i.enabledByDefault())};
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
    for (String m : i.mentions()) {
      if (m.isEmpty() || m.indexOf(',') >= 0) {
        throw new IllegalArgumentException(rule.getName() + ": a mention is empty or holds a comma: '" + m + "'");
      }
    }
    return String.join("\t", fields);
  }

  /** Writes the index of {@code rules}' annotations to {@code out} (the build's step, {@code build.RuleIndexWriter}). */
  public static void write(List<Rule> rules, Writer out) throws IOException {
    for (Rule r : rules) {
      RuleInfo i = r.getClass().getAnnotation(RuleInfo.class);
      if (i == null) {
        throw new IllegalStateException(r.getClass().getName() + " has no @RuleInfo");
      }
      out.write(line(r.getClass(), i));
      out.write('\n');
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
    private final String[] mentions;
    private final boolean enabledByDefault;

    Indexed(String code, String name, String summary, Level level, FixSafety fix, String precision,
        String[] tags, String[] mentions, boolean enabledByDefault) {
      this.code = code;
      this.name = name;
      this.summary = summary;
      this.level = level;
      this.fix = fix;
      this.precision = precision;
      this.tags = tags;
      this.mentions = mentions;
      this.enabledByDefault = enabledByDefault;
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
    public String[] mentions() {
      return mentions.clone();
    }

    @Override
    public boolean enabledByDefault() {
      return enabledByDefault;
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
          && precision.equals(i.precision()) && Arrays.equals(tags, i.tags())
          && Arrays.equals(mentions, i.mentions()) && enabledByDefault == i.enabledByDefault();
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
          + (127 * "tags".hashCode() ^ Arrays.hashCode(tags))
          + (127 * "mentions".hashCode() ^ Arrays.hashCode(mentions))
          + (127 * "enabledByDefault".hashCode() ^ Boolean.hashCode(enabledByDefault));
    }

    @Override
    public String toString() {
      return "@" + RuleInfo.class.getName() + "(code=\"" + code + "\", name=\"" + name + "\")";
    }
  }
}
