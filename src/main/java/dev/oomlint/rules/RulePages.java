package dev.oomlint.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule pages bundled with oomlint: {@code rules/CODE.md} in the repository, packaged as the
 * class-path resource {@code dev/oomlint/rules/pages/CODE.md}. {@code oomlint rule CODE} prints
 * them and the SARIF report takes each rule's {@code help} from them. The format is defined in
 * {@code rules/README.md}; {@link #parse} enforces it.
 */
public final class RulePages {
  /** Where the build puts the pages on the class path. */
  public static final String RESOURCE_DIRECTORY = "dev/oomlint/rules/pages/";

  /** The sections every page has, in this order. */
  public static final List<String> REQUIRED_SECTIONS = List.of(RulePage.WHAT_IT_DOES,
      RulePage.WHY_IT_COSTS_MEMORY, RulePage.EXAMPLE, RulePage.USE_INSTEAD, RulePage.REFERENCES);

  /** Sections a page may add between "Why it costs memory" and "References". */
  public static final Set<String> OPTIONAL_SECTIONS = Set.of("Known problems", "Fix safety", "Options");

  private static final Pattern TITLE = Pattern.compile("# ([A-Z]{1,4}[0-9]{3}): ([a-z0-9]+(?:-[a-z0-9]+)*)");
  private static final Pattern FACT = Pattern.compile("- (Default level|Fix safety): (\\S+)");

  private static final Map<String, Optional<RulePage>> CACHE = new ConcurrentHashMap<>();

  private RulePages() {}

  /**
   * The bundled page of rule {@code code}, or empty when there is none.
   *
   * @throws RulePageFormatException when the bundled page is malformed (a build error the page tests catch)
   */
  public static Optional<RulePage> forCode(String code) {
    return CACHE.computeIfAbsent(code, RulePages::load);
  }

  /** The bundled Markdown of rule {@code code}, exactly as written, or empty. */
  public static Optional<String> markdown(String code) {
    if (!code.matches("[A-Z]{1,4}[0-9]{3}")) {
      return Optional.empty();
    }
    try (InputStream in = RulePages.class.getClassLoader().getResourceAsStream(RESOURCE_DIRECTORY + code + ".md")) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Optional<RulePage> load(String code) {
    return markdown(code).map(text -> parse(code + ".md", text));
  }

  /**
   * Parses one page. {@code source} names it in error messages (its file name, {@code CODE.md});
   * when it has that form, the page's code must match it.
   *
   * @throws RulePageFormatException naming the line that breaks the format
   */
  public static RulePage parse(String source, String markdown) {
    String text = markdown.replace("\r\n", "\n").replace('\r', '\n');
    if (text.startsWith("\ufeff")) {
      text = text.substring(1);
    }
    String[] lines = text.split("\n", -1);
    int i = 0;
    while (i < lines.length && lines[i].isBlank()) {
      i++;
    }
    if (i == lines.length) {
      throw error(source, 1, "the page is empty");
    }
    Matcher title = TITLE.matcher(lines[i].strip());
    if (!title.matches()) {
      throw error(source, i + 1, "the first line must be '# CODE: rule-name', e.g. '# OOM101: graph-kept-in-container'");
    }
    String code = title.group(1);
    String name = title.group(2);
    if (source.matches("[A-Z]{1,4}[0-9]{3}\\.md") && !source.equals(code + ".md")) {
      throw error(source, i + 1, "the page is about " + code + " but is named " + source);
    }
    i++;

    Level level = null;
    FixSafety fix = null;
    for (; i < lines.length && !lines[i].startsWith("## "); i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      Matcher fact = FACT.matcher(line);
      if (!fact.matches()) {
        throw error(source, i + 1, "expected '- Default level: ...' or '- Fix safety: ...' before the first section, found '" + line + "'");
      }
      String value = fact.group(2).toLowerCase(Locale.ROOT);
      if (fact.group(1).equals("Default level")) {
        if (level != null) {
          throw error(source, i + 1, "'Default level' is given twice");
        }
        level = parseLevel(source, i + 1, value);
      } else {
        if (fix != null) {
          throw error(source, i + 1, "'Fix safety' is given twice");
        }
        fix = parseFix(source, i + 1, value);
      }
    }
    if (level == null) {
      throw error(source, i + 1, "missing '- Default level: error|warning|note' under the title");
    }
    if (fix == null) {
      throw error(source, i + 1, "missing '- Fix safety: none|safe|unsafe|sometimes' under the title");
    }

    Map<String, String> sections = new LinkedHashMap<>();
    Map<String, Integer> headingLines = new LinkedHashMap<>();
    String heading = null;
    StringBuilder body = new StringBuilder();
    String openFence = null;
    for (; i <= lines.length; i++) {
      boolean end = i == lines.length;
      String line = end ? "" : lines[i];
      boolean fenceLine = false;
      if (!end && openFence == null && RulePage.openingFence(line.strip()) != null) {
        openFence = RulePage.openingFence(line.strip());
        fenceLine = true;
      } else if (!end && openFence != null && RulePage.closesFence(line.strip(), openFence)) {
        openFence = null;
        fenceLine = true;
      }
      boolean inCode = openFence != null || fenceLine;
      if (end || (!inCode && line.startsWith("## "))) {
        if (heading != null) {
          sections.put(heading, body.toString().strip() + "\n");
        }
        if (end) {
          break;
        }
        heading = line.substring(3).strip();
        if (!REQUIRED_SECTIONS.contains(heading) && !OPTIONAL_SECTIONS.contains(heading)) {
          throw error(source, i + 1, "unknown section '" + heading + "'; sections are " + REQUIRED_SECTIONS
              + " plus optionally " + OPTIONAL_SECTIONS);
        }
        if (headingLines.containsKey(heading)) {
          throw error(source, i + 1, "section '" + heading + "' appears twice");
        }
        headingLines.put(heading, i + 1);
        body.setLength(0);
      } else if (!inCode && line.startsWith("# ")) {
        throw error(source, i + 1, "only the title may be a level-1 heading");
      } else {
        body.append(line).append('\n');
      }
    }
    if (openFence != null) {
      throw error(source, lines.length, "a code block is not closed");
    }
    checkSections(source, sections, headingLines, lines.length);
    return new RulePage(code, name, level, fix, sections, text);
  }

  private static void checkSections(String source, Map<String, String> sections, Map<String, Integer> headingLines,
      int lineCount) {
    int previous = -1;
    for (String required : REQUIRED_SECTIONS) {
      Integer line = headingLines.get(required);
      if (line == null) {
        throw error(source, lineCount, "missing section '## " + required + "'");
      }
      if (line < previous) {
        throw error(source, line, "section '" + required + "' is out of order; the order is " + REQUIRED_SECTIONS);
      }
      previous = line;
      if (sections.get(required).isBlank()) {
        throw error(source, line, "section '" + required + "' is empty");
      }
    }
    for (String optional : OPTIONAL_SECTIONS) {
      Integer line = headingLines.get(optional);
      if (line != null && (line < headingLines.get(RulePage.WHY_IT_COSTS_MEMORY)
          || line > headingLines.get(RulePage.REFERENCES))) {
        throw error(source, line, "section '" + optional + "' must come after 'Why it costs memory' and before 'References'");
      }
    }
    for (String coded : List.of(RulePage.EXAMPLE, RulePage.USE_INSTEAD)) {
      if (RulePage.pythonBlocks(sections.get(coded)).isEmpty()) {
        throw error(source, headingLines.get(coded), "section '" + coded + "' needs a ```python code block");
      }
    }
  }

  private static Level parseLevel(String source, int line, String value) {
    for (Level level : Level.values()) {
      if (level.sarifName().equals(value)) {
        return level;
      }
    }
    throw error(source, line, "unknown default level '" + value + "' (error, warning or note)");
  }

  private static FixSafety parseFix(String source, int line, String value) {
    List<String> names = new ArrayList<>();
    for (FixSafety fix : FixSafety.values()) {
      if (fix.displayName().equals(value)) {
        return fix;
      }
      names.add(fix.displayName());
    }
    throw error(source, line, "unknown fix safety '" + value + "' (" + String.join(", ", names) + ")");
  }

  private static RulePageFormatException error(String source, int line, String message) {
    return new RulePageFormatException(source + ":" + line + ": " + message);
  }
}
