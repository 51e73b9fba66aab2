package io.vtsdk.core.spi;

import io.vtsdk.model.dossier.Dossier;
import org.apiguardian.api.API;

/**
 * A dossier as stored: the record, its position in creation order ({@code seq}, for cursors) and the id of the actor
 * who created it (the policy lets an account of the usager space see only its own dossiers).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record StoredDossier(Dossier dossier, long seq, String createdBy) {}
