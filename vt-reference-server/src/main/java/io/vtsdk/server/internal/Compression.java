package io.vtsdk.server.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.zip.GZIPOutputStream;

/**
 * gzip answers when the caller asks for them ({@code Accept-Encoding}, RFC 9110 §12.5.3): JSON and text of at least
 * {@value #MIN_BYTES} bytes; attachments (already compressed formats, and their sha-256 is of the bytes) never. The
 * ETag stays the resource's version: it names the version, whatever the encoding. Not API.
 */
final class Compression {
  /** Below this, gzip's header costs more than it saves. */
  static final int MIN_BYTES = 1024;

  private Compression() {}

  static boolean compressible(String contentType, int length) {
    if (length < MIN_BYTES || contentType == null) {
      return false;
    }
    String t = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return t.equals("application/json") || t.endsWith("+json") || t.startsWith("text/");
  }

  /** True when {@code gzip} (or {@code *}) is acceptable: listed with no q, or a q above 0. */
  static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    boolean star = false;
    for (String part : acceptEncoding.split(",")) {
      String[] p = part.trim().split(";");
      String coding = p[0].trim().toLowerCase(Locale.ROOT);
      double q = 1;
      for (int i = 1; i < p.length; i++) {
        String param = p[i].trim();
        if (param.startsWith("q=") || param.startsWith("Q=")) {
          try {
            q = Double.parseDouble(param.substring(2));
          } catch (NumberFormatException e) {
            q = 0;
          }
        }
      }
      if (coding.equals("gzip") || coding.equals("x-gzip")) {
        return q > 0;
      }
      star |= coding.equals("*") && q > 0;
    }
    return star;
  }

  /**
   * The gzip of bodies still in use, by identity: a stored record's JSON is one array per version (the representation
   * cache of V1Replies), so repeated reads compress it once. Entries go with their body.
   */
  private static final Map<byte[], byte[]> GZIPPED = Collections.synchronizedMap(new WeakHashMap<>());

  static byte[] gzip(byte[] body) {
    byte[] done = GZIPPED.get(body);
    if (done != null) {
      return done;
    }
    done = compress(body);
    GZIPPED.put(body, done);
    return done;
  }

  private static byte[] compress(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
