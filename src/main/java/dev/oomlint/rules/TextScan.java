package dev.oomlint.rules;

/**
 * One pass over a source file's bytes that serves both the reader and the rules: the reader needs to
 * know whether the file holds a NUL byte or any non-ASCII byte, the rules' prefilters which of their
 * words it spells ({@link FileText}). The reader scans while it decodes and hands the result over,
 * on the thread that lints the file next, so the rules need not scan the text again.
 */
public final class TextScan {
  private TextScan() {}

  /** The scan of a whole file's bytes (see {@link #hasNul} and {@link #isAscii}). */
  public static int scan(byte[] bytes) {
    return FileText.scan(bytes, 0, bytes.length, true);
  }

  public static boolean hasNul(int scan) {
    return (scan & FileText.NUL_BYTE) != 0;
  }

  public static boolean isAscii(int scan) {
    return (scan & FileText.NON_ASCII_BYTE) == 0;
  }

  private static final class Handed {
    String text;
    int scan;
  }

  private static final ThreadLocal<Handed> HANDED = ThreadLocal.withInitial(Handed::new);

  /**
   * Hands the scan of the bytes {@code text} was decoded from to the rules, when the decoding
   * kept every ASCII character a byte of its own and every other character non-ASCII bytes (UTF-8,
   * ASCII, latin-1): the words and flags are then those of the text's own UTF-8 form.
   */
  public static void handOver(String text, int scan) {
    Handed h = HANDED.get();
    h.text = text;
    h.scan = scan;
  }

  /** The scan handed over for this very text on this thread (as an unsigned int), or -1. */
  static long handed(String text) {
    Handed h = HANDED.get();
    if (h.text != text) {
      return -1;
    }
    h.text = null;
    return h.scan & 0xffffffffL;
  }
}
