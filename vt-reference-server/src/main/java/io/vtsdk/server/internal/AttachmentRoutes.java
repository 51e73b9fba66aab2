package io.vtsdk.server.internal;

import static io.vtsdk.server.internal.V1Replies.dossierId;

import io.vtsdk.core.AttachmentService;
import io.vtsdk.core.VtCore;
import io.vtsdk.core.Written;
import io.vtsdk.model.AttachmentId;
import io.vtsdk.model.dossier.Attachment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** Attachments: upload (raw body) and download. Not API. */
final class AttachmentRoutes {
  private final VtCore core;
  private final V1Replies out;

  AttachmentRoutes(VtCore core, V1Replies out) {
    this.core = core;
    this.out = out;
  }

  void register(Router r) {
    r.route("POST", "/v1/dossiers/{id}/attachments", this::upload, core.validator().maxAttachmentBytes());
    r.route("GET", "/v1/attachments/{id}", this::download);
  }

  /**
   * Upload: the raw body is the file, its Content-Type the file's type, {@code ?fileName=} its name. The core computes
   * the sha-256; an {@code X-Content-SHA256} header (hex) is checked against it.
   */
  private Reply upload(Call c) {
    if (c.header("Content-Type") == null) {
      throw new ApiException(415, "unsupported-media-type",
          "an upload needs Content-Type: the file's own type (application/pdf, image/jpeg…)");
    }
    Written<Attachment> w = core.attachments().attach(c.principal(), dossierId(c), c.query("fileName"),
        c.header("Content-Type"), new ByteArrayInputStream(c.body), c.header("X-Content-SHA256"), c.write());
    Attachment a = w.value();
    return V1Replies.replayed(w, out.ok(201, a).withHeader("Location", "/v1/attachments/" + a.id())
        .withHeader("ETag", "\"" + a.sha256() + "\""));
  }

  private Reply download(Call c) {
    AttachmentService.Content a = core.attachments().open(c.principal(), AttachmentId.of(c.path("id")));
    try (InputStream in = a.content()) {
      // nosniff: the declared type is the uploader's; a browser must not guess HTML from the bytes and run it
      return new Reply(200, Map.of("Content-Type", a.metadata().contentType(), "ETag",
          "\"" + a.metadata().sha256() + "\"", "X-Content-SHA256", a.metadata().sha256(),
          "X-Content-Type-Options", "nosniff", "Content-Disposition", contentDisposition(a.metadata().fileName())),
          in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code attachment} with the stored name twice (RFC 6266 §4.3): an ASCII fallback in {@code filename} (anything
   * else, quotes and backslashes as {@code _}) and the exact name in {@code filename*} (RFC 8187, UTF-8,
   * percent-encoded). The core already refused control characters and removed any path.
   */
  static String contentDisposition(String fileName) {
    StringBuilder ascii = new StringBuilder();
    StringBuilder encoded = new StringBuilder();
    fileName.codePoints().forEach(cp -> ascii.append(cp >= 0x20 && cp < 0x7f && cp != '"' && cp != '\\'
        ? (char) cp : '_'));
    for (byte b : fileName.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
        encoded.append(c);
      } else {
        encoded.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }
}
