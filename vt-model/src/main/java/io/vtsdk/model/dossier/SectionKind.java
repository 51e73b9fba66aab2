package io.vtsdk.model.dossier;

import org.apiguardian.api.API;

/** The sections ("volets") of the standardized admission dossier. */
@API(status = API.Status.STABLE, since = "0.1")
public enum SectionKind {
  /** "Volet médical". */
  MEDICAL,
  /** "Volet soins et projet". */
  SOINS_ET_PROJET,
  /** "Volet admin. &amp; social". */
  ADMIN_SOCIAL,
  /** "Service demandeur". */
  SERVICE_DEMANDEUR
}
