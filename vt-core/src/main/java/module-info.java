/**
 * vt-core: ViaTrajectoire's behaviour as a library — a facade over one service per aggregate, one access policy, one
 * store transaction per operation — over the {@link io.vtsdk.core.spi.Store} SPI. No HTTP, no JDBC, clock injected.
 *
 * <p>API: {@code io.vtsdk.core}; SPI: {@code io.vtsdk.core.spi} (what a store implements); {@code io.vtsdk.core.internal}
 * is not exported.
 */
module io.vtsdk.core {
  requires transitive io.vtsdk.model;
  requires transitive io.vtsdk.rules;
  requires transitive io.vtsdk.api;
  requires static transitive org.apiguardian.api;

  exports io.vtsdk.core;
  exports io.vtsdk.core.spi;

  // the core stores its results of idempotent writes as JSON (its own records)
  opens io.vtsdk.core to com.fasterxml.jackson.databind;
  opens io.vtsdk.core.spi to com.fasterxml.jackson.databind;
}
