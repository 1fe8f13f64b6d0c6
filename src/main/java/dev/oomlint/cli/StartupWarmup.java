package dev.oomlint.cli;

import dev.oomlint.parser.PythonFrontEnd;

/**
 * Loads the parser while the command line, the configuration and the file walk are still being
 * handled: a daemon thread parses a small, typical module, so the lexer's and parser's ATNs are
 * deserialised and the shared prediction DFA already holds the common decisions when the first real
 * file arrives. Only a cache is warmed; results never depend on it.
 */
final class StartupWarmup {
  private static final String SAMPLE = String.join("\n",
      "import torch",
      "from torch import nn as n2, optim",
      "@decorator(x=1)",
      "class Net(nn.Module):",
      "    def __init__(self, a: int = 3, *args, **kw) -> None:",
      "        super().__init__()",
      "        self.fc = nn.Linear(10, 2)",
      "",
      "    def forward(self, x):",
      "        return self.fc(x[:, 0]) * 2.0 + (-x) ** 2",
      "",
      "def train(model, loader, opt):",
      "    total = 0",
      "    for i, (x, y) in enumerate(loader):",
      "        with torch.no_grad():",
      "            out = model(x)",
      "        if i % 10 == 0 and not total:",
      "            print(f\"step {i}: {out.item():.3f}\", 'a' 'b')",
      "        elif x is None or y in [1, 2]:",
      "            continue",
      "        else:",
      "            total += len({k: v for k, v in out.items()})",
      "        loss = lambda z: z.mean()",
      "    try:",
      "        pass",
      "    except (ValueError, KeyError) as e:",
      "        raise RuntimeError('x') from e",
      "    while True:",
      "        break",
      "    return [a for a in range(3) if a], total",
      "");

  private StartupWarmup() {}

  /** Starts the warm-up; it never delays or fails the command. */
  static void start() {
    Thread t = new Thread(() -> {
      try {
        PythonFrontEnd.parse(SAMPLE);
      } catch (Throwable ignored) { // only a warm-up: the real parse reports any problem
      }
    }, "oomlint-warmup");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }
}
