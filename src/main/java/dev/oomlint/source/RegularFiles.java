package dev.oomlint.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way oomlint reads a file from disk (sources, notebooks, configuration, .gitignore): only a
 * regular file (a symbolic link is followed to one) is opened, so a FIFO never blocks the run and a
 * device such as {@code /dev/zero} is never read; a file above the size limit is refused before it
 * is read, and one that grows past it while being read is refused too. The refusals are
 * {@link Refused}, whose message is one sentence.
 */
public final class RegularFiles {
  /** The default size limit: 64 MiB. */
  public static final long DEFAULT_MAX_BYTES = 64L << 20;

  /** The most a Java array holds, whatever the configured limit. */
  private static final long ARRAY_MAX = Integer.MAX_VALUE - 16L;

  private static final Pattern SIZE = Pattern.compile(
      "(?i)\\s*(\\d+)\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?\\s*");

  private RegularFiles() {}

  /** A path that is not read: not a regular file, or above the size limit. */
  public static final class Refused extends IOException {
    public Refused(String message) {
      super(message);
    }
  }

  /**
   * The bytes of {@code path}, at most {@code maxBytes} of them.
   *
   * @throws Refused when it is not a regular file or holds more than {@code maxBytes}
   * @throws IOException when it cannot be read
   */
  public static byte[] read(Path path, long maxBytes) throws IOException {
    BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class);
    if (!attrs.isRegularFile()) {
      throw new Refused(notRegular(path, attrs));
    }
    long limit = Math.min(Math.max(0, maxBytes), ARRAY_MAX);
    long size = attrs.size();
    if (size > limit) {
      throw new Refused(tooLarge(size, maxBytes));
    }
    try (InputStream in = Files.newInputStream(path)) {
      // the size is a hint (a file of /proc says 0, a file may grow): read it, then what follows
      byte[] buf = new byte[(int) size];
      int n = in.readNBytes(buf, 0, buf.length);
      if (n < buf.length) {
        return Arrays.copyOf(buf, n);
      }
      int next = in.read(); // almost always the end: no buffer for the rest unless there is one
      if (next < 0) {
        return buf;
      }
      byte[] rest = in.readNBytes((int) Math.min(limit - n, Integer.MAX_VALUE - 16L));
      if (n + 1L + rest.length > limit || in.read() >= 0) {
        throw new Refused(tooLarge(-1, maxBytes));
      }
      byte[] all = Arrays.copyOf(buf, n + 1 + rest.length);
      all[n] = (byte) next;
      System.arraycopy(rest, 0, all, n + 1, rest.length);
      return all;
    }
  }

  /** As {@link #read(Path, long)} with the default limit. */
  public static byte[] read(Path path) throws IOException {
    return read(path, DEFAULT_MAX_BYTES);
  }

  /** {@code e} (from {@link #read}) as the end of a sentence such as "file cannot be read: ...". */
  public static String reason(IOException e) {
    if (e instanceof Refused) {
      return e.getMessage();
    }
    if (e instanceof NoSuchFileException) {
      return "file does not exist";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException f && f.getReason() != null && !f.getReason().isBlank()) {
      return f.getReason().toLowerCase(Locale.ROOT).strip();
    }
    return SourceReader.describe(e);
  }

  private static String notRegular(Path path, BasicFileAttributes attrs) {
    if (attrs.isDirectory()) {
      return "not a regular file (a directory); only regular files are read";
    }
    String kind = null;
    try {
      Object mode = Files.getAttribute(path, "unix:mode");
      if (mode instanceof Integer m) {
        kind = switch (m & 0170000) {
          case 0010000 -> "a FIFO";
          case 0020000 -> "a character device";
          case 0060000 -> "a block device";
          case 0140000 -> "a socket";
          default -> null;
        };
      }
    } catch (IOException | RuntimeException e) {
      // no unix view (Windows): the plain wording
    }
    return "not a regular file" + (kind == null ? "" : " (" + kind + ")") + "; only regular files are read";
  }

  private static String tooLarge(long size, long maxBytes) {
    String what = size >= 0 ? "file is too large (" + human(size) + ")" : "file is too large";
    return what + "; the limit is " + human(maxBytes) + " (max-file-size, --max-file-size)";
  }

  /** {@code 64 MiB}, {@code 1.5 GiB}, {@code 812 bytes}. */
  public static String human(long bytes) {
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    if (bytes < 1024) {
      return bytes + (bytes == 1 ? " byte" : " bytes");
    }
    double v = bytes;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return (v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v)) + " " + units[u];
  }

  /**
   * A size limit as {@code max-file-size} and {@code --max-file-size} write it: a whole number of
   * bytes, or one with a unit: {@code K}/{@code KiB}, {@code M}/{@code MiB}, {@code G}/{@code GiB}
   * (binary), {@code KB}, {@code MB}, {@code GB} (decimal). Null when it is not one, or not positive.
   */
  public static Long parseSize(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = SIZE.matcher(text);
    if (!m.matches() || m.group(1).length() > 15) {
      return null;
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
    long factor = switch (unit) {
      case "k", "kib" -> 1L << 10;
      case "m", "mib" -> 1L << 20;
      case "g", "gib" -> 1L << 30;
      case "kb" -> 1_000L;
      case "mb" -> 1_000_000L;
      case "gb" -> 1_000_000_000L;
      default -> 1L;
    };
    if (n <= 0 || n > Long.MAX_VALUE / factor) {
      return null;
    }
    return n * factor;
  }
}
