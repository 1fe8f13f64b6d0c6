package dev.oomlint.parser;

import dev.oomlint.ast.Mod.Module;


/** The result of parsing one text: a module, or the first syntax error. */
public sealed interface ParseOutcome {
  record Parsed(Module module) implements ParseOutcome {}

  record Failed(SyntaxError error) implements ParseOutcome {}
}
