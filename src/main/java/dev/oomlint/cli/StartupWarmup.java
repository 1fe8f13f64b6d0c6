package dev.oomlint.cli;

import dev.oomlint.ast.SourceFile;
import dev.oomlint.engine.Linter;
import dev.oomlint.engine.SourceReader;
import dev.oomlint.parser.ParseOutcome;
import dev.oomlint.parser.PythonFrontEnd;
import dev.oomlint.rules.Rule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Overlaps a {@code check} run's cold start (what a one-file pre-commit run waits for) with the
 * handling of its command line and configuration, on the second core:
 * <ol>
 *   <li>a parser thread parses a small, typical module at once, so the lexer's and parser's ATNs
 *       are deserialised and the shared prediction DFA holds the common decisions;
 *   <li>a rules thread then lints that module with every rule, so the semantic model's and the
 *       rules' classes are initialised and their code compiled before the first real file;
 *   <li>the parser thread goes on with the {@code .py} files named on the command line (a few small
 *       ones); {@link #parse} hands such a parse to the engine when it asks for the same text, and
 *       the engine parses any other text (or one the parser thread has not started) itself.
 * </ol>
 * Parsing is a pure function of the text and the warm-up's own findings are dropped, so results
 * never depend on what was warmed; a failure anywhere in the warm-up is ignored.
 */
final class StartupWarmup {
  /** At most this many files, each at most {@link #MAX_BYTES}, are parsed ahead. */
  static final int MAX_FILES = 16;
  static final long MAX_BYTES = 1 << 20;

  static final String SAMPLE = String.join("\n",
      "import torch",
      "from torch import nn as n2, optim",
      "@decorator(x=1)",
      "class Net(nn.Module):",
      "    def __init__(self, a: int = 3, *args, **kw) -> None:",
      "        super().__init__()",
      "        self.fc = nn.Linear(10, 2).cuda()",
      "",
      "    def forward(self, x):",
      "        return self.fc(x[:, 0]) * 2.0 + (-x) ** 2",
      "",
      "def train(model, loader, opt, device='cuda'):",
      "    total = 0",
      "    losses = []",
      "    state = torch.load('ckpt.pt')",
      "    for i, (x, y) in enumerate(loader):",
      "        x = x.to(device)",
      "        opt.zero_grad()",
      "        out = model(x)",
      "        loss = torch.nn.functional.cross_entropy(out, y)",
      "        loss.backward()",
      "        opt.step()",
      "        losses.append(loss.item())",
      "        total += loss.item()",
      "        if i % 10 == 0 and not total:",
      "            print(f\"step {i}: {out.mean().item():.3f}\", 'a' 'b')",
      "        elif x is None or y in [1, 2]:",
      "            continue",
      "        else:",
      "            total += len({k: v for k, v in state.items()})",
      "    try:",
      "        pass",
      "    except (ValueError, KeyError) as e:",
      "        raise RuntimeError('x') from e",
      "    return [a for a in range(3) if a], total",
      "",
      "@torch.no_grad()",
      "def evaluate(model, val_loader):",
      "    preds = []",
      "    for batch in val_loader:",
      "        preds.append(model(batch).cpu())",
      "        torch.cuda.empty_cache()",
      "    with torch.autocast('cuda'):",
      "        return torch.cat(preds)",
      "");

  /** A file's parse, started by whichever thread claims it first. */
  private static final class Ahead {
    final AtomicBoolean claimed = new AtomicBoolean();
    final CompletableFuture<ParseOutcome> parse = new CompletableFuture<>();
  }

  private final Map<String, Ahead> ahead = new ConcurrentHashMap<>();

  private StartupWarmup() {}

  /**
   * Starts the warm-up for {@code args} (run from {@code cwd}) with {@code rules}; null when
   * {@code args} is not a {@code check} command. Reads the named files on the calling thread
   * while the parser thread loads the parser. It never delays or fails the command.
   */
  static StartupWarmup start(String[] args, Path cwd, List<Rule> rules) {
    if (args.length == 0 || !args[0].equals("check")) {
      return null;
    }
    StartupWarmup w = new StartupWarmup();
    CompletableFuture<ParseOutcome> sample = new CompletableFuture<>();
    CompletableFuture<List<String>> files = new CompletableFuture<>();
    Thread parser = PythonFrontEnd.threadFactory("oomlint-warmup-parser").newThread(() -> {
      try {
        sample.complete(PythonFrontEnd.parse(SAMPLE));
        for (String text : files.get()) {
          w.parseAhead(text);
        }
      } catch (Throwable ignored) { // only a warm-up: the real run reports any problem
        sample.complete(null);
      }
    });
    parser.start();
    Thread linter = PythonFrontEnd.threadFactory("oomlint-warmup-rules").newThread(() -> {
      try {
        ParseOutcome parsed = sample.get();
        if (parsed instanceof ParseOutcome.Parsed) {
          ParseOutcome done = parsed;
          new Linter(rules, f -> done).lint(new SourceFile("<warm-up>", SAMPLE), Set.of());
        }
      } catch (Throwable ignored) { // only a warm-up
      }
    });
    linter.start();
    files.complete(w.read(args, cwd));
    return w;
  }

  /** The texts of the small {@code .py} files named in {@code args}, registered for parsing ahead. */
  private List<String> read(String[] args, Path cwd) {
    List<String> texts = new ArrayList<>();
    try {
      for (int i = 1; i < args.length && texts.size() < MAX_FILES; i++) {
        String a = args[i];
        if (a.startsWith("-") || !(a.endsWith(".py") || a.endsWith(".pyi"))) {
          continue;
        }
        Path p = cwd.resolve(a);
        if (!Files.isRegularFile(p) || Files.size(p) > MAX_BYTES) {
          continue;
        }
        if (SourceReader.read(p, a) instanceof SourceReader.Outcome.Read r) {
          String text = r.source().file().text();
          if (ahead.putIfAbsent(text, new Ahead()) == null) {
            texts.add(text);
          }
        }
      }
    } catch (Throwable ignored) { // only a warm-up
    }
    return texts;
  }

  private void parseAhead(String text) {
    Ahead a = ahead.get(text);
    if (a == null || !a.claimed.compareAndSet(false, true)) {
      return; // the engine got there first and parses it itself
    }
    try {
      a.parse.complete(PythonFrontEnd.parse(text));
    } catch (Throwable e) { // the engine parses it again and reports what happens then
      a.parse.completeExceptionally(e);
    }
  }

  /**
   * {@code file} parsed: by the parser thread when it has started on the same text (waiting for
   * it to finish), otherwise here and now.
   */
  ParseOutcome parse(SourceFile file) {
    if (ahead.isEmpty()) {
      return PythonFrontEnd.parse(file); // e.g. a directory was named: no hashing of every text
    }
    Ahead a = ahead.remove(file.text());
    if (a != null && !a.claimed.compareAndSet(false, true)) {
      try {
        return a.parse.get();
      } catch (ExecutionException e) {
        // parse again below: a failure shows up the same way as without the warm-up
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return PythonFrontEnd.parse(file);
  }
}
