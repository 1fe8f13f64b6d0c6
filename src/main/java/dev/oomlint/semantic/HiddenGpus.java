package dev.oomlint.semantic;

import dev.oomlint.ast.AstWalker;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Mod;
import dev.oomlint.ast.Stmt;

/**
 * Files that hide every GPU from the process: a top-level {@code os.environ["CUDA_VISIBLE_DEVICES"] = "-1"}
 * (or {@code ""}) that no other statement of the file sets to something else (conversion and export
 * scripts do this so that nothing lands on a GPU; a notebook's {@code %env CUDA_VISIBLE_DEVICES=-1}
 * counts too). CUDA then sees no device: PyTorch, TensorFlow and JAX all run on the CPU, and no GPU
 * memory is at stake anywhere in the file.
 */
public final class HiddenGpus {
  private static final String KEY = "CUDA_VISIBLE_DEVICES";

  private HiddenGpus() {}

  /** Whether {@code module} hides every GPU from its process (see the class comment). */
  public static boolean in(Mod.Module module, String text) {
    if (!text.contains(KEY)) {
      return false;
    }
    boolean hidden = false;
    for (Stmt s : module.body()) {
      Boolean h = hides(s);
      hidden |= Boolean.TRUE.equals(h);
    }
    if (!hidden) {
      return false;
    }
    boolean[] other = {false};
    AstWalker.walk(module, n -> {
      if (n instanceof Stmt s && Boolean.FALSE.equals(hides(s))) {
        other[0] = true;
      }
    });
    return !other[0];
  }

  /**
   * True: the statement sets {@code CUDA_VISIBLE_DEVICES} to {@code ""} or {@code "-1"} (hiding the GPUs);
   * false: it sets it to something else; null: it does not set it.
   */
  static Boolean hides(Stmt s) {
    if (s instanceof Stmt.Assign a && a.targets().size() == 1 && a.targets().get(0) instanceof Expr.Subscript sub
        && KEY.equals(Calls.string(sub.slice()))) {
      String v = Calls.string(a.value());
      return v != null && (v.isBlank() || v.strip().equals("-1"));
    }
    return null;
  }
}
