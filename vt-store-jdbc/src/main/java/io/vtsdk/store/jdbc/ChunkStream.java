package io.vtsdk.store.jdbc;

import io.vtsdk.core.spi.StoreException;
import java.io.IOException;
import java.io.InputStream;

/**
 * An attachment's content read chunk by chunk, each chunk in its own short read (contents never change once
 * written), so a download holds one chunk in memory and no connection between reads. Not API.
 */
final class ChunkStream extends InputStream {
  private final JdbcStore store;
  private final long attachmentSeq;
  private int next;
  private byte[] chunk = new byte[0];
  private int pos;
  private boolean done;

  ChunkStream(JdbcStore store, long attachmentSeq) {
    this.store = store;
    this.attachmentSeq = attachmentSeq;
  }

  private boolean fill() throws IOException {
    while (!done && pos == chunk.length) {
      try {
        byte[] b = store.chunk(attachmentSeq, next);
        if (b == null) {
          done = true;
        } else {
          chunk = b;
          pos = 0;
          next++;
        }
      } catch (StoreException e) {
        throw new IOException(e.getMessage(), e);
      }
    }
    return !done || pos < chunk.length;
  }

  @Override
  public int read() throws IOException {
    return fill() && pos < chunk.length ? chunk[pos++] & 0xFF : -1;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (!fill() || pos >= chunk.length) {
      return -1;
    }
    int n = Math.min(len, chunk.length - pos);
    System.arraycopy(chunk, pos, b, off, n);
    pos += n;
    return n;
  }
}
