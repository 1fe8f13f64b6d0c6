package dev.oomlint.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomlint.ast.ConstValue;
import dev.oomlint.ast.Expr;
import dev.oomlint.ast.Mod;
import dev.oomlint.ast.Node;
import dev.oomlint.ast.Operators;
import dev.oomlint.ast.SourceFile;
import dev.oomlint.ast.SourceRange;
import dev.oomlint.ast.Stmt;
import dev.oomlint.testing.TestParser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SemanticModelTest {
  private SemanticModel model(String src) {
    SourceFile f = new SourceFile("t.py", src);
    Mod.Module m = TestParser.parse(f);
    assertNotNull(m, "fixture must parse");
    return SemanticModel.build(f, m);
  }

  /** The n-th (0-based) node of a type whose source text equals {@code text}. */
  private static <T extends Node> T find(SemanticModel sm, Class<T> type, String text, int nth) {
    List<T> hits = new ArrayList<>();
    dev.oomlint.ast.AstWalker.descend(sm.module(), n -> {
      if (type.isInstance(n) && sm.file().slice(n.range()).equals(text)) {
        hits.add(type.cast(n));
      }
      return true;
    });
    assertTrue(hits.size() > nth, "no " + type.getSimpleName() + " `" + text + "` #" + nth);
    return hits.get(nth);
  }

  private static <T extends Node> T find(SemanticModel sm, Class<T> type, String text) {
    return find(sm, type, text, 0);
  }

  @Test
  void qualifiedNamesThroughImportForms() {
    SemanticModel sm = model("""
        import torch
        import torch as T
        import torch.nn.functional as F
        import torch.nn.functional
        from torch import nn, no_grad as ng
        from torch.nn import functional
        from torch.cuda.amp import autocast
        from .utils import helper
        from .. import sibling
        a = torch.no_grad
        b = T.inference_mode
        c = F.cross_entropy
        d = torch.nn.functional.relu
        e = nn.Linear
        f = ng
        g = functional.mse_loss
        h = autocast
        i = helper
        j = sibling.x
        k = float
        """);
    assertEquals("torch.no_grad", sm.qualifiedName(find(sm, Expr.Attribute.class, "torch.no_grad")));
    assertEquals("torch.inference_mode", sm.qualifiedName(find(sm, Expr.Attribute.class, "T.inference_mode")));
    assertEquals("torch.nn.functional.cross_entropy",
        sm.qualifiedName(find(sm, Expr.Attribute.class, "F.cross_entropy")));
    assertEquals("torch.nn.functional.relu",
        sm.qualifiedName(find(sm, Expr.Attribute.class, "torch.nn.functional.relu")));
    assertEquals("torch.nn.Linear", sm.qualifiedName(find(sm, Expr.Attribute.class, "nn.Linear")));
    assertEquals("torch.no_grad", sm.qualifiedName(find(sm, Expr.Name.class, "ng", 0)));
    assertEquals("torch.nn.functional.mse_loss",
        sm.qualifiedName(find(sm, Expr.Attribute.class, "functional.mse_loss")));
    assertEquals("torch.cuda.amp.autocast", sm.qualifiedName(find(sm, Expr.Name.class, "autocast", 0)));
    assertEquals(".utils.helper", sm.qualifiedName(find(sm, Expr.Name.class, "helper", 0)));
    assertEquals("..sibling.x", sm.qualifiedName(find(sm, Expr.Attribute.class, "sibling.x")));
    assertEquals("float", sm.qualifiedName(find(sm, Expr.Name.class, "float")));
    assertEquals("torch", sm.moduleAlias("torch"));
  }

  @Test
  void shadowingByParameterAndAssignment() {
    SemanticModel sm = model("""
        import torch
        from torch import no_grad
        def f(torch):
            return torch.no_grad
        def g():
            no_grad = lambda: None
            return no_grad
        x = no_grad
        no_grad = 3
        y = no_grad
        """);
    assertNull(sm.qualifiedName(find(sm, Expr.Attribute.class, "torch.no_grad")));
    assertNull(sm.qualifiedName(find(sm, Expr.Name.class, "no_grad", 1)));
    assertEquals("torch.no_grad", sm.qualifiedName(find(sm, Expr.Name.class, "no_grad", 2)));
    assertNull(sm.qualifiedName(find(sm, Expr.Name.class, "no_grad", 4)));
  }

  @Test
  void moduleAliasFollowsImportAs() {
    assertEquals("T", model("import torch as T\n").moduleAlias("torch"));
    assertEquals("torch", model("import torch.nn as nn\nimport torch\n").moduleAlias("torch"));
    assertNull(model("import torch.nn as nn\n").moduleAlias("torch"));
  }

  @Test
  void gradModes() {
    SemanticModel sm = model("""
        import torch
        from torch import no_grad as ng
        def a(model, x):
            with ng():
                p = model(x)
                with torch.enable_grad():
                    q = model(x)
            r = model(x)
            torch.set_grad_enabled(False)
            s = model(x)
        @torch.no_grad()
        def b(model, x):
            t = model(x)
        @torch.inference_mode
        def c(model, x):
            u = model(x)
        def d(model, x, phase):
            with torch.set_grad_enabled(phase == "train"):
                v = model(x)
        def helper(model, x):
            return model(x)
        def e(model, x):
            with torch.no_grad():
                w = helper(model, x)
        def helper2(model, x):
            return model(x)
        def f(model, x):
            with torch.no_grad():
                helper2(model, x)
            helper2(model, x)
        """);
    assertEquals(GradMode.DISABLED, sm.gradMode(find(sm, Expr.Call.class, "model(x)", 0)));
    assertEquals(GradMode.ENABLED, sm.gradMode(find(sm, Expr.Call.class, "model(x)", 1)));
    assertEquals(GradMode.ENABLED, sm.gradMode(find(sm, Expr.Call.class, "model(x)", 2)));
    assertEquals(GradMode.DISABLED, sm.gradMode(find(sm, Expr.Call.class, "model(x)", 3)));
    assertEquals(GradMode.DISABLED, sm.gradMode(find(sm, Expr.Call.class, "model(x)", 4)));
    assertEquals(GradMode.DISABLED, sm.gradMode(find(sm, Expr.Call.class, "model(x)", 5)));
    assertEquals(GradMode.UNKNOWN, sm.gradMode(find(sm, Expr.Call.class, "model(x)", 6)));
    assertEquals(GradMode.DISABLED, sm.gradMode(find(sm, Expr.Call.class, "model(x)", 7)));
    assertEquals(GradMode.ENABLED, sm.gradMode(find(sm, Expr.Call.class, "model(x)", 8)));
  }

  @Test
  void gradCarryingValues() {
    SemanticModel sm = model("""
        import torch
        import torch.nn.functional as F
        def train(model, loader, optimizer, criterion):
            total = 0
            correct = 0
            for x, y in loader:
                out = model(x)
                loss = criterion(out, y)
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
                total += loss
                total += loss.item()
                correct += (out.argmax(1) == y).sum()
                kept = out.detach()
                f = float(loss)
                ce = F.cross_entropy(out, y)
                _, pred = out.max(1)
                with torch.no_grad():
                    z = out * 2
        """);
    assertTrue(sm.isGradCarrying(find(sm, Expr.Name.class, "loss", 2)));
    assertFalse(sm.isGradCarrying(find(sm, Expr.Call.class, "loss.item()")));
    assertFalse(sm.isGradCarrying(find(sm, Expr.Call.class, "(out.argmax(1) == y).sum()")));
    assertFalse(sm.isGradCarrying(find(sm, Expr.Call.class, "out.detach()")));
    assertFalse(sm.isGradCarrying(find(sm, Expr.Call.class, "float(loss)")));
    assertTrue(sm.isGradCarrying(find(sm, Expr.Call.class, "F.cross_entropy(out, y)")));
    assertFalse(sm.isGradCarrying(find(sm, Expr.Name.class, "pred")));
    assertFalse(sm.isGradCarrying(find(sm, Expr.BinOp.class, "out * 2")));
    assertTrue(sm.isGradCarrying(find(sm, Expr.Name.class, "out", 1)));
  }

  @Test
  void backpropagatedValueIsGradCarryingEvenFromUnknownCall() {
    SemanticModel sm = model("""
        def step(learner, batch, opt):
            losses = []
            for b in batch:
                l = compute(learner, b)
                l.backward()
                opt.step()
                losses.append(l)
        """);
    assertTrue(sm.isGradCarrying(find(sm, Expr.Name.class, "l", 2)));
  }

  @Test
  void helperSummaries() {
    SemanticModel sm = model("""
        import torch.nn.functional as F
        def compute_loss(model, batch):
            out = model(batch)
            return F.cross_entropy(out, batch)
        def accuracy(out, y):
            return (out.argmax(1) == y).float().mean()
        def train(model, data):
            a = compute_loss(model, data)
            b = accuracy(model(data), data)
        """);
    assertTrue(sm.isGradCarrying(find(sm, Expr.Name.class, "a", 0)));
    assertFalse(sm.isGradCarrying(find(sm, Expr.Name.class, "b", 0)));
  }

  @Test
  void trainingLoopsAndOptimizers() {
    SemanticModel sm = model("""
        import torch
        import gym
        model = Net()
        optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
        scheduler = torch.optim.lr_scheduler.StepLR(optimizer, 1)
        env = gym.make("CartPole-v1")
        def train_one(batch):
            loss = model(batch).sum()
            loss.backward()
        for epoch in range(3):
            for batch in loader:
                train_one(batch)
                optimizer.step()
                env.step(0)
            scheduler.step()
        """);
    Stmt outer = sm.loops().get(0);
    Stmt inner = sm.loops().get(1);
    assertTrue(sm.isTrainingLoop(outer));
    assertTrue(sm.isTrainingLoop(inner));
    assertNotNull(sm.optimizerStepped(find(sm, Expr.Call.class, "optimizer.step()")));
    assertNull(sm.optimizerStepped(find(sm, Expr.Call.class, "scheduler.step()")));
    assertNull(sm.optimizerStepped(find(sm, Expr.Call.class, "env.step(0)")));
    assertEquals(1, sm.directSteps(inner).size());
    assertEquals(0, sm.directSteps(outer).size());
    assertFalse(sm.loopResetsGradients(inner));
  }

  @Test
  void optimizersFromConstructorsPreparationAndNames() {
    SemanticModel sm = model("""
        import torch
        from accelerate import Accelerator
        from torch.optim.lr_scheduler import CosineAnnealingLR
        accelerator = Accelerator()
        net = build()
        adam = torch.optim.Adam(net.parameters())
        sched = CosineAnnealingLR(adam, 10)
        model, prepared, loader = accelerator.prepare(net, adam, data)
        picked = getattr(torch.optim, "SGD")(net.parameters())
        def step_all(opt_g, optimizerD, options, scheduler):
            opt_g.step()
            optimizerD.step()
            options.step()
            scheduler.step()
            sched.step()
            prepared.step()
            picked.step()
        """);
    assertTrue(sm.isOptimizer(find(sm, Expr.Name.class, "opt_g", 0)));
    assertTrue(sm.isOptimizer(find(sm, Expr.Name.class, "optimizerD", 0)));
    assertFalse(sm.isOptimizer(find(sm, Expr.Name.class, "options", 0)));
    assertFalse(sm.isOptimizer(find(sm, Expr.Name.class, "scheduler", 0)));
    assertFalse(sm.isOptimizer(find(sm, Expr.Name.class, "sched", 1)));
    assertTrue(sm.isOptimizer(find(sm, Expr.Name.class, "prepared", 1)));
    assertFalse(sm.isOptimizer(find(sm, Expr.Name.class, "model", 0)));
    assertTrue(sm.isOptimizer(find(sm, Expr.Name.class, "picked", 1)));
  }

  @Test
  void modelsAreRecognisedByConstructionAndName() {
    SemanticModel sm = model("""
        import torch.nn as nn
        from transformers import AutoTokenizer, AutoModel
        class Net(nn.Module):
            def __init__(self):
                super().__init__()
                self.fc = nn.Linear(2, 2)
        class Helper:
            pass
        tok = AutoTokenizer.from_pretrained("x")
        enc = AutoModel.from_pretrained("x")
        net = Net().to("cuda")
        helper = Helper()
        layer = nn.Linear(3, 3)
        crit = nn.CrossEntropyLoss()
        def f(model, tokenizer, x):
            model(x); tokenizer(x); tok(x); enc(x); net(x); helper(x); layer(x); crit(x)
        """);
    assertTrue(sm.isModel(find(sm, Expr.Name.class, "model", 0)));
    assertFalse(sm.isModel(find(sm, Expr.Name.class, "tokenizer", 0)));
    assertFalse(sm.isModel(find(sm, Expr.Name.class, "tok", 1)));
    assertTrue(sm.isModel(find(sm, Expr.Name.class, "enc", 1)));
    assertTrue(sm.isModel(find(sm, Expr.Name.class, "net", 1)));
    assertFalse(sm.isModel(find(sm, Expr.Name.class, "helper", 1)));
    assertTrue(sm.isModel(find(sm, Expr.Name.class, "layer", 1)));
    assertFalse(sm.isModel(find(sm, Expr.Name.class, "crit", 1)));
    assertTrue(sm.isLossCallable(find(sm, Expr.Name.class, "crit", 1)));
  }

  @Test
  void inferenceRegionKinds() {
    SemanticModel sm = model("""
        import torch
        def evaluate(model, loader):
            return [model(x) for x in loader]
        def report(model, val_loader):
            for x in val_loader:
                print(model(x))
        def after_eval(model, data):
            model.eval()
            return model(data)
        def train(model, loader, optimizer):
            model.cuda()
            for x in loader:
                optimizer.zero_grad()
                model(x).sum().backward()
                optimizer.step()
        """);
    List<InferenceRegion> regions = sm.inferenceRegions();
    assertEquals(3, regions.size());
    assertEquals(InferenceRegion.Kind.FUNCTION, regions.get(0).kind());
    assertEquals(InferenceRegion.Kind.LOOP, regions.get(1).kind());
    assertEquals(InferenceRegion.Kind.FUNCTION, regions.get(2).kind());
    assertTrue(regions.get(1).reason().contains("val_loader"));
  }

  @Test
  void setGradEnabledStatementAppliesToTheRestOfTheBlock() {
    SemanticModel sm = model("""
        import torch
        def f(model, x, flag):
            a = model(x)
            torch.set_grad_enabled(False)
            b = model(x)
            if flag:
                torch.set_grad_enabled(True)
            c = model(x)
        """);
    assertEquals(GradMode.ENABLED, sm.gradMode(find(sm, Expr.Call.class, "model(x)", 0)));
    assertEquals(GradMode.DISABLED, sm.gradMode(find(sm, Expr.Call.class, "model(x)", 1)));
    assertEquals(GradMode.UNKNOWN, sm.gradMode(find(sm, Expr.Call.class, "model(x)", 2)));
  }

  @Test
  void lazyModelIsBuiltOnceAndShared() {
    SourceFile f = new SourceFile("t.py", "x = 1\n");
    Mod.Module m = TestParser.parse(f);
    java.util.function.Supplier<SemanticModel> lazy = SemanticModel.lazy(f, m);
    dev.oomlint.source.TextFacts facts = dev.oomlint.source.TextFacts.of(dev.oomlint.source.WordSet.empty(), f.text());
    dev.oomlint.rules.RuleContext a = new dev.oomlint.rules.RuleContext(f, m, "OOM101", lazy, facts);
    dev.oomlint.rules.RuleContext b = new dev.oomlint.rules.RuleContext(f, m, "OOM201", lazy, facts);
    assertTrue(a.semantic() == b.semantic());
  }

  @Test
  void deepExpressionsDoNotOverflow() {
    // x = model(1) + 1 + 1 + ... (50 000 levels), built by hand: far deeper than any stack could recurse
    SourceRange r = new SourceRange(0, 1);
    Expr e = new Expr.Call(r, new Expr.Name(r, "model", Operators.ExprContext.LOAD), List.of(), List.of());
    for (int i = 0; i < 50_000; i++) {
      e = new Expr.BinOp(r, e, Operators.Operator.ADD,
          new Expr.Constant(r, new ConstValue.Int(java.math.BigInteger.ONE), null));
    }
    Stmt assign = new Stmt.Assign(r, List.of(new Expr.Name(r, "x", Operators.ExprContext.STORE)), e);
    Mod.Module m = new Mod.Module(new SourceRange(0, 1), List.of(assign), List.of());
    SemanticModel sm = SemanticModel.build(new SourceFile("deep.py", "x"), m);
    assertEquals(1, sm.calls().size());
    assertEquals(GradMode.ENABLED, sm.gradMode(sm.calls().get(0)));
    sm.isGradCarrying(e);
    sm.inferenceRegions();
  }

  @Test
  void testPathsIncludeBareTestModules() {
    assertTrue(SemanticModel.isTestPath("labml/flash/test.py"));
    assertTrue(SemanticModel.isTestPath("ch04/tests.py"));
    assertTrue(SemanticModel.isTestPath("pkg/tests/distributed/bmuf.py"));
    assertFalse(SemanticModel.isTestPath("pkg/attest.py"));
    assertFalse(SemanticModel.isTestPath("pkg/testing_utils.py"));
    // a versioned test module (tensorflow/hub's export_test_v2.py)
    assertTrue(SemanticModel.isTestPath("examples/text_embeddings_v2/export_test_v2.py"));
    assertTrue(SemanticModel.isTestPath("model_test2.py"));
    assertFalse(SemanticModel.isTestPath("predict_test_images.py"));
    assertFalse(SemanticModel.isTestPath("latest_v2.py"));
  }

  @Test
  void usesGpuSeesCudaDeviceTypes() {
    assertTrue(model("import torch\nscaler = torch.amp.GradScaler(\"cuda\")\n").usesGpu());
    assertTrue(model("import torch\nwith torch.autocast(device_type=\"cuda\"):\n    pass\n").usesGpu());
    assertFalse(model("import torch\nwith torch.autocast(\"cpu\"):\n    pass\n").usesGpu());
  }

  @Test
  void floorDivisionAndModelAccessorsCarryNoGraph() {
    SemanticModel sm = model("import torch\nmodel = torch.nn.Linear(2, 2)\nout = model(x)\n"
        + "a = out // 2\nb = model.fp16_enabled()\nc = out * 2\n");
    Expr a = ((dev.oomlint.ast.Stmt.Assign) sm.statements().get(3)).value();
    Expr b = ((dev.oomlint.ast.Stmt.Assign) sm.statements().get(4)).value();
    Expr c = ((dev.oomlint.ast.Stmt.Assign) sm.statements().get(5)).value();
    assertFalse(sm.isGradCarrying(a));
    assertFalse(sm.isGradCarrying(b));
    assertTrue(sm.isGradCarrying(c));
  }

  @Test
  void aNameReplacedByWhatCallingItBuildsIsNoForwardPass() {
    SemanticModel sm = model("""
        import torch
        unet = find_network_class(name)
        unet = unet(plans, device=torch.device("cuda"))
        net = torch.nn.Linear(4, 4).cuda()
        y = net(x)
        """);
    assertFalse(sm.isModelCall(find(sm, Expr.Call.class, "unet(plans, device=torch.device(\"cuda\"))", 0)));
    assertTrue(sm.isModelCall(find(sm, Expr.Call.class, "net(x)", 0)));
  }
}
