package io.vtsdk.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtsdk.api.testing.OpenApiContract;
import io.vtsdk.model.DossierId;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.dossier.Attachment;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.request.AdmissionRequest;
import io.vtsdk.model.request.Response;
import io.vtsdk.model.request.ResponseKind;
import io.vtsdk.model.validation.Stage;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.server.RecordedRequest;
import io.vtsdk.server.ReferenceServer;
import io.vtsdk.server.fixtures.VtFixtures;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import io.vtsdk.rules.indicators.Tuv;
import org.junit.jupiter.api.Test;

/**
 * vt-client has an operation for every route of the server: every method of the client is called once against a
 * server that records what it receives, and the operations received (as the OpenAPI document names them) are every
 * /v1 route the server has.
 */
class RouteCoverageTest {

  @Test
  void theClientCallsEveryRoute() throws Exception {
    try (ReferenceServer vt = ReferenceServer.builder().recordRequests(500).build().start()) {
      vt.setClock(ClientTestBase.NOW);
      VtFixtures fx = VtFixtures.seeded(42, ClientTestBase.TODAY);
      VtClient requester = client(vt, vt.demoToken(Role.REQUESTER));
      VtClient receiver = client(vt, vt.demoToken(Role.RECEIVER));
      VtClient cpam = client(vt, vt.demoToken(Role.CPAM));
      VtClient mdph = client(vt, vt.tokens().issue(Role.MDPH, ClientTestBase.MDPH, null));
      VtClient ime = client(vt, vt.tokens().issue(Role.ESMS, ClientTestBase.IME, null));
      UnitId smr = UnitId.of("SMR-CARDIO-69");

      requester.health();
      client(vt, vt.startSession(io.vtsdk.server.scenarios.Scenarios.builtIn("dpi-prado")).token()).testSession();
      requester.directory().search(UnitQuery.all().module(VtModule.SANITAIRE));
      requester.directory().get(smr);
      Dossier d = requester.dossiers().create(fx.dossier(VtModule.SANITAIRE).build());
      d = requester.dossiers().update(requester.dossiers().get(d.id()));
      requester.dossiers().list(DossierQuery.all(), null);
      requester.dossiers().validate(d.id(), Stage.SUBMISSION);
      requester.dossiers().preflight(d.id(), List.of(smr));
      Attachment a = requester.attachments().upload(d.id(), "cr.pdf", "application/pdf",
          "%PDF-1.4".getBytes(StandardCharsets.US_ASCII));
      requester.attachments().download(a.id(), new ByteArrayOutputStream());
      AdmissionRequest r = requester.dossiers().send(d.id(), List.of(smr)).get(0);
      receiver.requests().list(RequestQuery.all(), null);
      receiver.requests().get(r.id());
      receiver.requests().availableActions(r.id());
      receiver.requests().read(r.id());
      receiver.requests().respond(r.id(), Response.of(ResponseKind.ACCEPTED, null, null, null));
      requester.requests().confirmAdmission(r.id());
      DossierId other = requester.dossiers().create(fx.dossier(VtModule.SANITAIRE).build()).id();
      requester.requests().cancel(requester.dossiers().send(other, List.of(smr)).get(0).id());

      Dossier prado = requester.dossiers().create(fx.dossier(VtModule.PRADO).build());
      requester.dossiers().eligibility(prado.id());
      AdmissionRequest p = requester.dossiers().send(prado.id(), List.of(UnitId.of("CPAM-691"))).get(0);
      cpam.requests().respond(p.id(), Response.of(ResponseKind.PRADO_ELIGIBLE_ADMINISTRATIVELY, null, null, null));

      Dossier h = mdph.dossiers().create(ClientTestBase.handicap(fx));
      AdmissionRequest n = mdph.dossiers().send(h.id(), List.of(ClientTestBase.IME)).get(0);
      ime.requests().reportEsmsStatus(n.id(), ClientTestBase.esmsStatus("40", null, h.mdphDecision().idDecision()));
      mdph.requests().esmsStatuses(n.id());
      ime.requests().waitingList(null);
      client(vt, vt.demoToken(Role.ACCOMPAGNANT)).requests().accompanied();
      requester.indicators().requests(null);
      mdph.indicators().waitingLists();
      VtClient grades = client(vt, vt.demoToken(Role.OBSERVER));
      assertThat(grades.indicators().observatoryScopes().tuv().value()).isEqualTo("84");
      assertThat(cpam.indicators().tuv(Tuv.Period.QUARTER, Tuv.Grouping.VOLET)).isEmpty(); // no dossier closed yet
      assertThat(mdph.indicators().handicap()).anySatisfy(row -> assertThat(row.indicator()).isEqualTo("people"));
      assertThat(new String(grades.indicators().tuvChart(null, null, java.util.Locale.ENGLISH),
          StandardCharsets.UTF_8)).contains("<svg", ">Period</text>");
      assertThat(new String(mdph.indicators().handicapChart("waiting-list/category", null), StandardCharsets.UTF_8))
          .contains("<svg");
      requester.events().page(null, 10);
      java.util.concurrent.CountDownLatch streamed = new java.util.concurrent.CountDownLatch(1);
      try (EventStream s = requester.events().stream(null, e -> streamed.countDown())) {
        for (long until = System.nanoTime() + 10_000_000_000L; !s.isConnected() && System.nanoTime() < until; ) {
          Thread.sleep(10); // "from now" is from the connection: wait for it
        }
        requester.dossiers().create(fx.dossier(VtModule.SANITAIRE).build());
        assertThat(streamed.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      }

      OpenApiContract contract = OpenApiContract.load();
      Set<String> called = new TreeSet<>();
      for (Optional<RecordedRequest> rec; (rec = vt.takeRequest(Duration.ZERO)).isPresent(); ) {
        String path = rec.get().path();
        called.add(contract.operation(rec.get().method(), path)
            .orElseThrow(() -> new AssertionError("the client called an undocumented route: " + path)));
      }
      Set<String> routes = new TreeSet<>();
      for (String route : vt.routes()) {
        if (route.split(" ")[1].startsWith("/v1/") && !route.endsWith("/v1/openapi.json")) {
          routes.add(route);
        }
      }
      assertThat(called).isEqualTo(routes);
    }
  }

  private static VtClient client(ReferenceServer vt, String token) {
    return VtClient.builder().baseUrl(vt.baseUrl()).tokenProvider(TokenProvider.of(token))
        .httpClient(ClientTestBase.HTTP).build();
  }
}
