/**
 * vt-api: the wire contract of VT's {@code /v1} API — the bodies the server writes and vt-client reads that are not
 * vt-model types (pages, events, problems, eligibility with its trace, preflight reports, indicators) and the OpenAPI
 * document generated from them ({@code io/vtsdk/api/openapi.json}).
 */
module io.vtsdk.api {
  requires transitive io.vtsdk.model;
  requires transitive io.vtsdk.rules;
  requires static transitive org.apiguardian.api;

  exports io.vtsdk.api;

  opens io.vtsdk.api to com.fasterxml.jackson.databind;
}
