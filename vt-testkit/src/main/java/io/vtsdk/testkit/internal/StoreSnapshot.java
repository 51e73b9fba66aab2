package io.vtsdk.testkit.internal;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vtsdk.core.InMemoryStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The whole state of a reference server as one JSON document (a durable server's snapshot): the core store's dump,
 * the idempotency records and the clock. Faults and the call journal are test controls, not data, and are not kept.
 * Written and read under the store's write lock. Format 2 (the core's store); format 1 snapshots of earlier versions
 * are refused. Not API.
 */
final class StoreSnapshot {
  private static final int FORMAT = 2;

  /** The JSON mapper leaves empty values out: they come back as empty, not null. */
  record IdempotencyRow(String scope, byte[] requestHash, int status, Map<String, String> headers, byte[] body) {
    IdempotencyRow {
      headers = headers == null ? Map.of() : headers;
      body = body == null ? new byte[0] : body;
    }
  }

  record Document(int format, InMemoryStore.Dump store, List<IdempotencyRow> idempotency, Instant clockFrozen,
      Duration clockOffset) {
    Document {
      idempotency = idempotency == null ? List.of() : idempotency;
      clockOffset = clockOffset == null ? Duration.ZERO : clockOffset;
    }
  }

  private final Store store;
  private final Router router;
  private final MutableClock clock;
  private final JsonMapper json;
  private final Runnable restored;

  StoreSnapshot(Store store, Router router, MutableClock clock, JsonMapper json, Runnable restored) {
    this.store = store;
    this.router = router;
    this.clock = clock;
    this.json = json;
    this.restored = restored;
  }

  /** Writes the state to {@code out}, left open. Call under the write lock. */
  void write(OutputStream out) throws IOException {
    List<IdempotencyRow> idempotency = new ArrayList<>();
    router.forEachIdempotencyRecord((scope, stored) -> idempotency.add(new IdempotencyRow(scope, stored.requestHash(),
        stored.reply().status(), stored.reply().headers(), stored.reply().body())));
    json.writer().without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out,
        new Document(FORMAT, store.data.dump(), idempotency, clock.frozen(), clock.offset()));
  }

  /** Replaces the state by the one read from {@code in}. Call under the write lock, on an empty store. */
  void read(InputStream in) throws IOException {
    Document d = json.readValue(in, Document.class);
    if (d.format() != FORMAT) {
      throw new IOException("unknown snapshot format " + d.format() + " (this version reads format " + FORMAT + ")");
    }
    store.data.restore(d.store());
    router.clearIdempotency();
    for (IdempotencyRow r : d.idempotency()) {
      router.restoreIdempotency(r.scope(), r.requestHash(), new Reply(r.status(), r.headers(), r.body()));
    }
    clock.restore(d.clockFrozen(), d.clockOffset());
    restored.run();
  }
}
