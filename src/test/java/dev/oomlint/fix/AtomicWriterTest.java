package dev.oomlint.fix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWriterTest {
  @TempDir
  Path tmp;

  @Test
  void encodesWithBomAndCharset() throws IOException {
    assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'x'},
        AtomicWriter.encode("x", StandardCharsets.UTF_8, true));
    assertArrayEquals(new byte[] {(byte) 0xE9}, AtomicWriter.encode("\u00e9", StandardCharsets.ISO_8859_1, false));
    AtomicWriter.UnencodableException e = assertThrows(AtomicWriter.UnencodableException.class,
        () -> AtomicWriter.encode("\u20ac", StandardCharsets.ISO_8859_1, false));
    assertEquals("the fixed text cannot be encoded as ISO-8859-1", e.getMessage());
  }

  @Test
  void replacesContentKeepsPermissionsAndLeavesNoTemporaryFile() throws IOException {
    Path f = Files.writeString(tmp.resolve("train.py"), "old\n");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-x---"));
    AtomicWriter.write(f, "new\n".getBytes(StandardCharsets.UTF_8));
    assertEquals("new\n", Files.readString(f));
    assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    try (var s = Files.list(tmp)) {
      assertEquals(List.of(f), s.toList());
    }
  }

  @Test
  void writesThroughASymbolicLink() throws IOException {
    Path real = Files.writeString(tmp.resolve("real.py"), "old\n");
    Path link = Files.createSymbolicLink(tmp.resolve("link.py"), real);
    AtomicWriter.write(link, "new\n".getBytes(StandardCharsets.UTF_8));
    assertTrue(Files.isSymbolicLink(link));
    assertEquals("new\n", Files.readString(real));
  }

  @Test
  void aFileWithSeveralHardLinksIsWrittenInPlaceSoEveryNameSeesTheNewText() throws IOException {
    Path a = Files.writeString(tmp.resolve("a.py"), "a much longer old text\n");
    Path b = Files.createLink(tmp.resolve("b.py"), a);
    Object inode = Files.getAttribute(a, "unix:ino");
    AtomicWriter.write(a, "short\n".getBytes(StandardCharsets.UTF_8));
    assertEquals("short\n", Files.readString(a));
    assertEquals("short\n", Files.readString(b));
    assertEquals(inode, Files.getAttribute(a, "unix:ino"));
    AtomicWriter.write(b, "now longer than the text before it\n".getBytes(StandardCharsets.UTF_8));
    assertEquals("now longer than the text before it\n", Files.readString(a));
    assertEquals(inode, Files.getAttribute(b, "unix:ino"));
    try (var s = Files.list(tmp)) {
      assertEquals(2, s.count(), "no temporary file left");
    }
  }

  @Test
  void aFileWithOneLinkIsStillReplacedAtomically() throws IOException {
    Path a = Files.writeString(tmp.resolve("a.py"), "old\n");
    Object inode = Files.getAttribute(a, "unix:ino");
    AtomicWriter.write(a, "new\n".getBytes(StandardCharsets.UTF_8));
    assertEquals("new\n", Files.readString(a));
    assertTrue(!inode.equals(Files.getAttribute(a, "unix:ino")), "a new inode, by rename");
  }
}
