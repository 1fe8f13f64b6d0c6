package dev.oomlint.estimate;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Byte sizes: parsing {@code 24GiB}, {@code 16GB}, {@code 80G}, and printing them in GiB. */
public final class Units {
  private Units() {}

  private static final Pattern SIZE = Pattern.compile("(?i)\\s*(\\d+(?:\\.\\d+)?)\\s*(kib|mib|gib|tib|kb|mb|gb|tb|k|m|g|t|b)?\\s*");
  private static final Map<String, Double> FACTORS = Map.ofEntries(Map.entry("b", 1.0),
      Map.entry("kib", 1024.0), Map.entry("mib", 1048576.0), Map.entry("gib", 1073741824.0),
      Map.entry("tib", 1099511627776.0), Map.entry("k", 1024.0), Map.entry("m", 1048576.0),
      Map.entry("g", 1073741824.0), Map.entry("t", 1099511627776.0), Map.entry("kb", 1e3), Map.entry("mb", 1e6),
      Map.entry("gb", 1e9), Map.entry("tb", 1e12));

  /**
   * Parses a size: {@code 24GiB} (binary), {@code 24GB} (decimal), {@code 24G} (binary, as nvidia-smi
   * and PyTorch count). A bare number is GiB. Returns null for text that is not a size.
   */
  public static Long parse(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = SIZE.matcher(text);
    if (!m.matches()) {
      return null;
    }
    double n = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "gib" : m.group(2).toLowerCase(Locale.ROOT);
    double bytes = n * FACTORS.get(unit);
    return bytes <= 0 ? null : Math.round(bytes);
  }

  /** {@code 12.55 GiB}, or MiB below 1 GiB. */
  public static String human(long bytes) {
    double gib = bytes / 1073741824.0;
    if (gib >= 1 || bytes == 0) {
      return String.format(Locale.ROOT, "%.2f GiB", gib);
    }
    return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
  }
}
