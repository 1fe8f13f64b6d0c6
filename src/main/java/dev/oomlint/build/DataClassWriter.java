package dev.oomlint.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Build-time helper: compiles a class whose static method {@code data()} returns some bytes as
 * string constants (one latin-1 character per byte) into the classes directory, over the placeholder
 * of the same name in the sources (whose {@code data()} returns null; see {@code EmbeddedData} for
 * the reading side). A run then reads the data
 * from the class's constant pool, which the class-data-sharing archive maps in with the class:
 * the first class-path resource a JVM opens costs some 6 ms of URL handling, at every start.
 */
public final class DataClassWriter {
  /** Characters per string constant (a constant holds at most 65535 bytes of modified UTF-8). */
  private static final int CHUNK = 30_000;

  private DataClassWriter() {}

  /** Writes and compiles {@code className} (package-private, final) into {@code classesDir}. */
  public static void write(Path classesDir, String className, byte[] data) throws IOException {
    int dot = className.lastIndexOf('.');
    String pkg = className.substring(0, dot);
    String simple = className.substring(dot + 1);
    StringBuilder src = new StringBuilder();
    src.append("package ").append(pkg).append(";\n\n");
    src.append("/** Generated at build time by dev.oomlint.build.DataClassWriter; do not edit. */\n");
    src.append("final class ").append(simple).append(" {\n");
    src.append("  private ").append(simple).append("() {}\n\n");
    src.append("  static String[] data() {\n    return new String[] {\n");
    int chunks = Math.max(1, (data.length + CHUNK - 1) / CHUNK); // an empty array is one empty string
    for (int c = 0; c < chunks; c++) {
      src.append("      \"");
      for (int i = c * CHUNK; i < Math.min(data.length, (c + 1) * CHUNK); i++) {
        int b = data[i] & 0xff;
        if (b >= 0x20 && b < 0x7f && b != '"' && b != '\\') {
          src.append((char) b);
        } else {
          src.append(String.format("\\%03o", b)); // octal: a \\u escape would be unescaped before lexing
        }
      }
      src.append("\",\n");
    }
    src.append("    };\n  }\n}\n");
    Path tmp = Files.createTempDirectory("oomlint-data");
    try {
      Path file = tmp.resolve(simple + ".java");
      Files.writeString(file, src, StandardCharsets.UTF_8);
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      if (javac == null) {
        throw new IOException("no Java compiler in this JVM: run the build on a JDK");
      }
      List<String> args = new ArrayList<>(List.of("--release", "17", "-nowarn", "-d", classesDir.toString(),
          file.toString()));
      int rc = javac.run(null, null, System.err, args.toArray(new String[0]));
      if (rc != 0) {
        throw new IOException("compiling " + className + " failed");
      }
    } finally {
      try (var walk = Files.walk(tmp)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
