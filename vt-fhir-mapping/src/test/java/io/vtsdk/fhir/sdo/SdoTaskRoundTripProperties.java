package io.vtsdk.fhir.sdo;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtsdk.fhir.VtFhir;
import io.vtsdk.model.Coding;
import io.vtsdk.model.handicap.EsmsStatus;
import io.vtsdk.model.nos.Concept;
import io.vtsdk.model.nos.NosTable;
import io.vtsdk.model.nos.Nomenclatures;
import io.vtsdk.model.validation.DossierValidator;
import io.vtsdk.model.validation.Stage;
import io.vtsdk.model.validation.ValidationReport;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Any valid ESMS status → SDO Task → JSON → Task → status is lossless (its validity: vt-fhir-validation). */
public class SdoTaskRoundTripProperties {
  static DossierValidator model;

  @BeforeContainer
  static void build() {
    model = DossierValidator.builder().build();
  }

  @Property(tries = 80)
  void modelToFhirToModelIsLossless(@ForAll("statuses") EsmsStatus status) {
    ValidationReport checked = model.validate(status, Stage.DRAFT);
    assertThat(checked.violations()).as("the generator makes valid statuses").isEmpty();
    Instant updated = Instant.parse("2026-11-23T10:15:30Z");
    String json = VtFhir.toJson(SdoTaskMapper.toTask(status, updated));
    org.hl7.fhir.r4.model.Task back = VtFhir.parse(json, org.hl7.fhir.r4.model.Task.class);
    assertThat(SdoTaskMapper.fromTask(back)).isEqualTo(status);
  }

  static Arbitrary<Coding> codes(NosTable table, String system) {
    List<Concept> concepts = new ArrayList<>(Nomenclatures.get(table).concepts());
    return Arbitraries.of(concepts).map(c -> new Coding(system, c.code(), c.display()));
  }

  static Arbitrary<String> names() {
    return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzéèàçôÉ -'").ofMinLength(1).ofMaxLength(40)
        .filter(s -> !s.isBlank());
  }

  static Arbitrary<LocalDate> dates() {
    return Arbitraries.integers().between(0, 4000).map(d -> LocalDate.of(2015, 1, 1).plusDays(d));
  }

  @Provide
  Arbitrary<EsmsStatus> statuses() {
    return anyStatus();
  }

  /** The generator, for the validity properties of vt-fhir-validation. */
  public static Arbitrary<EsmsStatus> anyStatus() {
    String r357 = NosTable.R357.url();
    Arbitrary<String> idNatStruct = Arbitraries.oneOf(
        Arbitraries.strings().numeric().ofLength(9).map(s -> "1" + s),
        Arbitraries.strings().numeric().ofLength(14).map(s -> "3" + s));
    Arbitrary<Coding> esmsStatus = codes(NosTable.J252, r357);
    Arbitrary<EsmsStatus> esmsLevel = Combinators.combine(idNatStruct, names(), esmsStatus, dates(),
        Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(30),
        Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(30))
        .as((id, name, st, date, idDecision, idNat) -> {
          List<String> motifs = new ArrayList<>(Nomenclatures.statusMotifs().motifsFor(st.code()));
          Coding motif = motifs.isEmpty() ? null : new Coding(NosTable.R358.url(), motifs.get(0), null);
          return new EsmsStatus(id, name, st, motif, date, null, null, null, null, idDecision, idNat);
        });
    Arbitrary<Coding> unitStatus = codes(NosTable.J253, r357);
    Arbitrary<Coding> careMode = Arbitraries.of("46", "47", "48").map(c -> new Coding(NosTable.R213.url(), c, null));
    return Combinators.combine(esmsLevel, Arbitraries.of(true, false), unitStatus, names(), careMode, dates(),
        Arbitraries.of(Boolean.TRUE, Boolean.FALSE, null))
        .as((s, withUnit, ust, unitName, mode, unitDate, sequential) -> !withUnit ? s
            : new EsmsStatus(s.idNatStruct(), s.esmsName(), s.status(), s.motif(), s.statusDate(), "ROR-" + unitName
                .length(), ust, null, unitDate, s.idDecision(), s.idNatDecision(), unitName,
                new Coding(SdoCodes.J34_CATEGORIE_ORGANISATION, "03", null),
                sequential == null ? null : new Coding(NosTable.R240.url(), "01", "Permanent"), sequential, mode,
                null));
  }
}
