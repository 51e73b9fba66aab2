package io.vtsdk.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtsdk.core.spi.StoreTx;
import io.vtsdk.model.AttachmentId;
import io.vtsdk.model.dossier.Attachment;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.validation.Violation;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link AttachmentService}: streamed, bounded, hashed files, readable by whoever reads the dossier. */
public class AttachmentServiceTest extends CoreTestBase {
  private static final byte[] PDF = "%PDF-1.7 compte-rendu".getBytes(StandardCharsets.US_ASCII);

  private static String sha(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  @Test
  void aFileIsHashedAndItsDossierVersionRaisedAndTheReceiverReadsIt() throws Exception {
    Dossier d = create(requester, sanitaire());
    Attachment a = core.attachments().attach(requester, d.id(), "cr.pdf", "application/pdf",
        new ByteArrayInputStream(PDF), sha(PDF).toUpperCase(java.util.Locale.ROOT), o()).value();
    assertThat(a.sha256()).isEqualTo(sha(PDF));
    assertThat(a.size()).isEqualTo(PDF.length);
    assertThat(core.dossiers().get(requester, d.id()).version()).isEqualTo(2);
    refused(VtCoreException.Kind.NOT_FOUND, () -> core.attachments().open(smr1, a.id()));
    send(requester, d.id(), SMR1);
    try (InputStream in = core.attachments().open(smr1, a.id()).content()) {
      assertThat(in.readAllBytes()).isEqualTo(PDF);
    }
  }

  @Test
  void aMismatchedHashATooLargeFileOrNoNameKeepNothing() {
    Dossier d = create(requester, sanitaire());
    VtCoreException mismatch = refused(VtCoreException.Kind.INVALID, () -> core.attachments().attach(requester,
        d.id(), "cr.pdf", "application/pdf", new ByteArrayInputStream(PDF), "00", o()));
    assertThat(mismatch.violations()).extracting(Violation::path).containsExactly("/sha256");
    long limit = core.validator().maxAttachmentBytes();
    VtCoreException large = refused(VtCoreException.Kind.CAPACITY, () -> core.attachments().attach(requester,
        d.id(), "big.bin", "application/octet-stream", new ByteArrayInputStream(new byte[(int) limit + 1]), null,
        o()));
    assertThat(large.code()).isEqualTo("payload-too-large");
    VtCoreException noName = refused(VtCoreException.Kind.INVALID, () -> core.attachments().attach(requester,
        d.id(), " ", "application/pdf", new ByteArrayInputStream(PDF), null, o()));
    assertThat(noName.violations()).extracting(Violation::path).containsExactly("/fileName");
    assertThat(core.dossiers().get(requester, d.id()).attachments()).isEmpty();
    assertThat(core.dossiers().get(requester, d.id()).version()).isEqualTo(1);
    List<AttachmentId> stored = core.store().read(StoreTx::attachmentIds);
    assertThat(stored).as("no content kept").isEmpty();
  }

  @Test
  void onlyTheRequestingSideAttaches() {
    Dossier d = create(requester, sanitaire());
    send(requester, d.id(), SMR1);
    refused(VtCoreException.Kind.FORBIDDEN, () -> core.attachments().attach(smr1, d.id(), "x.pdf", "application/pdf",
        new ByteArrayInputStream(PDF), null, o()));
  }
}
