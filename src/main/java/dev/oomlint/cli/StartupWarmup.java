package dev.oomlint.cli;

import dev.oomlint.ast.SourceFile;
import dev.oomlint.engine.Linter;
import dev.oomlint.parser.ParseOutcome;
import dev.oomlint.parser.ParserThreads;
import dev.oomlint.parser.PythonFrontEnd;
import dev.oomlint.rules.Rule;
import dev.oomlint.source.SourceReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Overlaps a {@code check} run's cold start (what a one-file pre-commit run waits for) with the
 * handling of its command line and configuration, on the second core:
 * <ol>
 *   <li>a parser thread, started first thing, loads the lexer and the parser (deserialises their
 *       ATNs), then reads the {@code .py} files named on the command line (a few small ones) and
 *       parses them; {@link #parse} hands such a parse to the engine when it asks for the same text,
 *       and the engine parses any other text (or one the parser thread has not started) itself;
 *   <li>once the parser is loaded, a rules thread parses a small, typical module and lints it with
 *       every rule, so the semantic model's and the rules' classes are initialised and their code
 *       compiled before the first real file is linted.
 * </ol>
 * Parsing is a pure function of the text and the warm-up's own findings are dropped, so results
 * never depend on what was warmed; a failure anywhere in the warm-up is ignored. The code that runs
 * on the main thread before the first parse links no lambda (see {@link Toolbox}).
 */
final class StartupWarmup implements Linter.Parser {
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
  private volatile Thread parserThread;
  private volatile Thread rulesThread;
  /** The texts of the named files, registered in {@link #ahead}, once the parser thread has read them. */
  private final CompletableFuture<List<String>> files = new CompletableFuture<>();

  private StartupWarmup() {}

  /** A warm-up with no threads, for tests that drive {@link #read}, {@link #parseAhead} and {@link #parse} by hand. */
  static StartupWarmup unstarted() {
    return new StartupWarmup();
  }

  /** Whether no text waits in the parse-ahead table (tests). */
  boolean nothingAhead() {
    return ahead.isEmpty();
  }

  /** Marks the named files as read (tests; the parser thread does this itself). */
  void filesRead(List<String> texts) {
    files.complete(texts);
  }

  /**
   * Starts the warm-up for {@code args} (run from {@code cwd}) with the rules {@code rules} gives
   * (asked for on the rules thread); null when {@code args} is not a {@code check} command. Called
   * first thing, so the parser loads while the command line and the configuration are handled; it
   * never delays or fails the command. No lambdas here: the first one a JVM links costs milliseconds.
   */
  static StartupWarmup start(String[] args, Path cwd, Supplier<List<Rule>> rules) {
    if (args.length == 0 || !args[0].equals("check")) {
      return null;
    }
    StartupWarmup w = new StartupWarmup();
    w.parserThread = ParserThreads.start(new ParserWork(w, args, cwd, rules), "oomlint-warmup-parser");
    return w;
  }

  /**
   * Loads the parser, starts the rules thread, reads the named files and parses them. The rules
   * thread waits for the parser's load: on two cores it would only slow it and the command line's
   * handling down.
   */
  private static final class ParserWork implements Runnable {
    private final StartupWarmup w;
    private final String[] args;
    private final Path cwd;
    private final Supplier<List<Rule>> rules;

    ParserWork(StartupWarmup w, String[] args, Path cwd, Supplier<List<Rule>> rules) {
      this.w = w;
      this.args = args;
      this.cwd = cwd;
      this.rules = rules;
    }

    @Override
    public void run() {
      List<String> texts = List.of();
      try {
        try {
          PythonFrontEnd.load();
        } catch (Throwable ignored) { // only a warm-up: the real run reports any problem
        }
        try {
          w.rulesThread = ParserThreads.start(new RulesWork(rules), "oomlint-warmup-rules");
        } catch (Throwable ignored) { // only a warm-up
        }
        texts = w.read(args, cwd);
      } finally {
        w.files.complete(texts); // always: until then the engine leaves an entry for every text it parses
        w.dropEngineEntries();
      }
      for (String text : texts) {
        w.parseAhead(text);
      }
    }
  }

  /** Parses and lints the sample. */
  private static final class RulesWork implements Runnable {
    private final Supplier<List<Rule>> rules;

    RulesWork(Supplier<List<Rule>> rules) {
      this.rules = rules;
    }

    @Override
    public void run() {
      try {
        ParseOutcome parsed = PythonFrontEnd.parse(SAMPLE);
        if (parsed instanceof ParseOutcome.Parsed) {
          new Linter(rules.get(), new Sample(parsed)).lint(new SourceFile("<warm-up>", SAMPLE), Set.of());
        }
      } catch (Throwable ignored) { // only a warm-up
      }
    }
  }

  /** The sample's parse, for the warm-up's linter. */
  private static final class Sample implements Linter.Parser {
    private final ParseOutcome parsed;

    Sample(ParseOutcome parsed) {
      this.parsed = parsed;
    }

    @Override
    public ParseOutcome parse(SourceFile file) {
      return parsed;
    }
  }

  /**
   * Waits for the warm-up's threads to finish. Only for the run that trains the launcher's
   * class-data-sharing archive ({@code -Doomlint.warmup.join=true}), so that it loads every class a
   * warm-up does; a normal run never waits for them.
   */
  void join() throws InterruptedException {
    Thread p = parserThread;
    if (p != null) {
      p.join();
    }
    Thread r = rulesThread;
    if (r != null) {
      r.join();
    }
  }

  /** The texts of the small {@code .py} files named in {@code args}, registered for parsing ahead. */
  List<String> read(String[] args, Path cwd) {
    List<String> texts = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    try {
      for (int i = 1; i < args.length && seen.size() < MAX_FILES; i++) {
        String a = args[i];
        if (a.startsWith("-") || !(a.endsWith(".py") || a.endsWith(".pyi"))) {
          continue;
        }
        Path p = cwd.resolve(a);
        if (!Files.isRegularFile(p) || Files.size(p) > MAX_BYTES) {
          continue;
        }
        if (SourceReader.readScript(p, a) instanceof SourceReader.Outcome.Read r) {
          String text = r.document().file().text();
          if (!seen.add(text)) {
            continue; // the same text named twice
          }
          if (ahead.putIfAbsent(text, new Ahead()) == null) {
            texts.add(text); // otherwise the engine's entry: it parses the text (dropEngineEntries drops it)
          }
        }
      }
    } catch (Throwable ignored) { // only a warm-up
    }
    return texts;
  }

  void parseAhead(String text) {
    Ahead a = ahead.get(text);
    if (a == null || !a.claimed.compareAndSet(false, true)) {
      return; // the engine got there first and parses it itself
    }
    try {
      parseInto(a, text);
    } catch (Throwable e) { // recorded in the future: the engine parses again and reports what happens then
    }
  }

  /**
   * Drops the entries the engine left while the named files were being read (the named ones among
   * them are gone already): from now on a text not named is parsed without a look-up.
   */
  void dropEngineEntries() {
    for (Iterator<Ahead> it = ahead.values().iterator(); it.hasNext(); ) {
      if (it.next().claimed.get()) {
        it.remove();
      }
    }
  }

  /**
   * {@code file} parsed: by whoever claims its text first (the parser thread, this engine worker, or
   * another one with the same text), the others waiting for that parse.
   */
  @Override
  public ParseOutcome parse(SourceFile file) {
    boolean registering = !files.isDone();
    if (!registering && ahead.isEmpty()) {
      return PythonFrontEnd.parse(file); // e.g. a directory was named: no hashing of every text
    }
    String text = file.text();
    Ahead a;
    if (registering) {
      // the parser thread has not read the named files yet: leave an entry for this text, so that it
      // does not parse it a second time (and a worker with the same text waits for this parse)
      Ahead mine = new Ahead();
      a = ahead.putIfAbsent(text, mine);
      if (a == null) {
        a = mine;
      }
    } else {
      a = ahead.remove(text);
      if (a == null) {
        return PythonFrontEnd.parse(file);
      }
    }
    if (a.claimed.compareAndSet(false, true)) {
      return parseInto(a, text);
    }
    try {
      return a.parse.get();
    } catch (ExecutionException e) {
      return PythonFrontEnd.parse(file); // a failure shows up the same way as without the warm-up
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return PythonFrontEnd.parse(file);
    }
  }

  /** Parses {@code text} for the claimed {@code a}; its future always completes. */
  private static ParseOutcome parseInto(Ahead a, String text) {
    try {
      ParseOutcome o = PythonFrontEnd.parse(text);
      a.parse.complete(o);
      return o;
    } catch (RuntimeException | Error e) {
      a.parse.completeExceptionally(e);
      throw e;
    }
  }
}
