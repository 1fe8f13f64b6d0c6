package dev.oomlint.cli;

/** Bad usage or configuration: the message is printed as one line on stderr and the exit code is 2. */
final class UsageException extends Exception {
  UsageException(String message) {
    super(message, null, false, false);
  }
}
