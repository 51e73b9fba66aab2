package io.vtsdk.client;

import io.vtsdk.api.Page;
import io.vtsdk.api.Event;
import io.vtsdk.api.Health;
import io.vtsdk.client.internal.Endpoints;
import io.vtsdk.client.internal.Pipeline;
import java.util.concurrent.CompletableFuture;
import org.apiguardian.api.API;

/**
 * The VT client whose operations return {@code CompletableFuture}: calls run on OkHttp's dispatcher and retries are
 * scheduled, so the caller's thread never blocks (the token provider is called on OkHttp's threads, by the bearer
 * interceptor). Built by {@link VtClient.Builder#buildAsync()}; immutable and thread-safe. A future
 * fails with a {@link VtException}; cancelling it cancels the HTTP call.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class VtAsyncClient {
  private final VtClient.Config config;
  private final Pipeline pipeline;
  private final Endpoints endpoints;
  private final AsyncDossiers dossiers;
  private final AsyncAttachments attachments;
  private final AsyncRequests requests;
  private final AsyncDirectory directory;
  private final AsyncIndicators indicators;

  VtAsyncClient(VtClient.Config config, Pipeline pipeline) {
    this.config = config;
    this.pipeline = pipeline;
    this.endpoints = new Endpoints(pipeline);
    this.dossiers = new AsyncDossiers(pipeline, endpoints);
    this.attachments = new AsyncAttachments(pipeline, endpoints);
    this.requests = new AsyncRequests(pipeline, endpoints);
    this.directory = new AsyncDirectory(pipeline, endpoints);
    this.indicators = new AsyncIndicators(pipeline, endpoints);
  }

  /** A builder with this client's settings (see {@link VtClient#newBuilder()}). */
  public VtClient.Builder newBuilder() {
    return VtClient.Builder.from(config);
  }

  /** This client's settings, as built (immutable). */
  public VtClient.Config config() {
    return config;
  }

  public AsyncDossiers dossiers() {
    return dossiers;
  }

  public AsyncAttachments attachments() {
    return attachments;
  }

  public AsyncRequests requests() {
    return requests;
  }

  public AsyncDirectory directory() {
    return directory;
  }

  public AsyncIndicators indicators() {
    return indicators;
  }

  /** One page of the change feed (see {@link Events#page}). */
  public CompletableFuture<Page<Event>> events(String cursor, int limit) {
    return pipeline.executeAsync(endpoints.events(cursor, limit, RequestOptions.none()));
  }

  /**
   * The test-kit session this client's token belongs to (the reference server's {@code GET /v1/test-session}): the
   * scenario, the step under way with its instruction and data. {@link VtApiException} 404 for a token of no session.
   */
  public CompletableFuture<io.vtsdk.api.TestSession> testSession() {
    return pipeline.executeAsync(endpoints.testSession(RequestOptions.none()));
  }

  public CompletableFuture<Health> health() {
    return pipeline.executeAsync(endpoints.health(RequestOptions.none()));
  }

  @Override
  public String toString() {
    return "VtAsyncClient[" + config.baseUrl() + "]";
  }
}
