package io.vtsdk.store.jdbc;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.vtsdk.core.spi.Store;
import io.vtsdk.core.spi.StoreException;
import io.vtsdk.core.spi.StoreTx;
import io.vtsdk.model.json.VtJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * vt-core's {@link Store} on a database, through JDBC: every {@link #write} is one database transaction, committed
 * (and, for SQLite, synced to disk) before it returns. Two engines:
 *
 * <ul>
 *   <li><b>SQLite</b> ({@link #sqlite(Path)}), embedded, the default of a durable reference server: WAL journal,
 *       {@code synchronous=FULL}; one process per file (a lock file refuses a second one); the file is checked at
 *       open ({@code PRAGMA quick_check} and its size against its header) and a damaged one is refused, never
 *       repaired or shortened;
 *   <li><b>PostgreSQL</b> ({@link #builder()} with a {@code jdbc:postgresql:} URL), shared: several servers on one
 *       database behave as one, their writes serialised by the database (a transaction-scoped advisory lock), reads
 *       on a consistent snapshot (REPEATABLE READ).
 * </ul>
 *
 * <p>The schema is created and upgraded by Flyway migrations at open (docs/storage.md documents it). Attachment
 * contents are kept in chunks of 256 KiB and streamed in and out: their total size is bounded by the disk, not the
 * heap. When the database refuses or fails a write (disk full, I/O error, connection lost), the write throws
 * {@link StoreException} and nothing of it is kept.
 *
 * <pre>{@code
 * try (JdbcStore store = JdbcStore.sqlite(dir.resolve("vt.db"))) {
 *   VtCore core = VtCore.builder().store(store).build();
 *   // …
 * }
 * }</pre>
 *
 * <p>Thread-safe. Transactions do not nest: {@link #read} or {@link #write} from inside one is refused
 * ({@link IllegalStateException}). After a database failure the store stays usable: the failed connection is
 * discarded and the next write succeeds once the cause (a full disk, a lost server) is gone.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class JdbcStore implements Store {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcStore.class);
  private static final String MIGRATIONS = "classpath:io/vtsdk/store/jdbc/migration";

  final Dialect dialect;
  final JsonMapper json = VtJson.newMapper();
  private final HikariDataSource writers;
  private final HikariDataSource readers;
  /** Embedded engines: one writer at a time in this process (the file lock keeps other processes out). */
  private final ReentrantLock writeLock;
  /** The embedded file's locks and state; null for PostgreSQL. */
  private final FileGuard guard;
  private final ThreadLocal<JdbcTx> current = new ThreadLocal<>();
  private final String description;

  private JdbcStore(Builder b) {
    this.dialect = Dialect.of(b.url);
    this.description = dialect == Dialect.POSTGRESQL ? "the PostgreSQL database" : "the database " + b.file;
    FileGuard guard = null;
    HikariDataSource w = null;
    HikariDataSource r = null;
    try {
      if (b.file != null) {
        guard = FileGuard.acquire(b.file);
        if (dialect == Dialect.SQLITE) {
          guard.checkWhatTheLastServerLeft();
          SqliteFiles.prepare(b.file);
          guard.lockIdentity();
        }
      }
      migrate(b);
      w = pool(b, true);
      r = pool(b, false);
      if (dialect == Dialect.SQLITE) {
        SqliteFiles.quickCheck(w, b.file);
      }
      if (guard != null) {
        guard.state(FileGuard.OPEN);
      }
    } catch (IOException e) {
      closeQuietly(w, r, guard, false);
      throw new UncheckedIOException(description + " cannot be opened: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(w, r, guard, false);
      throw e;
    }
    this.guard = guard;
    this.writers = w;
    this.readers = r;
    this.writeLock = dialect.embedded ? new ReentrantLock(true) : null;
  }

  /** The embedded store of a reference server: a SQLite database file, created with its schema if missing. */
  public static JdbcStore sqlite(Path file) {
    return builder().sqlite(file).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  private void migrate(Builder b) {
    try {
      Flyway.configure(getClass().getClassLoader())
          .dataSource(b.url, b.user, b.password)
          .locations(MIGRATIONS)
          .placeholders(Map.of("text", dialect.text, "binary", dialect.binary))
          .target(b.targetVersion == null ? "latest" : b.targetVersion)
          .loggers("slf4j")
          .load()
          .migrate();
    } catch (FlywayException e) {
      Throwable cause = e;
      while (cause.getCause() != null) {
        cause = cause.getCause();
      }
      throw new StoreException(StoreException.Kind.UNAVAILABLE, description + " cannot be opened or migrated: "
          + firstLine(cause.getMessage()), e);
    }
  }

  private HikariDataSource pool(Builder b, boolean write) {
    HikariConfig c = new HikariConfig();
    c.setPoolName("vt-store-" + (write ? "writers" : "readers"));
    c.setJdbcUrl(b.url);
    if (b.user != null) {
      c.setUsername(b.user);
      c.setPassword(b.password);
    }
    c.setAutoCommit(false);
    c.setMinimumIdle(1);
    c.setMaximumPoolSize(write ? (dialect.embedded ? 1 : 4) : b.readers);
    c.setConnectionTimeout(Duration.ofSeconds(30).toMillis());
    c.setInitializationFailTimeout(Duration.ofSeconds(10).toMillis());
    if (dialect == Dialect.POSTGRESQL) {
      c.setTransactionIsolation(write ? "TRANSACTION_READ_COMMITTED" : "TRANSACTION_REPEATABLE_READ");
      c.setReadOnly(!write);
    }
    if (dialect == Dialect.SQLITE) {
      // durable at commit (WAL synced), readers beside the writer, waits instead of SQLITE_BUSY
      c.addDataSourceProperty("journal_mode", "WAL");
      c.addDataSourceProperty("synchronous", "FULL");
      c.addDataSourceProperty("busy_timeout", "30000");
      if (b.maxPageCount > 0) {
        c.addDataSourceProperty("max_page_count", String.valueOf(b.maxPageCount));
      }
    }
    try {
      return new HikariDataSource(c);
    } catch (RuntimeException e) {
      throw new StoreException(StoreException.Kind.UNAVAILABLE, description + " cannot be reached: "
          + firstLine(e.getMessage()), e);
    }
  }

  @Override
  public boolean shared() {
    return dialect == Dialect.POSTGRESQL;
  }

  @Override
  public <T> T read(Function<StoreTx, T> work) {
    refuseNesting();
    return transaction(readers, false, work);
  }

  @Override
  public <T> T write(Function<StoreTx, T> work) {
    refuseNesting();
    return writeLock == null ? transaction(writers, true, work) : groupWrite(work);
  }

  /** Transactions do not nest (the {@link Store} contract): a call from inside one is a bug of its caller. */
  private void refuseNesting() {
    if (current.get() != null) {
      throw new IllegalStateException("a store transaction opened inside another: Store transactions do not nest");
    }
  }

  /**
   * One chunk of an attachment's content: in the transaction open on this thread when a stream is read inside one
   * (the core reads contents inside its read transactions), else in a short read of its own.
   */
  byte[] chunk(long attachmentSeq, int n) {
    JdbcTx tx = current.get();
    return tx != null ? tx.chunk(attachmentSeq, n)
        : transaction(readers, false, t -> ((JdbcTx) t).chunk(attachmentSeq, n));
  }

  /** The most writes one commit acknowledges: bounds how long the first of them waits for the others. */
  static final int MAX_GROUP = 32;

  /** The embedded engines' open write transaction, that the writes queued behind the current one join. */
  private Group group; // guarded by writeLock
  private final java.util.concurrent.atomic.AtomicLong groupCommits = new java.util.concurrent.atomic.AtomicLong();

  /** For the tests: how many group commits, and how many writes wait for the write lock. */
  long groupCommits() {
    return groupCommits.get();
  }

  int queuedWriters() {
    return writeLock == null ? 0 : writeLock.getQueueLength();
  }

  /** One database transaction shared by consecutive writes, each in its own savepoint, committed once for all. */
  private static final class Group {
    final Connection c;
    int members;
    final java.util.concurrent.CompletableFuture<Void> committed = new java.util.concurrent.CompletableFuture<>();

    Group(Connection c) {
      this.c = c;
    }
  }

  /**
   * Group commit (embedded engines, one writer at a time): a write runs in a savepoint of the open transaction and,
   * when other writes are queued behind it, leaves the commit to the last of them; it returns once that commit (one
   * sync for all) is done. A write that throws is rolled back to its savepoint: the others of its group are kept. A
   * failed commit fails every write of the group, and none of them is kept. The contract is unchanged: a write is
   * all or nothing, serialisable (in lock order), durable before it returns. SQLite has no group commit of its own,
   * and {@code synchronous=NORMAL}, which would amortise the sync, loses the last commits on power loss.
   */
  private <T> T groupWrite(Function<StoreTx, T> work) {
    Group g;
    T result = null;
    Throwable failed = null;
    writeLock.lock();
    try {
      try {
        if (group == null) {
          Connection c = writers.getConnection();
          dialect.beginWrite(c);
          group = new Group(c);
        }
      } catch (SQLException e) {
        throw failure(e);
      }
      g = group;
      java.sql.Savepoint savepoint;
      try {
        savepoint = g.c.setSavepoint();
      } catch (SQLException e) {
        throw abort(g, failure(e));
      }
      current.set(new JdbcTx(this, g.c, true));
      try {
        result = work.apply(current.get());
        g.c.releaseSavepoint(savepoint);
      } catch (StoreException e) {
        // the database failed under the work (disk full, I/O error): the engine may have ended the whole
        // transaction, so the group is lost and its connection discarded, whatever a savepoint would say
        abort(g, e);
        throw e;
      } catch (RuntimeException | Error e) {
        failed = e;
        try {
          g.c.rollback(savepoint);
        } catch (SQLException broken) { // the engine rolled the whole transaction back: the group is lost
          abort(g, failure(broken));
          throw e;
        }
      } catch (SQLException e) {
        throw abort(g, failure(e));
      } finally {
        current.remove();
      }
      g.members++;
      if (!writeLock.hasQueuedThreads() || g.members >= MAX_GROUP) {
        commit(g);
      }
    } finally {
      writeLock.unlock();
    }
    if (failed instanceof RuntimeException e) {
      throw e;
    }
    if (failed instanceof Error e) {
      throw e;
    }
    try {
      g.committed.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw (StoreException) e.getCause();
    }
    return result;
  }

  /** Commits the group (under the write lock) and tells its writes; the next write opens a new one. */
  private void commit(Group g) {
    group = null;
    try {
      g.c.commit(); // durable before any write of the group returns: the answers never run ahead of the database
      groupCommits.incrementAndGet();
      g.committed.complete(null);
      release(g.c);
    } catch (SQLException e) {
      discard(writers, g.c);
      g.committed.completeExceptionally(failure(e));
    }
  }

  /**
   * The group's transaction is lost: rolled back, its connection discarded (a failed engine may leave it in a state
   * no later write recovers from), and every write that joined it fails with {@code failure}.
   */
  private StoreException abort(Group g, StoreException failure) {
    group = null;
    discard(writers, g.c);
    g.committed.completeExceptionally(failure);
    return failure;
  }

  /**
   * Runs {@code work} as one transaction on a connection of {@code pool}: committed, or rolled back when it throws.
   * A connection on which the database failed is discarded, not returned to the pool: the next transaction gets a
   * fresh one, so a passing failure (disk full, a lost connection) ends with its cause.
   */
  private <T> T transaction(HikariDataSource pool, boolean writable, Function<StoreTx, T> work) {
    Connection c;
    try {
      c = pool.getConnection();
    } catch (SQLException e) {
      throw failure(e);
    }
    try {
      if (writable) {
        dialect.beginWrite(c);
      }
      current.set(new JdbcTx(this, c, writable));
      T result = work.apply(current.get());
      c.commit(); // a write is durable before it returns: the answer never runs ahead of the database
      release(c);
      return result;
    } catch (SQLException e) {
      discard(pool, c);
      throw failure(e);
    } catch (StoreException e) {
      discard(pool, c);
      throw e;
    } catch (RuntimeException | Error e) {
      if (rollbackQuietly(c)) {
        release(c);
      } else {
        discard(pool, c);
      }
      throw e;
    } finally {
      current.remove();
    }
  }

  /** Returns a healthy connection to its pool. */
  private void release(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      LOG.warn("{}: returning a connection: {}", description, firstLine(e.getMessage()));
    }
  }

  /** Rolls back what can be and closes the connection for good: the pool opens a new one when needed. */
  private static void discard(HikariDataSource pool, Connection c) {
    rollbackQuietly(c);
    pool.evictConnection(c);
  }

  /** A database failure as the store's exception: the cause's first line, never a stored value. */
  StoreException failure(SQLException e) {
    String state = e.getSQLState();
    boolean constraint = state != null && state.startsWith("23");
    LOG.warn("{}: {} (SQL state {})", description, firstLine(e.getMessage()), state);
    return new StoreException(constraint ? StoreException.Kind.CONFLICT : StoreException.Kind.UNAVAILABLE,
        (constraint ? "the database refused the write (constraint, SQL state " + state + ")"
            : "the database failed (" + firstLine(e.getMessage()) + "); nothing of the write was kept"), e);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "no message";
    }
    int nl = s.indexOf('\n');
    String line = nl < 0 ? s : s.substring(0, nl);
    // SQLite and PostgreSQL messages name the failure, not the values; keep them short anyway
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }

  /** Rolls back; false when the connection could not (it is broken and must be discarded). */
  private static boolean rollbackQuietly(Connection c) {
    try {
      c.rollback();
      return true;
    } catch (SQLException ignored) {
      return false; // the connection is broken: the caller discards it, the transaction is gone with it
    }
  }

  /** Opens a stream on one attachment's chunks, each read in its own short transaction. */
  java.io.InputStream chunks(long attachmentSeq) {
    return new ChunkStream(this, attachmentSeq);
  }

  @Override
  public void close() {
    closeQuietly(writers, readers, guard, true);
  }

  /** Closes the pools (SQLite checkpoints its WAL), then records a clean stop when {@code clean}, then unlocks. */
  private static void closeQuietly(HikariDataSource w, HikariDataSource r, FileGuard guard, boolean clean) {
    if (w != null) {
      w.close();
    }
    if (r != null) {
      r.close();
    }
    if (guard == null) {
      return;
    }
    try (guard) {
      if (clean) {
        guard.state(FileGuard.CLOSED);
      }
    } catch (IOException e) {
      LOG.warn("releasing the database lock: {}", e.toString());
    }
  }

  @Override
  public String toString() {
    return "JdbcStore[" + dialect + "]";
  }

  /** Creates {@code file} empty, readable and writable by its owner only where the platform has POSIX permissions. */
  static void createOwnerOnly(Path file) throws IOException {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(file);
    }
  }

  /** How a {@link JdbcStore} is opened. */
  public static final class Builder {
    private String url;
    private String user;
    private String password;
    private Path file;
    private int readers = 8;
    private long maxPageCount;
    private String targetVersion;

    private Builder() {}

    /** An embedded SQLite database file (created if missing, with owner-only permissions). */
    public Builder sqlite(Path file) {
      this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
      this.url = "jdbc:sqlite:" + this.file;
      return this;
    }

    /**
     * A database by JDBC URL: {@code jdbc:postgresql://host:5432/db} (shared), {@code jdbc:sqlite:FILE} or
     * {@code jdbc:h2:file:PATH} (embedded).
     */
    public Builder url(String url) {
      Dialect d = Dialect.of(Objects.requireNonNull(url, "url"));
      this.url = url;
      if (d == Dialect.SQLITE) {
        return sqlite(Path.of(url.substring("jdbc:sqlite:".length())));
      }
      if (d == Dialect.H2) {
        String path = url.substring("jdbc:h2:file:".length()).split(";", 2)[0];
        this.file = Path.of(path).toAbsolutePath();
      }
      return this;
    }

    /** The database account (PostgreSQL); give them from the environment or a file, never a command line. */
    public Builder credentials(String user, String password) {
      this.user = user;
      this.password = password;
      return this;
    }

    /** How many connections serve reads at once (8). */
    public Builder readers(int readers) {
      if (readers < 1) {
        throw new IllegalArgumentException("readers must be at least 1");
      }
      this.readers = readers;
      return this;
    }

    /**
     * SQLite only: the most pages the database may have ({@code PRAGMA max_page_count}); a write beyond fails as on
     * a full disk. For tests of that case.
     */
    public Builder maxPageCount(long pages) {
      this.maxPageCount = pages;
      return this;
    }

    /** Migrates the schema only up to {@code version} (upgrade tests); by default to the latest. */
    public Builder schemaVersion(String version) {
      this.targetVersion = version;
      return this;
    }

    /**
     * Opens the store: creates or upgrades its schema, checks an embedded file's integrity.
     *
     * @throws StoreException when the database cannot be reached, migrated, or is damaged
     * @throws IllegalStateException when another server holds the embedded file
     */
    public JdbcStore build() {
      if (url == null) {
        throw new IllegalStateException("give sqlite(file) or url(jdbcUrl)");
      }
      return new JdbcStore(this);
    }
  }
}
