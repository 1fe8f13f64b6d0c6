package dev.oomlint.rules.checks;

import dev.oomlint.ast.AstWalker;
import dev.oomlint.ast.ConstValue;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.LineIndex;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.SourceFile;
import dev.oomlint.ast.SourceRange;
import dev.oomlint.ast.Stmt;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.diagnostics.Edit;
import dev.oomlint.diagnostics.Fix;
import dev.oomlint.rules.FixSafety;
import dev.oomlint.rules.Level;
import dev.oomlint.rules.Rule;
import dev.oomlint.rules.RuleContext;
import dev.oomlint.rules.RuleInfo;
import dev.oomlint.rules.edits.ExprEdits;
import dev.oomlint.rules.edits.LoopHeaders;
import dev.oomlint.semantic.AstUtil;
import dev.oomlint.semantic.InferenceRegion;
import dev.oomlint.semantic.SemanticModel;
import java.util.ArrayList;
import java.util.List;

/**
 * OOM301: a model runs in evaluation code with autograd still recording ({@code model.eval()} does not
 * turn it off), so every activation is kept for a backward pass that never comes.
 */
@RuleInfo(code = "OOM301", name = "inference-without-no-grad",
    summary = "A model runs in evaluation or inference code without torch.no_grad() or torch.inference_mode().",
    level = Level.WARNING, fix = FixSafety.UNSAFE, precision = "high", enabledByDefault = false)
public final class InferenceWithoutNoGrad implements Rule {
  @Override
  public void check(RuleContext ctx) {
    SemanticModel sm = ctx.semantic();
    if (sm.isOtherFramework()) {
      return;
    }
    List<InferenceRegion> regions = sm.inferenceRegions();
    if (regions.isEmpty() || sm.onlyTinyNetworks()) {
      return;
    }
    for (InferenceRegion r : regions) {
      String call = ExprEdits.text(ctx.file(), r.firstModelCall());
      String how = r.kind() == InferenceRegion.Kind.FUNCTION ? "decorate the function with `@torch.no_grad()`"
          : "wrap it in `with torch.no_grad():`";
      String message = "`" + call + "` runs with autograd recording " + r.reason() + ", so every activation"
          + " is kept for a backward pass that never comes (`model.eval()` does not turn autograd off); " + how
          + ".";
      ctx.report(new Diagnostic(ctx.code(), message, r.firstModelCall().range(), fix(ctx, sm, r)));
    }
  }

  private static Fix fix(RuleContext ctx, SemanticModel sm, InferenceRegion r) {
    SourceFile f = ctx.file();
    String nl = LoopHeaders.newline(f);
    String alias = sm.moduleAlias("torch");
    int importAt = -1;
    if (alias == null) {
      alias = "torch";
    }
    if (sm.moduleAlias("torch") == null && !sm.usesTorchUnimported()) {
      importAt = importOffset(sm);
      if (importAt < 0 || importAt > r.node().range().start()) {
        return null;
      }
    }
    Stmt s = (Stmt) r.node();
    String indent = LoopHeaders.indentation(f, s);
    if (indent == null) {
      return null;
    }
    List<Edit> edits = new ArrayList<>();
    int lineStart = LoopHeaders.lineStart(f, s);
    String importText = "import torch" + nl;
    if (r.kind() == InferenceRegion.Kind.FUNCTION) {
      String deco = indent + "@" + alias + ".no_grad()" + nl;
      if (importAt == lineStart) {
        edits.add(Edit.insert(lineStart, importText + deco));
      } else {
        if (importAt >= 0) {
          edits.add(Edit.insert(importAt, importText));
        }
        edits.add(Edit.insert(lineStart, deco));
      }
      return Fix.unsafe("Decorate the function with @" + alias + ".no_grad()", edits.toArray(new Edit[0]));
    }
    LineIndex lines = f.lines();
    int first = lines.line(s.range().start());
    int last = lines.line(Math.max(s.range().start(), s.range().end() - 1));
    int end = lines.lineEnd(last);
    String unit = indentUnit(f, s, indent);
    List<SourceRange> strings = multilineStrings(s, f);
    StringBuilder sb = new StringBuilder();
    if (importAt == lineStart) {
      sb.append(importText);
    } else if (importAt >= 0) {
      edits.add(Edit.insert(importAt, importText));
    }
    sb.append(indent).append("with ").append(alias).append(".no_grad():").append(nl);
    for (int line = first; line <= last; line++) {
      int ls = lines.lineStart(line);
      String text = lines.lineText(line);
      boolean inString = false;
      for (SourceRange sr : strings) {
        if (sr.start() < ls && ls < sr.end()) {
          inString = true;
        }
      }
      if (!text.isBlank() && !inString) {
        sb.append(unit);
      }
      sb.append(text);
      if (line < last) {
        sb.append(f.text(), lines.lineEnd(line), lines.lineStart(line + 1));
      }
    }
    edits.add(Edit.replace(new SourceRange(lineStart, end), sb.toString()));
    return Fix.unsafe("Run it under " + alias + ".no_grad()", edits.toArray(new Edit[0]));
  }

  /** One level of indentation as the file writes it (taken from the block, else four spaces). */
  private static String indentUnit(SourceFile f, Stmt s, String indent) {
    if (indent.contains("\t")) {
      return "\t";
    }
    for (List<Stmt> block : AstUtil.blocks(s)) {
      if (!block.isEmpty()) {
        String inner = LoopHeaders.indentation(f, block.get(0));
        if (inner != null && inner.length() > indent.length() && inner.startsWith(indent)) {
          return inner.substring(indent.length());
        }
      }
    }
    return "    ";
  }

  /** String literals inside {@code s} that span lines (their inner lines must not be re-indented). */
  private static List<SourceRange> multilineStrings(Stmt s, SourceFile f) {
    List<SourceRange> out = new ArrayList<>();
    AstWalker.descend(s, n -> {
      if ((n instanceof Expr.JoinedStr || n instanceof Expr.Constant c
          && (c.value() instanceof ConstValue.Str || c.value() instanceof ConstValue.Bytes))
          && f.lines().line(n.range().start()) != f.lines().line(n.range().end())) {
        out.add(n.range());
        return false;
      }
      return true;
    });
    return out;
  }

  /** Where {@code import torch} goes: after the docstring and {@code __future__} imports. */
  private static int importOffset(SemanticModel sm) {
    SourceFile f = sm.file();
    List<Stmt> body = sm.module().body();
    for (int i = 0; i < body.size(); i++) {
      Stmt s = body.get(i);
      if (i == 0 && s instanceof Stmt.ExprStmt e && e.value() instanceof Expr.Constant c
          && c.value() instanceof ConstValue.Str) {
        continue;
      }
      if (s instanceof Stmt.ImportFrom imp && "__future__".equals(imp.module())) {
        continue;
      }
      Node start = s;
      if (s instanceof Stmt.FunctionDef fd && !fd.decoratorList().isEmpty()) {
        start = fd.decoratorList().get(0);
      } else if (s instanceof Stmt.ClassDef cd && !cd.decoratorList().isEmpty()) {
        start = cd.decoratorList().get(0);
      }
      return f.lines().lineStart(f.lines().line(start.range().start()));
    }
    return -1;
  }
}
