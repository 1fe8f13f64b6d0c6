package dev.oomlint.engine;

import dev.oomlint.ast.SourceFile;
import dev.oomlint.diagnostics.Diagnostic;
import java.util.List;

/**
 * What checking one file produced. {@code source} is null when the file could not be read;
 * {@code problem} is null when it was analysed. Diagnostics are sorted by position.
 */
public record FileResult(String path, SourceFile source, List<Diagnostic> diagnostics, FileProblem problem) {}
