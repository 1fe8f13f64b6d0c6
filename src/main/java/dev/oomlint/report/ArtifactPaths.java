package dev.oomlint.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Turns a displayed file path into what SARIF and GitHub want: the real file (symlinks resolved)
 * and a URI relative to the project root with {@code /} separators, percent-encoded as a URI
 * reference ({@code src/my%20model.py}). A file outside the root keeps an absolute {@code file:} URI.
 */
final class ArtifactPaths {
  /** SARIF's conventional base id for the root of the sources. */
  static final String SRCROOT = "%SRCROOT%";

  private final Path root;
  private final Path workingDirectory;

  /** {@code workingDirectory}: what relative displayed paths are relative to. */
  ArtifactPaths(Path projectRoot, Path workingDirectory) {
    this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    this.root = realOrNormal(this.workingDirectory.resolve(projectRoot));
  }

  /** Where one file lies: its real path, its URI and whether that URI is relative to {@link #SRCROOT}. */
  record Artifact(Path file, String uri, boolean relative) {}

  /** The root directory as an absolute {@code file:} URI ending in {@code /}, as {@code originalUriBaseIds} needs. */
  String rootUri() {
    String uri = root.toUri().toString();
    return uri.endsWith("/") ? uri : uri + "/";
  }

  Artifact resolve(String displayedPath) {
    Path file;
    try {
      file = realOrNormal(workingDirectory.resolve(displayedPath));
    } catch (InvalidPathException e) {
      return new Artifact(null, encode(displayedPath.replace('\\', '/')), true);
    }
    if (file.startsWith(root) && !file.equals(root)) {
      StringBuilder uri = new StringBuilder();
      for (Path segment : root.relativize(file)) {
        if (uri.length() > 0) {
          uri.append('/');
        }
        uri.append(encode(segment.toString()));
      }
      return new Artifact(file, uri.toString(), true);
    }
    return new Artifact(file, file.toUri().toString(), false);
  }

  private static Path realOrNormal(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    try {
      return absolute.toRealPath();
    } catch (IOException | SecurityException e) {
      return absolute;
    }
  }

  /**
   * Percent-encodes one path segment as UTF-8, keeping RFC 3986's unreserved characters and the
   * sub-delimiters and {@code @} that a path segment may hold ({@code :} is encoded so that a first
   * segment is never read as a scheme).
   */
  static String encode(String segment) {
    StringBuilder out = new StringBuilder(segment.length());
    for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "-._~!$&'()*+,;=@/".indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
