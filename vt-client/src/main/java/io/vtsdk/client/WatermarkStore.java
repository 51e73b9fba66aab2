package io.vtsdk.client;

import org.apiguardian.api.API;

/**
 * Where {@link EventSync} keeps its position in the change feed: your database, next to the data the handler
 * writes (ideally in the same transaction), a file… Implementations must be durable: a watermark
 * {@link #save saved} must be {@link #load loaded} after a restart.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface WatermarkStore {
  /** The last saved cursor, or null before the first sync (start of the feed). */
  String load();

  /** Saves the cursor after which the next sync starts. */
  void save(String cursor);

  /** An in-memory store (tests, or a process that replays the feed from the start each time). */
  static WatermarkStore inMemory() {
    return new WatermarkStore() {
      private volatile String cursor;

      @Override
      public String load() {
        return cursor;
      }

      @Override
      public void save(String c) {
        this.cursor = c;
      }
    };
  }
}
