package dev.oomlint.parser.antlr;

/** Throwaway: prints tokens for the argument text. */
public class LexDump {
  public static void main(String[] args) {
    for (String a : args) {
      String text = a.translateEscapes();
      try {
        System.out.println(LexerSupport.tokens(text));
      } catch (AssertionError e) {
        System.out.println(e.getMessage());
      }
    }
  }
}
