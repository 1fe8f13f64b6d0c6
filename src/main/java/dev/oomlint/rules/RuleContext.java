package dev.oomlint.rules;

import dev.oomlint.ast.Mod.Module;
import dev.oomlint.ast.SourceFile;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.semantic.SemanticModel;
import dev.oomlint.source.TextFacts;
import dev.oomlint.source.WordSet;
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
  private final TextFacts facts;
  private final RuleOptions options;
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  /** A context with its own (lazily built) semantic model and text facts. */
  public RuleContext(SourceFile file, Module module, String code) {
    this(file, module, code, SemanticModel.lazy(file, module), TextFacts.of(WordSet.empty(), file.text()));
  }

  /**
   * A context sharing the file's semantic model supplier (see {@link SemanticModel#lazy}) and text
   * facts with the file's other rules.
   */
  public RuleContext(SourceFile file, Module module, String code, Supplier<SemanticModel> semantic,
      TextFacts facts) {
    this(file, module, code, semantic, facts, RuleOptions.NONE);
  }

  /** As the constructor above, with the run's {@link RuleOptions} (null: {@link RuleOptions#NONE}). */
  public RuleContext(SourceFile file, Module module, String code, Supplier<SemanticModel> semantic,
      TextFacts facts, RuleOptions options) {
    this.options = options == null ? RuleOptions.NONE : options;
    this.file = file;
    this.module = module;
    this.code = code;
    this.semantic = semantic;
    this.facts = facts;
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

  /**
   * Whether the file's text (or its NFKC form, as identifiers are normalised) spells {@code word}:
   * a cheap question to ask before building anything. Words a rule always needs belong in its
   * {@code @RuleInfo(mentions = ...)}, where the linter asks for it.
   */
  public boolean mentions(String word) {
    return facts.mentions(word);
  }

  /**
   * The run's options ({@code [tool.oomlint]} and the command line): read what the rule needs at the
   * start of {@code check}, and return before building anything when it is unset.
   */
  public RuleOptions options() {
    return options;
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
