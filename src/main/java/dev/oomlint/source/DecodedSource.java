package dev.oomlint.source;

import dev.oomlint.ast.SourceFile;
import java.nio.charset.Charset;

/**
 * A file's text together with how it was stored, so a fix can write it back byte-for-byte alike:
 * the charset it was decoded with and whether it started with a UTF-8 byte order mark (which is
 * not part of {@code file.text()}); and the facts the reader found about its text for the rules.
 */
public record DecodedSource(SourceFile file, Charset charset, boolean bom, TextFacts facts) {}
