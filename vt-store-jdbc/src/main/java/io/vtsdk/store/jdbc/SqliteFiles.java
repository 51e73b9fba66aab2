package io.vtsdk.store.jdbc;

import io.vtsdk.core.spi.StoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The checks of an embedded SQLite file at open. A damaged file is refused with a message and left exactly as it was:
 * this code never truncates, repairs or replaces a database. Not API.
 *
 * <p>The header fields read are those of the SQLite file format (https://www.sqlite.org/fileformat2.html §1.3): the
 * magic string at offset 0, the page size at 16 (1 meaning 65536), the change counter at 24, the size in pages at 28
 * and "version-valid-for" at 92 (the size is valid when it equals the change counter).
 */
final class SqliteFiles {
  private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  private SqliteFiles() {}

  /** Creates the directory and an empty owner-only file if missing; checks an existing file's header and size. */
  static void prepare(Path file) throws IOException {
    Path dir = file.getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    if (!Files.exists(file)) {
      JdbcStore.createOwnerOnly(file); // SQLite gives its -wal and -shm files the same permissions
      return;
    }
    long length = Files.size(file);
    if (length == 0) {
      return; // created, never written: a new database
    }
    ByteBuffer header = ByteBuffer.allocate(100);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      while (header.hasRemaining() && ch.read(header) >= 0) {
        // read the whole header
      }
    }
    if (header.position() < 100 || !startsWithMagic(header.array())) {
      throw damaged(file, "it is not a SQLite database (its header is missing or overwritten)");
    }
    int pageSize = Short.toUnsignedInt(header.getShort(16));
    pageSize = pageSize == 1 ? 65536 : pageSize;
    long changeCounter = Integer.toUnsignedLong(header.getInt(24));
    long pages = Integer.toUnsignedLong(header.getInt(28));
    long validFor = Integer.toUnsignedLong(header.getInt(92));
    if (pageSize < 512 || (pageSize & (pageSize - 1)) != 0) {
      throw damaged(file, "its header gives an impossible page size");
    }
    if (pages > 0 && validFor == changeCounter) {
      long expected = pages * pageSize;
      Path wal = file.resolveSibling(file.getFileName() + "-wal");
      boolean walPending = Files.exists(wal) && Files.size(wal) > 0;
      if (length > expected) {
        throw damaged(file, "it is longer than its header says (" + (length - expected)
            + " bytes after its last page: appended or overwritten)");
      }
      if (length < expected && !walPending) {
        throw damaged(file, "it is shorter than its header says (" + (expected - length)
            + " bytes missing: truncated)");
      }
    }
  }

  /** {@code PRAGMA quick_check} (SQLite's integrity check without the index contents): anything but "ok" refuses. */
  static void quickCheck(DataSource ds, Path file) {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
      String first = rs.next() ? rs.getString(1) : "no answer";
      c.rollback();
      if (!"ok".equals(first)) {
        throw damaged(file, "SQLite's quick_check reports: " + first);
      }
    } catch (SQLException e) {
      throw damaged(file, "SQLite cannot read it (" + e.getMessage() + ")");
    }
  }

  private static boolean startsWithMagic(byte[] header) {
    for (int i = 0; i < MAGIC.length; i++) {
      if (header[i] != MAGIC[i]) {
        return false;
      }
    }
    return true;
  }

  static StoreException damaged(Path file, String why) {
    return new StoreException(StoreException.Kind.UNAVAILABLE, "the database " + file + " is damaged: " + why
        + ". It was left as it is: restore it from a copy, or start with another data directory.", null);
  }
}
