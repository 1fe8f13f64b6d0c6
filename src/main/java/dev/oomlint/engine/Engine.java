package dev.oomlint.engine;

import dev.oomlint.fix.AtomicWriter;
import dev.oomlint.parser.PythonFrontEnd;
import dev.oomlint.semantic.ProjectView;
import dev.oomlint.source.NotebookDocument;
import dev.oomlint.source.RegularFiles;
import dev.oomlint.source.ScriptDocument;
import dev.oomlint.source.SourceDocument;
import dev.oomlint.source.SourceReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs the whole per-file pipeline (read, decode, parse, rules, noqa, fixes, write) for many files
 * in parallel on worker threads with large stacks, one file per task, and returns the results in
 * path order. Only files with findings or problems keep their text in memory.
 */
public final class Engine {
  /** Stack size of the worker threads: deep but valid Python must never overflow. */
  public static final long WORKER_STACK_BYTES = 512L << 20;

  /**
   * What the engine needs: the linter (enabled rules and parser), per-file ignores, the fix mode,
   * the number of worker threads, where {@code --verbose} details go (null: nowhere), the size
   * limit above which a file is not read, how fixed files are written (a seam for tests: a
   * disk that is full or read-only cannot be made in a test running as root), and the run's
   * {@link ProjectIndex} (null: each file is checked on its own, knowing no other file).
   */
  public record Options(Linter linter, PerFileIgnores perFileIgnores, FixMode fixMode, int threads,
      Consumer<String> verboseLog, long maxFileSize, DocumentWriter writer, ProjectIndex project) {
    public Options {
      threads = Math.max(1, threads);
      maxFileSize = maxFileSize <= 0 ? RegularFiles.DEFAULT_MAX_BYTES : maxFileSize;
      writer = writer == null ? SourceDocument::write : writer;
    }

    /** No project index: each file on its own. */
    public Options(Linter linter, PerFileIgnores perFileIgnores, FixMode fixMode, int threads,
        Consumer<String> verboseLog, long maxFileSize, DocumentWriter writer) {
      this(linter, perFileIgnores, fixMode, threads, verboseLog, maxFileSize, writer, null);
    }

    /** The default size limit, and fixed files written by {@link SourceDocument#write}. */
    public Options(Linter linter, PerFileIgnores perFileIgnores, FixMode fixMode, int threads,
        Consumer<String> verboseLog) {
      this(linter, perFileIgnores, fixMode, threads, verboseLog, RegularFiles.DEFAULT_MAX_BYTES, null);
    }
  }

  /** Writes a fixed document to its file. */
  @FunctionalInterface
  public interface DocumentWriter {
    void write(SourceDocument document, Path file) throws IOException;
  }

  /**
   * One file's outcome: its result, how many findings its fixes removed, its diff in
   * {@code --diff} mode ("" when unchanged) and its fixed text (null when unchanged).
   */
  public record FileOutcome(FileResult result, int fixed, String diff, String fixedText) {}

  /** A whole run: results sorted by path, total fixed, and the diffs (in path order) of changed files. */
  public record Run(List<FileResult> files, int fixed, List<String> diffs) {}

  private final Options options;

  public Engine(Options options) {
    this.options = options;
  }

  /** One file's check, as a task (a class: the JVM makes a lambda's class at every start). */
  private final class CheckTask implements Callable<FileOutcome> {
    private final FileWalker.Target target;

    CheckTask(FileWalker.Target target) {
      this.target = target;
    }

    @Override
    public FileOutcome call() {
      return checkFile(target);
    }
  }

  /** Checks {@code targets} and returns them (with {@code extraProblems}, e.g. unreadable directories) in path order. */
  public Run run(List<FileWalker.Target> targets, List<FileResult> extraProblems) {
    Session s = start();
    for (FileWalker.Target t : targets) {
      s.accept(t);
    }
    return s.finish(extraProblems);
  }

  /** Starts a run whose files are handed over one by one (as a walk finds them); see {@link Session}. */
  public Session start() {
    return new Session();
  }

  /**
   * A run in progress: each file given to {@link #accept} is checked at once on the engine's
   * threads (big-stack ones, so deep input never overflows); {@link #finish} waits for them all and
   * returns them in path order, whatever order they came in.
   */
  public final class Session implements Consumer<FileWalker.Target> {
    private final ExecutorService pool = newPool(options.threads());
    private final List<FileWalker.Target> targets = new ArrayList<>();
    private final List<Future<FileOutcome>> futures = new ArrayList<>();
    private boolean finished;

    private Session() {}

    @Override
    public void accept(FileWalker.Target t) {
      if (finished) {
        throw new IllegalStateException("the run is finished");
      }
      targets.add(t);
      futures.add(pool.submit(new CheckTask(t)));
    }

    /** Gives the run up: the files not yet checked are not, and the engine's threads stop. */
    public void cancel() {
      finished = true;
      pool.shutdownNow();
    }

    /** Waits for every file, adds {@code extraProblems}, and returns the run in path order. */
    public Run finish(List<FileResult> extraProblems) {
      finished = true;
      List<FileOutcome> all = new ArrayList<>(targets.size() + extraProblems.size());
      try {
        for (int i = 0; i < futures.size(); i++) {
          all.add(await(futures.get(i), targets.get(i)));
        }
      } finally {
        pool.shutdownNow();
      }
      for (FileResult p : extraProblems) {
        all.add(new FileOutcome(p, 0, "", null));
      }
      all.sort(BY_PATH);
      List<FileResult> files = new ArrayList<>(all.size());
      List<String> diffs = new ArrayList<>();
      int fixed = 0;
      for (FileOutcome o : all) {
        files.add(o.result());
        fixed += o.fixed();
        if (o.diff() != null && !o.diff().isEmpty()) {
          diffs.add(o.diff());
        }
      }
      return new Run(files, fixed, diffs);
    }
  }

  /** Checks text that did not come from a file (standard input), never writing anything. */
  public FileOutcome checkBytes(byte[] bytes, String displayPath, Path absPath) {
    ExecutorService single = newPool(1);
    try {
      FileWalker.Target t = new FileWalker.Target(absPath, displayPath);
      return await(single.submit(
          () -> check(SourceReader.decode(bytes, displayPath, options.linter().words()), t, false)), t);
    } finally {
      single.shutdownNow();
    }
  }

  /**
   * Checks an editor's text of the file at {@code absPath} (the language server's entry point), on
   * the calling thread (give it a stack of {@link #WORKER_STACK_BYTES}), never writing anything. A
   * notebook's text is its raw JSON. With a fix mode that applies fixes, the outcome's
   * {@code fixedText} is the text after {@code --fix} (null when nothing changed). Never throws for
   * bad input: like every other path, a failure becomes the file's internal error.
   */
  public FileOutcome checkText(String text, String displayPath, Path absPath) {
    FileWalker.Target t = new FileWalker.Target(absPath, displayPath);
    try {
      if (SourceReader.isNotebook(displayPath)) {
        byte[] json = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return check(SourceReader.decode(json, displayPath), t, false);
      }
      return check(new SourceReader.Outcome.Read(ScriptDocument.ofText(displayPath, text)), t, false);
    } catch (Throwable e) {
      if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)
          && !(e instanceof OutOfMemoryError)) {
        throw e;
      }
      return crashed(t, e);
    }
  }

  private FileOutcome await(Future<FileOutcome> f, FileWalker.Target t) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return crashed(t, e);
    } catch (ExecutionException e) {
      return crashed(t, e.getCause() == null ? e : e.getCause());
    }
  }

  private FileOutcome checkFile(FileWalker.Target t) {
    try {
      return check(SourceReader.read(t.path(), t.displayPath(), options.linter().words(), options.maxFileSize()),
          t, true);
    } catch (Throwable e) { // keep one file's disaster to that file
      if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)
          && !(e instanceof OutOfMemoryError)) {
        throw e;
      }
      return crashed(t, e);
    }
  }

  private FileOutcome crashed(FileWalker.Target t, Throwable e) {
    verbose(t.displayPath(), e);
    return new FileOutcome(new FileResult(t.displayPath(), null, List.of(),
        Linter.internal("checking this file failed: " + Linter.describe(e))), 0, "", null);
  }

  /**
   * Checks one read document, script or notebook alike: lint it, or with a fix mode that applies
   * fixes run the {@link FixLoop} and then print the diff ({@code --diff}), write the file back
   * ({@code writeBack}), or return the fixed contents (standard input, the language server).
   */
  private FileOutcome check(SourceReader.Outcome read, FileWalker.Target t, boolean writeBack) {
    if (read instanceof SourceReader.Outcome.Unreadable u) {
      return new FileOutcome(new FileResult(t.displayPath(), null, List.of(), FileProblem.unreadable(u.message())),
          0, "", null);
    }
    SourceDocument document = ((SourceReader.Outcome.Read) read).document();
    Set<String> ignored = options.perFileIgnores().selectorsFor(t.path());
    ProjectView project = options.project() == null ? ProjectView.NONE : options.project().viewFor(t.path());
    FixMode mode = options.fixMode();
    if (!mode.apply()) {
      Linter.Result r = lint(document, ignored, project);
      verbose(t.displayPath(), r.cause());
      return new FileOutcome(result(t, document, r), 0, "", null);
    }
    FixLoop.Outcome fixed = FixLoop.run(document, new DocumentLint(ignored, project), mode);
    Linter.Result r = fixed.result();
    verbose(t.displayPath(), r.cause());
    SourceDocument after = fixed.document();
    if (after == document) {
      return new FileOutcome(result(t, document, r), 0, "", null);
    }
    if (mode.diff()) {
      return new FileOutcome(result(t, after, r), fixed.fixed(), after.diff(document),
          writeBack ? null : after.contents());
    }
    if (writeBack) {
      try {
        options.writer().write(after, t.path());
      } catch (AtomicWriter.UnencodableException e) {
        FileProblem p = FileProblem.internal("the fixes for this file produce text that "
            + e.getMessage().replaceFirst("^the fixed text ", "") + "; the file was left unchanged");
        return new FileOutcome(result(t, document, FixLoop.failed(fixed.first(), p)), 0, "", null);
      } catch (IOException e) {
        // the disk's refusal (read-only, full, immutable file), not a bug: say what happened
        FileProblem p = FileProblem.writeFailed("could not write the fixed file: " + RegularFiles.reason(e)
            + "; the file was left unchanged");
        return new FileOutcome(result(t, document, FixLoop.failed(fixed.first(), p)), 0, "", null);
      } catch (RuntimeException e) {
        FileProblem p = FileProblem.internal("could not write the fixed file: " + SourceReader.describe(e)
            + "; the file was left unchanged");
        return new FileOutcome(result(t, document, FixLoop.failed(fixed.first(), p)), 0, "", null);
      }
    }
    return new FileOutcome(result(t, after, r), fixed.fixed(), "", writeBack ? null : after.contents());
  }

  private Linter.Result lint(SourceDocument document, Set<String> ignored, ProjectView project) {
    return options.linter().lint(document, ignored, project);
  }

  /** The fix loop's lint of one file (a class: the JVM makes a lambda's class at every start). */
  private final class DocumentLint implements FixLoop.Lint {
    private final Set<String> ignored;
    private final ProjectView project;

    DocumentLint(Set<String> ignored, ProjectView project) {
      this.ignored = ignored;
      this.project = project;
    }

    @Override
    public Linter.Result lint(SourceDocument document) {
      return Engine.this.lint(document, ignored, project);
    }
  }

  /**
   * The file's result; its text is kept only when something will be shown for it (with, for a
   * notebook, the map from that text back to its cells).
   */
  private static FileResult result(FileWalker.Target t, SourceDocument document, Linter.Result r) {
    boolean keep = !r.diagnostics().isEmpty() || r.problem() != null || !r.skipped().isEmpty();
    if (!keep) {
      return new FileResult(t.displayPath(), null, r.diagnostics(), r.problem());
    }
    return new FileResult(t.displayPath(), document.file(), r.diagnostics(), r.problem(),
        document instanceof NotebookDocument n ? n.source() : null, r.cellErrors());
  }

  private void verbose(String path, Throwable cause) {
    if (cause == null || options.verboseLog() == null) {
      return;
    }
    StringWriter sw = new StringWriter();
    cause.printStackTrace(new PrintWriter(sw));
    options.verboseLog().accept(path + ": " + sw);
  }

  /** Compares display paths component by component (as Ruff sorts paths): {@code a/z.py} before {@code a.py}. */
  /** Orders outcomes by {@link #comparePaths} (a class: a JDK comparator's lambdas are made at every start). */
  private static final Comparator<FileOutcome> BY_PATH = new Comparator<>() {
    @Override
    public int compare(FileOutcome a, FileOutcome b) {
      return comparePaths(a.result().path(), b.result().path());
    }
  };

  public static int comparePaths(String a, String b) {
    String[] pa = a.split("[/\\\\]");
    String[] pb = b.split("[/\\\\]");
    int n = Math.min(pa.length, pb.length);
    for (int i = 0; i < n; i++) {
      int c = pa[i].compareTo(pb[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(pa.length, pb.length);
  }

  /**
   * Worker threads are the parser's own big-stack threads, so each file is parsed right on its
   * worker instead of being handed to (and waited for on) a second thread.
   */
  private static ExecutorService newPool(int threads) {
    return Executors.newFixedThreadPool(threads, PythonFrontEnd.threadFactory("oomlint-worker"));
  }
}
