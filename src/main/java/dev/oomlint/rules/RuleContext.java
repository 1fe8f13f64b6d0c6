package dev.oomlint.rules;

import dev.oomlint.ast.Mod.Module;
import dev.oomlint.ast.SourceFile;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.semantic.SemanticModel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a rule sees of one file, and where it reports. One context per (file, rule) run. The semantic
 * model is shared by all rules of a file: the engine creates one {@link SemanticModel#lazy} supplier
 * per file and passes it to every context of that file, so the model is built at most once, and only
 * when a rule asks for it.
 */
public class RuleContext {
  private final SourceFile file;
  private final Module module;
  private final String code;
  private final Supplier<SemanticModel> semantic;
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  /** A context with its own (lazily built) semantic model. */
  public RuleContext(SourceFile file, Module module, String code) {
    this(file, module, code, SemanticModel.lazy(file, module));
  }

  /** A context sharing a per-file semantic model supplier (see {@link SemanticModel#lazy}). */
  public RuleContext(SourceFile file, Module module, String code, Supplier<SemanticModel> semantic) {
    this.file = file;
    this.module = module;
    this.code = code;
    this.semantic = semantic;
  }

  public SourceFile file() {
    return file;
  }

  public Module module() {
    return module;
  }

  /** The semantic model of this file, built on first use and shared with the file's other rules. */
  public SemanticModel semantic() {
    return semantic.get();
  }

  /** The code of the rule being run; diagnostics reported here carry it. */
  public String code() {
    return code;
  }

  public void report(Diagnostic d) {
    diagnostics.add(d);
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
