package dev.oomlint.rules;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A rule's metadata, next to its code (as Error Prone's {@code @BugPattern}). The long explanation
 * lives in {@code rules/CODE.md}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {
  /** e.g. {@code OOM101}. */
  String code();

  /** kebab-case, e.g. {@code graph-kept-in-container}. */
  String name();

  /** One sentence: what the rule finds. */
  String summary();

  Level level() default Level.WARNING;

  FixSafety fix() default FixSafety.NONE;

  /** SARIF {@code properties.precision}: very-high, high, medium, low. */
  String precision() default "high";

  String[] tags() default {"memory"};

  /**
   * Words the rule needs the file to spell before it can report anything there (a prefilter: the
   * linter skips the rule, and so the semantic model, for a file that lacks them). Every entry must
   * be met; an entry's alternatives are separated by {@code |}: {@code {"zero_grad", "backward|autograd"}}
   * means "spells zero_grad, and backward or autograd". Words are ASCII; a word also counts when only
   * the file's NFKC form spells it (identifiers are NFKC-normalised). Empty: the rule runs on every file.
   */
  String[] mentions() default {};

  /**
   * Whether the rule runs without being selected. An opt-in rule ({@code false}) runs only when a
   * {@code select}/{@code extend-select} selector matches it (its code, a prefix of it, or {@code ALL}),
   * as Ruff's rules outside its default set.
   */
  boolean enabledByDefault() default true;
}
