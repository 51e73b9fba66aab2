/**
 * vt-client: the Java client of VT's {@code /v1} API (OkHttp and Jackson), immutable and thread-safe, with retries,
 * idempotency keys, the change feed and typed errors. {@code io.vtsdk.client.psc} logs a professional in with Pro Santé
 * Connect and needs Nimbus OAuth 2.0 SDK, an optional dependency: a module that uses it adds
 * {@code requires oauth2.oidc.sdk} (the jar has no module name of its own: the name comes from its file, see
 * docs/architecture.md).
 */
@SuppressWarnings("requires-automatic") // oauth2.oidc.sdk: named by its file (see above)
module io.vtsdk.client {
  requires transitive io.vtsdk.api;
  requires transitive okhttp3;
  requires okhttp3.sse;
  requires org.slf4j;
  requires static transitive com.nimbusds.jose.jwt; // PscTokenProvider.Builder.privateKeyJwt takes its RSAKey
  requires static oauth2.oidc.sdk;
  requires static transitive org.apiguardian.api;

  exports io.vtsdk.client;
  exports io.vtsdk.client.psc;

  opens io.vtsdk.client to com.fasterxml.jackson.databind;
}
