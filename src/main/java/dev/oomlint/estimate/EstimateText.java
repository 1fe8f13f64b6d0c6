package dev.oomlint.estimate;

import java.util.List;
import java.util.Locale;

/**
 * The text report of {@code oomlint estimate}: per load site, what was read, the components, a stacked
 * bar against the budget, the ladder of fixes and every assumption. Colour (ANSI) only when asked.
 */
public final class EstimateText {
  /** Width of the bar in cells. */
  static final int BAR = 56;

  private static final String[] NAMES = {"weights", "gradients", "optimizer states", "activations", "overhead"};
  private static final char[] GLYPHS = {'█', '▓', '▒', '░', '▪'};
  private static final String[] COLOURS = {"34", "35", "33", "36", "90"};

  private final boolean color;

  public EstimateText(boolean color) {
    this.color = color;
  }

  private String paint(String code, String s) {
    return color ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
  }

  /** The whole report; {@code budgetLabel} says where the budget came from (null without one). */
  public String render(List<SiteEstimate> sites, String budgetLabel) {
    StringBuilder out = new StringBuilder();
    int over = 0;
    int unknown = 0;
    for (SiteEstimate s : sites) {
      site(out, s, budgetLabel);
      out.append('\n');
      if (Boolean.FALSE.equals(s.fits())) {
        over++;
      }
      if (s.bytes().total() == null) {
        unknown++;
      }
    }
    if (sites.isEmpty()) {
      out.append("No model load sites found.\n");
      return out.toString();
    }
    out.append(sites.size()).append(sites.size() == 1 ? " load site" : " load sites");
    if (unknown > 0) {
      out.append(", ").append(unknown).append(" of unknown size");
    }
    if (budgetLabel != null) {
      out.append(over == 0 ? "; all known sizes fit " : "; " + over + " do" + (over == 1 ? "es" : "")
          + " not fit ").append(budgetLabel);
    } else {
      out.append(" (no budget: give --gpu-memory or --gpu)");
    }
    out.append(".\n");
    return out.toString();
  }

  private void site(StringBuilder out, SiteEstimate s, String budgetLabel) {
    out.append(paint("1", s.path() + ":" + s.line() + ":" + s.column())).append("  ").append(s.call()).append('\n');
    if (s.parameters() == null) {
      out.append("  model        ").append(s.model() == null ? "unknown" : s.model()).append(": size unknown\n");
      for (String a : s.assumptions()) {
        out.append("    - ").append(a).append('\n');
      }
      return;
    }
    out.append(String.format(Locale.ROOT, "  model        %s: %,d parameters (%s: %s)%n", s.model(), s.parameters(),
        s.parameterSource(), s.parameterDetail()));
    out.append("  precision    ").append(s.dtype());
    if (s.quantization() != null) {
      out.append(" (bitsandbytes ").append(s.quantization()).append(')');
    }
    out.append('\n');
    StringBuilder mode = new StringBuilder(switch (s.mode()) {
      case "lora" -> "LoRA fine-tuning";
      case "full" -> "full training";
      default -> "inference";
    });
    if (!s.mode().equals("inference")) {
      mode.append(", optimizer ").append(s.optimizer() == null ? "not found" : s.optimizer());
      mode.append(", gradient checkpointing ").append(s.gradientCheckpointing() ? "on" : "off");
    }
    if (s.batchSize() != null) {
      mode.append(", batch ").append(s.batchSize());
    }
    if (s.sequenceLength() != null) {
      mode.append(" × ").append(s.sequenceLength()).append(" tokens");
    }
    out.append("  mode         ").append(mode).append("\n\n");
    SiteEstimate.Bytes b = s.bytes();
    Long[] parts = {b.weights(), b.gradients(), b.optimizer(), b.activations(), b.overhead()};
    for (int i = 0; i < parts.length; i++) {
      if (parts[i] == null && (i == 1 || i == 2) && s.mode().equals("inference")) {
        continue;
      }
      out.append("  ").append(paint(COLOURS[i], String.valueOf(GLYPHS[i]))).append(' ')
          .append(String.format(Locale.ROOT, "%-17s", NAMES[i]))
          .append(String.format(Locale.ROOT, "%12s", parts[i] == null ? "not counted" : Units.human(parts[i])))
          .append('\n');
    }
    out.append("    ").append(String.format(Locale.ROOT, "%-17s", "total"))
        .append(paint("1", String.format(Locale.ROOT, "%12s", Units.human(b.total()))));
    if (s.budget() != null) {
      boolean fits = Boolean.TRUE.equals(s.fits());
      out.append("  of ").append(Units.human(s.budget())).append(": ")
          .append(fits ? paint("32", "fits") : paint("31", "does not fit"));
      if (!fits) {
        out.append(" (").append(Units.human(b.total() - s.budget())).append(" over)");
      }
    }
    out.append('\n').append("  ").append(bar(parts, b.total(), s.budget())).append("\n");
    if (!s.suggestions().isEmpty()) {
      out.append("\n  fixes, each on its own (cheapest first):\n");
      for (SiteEstimate.Suggestion f : s.suggestions()) {
        boolean ok = s.budget() != null && f.total() <= s.budget();
        out.append("    ").append(ok ? paint("32", "✓") : paint("31", "✗"))
            .append(String.format(Locale.ROOT, " %12s  ", Units.human(f.total()))).append(f.change()).append('\n');
      }
    } else if (Boolean.FALSE.equals(s.fits())) {
      out.append("\n  no single fix on the guide's ladder applies\n");
    }
    out.append("\n  assumptions:\n");
    for (String a : s.assumptions()) {
      out.append("    - ").append(a).append('\n');
    }
  }

  /** The stacked bar: one glyph per component, scaled to the larger of total and budget; │ marks the budget. */
  String bar(Long[] parts, long total, Long budget) {
    long scale = Math.max(total, budget == null ? 0 : budget);
    char[] cells = new char[BAR];
    int[] owner = new int[BAR];
    java.util.Arrays.fill(cells, ' ');
    java.util.Arrays.fill(owner, -1);
    long acc = 0;
    int pos = 0;
    for (int i = 0; i < parts.length; i++) {
      if (parts[i] == null || parts[i] == 0) {
        continue;
      }
      acc += parts[i];
      int end = (int) Math.round((double) acc / scale * BAR);
      if (end <= pos) {
        end = Math.min(BAR, pos + 1); // every component present gets at least one cell
      }
      for (; pos < end && pos < BAR; pos++) {
        cells[pos] = GLYPHS[i];
        owner[pos] = i;
      }
    }
    int mark = -1;
    if (budget != null) {
      mark = (int) Math.round((double) budget / scale * BAR) - 1;
      mark = Math.max(0, Math.min(BAR - 1, mark));
    }
    StringBuilder sb = new StringBuilder("▕");
    for (int i = 0; i < BAR; i++) {
      String cell = String.valueOf(i == mark ? '│' : cells[i]);
      if (i == mark) {
        sb.append(paint(total > budget ? "31;1" : "32;1", cell));
      } else if (owner[i] >= 0) {
        sb.append(paint(COLOURS[owner[i]], cell));
      } else {
        sb.append(cell);
      }
    }
    sb.append("▏");
    if (budget != null) {
      sb.append(" │ = budget");
    }
    return sb.toString();
  }
}
