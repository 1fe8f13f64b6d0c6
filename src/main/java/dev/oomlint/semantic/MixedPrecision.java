package dev.oomlint.semantic;

import dev.oomlint.ast.AstWalker;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Support;
import java.util.List;
import java.util.Locale;

/**
 * Whether a file chooses a lower precision than float32 anywhere, or hands the choice to something
 * the file does not show: {@code autocast}, a {@code GradScaler}, {@code .half()}, bfloat16/float16
 * dtypes, {@code bf16=}/{@code fp16=}, Lightning's {@code precision=}, Accelerate's
 * {@code mixed_precision} (an {@code Accelerator} reads it from its config file too), DeepSpeed or
 * Lightning Fabric (their configs choose it), NVIDIA apex, 8-/4-bit quantized training, or an
 * {@code amp}/{@code fp16} switch of the script's own.
 */
public final class MixedPrecision {
  private MixedPrecision() {}

  /** Lower-case pieces of an identifier, keyword, attribute or string that show a precision choice. */
  private static final List<String> PIECES = List.of("autocast", "gradscaler", "bf16", "fp16", "float16",
      "half", "mixed_precision", "precision", "amp", "apex", "deepspeed", "accelerator", "fabric", "fp8",
      "load_in_8bit", "load_in_4bit", "bitsandbytes", "quantiz", "kbit", "int8", "torch_dtype");

  /** Whether the file shows (or delegates) a precision choice below float32 anywhere. */
  public static boolean chosenInFile(SemanticModel sm) {
    boolean[] hit = {false};
    AstWalker.walk(sm.module(), n -> {
      if (hit[0]) {
        return;
      }
      String word = null;
      if (n instanceof Expr.Name nm) {
        word = nm.id();
      } else if (n instanceof Expr.Attribute a) {
        word = a.attr();
      } else if (n instanceof Support.Keyword k) {
        word = k.arg();
      } else if (n instanceof Support.Alias al) {
        word = al.name();
      } else if (n instanceof Expr.Constant) {
        word = Calls.string((Expr) n);
      }
      if (word != null && shows(word)) {
        hit[0] = true;
      }
    });
    return hit[0];
  }

  private static boolean shows(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    for (String p : PIECES) {
      if (p.equals("amp") ? hasAmpWord(w) : w.contains(p)) {
        return true;
      }
    }
    return false;
  }

  /** {@code amp} as a word of its own ({@code use_amp}, {@code torch.amp}, {@code --amp}), not in {@code sample}. */
  private static boolean hasAmpWord(String w) {
    for (String part : w.split("[^a-z0-9]+")) {
      if (part.equals("amp")) {
        return true;
      }
    }
    return false;
  }
}
