package dev.oomlint.build;

import java.nio.charset.StandardCharsets;

/** Reads what {@link DataClassWriter} embedded in a data class. */
public final class EmbeddedData {
  private EmbeddedData() {}

  /** The bytes of a data class's {@code data()} chunks; null for null (the placeholder). */
  public static byte[] bytes(String[] chunks) {
    if (chunks == null) {
      return null;
    }
    int n = 0;
    for (String c : chunks) {
      n += c.length();
    }
    byte[] out = new byte[n];
    int at = 0;
    for (String c : chunks) {
      byte[] b = c.getBytes(StandardCharsets.ISO_8859_1);
      System.arraycopy(b, 0, out, at, b.length);
      at += b.length;
    }
    return out;
  }
}
