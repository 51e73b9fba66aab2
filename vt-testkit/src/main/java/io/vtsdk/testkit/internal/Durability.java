package io.vtsdk.testkit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the reference server durable: every write call runs whole under the store's write lock with the clock pinned
 * to one instant, is appended to the {@link CommandLog} in that order, and is forced to disk before its answer leaves
 * (group commit, outside the lock); a read waits for the writes it may have seen to be on disk. A restart
 * replays the log in order with the same instants, so the state (ids, versions, events, idempotency records) is the
 * same as before. The data directory also keeps the token secret, so tokens survive a restart, and a lock file, so
 * two servers cannot share it. Not API.
 */
public final class Durability implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Durability.class);
  private static final String SECRET = "token.secret";
  private static final String LOCK = "lock";
  private static final String OPTIONS = "options.properties";

  private final Path dir;
  private final Store store;
  private final MutableClock clock;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final byte[] secret;
  private CommandLog log;
  private List<CommandLog.Command> pending;
  /** While replaying: the recorded instant of the command being replayed. */
  private Instant replayAt;
  /** Set when a write could not be forced to disk: the memory then holds an unjournaled write, so all calls fail. */
  private volatile IOException failure;

  private Durability(Path dir, String options, Store store, MutableClock clock) throws IOException {
    this.dir = dir;
    this.store = store;
    this.clock = clock;
    Files.createDirectories(dir);
    lockChannel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock l;
    try {
      l = lockChannel.tryLock();
    } catch (java.nio.channels.OverlappingFileLockException e) {
      l = null;
    }
    if (l == null) {
      lockChannel.close();
      throw new IOException(dir + " is in use by another reference server");
    }
    lock = l;
    try {
      checkOptions(dir.resolve(OPTIONS), options);
      secret = secret(dir.resolve(SECRET));
    } catch (IOException | RuntimeException e) {
      l.release();
      lockChannel.close();
      throw e;
    }
    CommandLog.Opened opened;
    try {
      opened = CommandLog.open(dir);
    } catch (UncheckedIOException e) {
      l.release();
      lockChannel.close();
      throw e.getCause();
    }
    if (opened.tornBytes() > 0) {
      LOG.warn("cut {} bytes of a torn last journal record (a crash while it was written; never acknowledged)",
          opened.tornBytes());
    }
    log = opened.log();
    pending = opened.commands();
  }

  /**
   * Opens (creating it if needed) the data directory {@code dir}, made with the server options {@code options} (a
   * text the journal's replay depends on).
   *
   * @throws UncheckedIOException when it cannot be used: unreadable, in use by another server, corrupt journal
   * @throws IllegalStateException when it was made with other options
   */
  public static Durability open(Path dir, String options, Store store, MutableClock clock) {
    try {
      return new Durability(dir, options, store, clock);
    } catch (IOException e) {
      throw new UncheckedIOException("data directory " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The token secret kept in the data directory (made on first use, readable by its owner only). */
  public byte[] secret() {
    return secret.clone();
  }

  /** Whether the journal held commands when opened (false: a new data directory). */
  public boolean hasHistory() {
    return !pending.isEmpty();
  }

  /**
   * Replays the journal, once, in order: calls through {@code router}, auto-archiving through {@code sweep}, each at
   * its recorded instant. Returns how many commands ran.
   */
  public int replay(Router router, Runnable sweep) {
    List<CommandLog.Command> commands = pending;
    pending = List.of();
    try {
      for (CommandLog.Command c : commands) {
        replayAt = c.systemNow();
        if (c.kind() == CommandLog.Kind.SWEEP) {
          store.write(() -> pinned(c.systemNow(), () -> {
            sweep.run();
            return null;
          }));
        } else {
          router.replay(c);
        }
      }
    } finally {
      replayAt = null;
    }
    return commands.size();
  }

  /**
   * Runs the write {@code work} of {@code call} under the write lock with the clock pinned, and journals it before
   * returning. A refused call (an exception) is journaled only as the auto-archiving it may have done.
   */
  Reply write(Call call, boolean reset, Supplier<Reply> work) {
    check();
    long[] seq = {0};
    try {
      return store.write(() -> {
        boolean live = replayAt == null;
        Instant now = live ? Instant.now() : replayAt;
        long sweepsBefore = store.sweeps;
        try {
          Reply reply = pinned(now, work);
          if (live) {
            seq[0] = journal(command(call, now), reset);
          }
          return reply;
        } catch (RuntimeException e) {
          if (live && store.sweeps != sweepsBefore) {
            seq[0] = journal(CommandLog.Command.sweep(now), false);
          }
          throw e;
        }
      });
    } finally {
      if (seq[0] > 0) {
        sync(seq[0]); // outside the lock: the fsync is shared with the writers that queued meanwhile
      }
    }
  }

  /**
   * Before a read answers: waits until every write it may have seen is on disk, so that nothing a caller was shown
   * can be lost by a crash.
   */
  void beforeRead() {
    check();
    try {
      log.syncAll();
    } catch (IOException e) {
      fail(e);
    }
  }

  private <T> T pinned(Instant now, Supplier<T> work) {
    clock.pin(now);
    try {
      return work.get();
    } finally {
      clock.unpin();
    }
  }

  /** Refuses calls once a write could not be made durable. */
  void check() {
    if (failure != null) {
      throw unavailable();
    }
  }

  private ApiException unavailable() {
    return new ApiException(503, "unavailable", "the server's journal cannot be written (" + failure.getMessage()
        + "); restart it");
  }

  /** Appends a record (a reset restarts the journal, forced at once); returns its sequence number to sync. */
  private long journal(CommandLog.Command c, boolean reset) {
    try {
      if (reset) {
        log.restartWith(c);
        return 0;
      }
      return log.write(c);
    } catch (IOException e) {
      throw fail(e);
    }
  }

  private void sync(long seq) {
    try {
      log.sync(seq);
    } catch (IOException e) {
      throw fail(e);
    }
  }

  private ApiException fail(IOException e) {
    if (failure == null) {
      failure = e;
      LOG.error("cannot write the journal in {}: refusing every call from now on", dir, e);
    }
    throw unavailable();
  }

  private static CommandLog.Command command(Call call, Instant now) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (String h : Call.HANDLER_HEADERS) {
      String v = call.header(h);
      if (v != null) {
        headers.put(h, v);
      }
    }
    return new CommandLog.Command(CommandLog.Kind.CALL, now, call.method, call.requestPath, call.rawQuery, headers,
        call.body, call.principal, call.locale.toLanguageTag());
  }

  /** Records and bytes in the journal (for the admin digest). */
  Map<String, Long> stats() {
    try {
      return Map.of("journalRecords", log.records(), "journalBytes", log.bytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      log.close();
      lock.release();
      lockChannel.close();
    } catch (IOException e) {
      LOG.warn("closing the data directory {}: {}", dir, e.toString());
    }
  }

  private static void checkOptions(Path file, String options) throws IOException {
    if (Files.exists(file)) {
      String made = Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
      if (!made.equals(options)) {
        throw new IllegalStateException(file.getParent() + " was made with other server options; its journal "
            + "replays to the same state only with them. Made with:\n" + made + "Now:\n" + options
            + "Start with the same options, or with another data directory.");
      }
      return;
    }
    writeDurably(file, options.getBytes(java.nio.charset.StandardCharsets.UTF_8), false);
  }

  /** Writes a small file whole or not at all: a temporary file, forced, renamed, directory forced. */
  private static void writeDurably(Path file, byte[] content, boolean ownerOnly) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    if (ownerOnly && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    Files.write(tmp, content);
    try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      c.force(true);
    }
    Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    forceDirectory(file.getParent());
  }

  private static byte[] secret(Path file) throws IOException {
    if (Files.exists(file)) {
      byte[] s = Files.readAllBytes(file);
      if (s.length != 32) {
        throw new IOException(file + " is not a 32-byte token secret");
      }
      return s;
    }
    byte[] s = new byte[32];
    new SecureRandom().nextBytes(s);
    writeDurably(file, s, true);
    return s;
  }

  /** Forces a directory's entries (a new or renamed file) to disk, where the platform allows it. */
  static void forceDirectory(Path dir) {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException e) {
      // not possible on every platform (Windows); the file contents are forced anyway
    }
  }
}
