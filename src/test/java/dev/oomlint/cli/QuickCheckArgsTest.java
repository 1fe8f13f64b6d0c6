package dev.oomlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;

/**
 * The {@code check} shortcut must be picocli, only faster: same options, and the same fields on
 * every command line it accepts; everything else goes to picocli.
 */
class QuickCheckArgsTest {
  private static final Io IO = new Io(new ByteArrayInputStream(new byte[0]),
      new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()),
      Path.of("."), Map.of(), false);
  private static final Toolbox TOOLS = Toolbox.builtIn();

  @Test
  void knowsExactlyPicocliOptionsWithTheirArity() {
    CommandLine cl = new CommandLine(new CheckCommand(IO, TOOLS));
    Map<String, QuickCheckArgs.Kind> fromPicocli = new HashMap<>();
    for (OptionSpec o : cl.getCommandSpec().options()) {
      if (o.usageHelp() || o.versionHelp()) {
        continue;
      }
      for (String name : o.names()) {
        fromPicocli.put(name, kindOf(o));
      }
    }
    assertEquals(fromPicocli, QuickCheckArgs.OPTIONS);
  }

  private static QuickCheckArgs.Kind kindOf(OptionSpec o) {
    Class<?> t = o.type();
    if (t == boolean.class) {
      assertEquals(0, o.arity().max(), o.longestName());
      return QuickCheckArgs.Kind.FLAG;
    }
    if (t == Boolean.class) {
      assertTrue(o.negatable(), o.longestName() + " is a Boolean: the shortcut assumes --no-" );
      assertEquals(0, o.arity().max(), o.longestName());
      return QuickCheckArgs.Kind.NEGATABLE;
    }
    assertEquals(1, o.arity().min(), o.longestName());
    if (t == List.class) {
      assertEquals(",", o.splitRegex(), o.longestName());
      return QuickCheckArgs.Kind.LIST;
    }
    assertEquals(1, o.arity().max(), o.longestName());
    if (t == Path.class) {
      return QuickCheckArgs.Kind.PATH;
    }
    if (t == int.class) {
      return QuickCheckArgs.Kind.INT;
    }
    assertEquals(String.class, t, o.longestName());
    return QuickCheckArgs.Kind.STRING;
  }

  @Test
  void leavesEverythingUnusualToPicocli() {
    for (String[] args : List.of(
        new String[] {}, new String[] {"rules"}, new String[] {"check", "--help"},
        new String[] {"check", "-h"}, new String[] {"check", "--version"}, new String[] {"check", "-V"},
        new String[] {"check", "--", "a.py"}, new String[] {"check", "--frobnicate"},
        new String[] {"check", "--fix", "--fix"}, new String[] {"check", "--fix", "--no-fix"},
        new String[] {"check", "--output-format"}, new String[] {"check", "--output-format="},
        new String[] {"check", "--output-format", "--fix"}, new String[] {"check", "-vo", "x"},
        new String[] {"check", "--fix=true"}, new String[] {"check", "--no-diff"},
        new String[] {"check", "--threads", "two"}, new String[] {"check", "--threads", "-1"},
        new String[] {"check", "--select", "OOM1,,OOM2"}, new String[] {"check", "--select", "'OOM1'"},
        new String[] {"check", "@args.txt"}, new String[] {"check", "-x.py"},
        new String[] {"check", "--output-format", "json", "--output-format=text"},
        new String[] {"check", "--config", "a\0b"}, new String[] {"check", "--gpu", "t4", "--gpu=l4"},
        new String[] {"check", "--gpu-memory"})) {
      assertNull(QuickCheckArgs.parse(args, IO, TOOLS), String.join(" ", args));
    }
  }

  @Test
  void fillsTheSameFieldsAsPicocli() {
    String[] pool = {
        "a.py", "dir/b.py", "-", "x y.py", "check", "--fix", "--no-fix", "--unsafe-fixes",
        "--no-unsafe-fixes", "--diff", "--exit-zero", "--exit-non-zero-on-fix", "--force-exclude",
        "-v", "--verbose", "--output-format", "--output-format=json", "sarif", "-o", "--output-file=r.txt",
        "--select", "--select=OOM1,OOM201", "--extend-select", "ALL", "--ignore", "--ignore=OOM3",
        "--config", "--config=pyproject.toml", "--stdin-filename", "--stdin-filename=s.py", "--threads",
        "--threads=3", "7", "--", "--help", "-h", "=", "--=x", "OOM101,OOM102", "@x", "--statistics",
        "--statistics=true", "--target-version", "--target-version=py311", "py39", "--gpu-memory",
        "--gpu-memory=24GiB", "--gpu", "--gpu=rtx4090", "16GB", "--max-file-size", "--max-file-size=1MiB", "64M"};
    Random random = new Random(20261126);
    int accepted = 0;
    for (int n = 0; n < 4000; n++) {
      List<String> args = new ArrayList<>(List.of("check"));
      int len = random.nextInt(7);
      for (int i = 0; i < len; i++) {
        args.add(pool[random.nextInt(pool.length)]);
      }
      String[] argv = args.toArray(new String[0]);
      CheckCommand quick = QuickCheckArgs.parse(argv, IO, TOOLS);
      if (quick == null) {
        continue;
      }
      accepted++;
      CheckCommand viaPicocli = new CheckCommand(IO, TOOLS);
      CommandLine.ParseResult parsed =
          new CommandLine(viaPicocli).parseArgs(Arrays.copyOfRange(argv, 1, argv.length));
      assertNotNull(parsed, String.join(" ", argv));
      assertEquals(fields(viaPicocli), fields(quick), String.join(" ", argv));
    }
    assertTrue(accepted > 1000, "only " + accepted + " command lines took the shortcut");
  }

  @Test
  void shortcutRunsTheCheck() {
    CheckCommand c = QuickCheckArgs.parse(new String[] {"check", "--select=OOM1", "-o", "r.json",
        "--output-format", "json", "--no-fix", "src", "-v"}, IO, TOOLS);
    assertNotNull(c);
    assertEquals(List.of("src"), c.paths);
    assertEquals(List.of("OOM1"), c.select);
    assertEquals(Path.of("r.json"), c.outputFile);
    assertEquals("json", c.outputFormat);
    assertEquals(Boolean.FALSE, c.fix);
    assertTrue(c.verbose);
  }

  private static List<Object> fields(CheckCommand c) {
    return Arrays.asList(c.paths, c.outputFormat, c.outputFile, c.select, c.extendSelect, c.ignore, c.fix,
        c.unsafeFixes, c.diff, c.exitZero, c.exitNonZeroOnFix, c.config, c.stdinFilename, c.forceExclude,
        c.verbose, c.threads, c.statistics, c.targetVersion, c.targetTransformers, c.gpuMemory, c.gpu, c.maxFileSize);
  }
}
