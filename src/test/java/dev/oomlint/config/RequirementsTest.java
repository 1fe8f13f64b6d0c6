package dev.oomlint.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RequirementsTest {
  private static final String T = "transformers";

  @Test
  void specifiers() {
    assertEquals("transformers>=4.36,<5", Requirements.fromSpecifier("transformers >= 4.36, < 5", T));
    assertEquals("transformers>=5", Requirements.fromSpecifier("Transformers[torch,sentencepiece]>=5 ; python_version>'3.9'", T));
    assertEquals("transformers", Requirements.fromSpecifier("transformers @ git+https://github.com/huggingface/transformers", T));
    assertEquals("transformers==4.40.0", Requirements.fromSpecifier("transformers (==4.40.0)", T));
    assertNull(Requirements.fromSpecifier("transformers-stream-generator>=0.0.4", T));
    assertNull(Requirements.fromSpecifier("sentence-transformers>=3", T));
  }

  @Test
  void lowestAllowedVersion() {
    assertEquals("4.36", Requirements.lowest("transformers>=4.36,<5", T));
    assertEquals("5.1", Requirements.lowest("transformers~=5.1", T));
    assertEquals("5.2", Requirements.lowest("transformers==5.2.*", T));
    assertEquals("5.0", Requirements.lowest("transformers^5.0", T));
    assertEquals("5", Requirements.lowest("transformers>4.9,>=5", T));
    assertNull(Requirements.lowest("transformers<5", T));
    assertNull(Requirements.lowest("transformers", T));
    assertNull(Requirements.lowest("transformers!=4.38", T));
  }

  @Test
  void installCommands() {
    // a notebook's JSON: the cell line ends at its escaped newline
    String nb = "{\"cells\": [{\"source\": [\"! pip install transformers==4.37.2 trl peft\\n\", \"import torch\"]}]}";
    assertEquals("transformers==4.37.2", Requirements.inInstallCommands(nb, T));
    assertNull(Requirements.inInstallCommands(nb, "torch"), "torch is imported, not installed");
    assertEquals("transformers<5", Requirements.inInstallCommands("%pip install -q -U 'transformers<5' accelerate", T));
    // the last install command is the release the code after it runs with
    assertEquals("transformers==4.30.2",
        Requirements.inInstallCommands("!pip install transformers==4.32.0\nx = 1\n!pip install transformers==4.30.2\n", T));
    assertEquals("transformers", Requirements.inInstallCommands("!pip install transformers==4.30\n!pip install -U transformers\n", T));
    assertEquals("transformers",
        Requirements.inInstallCommands("!pip install -q git+https://github.com/huggingface/transformers.git", T));
    assertEquals("torch==2.0.1", Requirements.inInstallCommands("# MAGIC %pip install torch==2.0.1 xformers", "torch"));
    assertEquals("torch==1.7.1", Requirements.inInstallCommands(
        "$ conda create python==3.7.9 pytorch==1.7.1 torchvision==0.8.2 cudatoolkit=10.2 -c pytorch", "torch"));
    assertEquals("torch==1.13.1", Requirements.inInstallCommands("conda install pytorch=1.13.1 -c pytorch", "torch"));
    assertNull(Requirements.inInstallCommands("!pip install sentence-transformers==2.2.2", T));
    assertNull(Requirements.inInstallCommands("we install transformers==4.30 elsewhere", T), "not a command");
    assertNull(Requirements.inInstallCommands("!pip install peft  # transformers==4.30", T), "a comment");
    assertNull(Requirements.inInstallCommands("import torch\n# !pip install torch\n", "torch"), "commented out");
    assertNull(Requirements.inInstallCommands("{\"source\": [\"# !pip install -U transformers\\n\"]}", T));
    assertNull(Requirements.inInstallCommands("Note that pip install transformers==4.30 breaks this.", T), "prose");
    assertEquals("transformers==4.31.0", Requirements.inInstallCommands("Run `pip install transformers==4.31.0` first.", T));
    assertEquals("torch==2.0.1", Requirements.inInstallCommands("%%capture\n!python -m pip install torch==2.0.1\n", "torch"));
    // where the command pattern is tried: only an installer's name, blanks, then install or create
    assertNull(Requirements.inInstallCommands("!my_pip install transformers==4.30\n", T), "not pip");
    assertNull(Requirements.inInstallCommands("!pip installer transformers==4.30\n", T), "not install");
    assertNull(Requirements.inInstallCommands("!pip uninstall -y transformers==4.30\n", T), "uninstall");
    assertEquals("transformers==4.30", Requirements.inInstallCommands("!pip   \t install transformers==4.30\n", T));
    assertEquals("transformers==4.31", Requirements.inInstallCommands(
        "# create the environment\n!pip install transformers==4.30\n!pip3 install transformers==4.31\n", T));
    assertEquals("transformers==4.30", Requirements.inInstallCommands(
        "!pip install transformers==4.30 && pip install -U transformers\n", T), "one command per line");
  }

  @Test
  void readmePins() {
    assertEquals("transformers==4.42.4", Requirements.inReadme("## Versions\n\n- torch==2.2.1+cu118\n\n- transformers==4.42.4\n", T));
    assertEquals("torch==2.2.1+cu118", Requirements.inReadme("* `torch==2.2.1+cu118`\n", "torch"));
    assertEquals("transformers==4.31.0", Requirements.inReadme("```\npip install transformers==4.31.0\n```\n", T));
    assertNull(Requirements.inReadme("Tested with transformers>=4.30 and torch 2.1.\n", T), "prose and ranges say too little");
    assertNull(Requirements.inReadme("pip install -U transformers\n", T), "an unpinned install in a README pins nothing");
    String catalogue = "# Community examples\n" + "text\n".repeat(1200) + "conda install pytorch==1.10.1 -c pytorch\n";
    assertNull(Requirements.inReadme(catalogue, "torch"), "a catalogue's pin belongs to one section");
    // a release named in a software table or a sentence (val31 RSNA 2023, val28 TransReID and MASR)
    assertEquals("torch==2.0.1", Requirements.inReadme("| name | url |\n| --- | --- |\n"
        + "| segmentation_models_pytorch 0.3.3 | x |\n| pytorch 2.0.1 | https://github.com/pytorch/pytorch |\n", "torch"));
    assertEquals("torch==1.6.0", Requirements.inReadme("We use torch 1.6.0 /torchvision 0.7.0 for training.\n", "torch"));
    assertEquals("torch==2.0.1", Requirements.inReadme("- 本项目使用的环境：Pytorch 2.0.1\n", "torch"));
    assertNull(Requirements.inReadme("Requires PyTorch 1.8+ and CUDA 11.\n", "torch"));
    assertNull(Requirements.inReadme("PyTorch 2.0.1 or later.\n", "torch"));
    assertNull(Requirements.inReadme("2. Install [Pytorch 2.0](https://pytorch.org/)\n", "torch"), "a feature release, not a pin");
    assertNull(Requirements.inReadme("turn off PyTorch 2.0 compile with `--compile=False`\n", "torch"));
    assertNull(Requirements.inReadme("NOTE: I only test with torch 1.9.1 + torchaudio 0.6.0\n"
        + "UPDATE: cuda 11.8 + torch 2.0.0 works, and training is faster.\n", "torch"), "either release works");
    assertEquals("torch==1.9.1", Requirements.inReadme("- PyTorch = 1.9.1\n- Torchvision = 0.10.1\n", "torch"));
    assertNull(Requirements.inReadme("pytorch >= 1.7\n", "torch"));
    assertNull(Requirements.inReadme("| segmentation_models_pytorch 0.3.3 |\n| pytorch-toolbelt 0.6 |\n", "torch"));
    assertNull(Requirements.inReadme("python -m torch.distributed.launch --nproc_per_node=3 train.py\n", "torch"));
  }

  @Test
  void files() {
    assertEquals("transformers>=5", Requirements.inRequirementsTxt("-r base.txt\n# transformers<4\ntorch\ntransformers>=5  # new\n", T));
    assertNull(Requirements.inRequirementsTxt("--extra-index-url x\nsentence-transformers\n", T));
    assertEquals("transformers>=5", Requirements.inSetupCfg(
        "[metadata]\ninstall_requires = transformers<4\n[options]\ninstall_requires =\n  torch\n  transformers>=5\n[options.extras_require]\nx = transformers<5\n", T));
    assertEquals("transformers>=5", Requirements.inSetupCfg("[options]\ninstall_requires = transformers>=5\n", T));
    Path p = Path.of("pyproject.toml");
    assertEquals("transformers>=4.57", Requirements.inPyproject(p,
        "[project]\ndependencies = [\"torch\"]\n[project.optional-dependencies]\nhf = [\"transformers>=4.57\"]\n", T));
    assertEquals("transformers^5.0", Requirements.inPyproject(p,
        "[tool.poetry.dependencies]\ntransformers = { version = \"^5.0\", extras = [\"torch\"] }\n", T));
    // Poetry: a bare version is exact (val27, liltom-eth/llama2-webui: transformers = "4.31.0")
    String exact = Requirements.inPyproject(p, "[tool.poetry.dependencies]\ntransformers = \"4.31.0\"\n", T);
    assertEquals("transformers==4.31.0", exact);
    assertTrue(Requirements.allowsOnlyBefore(exact, T, "5"));
    assertEquals("bitsandbytes==0.40.2", Requirements.inPyproject(p, "[tool.poetry.dependencies]\nbitsandbytes = [\n"
        + "    {platform = 'linux', version = \"0.40.2\"},\n    {platform = 'darwin', version = \"0.40.2\"},\n]\n",
        "bitsandbytes"));
    assertEquals("transformers>=4.31,<5", Requirements.inPyproject(p,
        "[tool.poetry.dependencies]\ntransformers = \">=4.31, <5\"\n", T));
    // Poetry's caret and tilde cap the release (val28, piernikowyludek/video_via_text_classification: ^4.35.2)
    assertTrue(Requirements.allowsOnlyBefore("transformers^4.35.2", T, "5"));
    assertFalse(Requirements.allowsOnlyBefore("transformers^4.35.2", T, "4.40"));
    assertFalse(Requirements.allowsOnlyBefore("transformers^5.0", T, "5"));
    assertTrue(Requirements.allowsOnlyBefore("torch~2.1.0", "torch", "2.4"));
    assertFalse(Requirements.allowsOnlyBefore("torch~2", "torch", "2.4"));
    assertTrue(Requirements.allowsOnlyBefore("bitsandbytes^0.40.2", "bitsandbytes", "0.41"));
    assertEquals("torch==1.13.1", Requirements.inRequirementsTxt(
        "numpy\nhttps://download.pytorch.org/whl/cu117/torch-1.13.1%2Bcu117-cp310-cp310-linux_x86_64.whl\n", "torch"));
    assertEquals("torch==2.0.1", Requirements.inRequirementsTxt(
        "torch @ https://download.pytorch.org/whl/cu118/torch-2.0.1%2Bcu118-cp310-cp310-linux_x86_64.whl\n", "torch"));
    // poetry install installs dev-dependencies and groups too (val32 common-lit-kaggle: huggingface-hub ^0.16.4)
    assertEquals("huggingface-hub^0.16.4", Requirements.inPyproject(p, "[tool.poetry.dependencies]\npython = \"^3.10\"\n"
        + "[tool.poetry.dev-dependencies]\nhuggingface-hub = \"^0.16.4\"\n", "huggingface-hub"));
    assertEquals("torch==2.0.1", Requirements.inPyproject(p, "[tool.poetry.dependencies]\npython = \"^3.10\"\n"
        + "[tool.poetry.group.gpu.dependencies]\ntorch = \"2.0.1\"\n", "torch"));
    // a wheel's URL names its release (val31 smly/hotelid-2021-first-place-solution)
    assertEquals("torch==1.8.0", Requirements.inPyproject(p, "[tool.poetry.dependencies]\ntorch = {url = "
        + "\"https://download.pytorch.org/whl/cu111/torch-1.8.0%2Bcu111-cp39-cp39-linux_x86_64.whl\"}\n", "torch"));
    assertEquals("torchaudio==0.8.0", Requirements.inPyproject(p, "[tool.poetry.dependencies]\ntorchaudio = {url = "
        + "\"https://download.pytorch.org/whl/torchaudio-0.8.0-cp39-cp39-linux_x86_64.whl\"}\n", "torchaudio"));
    assertEquals("torch", Requirements.inPyproject(p, "[tool.poetry.dependencies]\ntorch = {path = \"../vendor/torch\"}\n",
        "torch"), "a source tree says nothing of its release");
    assertNull(Requirements.inPyproject(p, "[project\ntransformers", T), "broken TOML declares nothing");
  }

  @Test
  void condaEnvironments() {
    String env = "name: llama\nchannels:\n  - pytorch\ndependencies:\n  - python=3.10\n  - pytorch=2.0.0  # cuda\n"
        + "  - pip:\n    - transformers==4.31.0\n";
    assertEquals("torch==2.0.0", Requirements.inCondaEnvironment(env, "torch"));
    assertEquals("transformers==4.31.0", Requirements.inCondaEnvironment(env, T));
    assertEquals("torch==1.13.1", Requirements.inCondaEnvironment("dependencies:\n  - pytorch==1.13.1=py3.9_cuda11.7_0\n", "torch"));
    assertEquals("torch>=2.1", Requirements.inCondaEnvironment("dependencies:\n  - pip:\n    - torch>=2.1\n", "torch"));
    assertNull(Requirements.inCondaEnvironment("channels:\n  - pytorch\ndependencies:\n  - numpy\n", "torch"));
  }

  @Test
  void requirementsThatAllowOnlyOlderReleases() {
    assertTrue(Requirements.allowsOnlyBefore("torch==2.0.0+cu117", "torch", "2.4"));
    assertTrue(Requirements.allowsOnlyBefore("torch==1.13.*", "torch", "2.4"));
    assertTrue(Requirements.allowsOnlyBefore("torch>=1.12,<2.4", "torch", "2.4"));
    assertTrue(Requirements.allowsOnlyBefore("torch<=2.3.1", "torch", "2.4"));
    // compatible release (val18, VAR's torch~=2.1.0): ~=X.Y.Z allows X.Y.* only, ~=X.Y allows X.*
    assertTrue(Requirements.allowsOnlyBefore("torch~=2.1.0", "torch", "2.4"));
    assertTrue(Requirements.allowsOnlyBefore("torch~=1.13.1", "torch", "2.4"));
    assertFalse(Requirements.allowsOnlyBefore("torch~=2.1", "torch", "2.4"));
    assertFalse(Requirements.allowsOnlyBefore("torch~=2.4.0", "torch", "2.4"));
    assertTrue(Requirements.allowsOnlyBefore("transformers~=4.31", "transformers", "5"));
    // a number too long for a long is no crash (it was a NumberFormatException, reported as an internal error)
    assertTrue(Requirements.allowsOnlyBefore("torch~=1.99999999999999999999999.0", "torch", "2.4"));
    assertFalse(Requirements.allowsOnlyBefore("torch~=2.99999999999999999999999", "torch", "2.4"));
    assertFalse(Requirements.allowsOnlyBefore("torch==2.4.0", "torch", "2.4"));
    assertFalse(Requirements.allowsOnlyBefore("torch>=1.13", "torch", "2.4"));
    assertFalse(Requirements.allowsOnlyBefore("torch", "torch", "2.4"));
    assertFalse(Requirements.allowsOnlyBefore("torch<3", "torch", "2.4"));
  }
}
