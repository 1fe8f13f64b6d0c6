package dev.oomlint.rules.checks;

import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Mod;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.SourceRange;
import dev.oomlint.ast.Stmt;
import dev.oomlint.ast.Support;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.diagnostics.Edit;
import dev.oomlint.diagnostics.Fix;
import dev.oomlint.rules.FixSafety;
import dev.oomlint.rules.Level;
import dev.oomlint.rules.Rule;
import dev.oomlint.rules.RuleContext;
import dev.oomlint.rules.RuleInfo;
import dev.oomlint.rules.edits.CallEdits;
import dev.oomlint.rules.edits.ImportEdits;
import dev.oomlint.semantic.AstUtil;
import dev.oomlint.semantic.Binding;
import dev.oomlint.semantic.Calls;
import dev.oomlint.semantic.HfModels;
import dev.oomlint.semantic.SemanticModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * OOM502: {@code load_in_8bit=} / {@code load_in_4bit=} (with the {@code bnb_4bit_*} and
 * {@code llm_int8_*} options) passed straight to a transformers {@code from_pretrained} are
 * deprecated and removed in transformers v5, where they no longer quantize: the model then loads in
 * full precision. The fix moves them into {@code quantization_config=BitsAndBytesConfig(...)}.
 */
@RuleInfo(code = "OOM502", name = "deprecated-quantization-kwargs",
    summary = "load_in_8bit= / load_in_4bit= passed to from_pretrained are deprecated; use quantization_config=BitsAndBytesConfig(...).",
    level = Level.WARNING, fix = FixSafety.SAFE, precision = "very-high", tags = {"deprecated", "quantization"})
public final class DeprecatedQuantizationKwargs implements Rule {
  private static final List<String> LOAD_IN = List.of("load_in_8bit", "load_in_4bit");

  /** The keywords transformers folded into a BitsAndBytesConfig when load_in_* was given. */
  private static final Set<String> BNB_KWARGS = Set.of("load_in_8bit", "load_in_4bit", "llm_int8_threshold",
      "llm_int8_skip_modules", "llm_int8_enable_fp32_cpu_offload", "llm_int8_has_fp16_weight",
      "bnb_4bit_compute_dtype", "bnb_4bit_quant_type", "bnb_4bit_use_double_quant", "bnb_4bit_quant_storage");

  private static final String BNB = "transformers.BitsAndBytesConfig";

  @Override
  public void check(RuleContext ctx) {
    SemanticModel sm = ctx.semantic();
    for (Expr.Call c : sm.calls()) {
      String cls = HfModels.loadedModelClass(sm, c);
      if (cls == null || !HfModels.isTransformers(cls) || sm.isTestCode(c)) {
        continue; // tests load tiny models (val15: a skipped test on pythia-160m)
      }
      Support.Keyword at = null;
      for (Support.Keyword k : c.keywords()) {
        if (k.arg() != null && LOAD_IN.contains(k.arg()) && !Calls.isFalsyConstant(k.value()) && at == null
            && !neverSet(sm, k.value())) {
          at = k;
        }
      }
      if (at == null) {
        continue;
      }
      Support.Keyword config = Calls.keyword(c, "quantization_config");
      if (config != null && asksFor(sm, config.value(), at.arg(), 0)) {
        continue; // the config asks for the same quantization: no memory is at stake (val10: 7 false findings)
      }
      String message = "`" + at.arg() + "=` passed straight to `from_pretrained` is deprecated and removed in"
          + " transformers v5 (the model would no longer be quantized as asked); pass"
          + " `quantization_config=BitsAndBytesConfig(" + at.arg() + "=True, ...)` instead.";
      if (sm.transformersPinnedBefore("5")) {
        return; // the project's transformers still takes the keywords (val16: LongLoRA pins 4.34.0)
      }
      ctx.report(new Diagnostic(ctx.code(), message, at.range(), fix(sm, c)));
    }
  }

  /**
   * Whether the flag is a parameter with a false default that every call of its function leaves out or
   * passes false ({@code def get_model(load_8bit=False, ...)} called as {@code get_model(base_model=m)}):
   * the deprecated keyword never asks for anything (val19 WizardLM: 3 false findings).
   */
  private static boolean neverSet(SemanticModel sm, Expr value) {
    Stmt.FunctionDef f = value instanceof Expr.Name use ? sm.moduleFunctionOfParameter(use) : null;
    if (f == null || sm.callSites(f).isEmpty()) {
      return false;
    }
    String name = ((Expr.Name) value).id();
    return Calls.isFalsyConstant(AstUtil.defaultOf(f, name))
        && sm.everyCallGives(f, name, given -> given == null || Calls.isFalsyConstant(given));
  }

  /**
   * Whether {@code value} (what {@code quantization_config=} receives) may be a {@code BitsAndBytesConfig}
   * passing {@code key} itself: directly, through either arm of a conditional, or through a name every
   * reaching assignment of which is one. A config built for another request ({@code load_in_4bit} only,
   * beside {@code load_in_8bit=args.int8}) leaves the keyword the only way that request is made.
   */
  private static boolean asksFor(SemanticModel sm, Expr value, String key, int depth) {
    if (depth > 4 || value == null) {
      return false;
    }
    if (value instanceof Expr.IfExp e) {
      return asksFor(sm, e.body(), key, depth + 1) || asksFor(sm, e.orelse(), key, depth + 1);
    }
    if (value instanceof Expr.Call call) {
      return Calls.keyword(call, key) != null && isBnbConfig(sm, call.func());
    }
    if (value instanceof Expr.Name n) {
      for (Binding b : sm.reachingBindings(n)) {
        if (b.kind() == Binding.Kind.ASSIGN && asksFor(sm, b.value(), key, depth + 1)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isBnbConfig(SemanticModel sm, Expr func) {
    String q = sm.qualifiedName(func);
    return BNB.equals(q) || q == null && (func instanceof Expr.Name n && n.id().equals("BitsAndBytesConfig")
        || func instanceof Expr.Attribute a && a.attr().equals("BitsAndBytesConfig"));
  }

  /** Moves every bitsandbytes keyword of the call into one {@code quantization_config=} argument. */
  private static Fix fix(SemanticModel sm, Expr.Call c) {
    if (Calls.keyword(c, "quantization_config") != null) {
      return null;
    }
    List<Support.Keyword> bnb = new ArrayList<>();
    for (Support.Keyword k : c.keywords()) {
      if (k.arg() != null && BNB_KWARGS.contains(k.arg())) {
        bnb.add(k);
      }
    }
    String condition = condition(sm, bnb);
    if (condition == null) {
      return null;
    }
    Edit importEdit = null;
    String config = ImportEdits.aliasAt(sm, BNB, c);
    if (config == null) {
      String transformers = ImportEdits.aliasAt(sm, "transformers", c);
      if (transformers != null) {
        config = transformers + ".BitsAndBytesConfig";
      } else if (ImportEdits.nameFree(sm, "BitsAndBytesConfig", List.of(c))) {
        config = "BitsAndBytesConfig";
        importEdit = ImportEdits.addImportLine(sm, "from transformers import BitsAndBytesConfig");
        if (importEdit == null) {
          return null;
        }
      } else {
        return null;
      }
    }
    List<String> parts = new ArrayList<>();
    for (Support.Keyword k : bnb) {
      parts.add(sm.file().slice(k.range()));
    }
    String value = config + "(" + String.join(", ", parts) + ")";
    if (!condition.isEmpty()) {
      value = value + " if " + condition + " else None";
    }
    List<Edit> edits = new ArrayList<>();
    if (importEdit != null) {
      edits.add(importEdit);
    }
    edits.add(Edit.replace(bnb.get(0).range(), "quantization_config=" + value));
    List<Node> args = CallEdits.arguments(c);
    for (int i = 1; i < bnb.size(); i++) {
      Support.Keyword k = bnb.get(i);
      SourceRange gone = ownLine(sm, k);
      if (gone == null) {
        gone = new SourceRange(args.get(indexOf(args, k) - 1).range().end(), k.range().end());
      }
      if (hasComment(sm.module(), gone)) {
        return null;
      }
      edits.add(Edit.delete(gone));
    }
    return Fix.safe("Pass a `BitsAndBytesConfig` as `quantization_config`", edits.toArray(new Edit[0]));
  }

  /**
   * The condition under which transformers built a config from the keywords: "" when a
   * {@code load_in_*} is literally {@code True}; else the non-constant values joined by {@code or};
   * null when one of them is not a plain name, attribute or constant subscript (evaluating it twice
   * could differ).
   */
  private static String condition(SemanticModel sm, List<Support.Keyword> bnb) {
    List<String> conds = new ArrayList<>();
    for (Support.Keyword k : bnb) {
      if (LOAD_IN.contains(k.arg()) && Calls.isTrue(k.value())) {
        return "";
      }
    }
    for (Support.Keyword k : bnb) {
      if (!LOAD_IN.contains(k.arg()) || Calls.isFalsyConstant(k.value())) {
        continue;
      }
      if (!isPlainReference(k.value())) {
        return null;
      }
      conds.add(sm.file().slice(k.value().range()));
    }
    return String.join(" or ", conds);
  }

  private static boolean isPlainReference(Expr e) {
    if (e instanceof Expr.Name) {
      return true;
    }
    if (e instanceof Expr.Attribute a) {
      return isPlainReference(a.value());
    }
    if (e instanceof Expr.Subscript s) {
      return s.slice() instanceof Expr.Constant && isPlainReference(s.value());
    }
    return false;
  }

  /**
   * The whole line(s) of a keyword that stands alone on its line(s) followed by a comma (the usual
   * one-argument-per-line layout), or null.
   */
  private static SourceRange ownLine(SemanticModel sm, Support.Keyword k) {
    String text = sm.file().text();
    var lines = sm.file().lines();
    int firstLine = lines.line(k.range().start());
    int start = lines.lineStart(firstLine);
    if (!text.substring(start, k.range().start()).isBlank()) {
      return null;
    }
    int i = k.range().end();
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    if (i >= text.length() || text.charAt(i) != ',') {
      return null;
    }
    int lastLine = lines.line(i);
    if (!text.substring(i + 1, lines.lineEnd(lastLine)).isBlank() || lastLine >= lines.lineCount()) {
      return null;
    }
    return new SourceRange(start, lines.lineStart(lastLine + 1));
  }

  private static int indexOf(List<Node> nodes, Node n) {
    for (int i = 0; i < nodes.size(); i++) {
      if (nodes.get(i) == n) {
        return i;
      }
    }
    return -1;
  }

  private static boolean hasComment(Mod.Module m, SourceRange r) {
    for (Mod.Comment c : m.comments()) {
      if (r.contains(c.range())) {
        return true;
      }
    }
    return false;
  }
}
