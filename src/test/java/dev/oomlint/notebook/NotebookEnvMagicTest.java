package dev.oomlint.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oomlint.engine.Linter;
import dev.oomlint.rules.checks.TfGpuMemoryNotLimited;
import dev.oomlint.source.NotebookDocument;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A notebook's {@code %env} magic sets the environment the rules see, as IPython sets it. */
class NotebookEnvMagicTest {
  private static int findings(Nb nb) throws Exception {
    NotebookSource src = NotebookSource.read(nb.json().getBytes(StandardCharsets.UTF_8), "nb.ipynb");
    return new Linter(List.of(new TfGpuMemoryNotLimited())).lint(new NotebookDocument(src), Set.of())
        .diagnostics().size();
  }

  private static final String TRAIN = "model = tf.keras.Sequential([tf.keras.layers.Dense(10)])\n"
      + "model.compile('adam', 'mse')\nmodel.fit(x, y, epochs=3)";

  @Test
  void memoryGrowthSetWithEnvMagicIsSeen() throws Exception {
    assertEquals(0, findings(Nb.notebook().code("%env TF_FORCE_GPU_ALLOW_GROWTH=true").code("import tensorflow as tf")
        .code(TRAIN)));
    assertEquals(0, findings(Nb.notebook().code("%set_env CUDA_VISIBLE_DEVICES -1\nimport tensorflow as tf")
        .code(TRAIN)));
  }

  @Test
  void otherMagicsAndOtherVariablesChangeNothing() throws Exception {
    assertEquals(1, findings(Nb.notebook().code("%env CUDA_VISIBLE_DEVICES=0\n%matplotlib inline")
        .code("import tensorflow as tf").code(TRAIN)));
  }
}
