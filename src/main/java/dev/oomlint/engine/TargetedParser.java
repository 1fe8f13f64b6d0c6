package dev.oomlint.engine;

import dev.oomlint.ast.SourceFile;
import dev.oomlint.parser.ParseOutcome;
import dev.oomlint.parser.PythonVersion;
import dev.oomlint.parser.VersionGate;

/**
 * A parser that also rejects syntax newer than the target version ({@link VersionGate}); used only
 * when the target is older than the newest, so a run without one loads none of this.
 */
public final class TargetedParser implements Linter.Parser {
  private final Linter.Parser inner;
  private final PythonVersion target;

  public TargetedParser(Linter.Parser inner, PythonVersion target) {
    this.inner = inner;
    this.target = target;
  }

  @Override
  public ParseOutcome parse(SourceFile file) {
    return VersionGate.apply(inner.parse(file), file.text(), target);
  }
}
