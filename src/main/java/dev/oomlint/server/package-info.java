/**
 * {@code oomlint server}: the language server (LSP over standard input and output, with Eclipse
 * LSP4J) that shows the engine's findings, fixes and noqa suppressions live in an editor.
 */
package dev.oomlint.server;
