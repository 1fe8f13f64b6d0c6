package dev.oomlint.parser;

/**
 * Why a file did not parse: one sentence close to CPython's ("expected ':'", "unexpected indent",
 * "unterminated string literal", ...) and the offset (UTF-16 code units into the text) it points at.
 */
public record SyntaxError(String message, int offset) {}
