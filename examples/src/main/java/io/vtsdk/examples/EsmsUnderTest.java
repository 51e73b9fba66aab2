package io.vtsdk.examples;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import io.vtsdk.api.Event;
import io.vtsdk.client.TokenProvider;
import io.vtsdk.client.VtClient;
import io.vtsdk.client.WatermarkStore;
import io.vtsdk.fhir.VtFhir;
import io.vtsdk.fhir.sdo.SdoDocuments;
import io.vtsdk.fhir.sdo.SdoTaskMapper;
import io.vtsdk.model.Coding;
import io.vtsdk.model.RequestId;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.handicap.EsmsStatus;
import io.vtsdk.model.nos.NosTable;
import io.vtsdk.model.workflow.RequestStatus;
import io.vtsdk.server.scenarios.Scenario;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Task;

/**
 * Example 4 — an ESMS's software under the test kit's ESMS scenarios ({@code esms-sdo}, {@code esms-waiting-list}):
 * it follows VT's change feed from the cursor it stores, reads the decisions notified (SDO flow 1) with HAPI's generic
 * client, reports its first statuses through {@code /v1} (vt-client) and the next ones as SDO flow 4 Tasks (HAPI).
 * What it stores ({@link Database}) survives a restart; the rest is rebuilt.
 *
 * <pre>{@code
 * EsmsUnderTest.Database db = new EsmsUnderTest.Database();
 * VtScenarios.run(vt, "esms-sdo", step -> new EsmsUnderTest(vt.baseUrl(), step.token(), db).handle(step.step()));
 * }</pre>
 */
public final class EsmsUnderTest {
  /** What the ESMS's software stores: the change feed's cursor and the notifications it knows (request → dossier). */
  public static final class Database {
    final WatermarkStore cursor = WatermarkStore.inMemory();
    final Map<RequestId, Dossier> notifications = new LinkedHashMap<>();
  }

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private final VtClient v1;
  private final IGenericClient fhir;
  private final Database db;

  /** The software as it starts: a client for {@code /v1}, one for {@code /fhir}, over what it stored. */
  public EsmsUnderTest(java.net.URI baseUrl, String token, Database db) {
    this.v1 = VtClient.builder().baseUrl(baseUrl).tokenProvider(TokenProvider.of(token)).build();
    this.fhir = VtFhir.context().newRestfulGenericClient(baseUrl + "/fhir");
    fhir.registerInterceptor(new BearerTokenAuthInterceptor(token));
    this.db = db;
  }

  /** Acts on a step's instruction: syncs the feed, then reports what the step asks of each notification. */
  public void handle(Scenario.Step step) {
    sync();
    for (Map.Entry<RequestId, Dossier> n : db.notifications.entrySet()) {
      RequestStatus now = v1.requests().get(n.getKey()).status();
      switch (step.id()) {
        case "notification" -> {
          report(n, "40", null);
          report(n, "41", null);
        }
        case "waiting-list" -> {
          update(n, "42", null);
          update(n, "72", null);
        }
        case "reorientation" -> {
          update(n, "51", "172");
          update(n, "48", null);
        }
        default -> { // sync, restart: each new notification read (40), once
          if (now == RequestStatus.NOTIFICATION_SENT) {
            report(n, "40", null);
          }
        }
      }
    }
  }

  /** The notifications the software knows, in the order it learnt them. */
  Map<RequestId, Dossier> notifications() {
    return db.notifications;
  }

  /** Reads the change feed from the stored cursor; a new Handicap request is a notification to handle. */
  void sync() {
    v1.events().sync(db.cursor, this::onEvent).syncOnce();
  }

  private void onEvent(Event e) {
    if (e.requestId() != null && e.status() == RequestStatus.NOTIFICATION_SENT
        && !db.notifications.containsKey(e.requestId())) {
      db.notifications.put(e.requestId(), v1.dossiers().get(e.dossierId()));
    }
  }

  /** A status through {@code /v1} (vt-client sends it with an Idempotency-Key). */
  void report(Map.Entry<RequestId, Dossier> n, String r357, String motif) {
    v1.requests().reportEsmsStatus(n.getKey(), status(n, r357, motif, null));
  }

  /** The next status as an update of the person's SDO Task (flow 4), with HAPI's client. */
  private void update(Map.Entry<RequestId, Dossier> n, String r357, String motif) {
    Task task = SdoTaskMapper.toTask(status(n, r357, motif, idNatDecision(n.getValue())), Instant.now());
    task.setId("T-" + n.getKey().value());
    fhir.update().resource(task).execute();
  }

  /** The decision's national id, from the flow 1 document whose usual identifier is the decision's id. */
  private String idNatDecision(Dossier d) {
    Bundle docs = fhir.search().forResource(DocumentReference.class)
        .where(DocumentReference.TYPE.exactly().systemAndCode(SdoDocuments.LOINC, SdoDocuments.DECISION))
        .returnBundle(Bundle.class).execute();
    return docs.getEntry().stream().map(e -> (DocumentReference) e.getResource())
        .filter(doc -> doc.getIdentifier().stream().anyMatch(i -> d.mdphDecision().idDecision().equals(i.getValue())))
        .map(SdoDocuments::idNatDecision).findFirst()
        .orElseThrow(() -> new IllegalStateException("no flow 1 document for the decision"));
  }

  private EsmsStatus status(Map.Entry<RequestId, Dossier> n, String r357, String motif, String idNatDecision) {
    UnitId unit = v1.requests().get(n.getKey()).unit();
    String idNatStruct = "1" + v1.directory().get(unit).structure().value();
    return new EsmsStatus(idNatStruct, "ESMS " + unit.value(), Coding.of(NosTable.R357.url(), r357),
        motif == null ? null : Coding.of(NosTable.R358.url(), motif), LocalDate.now(PARIS), null, null, null, null,
        n.getValue().mdphDecision().idDecision(), idNatDecision);
  }
}
