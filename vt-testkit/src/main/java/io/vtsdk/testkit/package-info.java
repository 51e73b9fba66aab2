/**
 * Reference VT server and JUnit 5 kit (vt-testkit).
 *
 * <p>This module is a placeholder until its issue lands; it builds so that the reactor, the BOM and the
 * dependency graph of DESIGN.md §2 are in place from the start.
 */
package io.vtsdk.testkit;
