/**
 * Typed client for the VT HTTP API (vt-client).
 *
 * <p>This module is a placeholder until its issue lands; it builds so that the reactor, the BOM and the
 * dependency graph of DESIGN.md §2 are in place from the start.
 */
package io.vtsdk.client;
