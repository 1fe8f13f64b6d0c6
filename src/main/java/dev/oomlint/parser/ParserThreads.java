package dev.oomlint.parser;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads with a stack large enough for any parse ({@link PythonFrontEnd#parse} runs directly on
 * them instead of handing the text to one). Apart from {@link PythonFrontEnd}, so that starting one
 * at start-up does not load the front end on the starting thread.
 */
public final class ParserThreads {
  /** Stack reserved for parser threads; only the pages a deep parse touches are ever committed. */
  static final long STACK_BYTES = 512L * 1024 * 1024;

  private ParserThreads() {}

  /** A started daemon parser thread named {@code name} running {@code r}. */
  public static Thread start(Runnable r, String name) {
    Thread t = newThread(r, name);
    t.start();
    return t;
  }

  /** A daemon parser thread named {@code name} running {@code r}, not started. */
  static Thread newThread(Runnable r, String name) {
    Thread t = new ParserThread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** A factory of daemon parser threads named {@code namePrefix-1}, {@code namePrefix-2}, ... */
  static ThreadFactory factory(String namePrefix) {
    return new Factory(namePrefix);
  }

  /** A class, not a lambda: the first lambda a JVM links costs milliseconds of start-up. */
  private static final class Factory implements ThreadFactory {
    private final String prefix;
    private final AtomicInteger count = new AtomicInteger();

    Factory(String prefix) {
      this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable r) {
      return ParserThreads.newThread(r, prefix + "-" + count.incrementAndGet());
    }
  }

  /** Whether the current thread is a parser thread. */
  static boolean onParserThread() {
    return Thread.currentThread() instanceof ParserThread;
  }

  private static final class ParserThread extends Thread {
    ParserThread(Runnable r, String name) {
      super(null, r, name, STACK_BYTES);
    }
  }
}
