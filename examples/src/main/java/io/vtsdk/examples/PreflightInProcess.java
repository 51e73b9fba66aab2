package io.vtsdk.examples;

import io.vtsdk.core.Preflight;
import io.vtsdk.api.PreflightReport;
import io.vtsdk.model.PradoVolet;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.directory.Unit;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.dossier.TargetKind;
import io.vtsdk.model.patient.Insurance;
import io.vtsdk.server.ReferenceServer;
import io.vtsdk.server.fixtures.VtFixtures;
import java.io.PrintStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Example 5 — a DPI vendor asks, in process and before any network call, "would VT accept this send?": the same
 * {@link Preflight} the reference server runs before every send (validation at submission, routing constraints,
 * eligibility rule set per unit), so the EHR can grey out the button and say why.
 *
 * <p>Run: {@code ./mvnw -q -pl examples exec:java -Dexec.mainClass=io.vtsdk.examples.PreflightInProcess}.
 */
public final class PreflightInProcess {
  private PreflightInProcess() {}

  public static void main(String[] args) {
    run(System.out);
  }

  /** Checks a Prado dossier, then the same dossier for a patient under AME; returns both reports. */
  static List<PreflightReport> run(PrintStream out) {
    LocalDate today = LocalDate.of(2026, 12, 1);
    java.time.Instant now = today.atStartOfDay().toInstant(ZoneOffset.UTC);
    VtFixtures synthetic = VtFixtures.seeded(2026, today); // synthetic identities only
    PradoFromTheEhr.EhrStay stay = new PradoFromTheEhr.EhrStay(synthetic.adult(78), synthetic.doctor(),
        synthetic.nurse(), "Cardiologie", today.minusDays(4), today.plusDays(2), PradoVolet.INSUFFISANCE_CARDIAQUE,
        "Décompensation cardiaque, traitement adapté");
    Dossier dossier = PradoFromTheEhr.dossierOf(stay, now);
    String cpamCode = stay.patient().insurance().cpamCode();

    // what the EHR knows of its own ward and of the patient's CPAM (from the VT directory, cached)
    Unit ward = Unit.builder(ReferenceServer.DEMO_REQUESTER_UNIT, "Cardiologie").modules(Set.of(VtModule.PRADO))
        .pradoVolets(Set.of(PradoVolet.INSUFFISANCE_CARDIAQUE)).build();
    Unit cpam = Unit.builder(UnitId.of("CPAM-" + cpamCode), "CPAM " + cpamCode).modules(Set.of(VtModule.PRADO))
        .targetKinds(Set.of(TargetKind.PRADO)).cpamCode(cpamCode).build();

    Preflight preflight = Preflight.standard();
    PreflightReport ok = preflight.check(dossier, ward, List.of(cpam), Set.of(cpamCode), today, Locale.FRENCH);
    out.println("1. Prado " + stay.volet() + ": accepted=" + ok.accepted() + ", rule set "
        + ok.units().get(0).eligibility().ruleSetId());

    Insurance i = stay.patient().insurance();
    Dossier underAme = dossier.toBuilder().patient(stay.patient().toBuilder()
        .insurance(new Insurance(i.regime(), true, i.c2s(), i.complementaryInsurance(), i.cpamCode())).build())
        .build();
    PreflightReport refused = preflight.check(underAme, ward, List.of(cpam), Set.of(cpamCode), today,
        Locale.FRENCH);
    out.println("2. the same patient under AME: accepted=" + refused.accepted());
    refused.violations().forEach(v -> out.println("     " + v.path() + " " + v.code() + ": " + v.message()));
    return List.of(ok, refused);
  }
}
