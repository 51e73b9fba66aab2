/**
 * Typed Java client for the VT HTTP API: {@link io.vtsdk.client.VtClient} (blocking) and
 * {@link io.vtsdk.client.VtAsyncClient} ({@code CompletableFuture}), built once and shared.
 *
 * <p>Every POST carries an {@code Idempotency-Key} kept across retries; retries use exponential backoff with full
 * jitter and honour {@code Retry-After}; errors are the sealed {@link io.vtsdk.client.VtException} hierarchy; logs
 * (SLF4J, DEBUG) never contain bodies or tokens. See docs/client.md.
 */
package io.vtsdk.client;
