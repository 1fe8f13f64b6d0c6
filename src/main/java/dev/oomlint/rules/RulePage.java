package dev.oomlint.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One rule's documentation page ({@code rules/CODE.md}, format in {@code rules/README.md}), parsed:
 * the header facts and the Markdown body of each {@code ##} section, in page order.
 */
public record RulePage(String code, String name, Level level, FixSafety fix, Map<String, String> sections,
    String markdown) {
  public static final String WHAT_IT_DOES = "What it does";
  public static final String WHY_IT_COSTS_MEMORY = "Why it costs memory";
  public static final String EXAMPLE = "Example";
  public static final String USE_INSTEAD = "Use instead";
  public static final String REFERENCES = "References";

  /** An opening code fence: three or more backticks and an optional info string without backticks. */
  private static final Pattern FENCE = Pattern.compile("^(```+)\\s*([^`\\s]*)[^`]*$");
  private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\(([^)\\s]+)\\)");

  public RulePage {
    sections = Collections.unmodifiableMap(new LinkedHashMap<>(sections));
  }

  /** The Markdown body of section {@code heading} (without the heading line), or "" if absent. */
  public String section(String heading) {
    return sections.getOrDefault(heading, "");
  }

  /** The python code blocks of the {@code Example} section: code that should trigger the rule. */
  public List<String> exampleCode() {
    return pythonBlocks(section(EXAMPLE));
  }

  /** The python code blocks of the {@code Use instead} section: code that should not trigger it. */
  public List<String> useInsteadCode() {
    return pythonBlocks(section(USE_INSTEAD));
  }

  /** The "What it does" section as plain text (for SARIF's {@code fullDescription}). */
  public String whatItDoesText() {
    return plain(section(WHAT_IT_DOES)).strip();
  }

  /** The whole page as plain text: headings as lines of their own, code indented, links spelled out. */
  public String plainText() {
    StringBuilder out = new StringBuilder();
    out.append(code).append(": ").append(name).append("\n\n");
    out.append("Default level: ").append(level.sarifName()).append('\n');
    out.append("Fix safety: ").append(fix.displayName()).append('\n');
    for (Map.Entry<String, String> section : sections.entrySet()) {
      out.append('\n').append(section.getKey()).append('\n');
      out.append(plain(section.getValue()).replaceFirst("^\n+", "").stripTrailing()).append('\n');
    }
    return out.toString();
  }

  /** The contents of the fenced {@code python} (or {@code py}) blocks of a Markdown text. */
  public static List<String> pythonBlocks(String markdown) {
    List<String> blocks = new ArrayList<>();
    String openFence = null;
    StringBuilder code = null;
    for (String line : markdown.split("\n", -1)) {
      String trimmed = line.strip();
      if (openFence == null) {
        Matcher m = FENCE.matcher(trimmed);
        if (m.matches()) {
          openFence = m.group(1);
          String language = m.group(2);
          code = language.equals("python") || language.equals("py") ? new StringBuilder() : null;
        }
      } else if (closesFence(trimmed, openFence)) {
        if (code != null) {
          blocks.add(code.toString());
        }
        openFence = null;
        code = null;
      } else if (code != null) {
        code.append(line).append('\n');
      }
    }
    return blocks;
  }

  /** The backticks that open a code fence on this (stripped) line, or null. */
  static String openingFence(String trimmed) {
    Matcher m = FENCE.matcher(trimmed);
    return m.matches() ? m.group(1) : null;
  }

  /** Whether this (stripped) line closes the fence opened by {@code open}: only backticks, at least as many. */
  static boolean closesFence(String trimmed, String open) {
    return trimmed.length() >= open.length() && trimmed.chars().allMatch(c -> c == '`');
  }

  private static String plain(String markdown) {
    StringBuilder out = new StringBuilder();
    String openFence = null;
    for (String line : markdown.split("\n", -1)) {
      String trimmed = line.strip();
      if (openFence == null) {
        Matcher m = FENCE.matcher(trimmed);
        if (m.matches()) {
          openFence = m.group(1);
        } else {
          out.append(LINK.matcher(line).replaceAll("$1 ($2)").replace("**", "")).append('\n');
        }
      } else if (closesFence(trimmed, openFence)) {
        openFence = null;
      } else {
        out.append("    ").append(line).append('\n');
      }
    }
    return out.toString();
  }
}
