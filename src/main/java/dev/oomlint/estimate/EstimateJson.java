package dev.oomlint.estimate;

import com.google.gson.GsonBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON report of {@code oomlint estimate}, in the schema of docs/json-output.md (version 1). */
public final class EstimateJson {
  private EstimateJson() {}

  public static String render(List<SiteEstimate> sites) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("version", 1);
    List<Object> list = new ArrayList<>();
    for (SiteEstimate s : sites) {
      list.add(site(s));
    }
    root.put("sites", list);
    return new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create().toJson(root);
  }

  static Map<String, Object> site(SiteEstimate s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("path", s.path());
    m.put("line", s.line());
    m.put("column", s.column());
    m.put("model", s.model());
    m.put("parameters", s.parameters());
    m.put("parameterSource", s.parameterSource());
    m.put("dtype", s.dtype());
    m.put("quantization", s.quantization());
    m.put("mode", s.mode());
    m.put("optimizer", s.optimizer());
    m.put("batchSize", s.batchSize());
    m.put("sequenceLength", s.sequenceLength());
    m.put("gradientCheckpointing", s.gradientCheckpointing());
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("weights", s.bytes().weights());
    b.put("gradients", s.bytes().gradients());
    b.put("optimizer", s.bytes().optimizer());
    b.put("activations", s.bytes().activations());
    b.put("overhead", s.bytes().overhead());
    b.put("total", s.bytes().total());
    m.put("bytes", b);
    m.put("assumptions", s.assumptions());
    m.put("budget", s.budget());
    m.put("fits", s.fits());
    List<Object> sug = new ArrayList<>();
    for (SiteEstimate.Suggestion x : s.suggestions()) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("change", x.change());
      o.put("total", x.total());
      sug.add(o);
    }
    m.put("suggestions", sug);
    return m;
  }
}
