package io.vtsdk.bench;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vtsdk.client.TokenProvider;
import io.vtsdk.client.VtAsyncClient;
import io.vtsdk.client.VtClient;
import io.vtsdk.model.DossierId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.json.VtJson;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.server.ReferenceServer;
import io.vtsdk.server.fixtures.VtFixtures;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code vt.dossiers().get(id)} against the same GET done by hand with OkHttp + Jackson (same connection pool
 * settings, same bearer token, same mapper, same {@code Dossier} type), on the same embedded reference server, in the
 * same run. Sample mode: JMH reports the median and p99 of each.
 *
 * <p>Run: {@code java -jar vt-bench/target/benchmarks.jar ClientBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class ClientBenchmark {
  ReferenceServer server;
  VtClient sdk;
  VtAsyncClient sdkAsync;
  OkHttpClient raw;
  JsonMapper json;
  HttpUrl url;
  String bearer;
  DossierId id;

  @Setup
  public void start() throws IOException {
    server = ReferenceServer.builder().demoData(true).demoDossiers(false).build().start();
    server.setClock(Instant.parse("2026-11-23T10:15:30Z"));
    Dossier d = server.load(VtFixtures.seeded(1, LocalDate.of(2026, 11, 23)).dossier(VtModule.SANITAIRE).build())
        .get(0);
    id = d.id();
    String token = server.demoToken(Role.REQUESTER);
    bearer = "Bearer " + token;
    raw = new OkHttpClient();
    json = VtJson.newMapper();
    url = HttpUrl.get(server.url("/v1/dossiers/" + id.value()).toString());
    sdk = VtClient.builder().baseUrl(server.baseUrl()).tokenProvider(TokenProvider.of(token)).httpClient(raw)
        .build();
    sdkAsync = sdk.newBuilder().buildAsync();
    if (!sdk.dossiers().get(id).equals(raw()) || !sdkAsync().equals(rawAsync())) {
      throw new IllegalStateException("the paths do not read the same dossier");
    }
  }

  @TearDown
  public void stop() {
    server.close();
    raw.dispatcher().executorService().shutdown();
    raw.connectionPool().evictAll();
  }

  @Benchmark
  public Dossier sdk() {
    return sdk.dossiers().get(id);
  }

  /** The least a caller can do by hand: token, JSON accept, status check, decode (no retry, no ids, no mapping). */
  @Benchmark
  public Dossier raw() throws IOException {
    try (Response r = raw.newCall(request()).execute()) {
      return decode(r);
    }
  }

  /** The async client's get, waited for (the caller's thread blocks only here, as a benchmark must). */
  @Benchmark
  public Dossier sdkAsync() {
    return sdkAsync.dossiers().get(id).join();
  }

  /** The same by hand: OkHttp's {@code enqueue} completing a future, decoded on OkHttp's thread. */
  @Benchmark
  public Dossier rawAsync() {
    CompletableFuture<Dossier> future = new CompletableFuture<>();
    raw.newCall(request()).enqueue(new Callback() {
      @Override
      public void onFailure(Call call, IOException e) {
        future.completeExceptionally(e);
      }

      @Override
      public void onResponse(Call call, Response response) {
        try (response) {
          future.complete(decode(response));
        } catch (IOException | RuntimeException e) {
          future.completeExceptionally(e);
        }
      }
    });
    return future.join();
  }

  private Request request() {
    return new Request.Builder().url(url).header("Authorization", bearer).header("Accept", "application/json")
        .build();
  }

  private Dossier decode(Response r) throws IOException {
    if (!r.isSuccessful()) {
      throw new IOException("HTTP " + r.code());
    }
    return json.readValue(r.body().bytes(), Dossier.class);
  }
}
