package dev.oomlint.estimate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The bundled catalogue of models ({@code catalogue.txt} next to this class), and the size tag of an id. */
public final class Catalogue {
  /** One catalogue line. {@code architecture} is null for models that are not counted layer by layer. */
  public record Entry(List<String> ids, long parameters, boolean exact, Precision checkpointDtype, String kind,
      Architecture architecture, String diffusionKind, int resolution, Map<String, Long> components, String source) {}

  private static volatile Catalogue builtIn;

  private final List<Entry> entries;
  private final Map<String, Entry> byId = new HashMap<>();

  Catalogue(List<Entry> entries) {
    this.entries = List.copyOf(entries);
    for (Entry e : entries) {
      for (String id : e.ids()) {
        byId.putIfAbsent(id, e);
      }
    }
  }

  /** The bundled catalogue, read once. */
  public static Catalogue builtIn() {
    Catalogue c = builtIn;
    if (c == null) {
      try (InputStream in = Catalogue.class.getResourceAsStream("catalogue.txt")) {
        if (in == null) {
          throw new IllegalStateException("catalogue.txt is missing from the jar");
        }
        c = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new IllegalStateException("cannot read the model catalogue", e);
      }
      builtIn = c;
    }
    return c;
  }

  public List<Entry> entries() {
    return Collections.unmodifiableList(entries);
  }

  /** The entry for a hub id or model name ({@code meta-llama/Llama-2-7b-hf}, {@code resnet50}), or null. */
  public Entry find(String id) {
    if (id == null) {
      return null;
    }
    String lower = id.toLowerCase(Locale.ROOT).strip();
    while (lower.endsWith("/")) {
      lower = lower.substring(0, lower.length() - 1);
    }
    Entry e = byId.get(lower);
    if (e == null && lower.contains("/")) {
      e = byId.get(lower.substring(lower.lastIndexOf('/') + 1));
    }
    return e;
  }

  /** A size tag in an id ({@code -7b}, {@code 1.5B}, {@code 350m}, {@code 8x7b}), as a parameter count; or -1. */
  public static long sizeTag(String id) {
    if (id == null) {
      return -1;
    }
    Matcher m = SIZE_TAG.matcher(id.substring(id.lastIndexOf('/') + 1));
    long best = -1;
    while (m.find()) {
      double n = Double.parseDouble(m.group(2));
      double experts = m.group(1) == null ? 1 : Double.parseDouble(m.group(1));
      double scale = m.group(3).equalsIgnoreCase("b") ? 1e9 : 1e6;
      best = Math.max(best, Math.round(experts * n * scale));
    }
    return best;
  }

  private static final Pattern SIZE_TAG =
      Pattern.compile("(?<![A-Za-z0-9.])(?:(\\d+)x)?(\\d+(?:\\.\\d+)?)([bBmM])(?![A-Za-z0-9])");

  static Catalogue parse(String text) {
    List<Entry> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new java.io.StringReader(text))) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) {
          continue;
        }
        String[] f = t.split(" \\| ", -1);
        if (f.length != 7) {
          throw new IllegalStateException("catalogue.txt:" + n + ": expected 7 fields, found " + f.length);
        }
        List<String> ids = new ArrayList<>();
        for (String id : f[0].split(",")) {
          ids.add(id.strip().toLowerCase(Locale.ROOT));
        }
        long params = Long.parseLong(f[1].strip());
        boolean exact = f[2].strip().equals("exact");
        Precision dtype = Precision.valueOf(f[3].strip().toUpperCase(Locale.ROOT));
        String kind = f[4].strip();
        String shape = f[5].strip();
        Architecture arch = null;
        String dk = null;
        int res = 0;
        Map<String, Long> comps = new LinkedHashMap<>();
        if (!shape.equals("-")) {
          String[] parts = shape.split("\\s+");
          Map<String, String> kv = new LinkedHashMap<>();
          for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            kv.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
          }
          if (kind.equals("diffusion")) {
            dk = parts[0];
            for (Map.Entry<String, String> e : kv.entrySet()) {
              if (e.getKey().equals("res")) {
                res = Integer.parseInt(e.getValue());
              } else {
                comps.put(e.getKey(), Long.parseLong(e.getValue()));
              }
            }
          } else {
            arch = architecture(parts[0], kv);
          }
        }
        out.add(new Entry(ids, params, exact, dtype, kind, arch, dk, res, comps, f[6].strip()));
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return new Catalogue(out);
  }

  private static Architecture architecture(String family, Map<String, String> kv) {
    int layers = get(kv, "L", 0);
    int h = get(kv, "h", 0);
    int a = get(kv, "a", 1);
    int hd = get(kv, "hd", 0);
    if (hd == 0) {
      hd = h / a;
    }
    return new Architecture(family, layers, h, a, get(kv, "kv", a), hd, get(kv, "i", 4 * h), get(kv, "v", 0),
        get(kv, "pos", 512), get(kv, "tied", family.equals("gpt2") || family.equals("bert") ? 1 : 0) == 1,
        get(kv, "bias", 0) == 1, get(kv, "norms", 2), get(kv, "e", 1), get(kv, "tv", 0), get(kv, "gated", 0) == 1,
        get(kv, "dl", 0));
  }

  private static int get(Map<String, String> kv, String k, int dflt) {
    String v = kv.get(k);
    return v == null ? dflt : Integer.parseInt(v);
  }
}
