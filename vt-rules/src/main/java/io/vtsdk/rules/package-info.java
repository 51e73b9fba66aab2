/**
 * Eligibility rules with explanations, orientation aid and indicators (vt-rules).
 *
 * <p>This module is a placeholder until its issue lands; it builds so that the reactor, the BOM and the
 * dependency graph of DESIGN.md §2 are in place from the start.
 */
package io.vtsdk.rules;
