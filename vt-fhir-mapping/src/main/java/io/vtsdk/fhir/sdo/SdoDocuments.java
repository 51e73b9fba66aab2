package io.vtsdk.fhir.sdo;

import io.vtsdk.fhir.FhirMappingException;
import java.time.Instant;
import java.util.Date;
import org.apiguardian.api.API;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;

/**
 * The documents of SDO flows 1 and 3 as {@code esms-document-reference}: the "individu + décision" document
 * (LOINC 57830-2) and the evaluation (LOINC 51848-0), each identified by the decision (use usual = idDecision, use
 * official = idNat_Decision), titled as regle-NomPieceJointe(-type) requires, with the content inline.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SdoDocuments {
  private SdoDocuments() {}

  public static final String LOINC = "http://loinc.org";
  /** Admission request document: the person and the MDPH decision (flow 1). */
  public static final String DECISION = "57830-2";
  /** Evaluation note (flow 3). */
  public static final String EVALUATION = "51848-0";
  static final String DECISION_TITLE = "Document Individu et décision";
  static final String EVALUATION_TITLE = "Document évaluation";

  /** A document of the decision {@code idDecision} / {@code idNatDecision}; {@code type} is DECISION or EVALUATION. */
  public static DocumentReference document(String type, String idDecision, String idNatDecision, String contentType,
      byte[] content, Instant lastUpdated) {
    if (!DECISION.equals(type) && !EVALUATION.equals(type)) {
      throw new IllegalArgumentException("type must be " + DECISION + " (decision) or " + EVALUATION
          + " (evaluation)");
    }
    DocumentReference d = new DocumentReference();
    d.getMeta().addProfile(SdoProfiles.ESMS_DOCUMENT_REFERENCE).setLastUpdated(Date.from(lastUpdated));
    d.addIdentifier().setUse(Identifier.IdentifierUse.USUAL).setValue(idDecision);
    d.addIdentifier().setUse(Identifier.IdentifierUse.OFFICIAL).setValue(idNatDecision);
    d.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
    d.getType().addCoding().setSystem(LOINC).setCode(type).setDisplay(DECISION.equals(type)
        ? "Admission request Document" : "Evaluation note");
    d.addContent().getAttachment().setContentType(contentType).setLanguage("fr")
        .setTitle(DECISION.equals(type) ? DECISION_TITLE : EVALUATION_TITLE).setData(content);
    return d;
  }

  /** The LOINC type of a document (DECISION or EVALUATION). */
  public static String type(DocumentReference d) {
    return d.getType().getCoding().stream().filter(c -> LOINC.equals(c.getSystem())).map(
        org.hl7.fhir.r4.model.Coding::getCode).findFirst()
        .orElseThrow(() -> new FhirMappingException("DocumentReference.type", "needs a LOINC coding"));
  }

  /** The decision's national id (the official identifier). */
  public static String idNatDecision(DocumentReference d) {
    return d.getIdentifier().stream().filter(i -> i.getUse() == Identifier.IdentifierUse.OFFICIAL).map(
        Identifier::getValue).findFirst()
        .orElseThrow(() -> new FhirMappingException("DocumentReference.identifier:official", "required"));
  }
}
