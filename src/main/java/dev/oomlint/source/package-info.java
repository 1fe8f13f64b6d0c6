/**
 * Source documents: one file as the pipeline handles it, whatever its kind. {@link
 * dev.oomlint.source.SourceReader} reads a script ({@link dev.oomlint.source.ScriptDocument}) or a
 * notebook ({@link dev.oomlint.source.NotebookDocument}) into a {@link
 * dev.oomlint.source.SourceDocument}, which gives the text to lint and applies, refuses, encodes,
 * diffs and writes back fixes; the per-file {@link dev.oomlint.source.TextFacts} the reader finds
 * travel with it. Below it, {@code dev.oomlint.notebook} is the notebook JSON, cell and masking
 * library.
 */
package dev.oomlint.source;
