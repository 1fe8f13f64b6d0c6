package dev.oomlint.rules;

import dev.oomlint.ast.Mod.Module;
import dev.oomlint.ast.SourceFile;
import dev.oomlint.diagnostics.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/** What a rule sees of one file, and where it reports. One context per (file, rule) run. */
public class RuleContext {
  private final SourceFile file;
  private final Module module;
  private final String code;
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  public RuleContext(SourceFile file, Module module, String code) {
    this.file = file;
    this.module = module;
    this.code = code;
  }

  public SourceFile file() {
    return file;
  }

  public Module module() {
    return module;
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
