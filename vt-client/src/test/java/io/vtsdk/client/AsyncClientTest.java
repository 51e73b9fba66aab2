package io.vtsdk.client;

import io.vtsdk.api.Health;
import io.vtsdk.api.Event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vtsdk.model.DossierId;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.request.AdmissionRequest;
import io.vtsdk.model.request.Response;
import io.vtsdk.model.request.ResponseKind;
import io.vtsdk.model.validation.Stage;
import io.vtsdk.model.workflow.RequestStatus;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.server.Fault;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The async client: the same operations as futures, never blocking the caller. */
class AsyncClientTest extends ClientTestBase {

  VtAsyncClient async(String token) {
    return builder(token).buildAsync();
  }

  @Test
  void pradoThroughFutures() {
    VtAsyncClient req = async(vt.demoToken(Role.REQUESTER));
    VtAsyncClient cpam = async(vt.demoToken(Role.CPAM));
    AdmissionRequest adhesion = req.dossiers().create(dossier(VtModule.PRADO))
        .thenCompose(d -> req.dossiers().validate(d.id(), Stage.SUBMISSION)
            .thenCompose(v -> {
              assertThat(v.valid()).isTrue();
              return req.dossiers().send(d.id(), List.of(UnitId.of("CPAM-691")));
            }))
        .thenCompose(sent -> cpam.requests().respond(sent.get(0).id(),
            Response.of(ResponseKind.PRADO_ADHESION, null, null, null)))
        .join();
    assertThat(adhesion.status()).isEqualTo(RequestStatus.ADHESION);
    assertThat(req.events(null, 10).join().items()).extracting(Event::type)
        .containsExactly("dossier.created", "request.sent", "request.record_adhesion");
    assertThat(req.requests().listAll(RequestQuery.all().pageSize(1)).join()).hasSize(1);
    assertThat(req.health().join().isUp()).isTrue();
  }

  @Test
  void listAllFollowsEveryPage() {
    for (int i = 0; i < 5; i++) {
      requester.dossiers().create(dossier(VtModule.TND));
    }
    assertThat(async(vt.demoToken(Role.REQUESTER)).dossiers().listAll(DossierQuery.all().pageSize(2)).join())
        .hasSize(5).extracting(Dossier::id).doesNotHaveDuplicates();
  }

  @Test
  void errorsCompleteTheFutureWithTheTypedException() {
    CompletableFuture<Dossier> missing = async(vt.demoToken(Role.REQUESTER)).dossiers().get(DossierId.of("D-404"));
    assertThatThrownBy(missing::join).isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(VtApiException.NotFound.class);
  }

  @Test
  void theCallerIsNotBlockedAndRetriesHappenOffItsThread() throws Exception {
    VtAsyncClient c = async(vt.demoToken(Role.REQUESTER));
    c.dossiers().create(dossier(VtModule.SANITAIRE)).join(); // warm: the mapper's serialisers exist
    vt.addFault(Fault.latency("GET", "/v1/health", Duration.ofMillis(400)).times(1));
    vt.addFault(Fault.status("POST", "/v1/dossiers", 503, 0).times(1));
    long start = System.nanoTime();
    CompletableFuture<Health> slow = c.health();
    CompletableFuture<Dossier> retried = c.dossiers().create(dossier(VtModule.SANITAIRE));
    long returnedAfterMs = (System.nanoTime() - start) / 1_000_000;
    assertThat(slow).isNotDone(); // the server waits 400 ms before answering
    assertThat(returnedAfterMs).isLessThan(400);
    assertThat(retried.get(10, TimeUnit.SECONDS).id().value()).startsWith("D-");
    assertThat(slow.get(10, TimeUnit.SECONDS).isUp()).isTrue();
    assertThat(requester.dossiers().listAll(DossierQuery.all()).stream()).hasSize(2);
  }

  /** The token provider runs on OkHttp's thread (the bearer interceptor): one that blocks never holds the caller. */
  @Test
  void aTokenProviderThatBlocksDoesNotHoldTheCaller() throws Exception {
    String token = vt.demoToken(Role.REQUESTER);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    TokenProvider slow = () -> {
      try {
        release.await(10, TimeUnit.SECONDS); // a client-credentials refresh, say
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return token;
    };
    VtAsyncClient c = builder(token).tokenProvider(slow).buildAsync();
    CompletableFuture<Health> health = c.health();
    assertThat(health).isNotDone();
    release.countDown();
    assertThat(health.get(10, TimeUnit.SECONDS).isUp()).isTrue();
  }

  @Test
  void manyConcurrentCallsOnOneClient() {
    VtAsyncClient c = async(vt.demoToken(Role.REQUESTER));
    List<CompletableFuture<Dossier>> all = IntStream.range(0, 50)
        .mapToObj(i -> c.dossiers().create(dossier(VtModule.TND))).toList();
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    assertThat(all.stream().map(f -> f.join().id())).doesNotHaveDuplicates().hasSize(50);
  }

  /** Every blocking operation has an async twin with the same parameters (and the reverse). */
  @Test
  void syncAndAsyncServicesHaveTheSameOperations() {
    List<Class<?>[]> pairs = List.of(new Class<?>[] {Dossiers.class, AsyncDossiers.class},
        new Class<?>[] {Attachments.class, AsyncAttachments.class},
        new Class<?>[] {Requests.class, AsyncRequests.class},
        new Class<?>[] {Directory.class, AsyncDirectory.class},
        new Class<?>[] {Indicators.class, AsyncIndicators.class});
    for (Class<?>[] pair : pairs) {
      List<Method> sync = publicMethods(pair[0]);
      List<Method> async = publicMethods(pair[1]);
      assertThat(async).as(pair[1].getSimpleName()).hasSameSizeAs(sync);
      for (Method m : sync) {
        Method twin = async.stream().filter(a -> a.getName().equals(m.getName())
            && Arrays.equals(a.getParameterTypes(), m.getParameterTypes())).findFirst()
            .orElseThrow(() -> new AssertionError(pair[1].getSimpleName() + " lacks " + m));
        assertThat(twin.getReturnType()).as(twin.toString()).isEqualTo(CompletableFuture.class);
        java.lang.reflect.Type inner = ((ParameterizedType) twin.getGenericReturnType()).getActualTypeArguments()[0];
        String expected = m.getReturnType() == Paged.class
            ? m.getGenericReturnType().getTypeName().replace(Paged.class.getName(), List.class.getName())
            : m.getReturnType().isPrimitive() ? "java.lang.Long" : m.getGenericReturnType().getTypeName();
        assertThat(inner.getTypeName()).as(twin.toString()).isEqualTo(expected);
      }
    }
  }

  static List<Method> publicMethods(Class<?> c) {
    return Arrays.stream(c.getDeclaredMethods()).filter(m -> Modifier.isPublic(m.getModifiers())).toList();
  }
}
