package dev.oomlint.config;

/** A configuration file that cannot be used; the message is the one line shown to the user. */
public final class ConfigException extends Exception {
  public ConfigException(String message) {
    super(message, null, false, false);
  }
}
