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
    for (int i = 1; i < args.length; i++) {
      String text = new String(Files.readAllBytes(Path.of(args[i])), StandardCharsets.UTF_8);
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      LineIndex li = new LineIndex(text);
      ParseOutcome o = PythonFrontEnd.parse(text);
      out.append(args[i]).append('\t');
      if (o instanceof ParseOutcome.Parsed p) {
        try {
          out.append(AstDump.dump(p.module(), li, minor));
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
