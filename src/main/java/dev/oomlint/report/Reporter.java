package dev.oomlint.report;

import java.io.IOException;

/**
 * Writes one finished run in one output format (text, json, sarif, github). Implementations are
 * stateless; {@code out} is the standard output or the {@code -o} file, already opened as UTF-8.
 */
public interface Reporter {
  void write(Report report, Appendable out) throws IOException;
}
