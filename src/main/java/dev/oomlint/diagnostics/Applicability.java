package dev.oomlint.diagnostics;

/** How confident a fix is, as in Ruff: safe fixes apply with --fix, unsafe ones need --unsafe-fixes. */
public enum Applicability {
  /** Keeps the program's meaning; applied by {@code --fix}. */
  SAFE,
  /** May change behaviour; applied only with {@code --unsafe-fixes}. */
  UNSAFE,
  /** Shown to the user, never applied automatically. */
  DISPLAY_ONLY
}
