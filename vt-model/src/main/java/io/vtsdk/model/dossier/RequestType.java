package io.vtsdk.model.dossier;

import org.apiguardian.api.API;

/** Where the person is when the request is made. */
@API(status = API.Status.STABLE, since = "0.1")
public enum RequestType {
  /** "En cours d'hospitalisation": needs a hospitalisation date and, for Prado, a planned discharge date. */
  EN_HOSPITALISATION,
  /** "À domicile". */
  A_DOMICILE
}
