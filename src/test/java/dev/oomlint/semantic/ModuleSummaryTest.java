package dev.oomlint.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomlint.parser.ParseOutcome;
import dev.oomlint.parser.PythonFrontEnd;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ModuleSummaryTest {
  private static ModuleSummary of(String code) {
    return ModuleSummary.of(((ParseOutcome.Parsed) PythonFrontEnd.parse(code)).module(), null);
  }

  @Test
  void namesThatDisableGrad() {
    ModuleSummary s = of("""
        import torch as th
        from torch import no_grad
        from contextlib import contextmanager
        import functools

        def smart_inference_mode(torch_1_9=True):
            def decorate(fn):
                return (th.inference_mode if torch_1_9 else th.no_grad)()(fn)
            return decorate

        def decorator(fn):
            return no_grad()(fn)

        def wrapping(fn):
            @functools.wraps(fn)
            def inner(*a, **k):
                ctx = th.no_grad
                if k.get("fast"):
                    ctx = th.inference_mode
                with ctx():
                    return fn(*a, **k)
            return inner

        def factory():
            return th.inference_mode()

        @contextmanager
        def frozen():
            with th.no_grad():
                yield

        inference = th.no_grad
        no_grad_ctx = th.no_grad()

        def grad_on(fn):
            return th.enable_grad()(fn)

        def inference_off(fn):
            return th.inference_mode(False)(fn)

        def timed(fn):
            def wrapper(*a, **k):
                with th.no_grad():
                    pass
                return fn(*a, **k)
            return wrapper
        """);
    assertEquals(ModuleSummary.GradUse.FACTORY, s.gradUse("smart_inference_mode"));
    assertEquals(ModuleSummary.GradUse.DECORATOR, s.gradUse("decorator"));
    assertEquals(ModuleSummary.GradUse.DECORATOR, s.gradUse("wrapping"));
    assertEquals(ModuleSummary.GradUse.FACTORY, s.gradUse("factory"));
    assertEquals(ModuleSummary.GradUse.FACTORY, s.gradUse("frozen"));
    assertEquals(ModuleSummary.GradUse.FACTORY, s.gradUse("inference"));
    assertEquals(ModuleSummary.GradUse.DECORATOR, s.gradUse("no_grad_ctx"));
    assertNull(s.gradUse("grad_on"));
    assertNull(s.gradUse("inference_off"));
    assertNull(s.gradUse("timed"), "the wrapped function runs outside the no_grad block");
  }

  @Test
  void forwardDecorators() {
    ModuleSummary s = of("""
        import torch
        from utils.torch_utils import smart_inference_mode as sim
        import utils

        class A(torch.nn.Module):
            @sim()
            def forward(self, x):
                return x

        class B:
            @torch.inference_mode()
            def __call__(self, x):
                return x

        class C:
            @utils.no_grad_wrapper
            @staticmethod
            def forward(x):
                return x
        """);
    assertEquals(List.of("()utils.torch_utils.smart_inference_mode"), s.forwardDecorators("A"));
    assertEquals(List.of("torch"), s.forwardDecorators("B"));
    assertEquals(List.of("utils.no_grad_wrapper", "staticmethod"), s.forwardDecorators("C"));
    assertEquals(List.of(), s.forwardDecorators("D"));
  }

  @Test
  void importsAndStars() {
    ModuleSummary s = of("""
        from .torch_utils import smart_inference_mode as sim
        from . import helpers
        from ..common import *
        try:
            from pkg.fast import frozen
        except ImportError:
            frozen = None
        """);
    assertEquals(".torch_utils.smart_inference_mode", s.imported("sim"));
    assertEquals(".helpers", s.imported("helpers"));
    assertEquals("pkg.fast.frozen", s.imported("frozen"));
    assertEquals(List.of("..common"), s.starImports());
  }

  private static ModuleSummary lazy(String code, AtomicInteger parses) {
    return ModuleSummary.lazy(null, code, () -> {
      parses.incrementAndGet();
      return PythonFrontEnd.parse(code) instanceof ParseOutcome.Parsed p ? p.module() : null;
    });
  }

  @Test
  void lazySummaryAnswersAsTheParsedOne() {
    List<String> sources = List.of("""
        import torch as th
        from .helpers import *
        from utils import eval_mode as em

        def smart_inference_mode(torch_1_9=True):
            def decorate(fn):
                return (th.inference_mode if torch_1_9 else th.no_grad)()(fn)
            return decorate

        class A(th.nn.Module):
            @em
            def forward(self, x):
                return x

        def plain(fn):
            return fn
        """, """
        from .registry import register_model
        from . import helpers
        from ..common import *

        def register_model(fn):
            return fn

        class Net:
            @staticmethod
            def forward(x):
                return x
        """, "def broken(:\n    pass\n");
    List<String> names = List.of("smart_inference_mode", "A", "plain", "em", "register_model", "helpers", "Net",
        "broken", "missing", "th");
    for (String code : sources) {
      ModuleSummary parsed = PythonFrontEnd.parse(code) instanceof ParseOutcome.Parsed p ? ModuleSummary.of(p.module(), null)
          : ModuleSummary.lazy(null, "", () -> null);
      ModuleSummary lazy = lazy(code, new AtomicInteger());
      for (String n : names) {
        assertEquals(parsed.gradUse(n), lazy.gradUse(n), n);
        assertEquals(parsed.imported(n), lazy.imported(n), n);
        assertEquals(parsed.forwardDecorators(n), lazy.forwardDecorators(n), n);
        if (!code.startsWith("def broken")) { // a module that does not parse tells nothing either way
          assertEquals(parsed.definesItself(n), lazy.definesItself(n), n);
        }
      }
      assertEquals(parsed.starImports(), lazy.starImports());
    }
  }

  @Test
  void moduleWithoutGradWordsIsNotParsedForWhatItDefines() {
    AtomicInteger parses = new AtomicInteger();
    ModuleSummary s = lazy("""
        import functools

        def register_model(fn):
            _registry[fn.__name__] = fn
            return fn

        class Registry:
            pass
        """, parses);
    assertNull(s.gradUse("register_model"));
    assertTrue(s.definesItself("register_model"));
    assertTrue(s.definesItself("Registry"));
    assertEquals(List.of(), s.forwardDecorators("Registry"));
    assertEquals(List.of(), s.starImports());
    assertNull(s.imported("missing"));
    assertEquals(0, parses.get(), "the text answers");
    assertEquals("functools", s.imported("functools"));
    assertFalse(s.definesItself("functools"));
    assertEquals(1, parses.get(), "parsed once, when an import had to be read");
  }
}
