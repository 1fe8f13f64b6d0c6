package dev.oomlint.parser.antlr;

/**
 * Placeholder: the build replaces this class with one holding the {@link DfaSnapshot} as string
 * constants (dev.oomlint.build.DataClassWriter, run by DfaSnapshotWriter). Without that build step
 * (an IDE's own compile) there is no snapshot and the DFAs are built as ANTLR builds them.
 */
final class DfaSnapshotData {
  private DfaSnapshotData() {}

  static String[] data() {
    return null;
  }
}
