package dev.oomlint.notebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class IPythonMaskerTest {
  private static String masked(String src) {
    return IPythonMasker.mask(src).text();
  }

  @Test
  void lineMagicsAndShellBecomePassAtTheirIndentation() {
    assertEquals("pass\nimport torch\npass\n", masked("%matplotlib inline\nimport torch\n!pip install x\n"));
    assertEquals("for i in r:\n    pass\n    f(i)", masked("for i in r:\n    %pylab inline\n    f(i)"));
    assertEquals("pass\npass\npass\npass", masked("!!ls\n/f a b\n,f a b\n;f a b"));
  }

  @Test
  void envMagicsBecomeTheEnvironmentAssignmentIPythonMakes() {
    assertEquals("__import__(\"os\").environ[\"TF_FORCE_GPU_ALLOW_GROWTH\"] = \"true\"\nimport tensorflow",
        masked("%env TF_FORCE_GPU_ALLOW_GROWTH=true\nimport tensorflow"));
    assertEquals("if a:\n    __import__(\"os\").environ[\"CUDA_VISIBLE_DEVICES\"] = \"\\\"0\\\"\"",
        masked("if a:\n    %set_env CUDA_VISIBLE_DEVICES \"0\""));
    // listing the environment, or a value continued on the next line, is masked as any other magic
    assertEquals("pass\npass\n", masked("%env\n%env X\n"));
    assertEquals("pass\n\nx = 1", masked("%env X=a\\\nb\nx = 1"));
  }

  @Test
  void assignedMagicsKeepTheirTarget() {
    assertEquals("files = ...\nx, y = ...\nself.a = ...", masked("files = !ls *.pt\nx, y = %who_ls\nself.a = !pwd"));
  }

  @Test
  void helpLinesAreMasked() {
    assertEquals("pass\npass\npass\nx = 1", masked("model?\n??torch.zeros\nnp.array??\nx = 1"));
  }

  @Test
  void questionMarksInStringsAndCommentsAreNotHelp() {
    String src = "s = 'why?'\nx = 1  # why?\nt = \"\"\"\nwhat?\n\"\"\"";
    assertEquals(src, masked(src));
  }

  @Test
  void escapesInsideBracketsStringsAndContinuationsAreLeftAlone() {
    String src = "ratio = (10\n         % 3)\nfmt = \"\"\"\n%d items\n!not shell\n\"\"\"\ntotal = 1 + \\\n  2\n"
        + "s = 'a\\\n%b'\n";
    assertEquals(src, masked(src));
  }

  @Test
  void backslashContinuedMagicIsMaskedWhole() {
    IPythonMasker.Masked m = IPythonMasker.mask("%timeit -n 3 \\\n    torch.randn(2)\nx = 1\n");
    assertEquals("pass\n\nx = 1\n", m.text());
    assertArrayEquals(new boolean[] {true, true, false}, m.masked());
  }

  @Test
  void timeMagicsKeepTheirStatement() {
    IPythonMasker.Masked m = IPythonMasker.mask("for s in r:\n    %time opt.zero_grad()\n    %timeit -r 2 f()\n");
    assertEquals("for s in r:\n    opt.zero_grad()\n    pass\n", m.text());
    assertEquals(6, m.shift()[1]);
    assertTrue(m.masked()[1]);
  }

  @Test
  void cellMagicWithForeignBodyBlanksTheCell() {
    IPythonMasker.Masked m = IPythonMasker.mask("%%bash\nnvidia-smi\necho \"it's\"");
    assertEquals("\n\n", m.text());
    assertTrue(m.wholeCell());
  }

  @Test
  void cellMagicWithPythonBodyMasksOnlyItsLine() {
    IPythonMasker.Masked m = IPythonMasker.mask("\n%%time\nfor i in r:\n    %time f(i)\n");
    assertEquals("\npass\nfor i in r:\n    f(i)\n", m.text());
    assertFalse(m.wholeCell());
    assertArrayEquals(new boolean[] {false, true, false, true}, m.masked());
  }

  @Test
  void lineTerminatorsAreKept() {
    assertEquals("pass\r\nx = 1\rpass", masked("%pwd\r\nx = 1\r!ls"));
  }

  @Test
  void plainPythonIsUntouched() {
    String src = "import torch\nx = y % 2\nz = not_a_magic!=3\nif a:\n    b = {'%': 1}\n";
    assertEquals(src, masked(src));
  }

  /** Every masked cell must parse with CPython (differential; needs python3 on the machine). */
  @Test
  void maskedCellsParseWithCpython() throws Exception {
    List<String> cells = List.of(
        "%matplotlib inline\nimport torch\nfiles = !ls\nfor f in files:\n    !echo {f}\n    print(f)\n",
        "model?\n??torch.zeros\nx = (1\n     % 2)\n",
        "%%time\nfor i in range(3):\n    %time print(i)\n    %timeit -n 2 \\\n      sum([])\n",
        "%%bash\nif [ 1 ]; then echo 'x'; fi\n",
        "def f():\n    %load_ext foo\nf()\n",
        "with open('x') as fh:\n    data = %sx cat x\n    rows = !wc -l x\n",
        "s = '''\n%notmagic\n'''\nt = 'a?'\nu = 1  # ?\nobj.attr?\n");
    StringBuilder program = new StringBuilder("import ast, sys, json\nfor src in json.load(sys.stdin):\n"
        + "    ast.parse(src)\nprint('ok')\n");
    com.google.gson.JsonArray arr = new com.google.gson.JsonArray();
    for (String c : cells) {
      arr.add(masked(c));
    }
    Process p;
    try {
      p = new ProcessBuilder("python3", "-c", program.toString()).redirectErrorStream(true).start();
    } catch (IOException e) {
      Assumptions.abort("python3 is not installed");
      return;
    }
    try (OutputStream in = p.getOutputStream()) {
      in.write(arr.toString().getBytes(StandardCharsets.UTF_8));
    }
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals("ok", out.strip(), out);
  }
}
