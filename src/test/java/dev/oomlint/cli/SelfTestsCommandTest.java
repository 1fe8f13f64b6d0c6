package dev.oomlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oomlint.testing.Cli;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A module's self-test is test code (val26, kohya-ss sd-scripts: the "pseudo training loop to check
 * memory usage" at the bottom of {@code library/sdxl_original_unet.py}, 8 false OOM501 findings): the
 * {@code __main__} block of a module other files import, feeding the module's network made-up tensors
 * and reading no data, no checkpoint and no command line. A module nothing imports, or a block that
 * reads data or arguments, is a program and stays reported.
 */
class SelfTestsCommandTest {
  @TempDir
  Path tmp;

  private void write(String rel, String content) throws IOException {
    Cli.write(tmp, rel, content);
  }

  private List<String> findings(String... args) {
    return new Cli(tmp).toolbox(Toolbox.builtIn()).run(Cli.conciseCheck(args)).out().lines()
        .filter(l -> l.contains(": OOM")).map(l -> l.substring(0, l.indexOf(':')) + ":" + l.split(":")[1]
            + " " + l.substring(l.indexOf("OOM"), l.indexOf("OOM") + 6)).toList();
  }

  /** A network module whose {@code __main__} block runs {@code main} (a memory probe with the deprecated AMP API). */
  private static String module(String main) {
    return """
        import torch
        import torch.nn as nn


        class UNet(nn.Module):
            def __init__(self):
                super().__init__()
                self.conv = nn.Conv2d(4, 4, 3, padding=1)

            def forward(self, x):
                return self.conv(x)


        if __name__ == "__main__":
        """ + main.indent(4);
  }

  private static final String PROBE = """
      unet = UNet().to("cuda")
      optimizer = torch.optim.AdamW(unet.parameters())
      scaler = torch.cuda.amp.GradScaler(enabled=True)
      for step in range(10):
          x = torch.randn(1, 4, 128, 128).cuda()
          with torch.cuda.amp.autocast(enabled=True):
              loss = unet(x).mean()
          scaler.scale(loss).backward()
          scaler.step(optimizer)
          scaler.update()
          optimizer.zero_grad(set_to_none=True)
      """;

  @Test
  void theMemoryProbeOfAnImportedModuleIsSilent() throws IOException {
    write("library/__init__.py", "");
    write("library/unet.py", module(PROBE));
    write("train.py", "from library.unet import UNet\n\nmodel = UNet()\n");
    assertEquals(List.of(), findings("."));
    assertEquals(List.of(), findings("library/unet.py"), "one file, as pre-commit passes it");
  }

  @Test
  void aModuleNothingImportsIsAProgram() throws IOException {
    write("probe.py", module(PROBE));
    assertEquals(List.of("probe.py:17 OOM501", "probe.py:20 OOM501"), findings("."));
  }

  @Test
  void aBlockThatReadsDataArgumentsOrACheckpointIsAProgram() throws IOException {
    write("train.py", "from unet_data import UNet\nfrom unet_args import UNet\nfrom unet_ckpt import UNet\n"
        + "from unet_real import UNet\n");
    write("unet_data.py", module(PROBE.replace("x = torch.randn(1, 4, 128, 128).cuda()",
        "x = next(iter(torch.utils.data.DataLoader(ds))).cuda()\n    noise = torch.randn_like(x)")));
    write("unet_args.py", module("import argparse\nargs = argparse.ArgumentParser().parse_args()\n" + PROBE));
    write("unet_ckpt.py", module("state = torch.load('unet.pt', map_location='cpu')\n" + PROBE));
    // no made-up tensors: it runs on what it is given
    write("unet_real.py", module(PROBE.replace("torch.randn(1, 4, 128, 128)", "images[step]")));
    assertEquals(List.of("unet_args.py:19 OOM501", "unet_args.py:22 OOM501", "unet_ckpt.py:18 OOM501",
        "unet_ckpt.py:21 OOM501", "unet_data.py:17 OOM501", "unet_data.py:21 OOM501", "unet_real.py:17 OOM501",
        "unet_real.py:20 OOM501"), findings("."));
  }

  @Test
  void onlyTheMainBlockIsTestCode() throws IOException {
    // the module's own functions stay reported: importing it runs them
    write("library/unet.py", module(PROBE).replace("    def forward(self, x):\n        return self.conv(x)",
        "    def forward(self, x):\n        with torch.cuda.amp.autocast():\n            return self.conv(x)"));
    write("train.py", "from library.unet import UNet\n\nmodel = UNet()\nmodel(x)\n");
    assertEquals(List.of("library/unet.py:11 OOM501"), findings("."));
  }
}
