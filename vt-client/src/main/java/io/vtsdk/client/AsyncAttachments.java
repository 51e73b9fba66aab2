package io.vtsdk.client;

import io.vtsdk.client.internal.Endpoints;
import io.vtsdk.client.internal.Pipeline;
import io.vtsdk.model.AttachmentId;
import io.vtsdk.model.DossierId;
import io.vtsdk.model.dossier.Attachment;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.apiguardian.api.API;

/**
 * Attachments of dossiers: streamed upload and download, sha-256 checked both ways.
 *
 * <p>Every method returns at once; the future completes with the answer or a {@link VtException}.
 * Each has a variant taking {@link RequestOptions}. Generated with its blocking twin by tools/gen-client-services.py.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class AsyncAttachments {
  private final Pipeline p;
  private final Endpoints e;

  AsyncAttachments(Pipeline p, Endpoints e) {
    this.p = p;
    this.e = e;
  }

  /** Uploads a file, streamed from disk, with its sha-256 (checked by the server). */
  public CompletableFuture<Attachment> upload(DossierId dossier, String fileName, String contentType, Path file) {
    return upload(dossier, fileName, contentType, file, RequestOptions.none());
  }

  /** As {@link #upload(DossierId, String, String, Path)}, with per-call options. */
  public CompletableFuture<Attachment> upload(DossierId dossier, String fileName, String contentType, Path file, RequestOptions o) {
    return p.executeAsync(e.upload(dossier, fileName, contentType, file, o));
  }

  /** Uploads bytes with their sha-256 (checked by the server). */
  public CompletableFuture<Attachment> upload(DossierId dossier, String fileName, String contentType, byte[] content) {
    return upload(dossier, fileName, contentType, content, RequestOptions.none());
  }

  /** As {@link #upload(DossierId, String, String, byte[])}, with per-call options. */
  public CompletableFuture<Attachment> upload(DossierId dossier, String fileName, String contentType, byte[] content, RequestOptions o) {
    return p.executeAsync(e.upload(dossier, fileName, contentType, content, o));
  }

  /** Streams an attachment into {@code out} and checks its sha-256; returns the number of bytes. */
  public CompletableFuture<Long> download(AttachmentId id, OutputStream out) {
    return download(id, out, RequestOptions.none());
  }

  /** As {@link #download(AttachmentId, OutputStream)}, with per-call options. */
  public CompletableFuture<Long> download(AttachmentId id, OutputStream out, RequestOptions o) {
    return p.executeAsync(e.download(id, out, o));
  }

}
