package io.vtsdk.client.internal;

import io.vtsdk.client.TokenProvider;
import java.io.IOException;
import java.util.Objects;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The client's OkHttp interceptors, first in every client a configuration derives (calls and event streams alike):
 * the headers every call carries, then the bearer token with its one refresh on 401. Retries, idempotency keys and
 * correlation ids belong to a logical call across its attempts: {@link Pipeline}. Not API.
 */
public final class Interceptors {
  private Interceptors() {}

  /** The header naming the unit a Pro Santé Connect user acts for on a call. */
  public static final String ACTING_UNIT = "X-VT-Unit";

  /**
   * User-Agent, a default Accept and Accept-Language (a call's own win), and the acting unit when the configuration
   * names one.
   */
  public static Interceptor headers(String userAgent, String languageTag, String actingUnit) {
    Objects.requireNonNull(userAgent, "userAgent");
    return chain -> {
      Request r = chain.request();
      Request.Builder b = r.newBuilder().header("User-Agent", userAgent);
      if (r.header("Accept") == null) {
        b.header("Accept", "application/json");
      }
      if (r.header("Accept-Language") == null) {
        b.header("Accept-Language", languageTag);
      }
      if (actingUnit != null) {
        b.header(ACTING_UNIT, actingUnit);
      }
      return chain.proceed(b.build());
    };
  }

  /**
   * {@code Authorization: Bearer} from the token provider; on a 401, the token is invalidated and the call sent once
   * more with a fresh one (a refresh, not a retry: the retry budget is not spent). A provider's own failure (a
   * {@code PscAuthException}, say) reaches the caller as it is, through {@link TokenFailure}.
   */
  public static Interceptor bearer(TokenProvider tokens) {
    Objects.requireNonNull(tokens, "tokens");
    return chain -> {
      String token = token(tokens);
      Response response = chain.proceed(withToken(chain.request(), token));
      if (response.code() != 401 || token == null) {
        return response;
      }
      tokens.invalidate(token);
      String fresh = token(tokens);
      if (fresh == null || fresh.equals(token)) {
        return response; // nothing newer to try: the 401 stands
      }
      response.close();
      return chain.proceed(withToken(chain.request(), fresh));
    };
  }

  private static String token(TokenProvider tokens) throws TokenFailure {
    try {
      return tokens.token();
    } catch (RuntimeException e) {
      throw new TokenFailure(e);
    }
  }

  private static Request withToken(Request r, String token) {
    return token == null ? r : r.newBuilder().header("Authorization", "Bearer " + token).build();
  }

  /** A token provider's failure, carried through OkHttp (which passes IOExceptions on) to the caller. */
  public static final class TokenFailure extends IOException {
    private static final long serialVersionUID = 1L;

    TokenFailure(RuntimeException cause) {
      super("the token provider failed", cause);
    }

    public RuntimeException failure() {
      return (RuntimeException) getCause();
    }
  }
}
