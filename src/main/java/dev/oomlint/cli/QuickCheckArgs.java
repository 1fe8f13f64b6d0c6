package dev.oomlint.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A start-up shortcut for the command line a pre-commit hook runs on every commit:
 * {@code oomlint check [options] PATH...}. Building picocli's model from {@link CheckCommand}'s
 * annotations costs ~70 ms of a cold JVM (reflection, annotation proxies, interpreted code), which
 * is most of a one-file run; this class fills the same {@link CheckCommand} fields directly for
 * the plain, well-formed cases and returns {@code null} for everything else, which picocli then
 * handles as before: help, version, unknown or repeated options, {@code --}, clustered short
 * options, a missing or empty value, anything that would be an error. picocli stays the one
 * definition of the command: {@code QuickCheckArgsTest} checks that {@link #OPTIONS} names exactly
 * the options picocli builds from the annotations, with the same arity, and that both fill the
 * fields identically on many command lines.
 */
final class QuickCheckArgs {
  /** How an option takes its value. */
  enum Kind {
    /** {@code --x}: sets a boolean field. */
    FLAG,
    /** {@code --x} / {@code --no-x}: sets a Boolean field to true / false. */
    NEGATABLE,
    /** {@code --x V} or {@code --x=V}: a String. */
    STRING,
    /** A path. */
    PATH,
    /** Comma-separated codes, accumulated over repeats as picocli does. */
    LIST,
    /** A whole number. */
    INT
  }

  /** Every option of {@link CheckCommand} but help and version (picocli's), by each of its names. */
  static final Map<String, Kind> OPTIONS = Map.ofEntries(
      Map.entry("--output-format", Kind.STRING),
      Map.entry("--statistics", Kind.FLAG),
      Map.entry("--target-version", Kind.STRING),
      Map.entry("--target-transformers", Kind.STRING),
      Map.entry("--gpu-memory", Kind.STRING),
      Map.entry("--gpu", Kind.STRING),
      Map.entry("-o", Kind.PATH),
      Map.entry("--output-file", Kind.PATH),
      Map.entry("--select", Kind.LIST),
      Map.entry("--extend-select", Kind.LIST),
      Map.entry("--ignore", Kind.LIST),
      Map.entry("--fix", Kind.NEGATABLE),
      Map.entry("--unsafe-fixes", Kind.NEGATABLE),
      Map.entry("--diff", Kind.FLAG),
      Map.entry("--exit-zero", Kind.FLAG),
      Map.entry("--exit-non-zero-on-fix", Kind.FLAG),
      Map.entry("--config", Kind.PATH),
      Map.entry("--max-file-size", Kind.STRING),
      Map.entry("--stdin-filename", Kind.STRING),
      Map.entry("--force-exclude", Kind.FLAG),
      Map.entry("-v", Kind.FLAG),
      Map.entry("--verbose", Kind.FLAG),
      Map.entry("--threads", Kind.INT));

  private QuickCheckArgs() {}

  /**
   * The {@code check} command filled from {@code args}, or null when {@code args} is not a plain
   * {@code check} command line that this shortcut handles exactly as picocli would.
   */
  static CheckCommand parse(String[] args, Io io, Toolbox tools) {
    if (args.length == 0 || !args[0].equals("check")) {
      return null;
    }
    CheckCommand c = new CheckCommand(io, tools);
    Set<String> seen = new HashSet<>();
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if (a.startsWith("@")) {
        return null; // picocli reads arguments from an @file
      }
      if (a.equals("-") || !a.startsWith("-")) {
        c.paths.add(a);
        continue;
      }
      String name = a;
      String value = null;
      int eq = a.indexOf('=');
      if (eq > 0) {
        name = a.substring(0, eq);
        value = a.substring(eq + 1);
      }
      boolean negated = false;
      Kind kind = OPTIONS.get(name);
      if (kind == null && name.startsWith("--no-")) {
        kind = OPTIONS.get("--" + name.substring(5));
        if (kind != Kind.NEGATABLE) {
          return null;
        }
        negated = true;
      }
      if (kind == null) {
        return null; // unknown, help, version, "--", clustered short options: picocli decides
      }
      String field = field(name, negated);
      if (!seen.add(field) && kind != Kind.LIST) {
        return null; // picocli reports a repeated single-valued option
      }
      if (kind == Kind.FLAG || kind == Kind.NEGATABLE) {
        if (value != null) {
          return null; // "--fix=false" and the like: picocli's rules for attached booleans
        }
        if (!set(c, field, negated ? "false" : "true")) {
          return null;
        }
        continue;
      }
      if (value == null) {
        if (i + 1 >= args.length) {
          return null;
        }
        value = args[++i];
      }
      if (value.isEmpty() || value.startsWith("-") || !set(c, field, value)) {
        return null;
      }
    }
    return c;
  }

  /** The field an option sets (its longest name, as picocli's model names options). */
  private static String field(String name, boolean negated) {
    switch (name) {
      case "-o":
        return "--output-file";
      case "-v":
        return "--verbose";
      default:
        return negated ? "--" + name.substring(5) : name;
    }
  }

  private static boolean set(CheckCommand c, String field, String value) {
    try {
      switch (field) {
        case "--output-format":
          c.outputFormat = value;
          return true;
        case "--output-file":
          c.outputFile = Path.of(value);
          return true;
        case "--select":
          c.select = append(c.select, value);
          return c.select != null;
        case "--extend-select":
          c.extendSelect = append(c.extendSelect, value);
          return c.extendSelect != null;
        case "--ignore":
          c.ignore = append(c.ignore, value);
          return c.ignore != null;
        case "--fix":
          c.fix = Boolean.valueOf(value);
          return true;
        case "--unsafe-fixes":
          c.unsafeFixes = Boolean.valueOf(value);
          return true;
        case "--diff":
          c.diff = true;
          return true;
        case "--target-version":
          c.targetVersion = value;
          return true;
        case "--target-transformers":
          c.targetTransformers = value;
          return true;
        case "--gpu-memory":
          c.gpuMemory = value;
          return true;
        case "--gpu":
          c.gpu = value;
          return true;
        case "--statistics":
          c.statistics = true;
          return true;
        case "--exit-zero":
          c.exitZero = true;
          return true;
        case "--exit-non-zero-on-fix":
          c.exitNonZeroOnFix = true;
          return true;
        case "--config":
          c.config = Path.of(value);
          return true;
        case "--max-file-size":
          c.maxFileSize = value;
          return true;
        case "--stdin-filename":
          c.stdinFilename = value;
          return true;
        case "--force-exclude":
          c.forceExclude = true;
          return true;
        case "--verbose":
          c.verbose = true;
          return true;
        case "--threads":
          if (!value.chars().allMatch(ch -> ch >= '0' && ch <= '9') || value.length() > 9) {
            return false;
          }
          c.threads = Integer.parseInt(value);
          return true;
        default:
          return false;
      }
    } catch (InvalidPathException e) {
      return false; // picocli's converter error message
    }
  }

  /** Appends comma-separated codes; null (picocli decides) for empty parts or quotes. */
  private static List<String> append(List<String> list, String value) {
    List<String> parts = Arrays.asList(value.split(",", -1));
    if (value.indexOf('"') >= 0 || value.indexOf('\'') >= 0 || parts.contains("")) {
      return null;
    }
    List<String> out = list == null ? new ArrayList<>() : list;
    out.addAll(parts);
    return out;
  }
}
