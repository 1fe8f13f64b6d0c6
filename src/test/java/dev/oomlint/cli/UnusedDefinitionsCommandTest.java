package dev.oomlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oomlint.testing.Cli;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Code nothing in the project uses is never reported (issue #12: yolov9's loss modules each keep a
 * {@code VarifocalLoss} that no script builds): a module-level function or class whose name no file
 * of the project spells outside its own definition. A mention anywhere (an import, a call, a YAML
 * config, a README command, a string) keeps the finding; so do decorators and hubconf.py.
 */
class UnusedDefinitionsCommandTest {
  @TempDir
  Path tmp;

  private void write(String rel, String content) throws IOException {
    Cli.write(tmp, rel, content);
  }

  /** A class whose forward uses the deprecated autocast (OOM501, reported wherever the code runs). */
  private static String lossClass(String name) {
    return """
        class %s(nn.Module):
            def forward(self, pred, target):
                with torch.cuda.amp.autocast(enabled=False):
                    return F.binary_cross_entropy_with_logits(pred.float(), target.float())
        """.formatted(name);
  }

  private static final String HEADER = "import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n\n\n";

  private List<String> findings(String... args) {
    return new Cli(tmp).toolbox(Toolbox.builtIn()).run(Cli.conciseCheck(args)).out().lines()
        .filter(l -> l.contains(": OOM")).map(l -> l.substring(0, l.indexOf(':'))
            + ":" + l.split(":")[1]).toList();
  }

  @Test
  void aClassNoFileUsesIsSilentOneAScriptImportsIsReported() throws IOException {
    write("pyproject.toml", "[project]\nname = \"p\"\n");
    write("utils/__init__.py", "");
    // a copy of the module defines the same names: a definition is not a use
    write("utils/loss.py", HEADER + lossClass("VarifocalLoss") + "\n\n" + lossClass("ComputeLoss"));
    write("utils/loss_dual.py", HEADER + lossClass("VarifocalLoss"));
    write("train.py", "from utils.loss import ComputeLoss\n\ncriterion = ComputeLoss()\n");
    assertEquals(List.of("utils/loss.py:14"), findings("."));
    assertEquals(List.of("utils/loss.py:14"), findings("utils/loss.py"), "one file, as pre-commit passes it");
  }

  @Test
  void aMentionAnywhereKeepsTheFinding() throws IOException {
    write("setup.py", "from setuptools import setup\nsetup()\n");
    write("losses.py", HEADER + lossClass("FromYaml") + "\n\n" + lossClass("FromReadme") + "\n\n"
        + lossClass("FromString") + "\n\n" + lossClass("Nowhere"));
    write("configs/train.yaml", "loss:\n  name: FromYaml\n");
    write("README.md", "Use `FromReadme` for dense targets.\n");
    write("registry.py", "LOSSES = {\"string\": \"FromString\"}\n");
    assertEquals(List.of("losses.py:8", "losses.py:14", "losses.py:20"), findings("."));
  }

  @Test
  void decoratedDefinitionsHubEntryPointsAndUsesInTheTextItselfAreKept() throws IOException {
    write("setup.py", "from setuptools import setup\nsetup()\n");
    write("models.py", HEADER + "@register\n" + lossClass("Registered") + "\n\ndef helper():\n"
        + "    with torch.cuda.amp.autocast():\n        pass\n");
    write("hubconf.py", HEADER + lossClass("OnlyHere")); // torch.hub entry points are named by strings
    assertEquals(List.of("hubconf.py:8", "models.py:9"), findings("."));
    String out = new Cli(tmp).toolbox(Toolbox.builtIn()).stdin(HEADER + lossClass("Piped") + "\n\nloss = Piped()\n")
        .run("check", "--output-format=concise", "--exit-zero", "-").out();
    assertEquals(1, out.lines().filter(l -> l.contains("OOM501")).count(), "a use in the text itself: " + out);
  }
}
