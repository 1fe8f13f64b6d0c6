package dev.oomlint.rules;

/**
 * One check. Implementations are annotated with {@link RuleInfo}, stateless, and thread-safe: the
 * same instance checks many files in parallel. A rule reads the AST and the semantic model through
 * the context and reports with {@link RuleContext#report}.
 */
public interface Rule {
  void check(RuleContext context);

  default RuleInfo info() {
    RuleInfo indexed = RuleIndex.lookup(getClass());
    if (indexed != null) {
      return indexed; // the build's copy of the annotation: no reflection at start-up
    }
    RuleInfo info = getClass().getAnnotation(RuleInfo.class);
    if (info == null) {
      throw new IllegalStateException(getClass().getName() + " has no @RuleInfo");
    }
    return info;
  }
}
