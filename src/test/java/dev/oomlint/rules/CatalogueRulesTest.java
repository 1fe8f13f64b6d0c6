package dev.oomlint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomlint.ast.SourceFile;
import dev.oomlint.diagnostics.Applicability;
import dev.oomlint.diagnostics.Diagnostic;
import dev.oomlint.engine.Linter;
import dev.oomlint.rules.checks.DeprecatedCudaAmp;
import dev.oomlint.rules.checks.DeprecatedQuantizationKwargs;
import dev.oomlint.rules.checks.FullPrecisionLoad;
import dev.oomlint.rules.checks.KerasModelsInLoopWithoutClearSession;
import dev.oomlint.rules.checks.ModelLoadedInLoop;
import dev.oomlint.rules.checks.RuleRegistry;
import dev.oomlint.rules.checks.TorchLoadWithoutMapLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The loading, deprecation and Keras rules (OOM401-403, OOM501-503) beyond what the fixture markers
 * check (the fixture minimum is RuleFixturesTest's, for every rule): where exactly each finding is reported, fix applicability as declared, and
 * the cases that must be reported without a fix.
 */
class CatalogueRulesTest {
  private static final List<Rule> RULES = List.of(new ModelLoadedInLoop(), new TorchLoadWithoutMapLocation(),
      new FullPrecisionLoad(), new DeprecatedCudaAmp(), new DeprecatedQuantizationKwargs(), new KerasModelsInLoopWithoutClearSession());

  private static List<Diagnostic> lint(Rule rule, String text) {
    Linter.Result r = new Linter(List.of(rule)).lint(new SourceFile("t.py", text), Set.of());
    assertNull(r.problem(), () -> r.problem().message());
    return r.diagnostics();
  }

  /** The reported text of the only finding. */
  private static String reported(Rule rule, String text) {
    List<Diagnostic> ds = lint(rule, text);
    assertEquals(1, ds.size(), () -> "findings: " + ds);
    return text.substring(ds.get(0).range().start(), ds.get(0).range().end());
  }

  @Test
  void everyRuleIsRegistered() {
    for (Rule r : RULES) {
      assertTrue(RuleRegistry.all().stream().anyMatch(x -> x.getClass() == r.getClass()), r.info().code());
    }
  }

  @TestFactory
  List<DynamicTest> declaredFixSafety() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Rule rule : RULES) {
      RuleInfo info = rule.info();
      tests.add(DynamicTest.dynamicTest(info.code(), () -> {
        Path dir = Path.of("testdata", "rules", info.code());
        List<Path> inputs;
        try (Stream<Path> s = Files.list(dir)) {
          inputs = s.filter(p -> p.toString().endsWith(".py") && !p.toString().endsWith(".fixed.py")).sorted().toList();
        }
        int fixes = 0;
        for (Path p : inputs) {
          for (Diagnostic d : lint(rule, read(p))) {
            if (d.fix() == null) {
              continue;
            }
            fixes++;
            Applicability want = info.fix() == FixSafety.SAFE ? Applicability.SAFE : Applicability.UNSAFE;
            assertTrue(info.fix() != FixSafety.NONE, info.code() + " declares no fix but offers one in " + p);
            assertEquals(want, d.fix().applicability(), p + ": fix applicability");
          }
        }
        assertEquals(info.fix() == FixSafety.NONE, fixes == 0, info.code() + ": fixes offered: " + fixes);
      }));
    }
    return tests;
  }

  private static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }

  @Test
  void reportLocations() {
    assertEquals("torch.load(p)", reported(new TorchLoadWithoutMapLocation(),
        "import torch\nckpt = torch.load(p)\nopt.load_state_dict(ckpt['optimizer'])\n"));
    assertEquals("torch.cuda.amp.GradScaler(enabled=True)", reported(new DeprecatedCudaAmp(),
        "import torch\ns = torch.cuda.amp.GradScaler(enabled=True)\n"));
    assertEquals("load_in_4bit=flag", reported(new DeprecatedQuantizationKwargs(),
        "from transformers import AutoModel\nm = AutoModel.from_pretrained(n, device_map='auto', load_in_4bit=flag)\n"));
    assertEquals("AutoModel.from_pretrained(n)", reported(new FullPrecisionLoad(),
        "from transformers import AutoModel\nm = AutoModel.from_pretrained(n).cuda()\n"));
    assertEquals("AutoModel.from_pretrained(p)", reported(new ModelLoadedInLoop(),
        "from transformers import AutoModel\nfor p in ps:\n    m = AutoModel.from_pretrained(p).cuda()\n    run(m)\n"));
    assertEquals("keras.Sequential()", reported(new KerasModelsInLoopWithoutClearSession(),
        "import keras\nfor u in us:\n    m = keras.Sequential()\n    m.fit(x)\n"));
  }

  @Test
  void reportedWithoutFix() throws IOException {
    List<Diagnostic> ds = lint(new DeprecatedQuantizationKwargs(),
        read(Path.of("testdata", "rules", "OOM502", "pos_no_fix_cases.py")));
    assertEquals(3, ds.size());
    for (Diagnostic d : ds) {
      assertNull(d.fix(), d.message());
    }
    // diffusers rejected torch_dtype="auto" before 0.33: no fix there
    Diagnostic pipe = lint(new FullPrecisionLoad(),
        read(Path.of("testdata", "rules", "OOM403", "pos_diffusers_pipeline.py"))).get(0);
    assertNull(pipe.fix());
    // the autocast arguments cannot be mapped through *args
    Diagnostic starred = lint(new DeprecatedCudaAmp(), "import torch\nwith torch.cuda.amp.autocast(*a):\n    pass\n").get(0);
    assertNull(starred.fix());
    // no loop header line of its own: nowhere to insert clear_session()
    Diagnostic oneLine = lint(new KerasModelsInLoopWithoutClearSession(), "import keras\nfor u in us: m = keras.Sequential()\n").get(0);
    assertNull(oneLine.fix());
  }

  @Test
  void fullPrecisionOnPurposeInTestsAndConversionScripts() {
    String code = "from transformers import CLIPTextModel\nm = CLIPTextModel.from_pretrained(p).to('cuda')\n";
    for (String path : List.of("scripts/convert_clip.py", "tests/test_clip.py", "tests/clip_test.py")) {
      Linter.Result r = new Linter(List.of(new FullPrecisionLoad())).lint(new SourceFile(path, code), Set.of());
      assertEquals(List.of(), r.diagnostics(), path);
    }
    assertEquals(1, new Linter(List.of(new FullPrecisionLoad())).lint(new SourceFile("scripts/embed.py", code),
        Set.of()).diagnostics().size());
  }

  @Test
  void messagesSayWhatWhyAndWhatToDo() {
    Diagnostic d = lint(new ModelLoadedInLoop(),
        "import torch\nfor c in cs:\n    sd = torch.load(c)\n    model.load_state_dict(sd)\n").get(0);
    assertTrue(d.message().contains("`sd`") && d.message().contains("two models") && d.message().contains("del sd"),
        d.message());
    Diagnostic k = lint(new KerasModelsInLoopWithoutClearSession(), "import keras\nfor u in us:\n    m = keras.Model(i, o)\n").get(0);
    assertNotNull(k.fix());
    assertTrue(k.message().contains("clear_session()") && k.message().contains("line 2"), k.message());
  }
}
