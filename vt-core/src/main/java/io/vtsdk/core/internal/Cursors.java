package io.vtsdk.core.internal;

import io.vtsdk.core.VtCoreException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque cursors: a position (a sequence number of the store) encrypted with AES under the server's key, so a caller
 * cannot read from it how much happened elsewhere, nor forge one. One 16-byte block: the position and a fixed tag,
 * checked on the way back. Not API.
 */
public final class Cursors {
  private static final long TAG = 0x7674637572736f72L; // "vtcursor"
  private final SecretKeySpec key;

  public Cursors(byte[] secret) {
    try {
      byte[] k = java.security.MessageDigest.getInstance("SHA-256").digest(concat("vt-cursor-key:", secret));
      this.key = new SecretKeySpec(k, 0, 16, "AES");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] concat(String label, byte[] secret) {
    byte[] l = label.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] out = new byte[l.length + secret.length];
    System.arraycopy(l, 0, out, 0, l.length);
    System.arraycopy(secret, 0, out, l.length, secret.length);
    return out;
  }

  public String encode(long position) {
    try {
      Cipher c = Cipher.getInstance("AES/ECB/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key);
      byte[] block = ByteBuffer.allocate(16).putLong(position).putLong(TAG).array();
      return Base64.getUrlEncoder().withoutPadding().encodeToString(c.doFinal(block));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The position of a cursor this key made; 0 (the start) for null, empty or {@code "0"}. */
  public long decode(String cursor, String parameter) {
    if (cursor == null || cursor.isEmpty() || cursor.equals("0")) {
      return 0; // "0": from the start, as every cursor of the first version began
    }
    try {
      byte[] raw = Base64.getUrlDecoder().decode(cursor);
      if (raw.length != 16) {
        throw new IllegalArgumentException();
      }
      Cipher c = Cipher.getInstance("AES/ECB/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key);
      ByteBuffer b = ByteBuffer.wrap(c.doFinal(raw));
      long position = b.getLong();
      if (b.getLong() != TAG || position < 0) {
        throw new IllegalArgumentException();
      }
      return position;
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new VtCoreException(VtCoreException.Kind.BAD_INPUT, "bad-request",
          "'" + parameter + "' is not a cursor this server issued");
    }
  }
}
