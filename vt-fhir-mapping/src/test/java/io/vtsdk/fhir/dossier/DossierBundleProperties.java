package io.vtsdk.fhir.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vtsdk.fhir.VtFhir;
import io.vtsdk.model.testing.DossierArbitraries;
import io.vtsdk.model.Coding;
import io.vtsdk.model.RequestId;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.actor.Profession;
import io.vtsdk.model.actor.Professional;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.nos.NosTable;
import io.vtsdk.model.request.AdmissionRequest;
import io.vtsdk.model.request.Response;
import io.vtsdk.model.request.ResponseKind;
import io.vtsdk.model.workflow.RequestStatus;
import io.vtsdk.model.json.VtJson;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Any dossier (vt-model's generator, every module) → Bundle → JSON → Bundle → dossier is lossless but for the audit
 * history, which is not exchanged; and the Bundle is valid R4.
 */
public class DossierBundleProperties {
  @Provide
  Arbitrary<Dossier> dossiers() {
    return anyDossier();
  }

  /** The generator, for the validity properties of vt-fhir-validation. */
  public static Arbitrary<Dossier> anyDossier() {
    return DossierArbitraries.dossiers().map(d -> d.toBuilder().history(List.of()).patient(d.patient() == null ? null
            : io.vtsdk.fhir.frcore.PatientRoundTripProperties.withoutEmptyParts(d.patient())).build())
        .filter(d -> !hasBlankString(VtJson.newMapper().valueToTree(d)));
  }

  /** FHIR strings cannot be blank (HAPI drops them): such model values have no FHIR form. */
  static boolean hasBlankString(JsonNode n) {
    if (n.isTextual()) {
      return n.asText().isBlank();
    }
    for (JsonNode child : n) {
      if (hasBlankString(child)) {
        return true;
      }
    }
    return false;
  }

  static Arbitrary<AdmissionRequest> requests(Dossier d) {
    Arbitrary<java.time.Instant> instants = Arbitraries.longs().between(1_600_000_000_000L, 1_900_000_000_000L)
        .map(java.time.Instant::ofEpochMilli);
    Arbitrary<String> texts = Arbitraries.strings().withCharRange('a', 'z').withChars(" éàç'").ofMinLength(1)
        .ofMaxLength(30).filter(t -> !t.isBlank());
    Arbitrary<Professional> authors = Combinators.combine(texts, texts.injectNull(0.5),
        Arbitraries.of(Profession.class)).as((l, f, p) -> new Professional(null, l, f, p, null));
    Arbitrary<Response> responses = Combinators.combine(Arbitraries.of(ResponseKind.values()),
            Arbitraries.of(io.vtsdk.model.nos.Nomenclatures.get(NosTable.R358).concepts().stream()
                    .map(io.vtsdk.model.nos.Concept::code).toList()).map(c -> new Coding(NosTable.R358.url(), c, null))
                .injectNull(0.5), texts.injectNull(0.5), authors.injectNull(0.5), instants.injectNull(0.3),
            Arbitraries.integers().between(0, 400).map(n -> java.time.LocalDate.of(2026, 1, 1).plusDays(n))
                .injectNull(0.5), instants.injectNull(0.7))
        .as(Response::new);
    return Combinators.combine(Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(8),
            Arbitraries.of("SMR-CARDIO-69", "CPAM-691", "IME-69"), Arbitraries.of(RequestStatus.class),
            instants.injectNull(0.2), instants.injectNull(0.5), instants.injectNull(0.5), instants.injectNull(0.5),
            responses.list().ofMaxSize(3))
        .as((id, unit, status, sent, read, answered, closed, rs) -> new AdmissionRequest(RequestId.of("R-" + id),
            d.id(), d.module(), UnitId.of(unit), status, sent, read, answered, closed, rs, 3));
  }

  @Property(tries = 300)
  void dossierToBundleToDossierIsLossless(@ForAll("dossiersWithRequests") DossierWithRequests dr) {
    Dossier d = dr.dossier();
    String json = VtFhir.toJson(DossierBundleMapper.toBundle(d, dr.requests()));
    Bundle parsed = VtFhir.parse(json, Bundle.class);
    assertThat(VtJson.toJson(DossierBundleMapper.requestsFromBundle(parsed))).isEqualTo(VtJson.toJson(dr.requests()));
    assertThat(DossierBundleMapper.requestsFromBundle(parsed)).isEqualTo(dr.requests());
    Dossier back = DossierBundleMapper.fromBundle(parsed);
    // compared as JSON first: toString() redacts identity, so a failure would not say what differs
    assertThat(VtJson.toJson(back)).isEqualTo(VtJson.toJson(d));
    assertThat(back).isEqualTo(d);
  }

  /** A dossier and the requests it was sent as. */
  public record DossierWithRequests(Dossier dossier, List<AdmissionRequest> requests) {}

  @Provide
  Arbitrary<DossierWithRequests> dossiersWithRequests() {
    return anyDossierWithRequests();
  }

  /** The generator, for the validity properties of vt-fhir-validation. */
  public static Arbitrary<DossierWithRequests> anyDossierWithRequests() {
    return anyDossier().flatMap(d -> requests(d).list().ofMaxSize(3).uniqueElements(AdmissionRequest::id)
        .map(rs -> new DossierWithRequests(d, rs)));
  }

}
