package dev.oomlint.semantic;

import dev.oomlint.ast.AstWalker;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.Stmt;
import java.util.Set;

/**
 * A module's self-test: the {@code if __name__ == "__main__":} block at the bottom of a module that
 * other files of the project import, which builds the module's network and feeds it made-up tensors
 * ({@code torch.randn(1, 4, 128, 128).cuda()}), reading no data and no command line: a shape check or
 * a memory probe run by hand, if ever (kohya-ss's {@code sdxl_original_unet.py} "pseudo training loop
 * to check memory usage"). Its code is test code: the project's programs are elsewhere.
 */
final class SelfTests {
  private SelfTests() {}

  /** Calls that make made-up tensors (qualified names, or their prefixes ending in a dot). */
  private static final Set<String> MADE_UP = Set.of("torch.randn", "torch.rand", "torch.randint", "torch.randn_like",
      "torch.rand_like", "torch.randint_like", "torch.ones", "torch.zeros", "torch.full", "torch.empty",
      "torch.ones_like", "torch.zeros_like", "tensorflow.ones", "tensorflow.zeros", "tensorflow.random.normal",
      "tensorflow.random.uniform", "numpy.random.", "jax.random.", "torch.Tensor", "torch.FloatTensor");

  /** Functions and methods that read data, a checkpoint or the command line, or train on data: the block is a program. */
  private static final Set<String> READS = Set.of("open", "DataLoader", "ImageFolder", "load_dataset",
      "read_csv", "imread", "load", "from_pretrained", "load_state_dict", "load_weights", "load_from_checkpoint",
      "glob", "listdir", "walk", "loadtxt", "urlopen", "parse_args", "ArgumentParser", "fit", "fit_generator");

  /** The self-test block of the file, or null (no such block, a notebook, or a module nothing imports). */
  static Stmt.If find(SemanticModel sm, ProjectView project) {
    String path = sm.file().path();
    if (path == null || !path.endsWith(".py") || project == ProjectView.NONE) {
      return null;
    }
    String base = path.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1, base.length() - ".py".length());
    Stmt.If main = null;
    for (Stmt s : sm.module().body()) {
      if (s instanceof Stmt.If i && isMainGuard(i.test())) {
        main = i;
      }
    }
    if (main == null || base.equals("__init__") || base.equals("__main__") || !selfTest(sm, main)
        || !project.othersMayMention(base)) {
      return null;
    }
    return main;
  }

  private static boolean isMainGuard(Expr test) {
    return test instanceof Expr.Compare cmp && cmp.left() instanceof Expr.Name n && n.id().equals("__name__")
        && cmp.comparators().size() == 1 && cmp.comparators().get(0) instanceof Expr.Constant c
        && c.value() instanceof dev.oomlint.ast.ConstValue.Str str && str.value().equals("__main__");
  }

  private static boolean selfTest(SemanticModel sm, Stmt.If main) {
    boolean[] madeUp = {false};
    boolean[] reads = {false};
    for (Stmt s : main.body()) {
      AstWalker.descend(s, n -> {
        if (reads[0]) {
          return false;
        }
        if (n instanceof Expr.Call c) {
          String f = c.func() instanceof Expr.Name name ? name.id() : AstUtil.methodName(c);
          String q = sm.qualifiedName(c.func());
          if (f != null && READS.contains(f) || q != null && (q.startsWith("argparse.") || q.startsWith("absl.")
              || q.startsWith("fire.") || q.startsWith("click.") || q.startsWith("torchvision.datasets.")
              || q.startsWith("datasets."))) {
            reads[0] = true;
          } else if (q != null && (MADE_UP.contains(q) || q.startsWith("numpy.random.") || q.startsWith("jax.random."))) {
            madeUp[0] = true;
          }
        } else if (n instanceof Expr.Attribute a && a.value() instanceof Expr.Name s2 && s2.id().equals("sys")
            && a.attr().equals("argv")) {
          reads[0] = true;
        }
        return !(n instanceof Stmt.FunctionDef) && !(n instanceof Stmt.ClassDef) && !(n instanceof Expr.Lambda);
      });
    }
    return madeUp[0] && !reads[0];
  }
}
