package dev.oomlint.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The tool as reports name it: SARIF's {@code tool.driver} and the rule page links. {@link #current()}
 * reads the values Maven filled into {@code dev/oomlint/report/tool.properties} at build time.
 */
public record ToolInfo(String name, String version, String informationUri) {
  private static final ToolInfo CURRENT = load();

  public static ToolInfo current() {
    return CURRENT;
  }

  /** Where the page of rule {@code code} is published (its Markdown source in the repository). */
  public String ruleUrl(String code) {
    return informationUri + "/blob/main/rules/" + code + ".md";
  }

  private static ToolInfo load() {
    Properties properties = new Properties();
    try (InputStream in = ToolInfo.class.getResourceAsStream("tool.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      // fall through to the defaults below
    }
    return new ToolInfo(
        value(properties, "name", "oomlint"),
        value(properties, "version", "0.0.0"),
        value(properties, "informationUri", "https://github.com/oomlint/oomlint"));
  }

  private static String value(Properties properties, String key, String fallback) {
    String value = properties.getProperty(key);
    return value == null || value.isBlank() || value.startsWith("${") ? fallback : value.trim();
  }
}
