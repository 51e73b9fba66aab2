package io.vtsdk.fhir.sdo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vtsdk.fhir.VtFhir;
import io.vtsdk.fhir.validation.SdoValidator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.hl7.fhir.r4.model.DocumentReference;
import org.junit.jupiter.api.Test;

class SdoDocumentsTest {

  @Test
  void decisionAndEvaluationDocumentsAreValidEsmsDocumentReferences() {
    SdoValidator validator = SdoValidator.create();
    for (String type : new String[] {SdoDocuments.DECISION, SdoDocuments.EVALUATION}) {
      DocumentReference d = SdoDocuments.document(type, "MDPH69-2026-0042", "069-2026-000042", "application/pdf",
          "%PDF-1.7".getBytes(StandardCharsets.US_ASCII), Instant.parse("2026-11-23T10:15:30Z"));
      assertThat(validator.validate(d).errors()).as(type).isEmpty();
      assertThat(validator.validate(d).issues()).as("regle-NomPieceJointe holds: no warning about the title")
          .noneMatch(i -> i.message().contains("NomPieceJointe"));
      DocumentReference back = VtFhir.parse(VtFhir.toJson(d), DocumentReference.class);
      assertThat(SdoDocuments.type(back)).isEqualTo(type);
      assertThat(SdoDocuments.idNatDecision(back)).isEqualTo("069-2026-000042");
      assertThat(back.getContentFirstRep().getAttachment().getData()).startsWith("%PDF".getBytes());
    }
    assertThatThrownBy(() -> SdoDocuments.document("11488-4", "a", "b", "text/plain", new byte[1], Instant.now()))
        .hasMessageContaining("57830-2");
  }
}
