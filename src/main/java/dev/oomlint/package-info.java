/**
 * oomlint: static analysis for GPU memory leaks and waste in Python deep-learning code.
 *
 * <p>Data flows one way, one package per stage: {@code parser} (text, tokens, parse tree) to {@code ast}
 * (our typed AST) to {@code semantic} (scopes, imports, grad mode, grad-carrying values) to {@code rules}
 * (one class per rule) to {@code diagnostics} (findings and fixes) to {@code report} (text, concise, json,
 * sarif, github, gitlab, statistics), driven by {@code engine} and the {@code cli}.
 */
package dev.oomlint;
