package dev.oomlint.engine;

import dev.oomlint.rules.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns {@code select} / {@code extend-select} / {@code ignore} selectors into the enabled rules, as
 * Ruff does. A selector is a full code ({@code OOM101}), a prefix ({@code OOM1}, {@code OOM}) or
 * {@code ALL}. Layers apply in order (configuration file, then command line): a layer with
 * {@code select} starts afresh, otherwise it adjusts the previous layer's set. Within a layer the
 * most specific matching selector decides, and {@code ignore} wins a tie. Before the first layer the
 * rules enabled by default are enabled ({@link dev.oomlint.rules.RuleInfo#enabledByDefault}); an opt-in
 * rule is enabled by any {@code select}/{@code extend-select} selector that matches it.
 */
public final class RuleSelection {
  /** The prefix every oomlint code starts with; always a valid selector. */
  public static final String LINTER_PREFIX = "OOM";

  /** One layer of selectors; {@code select} is null when the layer does not set it. */
  public record Layer(List<String> select, List<String> extendSelect, List<String> ignore) {
    public Layer {
      extendSelect = extendSelect == null ? List.of() : List.copyOf(extendSelect);
      ignore = ignore == null ? List.of() : List.copyOf(ignore);
      select = select == null ? null : List.copyOf(select);
    }
  }

  /** A selector that names no rule; the message is the one line the user sees. */
  public static final class UnknownSelectorException extends IllegalArgumentException {
    public UnknownSelectorException(String selector) {
      super("unknown rule selector '" + selector + "'");
    }
  }

  private RuleSelection() {}

  /** Throws {@link UnknownSelectorException} unless {@code selector} selects something. */
  public static void validate(String selector, List<Rule> rules) {
    if (selector.equals("ALL") || selector.equals(LINTER_PREFIX)) {
      return;
    }
    if (!selector.isEmpty()) {
      for (Rule r : rules) {
        if (r.info().code().startsWith(selector)) {
          return;
        }
      }
    }
    throw new UnknownSelectorException(selector);
  }

  public static boolean matches(String selector, String code) {
    return selector.equals("ALL") || code.startsWith(selector);
  }

  private static int specificity(String selector) {
    return selector.equals("ALL") ? 0 : selector.length();
  }

  /** The enabled rules (in registry order); the default rules are enabled before the first layer. */
  public static List<Rule> resolve(List<Rule> all, List<Layer> layers) {
    for (Layer layer : layers) {
      // loops, not forEach lambdas: this runs before a one-file check's parse, see Toolbox
      if (layer.select() != null) {
        for (String s : layer.select()) {
          validate(s, all);
        }
      }
      for (String s : layer.extendSelect()) {
        validate(s, all);
      }
      for (String s : layer.ignore()) {
        validate(s, all);
      }
    }
    boolean[] enabled = new boolean[all.size()];
    for (int i = 0; i < all.size(); i++) {
      enabled[i] = all.get(i).info().enabledByDefault();
    }
    for (Layer layer : layers) {
      List<String> plus = new ArrayList<>();
      if (layer.select() != null) {
        plus.addAll(layer.select());
      }
      plus.addAll(layer.extendSelect());
      for (int i = 0; i < all.size(); i++) {
        String code = all.get(i).info().code();
        int bestPlus = best(plus, code);
        int bestMinus = best(layer.ignore(), code);
        if (bestPlus < 0 && bestMinus < 0) {
          if (layer.select() != null) {
            enabled[i] = false;
          }
        } else {
          enabled[i] = bestPlus > bestMinus;
        }
      }
    }
    List<Rule> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (enabled[i]) {
        out.add(all.get(i));
      }
    }
    return out;
  }

  /** The specificity of the most specific selector in {@code selectors} matching {@code code}, or -1. */
  private static int best(List<String> selectors, String code) {
    int best = -1;
    for (String s : selectors) {
      if (matches(s, code)) {
        best = Math.max(best, specificity(s));
      }
    }
    return best;
  }
}
