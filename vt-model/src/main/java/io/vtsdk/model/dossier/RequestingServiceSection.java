package io.vtsdk.model.dossier;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import org.apiguardian.api.API;

/** "Service demandeur": how the receiving unit reaches the requesting service. */
@API(status = API.Status.STABLE, since = "0.1")
public record RequestingServiceSection(
    @Valid SectionInfo info,
    @Size(max = 200, message = "{vt.size.max}") String serviceName,
    @Size(max = 30, message = "{vt.size.max}") String contactPhone,
    @Email(message = "{vt.email.format}") String contactEmail) {}
