package dev.oomlint.cli;

import com.google.gson.GsonBuilder;

/** Pretty JSON for the {@code rule}/{@code rules} commands. */
final class Json {
  private Json() {}

  static String write(Object value) {
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(value);
  }
}
