package dev.oomlint.parser.antlr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;

/** Damaged input never makes the lexer throw, loop or report an offset outside the text. */
class LexerRobustnessTest {
  private static final String SAMPLE = String.join("\n",
      "import torch  # comment",
      "@decorator(x=1)",
      "async def f(a, /, b: int = 0x_1F, *args, c=1.5e-3j, **kw) -> None:",
      "    '''doc ''' ; s = rb'\\x00' b\"\\\"\"; v = u'é' R\"\"\"raw\\\"\"\"\"",
      "    t = f'{a!r:>{w}} {{lit}} {b=} {\"x\" if c else 'y'} {d[1:2]:%H:%M}'",
      "    u = rf'''{",
      "        x  # inside",
      "    }\\N{BULLET}'''",
      "    match (a, [b, {c: d}]):",
      "        case [1, *rest] if rest: pass",
      "    while x := next(it, None): x **= 2; y //= 3 \\",
      "        + 4",
      "if τ:\f",
      "\tz = 0o17 | 0b1 ^ ~5 @ m",
      "class C[T: int](Base, metaclass=M): type X = list[T]",
      "");

  @Test
  void mutatedSourcesAlwaysReachEof() {
    Random random = new Random(20240601);
    String inserts = "'\"{}()[]\\\n\r\t :=!#fFrRbB0x_.e\f\u0000€$😀";
    for (int run = 0; run < 400; run++) {
      StringBuilder text = new StringBuilder(SAMPLE);
      int mutations = 1 + random.nextInt(4);
      for (int m = 0; m < mutations; m++) {
        int at = random.nextInt(text.length() + 1);
        if (random.nextBoolean() && at < text.length()) {
          text.deleteCharAt(at);
        } else {
          text.insert(at, inserts.charAt(random.nextInt(inserts.length())));
        }
      }
      String source = text.toString();
      List<Token> tokens = new ArrayList<>();
      PythonLexer lexer = LexerSupport.lexAll(source, tokens);
      assertEquals(Token.EOF, tokens.get(tokens.size() - 1).getType());
      LexError error = lexer.lexError();
      if (error != null) {
        assertTrue(error.offset() >= 0 && error.offset() <= source.length(), error::toString);
        assertTrue(!error.message().isEmpty());
      }
    }
  }

  @Test
  void theUnmutatedSampleLexesCleanly() {
    assertEquals(null, LexerSupport.errorOrNull(SAMPLE));
  }
}
