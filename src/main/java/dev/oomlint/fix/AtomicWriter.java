package dev.oomlint.fix;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;

/**
 * Writes fixed text back in the file's own encoding (and byte order mark), keeping its
 * permissions: the bytes go to a temporary file in the same directory, which then replaces the
 * original in one atomic rename. A symbolic link is written through, not replaced.
 */
public final class AtomicWriter {
  private AtomicWriter() {}

  /** Text that the file's encoding cannot represent. */
  public static final class UnencodableException extends IOException {
    public UnencodableException(String message) {
      super(message);
    }
  }

  public static byte[] encode(String text, Charset charset, boolean bom) throws UnencodableException {
    CharsetEncoder enc = charset.newEncoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer bb;
    try {
      bb = enc.encode(CharBuffer.wrap(text));
    } catch (CharacterCodingException e) {
      throw new UnencodableException("the fixed text cannot be encoded as " + charset.name());
    }
    byte[] out = new byte[bb.remaining() + (bom ? 3 : 0)];
    int at = 0;
    if (bom) {
      out[0] = (byte) 0xEF;
      out[1] = (byte) 0xBB;
      out[2] = (byte) 0xBF;
      at = 3;
    }
    bb.get(out, at, bb.remaining());
    return out;
  }

  public static void write(Path file, byte[] bytes) throws IOException {
    Path target = Files.isSymbolicLink(file) ? file.toRealPath() : file;
    Path dir = target.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".oomlint.tmp");
    try {
      Files.write(tmp, bytes);
      PosixFileAttributeView posix = Files.getFileAttributeView(target, PosixFileAttributeView.class);
      if (posix != null) {
        Files.setPosixFilePermissions(tmp, posix.readAttributes().permissions());
      } else if (!Files.isWritable(target)) {
        tmp.toFile().setWritable(false);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
