package dev.oomlint;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** oomlint's version, from the build (the pom's version, filtered into a resource). */
public final class Version {
  private static final String VALUE = load();

  private Version() {}

  public static String get() {
    return VALUE;
  }

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("/dev/oomlint/oomlint-version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
