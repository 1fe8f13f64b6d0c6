package dev.oomlint.estimate;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** GPU names to their memory, for {@code --gpu}: the nominal capacity in GiB, as NVIDIA's data sheets give it. */
public final class Gpus {
  private Gpus() {}

  private static final Map<String, Integer> GIB = new LinkedHashMap<>();

  static {
    GIB.put("t4", 16);
    GIB.put("l4", 24);
    GIB.put("a10", 24);
    GIB.put("a10g", 24);
    GIB.put("l40s", 48);
    GIB.put("v100-16gb", 16);
    GIB.put("v100-32gb", 32);
    GIB.put("a100-40gb", 40);
    GIB.put("a100-80gb", 80);
    GIB.put("h100", 80);
    GIB.put("h100-80gb", 80);
    GIB.put("h200", 141);
    GIB.put("rtx3060", 12);
    GIB.put("rtx3080", 10);
    GIB.put("rtx3090", 24);
    GIB.put("rtx4060", 8);
    GIB.put("rtx4070", 12);
    GIB.put("rtx4080", 16);
    GIB.put("rtx4090", 24);
    GIB.put("rtx5090", 32);
  }

  /** The memory of a GPU by name (case and {@code -}/{@code _}/space insensitive: {@code RTX 4090}), or null. */
  public static Long bytes(String name) {
    if (name == null) {
      return null;
    }
    String key = name.toLowerCase(Locale.ROOT).replace(" ", "").replace("_", "-");
    Integer g = GIB.get(key);
    if (g == null) {
      g = GIB.get(key.replace("-", ""));
    }
    return g == null ? null : g * 1073741824L;
  }

  /** The names {@code --gpu} takes. */
  public static String names() {
    return String.join(", ", GIB.keySet());
  }
}
