package dev.oomlint.parser;

import java.nio.charset.StandardCharsets;

/**
 * Developer tool: reads NUL-separated source snippets from stdin and prints one line per snippet:
 * its {@link P#tree} form, or "ERR message @line:col".
 */
public final class TreeTool {
  private TreeTool() {}

  public static void main(String[] args) throws Exception {
    String all = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder();
    for (String src : all.split("\0", -1)) {
      ParseOutcome o = PythonFrontEnd.parse(src);
      if (o instanceof ParseOutcome.Parsed p) {
        out.append(P.tree(p.module(), src));
      } else {
        out.append("ERR ").append(P.errorAt(src));
      }
      out.append('\n');
    }
    System.out.write(out.toString().getBytes(StandardCharsets.UTF_8));
    System.out.flush();
  }
}
