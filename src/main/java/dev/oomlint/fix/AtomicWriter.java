package dev.oomlint.fix;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;

/**
 * Writes fixed text back in the file's own encoding (and byte order mark), keeping its
 * permissions: the bytes go to a temporary file in the same directory, which then replaces the
 * original in one atomic rename. A symbolic link is written through, not replaced. A file with
 * several hard links is written in place instead (a rename would give this name a new inode and
 * leave the other names with the old text): see {@link #writeInPlace}.
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
    if (links(target) > 1) {
      writeInPlace(target, bytes);
      return;
    }
    Path dir = target.toAbsolutePath().getParent();
    String name = target.getFileName().toString();
    if (name.length() > 100) {
      name = name.substring(0, 100); // the temporary name must stay within the file system's limit
    }
    Path tmp = Files.createTempFile(dir, "." + name + ".", ".oomlint.tmp");
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

  /** The number of hard links to {@code file}, or 1 when the file system does not say. */
  static int links(Path file) {
    try {
      Object n = Files.getAttribute(file, "unix:nlink");
      return n instanceof Integer i ? i : 1;
    } catch (IOException | RuntimeException e) {
      return 1;
    }
  }

  /**
   * Overwrites {@code file}'s contents with {@code bytes}, keeping its inode (and so every hard
   * link to it). The file grows first: what goes past its old end is written before anything is
   * overwritten, so a full disk fails while the old text is still whole (the file is cut back to
   * its old size); then the start is overwritten, the rest cut off, and the data synced.
   */
  static void writeInPlace(Path file, byte[] bytes) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      long old = ch.size();
      if (bytes.length > old) {
        try {
          writeFully(ch, ByteBuffer.wrap(bytes, (int) old, bytes.length - (int) old), old);
          ch.force(false);
        } catch (IOException e) {
          ch.truncate(old);
          throw e;
        }
      }
      writeFully(ch, ByteBuffer.wrap(bytes, 0, (int) Math.min(old, bytes.length)), 0);
      ch.truncate(bytes.length);
      ch.force(true);
    }
  }

  private static void writeFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
    long at = position;
    while (buf.hasRemaining()) {
      at += ch.write(buf, at);
    }
  }
}
