package io.vtsdk.client;

import java.util.function.Function;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The transport seam for tests without a server: an OkHttp client whose application interceptor answers every call
 * itself (nothing goes on the network). Give it to {@link VtClient.Builder#httpClient}. The client's own settings,
 * headers, retries and error mapping all run as against a server.
 */
final class OfflineTransport {
  private OfflineTransport() {}

  static OkHttpClient answering(Function<Request, Response> server) {
    return new OkHttpClient.Builder().addInterceptor(chain -> server.apply(chain.request())).build();
  }

  static Response response(Request request, int status, String json) {
    return new Response.Builder().request(request).protocol(Protocol.HTTP_1_1).code(status).message("")
        .body(ResponseBody.create(json, MediaType.get("application/json"))).build();
  }
}
