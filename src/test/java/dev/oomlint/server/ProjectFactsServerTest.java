package dev.oomlint.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.parser.PythonFrontEnd;
import dev.oomlint.rules.checks.RuleRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The language server checks one document, and still knows the facts of the project's other files. */
class ProjectFactsServerTest {
  @TempDir
  Path dir;

  private List<String> codes(Path file, String text) {
    ProjectConfig config = ProjectConfig.forDocument(file, RuleRegistry.all());
    return config.engine(f -> PythonFrontEnd.parse(f), false)
        .checkText(text, config.displayPath(file), file).result().diagnostics().stream().map(Diagnostic::code)
        .toList();
  }

  @Test
  void anEditedDocumentUsesTheProjectsDecoratorAndDeclaredTransformers() throws IOException {
    Files.writeString(dir.resolve("setup.py"), "from setuptools import setup\nsetup(install_requires=[\"transformers>=5\"])\n");
    Files.writeString(dir.resolve("pyproject.toml"), "[tool.oomlint]\nextend-select = [\"OOM301\", \"OOM403\"]\n");
    Files.createDirectories(dir.resolve("utils"));
    Files.writeString(dir.resolve("utils/no_grad.py"), """
        import torch
        from contextlib import contextmanager


        @contextmanager
        def frozen():
            with torch.inference_mode():
                yield
        """);
    Path file = dir.resolve("predict.py");
    String body = """
        import torch
        from transformers import AutoModelForCausalLM
        from utils.no_grad import frozen

        __all__ = ["predict"]  # used elsewhere: code nothing uses is never reported

        def predict(model, x, device):
            model.eval()
            %s
            return model(x.to(device))

        llm = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-2-7b-hf").to("cuda")
        """;
    // the editor's text, not yet saved: the document need not exist on disk
    assertEquals(List.of("OOM301"), codes(file, body.formatted("pass")));
    assertEquals(List.of(), codes(file, body.formatted("with frozen():\n        pass").replace(
        "    return model", "        return model")));
    Files.writeString(dir.resolve("setup.py"), "from setuptools import setup\nsetup(install_requires=[\"transformers\"])\n");
    assertTrue(codes(file, body.formatted("pass")).contains("OOM403"));
  }
}
