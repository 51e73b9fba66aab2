package io.vtsdk.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vtsdk.model.json.VtJson;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.apiguardian.api.API;

/**
 * OAuth 2 client credentials (RFC 6749 §4.4): posts {@code grant_type=client_credentials} to the token endpoint with
 * HTTP Basic client authentication, caches the access token and fetches a new one {@code refreshBefore} its expiry
 * (default 60 s), or at once after {@link #invalidate(String)}. Thread-safe; one fetch at a time.
 *
 * <pre>{@code
 * TokenProvider tokens = ClientCredentialsTokenProvider.builder(URI.create("https://auth.example/token"))
 *     .clientId("ehr-42").clientSecret(secret).scope("vt.requests").build();
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ClientCredentialsTokenProvider implements TokenProvider {
  private static final JsonMapper JSON = VtJson.newMapper();
  private final URI tokenUrl;
  private final String clientId;
  private final String clientSecret;
  private final String scope;
  private final Duration refreshBefore;
  private final OkHttpClient http;
  private final Clock clock;
  private String cached;
  private Instant expiresAt = Instant.MIN;

  private ClientCredentialsTokenProvider(Builder b) {
    this.tokenUrl = b.tokenUrl;
    this.clientId = require(b.clientId, "clientId");
    this.clientSecret = require(b.clientSecret, "clientSecret");
    this.scope = b.scope;
    this.refreshBefore = b.refreshBefore;
    this.http = b.http == null ? new OkHttpClient() : b.http;
    this.clock = b.clock;
  }

  private static String require(String v, String name) {
    if (v == null || v.isBlank()) {
      throw new IllegalStateException(name + " is required");
    }
    return v;
  }

  public static Builder builder(URI tokenUrl) {
    return new Builder(tokenUrl);
  }

  @Override
  public synchronized String token() {
    if (cached == null || !clock.instant().isBefore(expiresAt.minus(refreshBefore))) {
      fetch();
    }
    return cached;
  }

  @Override
  public synchronized void invalidate(String token) {
    if (token != null && token.equals(cached)) {
      cached = null;
    }
  }

  private void fetch() {
    FormBody.Builder form = new FormBody.Builder().add("grant_type", "client_credentials");
    if (scope != null) {
      form.add("scope", scope);
    }
    Request request = new Request.Builder().url(tokenUrl.toString())
        .header("Authorization", okhttp3.Credentials.basic(clientId, clientSecret))
        .header("Accept", "application/json").post(form.build()).build();
    try (Response r = http.newCall(request).execute()) {
      ResponseBody body = r.body();
      if (!r.isSuccessful()) {
        throw new VtApiException.Unauthorized("token endpoint answered " + r.code(), r.code(),
            VtErrorCode.UNAUTHORIZED, null, r.header("X-Request-Id"), null);
      }
      JsonNode json = JSON.readTree(body.bytes());
      String token = json.path("access_token").asText(null);
      if (token == null || token.isBlank()) {
        throw new VtDecodeException("the token endpoint's answer has no access_token", r.code(), null, null, null);
      }
      long expiresIn = json.path("expires_in").asLong(300);
      this.cached = token;
      this.expiresAt = clock.instant().plusSeconds(expiresIn);
    } catch (IOException e) {
      throw new VtTransportException("POST " + tokenUrl + " (token) failed: " + e.getClass().getSimpleName(), null,
          1, e);
    }
  }

  @Override
  public String toString() {
    return "ClientCredentialsTokenProvider[" + tokenUrl + ", clientId=" + clientId + "]";
  }

  /** Builds a {@link ClientCredentialsTokenProvider}. */
  public static final class Builder {
    private final URI tokenUrl;
    private String clientId;
    private String clientSecret;
    private String scope;
    private Duration refreshBefore = Duration.ofSeconds(60);
    private OkHttpClient http;
    private Clock clock = Clock.systemUTC();

    private Builder(URI tokenUrl) {
      this.tokenUrl = Objects.requireNonNull(tokenUrl, "tokenUrl");
    }

    public Builder clientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    public Builder clientSecret(String clientSecret) {
      this.clientSecret = clientSecret;
      return this;
    }

    public Builder scope(String scope) {
      this.scope = scope;
      return this;
    }

    /** How long before expiry to fetch a new token (default 60 s). */
    public Builder refreshBefore(Duration d) {
      if (d == null || d.isNegative()) {
        throw new IllegalArgumentException("refreshBefore must be zero or positive");
      }
      this.refreshBefore = d;
      return this;
    }

    /** The HTTP client for the token endpoint (default: a new one). */
    public Builder httpClient(OkHttpClient http) {
      this.http = Objects.requireNonNull(http, "http");
      return this;
    }

    /** For tests. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public ClientCredentialsTokenProvider build() {
      return new ClientCredentialsTokenProvider(this);
    }
  }
}
