package io.vtsdk.client;

import io.vtsdk.client.internal.Endpoints;
import io.vtsdk.client.internal.Pipeline;
import io.vtsdk.model.AttachmentId;
import io.vtsdk.model.DossierId;
import io.vtsdk.model.dossier.Attachment;
import java.io.OutputStream;
import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * Attachments of dossiers: streamed upload and download, sha-256 checked both ways.
 *
 * <p>Every method blocks until the answer and throws a {@link VtException} on failure.
 * Each has a variant taking {@link RequestOptions}. Generated with its async twin by tools/gen-client-services.py.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Attachments {
  private final Pipeline p;
  private final Endpoints e;

  Attachments(Pipeline p, Endpoints e) {
    this.p = p;
    this.e = e;
  }

  /** Uploads a file, streamed from disk, with its sha-256 (checked by the server). */
  public Attachment upload(DossierId dossier, String fileName, String contentType, Path file) {
    return upload(dossier, fileName, contentType, file, RequestOptions.none());
  }

  /** As {@link #upload(DossierId, String, String, Path)}, with per-call options. */
  public Attachment upload(DossierId dossier, String fileName, String contentType, Path file, RequestOptions o) {
    return p.execute(e.upload(dossier, fileName, contentType, file, o));
  }

  /** Uploads bytes with their sha-256 (checked by the server). */
  public Attachment upload(DossierId dossier, String fileName, String contentType, byte[] content) {
    return upload(dossier, fileName, contentType, content, RequestOptions.none());
  }

  /** As {@link #upload(DossierId, String, String, byte[])}, with per-call options. */
  public Attachment upload(DossierId dossier, String fileName, String contentType, byte[] content, RequestOptions o) {
    return p.execute(e.upload(dossier, fileName, contentType, content, o));
  }

  /** Streams an attachment into {@code out} and checks its sha-256; returns the number of bytes. */
  public long download(AttachmentId id, OutputStream out) {
    return download(id, out, RequestOptions.none());
  }

  /** As {@link #download(AttachmentId, OutputStream)}, with per-call options. */
  public long download(AttachmentId id, OutputStream out, RequestOptions o) {
    return p.execute(e.download(id, out, o));
  }

}
