package io.vtsdk.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtsdk.model.UnitId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.identity.Nir;
import io.vtsdk.model.patient.Patient;
import io.vtsdk.model.request.AdmissionRequest;
import io.vtsdk.model.request.Response;
import io.vtsdk.model.request.ResponseKind;
import io.vtsdk.model.validation.Stage;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.server.Fault;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A whole PRADO and a whole Handicap workflow with the client logging at DEBUG (see the surefire settings: slf4j-simple
 * writes to target/client-debug.log), retries and errors included: the log and the exceptions' messages hold no NIR,
 * birth name, given name or birth date.
 */
class LogRedactionTest extends ClientTestBase {
  static final Path LOG = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile", "target/client-debug.log"));

  final List<String> messages = new ArrayList<>();

  @Test
  void pradoAndHandicapWorkflowsLeaveNoIdentityInLogsOrErrors() throws IOException {
    assertThat(LoggerFactory.getLogger("io.vtsdk.client.http").isDebugEnabled()).as("client DEBUG enabled").isTrue();
    long before = Files.exists(LOG) ? Files.size(LOG) : 0;
    List<Patient> patients = new ArrayList<>();

    Dossier prado = dossier(VtModule.PRADO);
    patients.add(prado.patient());
    vt.addFault(Fault.status("POST", "/v1/dossiers", 503, 0).times(1));
    Dossier created = requester.dossiers().create(prado);
    requester.dossiers().validate(created.id(), Stage.SUBMISSION);
    requester.dossiers().eligibility(created.id());
    AdmissionRequest r = requester.dossiers().send(created.id(), List.of(UnitId.of("CPAM-691"))).get(0);
    VtClient cpam = client(vt.demoToken(Role.CPAM));
    cpam.requests().read(r.id());
    remember(() -> cpam.requests().respond(r.id(), Response.of(ResponseKind.PRADO_NON_ADHESION, null,
        "Patient " + prado.patient().birthName() + " injoignable", null)));
    cpam.requests().respond(r.id(), Response.of(ResponseKind.PRADO_ELIGIBLE_ADMINISTRATIVELY, null, null, null));
    cpam.requests().respond(r.id(), Response.of(ResponseKind.PRADO_ADHESION, null, null, null));
    requester.events().page(null, 100);

    VtClient mdph = client(Role.MDPH, MDPH);
    VtClient ime = client(Role.ESMS, IME);
    Dossier handicap = handicap();
    patients.add(handicap.patient());
    Dossier h = mdph.dossiers().create(handicap);
    AdmissionRequest n = mdph.dossiers().send(h.id(), List.of(IME)).get(0);
    for (String code : List.of("40", "41", "42", "72", "71", "47")) {
      ime.requests().reportEsmsStatus(n.id(), esmsStatus(code, null, h.mdphDecision().idDecision()));
    }
    ime.requests().waitingList(IME);
    mdph.requests().esmsStatuses(n.id());

    // bad input carrying identity: the errors must not echo it
    Dossier wrongNir = dossier(VtModule.TND);
    Patient p = wrongNir.patient();
    patients.add(p);
    Nir broken = new Nir(p.ins().number().value().substring(0, 13) + "00");
    remember(() -> requester.dossiers().create(wrongNir.toBuilder().patient(new Patient(
        new io.vtsdk.model.identity.Ins(broken, p.ins().authority()), p.birthName(), p.firstBirthGivenName(),
        p.birthGivenNames(), p.usedName(), p.usedGivenName(), p.sex(), p.birthDate(), p.birthPlace(),
        p.identityStatus(), p.identityProof(), p.vigilance(), p.address(), p.insurance(), p.protection(),
        p.legalRepresentative(),
        p.treatingDoctor())).build()));

    byte[] bytes = Files.exists(LOG) ? Files.readAllBytes(LOG) : new byte[0];
    String log = new String(bytes, (int) before, bytes.length - (int) before, StandardCharsets.UTF_8);
    assertThat(log).as("the client logged the calls").contains("POST /v1/dossiers -> 503", "-> 201");
    assertThat(messages).hasSize(2);
    String errors = String.join("\n", messages);
    for (Patient patient : patients) {
      for (String secret : secrets(patient)) {
        assertThat(log).as("log").doesNotContain(secret);
        assertThat(errors).as("error messages").doesNotContain(secret);
      }
    }
  }

  /** Issue 8, R5: the other modules' workflows too (SMR, Grand-âge, TND), with an error carrying a comment. */
  @Test
  void sanitaireGrandAgeAndTndWorkflowsLeaveNoIdentityInLogsOrErrors() throws IOException {
    long before = Files.exists(LOG) ? Files.size(LOG) : 0;
    List<Patient> patients = new ArrayList<>();
    Object[][] flows = {
        {VtModule.SANITAIRE, "SMR-CARDIO-69", ResponseKind.ACCEPTED},
        {VtModule.GRAND_AGE, "EHPAD-69-A", ResponseKind.WAITING_LIST},
        {VtModule.TND, "PCO-69", ResponseKind.TND_ELIGIBLE}};
    for (Object[] flow : flows) {
      Dossier d = dossier((VtModule) flow[0]);
      patients.add(d.patient());
      Dossier created = requester.dossiers().create(d);
      requester.dossiers().validate(created.id(), Stage.SUBMISSION);
      remember(() -> requester.dossiers().eligibility(created.id()));
      AdmissionRequest r = requester.dossiers().send(created.id(), List.of(UnitId.of((String) flow[1]))).get(0);
      VtClient receiver = client(Role.RECEIVER, UnitId.of((String) flow[1]));
      receiver.requests().read(r.id());
      receiver.requests().respond(r.id(), new Response((ResponseKind) flow[2], null, null, null, null,
          flow[2] == ResponseKind.ACCEPTED ? TODAY.plusDays(3) : null));
      remember(() -> requester.dossiers().update(created.toBuilder().patient(d.patient()).build())); // stale: 412
      requester.requests().get(r.id());
      requester.events().page(null, 50);
    }
    byte[] bytes = Files.readAllBytes(LOG);
    String log = new String(bytes, (int) before, bytes.length - (int) before, StandardCharsets.UTF_8);
    assertThat(log).contains("/v1/requests/");
    String errors = String.join("\n", messages);
    for (Patient patient : patients) {
      for (String secret : secrets(patient)) {
        assertThat(log).as("log").doesNotContain(secret);
        assertThat(errors).as("error messages").doesNotContain(secret);
      }
    }
  }

  void remember(Runnable call) {
    try {
      call.run();
    } catch (VtException e) {
      messages.add(e.toString());
    }
  }

  static List<String> secrets(Patient p) {
    List<String> s = new ArrayList<>();
    if (p.ins() != null) { // a Handicap dossier carries none
      s.add(p.ins().number().value());
      s.add(p.ins().number().value().substring(0, 13));
    }
    s.add(p.birthName());
    s.add(p.firstBirthGivenName());
    s.add(p.birthDate().toString());
    s.add(p.birthDate().format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
    if (p.usedName() != null) {
      s.add(p.usedName());
    }
    return s;
  }
}
