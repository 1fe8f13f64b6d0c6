package dev.oomlint.parser;

import dev.oomlint.ast.AstDump;
import dev.oomlint.ast.LineIndex;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Developer tool (not a test): prints, for each file argument, one line "path\tDUMP" with our AST
 * dumped as CPython 3.MINOR's ast.dump(include_attributes=True), or "path\tERR message line col".
 * Usage: DumpTool MINOR FILE...
 */
public final class DumpTool {
  private DumpTool() {}

  public static void main(String[] args) throws Exception {
    int minor = Integer.parseInt(args[0]);
    StringBuilder out = new StringBuilder();
    java.util.List<String> files = new java.util.ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      if (args[i].startsWith("@")) {
        files.addAll(Files.readAllLines(Path.of(args[i].substring(1))));
      } else {
        files.add(args[i]);
      }
    }
    for (String file : files) {
      String text = new String(Files.readAllBytes(Path.of(file)), StandardCharsets.UTF_8);
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      LineIndex li = new LineIndex(text);
      ParseOutcome o = PythonFrontEnd.parse(text);
      out.append(file).append('\t');
      if (o instanceof ParseOutcome.Parsed p) {
        try {
          String d = AstDump.dump(p.module(), li, minor);
          if (System.getenv("HASH") != null) {
            byte[] h = java.security.MessageDigest.getInstance("SHA-1").digest(d.getBytes(StandardCharsets.UTF_8));
            d = "H" + java.util.HexFormat.of().formatHex(h);
          }
          out.append(d);
        } catch (RuntimeException e) {
          out.append("DUMPFAIL ").append(e);
        }
      } else {
        SyntaxError e = ((ParseOutcome.Failed) o).error();
        int off = Math.min(e.offset(), text.length());
        out.append("ERR ").append(e.message()).append(' ').append(li.line(off)).append(' ')
            .append(li.utf8ByteColumn(off) + 1);
      }
      out.append('\n');
    }
    System.out.print(out);
  }
}
