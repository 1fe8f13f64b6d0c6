/**
 * oomlint: static analysis for GPU memory leaks and waste in Python deep-learning code.
 *
 * <p>Data flows one way, one package per stage: {@code source} (a script or notebook read and decoded
 * into the text to lint) to {@code parser} (tokens and parse tree) to {@code ast} (our typed AST) to
 * {@code semantic} (scopes, imports, grad mode, grad-carrying values, models, devices) to
 * {@code rules} (the rule API; {@code rules.checks} one class per rule) to {@code diagnostics}
 * (findings and fixes) to {@code report} (text, concise, json, sarif, github, gitlab), driven by
 * {@code engine} (linter, fix loop, parallel runs) for the {@code cli} and the {@code server}.
 * CONTRIBUTING.md draws the whole picture.
 */
package dev.oomlint;
