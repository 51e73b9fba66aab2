package io.vtsdk.examples;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.gclient.DateClientParam;
import io.vtsdk.client.EventSync;
import io.vtsdk.client.VtClient;
import io.vtsdk.client.WatermarkStore;
import io.vtsdk.fhir.VtFhir;
import io.vtsdk.fhir.sdo.SdoDocuments;
import io.vtsdk.fhir.sdo.SdoTaskMapper;
import io.vtsdk.model.Coding;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.dossier.Orientation;
import io.vtsdk.model.dossier.Requester;
import io.vtsdk.model.handicap.EsmsStatus;
import io.vtsdk.model.handicap.MdphDecision;
import io.vtsdk.model.nos.NosTable;
import io.vtsdk.model.nos.Nomenclatures;
import io.vtsdk.model.request.AdmissionRequest;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.server.ReferenceServer;
import io.vtsdk.server.fixtures.VtFixtures;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Task;

/**
 * Example 3 — an ESMS vendor: read the decisions notified (SDO flow 1), sync the waiting list and post statuses
 * (R357) through {@code /v1} and through the SDO FHIR flows with HAPI's generic client, following VT's change feed from a watermark — and
 * resuming without gap or duplicate after a simulated crash.
 *
 * <p>Run: {@code ./mvnw -q -pl examples exec:java@esms} (starts an embedded reference server).
 */
public final class EsmsSync {
  private EsmsSync() {}

  static final UnitId MDPH = UnitId.of("MDPH-69");
  static final UnitId IME = UnitId.of("IME-69");

  public static void main(String[] args) {
    try (ReferenceServer vt = ReferenceServer.builder().build().start()) {
      run(vt, System.out);
    }
  }

  /** Runs the example; returns the event types the ESMS handled, in order, across the crash. */
  static List<String> run(ReferenceServer server, PrintStream out) {
    LocalDate today = LocalDate.ofInstant(server.now(), java.time.ZoneOffset.UTC);
    VtFixtures synthetic = VtFixtures.seeded(11, today);
    // the MDPH notifies its decision to the IME (the MDPH's side, done here so that the example runs alone)
    VtClient mdph = PradoFromTheEhr.client(server, server.tokens().issue(Role.MDPH, MDPH, null));
    Coding ime = Nomenclatures.get(NosTable.J254).coding("183").orElseThrow();
    Dossier d = synthetic.dossier(VtModule.HANDICAP).build();
    MdphDecision m = d.mdphDecision();
    Dossier notified = mdph.dossiers().create(d.toBuilder().requester(new Requester(MDPH, null))
        .orientation(Orientation.esms(ime)).mdphDecision(new MdphDecision(m.idDecision(), m.idNatDecision(),
            List.of(ime), m.modalities(), m.validFrom(), m.validTo())).build());
    AdmissionRequest notification = mdph.dossiers().send(notified.id(), List.of(IME)).get(0);

    // the ESMS's software: /v1 with vt-client, and SDO FHIR with HAPI
    String token = server.tokens().issue(Role.ESMS, IME, null);
    VtClient esms = PradoFromTheEhr.client(server, token);
    IGenericClient fhir = VtFhir.context().newRestfulGenericClient(server.baseUrl() + "/fhir");
    fhir.registerInterceptor(new BearerTokenAuthInterceptor(token));
    String idNatStruct = "1" + esms.directory().get(IME).structure().value();
    // flow 1: the decisions notified to us; each carries the national decision id the statuses refer to
    Bundle decisions = fhir.search().forResource(DocumentReference.class)
        .where(DocumentReference.TYPE.exactly().systemAndCode(SdoDocuments.LOINC, SdoDocuments.DECISION))
        .returnBundle(Bundle.class).execute();
    String natDecision = SdoDocuments.idNatDecision((DocumentReference) decisions.getEntryFirstRep().getResource());
    out.println("0. flow 1: " + decisions.getEntry().size() + " decision(s) notified, idNat_Decision " + natDecision);

    // 1. the waiting list and our first statuses through /v1 (40 notification read, 41 contact made)
    esms.requests().reportEsmsStatus(notification.id(), status(idNatStruct, "40", null, notified, natDecision, today));
    esms.requests().reportEsmsStatus(notification.id(), status(idNatStruct, "41", null, notified, natDecision, today));
    out.println("1. /v1: statuses 40, 41; waiting list: " + esms.requests().waitingList(IME).size());

    // 2. the next ones through SDO flow 4 (42 analysis, 72 admissible): the same data. Our Task (the person's status
    //    here) exists since the first status: later statuses are updates of it (PUT), as the IG says
    String taskId = "T-" + notification.id().value();
    for (String code : List.of("42", "72")) {
      Task next = SdoTaskMapper.toTask(status(idNatStruct, code, null, notified, natDecision, today), server.now());
      next.setId(taskId);
      fhir.update().resource(next).execute();
    }
    out.println("2. FHIR: statuses 42, 72; waiting list: "
        + esms.requests().waitingList(IME).stream().map(r -> r.status().name()).toList());

    // a status with its motif (ASS_A32 pairs 45 "admission impossible" with motif 86)
    Task impossible = SdoTaskMapper.toTask(status(idNatStruct, "45", "86", notified, natDecision, today), server.now());
    impossible.setId(taskId);
    fhir.update().resource(impossible).execute();
    out.println("2. FHIR: status 45 with motif 86");

    // 3. flow 5: the people we follow whose status changed since yesterday, each Task at its current version
    Bundle tasks = fhir.search().forResource(Task.class)
        .where(new DateClientParam("_lastUpdated").after().day(today.minusDays(1).toString()))
        .returnBundle(Bundle.class).execute();
    out.println("3. flow 5: " + tasks.getEntry().stream().map(e -> SdoTaskMapper.fromTask((Task) e.getResource())
        .status().code() + " (version " + e.getResource().getMeta().getVersionId() + ")").toList());

    // 4. the change feed from a watermark; the process "crashes" while handling the third event, then resumes
    WatermarkStore watermark = WatermarkStore.inMemory(); // in production: your database, same transaction
    List<String> handled = new ArrayList<>();
    AtomicBoolean crashed = new AtomicBoolean();
    EventSync.Handler handler = e -> {
      if (handled.size() == 2 && !crashed.getAndSet(true)) {
        throw new IllegalStateException("simulated crash");
      }
      handled.add(e.type());
    };
    try {
      esms.events().sync(watermark, handler).pageSize(2).syncOnce();
    } catch (EventSync.HandlerException e) {
      out.println("4. crashed on event " + e.event().cursor() + "; watermark stays at " + watermark.load());
    }
    int resumed = esms.events().sync(watermark, handler).pageSize(2).syncOnce();
    out.println("4. resumed: " + resumed + " more events; handled " + handled);
    return handled;
  }

  static EsmsStatus status(String idNatStruct, String r357, String motif, Dossier d, String natDecision,
      LocalDate date) {
    return new EsmsStatus(idNatStruct, "IME Les Érables", Coding.of(NosTable.R357.url(), r357),
        motif == null ? null : Coding.of(NosTable.R358.url(), motif), date, null, null, null, null,
        d.mdphDecision().idDecision(), natDecision);
  }

}
