package io.vtsdk.model.validation;

import org.apiguardian.api.API;

/** Bean Validation group of the constraints checked only at {@link Stage#SUBMISSION}. */
@API(status = API.Status.STABLE, since = "0.1")
public interface SubmissionGroup {}
