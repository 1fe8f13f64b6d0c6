package dev.oomlint.parser;

/**
 * The Python versions oomlint can target (Ruff's {@code target-version}): syntax newer than the
 * target is a syntax error (see {@link VersionGate}). The parser itself always reads the newest
 * grammar.
 */
public enum PythonVersion {
  PY38(8), PY39(9), PY310(10), PY311(11), PY312(12), PY313(13);

  /** The newest version, the default when nothing says otherwise. */
  public static final PythonVersion LATEST = PY313;

  private final int minor;

  PythonVersion(int minor) {
    this.minor = minor;
  }

  /** The minor version: 8 for Python 3.8. */
  public int minor() {
    return minor;
  }

  /** The option value, e.g. {@code py311}. */
  public String optionName() {
    return "py3" + minor;
  }

  /** e.g. {@code 3.11}. */
  @Override
  public String toString() {
    return "3." + minor;
  }

  /** {@code py38} ... {@code py313}, else null. */
  public static PythonVersion fromOption(String s) {
    for (PythonVersion v : values()) {
      if (v.optionName().equals(s)) {
        return v;
      }
    }
    return null;
  }

  /** The option values, comma-separated, for messages. */
  public static String optionNames() {
    StringBuilder sb = new StringBuilder();
    for (PythonVersion v : values()) {
      sb.append(sb.length() == 0 ? "" : ", ").append(v.optionName());
    }
    return sb.toString();
  }

  /** The version for Python 3.{@code minor}, clamped to the supported range. */
  static PythonVersion ofMinor(int minor) {
    PythonVersion[] all = values();
    return all[Math.max(0, Math.min(all.length - 1, minor - PY38.minor))];
  }

  /**
   * The lower bound of a PEP 440 {@code requires-python} specifier ({@code ">=3.9"},
   * {@code ">=3.8, <4"}, {@code "~=3.10"}, {@code "==3.11.*"}, {@code ">3.9"}), clamped to the supported
   * versions (below 3.8 means 3.8, above 3.13 means 3.13); null when it names no lower bound for
   * Python 3.
   */
  public static PythonVersion fromRequiresPython(String spec) {
    if (spec == null) {
      return null;
    }
    int lower = -1;
    for (String clause : spec.split(",")) {
      String c = clause.strip();
      String op;
      if (c.startsWith("===")) {
        op = "===";
      } else if (c.startsWith(">=") || c.startsWith("~=") || c.startsWith("==")) {
        op = c.substring(0, 2);
      } else if (c.startsWith(">")) {
        op = ">";
      } else {
        continue; // <, <=, != bound nothing from below
      }
      String v = c.substring(op.length()).strip();
      int dot = v.indexOf('.');
      if (!v.startsWith("3") || (v.length() > 1 && dot != 1)) {
        continue;
      }
      int minor = 0;
      if (dot == 1) {
        int i = 2;
        while (i < v.length() && Character.isDigit(v.charAt(i))) {
          i++;
        }
        if (i == 2) {
          continue;
        }
        minor = Integer.parseInt(v.substring(2, Math.min(i, 6)));
      }
      lower = Math.max(lower, minor);
    }
    return lower < 0 ? null : ofMinor(lower);
  }
}
