package dev.oomlint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomlint.Version;
import org.junit.jupiter.api.Test;

class ToolInfoTest {
  @Test
  void theBuildFillsInNameVersionAndHome() {
    ToolInfo tool = ToolInfo.current();
    assertEquals("oomlint", tool.name());
    assertEquals(Version.get(), tool.version());
    assertTrue(tool.version().matches("\\d+\\.\\d+\\.\\d+.*"), tool.version());
    assertEquals("https://github.com/oomlint/oomlint", tool.informationUri());
    assertEquals("https://github.com/oomlint/oomlint/blob/main/rules/OOM101.md", tool.ruleUrl("OOM101"));
  }
}
