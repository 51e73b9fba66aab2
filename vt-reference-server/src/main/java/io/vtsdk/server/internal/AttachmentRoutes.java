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
      return new Reply(200, Map.of("Content-Type", a.metadata().contentType(), "ETag",
          "\"" + a.metadata().sha256() + "\"", "X-Content-SHA256", a.metadata().sha256()), in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
