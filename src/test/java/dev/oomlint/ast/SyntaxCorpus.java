package dev.oomlint.ast;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The syntax corpus {@code testdata/syntax/} and what the local python3 makes of each file: its
 * {@code ast.dump(..., include_attributes=True)}, a JSON copy of its tree, or its SyntaxError.
 * python3 runs once for the whole corpus.
 */
final class SyntaxCorpus {
  static final Path ROOT = Path.of("testdata", "syntax");

  /** What python3 said about one file. {@code dump} and {@code json} are null when it did not parse. */
  record CpythonResult(String dump, String json, String error) {
    boolean parsed() {
      return dump != null;
    }
  }

  private static Map<Path, CpythonResult> results;
  private static int minor;

  private SyntaxCorpus() {}

  /** Every {@code .py} file of the corpus, sorted. */
  static List<Path> files() {
    try (Stream<Path> s = Files.walk(ROOT)) {
      return s.filter(p -> p.toString().endsWith(".py")).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The minor version of the local python3. */
  static synchronized int pythonMinor() {
    cpython();
    return minor;
  }

  /** The CPython version (minor) whose format a file's {@code .expected} dump has, or 0 when none. */
  static int expectedMinor(Path file) {
    String dir = file.getParent() == null ? "" : file.getParent().getFileName().toString();
    if (!Files.exists(Path.of(file + ".expected"))) {
      return 0;
    }
    if (dir.matches("py3\\d\\d")) {
      return Integer.parseInt(dir.substring(3));
    }
    throw new IllegalStateException(file + ".expected lies outside a py3NN/ folder");
  }

  static String expected(Path file) {
    try {
      return Files.readString(Path.of(file + ".expected"), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** python3's verdict on every corpus file. */
  static synchronized Map<Path, CpythonResult> cpython() {
    if (results != null) {
      return results;
    }
    List<Path> files = files();
    String script = String.join("\n",
        "import ast, json, sys",
        "def enc(node):",
        "    if isinstance(node, ast.AST):",
        "        d = {'_t': type(node).__name__}",
        "        for f in node._fields:",
        "            v = getattr(node, f, None)",
        "            d[f] = const(v) if isinstance(node, (ast.Constant, getattr(ast, 'MatchSingleton', ast.Constant))) and f == 'value' else enc(v)",
        "        for a in node._attributes:",
        "            d[a] = getattr(node, a, None)",
        "        return d",
        "    if isinstance(node, list):",
        "        return [enc(x) for x in node]",
        "    return node",
        "def const(v):",
        "    if v is None: return ['none']",
        "    if v is ...: return ['ellipsis']",
        "    if isinstance(v, bool): return ['bool', v]",
        "    if isinstance(v, int): return ['int', str(v)]",
        "    if isinstance(v, float): return ['float', v.hex()]",
        "    if isinstance(v, complex): return ['complex', v.imag.hex()]",
        "    if isinstance(v, str): return ['str', v]",
        "    if isinstance(v, bytes): return ['bytes', v.hex()]",
        "    raise TypeError(type(v))",
        "out = sys.stdout",
        "out.write('%d\\n' % sys.version_info[1])",
        "for path in sys.stdin.read().split('\\n'):",
        "    if not path: continue",
        "    try:",
        "        with open(path, 'rb') as f:",
        "            tree = ast.parse(f.read())",
        "    except (SyntaxError, ValueError) as e:",
        "        out.write('ERR\\t' + ascii(str(e)) + '\\n')",
        "        continue",
        "    out.write('OK\\t' + json.dumps(enc(tree)) + '\\t' + ast.dump(tree, include_attributes=True) + '\\n')");
    String stdin = files.stream().map(Path::toString).collect(Collectors.joining("\n")) + "\n";
    String[] lines = Python3.run(script, stdin).split("\n", -1);
    minor = Integer.parseInt(lines[0].trim());
    Map<Path, CpythonResult> map = new HashMap<>();
    for (int i = 0; i < files.size(); i++) {
      String[] parts = lines[i + 1].split("\t", 3);
      map.put(files.get(i), parts[0].equals("OK")
          ? new CpythonResult(parts[2], parts[1], null)
          : new CpythonResult(null, null, parts[1]));
    }
    results = map;
    return map;
  }

  private static final Pattern CODING = Pattern.compile("^[ \\t\\f]*#.*?coding[:=][ \\t]*([-\\w.]+)");

  /**
   * Decodes a corpus file as CPython does for well-formed input: drop a UTF-8 BOM, honour a PEP 263
   * declaration on line 1 or 2.
   */
  static String decode(byte[] bytes) {
    int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
        && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
    String head = new String(bytes, start, bytes.length - start, StandardCharsets.ISO_8859_1);
    String[] firstLines = head.split("\r\n|\r|\n", 3);
    Charset cs = StandardCharsets.UTF_8;
    for (int i = 0; i < Math.min(2, firstLines.length); i++) {
      Matcher m = CODING.matcher(firstLines[i]);
      if (m.find()) {
        cs = charset(m.group(1));
        break;
      }
      if (!firstLines[i].isBlank() && !firstLines[i].strip().startsWith("#")) {
        break;
      }
    }
    return new String(bytes, start, bytes.length - start, cs);
  }

  private static Charset charset(String pythonName) {
    String n = pythonName.toLowerCase(Locale.ROOT).replace('_', '-');
    if (n.equals("latin-1") || n.startsWith("latin-1-") || n.equals("iso-latin-1")) {
      return StandardCharsets.ISO_8859_1;
    }
    if (n.equals("utf-8") || n.startsWith("utf-8-")) {
      return StandardCharsets.UTF_8;
    }
    return Charset.forName(n);
  }

  /** The decoded text of a corpus file. */
  static String text(Path file) {
    try {
      return decode(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
