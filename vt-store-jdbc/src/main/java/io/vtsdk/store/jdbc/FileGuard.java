package io.vtsdk.store.jdbc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What keeps one embedded database to one server and tells a start what the last one left. Two OS file locks: on
 * {@code vt.db.lock} beside the file (its path) and on a lock named after the file's identity (device and inode, in
 * {@code java.io.tmpdir/vt-sdk-locks/}), so that the same file reached through a hard link or another path is refused
 * too. {@code vt.db.lock} also holds the last server's state, {@code open} while it runs and {@code closed} after a
 * clean stop: a database that is missing or empty where a server stored data, or an unclean stop whose WAL (SQLite's
 * write-ahead log, holding the last committed writes) is gone, is refused instead of starting empty. Not API.
 */
final class FileGuard implements AutoCloseable {
  static final String OPEN = "open";
  static final String CLOSED = "closed";

  private final Path file;
  private final FileChannel pathChannel;
  private final FileLock pathLock;
  private final String previous;
  private FileChannel identityChannel;
  private FileLock identityLock;

  private FileGuard(Path file, FileChannel pathChannel, FileLock pathLock, String previous) {
    this.file = file;
    this.pathChannel = pathChannel;
    this.pathLock = pathLock;
    this.previous = previous;
  }

  /** Takes the path lock and reads the previous state; refuses a file another server holds. */
  static FileGuard acquire(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    FileChannel channel = FileChannel.open(file.resolveSibling(file.getFileName() + ".lock"),
        StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    FileLock lock = tryLock(channel);
    if (lock == null) {
      channel.close();
      throw new IllegalStateException(file + " is in use by another server (one server per embedded database)");
    }
    ByteBuffer buf = ByteBuffer.allocate(64);
    channel.read(buf, 0);
    return new FileGuard(file, channel, lock, new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII)
        .trim());
  }

  /**
   * Before SQLite opens the file: refuses a missing or empty database where a server stored data, and an unclean
   * stop without its WAL.
   */
  void checkWhatTheLastServerLeft() throws IOException {
    if (!previous.equals(OPEN) && !previous.equals(CLOSED)) {
      return; // a new directory (or one from before this check): nothing is expected
    }
    if (!Files.exists(file) || Files.size(file) == 0) {
      throw SqliteFiles.damaged(file, "it is " + (Files.exists(file) ? "empty" : "missing") + " although a server "
          + "stored data in it (" + file.getFileName() + ".lock says so); restore it from a copy, or remove the "
          + "directory to start an empty server on purpose");
    }
    Path wal = file.resolveSibling(file.getFileName() + "-wal");
    if (previous.equals(OPEN) && !Files.exists(wal)) {
      throw SqliteFiles.damaged(file, "the last server stopped uncleanly and its write-ahead log (" + wal.getFileName()
          + ") is missing: the writes it held would be lost; restore it, or remove the directory to start empty on "
          + "purpose");
    }
  }

  /** Once the file exists: the lock on its identity (a hard link or another path to it is the same file). */
  void lockIdentity() throws IOException {
    Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    if (key == null) {
      return; // a file system without identities: the path lock is all there is (docs/storage.md)
    }
    Path dir = Path.of(System.getProperty("java.io.tmpdir"), "vt-sdk-locks");
    Files.createDirectories(dir);
    identityChannel = FileChannel.open(dir.resolve(sha256(key.toString()) + ".lock"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
    identityLock = tryLock(identityChannel);
    if (identityLock == null) {
      throw new IllegalStateException(file + " is in use by another server through another path to the same file "
          + "(a hard link?): one server per embedded database");
    }
  }

  /** Records that a server runs on the file ({@link #OPEN}) or stopped cleanly ({@link #CLOSED}). */
  void state(String state) throws IOException {
    pathChannel.truncate(0);
    pathChannel.write(ByteBuffer.wrap((state + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
    pathChannel.force(true);
  }

  @Override
  public void close() throws IOException {
    try {
      if (identityLock != null) {
        identityLock.release();
        identityChannel.close();
      }
    } finally {
      pathLock.release();
      pathChannel.close();
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null; // held by this JVM
    }
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)))
          .substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
