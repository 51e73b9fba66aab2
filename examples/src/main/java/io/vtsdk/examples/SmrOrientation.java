package io.vtsdk.examples;

import io.vtsdk.client.RequestQuery;
import io.vtsdk.client.UnitQuery;
import io.vtsdk.client.VtClient;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.directory.Unit;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.dossier.TargetKind;
import io.vtsdk.model.request.AdmissionRequest;
import io.vtsdk.model.request.Response;
import io.vtsdk.model.request.ResponseKind;
import io.vtsdk.model.workflow.RequestStatus;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.rules.orientation.OrientationAdvice;
import io.vtsdk.rules.orientation.OrientationAid;
import io.vtsdk.rules.orientation.Proposal;
import io.vtsdk.rules.orientation.Questionnaire;
import io.vtsdk.server.ReferenceServer;
import io.vtsdk.server.fixtures.VtFixtures;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Example 2 — a DPI vendor, SMR: the orientation aid proposes an SMR mention; search the units; send to three; one
 * accepts; confirm the admission; the other requests close.
 *
 * <p>Run: {@code ./mvnw -q -pl examples exec:java@smr} (starts an embedded reference server).
 */
public final class SmrOrientation {
  private SmrOrientation() {}

  public static void main(String[] args) {
    try (ReferenceServer vt = ReferenceServer.builder().build().start()) {
      run(vt, System.out);
    }
  }

  /** Runs the example; returns the final status of each request by unit. */
  static Map<String, RequestStatus> run(ReferenceServer server, PrintStream out) {
    LocalDate today = LocalDate.ofInstant(server.now(), java.time.ZoneOffset.UTC);
    VtFixtures synthetic = VtFixtures.seeded(7, today);
    VtClient requester = PradoFromTheEhr.client(server, server.demoToken(Role.REQUESTER));

    // 1. the orientation aid (vt-rules) from the care team's answers
    OrientationAdvice advice = OrientationAid.standard().advise(new Questionnaire(
        Questionnaire.Environment.UNFAVORABLE, Questionnaire.Condition.COMPLEX_CARE,
        Questionnaire.Objective.AFTER_ACUTE_EPISODE, Questionnaire.Public.ADULT,
        "Cardiologie et pathologies vasculaires", "Insuffisance cardiaque", null));
    Proposal first = advice.proposals().get(0);
    out.println("1. orientation aid: " + first.target() + " " + first.smrMention() + " (" + first.labelFr() + ")");

    // the dossier (synthetic patient), oriented as proposed
    Dossier draft = synthetic.dossier(VtModule.SANITAIRE)
        .orientation(first.toOrientation(advice.synthesisPath())).build();
    Dossier dossier = requester.dossiers().create(draft.toBuilder().build());

    // 2. units that receive this orientation
    List<Unit> units = requester.directory().search(UnitQuery.all().module(VtModule.SANITAIRE)
        .target(TargetKind.SMR));
    out.println("2. " + units.size() + " SMR units: " + units.stream().map(Unit::name).toList());

    // 3. send to three
    List<AdmissionRequest> sent = requester.dossiers().send(dossier.id(), units.stream().limit(3)
        .map(Unit::id).toList());
    out.println("3. sent: " + sent.stream().map(r -> r.unit() + "=" + r.status()).toList());

    // 4. one unit accepts (its own software, done here so that the example runs alone)
    AdmissionRequest chosen = sent.get(0);
    VtClient smr = PradoFromTheEhr.client(server, server.tokens().issue(Role.RECEIVER, chosen.unit(), null));
    smr.requests().read(chosen.id());
    smr.requests().respond(chosen.id(), new Response(ResponseKind.ACCEPTED, null, "Lit disponible", null, null,
        today.plusDays(3)));
    out.println("4. " + chosen.unit() + " accepted");

    // 5. the requester confirms; VT closes the other requests
    requester.requests().confirmAdmission(chosen.id());
    Map<String, RequestStatus> finalStatuses = requester.requests().listAll(RequestQuery.all().dossier(dossier.id()))
        .stream().collect(Collectors.toMap(r -> r.unit().value(), AdmissionRequest::status));
    out.println("5. final: " + finalStatuses);
    return finalStatuses;
  }

}
