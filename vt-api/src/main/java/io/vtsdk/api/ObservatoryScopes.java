package io.vtsdk.api;

import org.apiguardian.api.API;

/**
 * What the caller may read of the observatory ({@code GET /v1/observatory/scopes}): the scope of the Prado TUV and of
 * the Handicap indicators, each null when none.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record ObservatoryScopes(Scope tuv, Scope handicap) {
  /**
   * A scope: its kind ({@code ESTABLISHMENT} with a FINESS, {@code CPAM} with its code, {@code DEPARTEMENT},
   * {@code REGION} with its INSEE code) and value.
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public record Scope(String kind, String value) {}
}
