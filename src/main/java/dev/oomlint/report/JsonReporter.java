package dev.oomlint.report;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.oomlint.ast.LineIndex;
import dev.oomlint.ast.SourceFile;
import dev.oomlint.ast.SourceRange;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.diagnostics.Edit;
import dev.oomlint.diagnostics.Fix;
import dev.oomlint.engine.FileProblem;
import dev.oomlint.engine.FileResult;
import dev.oomlint.notebook.NotebookSource;
import dev.oomlint.rules.Rule;
import dev.oomlint.rules.RuleInfo;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code --output-format json}: one JSON array of findings, modelled on Ruff's JSON output and
 * documented field by field in {@code docs/json-output.md}. The shape is stable: fields are only
 * ever added. Rows and columns are 1-based, columns count Unicode code points, and every end is
 * exclusive (the position just after the last character).
 */
public final class JsonReporter implements Reporter {
  private final ToolInfo tool;

  public JsonReporter() {
    this(ToolInfo.current());
  }

  public JsonReporter(ToolInfo tool) {
    this.tool = tool;
  }

  @Override
  public void write(Report report, Appendable out) throws IOException {
    Map<String, RuleInfo> rules = new HashMap<>();
    for (Rule rule : report.rules()) {
      rules.putIfAbsent(rule.info().code(), rule.info());
    }
    JsonArray findings = new JsonArray();
    for (FileResult file : report.files()) {
      for (FileProblem p : file.problems()) {
        findings.add(problem(file, p));
      }
      for (Diagnostic diagnostic : file.diagnostics()) {
        findings.add(finding(file, diagnostic, rules.get(diagnostic.code())));
      }
    }
    new GsonBuilder().serializeNulls().disableHtmlEscaping().setPrettyPrinting().create().toJson(findings, out);
    out.append('\n');
  }

  private JsonObject finding(FileResult file, Diagnostic diagnostic, RuleInfo rule) {
    LineIndex lines = file.source() == null ? null : file.source().lines();
    NotebookSource nb = lines == null ? null : file.notebook();
    JsonObject o = new JsonObject();
    if (nb != null) {
      o.addProperty("cell", nb.cell(lines.line(clamp(lines, diagnostic.range().start()))));
    }
    o.addProperty("code", diagnostic.code());
    o.add("end_location", position(lines, nb, diagnostic.range().end()));
    o.addProperty("filename", file.path());
    o.add("fix", diagnostic.fix() == null ? JsonNull.INSTANCE : fix(lines, nb, diagnostic.fix()));
    o.addProperty("level", rule == null ? "warning" : rule.level().sarifName());
    o.add("location", position(lines, nb, diagnostic.range().start()));
    o.addProperty("message", diagnostic.message());
    int noqaRow = lines == null ? 1 : lines.line(clamp(lines, diagnostic.range().start()));
    o.addProperty("noqa_row", nb == null ? noqaRow : nb.lineInCell(noqaRow));
    o.addProperty("url", tool.ruleUrl(diagnostic.code()));
    return o;
  }

  private static JsonObject problem(FileResult file, FileProblem problem) {
    SourceFile source = file.source();
    LineIndex lines = source == null ? null : source.lines();
    SourceRange range = problem.range() == null || lines == null ? SourceRange.EMPTY : problem.range();
    NotebookSource nb = lines == null ? null : file.notebook();
    JsonObject o = new JsonObject();
    if (nb != null) {
      o.addProperty("cell", nb.cell(lines.line(clamp(lines, range.start()))));
    }
    o.add("code", JsonNull.INSTANCE);
    o.add("end_location", position(lines, nb, range.end()));
    o.addProperty("filename", file.path());
    o.add("fix", JsonNull.INSTANCE);
    o.addProperty("level", "error");
    o.add("location", position(lines, nb, range.start()));
    o.addProperty("message", problem.message());
    o.add("noqa_row", JsonNull.INSTANCE);
    o.add("url", JsonNull.INSTANCE);
    return o;
  }

  private static JsonObject fix(LineIndex lines, NotebookSource nb, Fix fix) {
    JsonObject o = new JsonObject();
    o.addProperty("applicability", Messages.applicability(fix.applicability()));
    JsonArray edits = new JsonArray();
    for (Edit edit : fix.edits()) {
      JsonObject e = new JsonObject();
      e.addProperty("content", edit.content());
      e.add("end_location", position(lines, nb, edit.range().end()));
      e.add("location", position(lines, nb, edit.range().start()));
      edits.add(e);
    }
    o.add("edits", edits);
    o.addProperty("message", fix.title());
    return o;
  }

  /**
   * {@code {"column": c, "row": r}}, 1-based, the column in code points; 1:1 without a text. In a
   * notebook ({@code nb} not null) the row counts within the cell, as Ruff writes it.
   */
  private static JsonObject position(LineIndex lines, NotebookSource nb, int offset) {
    JsonObject o = new JsonObject();
    if (lines == null) {
      o.addProperty("column", 1);
      o.addProperty("row", 1);
      return o;
    }
    int at = clamp(lines, offset);
    o.addProperty("column", nb == null ? lines.codePointColumn(at) : nb.cellColumn(at));
    o.addProperty("row", nb == null ? lines.line(at) : nb.lineInCell(lines.line(at)));
    return o;
  }

  private static int clamp(LineIndex lines, int offset) {
    return Math.max(0, Math.min(offset, lines.text().length()));
  }
}
