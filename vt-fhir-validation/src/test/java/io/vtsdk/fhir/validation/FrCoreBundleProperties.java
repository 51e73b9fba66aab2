package io.vtsdk.fhir.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtsdk.fhir.VtFhir;
import io.vtsdk.fhir.dossier.DossierBundleMapper;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.identity.IdentityProof;
import io.vtsdk.model.identity.IdentityStatus;
import io.vtsdk.model.identity.Ins;
import io.vtsdk.model.identity.InsAuthority;
import io.vtsdk.model.identity.VigilanceAttribute;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.patient.Patient;
import io.vtsdk.model.testing.Fixtures;
import io.vtsdk.model.validation.DossierValidator;
import io.vtsdk.model.validation.Stage;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Every dossier Bundle the mapper writes validates against FR Core 2.2.0 and vt-sdk's own extensions with no error:
 * every module's dossier (valid at SUBMISSION), with qualified identities (fr-core-patient-ins, INS-NIR, -NIA, -TEST,
 * -DEMO) and the other three statuses (fr-core-patient), identity documents, vigilance attributes, births in France
 * and abroad. No vt-sdk extension is unknown to the validator.
 */
class FrCoreBundleProperties {
  static SdoValidator validator;
  static final DossierValidator MODEL = DossierValidator.builder().build();

  @BeforeContainer
  static void build() {
    validator = SdoValidator.create();
  }

  /** Birth places with a NIR département matching them: Lyon, Ajaccio, Saint-Denis (La Réunion), Spain. */
  static final List<String[]> PLACES = List.of(new String[] {"69", "123", "69123"}, new String[] {"2A", "004", "2A004"},
      new String[] {"97", "411", "97411"}, new String[] {"99", "134", "99134"});

  @Provide
  Arbitrary<Dossier> dossiers() {
    Arbitrary<Dossier> base = Arbitraries.of(Fixtures.sanitaire(), Fixtures.prado(), Fixtures.grandAge(),
        Fixtures.handicap(), Fixtures.tnd(), Fixtures.hnp());
    Arbitrary<String[]> place = Arbitraries.of(PLACES);
    Arbitrary<IdentityStatus> status = Arbitraries.of(IdentityStatus.class);
    Arbitrary<InsAuthority> authority = Arbitraries.of(InsAuthority.class);
    Arbitrary<IdentityProof> proof = Arbitraries.of(IdentityProof.class).injectNull(0.3);
    Arbitrary<java.util.Set<VigilanceAttribute>> vigilance = Arbitraries.of(VigilanceAttribute.class).set()
        .ofMaxSize(3);
    Arbitrary<String> more = Arbitraries.of("", " Marie", " Anne Louise", " Jean-Baptiste");
    return Combinators.combine(base, place, status, authority, proof, vigilance, more)
        .as((d, where, s, a, doc, attributes, names) -> {
          boolean handicap = d.module() == VtModule.HANDICAP; // seed 002: no INSi in Handicap
          IdentityStatus st = handicap && s.needsIns() ? IdentityStatus.VALIDEE : s;
          // the RNIV: validée and qualifiée rest on a high-trust document
          IdentityProof document = (st == IdentityStatus.VALIDEE || st == IdentityStatus.QUALIFIEE)
              && doc != null && !doc.highTrust() ? IdentityProof.PASSEPORT : doc;
          Patient p = d.patient();
          String nir13 = (p.sex() == io.vtsdk.model.identity.Sex.F ? "2" : "1")
              + String.format("%02d%02d", p.birthDate().getYear() % 100, p.birthDate().getMonthValue())
              + where[0] + where[1] + "017";
          Patient.Builder b = p.toBuilder().identityStatus(st).identityProof(document).vigilance(attributes)
              .birthPlace(where[2]).birthGivenNames(p.firstBirthGivenName() + names)
              .ins(st == IdentityStatus.QUALIFIEE ? new Ins(Fixtures.nir(nir13), a) : null);
          return d.toBuilder().patient(b.build()).accompagnants(handicap ? List.of("acc-martin") : List.of()).build();
        });
  }

  @Property(tries = 40)
  void everyBundleValidatesAgainstFrCoreAndOurExtensions(@ForAll("dossiers") Dossier d) {
    assertThat(MODEL.validate(d, Stage.SUBMISSION).violations()).as("the generator's dossier").isEmpty();
    String json = VtFhir.toJson(DossierBundleMapper.toBundle(d, List.of()));
    FhirValidationReport report = validator.validate(json);
    assertThat(report.errors()).as(d.module() + " " + d.patient().identityStatus()).isEmpty();
    assertThat(report.issues()).noneSatisfy(i -> assertThat(i.message()).contains("vtsdk.io/fhir/StructureDefinition")
        .containsIgnoringCase("unknown"));
    if (d.patient().identityStatus() == IdentityStatus.QUALIFIEE) {
      assertThat(json).contains("fr-core-patient-ins");
    }
  }

  @Provide
  Arbitrary<io.vtsdk.model.directory.Unit> units() {
    return io.vtsdk.fhir.frcore.DirectoryRoundTripProperties.anyUnit();
  }

  @Provide
  Arbitrary<io.vtsdk.model.directory.Structure> structures() {
    return io.vtsdk.fhir.frcore.DirectoryRoundTripProperties.anyStructure();
  }

  @Property(tries = 20)
  void aUnitIsAValidFrCoreHealthcareService(@ForAll("units") io.vtsdk.model.directory.Unit unit) {
    String json = VtFhir.toJson(io.vtsdk.fhir.frcore.DirectoryMapper.toHealthcareService(unit));
    assertThat(json).contains("fr-core-healthcare-service");
    assertThat(validator.validate(json).errors()).isEmpty();
  }

  @Property(tries = 20)
  void aStructureIsAValidFrCoreOrganization(@ForAll("structures") io.vtsdk.model.directory.Structure structure) {
    String json = VtFhir.toJson(io.vtsdk.fhir.frcore.DirectoryMapper.toOrganization(structure));
    assertThat(json).contains("fr-core-organization");
    assertThat(validator.validate(json).errors()).isEmpty();
  }
}
