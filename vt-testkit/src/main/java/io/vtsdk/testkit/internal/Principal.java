package io.vtsdk.testkit.internal;

import io.vtsdk.model.UnitId;
import io.vtsdk.model.workflow.Role;

/** Who calls: a role, the unit (or structure) they act for, an actor id (RPPS or account). Not API. */
public record Principal(Role role, UnitId unit, String actorId) {}
