package dev.oomlint.server;

import dev.oomlint.ast.LineIndex;
import dev.oomlint.ast.SourceRange;
import dev.oomlint.diagnostics.Applicability;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.diagnostics.Edit;
import dev.oomlint.diagnostics.Fix;
import dev.oomlint.engine.Engine;
import dev.oomlint.engine.FileResult;
import dev.oomlint.engine.Linter;
import dev.oomlint.fix.LineEndings;
import dev.oomlint.notebook.NotebookEditException;
import dev.oomlint.notebook.NotebookSource;
import dev.oomlint.rules.Rule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * The code actions for a range of one analysed document: each finding's fix as a quick fix, a
 * quick fix adding the finding's code to the line's {@code # noqa} comment, and
 * {@link OomlintLanguageServer#FIX_ALL}, which applies what {@code oomlint check --fix} applies
 * (the engine's own fix loop, on the editor's text).
 */
final class CodeActions {
  private final Analysis analysis;
  private final Map<String, Rule> rules;
  private final Linter.Parser parser;
  private final String uri;

  CodeActions(Analysis analysis, Map<String, Rule> rules, Linter.Parser parser, String uri) {
    this.analysis = analysis;
    this.rules = rules;
    this.parser = parser;
    this.uri = uri;
  }

  List<Either<Command, CodeAction>> actions(CodeActionParams params) {
    List<String> only = params.getContext() == null ? null : params.getContext().getOnly();
    List<Either<Command, CodeAction>> out = new ArrayList<>();
    LineIndex lines = analysis.lines();
    if (wants(only, CodeActionKind.QuickFix)) {
      SourceRange asked = asked(params.getRange());
      for (Diagnostic d : analysis.result().diagnostics()) {
        Range shown = analysis.range(d.range());
        SourceRange at = new SourceRange(Positions.offset(lines, shown.getStart()), Positions.offset(lines, shown.getEnd()));
        if (at.start() > asked.end() || at.end() < asked.start()) {
          continue;
        }
        CodeAction fix = quickFix(d);
        if (fix != null) {
          out.add(Either.forRight(fix));
        }
        CodeAction noqa = noqa(d);
        if (noqa != null) {
          out.add(Either.forRight(noqa));
        }
      }
    }
    if (wants(only, OomlintLanguageServer.FIX_ALL)) {
      CodeAction all = fixAll();
      if (all != null) {
        out.add(Either.forRight(all));
      }
    }
    return out;
  }

  /** True when the client's {@code only} filter admits {@code kind} (a filter entry covers its sub-kinds). */
  static boolean wants(List<String> only, String kind) {
    if (only == null || only.isEmpty()) {
      return true;
    }
    for (String k : only) {
      if (kind.equals(k) || kind.startsWith(k + ".")) {
        return true;
      }
    }
    return false;
  }

  private SourceRange asked(Range r) {
    LineIndex lines = analysis.lines();
    if (r == null) {
      return new SourceRange(0, lines.text().length());
    }
    int a = Positions.offset(lines, r.getStart());
    int b = Positions.offset(lines, r.getEnd());
    return new SourceRange(Math.min(a, b), Math.max(a, b));
  }

  /** The finding's own fix (safe ones preferred; unsafe ones marked), or null when it has none. */
  private CodeAction quickFix(Diagnostic d) {
    Fix fix = d.fix();
    if (fix == null || fix.edits().isEmpty() || fix.applicability() == Applicability.DISPLAY_ONLY) {
      return null;
    }
    List<TextEdit> edits = textEdits(fix.edits());
    if (edits == null) {
      return null;
    }
    boolean safe = fix.applicability() == Applicability.SAFE;
    CodeAction a = new CodeAction(fix.title() + (safe ? "" : " (unsafe fix)"));
    a.setKind(CodeActionKind.QuickFix);
    a.setDiagnostics(List.of(analysis.toLsp(d, rules)));
    a.setIsPreferred(safe);
    a.setEdit(workspaceEdit(edits));
    return a;
  }

  /** Engine edits as LSP edits on the editor's text (a notebook's through its raw JSON); null when they cannot be written. */
  private List<TextEdit> textEdits(List<Edit> edits) {
    LineIndex lines = analysis.lines();
    List<Edit> sorted = new ArrayList<>(edits);
    sorted.sort(Comparator.comparingInt((Edit e) -> e.range().start()).thenComparingInt(e -> e.range().end()));
    NotebookSource nb = analysis.notebook();
    if (nb != null) {
      try {
        if (nb.refusal(sorted) != null) {
          return null;
        }
        sorted = nb.rawEdits(sorted);
      } catch (NotebookEditException | RuntimeException e) {
        return null;
      }
    }
    String eol = LineEndings.detect(analysis.text());
    List<TextEdit> out = new ArrayList<>();
    int last = -1;
    for (Edit e : sorted) {
      if (e.range().end() > lines.text().length() || e.range().start() < last) {
        return null; // outside the text or overlapping: never applied by --fix either
      }
      last = e.range().end();
      String content = nb == null ? LineEndings.convert(e.content(), eol) : e.content();
      out.add(new TextEdit(Positions.range(lines, e.range()), content));
    }
    return out;
  }

  /**
   * "Suppress CODE with # noqa" for a script: offered only when the edited text, linted again,
   * parses and no longer reports the finding there (a line ending inside a string cannot take a comment).
   */
  private CodeAction noqa(Diagnostic d) {
    if (analysis.notebook() != null) {
      return null;
    }
    LineIndex lines = analysis.lines();
    int line = lines.line(Math.min(d.range().start(), lines.text().length()));
    Edit edit = Noqa.edit(lines, line, d.code());
    String after = Noqa.apply(analysis.text(), edit);
    Engine engine = analysis.config().engine(parser, false);
    FileResult r = engine.checkText(after, analysis.config().displayPath(analysis.path()), analysis.path()).result();
    if (r.problem() != null) {
      return null;
    }
    for (Diagnostic other : r.diagnostics()) {
      if (other.code().equals(d.code()) && other.range().start() == d.range().start()) {
        return null;
      }
    }
    CodeAction a = new CodeAction("Suppress " + d.code() + " with # noqa");
    a.setKind(CodeActionKind.QuickFix);
    a.setDiagnostics(List.of(analysis.toLsp(d, rules)));
    a.setEdit(workspaceEdit(List.of(new TextEdit(Positions.range(lines, edit.range()), edit.content()))));
    return a;
  }

  /** Every fix {@code --fix} would apply, as one edit of the changed part of the text; null when nothing changes. */
  private CodeAction fixAll() {
    Engine engine = analysis.config().engine(parser, true);
    Engine.FileOutcome o = engine.checkText(analysis.text(), analysis.config().displayPath(analysis.path()),
        analysis.path());
    String fixed = o.fixedText();
    String text = analysis.text();
    if (fixed == null || fixed.equals(text)) {
      return null;
    }
    int prefix = 0;
    int max = Math.min(text.length(), fixed.length());
    while (prefix < max && text.charAt(prefix) == fixed.charAt(prefix)) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < max - prefix
        && text.charAt(text.length() - 1 - suffix) == fixed.charAt(fixed.length() - 1 - suffix)) {
      suffix++;
    }
    // never split a surrogate pair
    if (prefix > 0 && Character.isHighSurrogate(text.charAt(prefix - 1))) {
      prefix--;
    }
    if (suffix > 0 && Character.isLowSurrogate(text.charAt(text.length() - suffix))) {
      suffix--;
    }
    LineIndex lines = analysis.lines();
    TextEdit edit = new TextEdit(Positions.range(lines, new SourceRange(prefix, text.length() - suffix)),
        fixed.substring(prefix, fixed.length() - suffix));
    CodeAction a = new CodeAction("oomlint: fix all auto-fixable problems");
    a.setKind(OomlintLanguageServer.FIX_ALL);
    a.setEdit(workspaceEdit(List.of(edit)));
    return a;
  }

  private WorkspaceEdit workspaceEdit(List<TextEdit> edits) {
    return new WorkspaceEdit(Map.of(uri, edits));
  }
}
