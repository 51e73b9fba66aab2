package io.vtsdk.examples;

import io.vtsdk.api.Eligibility;
import io.vtsdk.api.Event;
import io.vtsdk.client.EventSync;
import io.vtsdk.client.TokenProvider;
import io.vtsdk.client.UnitQuery;
import io.vtsdk.api.ValidationResult;
import io.vtsdk.client.VtClient;
import io.vtsdk.client.WatermarkStore;
import io.vtsdk.model.PradoVolet;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.actor.Professional;
import io.vtsdk.model.directory.Unit;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.DossierId;
import io.vtsdk.model.dossier.MedicalSection;
import io.vtsdk.model.dossier.Orientation;
import io.vtsdk.model.dossier.RequestType;
import io.vtsdk.model.dossier.Requester;
import io.vtsdk.model.dossier.RequestingServiceSection;
import io.vtsdk.model.dossier.SectionInfo;
import io.vtsdk.model.patient.Patient;
import io.vtsdk.model.request.AdmissionRequest;
import io.vtsdk.model.request.Response;
import io.vtsdk.model.request.ResponseKind;
import io.vtsdk.model.validation.Stage;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.server.ReferenceServer;
import io.vtsdk.server.fixtures.VtFixtures;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Example 1 — a DPI vendor, PRADO: from the EHR's data to the CPAM's adhesion.
 *
 * <ol>
 *   <li>build the dossier from what the EHR knows about the stay;</li>
 *   <li>validate it at submission;</li>
 *   <li>check PRADO eligibility, with the explanation;</li>
 *   <li>find the patient's CPAM in the directory and send;</li>
 *   <li>follow the CPAM's answers (eligible, then adhesion) through the change feed.</li>
 * </ol>
 *
 * <p>Run: {@code ./mvnw -q -pl examples exec:java@prado} (starts an embedded reference server).
 */
public final class PradoFromTheEhr {
  private PradoFromTheEhr() {}

  /** What the EHR holds about the stay (a stand-in for the vendor's own data model). */
  record EhrStay(Patient patient, Professional doctor, Professional nurse, String ward, LocalDate admitted,
      LocalDate plannedDischarge, PradoVolet volet, String clinicalSummary) {}

  public static void main(String[] args) {
    try (ReferenceServer vt = ReferenceServer.builder().build().start()) {
      run(vt, System.out);
    }
  }

  /** Runs the example against {@code server}; returns the change-feed event types seen for the request. */
  static List<String> run(ReferenceServer server, PrintStream out) {
    LocalDate today = LocalDate.ofInstant(server.now(), java.time.ZoneOffset.UTC);
    VtFixtures synthetic = VtFixtures.seeded(2026, today); // synthetic identities: never real patients in examples
    EhrStay stay = new EhrStay(synthetic.adult(78), synthetic.doctor(), synthetic.nurse(), "Cardiologie",
        today.minusDays(4), today.plusDays(2), PradoVolet.INSUFFISANCE_CARDIAQUE,
        "Décompensation cardiaque, traitement adapté");

    VtClient requester = client(server, server.tokens().issue(Role.REQUESTER, ReferenceServer.DEMO_REQUESTER_UNIT,
        stay.doctor().rpps().value()));

    // 1. the dossier, from the EHR's data
    Dossier created = requester.dossiers().create(dossierOf(stay, server.now()));
    out.println("1. dossier " + created.id() + " created (" + created.status() + ")");

    // 2. validate at submission
    ValidationResult validation = requester.dossiers().validate(created.id(), Stage.SUBMISSION);
    out.println("2. valid at submission: " + validation.valid() + " " + validation.violations());
    if (!validation.valid()) {
      throw new IllegalStateException("the dossier is not complete: " + validation.violations());
    }

    // 3. eligibility, with the explanation
    Eligibility eligibility = requester.dossiers().eligibility(created.id());
    out.println("3. PRADO " + eligibility.target() + ": " + eligibility.result() + " (rule set "
        + eligibility.ruleSetId() + " " + eligibility.ruleSetVersion() + ")");
    eligibility.trace().forEach(rule -> out.println("     " + rule.ruleId() + " -> " + rule.outcome() + ": "
        + rule.reasonFr()));

    // 4. the patient's CPAM, then send
    String cpamCode = stay.patient().insurance().cpamCode();
    Unit cpam = requester.directory().search(UnitQuery.all().module(VtModule.PRADO)).stream()
        .filter(u -> cpamCode.equals(u.cpamCode())).findFirst()
        .orElseThrow(() -> new IllegalStateException("no CPAM " + cpamCode + " in the directory"));
    AdmissionRequest request = requester.dossiers().send(created.id(), List.of(cpam.id())).get(0);
    out.println("4. sent to " + cpam.name() + ": request " + request.id() + " " + request.status());

    // (the CPAM's side, done here so that the example runs alone: in real life it is the CPAM's own software)
    VtClient cpamClient = client(server, server.tokens().issue(Role.CPAM, cpam.id(), null));
    cpamClient.requests().respond(request.id(), Response.of(ResponseKind.PRADO_ELIGIBLE_ADMINISTRATIVELY, null,
        null, null));
    cpamClient.requests().respond(request.id(), Response.of(ResponseKind.PRADO_ADHESION, null, null, null));

    // 5. follow the answers through the change feed (call syncOnce() on your own schedule; keep the watermark)
    List<String> seen = new ArrayList<>();
    EventSync sync = requester.events().sync(WatermarkStore.inMemory(), (Event e) -> {
      if (request.id().equals(e.requestId())) {
        seen.add(e.type());
        out.println("5. event " + e.type() + " -> " + e.status());
      }
    });
    sync.syncOnce();
    return seen;
  }

  /** The mapping a vendor writes once: EHR data → VT dossier. */
  static Dossier dossierOf(EhrStay s, Instant now) {
    SectionInfo byNurse = SectionInfo.validated(s.nurse(), 1, now);
    SectionInfo byDoctor = SectionInfo.validated(s.doctor(), 1, now);
    return Dossier.builder(DossierId.of("EHR-DRAFT"), VtModule.PRADO)
        .patient(s.patient())
        .requester(new Requester(ReferenceServer.DEMO_REQUESTER_UNIT, s.doctor()))
        .requestType(RequestType.EN_HOSPITALISATION)
        .hospitalisationDate(s.admitted())
        .plannedDischargeDate(s.plannedDischarge())
        .orientation(Orientation.prado(s.volet()))
        .requestingService(new RequestingServiceSection(byNurse, s.ward(), "04 72 00 00 00", null))
        .medical(new MedicalSection(byDoctor, s.clinicalSummary(), List.of("Insuffisance cardiaque"), null, true))
        .build();
  }

  static VtClient client(ReferenceServer server, String token) {
    return VtClient.builder().baseUrl(server.baseUrl()).tokenProvider(TokenProvider.of(token))
        .appInfo("vt-sdk-examples/1").build();
  }
}
