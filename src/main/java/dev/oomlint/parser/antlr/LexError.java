package dev.oomlint.parser.antlr;

/**
 * The first lexical error of a text: a sentence close to CPython's and the offset (UTF-16 code
 * units into the text) it points at. The front end turns it into the parser's syntax error.
 */
public record LexError(String message, int offset) {}
