package io.vtsdk.core;

import io.vtsdk.core.internal.Messages;
import io.vtsdk.core.spi.StoredDossier;
import io.vtsdk.model.AttachmentId;
import io.vtsdk.model.DossierId;
import io.vtsdk.model.dossier.Attachment;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.validation.Stage;
import io.vtsdk.model.validation.Violation;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Files of a dossier: add one (streamed, bounded, hashed) and open one. Obtained from {@link VtCore#attachments()};
 * thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public final class AttachmentService {
  private final CoreContext ctx;

  private final com.fasterxml.jackson.databind.JavaType attachmentType;

  AttachmentService(CoreContext ctx) {
    this.ctx = ctx;
    this.attachmentType = ctx.type(Attachment.class);
  }

  /**
   * Adds a file to a dossier. The content is streamed to the store (never whole in the heap here), its size bounded
   * by the validator's limit, its SHA-256 computed; {@code announcedSha256} (hex, optional) must match it. The
   * metadata is the server's; the dossier's version increases.
   */
  public Written<Attachment> attach(Principal p, DossierId id, String fileName, String contentType,
      InputStream content, String announcedSha256, WriteOptions o) {
    String stored = storedFileName(fileName, o);
    return ctx.write(p, "attachments.attach", id, o, attachmentType, tx -> {
      StoredDossier sd = ctx.readableDossier(tx, p, id);
      if (!ctx.policy.canEditDossier(p, sd)) {
        throw VtCoreException.forbidden("only the requesting unit may attach files to its dossier");
      }
      Dossier d = sd.dossier();
      AttachmentId aid = AttachmentId.of(tx.newId("A"));
      MessageDigest md = sha256();
      Bounded counted = new Bounded(new DigestInputStream(content, md), ctx.validator.maxAttachmentBytes());
      tx.putAttachment(aid, d.id(), counted);
      String sha = HexFormat.of().formatHex(md.digest());
      if (announcedSha256 != null && !announcedSha256.trim().equalsIgnoreCase(sha)) {
        throw VtCoreException.invalid("the content's sha-256 does not match the announced one: the file was altered "
            + "or truncated in transit", List.of(new Violation("/sha256", "sha256.mismatch",
                "the content's sha-256 does not match the announced one")));
      }
      Instant now = ctx.clock.instant();
      Attachment a = new Attachment(aid, stored, contentType == null ? "" : contentType, counted.count, sha, now);
      List<Attachment> all = new ArrayList<>(d.attachments());
      all.add(a);
      Dossier updated = d.toBuilder().attachments(all).version(d.version() + 1).updatedAt(now).build();
      ctx.requireValid(updated, Stage.DRAFT, o.locale());
      tx.putDossier(updated, sd.createdBy());
      ctx.emit(tx, "dossier.attachment", tx.dossier(id).orElseThrow(), null, null, p.role(), null);
      return a;
    });
  }

  /** An attachment's metadata and its content (the caller closes it). */
  public record Content(Attachment metadata, InputStream content) {}

  /** Opens an attachment the policy lets {@code p} read. */
  public Content open(Principal p, AttachmentId id) {
    return ctx.read(tx -> {
      StoredDossier d = tx.attachmentOwner(id).flatMap(tx::dossier).orElse(null);
      if (d == null || !ctx.policy.canReadAttachment(p, d, tx.requestsOf(d.dossier().id()), tx.agreements())) {
        throw VtCoreException.notFound("attachment", id.value());
      }
      Attachment meta = d.dossier().attachments().stream().filter(a -> a.id().equals(id)).findFirst()
          .orElseThrow(() -> VtCoreException.notFound("attachment", id.value()));
      return new Content(meta, tx.openAttachment(id)
          .orElseThrow(() -> VtCoreException.notFound("attachment", id.value())));
    });
  }

  /**
   * The name a file is stored and served under: its last path segment only ({@code ../../etc/passwd} is kept as
   * {@code passwd}), the characters Windows and {@code Content-Disposition} cannot carry ({@code < > : " / \\ | ? *})
   * replaced by {@code _}. Refused (422 naming {@code /fileName}): none, blank, nothing left, or a character
   * {@link io.vtsdk.model.validation.SafeText} refuses (CRLF, NUL, bidirectional overrides…).
   */
  static String storedFileName(String fileName, WriteOptions o) {
    if (fileName == null || fileName.isBlank()) {
      throw VtCoreException.invalid("give the file name", List.of(new Violation("/fileName", "required",
          Messages.get("attachment.fileName", o.locale()))));
    }
    if (io.vtsdk.model.validation.SafeText.problemInLine(fileName).isPresent()) {
      String m = Messages.get("attachment.fileName.unsafe", o.locale());
      throw VtCoreException.invalid(m, List.of(new Violation("/fileName", "text.forbidden-character", m)));
    }
    String last = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
    String cleaned = last.replaceAll("[<>:\"|?*]", "_").strip();
    if (cleaned.isEmpty() || cleaned.equals(".") || cleaned.equals("..")) {
      String m = Messages.get("attachment.fileName.empty", o.locale());
      throw VtCoreException.invalid(m, List.of(new Violation("/fileName", "fileName.invalid", m)));
    }
    return cleaned;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Counts and bounds what is read. */
  private static final class Bounded extends FilterInputStream {
    private final long limit;
    long count;

    Bounded(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        add(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0) {
        add(n);
      }
      return n;
    }

    private void add(long n) {
      count += n;
      if (count > limit) {
        throw new VtCoreException(VtCoreException.Kind.CAPACITY, "payload-too-large",
            "the attachment exceeds " + limit + " bytes");
      }
    }
  }
}
