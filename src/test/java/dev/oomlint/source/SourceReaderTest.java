package dev.oomlint.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceReaderTest {
  @TempDir
  Path tmp;

  private static DecodedSource ok(SourceReader.Outcome o) {
    SourceDocument d = assertInstanceOf(SourceReader.Outcome.Read.class, o, () -> o.toString()).document();
    return assertInstanceOf(ScriptDocument.class, d).decoded();
  }

  private static String problem(SourceReader.Outcome o) {
    return assertInstanceOf(SourceReader.Outcome.Unreadable.class, o, () -> o.toString()).message();
  }

  private static byte[] bytes(int... b) {
    byte[] out = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      out[i] = (byte) b[i];
    }
    return out;
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  @Test
  void plainUtf8() {
    DecodedSource d = ok(SourceReader.decode("x = 'é'\n".getBytes(StandardCharsets.UTF_8), "a.py"));
    assertEquals("x = 'é'\n", d.file().text());
    assertEquals("a.py", d.file().path());
    assertEquals(StandardCharsets.UTF_8, d.charset());
    assertFalse(d.bom());
  }

  @Test
  void bomIsDroppedAndRemembered() {
    DecodedSource d = ok(SourceReader.decode(concat(bytes(0xEF, 0xBB, 0xBF), "x = 1\n".getBytes()), "a.py"));
    assertEquals("x = 1\n", d.file().text());
    assertTrue(d.bom());
  }

  @Test
  void bomWithUtf8DeclarationIsFine() {
    DecodedSource d = ok(SourceReader.decode(concat(bytes(0xEF, 0xBB, 0xBF),
        "# -*- coding: utf-8 -*-\nx = 1\n".getBytes()), "a.py"));
    assertTrue(d.bom());
  }

  @Test
  void bomWithOtherDeclarationIsRefused() {
    String m = problem(SourceReader.decode(concat(bytes(0xEF, 0xBB, 0xBF),
        "# coding: latin-1\nx = 1\n".getBytes()), "a.py"));
    assertEquals("file starts with a UTF-8 byte order mark but declares encoding 'latin-1'", m);
  }

  @Test
  void latin1DeclarationOnLineOne() {
    byte[] b = concat("# -*- coding: latin-1 -*-\nname = '".getBytes(), bytes(0xE9, 't', 0xE9), "'\n".getBytes());
    DecodedSource d = ok(SourceReader.decode(b, "a.py"));
    assertEquals("# -*- coding: latin-1 -*-\nname = '\u00e9t\u00e9'\n", d.file().text());
    assertEquals(StandardCharsets.ISO_8859_1, d.charset());
  }

  @Test
  void declarationOnLineTwoAfterShebang() {
    byte[] b = concat("#!/usr/bin/env python\n# vim: set fileencoding=cp1252 :\ns = '".getBytes(),
        bytes(0x80), "'\n".getBytes());
    DecodedSource d = ok(SourceReader.decode(b, "a.py"));
    assertTrue(d.file().text().contains("'\u20ac'"), d.file().text());
    assertEquals(Charset.forName("windows-1252"), d.charset());
  }

  @Test
  void declarationOnLineTwoIsIgnoredAfterCode() {
    byte[] b = concat("x = 1\n# coding: latin-1\ns = '".getBytes(), bytes(0xE9), "'\n".getBytes());
    assertEquals("file is not valid UTF-8 (byte 0xe9 at line 3, column 6)",
        problem(SourceReader.decode(b, "a.py")));
  }

  @Test
  void invalidUtf8NamesByteLineAndColumn() {
    byte[] b = concat("a = 1\nb = 2\nc = '".getBytes(), bytes(0xFF), "'\n".getBytes());
    assertEquals("file is not valid UTF-8 (byte 0xff at line 3, column 6)",
        problem(SourceReader.decode(b, "a.py")));
  }

  @Test
  void invalidUtf8ColumnCountsCharactersNotBytes() {
    byte[] b = concat("é = '".getBytes(StandardCharsets.UTF_8), bytes(0xC3, 0x28));
    assertEquals("file is not valid UTF-8 (byte 0xc3 at line 1, column 6)",
        problem(SourceReader.decode(b, "a.py")));
  }

  @Test
  void replacementCharacterInTheFileIsKeptAndStillRefusesBadBytes() {
    // U+FFFD written in the file is valid text (the fast decoder's marker for bad input is not enough)
    String good = "x = '\uFFFD\u00e9'\n";
    assertEquals(good, ok(SourceReader.decode(good.getBytes(StandardCharsets.UTF_8), "a.py")).file().text());
    byte[] bad = concat("x = '\uFFFD'\n".getBytes(StandardCharsets.UTF_8), "y = '".getBytes(), bytes(0xFF), "'\n".getBytes());
    assertEquals("file is not valid UTF-8 (byte 0xff at line 2, column 6)", problem(SourceReader.decode(bad, "a.py")));
  }

  @Test
  void codingWordOnlyInTheSecondLineCounts() {
    byte[] b = concat("#!/usr/bin/env python\n# -*- coding: latin-1 -*-\nx = '".getBytes(), bytes(0xE9), "'\n".getBytes());
    DecodedSource d = ok(SourceReader.decode(b, "a.py"));
    assertEquals(StandardCharsets.ISO_8859_1, d.charset());
    assertTrue(d.file().text().contains("\u00e9"));
  }

  @Test
  void encodedSurrogateIsInvalidUtf8() {
    byte[] b = concat("x = '".getBytes(), bytes(0xED, 0xA0, 0x80), "'\n".getBytes());
    assertTrue(problem(SourceReader.decode(b, "a.py")).startsWith("file is not valid UTF-8 (byte 0xed at line 1, column 6)"));
  }

  @Test
  void undecodableUnderDeclaredEncoding() {
    byte[] b = concat("# coding: cp1252\nx = '".getBytes(), bytes(0x81), "'\n".getBytes());
    assertEquals("file cannot be decoded as cp1252 (byte 0x81 at line 2, column 6)",
        problem(SourceReader.decode(b, "a.py")));
  }

  @Test
  void unknownEncoding() {
    assertEquals("unknown encoding 'klingon-8' declared in the coding comment",
        problem(SourceReader.decode("# coding: klingon-8\nx = 1\n".getBytes(), "a.py")));
  }

  @Test
  void pythonCodecNamesMapToJavaCharsets() {
    assertEquals(StandardCharsets.ISO_8859_1, SourceReader.charsetFor("latin-1"));
    assertEquals(StandardCharsets.ISO_8859_1, SourceReader.charsetFor("Latin_1"));
    assertEquals(StandardCharsets.ISO_8859_1, SourceReader.charsetFor("iso-8859-1"));
    assertEquals(StandardCharsets.UTF_8, SourceReader.charsetFor("utf8"));
    assertEquals(StandardCharsets.UTF_8, SourceReader.charsetFor("UTF-8"));
    assertEquals(StandardCharsets.US_ASCII, SourceReader.charsetFor("ascii"));
    assertEquals(Charset.forName("windows-1252"), SourceReader.charsetFor("cp1252"));
    assertEquals(Charset.forName("EUC-JP"), SourceReader.charsetFor("euc_jp"));
    assertEquals(null, SourceReader.charsetFor("no-such-codec"));
  }

  @Test
  void nulBytesAreRefused() {
    assertEquals("file contains NUL bytes; binary files are not analysed",
        problem(SourceReader.decode("x = 1\0\n".getBytes(), "a.py")));
  }

  @Test
  void pngIsRefusedAsBinary() {
    byte[] png = bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R');
    assertEquals("file contains NUL bytes; binary files are not analysed",
        problem(SourceReader.decode(png, "a.py")));
  }

  @Test
  void emptyFile() throws IOException {
    Path p = Files.write(tmp.resolve("e.py"), new byte[0]);
    DecodedSource d = ok(SourceReader.read(p, "e.py"));
    assertEquals("", d.file().text());
    assertEquals(1, d.file().lines().lineCount());
  }

  @Test
  void missingFile() {
    assertEquals("file does not exist", problem(SourceReader.read(tmp.resolve("nope.py"), "nope.py")));
  }

  @Test
  void directoryIsNotAFile() {
    assertEquals("not a regular file (a directory); only regular files are read",
        problem(SourceReader.read(tmp, "dir")));
  }

  @Test
  void twentyMegabyteFile() throws IOException {
    Path p = tmp.resolve("big.py");
    byte[] line = "losses.append(loss)  # a fairly ordinary line of training code\n".getBytes();
    long total = 0;
    try (OutputStream out = Files.newOutputStream(p)) {
      while (total < 20_000_000) {
        out.write(line);
        total += line.length;
      }
    }
    DecodedSource d = ok(SourceReader.read(p, "big.py"));
    assertEquals(total, d.file().text().length());
    assertEquals(total / line.length + 1, d.file().lines().lineCount());
  }
}
