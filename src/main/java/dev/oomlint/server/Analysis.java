package dev.oomlint.server;

import dev.oomlint.ast.LineIndex;
import dev.oomlint.ast.SourceFile;
import dev.oomlint.ast.SourceRange;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.engine.FileProblem;
import dev.oomlint.engine.FileResult;
import dev.oomlint.notebook.NotebookSource;
import dev.oomlint.report.SarifReporter;
import dev.oomlint.report.ToolInfo;
import dev.oomlint.rules.Level;
import dev.oomlint.rules.Rule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Range;

/**
 * The engine's result for one version of one document, with what the server needs to show it: the
 * text it was computed for, the document's path and configuration, and the conversion of the
 * engine's diagnostics to LSP ones (positions in the editor's text: for a notebook opened as a
 * file, in its raw JSON, where the SARIF report points too).
 */
record Analysis(String text, Path path, ProjectConfig config, FileResult result, LineIndex lines) {

  Analysis(String text, Path path, ProjectConfig config, FileResult result) {
    this(text, path, config, result, new LineIndex(text));
  }

  /** The notebook mapping, or null for a script (or a notebook with nothing to show). */
  NotebookSource notebook() {
    return result.notebook();
  }

  /** The range of {@code r} (on the engine's text) in the editor's text. */
  Range range(SourceRange r) {
    NotebookSource nb = notebook();
    if (nb == null) {
      return Positions.range(lines, r);
    }
    SourceFile joined = result.source();
    return Positions.range(lines, SarifReporter.rawRange(nb, joined, r));
  }

  /** One engine diagnostic as LSP shows it: code, source, message, range, rule page, severity. */
  org.eclipse.lsp4j.Diagnostic toLsp(Diagnostic d, Map<String, Rule> rules) {
    return lsp(d, rules, range(d.range()));
  }

  /** {@code d} as LSP shows it, at {@code at} (a range in the editor's document). */
  static org.eclipse.lsp4j.Diagnostic lsp(Diagnostic d, Map<String, Rule> rules, Range at) {
    org.eclipse.lsp4j.Diagnostic out = new org.eclipse.lsp4j.Diagnostic(at, d.message(),
        severity(rules.get(d.code())), OomlintLanguageServer.SOURCE, d.code());
    out.setCodeDescription(new DiagnosticCodeDescription(ToolInfo.current().ruleUrl(d.code())));
    return out;
  }

  /** Every diagnostic of the document, plus its syntax error or unreadable problem. */
  List<org.eclipse.lsp4j.Diagnostic> diagnostics(Map<String, Rule> rules) {
    List<org.eclipse.lsp4j.Diagnostic> out = new ArrayList<>();
    for (Diagnostic d : result.diagnostics()) {
      out.add(toLsp(d, rules));
    }
    FileProblem p = result.problem();
    if (p != null && p.kind() != FileProblem.Kind.INTERNAL_ERROR) {
      Range r = p.range() != null && result.source() != null ? range(p.range()) : Positions.range(lines, new SourceRange(0, 0));
      String prefix = p.kind() == FileProblem.Kind.SYNTAX_ERROR ? "SyntaxError: " : "";
      out.add(new org.eclipse.lsp4j.Diagnostic(r, prefix + p.message(), DiagnosticSeverity.Error,
          OomlintLanguageServer.SOURCE));
    }
    return out;
  }

  /** The internal error to log (a bug in oomlint), or null. */
  String internalError() {
    FileProblem p = result.problem();
    return p != null && p.kind() == FileProblem.Kind.INTERNAL_ERROR ? p.message() : null;
  }

  static DiagnosticSeverity severity(Rule rule) {
    Level level = rule == null ? Level.WARNING : rule.info().level();
    return switch (level) {
      case ERROR -> DiagnosticSeverity.Error;
      case WARNING -> DiagnosticSeverity.Warning;
      case NOTE -> DiagnosticSeverity.Information;
    };
  }
}
