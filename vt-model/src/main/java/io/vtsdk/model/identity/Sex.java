package io.vtsdk.model.identity;

import org.apiguardian.api.API;

/** Administrative sex as on the INS: M, F or U (unknown/indeterminate). */
@API(status = API.Status.STABLE, since = "0.1")
public enum Sex {
  M,
  F,
  U
}
