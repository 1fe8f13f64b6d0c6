package dev.oomlint.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RegularFilesTest {
  @TempDir
  Path tmp;

  @Test
  void readsARegularFileAndAnEmptyOne() throws IOException {
    Path a = Files.writeString(tmp.resolve("a.py"), "x = 1\n");
    assertArrayEquals("x = 1\n".getBytes(StandardCharsets.UTF_8), RegularFiles.read(a));
    assertEquals(0, RegularFiles.read(Files.createFile(tmp.resolve("e.py"))).length);
    assertEquals("x = 1\n", new String(RegularFiles.read(Files.createSymbolicLink(tmp.resolve("l.py"), a)),
        StandardCharsets.UTF_8));
  }

  @Test
  void aFileWhoseSizeSaysZeroIsReadToItsEnd() throws IOException {
    Path status = Path.of("/proc/self/status");
    assumeTrue(Files.isRegularFile(status) && Files.size(status) == 0, "no /proc here");
    assertTrue(new String(RegularFiles.read(status), StandardCharsets.UTF_8).contains("Name:"));
    // and refused when what it holds passes the limit, though its size said 0
    RegularFiles.Refused e = assertThrows(RegularFiles.Refused.class, () -> RegularFiles.read(status, 10));
    assertEquals("file is too large; the limit is 10 bytes (max-file-size, --max-file-size)", e.getMessage());
  }

  @Test
  void refusesWhatIsNotARegularFile() throws Exception {
    Path fifo = tmp.resolve("p.py");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeTrue(mk.waitFor() == 0, "no mkfifo here");
    assertEquals("not a regular file (a FIFO); only regular files are read",
        assertThrows(RegularFiles.Refused.class, () -> RegularFiles.read(fifo)).getMessage());
    assertEquals("not a regular file (a directory); only regular files are read",
        assertThrows(RegularFiles.Refused.class, () -> RegularFiles.read(tmp)).getMessage());
    assumeTrue(Files.exists(Path.of("/dev/zero")));
    Path zero = Files.createSymbolicLink(tmp.resolve("z.py"), Path.of("/dev/zero"));
    assertEquals("not a regular file (a character device); only regular files are read",
        assertThrows(RegularFiles.Refused.class, () -> RegularFiles.read(zero)).getMessage());
    Files.delete(zero); // (JUnit warns about links that leave its directory)
    assertEquals("file does not exist",
        RegularFiles.reason(assertThrows(IOException.class, () -> RegularFiles.read(tmp.resolve("none.py")))));
  }

  @Test
  void refusesASparseFileAboveTheLimitWithoutReadingIt() throws IOException {
    Path big = tmp.resolve("big.py");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(65L << 20);
    }
    assertEquals("file is too large (65 MiB); the limit is 64 MiB (max-file-size, --max-file-size)",
        assertThrows(RegularFiles.Refused.class, () -> RegularFiles.read(big)).getMessage());
    assertEquals(65L << 20, RegularFiles.read(big, 65L << 20).length, "exactly the limit is read");
  }

  @Test
  void sourceReaderReportsTheRefusalAsTheFilesReason() throws IOException {
    Path a = Files.writeString(tmp.resolve("a.py"), "x = 1\n");
    SourceReader.Outcome o = SourceReader.read(a, "a.py", WordSet.empty(), 3);
    assertEquals(new SourceReader.Outcome.Unreadable(
        "file is too large (6 bytes); the limit is 3 bytes (max-file-size, --max-file-size)"), o);
  }

  @Test
  void parsesSizes() {
    assertEquals(64L << 20, RegularFiles.parseSize("64MiB"));
    assertEquals(64L << 20, RegularFiles.parseSize("64M"));
    assertEquals(1_000_000L, RegularFiles.parseSize("1MB"));
    assertEquals(1000L, RegularFiles.parseSize("1000"));
    assertEquals(2048L, RegularFiles.parseSize(" 2 kib "));
    assertEquals(1L << 30, RegularFiles.parseSize("1G"));
    assertNull(RegularFiles.parseSize("0"));
    assertNull(RegularFiles.parseSize("-1"));
    assertNull(RegularFiles.parseSize("1.5M"));
    assertNull(RegularFiles.parseSize("lots"));
    assertNull(RegularFiles.parseSize("99999999999999999999"));
    assertEquals("64 MiB", RegularFiles.human(64L << 20));
    assertEquals("1.5 KiB", RegularFiles.human(1536));
    assertEquals("1 byte", RegularFiles.human(1));
  }
}
