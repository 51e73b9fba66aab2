package io.vtsdk.fhir.frcore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vtsdk.fhir.FhirMappingException;
import io.vtsdk.fhir.VtFhir;
import io.vtsdk.model.Coding;
import io.vtsdk.model.PradoVolet;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.directory.Structure;
import io.vtsdk.model.directory.Unit;
import io.vtsdk.model.dossier.TargetKind;
import io.vtsdk.model.identity.Departement;
import io.vtsdk.model.identity.Finess;
import io.vtsdk.model.identity.Siret;
import io.vtsdk.model.nos.NosTable;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.Organization;

/** Structures and units → FR Core Organization / HealthcareService → JSON → back: lossless. */
public class DirectoryRoundTripProperties {

  @Property(tries = 200)
  void unitsRoundTrip(@ForAll("units") Unit unit) {
    String json = VtFhir.toJson(DirectoryMapper.toHealthcareService(unit));
    assertThat(DirectoryMapper.fromHealthcareService(VtFhir.parse(json, HealthcareService.class))).isEqualTo(unit);
  }

  @Property(tries = 100)
  void structuresRoundTrip(@ForAll("structures") Structure structure) {
    String json = VtFhir.toJson(DirectoryMapper.toOrganization(structure));
    assertThat(DirectoryMapper.fromOrganization(VtFhir.parse(json, Organization.class))).isEqualTo(structure);
  }

  @Example
  void theStructureCarriesItsNationalIdAndFiness() {
    Structure s = new Structure(new Finess("690000013"), new Finess("690000021"), null,
        new Coding(NosTable.J254.url(), "183", null), "IME Les Érables", Departement.of("69"), null);
    Organization o = DirectoryMapper.toOrganization(s);
    assertThat(o.getIdentifier()).extracting(i -> i.getSystem() + "|" + i.getValue()).containsExactly(
        "urn:oid:1.2.250.1.71.4.2.2|1690000013", "https://finess.esante.gouv.fr|690000013",
        "https://finess.esante.gouv.fr|690000021");
    Organization bare = new Organization().setName("x");
    assertThatThrownBy(() -> DirectoryMapper.fromOrganization(bare)).isInstanceOf(FhirMappingException.class)
        .hasMessage("Organization.identifier: needs a FINESS géographique or a SIRET");
  }

  static <T> Arbitrary<T> maybe(Arbitrary<T> a) {
    return a.injectNull(0.3);
  }

  static Arbitrary<String> names() {
    return Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzéèç'- ")
        .ofMinLength(1).ofMaxLength(40).filter(s -> Character.isLetter(s.charAt(0)) && !s.endsWith(" "));
  }

  static Arbitrary<Departement> departements() {
    return Arbitraries.of("01", "2A", "38", "69", "75", "974").map(Departement::of);
  }

  static Arbitrary<Coding> codings() {
    return Combinators.combine(Arbitraries.of(NosTable.R213.url(), NosTable.J264.url()),
        Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(3), maybe(names())).as(Coding::new);
  }

  @Provide
  Arbitrary<Unit> units() {
    return anyUnit();
  }

  /** The generator, for the validity properties of vt-fhir-validation. */
  public static Arbitrary<Unit> anyUnit() {
    return Combinators.combine(Arbitraries.strings().alpha().numeric().withChars('-').ofMinLength(1).ofMaxLength(20),
        names()).as((id, name) -> Unit.builder(UnitId.of("U" + id), name)).flatMap(start -> Builders
        .withBuilder(() -> start)
        .use(maybe(Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(20))).in(Unit.Builder::rorId)
        .use(maybe(Arbitraries.strings().numeric().ofLength(9).map(Finess::new))).in(Unit.Builder::structure)
        .use(maybe(departements())).in(Unit.Builder::departement)
        .use(Arbitraries.of(VtModule.values()).set()).in(Unit.Builder::modules)
        .use(Arbitraries.of(TargetKind.values()).set().ofMaxSize(3)).in(Unit.Builder::targetKinds)
        .use(maybe(Arbitraries.integers().between(0, 500))).in(Unit.Builder::capacity)
        .use(codings().set().ofMaxSize(3)).in(Unit.Builder::modalities)
        .use(Arbitraries.of(PradoVolet.class).set()).in(Unit.Builder::pradoVolets)
        .use(maybe(Arbitraries.strings().numeric().ofLength(3))).in(Unit.Builder::cpamCode)
        .use(maybe(codings())).in(Unit.Builder::esmsCategory)
        .use(departements().set().ofMaxSize(3)).in(Unit.Builder::coveredDepartements)
        .build(Unit.Builder::build));
  }

  @Provide
  Arbitrary<Structure> structures() {
    return anyStructure();
  }

  /** The generator, for the validity properties of vt-fhir-validation. */
  public static Arbitrary<Structure> anyStructure() {
    Arbitrary<Finess> finess = Arbitraries.strings().numeric().ofLength(9).map(Finess::new);
    Arbitrary<Siret> siret = Arbitraries.strings().numeric().ofLength(14).map(Siret::new);
    return Combinators.combine(maybe(finess), maybe(finess), maybe(siret), maybe(codings()), names(),
            maybe(departements()), Arbitraries.of(VtModule.values()).set())
        .as((geo, legal, si, cat, name, dep, modules) -> new Structure(geo == null && si == null ? new Finess(
            "690000013") : geo, legal, si, cat, name, dep, modules));
  }
}
