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
 * same as before; snapshots of the whole state bound that replay. The data directory also keeps the token secret, so
 * tokens survive a restart, and a lock file, so two servers cannot share it. Its files hold the data (personal data,
 * if any was sent) and are made readable by their owner only. Not API.
 */
public final class Durability implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Durability.class);
  private static final String SECRET = "token.secret";
  private static final String LOCK = "lock";
  private static final String OPTIONS = "options.properties";
  private static final String SNAPSHOT_PREFIX = "snapshot-";
  private static final String SNAPSHOT_SUFFIX = ".json.gz";

  private final Path dir;
  private final Store store;
  private final MutableClock clock;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final byte[] secret;
  private final CommandLog log;
  private List<CommandLog.Command> pending;
  private StoreSnapshot snapshot;
  /** The generation of the current journal: it grows at each snapshot and reset. */
  private long generation;
  private final long snapshotEvery;
  /** While replaying: the recorded instant of the command being replayed. */
  private Instant replayAt;
  /** Set when a write could not be forced to disk: the memory then holds an unjournaled write, so all calls fail. */
  private volatile IOException failure;

  private Durability(Path dir, String options, long snapshotEvery, Store store, MutableClock clock)
      throws IOException {
    this.dir = dir;
    this.snapshotEvery = snapshotEvery;
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
   * text the journal's replay depends on); a snapshot is written when the journal reaches {@code snapshotEvery}
   * records, and at {@link #close()}.
   *
   * @throws UncheckedIOException when it cannot be used: unreadable, in use by another server, corrupt journal
   * @throws IllegalStateException when it was made with other options
   */
  public static Durability open(Path dir, String options, long snapshotEvery, Store store, MutableClock clock) {
    try {
      return new Durability(dir, options, snapshotEvery, store, clock);
    } catch (IOException e) {
      throw new UncheckedIOException("data directory " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The token secret kept in the data directory (made on first use, readable by its owner only). */
  public byte[] secret() {
    return secret.clone();
  }

  /**
   * Brings the store back to the data directory's state: the latest snapshot, if the journal continues it, then the
   * journal replayed in order, calls through {@code router} and auto-archiving through {@code sweep}, each at its
   * recorded instant. Call once, before serving.
   *
   * @return false for a new data directory (nothing to bring back: the caller resets, which starts the journal)
   * @throws UncheckedIOException when the snapshot the journal continues is missing or unreadable
   */
  public boolean start(Router router, com.fasterxml.jackson.databind.json.JsonMapper json, Runnable sweep,
      Runnable restored) {
    this.snapshot = new StoreSnapshot(store, router, clock, json, restored);
    List<CommandLog.Command> commands = pending;
    pending = List.of();
    long latest = latestSnapshot();
    CommandLog.Command first = commands.isEmpty() ? null : commands.get(0);
    boolean marked = first != null && first.kind() == CommandLog.Kind.MARK;
    long journalGeneration = marked ? first.generation() : 0;
    if (first == null && latest < 0) {
      return false;
    }
    if (marked && first.afterSnapshot() && latest < journalGeneration) {
      throw new UncheckedIOException(new IOException(dir + ": the journal continues snapshot " + journalGeneration
          + ", which is missing"));
    }
    boolean journalCovered = latest > journalGeneration || (latest >= 0 && !marked);
    store.write(() -> {
      if (latest >= 0 && (journalCovered || first.afterSnapshot())) {
        readSnapshot(latest);
      }
      if (!journalCovered) {
        replay(commands, router, sweep);
      }
      return null;
    });
    generation = Math.max(latest, journalGeneration);
    if (journalCovered) {
      // a crash between a snapshot and the restart of its journal: the snapshot has it all
      try {
        log.restartWith(CommandLog.Command.mark(latest, true));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return true;
  }

  private void replay(List<CommandLog.Command> commands, Router router, Runnable sweep) {
    try {
      for (CommandLog.Command c : commands) {
        replayAt = c.systemNow();
        if (c.kind() == CommandLog.Kind.SWEEP) {
          pinned(c.systemNow(), () -> {
            sweep.run();
            return null;
          });
        } else if (c.kind() == CommandLog.Kind.CALL) {
          router.replay(c);
        }
      }
    } finally {
      replayAt = null;
    }
  }

  /**
   * Writes a snapshot of the whole state and starts the journal again after it, so that a restart reads the snapshot
   * and replays only what came later. Call under the write lock. Crash-safe: the snapshot is complete before it is
   * named, and the journal is restarted after; a start finding the snapshot newer than the journal skips the journal.
   */
  void snapshot() {
    long next = generation + 1;
    Path file = dir.resolve(SNAPSHOT_PREFIX + next + SNAPSHOT_SUFFIX);
    Path tmp = dir.resolve(SNAPSHOT_PREFIX + next + SNAPSHOT_SUFFIX + ".tmp");
    try {
      createOwnerOnly(tmp);
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(
            new java.io.BufferedOutputStream(java.nio.channels.Channels.newOutputStream(ch), 1 << 16), 1 << 16);
        snapshot.write(out);
        out.finish();
        out.flush();
        ch.force(true);
      }
      Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      forceDirectory(dir);
      log.restartWith(CommandLog.Command.mark(next, true));
      generation = next;
      deleteSnapshotsBefore(next);
    } catch (IOException e) {
      throw fail(e);
    }
  }

  private void readSnapshot(long generation) {
    Path file = dir.resolve(SNAPSHOT_PREFIX + generation + SNAPSHOT_SUFFIX);
    try (java.io.InputStream in = new java.util.zip.GZIPInputStream(
        new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16), 1 << 16)) {
      snapshot.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(file + " cannot be read: " + e.getMessage(), e);
    }
  }

  /** The generation of the newest snapshot in the directory, or -1. */
  private long latestSnapshot() {
    try (var files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith(SNAPSHOT_PREFIX) && n.endsWith(SNAPSHOT_SUFFIX))
          .mapToLong(n -> Long.parseLong(n.substring(SNAPSHOT_PREFIX.length(), n.length() - SNAPSHOT_SUFFIX.length())))
          .max().orElse(-1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void deleteSnapshotsBefore(long generation) throws IOException {
    try (var files = Files.list(dir)) {
      for (Path p : files.toList()) {
        String n = p.getFileName().toString();
        if (n.startsWith(SNAPSHOT_PREFIX) && n.endsWith(SNAPSHOT_SUFFIX) && Long.parseLong(
            n.substring(SNAPSHOT_PREFIX.length(), n.length() - SNAPSHOT_SUFFIX.length())) < generation) {
          Files.delete(p);
        }
      }
    }
  }

  /**
   * Runs the write {@code work} of {@code call} under the write lock with the clock pinned, and journals it before
   * returning. A refused call (an exception) is rolled back whole, the auto-archiving it ran included, and not
   * journaled.
   */
  Reply write(Call call, boolean reset, Supplier<Reply> work) {
    check();
    long[] seq = {0};
    try {
      return store.write(() -> {
        boolean live = replayAt == null;
        Instant now = live ? Instant.now() : replayAt;
        Reply reply = pinned(now, work);
        if (live) {
          seq[0] = journal(command(call, now), reset);
          if (log.records() >= snapshotEvery) {
            snapshot(); // restarts the journal, forced: nothing left to sync
            seq[0] = 0;
          }
        }
        return reply;
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

  /**
   * Appends a record; returns its sequence number to sync. A reset starts a new, self-contained journal (forced at
   * once) and makes the snapshots obsolete.
   */
  private long journal(CommandLog.Command c, boolean reset) {
    try {
      if (reset) {
        log.restartWith(CommandLog.Command.mark(generation + 1, false), c);
        generation++;
        deleteSnapshotsBefore(generation + 1);
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

  /** Writes a snapshot if the journal holds more than its mark, then releases the directory. */
  @Override
  public void close() {
    if (failure == null && snapshot != null && log.records() > 1) {
      try {
        store.write(() -> {
          snapshot();
          return null;
        });
      } catch (RuntimeException e) {
        LOG.warn("no snapshot at close ({}): the journal is complete, the next start replays it", e.toString());
      }
    }
    release();
  }

  /** Releases the directory as it is on disk, without a snapshot (a start that failed). */
  public void release() {
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
    if (ownerOnly) {
      createOwnerOnly(tmp);
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

  /** Creates {@code file} empty, readable and writable by its owner only where the platform has POSIX permissions. */
  static void createOwnerOnly(Path file) throws IOException {
    Files.deleteIfExists(file);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(file);
    }
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
