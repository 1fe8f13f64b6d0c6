package dev.oomlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomlint.testing.Cli;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Facts of a project's other files, through {@code check} on a directory and on single files: a
 * project's own decorator wrapping {@code torch.inference_mode} silences OOM301 (issue #12, class 6),
 * and the declared transformers version silences OOM403.
 */
class ProjectFactsCommandTest {
  @TempDir
  Path tmp;

  private Path write(String rel, String content) throws IOException {
    return Cli.write(tmp, rel, content);
  }

  private Cli.Run check(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "check";
    all[1] = "--output-format=concise";
    all[2] = "--extend-select=OOM301,OOM403"; // opt-in rules whose project facts these tests exercise
    System.arraycopy(args, 0, all, 3, args.length);
    return new Cli(tmp).toolbox(Toolbox.builtIn()).run(all);
  }

  /** yolov5's smart_inference_mode: a decorator factory choosing inference_mode or no_grad. */
  private static final String TORCH_UTILS = """
      import torch


      def smart_inference_mode(torch_1_9=True):
          \"\"\"inference_mode() if torch>=1.9.0 else no_grad(), as a decorator.\"\"\"

          def decorate(fn):
              return (torch.inference_mode if torch_1_9 else torch.no_grad)()(fn)

          return decorate


      def no_grad_wrapper(fn):
          import functools

          @functools.wraps(fn)
          def wrapper(*args, **kwargs):
              with torch.no_grad():
                  return fn(*args, **kwargs)

          return wrapper


      def timed(fn):
          def wrapper(*args, **kwargs):
              return fn(*args, **kwargs)

          return wrapper


      def frozen():
          return torch.inference_mode()
      """;

  private static String evaluate(String imports, String decorator) {
    return imports + "\n__all__ = [\"evaluate\"]  # used elsewhere: code nothing uses is never reported\n\n" + decorator + """

        def evaluate(model, loader, device):
            model.eval()
            total = 0
            for x, y in loader:
                x, y = x.to(device), y.to(device)
                logits = model(x)
                total += (logits.argmax(1) == y).sum().item()
            return total
        """;
  }

  private void project() throws IOException {
    write("pyproject.toml", "[project]\nname = \"p\"\n");
    write("utils/__init__.py", "");
    write("utils/torch_utils.py", TORCH_UTILS);
  }

  private static boolean oom301(Cli.Run r, String file) {
    return r.out().contains(file + ":") && r.out().lines().anyMatch(l -> l.startsWith(file + ":") && l.contains("OOM301"));
  }

  @Test
  void aProjectDecoratorWrappingInferenceModeIsSilentOnADirectoryAndOnOneFile() throws IOException {
    project();
    write("val.py", evaluate("from utils.torch_utils import smart_inference_mode", "@smart_inference_mode()"));
    write("plain.py", evaluate("from utils.torch_utils import smart_inference_mode", ""));
    Cli.Run dir = check(".");
    assertFalse(oom301(dir, "val.py"), dir.out());
    assertTrue(oom301(dir, "plain.py"), "without the decorator the finding stays: " + dir.out());
    Cli.Run one = check("val.py");
    assertEquals(0, one.code(), "one file (pre-commit passes only changed files): " + one.out());
  }

  @Test
  void decoratorsThatDoNotDisableGradKeepTheFinding() throws IOException {
    project();
    write("val.py", evaluate("from utils.torch_utils import timed", "@timed"));
    assertTrue(oom301(check("val.py"), "val.py"));
  }

  @Test
  void aPlainDecoratorAContextFactoryAndAnAliasedImport() throws IOException {
    project();
    write("a.py", evaluate("from utils.torch_utils import no_grad_wrapper", "@no_grad_wrapper"));
    write("b.py", evaluate("import utils.torch_utils as tu", "@tu.smart_inference_mode()"));
    write("c.py", evaluate("from utils import torch_utils", "@torch_utils.frozen()"));
    Cli.Run r = check(".");
    assertEquals(0, r.code(), r.out());
  }

  @Test
  void reExportsStarImportsRelativeImportsSiblingsAndSrcLayouts() throws IOException {
    project();
    write("utils/__init__.py", "from .torch_utils import smart_inference_mode\n");
    write("reexport.py", evaluate("from utils import smart_inference_mode", "@smart_inference_mode()"));
    write("star.py", evaluate("from utils.torch_utils import *", "@smart_inference_mode()"));
    write("scripts/deep/val.py", evaluate("from utils.torch_utils import smart_inference_mode",
        "@smart_inference_mode()"));
    write("pkg/__init__.py", "");
    write("pkg/helpers.py", TORCH_UTILS);
    write("pkg/engine.py", evaluate("from .helpers import smart_inference_mode", "@smart_inference_mode()"));
    write("pkg/sub/__init__.py", "");
    write("pkg/sub/run.py", evaluate("from ..helpers import *", "@no_grad_wrapper"));
    write("tools/grad.py", TORCH_UTILS);
    write("tools/val.py", evaluate("from grad import smart_inference_mode", "@smart_inference_mode()"));
    write("src/mypkg/__init__.py", "");
    write("src/mypkg/nograd.py", TORCH_UTILS);
    write("src/mypkg/evaluate.py", evaluate("from mypkg.nograd import smart_inference_mode",
        "@smart_inference_mode()"));
    Cli.Run r = check(".");
    assertEquals(0, r.code(), r.out());
  }

  @Test
  void aModelWhoseForwardTheProjectDecoratesRunsWithoutGrad() throws IOException {
    project();
    write("models/__init__.py", "");
    write("models/common.py", """
        import torch
        import torch.nn as nn
        from utils.torch_utils import smart_inference_mode


        class AutoShape(nn.Module):
            def __init__(self, model):
                super().__init__()
                self.model = model

            @smart_inference_mode()
            def forward(self, ims):
                return self.model(ims)


        class Frozen(nn.Module):
            @torch.no_grad()
            def forward(self, x):
                return x


        class Plain(nn.Module):
            def forward(self, x):
                return x
        """);
    String predict = """
        import torch
        from models.common import %s

        __all__ = ["predict"]


        def predict(weights, ims, device):
            model = %s(torch.load(weights)).to(device)
            model.eval()
            return model(ims)
        """;
    write("a.py", predict.formatted("AutoShape", "AutoShape"));
    write("b.py", predict.formatted("Frozen", "Frozen"));
    write("c.py", predict.formatted("Plain", "Plain"));
    Cli.Run r = check(".");
    assertFalse(oom301(r, "a.py"), r.out());
    assertFalse(oom301(r, "b.py"), r.out());
    assertTrue(oom301(r, "c.py"), "a plain forward records: " + r.out());
  }

  @Test
  void nothingOutsideTheProjectRootIsRead() throws IOException {
    write("utils/torch_utils.py", TORCH_UTILS);
    write("proj/pyproject.toml", "[project]\nname = \"p\"\n");
    write("proj/val.py", evaluate("from utils.torch_utils import smart_inference_mode", "@smart_inference_mode()"));
    Cli.Run r = new Cli(tmp.resolve("proj")).toolbox(Toolbox.builtIn()).run("check", "--output-format=concise", "--extend-select=OOM301", "val.py");
    assertTrue(oom301(r, "val.py"), "utils/ lies above the project root: " + r.out());
  }

  @Test
  void aBrokenOrMissingModuleTellsNothing() throws IOException {
    project();
    write("utils/torch_utils.py", "def smart_inference_mode(:\n");
    write("val.py", evaluate("from utils.torch_utils import smart_inference_mode\nfrom missing import x",
        "@smart_inference_mode()"));
    Cli.Run r = check("val.py");
    assertTrue(oom301(r, "val.py"), r.out());
  }

  // ------------------------------------------------------------ OOM403 and the declared transformers version

  private static final String LOAD = """
      import torch
      from transformers import AutoModelForCausalLM

      model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-2-7b-hf").to("cuda")
      with torch.no_grad():
          out = model.generate(ids)
      """;

  private boolean oom403(String... args) {
    Cli.Run r = check(args);
    return r.out().contains("OOM403");
  }

  @Test
  void transformersFiveDeclaredInRequirementsSilencesOom403() throws IOException {
    write("load.py", LOAD);
    assertTrue(oom403("load.py"), "nothing declared: the finding stays");
    write("requirements.txt", "# deps\ntorch>=2.1\ntransformers[torch]>=5.0.0 ; python_version >= \"3.9\"\n");
    assertFalse(oom403("load.py"));
    write("requirements.txt", "transformers>=4.40,<6\n");
    Cli.Run r = check("load.py");
    assertTrue(r.out().contains("(transformers before v5, which `transformers>=4.40,<6` in requirements.txt allows;"),
        r.out());
  }

  private static final String QUANTIZED = """
      from transformers import AutoModelForCausalLM

      model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-2-7b-hf", load_in_4bit=True, device_map="auto")
      """;

  @Test
  void aTransformersPinnedBeforeFiveSilencesOom502() throws IOException {
    write("demo.py", QUANTIZED);
    assertTrue(check("demo.py").out().contains("OOM502"), "nothing declared: v5 drops the keyword");
    write("requirements.txt", "torch\ntransformers==4.34.0\n");
    assertFalse(check("demo.py").out().contains("OOM502"), "4.34 takes the keyword and quantizes");
    write("requirements.txt", "transformers>=4.34,<4.50\n");
    assertFalse(check("demo.py").out().contains("OOM502"));
    write("requirements.txt", "transformers>=4.34\n");
    assertTrue(check("demo.py").out().contains("OOM502"), "v5 is allowed");
    Cli.Run option = check("--config=opt.toml", "demo.py");
    write("opt.toml", "target-transformers = \"4.40\"\n");
    option = check("--config=opt.toml", "demo.py");
    assertFalse(option.out().contains("OOM502"), "the option names a release before 5: " + option.out());
  }

  @Test
  void aHubBeforeOneHoldsTransformersBeforeFive() throws IOException {
    // val28 BachelorST: no transformers line, but huggingface-hub==0.16.4 (transformers 5 needs hub 1.x)
    write("a/demo.py", QUANTIZED);
    write("a/requirements.txt", "torch\nhuggingface-hub==0.16.4\npeft==0.5.0\n");
    write("b/demo.py", QUANTIZED);
    write("b/requirements.txt", "huggingface_hub<1.0\n");
    write("c/demo.py", QUANTIZED);
    write("c/requirements.txt", "huggingface_hub>=0.20\n");
    write("d/demo.py", QUANTIZED);
    write("d/requirements.txt", "transformers>=4.40\nhuggingface-hub==0.24.0\n"); // pip can only pick a 4.x
    write("e/demo.py", QUANTIZED);
    write("e/requirements.txt", "transformers>=4.40\nhuggingface-hub>=0.24.0\n");
    Cli.Run r = check(".");
    assertFalse(r.out().contains("a/demo.py"), r.out());
    assertFalse(r.out().contains("b/demo.py"), r.out());
    assertTrue(r.out().contains("c/demo.py:"), r.out());
    assertFalse(r.out().contains("d/demo.py"), r.out());
    assertTrue(r.out().contains("e/demo.py:"), r.out());
  }

  private static final String AMP = """
      import torch

      scaler = torch.cuda.amp.GradScaler()
      for x, y in loader:
          with torch.cuda.amp.autocast():
              loss = model(x.cuda()).loss
          scaler.scale(loss).backward()
      """;

  @Test
  void aTorchPinnedBeforeTheDeprecationSilencesOom501() throws IOException {
    write("a/train.py", AMP);
    write("a/requirements.txt", "torch==2.0.0+cu117\n");
    write("b/train.py", AMP);
    write("b/environment.yml", "channels:\n  - pytorch\ndependencies:\n  - pytorch=1.13.1\n");
    write("c/train.py", AMP);
    write("c/requirements.txt", "torch>=1.13\n");
    write("d/train.py", AMP);
    // no torch line, but torchvision 0.15 is built for torch 2.0 only; >=0.15 allows 0.19 (torch 2.4)
    write("e/train.py", AMP);
    write("e/requirements.txt", "monai==1.2.0\ntorchvision==0.15.2\n");
    write("f/train.py", AMP);
    write("f/requirements.txt", "torchvision>=0.15\n");
    Cli.Run r = check(".");
    assertEquals(6, r.out().lines().filter(l -> l.contains(": OOM501")).count(), r.out());
    assertTrue(r.out().contains("c/train.py:") && r.out().contains("d/train.py:") && r.out().contains("f/train.py:"),
        r.out());
    assertFalse(r.out().contains("a/train.py:") || r.out().contains("b/train.py:") || r.out().contains("e/train.py:"),
        r.out());
  }

  /** A notebook of two code cells: an install cell, then {@code code}. */
  private static String notebook(String install, String code) {
    com.google.gson.JsonArray cells = new com.google.gson.JsonArray();
    for (String src : new String[] {install, code}) {
      com.google.gson.JsonObject cell = new com.google.gson.JsonObject();
      cell.addProperty("cell_type", "code");
      cell.add("metadata", new com.google.gson.JsonObject());
      cell.add("outputs", new com.google.gson.JsonArray());
      com.google.gson.JsonArray lines = new com.google.gson.JsonArray();
      src.lines().forEach(l -> lines.add(l + "\n"));
      cell.add("source", lines);
      cells.add(cell);
    }
    com.google.gson.JsonObject nb = new com.google.gson.JsonObject();
    nb.add("cells", cells);
    nb.add("metadata", new com.google.gson.JsonObject());
    nb.addProperty("nbformat", 4);
    nb.addProperty("nbformat_minor", 5);
    return nb.toString();
  }

  @Test
  void aFilesOwnInstallCommandDecidesTheRelease() throws IOException {
    // the notebook installs the release its cells run with, whatever the project declares
    write("a/pinned.ipynb", notebook("!pip install -q transformers==4.37.2 peft", QUANTIZED));
    write("a/open.ipynb", notebook("import os", QUANTIZED));
    write("a/requirements.txt", "transformers>=4.34\n");
    write("b/latest.ipynb", notebook("%pip install -U transformers accelerate", QUANTIZED));
    write("b/plain.ipynb", notebook("import os", QUANTIZED));
    write("b/requirements.txt", "transformers==4.34.0\n");
    write("databricks/train.py", "# Databricks notebook source\n# MAGIC %pip install torch==2.0.1 accelerate\n\n" + AMP);
    write("scripts/train.py", AMP);
    // a lesson's own page beside it gives the setup; a commented-out install is no install
    write("a/lesson.ipynb", notebook("import os", QUANTIZED));
    write("a/lesson.md", "# Lesson\n\n```shell\npip install transformers==4.35.2 peft\n```\n");
    write("b/commented.py", "# !pip install -U transformers\n" + QUANTIZED);
    // an output's advice to upgrade is no install: only code cells install
    com.google.gson.JsonObject withOutput = com.google.gson.JsonParser.parseString(
        notebook("!pip install transformers==4.40.1", QUANTIZED)).getAsJsonObject();
    com.google.gson.JsonObject stream = new com.google.gson.JsonObject();
    stream.addProperty("output_type", "stream");
    stream.addProperty("name", "stderr");
    stream.addProperty("text", "ImportError: run `pip install -U transformers` and retry\n");
    withOutput.getAsJsonArray("cells").get(0).getAsJsonObject().getAsJsonArray("outputs").add(stream);
    write("a/with_output.ipynb", withOutput.toString());
    Cli.Run r = check(".");
    assertFalse(r.out().contains("a/lesson.ipynb"), "lesson.md installs 4.35.2: " + r.out());
    assertFalse(r.out().contains("b/commented.py"), "the project's pin applies: " + r.out());
    assertFalse(r.out().contains("a/with_output.ipynb"), "the cell installs 4.40.1: " + r.out());
    assertFalse(r.out().contains("a/pinned.ipynb"), "4.37.2 takes the keyword: " + r.out());
    assertTrue(r.out().contains("latest.ipynb"), "the notebook upgrades past the project's pin: " + r.out());
    assertFalse(r.out().contains("plain.ipynb"), "the project's pin applies: " + r.out());
    assertTrue(r.out().contains("a/open.ipynb"), "the project allows v5: " + r.out());
    assertFalse(r.out().contains("databricks/train.py"), "torch 2.0.1 has no deprecation: " + r.out());
    assertTrue(r.out().contains("scripts/train.py"), "nothing pins torch for this script: " + r.out());
  }

  @Test
  void aTensorFlowOneProjectRunsPredictInItsSessionGraph() throws IOException {
    String predictLoop = """
        import numpy as np
        from keras.models import load_model

        model = load_model("gen.h5")
        for step in range(20000):
            frame = model.predict(np.random.normal(size=(1, 100)))
        """;
    write("tf1/run.py", predictLoop);
    write("tf1/requirements.txt", "Keras==2.2.4\ntensorflow-gpu==1.14.0\n");
    write("tf2/run.py", predictLoop);
    write("tf2/requirements.txt", "tensorflow>=2.4\n");
    Cli.Run r = check("--select", "OOM505", ".");
    assertFalse(r.out().contains("tf1/run.py"), "TensorFlow 1 builds nothing per predict: " + r.out());
    assertTrue(r.out().contains("tf2/run.py"), r.out());
  }

  @Test
  void aReadmePinDeclaresTheRelease() throws IOException {
    write("course/README.md", "# Course\n\n## Versions\n\n- torch==2.2.1+cu118\n- transformers==4.42.4\n");
    write("course/ch4/qlora.py", QUANTIZED);
    write("course/ch4/amp.py", AMP);
    write("fork/README.md", "```\n$ conda create python==3.7.9 pytorch==1.7.1 cudatoolkit=10.2 -c pytorch -p ./env\n```\n");
    write("fork/requirements.txt", "sentencepiece\n");
    write("fork/src/trainer.py", AMP);
    write("other/README.md", "Works with transformers 4.40 or newer; `pip install -U transformers`.\n");
    write("other/run.py", QUANTIZED);
    Cli.Run r = check(".");
    assertFalse(r.out().contains("course/"), r.out());
    assertFalse(r.out().contains("fork/"), "the conda command pins torch 1.7.1: " + r.out());
    assertTrue(r.out().contains("other/run.py"), "no exact pin: " + r.out());
  }

  @Test
  void aModuleNamedSetupPyIsNoProjectRoot() throws IOException {
    // a vendored project pins torch; its eval/ package has a setup.py that sets up a run, not a package
    write("vendor/dino/requirements.txt", "torch==2.0.0\n");
    write("vendor/dino/setup.py", "from setuptools import setup\nsetup(name=\"dino\")\n");
    write("vendor/dino/dino/eval/setup.py", "import argparse\n\n\ndef setup(args):\n    return args\n");
    write("vendor/dino/dino/eval/knn.py", AMP);
    Cli.Run r = check(".");
    assertFalse(r.out().contains("OOM501"), "the pin above eval/ applies: " + r.out());
  }

  @Test
  void aVendoredProjectRunsWithTheReleaseTheRepositoryAroundItPins() throws IOException {
    // xl-sum: seq2seq/README.md creates the environment with pytorch==1.7.1; its vendored copy of
    // transformers (a project of its own) asks only torch>=1.0 and calls torch.cuda.amp
    write("seq2seq/README.md", "```\n$ conda create python==3.7.9 pytorch==1.7.1 -c pytorch -p ./env\n```\n");
    write("seq2seq/transformers/setup.py", "from setuptools import setup\nsetup(name='t', install_requires=['torch>=1.0'])\n");
    write("seq2seq/transformers/src/t/trainer.py", AMP);
    // a vendored project that asks for a release newer than the pin around it keeps its own
    write("seq2seq/other/setup.py", "from setuptools import setup\nsetup(name='o', install_requires=['torch>=2.4'])\n");
    write("seq2seq/other/amp.py", AMP);
    // a floor around a vendored project says nothing of the release
    write("floor/README.md", "pip install torch>=1.7\n");
    write("floor/lib/setup.py", "from setuptools import setup\nsetup(name='l')\n");
    write("floor/lib/amp.py", AMP);
    Cli.Run r = check(".");
    assertFalse(r.out().contains("seq2seq/transformers/"), "the repository's pin applies: " + r.out());
    assertTrue(r.out().contains("seq2seq/other/amp.py:"), r.out());
    assertTrue(r.out().contains("floor/lib/amp.py:"), r.out());
    // run from inside the vendored project, nothing around it is read
    Cli.Run inside = new Cli(tmp.resolve("seq2seq/transformers")).toolbox(Toolbox.builtIn())
        .run("check", "--output-format=concise", ".");
    assertTrue(inside.out().contains("OOM501"), inside.out());
  }

  @Test
  void condaEnvironmentsNamedOtherwiseAndInstallationPagesDeclareTorch() throws IOException {
    // val28: OSTrack's ostrack_cuda113_env.yaml pins pytorch=1.10.0; MASR's docs/install.md runs
    // conda install pytorch==2.0.1 (its README names no exact pin)
    write("ostrack/ostrack_cuda113_env.yaml", "name: ostrack\ndependencies:\n  - pytorch=1.10.0=py3.8_cuda11.3_cudnn8.2.0_0\n");
    write("ostrack/lib/trainer.py", AMP);
    write("masr/README.md", "# MASR\nSee docs/install.md.\n");
    write("masr/docs/install.md", "```shell\nconda install pytorch==2.0.1 torchvision==0.15.2 -c pytorch\n```\n");
    write("masr/masr/trainer.py", AMP);
    // a YAML file that is no environment, and an install page pinning nothing, declare nothing
    write("other/config_env.yaml", "lr: 0.1\nbatch_size: 8\n");
    write("other/INSTALL.md", "pip install torch\n");
    write("other/train.py", AMP);
    Cli.Run r = check(".");
    assertFalse(r.out().contains("ostrack/"), r.out());
    assertFalse(r.out().contains("masr/"), r.out());
    assertTrue(r.out().contains("other/train.py:"), r.out());
  }

  @Test
  void aBareNameSaysNothingOfTheReleaseAReadmePinDoes() throws IOException {
    // val29 VMamba: requirements.txt lists torch without a version, the README installs torch==2.2
    write("vm/requirements.txt", "torch # for full alignment 2.2.0\ntorchvision\n");
    write("vm/README.md", "```bash\npip install torch==2.2 torchvision torchaudio triton\n```\n");
    write("vm/main.py", AMP);
    // a version in the requirements file is the project's word, whatever the README says
    write("lo/requirements.txt", "torch>=2.4\n");
    write("lo/README.md", "pip install torch==2.2\n");
    write("lo/main.py", AMP);
    // val29 kaggle_birdclef2024: no torch line, torchaudio==2.2.2 (built for torch 2.2.2)
    write("au/requirements.txt", "torchaudio==2.2.2\ntimm\n");
    write("au/main.py", AMP);
    write("au2/requirements.txt", "torchaudio>=2.2\n");
    write("au2/main.py", AMP);
    write("un/requirements.txt", "torch\n");
    write("un/main.py", AMP);
    Cli.Run r = check(".");
    assertFalse(r.out().contains("vm/main.py"), r.out());
    assertTrue(r.out().contains("lo/main.py:"), r.out());
    assertTrue(r.out().contains("un/main.py:"), r.out());
    assertFalse(r.out().contains("au/main.py"), r.out());
    assertTrue(r.out().contains("au2/main.py:"), r.out());
  }

  @Test
  void pyprojectSetupPySetupCfgAndPoetryDeclareItToo() throws IOException {
    write("a/load.py", LOAD);
    write("a/pyproject.toml", "[project]\nname = \"a\"\ndependencies = [\"torch\", \"transformers==5.2.*\"]\n");
    write("b/load.py", LOAD);
    write("b/setup.py", "from setuptools import setup\nsetup(name='b', install_requires=['transformers~=5.1'])\n");
    write("c/load.py", LOAD);
    write("c/setup.cfg", "[metadata]\nname = c\n\n[options]\ninstall_requires =\n    numpy\n    transformers >= 5\n");
    write("d/load.py", LOAD);
    write("d/pyproject.toml", "[tool.poetry.dependencies]\npython = \"^3.10\"\ntransformers = \"^5.0\"\n");
    write("e/load.py", LOAD);
    write("e/pyproject.toml", "[project]\nname = \"e\"\ndependencies = [\"transformers>=4.57\"]\n");
    Cli.Run r = check(".");
    assertEquals(1, r.out().lines().filter(l -> l.contains("OOM403")).count(), r.out());
    assertTrue(r.out().contains("e/load.py:"), r.out());
    assertTrue(r.out().contains("which `transformers>=4.57` in e/pyproject.toml allows"), r.out());
  }

  @Test
  void theTargetTransformersOptionWinsOverTheRequirement() throws IOException {
    write("load.py", LOAD);
    write("requirements.txt", "transformers>=4.40\n");
    assertFalse(oom403("--target-transformers", "5", "load.py"));
    assertTrue(oom403("--target-transformers", "4.46", "load.py"));
    write("pyproject.toml", "[tool.oomlint]\ntarget-transformers = \"5.0\"\n");
    assertFalse(oom403("load.py"));
    Cli.Run r = check("--target-transformers", "4.46", "load.py");
    assertTrue(r.out().contains("which `target-transformers = \"4.46\"` in the command line allows"), r.out());
    Cli.Run bad = check("--target-transformers", "five", "load.py");
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("'--target-transformers'"), bad.err());
    write("pyproject.toml", "[tool.oomlint]\ntarget-transformers = \">=5\"\n");
    Cli.Run badConfig = check("load.py");
    assertEquals(2, badConfig.code());
    assertTrue(badConfig.err().contains("option 'target-transformers'"), badConfig.err());
  }

  /**
   * OOM507: a helper imported from a project module that configures TensorFlow's GPU memory limits
   * memory where it is called; one from a module that does not, does not.
   */
  @Test
  void aProjectHelperThatSetsMemoryGrowthLimitsTensorFlowMemory() throws IOException {
    write("pyproject.toml", "[project]\nname = \"det\"\n");
    write("common/__init__.py", "");
    write("common/utils.py", """
        def optimize_tf_gpu(tf, K):
            gpus = tf.config.experimental.list_physical_devices("GPU")
            for gpu in gpus:
                tf.config.experimental.set_memory_growth(gpu, True)
        """);
    write("common/data.py", """
        def get_classes(path):
            with open(path) as f:
                return [c.strip() for c in f]
        """);
    String script = """
        import tensorflow as tf
        import tensorflow.keras.backend as K
        from tensorflow.keras.models import load_model
        from common.%s import %s

        %s(%s)
        model = load_model("yolo.h5")
        print(model.predict(images).shape)
        """;
    write("eval.py", script.formatted("utils", "optimize_tf_gpu", "optimize_tf_gpu", "tf, K"));
    write("other.py", script.formatted("data", "get_classes", "get_classes", "\"classes.txt\""));
    Cli.Run r = check("--select", "OOM507", ".");
    assertFalse(r.out().contains("eval.py"), r.out());
    assertTrue(r.out().contains("other.py:1:1: OOM507"), "a helper that does not touch GPU memory: " + r.out());
  }
}
