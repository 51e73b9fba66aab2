package io.vtsdk.testkit.internal;


import io.vtsdk.core.Principal;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.workflow.Role;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * The durable server's append-only journal of write commands ({@code journal.log} in the data directory). Each record
 * is a frame {@code [int length][int CRC32C][payload]}, written in the order the writes were applied and forced to
 * disk ({@code fsync}, shared by concurrent writers) before the write is acknowledged. On start the frames are read back in order; a torn last frame (a crash during its write, so never
 * acknowledged) is cut off, while a bad frame followed by good data is corruption and stops the start. Not API.
 */
final class CommandLog implements AutoCloseable {
  static final String FILE = "journal.log";
  private static final byte FORMAT = 1;
  /** Larger than any frame the server can write (body limit + headers), smaller than a corrupt length. */
  private static final int MAX_FRAME = 256 * 1024 * 1024;

  /**
   * What a journaled record replays: a call through the router, or the auto-archiving of a refused call; a MARK is
   * the first record of a journal and says what it continues (see {@link Durability}).
   */
  enum Kind { CALL, SWEEP, MARK }

  /**
   * One journaled write: the system time when it ran (the server clock is derived from it on replay) and the call as
   * the router saw it, the caller included (tokens are not kept).
   */
  record Command(Kind kind, Instant systemNow, String method, String path, String rawQuery,
      Map<String, String> headers, byte[] body, Principal principal, String locale) {
    Command {
      TreeMap<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      h.putAll(headers);
      headers = java.util.Collections.unmodifiableMap(h);
    }

    static Command sweep(Instant systemNow) {
      return new Command(Kind.SWEEP, systemNow, "", "", null, Map.of(), new byte[0], null, "");
    }

    /** The first record of a journal of generation {@code generation}, continuing a snapshot or starting empty. */
    static Command mark(long generation, boolean afterSnapshot) {
      return new Command(Kind.MARK, Instant.EPOCH, afterSnapshot ? "SNAPSHOT" : "EMPTY",
          Long.toString(generation), null, Map.of(), new byte[0], null, "");
    }

    long generation() {
      return Long.parseLong(path);
    }

    boolean afterSnapshot() {
      return "SNAPSHOT".equals(method);
    }
  }

  private final Path file;
  private final Object syncLock = new Object();
  private FileChannel channel;
  private long records;
  /** Sequence numbers of records: the last one given, the last written to the file, the last forced to disk. */
  private long sequence;
  private volatile long written;
  private volatile long synced;

  private CommandLog(Path file, FileChannel channel, long records) {
    this.file = file;
    this.channel = channel;
    this.records = records;
  }

  /**
   * Opens (or creates) the journal of {@code dir} and returns it with the commands it holds, oldest first.
   *
   * @throws UncheckedIOException when the file cannot be read, or is corrupt before its last frame
   */
  static Opened open(Path dir) {
    Path file = dir.resolve(FILE);
    try {
      List<Command> commands = new ArrayList<>();
      long good = 0;
      if (Files.exists(file)) {
        byte[] all = Files.readAllBytes(file);
        ByteBuffer in = ByteBuffer.wrap(all);
        while (in.remaining() > 0) {
          long at = in.position();
          Command c = next(in);
          if (c == null) {
            if (in.position() < all.length) {
              throw new IOException(file + " is corrupt at byte " + at + " of " + all.length
                  + " (a bad frame followed by more data); move it away to start empty");
            }
            break; // torn tail: never acknowledged
          }
          commands.add(c);
          good = in.position();
        }
      }
      if (!Files.exists(file)) {
        Durability.createOwnerOnly(file);
      }
      FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE);
      long cut = ch.size() - good;
      ch.truncate(good);
      ch.position(good);
      ch.force(true);
      Durability.forceDirectory(dir);
      return new Opened(new CommandLog(file, ch, commands.size()), List.copyOf(commands), cut);
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }

  /** A journal just opened: the log, the commands to replay, and how many bytes of torn tail were cut off. */
  record Opened(CommandLog log, List<Command> commands, long tornBytes) {}

  /**
   * Appends {@code c} to the file (not yet forced) and returns its sequence number, for {@link #sync(long)}. Called
   * under the store's write lock, so the file order is the order the writes were applied in.
   */
  synchronized long write(Command c) throws IOException {
    ByteBuffer frame = frame(c);
    while (frame.hasRemaining()) {
      channel.write(frame);
    }
    records++;
    written = ++sequence;
    return sequence;
  }

  /**
   * Returns once every record up to {@code seq} is on disk. Group commit: one {@code fsync} covers every record
   * written before it started, so concurrent writers share it, and it runs outside the store's lock.
   */
  void sync(long seq) throws IOException {
    if (synced >= seq) {
      return;
    }
    synchronized (syncLock) {
      if (synced >= seq) {
        return; // a concurrent fsync covered it
      }
      long target = written;
      channel.force(false);
      synced = target;
    }
  }

  /** Returns once everything written so far is on disk (before answering a read that may have seen it). */
  void syncAll() throws IOException {
    sync(written);
  }

  /**
   * Replaces the whole journal with {@code commands} (after a reset or a snapshot nothing earlier is needed): written
   * to a new file, forced, then atomically renamed over the journal, so a crash leaves the old journal or the new one.
   */
  synchronized void restartWith(Command... commands) throws IOException {
    synchronized (syncLock) {
      Path tmp = file.resolveSibling(FILE + ".tmp");
      Durability.createOwnerOnly(tmp);
      try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        for (Command c : commands) {
          ByteBuffer frame = frame(c);
          while (frame.hasRemaining()) {
            out.write(frame);
          }
        }
        out.force(true);
      }
      channel.close();
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      Durability.forceDirectory(file.getParent());
      channel = FileChannel.open(file, StandardOpenOption.WRITE);
      channel.position(channel.size());
      records = commands.length;
      written = ++sequence;
      synced = sequence;
    }
  }

  /** Records in the journal. */
  synchronized long records() {
    return records;
  }

  /** Bytes in the journal. */
  synchronized long bytes() throws IOException {
    return channel.size();
  }

  @Override
  public synchronized void close() throws IOException {
    channel.close();
  }

  static ByteBuffer frame(Command c) {
    byte[] payload = payload(c);
    CRC32C crc = new CRC32C();
    crc.update(payload);
    ByteBuffer b = ByteBuffer.allocate(8 + payload.length);
    b.putInt(payload.length).putInt((int) crc.getValue()).put(payload).flip();
    return b;
  }

  /** The next command of {@code in}, or null (position unchanged past the valid data) when the frame is bad. */
  private static Command next(ByteBuffer in) {
    if (in.remaining() < 8) {
      in.position(in.limit());
      return null;
    }
    int length = in.getInt();
    int crc = in.getInt();
    if (length < 0 || length > MAX_FRAME || length > in.remaining()) {
      in.position(in.limit());
      return null; // a length past the end: the frame was being written
    }
    byte[] payload = new byte[length];
    in.get(payload);
    CRC32C check = new CRC32C();
    check.update(payload);
    if ((int) check.getValue() != crc) {
      return null;
    }
    try {
      return read(payload);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static byte[] payload(Command c) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + c.body().length);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      out.writeByte(c.kind().ordinal());
      out.writeLong(c.systemNow().getEpochSecond());
      out.writeInt(c.systemNow().getNano());
      string(out, c.method());
      string(out, c.path());
      string(out, c.rawQuery());
      out.writeInt(c.headers().size());
      for (Map.Entry<String, String> h : c.headers().entrySet()) {
        string(out, h.getKey());
        string(out, h.getValue());
      }
      out.writeInt(c.body().length);
      out.write(c.body());
      Principal p = c.principal();
      string(out, p == null ? null : p.role().name());
      string(out, p == null ? null : p.unit().value());
      string(out, p == null ? null : p.actorId());
      string(out, c.locale());
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in memory
    }
    return bytes.toByteArray();
  }

  private static Command read(byte[] payload) throws IOException {
    DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(payload));
    if (in.readByte() != FORMAT) {
      throw new IOException("unknown journal format");
    }
    Kind kind = Kind.values()[in.readByte()];
    Instant now = Instant.ofEpochSecond(in.readLong(), in.readInt());
    String method = string(in);
    String path = string(in);
    String query = string(in);
    int n = in.readInt();
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0; i < n; i++) {
      headers.put(string(in), string(in));
    }
    byte[] body = new byte[in.readInt()];
    in.readFully(body);
    String role = string(in);
    String unit = string(in);
    String actor = string(in);
    Principal p = role == null ? null : new Principal(Role.valueOf(role), UnitId.of(unit), actor);
    return new Command(kind, now, method, path, query, headers, body, p, string(in));
  }

  private static void string(DataOutputStream out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String string(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      return null;
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }
}
