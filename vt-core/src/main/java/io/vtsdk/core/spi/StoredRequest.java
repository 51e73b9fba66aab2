package io.vtsdk.core.spi;

import io.vtsdk.model.request.AdmissionRequest;
import org.apiguardian.api.API;

/** A request as stored, with its position in creation order ({@code seq}, for cursors). */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record StoredRequest(AdmissionRequest request, long seq) {}
