package io.vtsdk.model.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.apiguardian.api.API;

/**
 * The assigning authority of an INS (identité nationale de santé), carried as its OID.
 *
 * <p>Source: ANS, "Référentiel INS" and FR Core's identifier types ({@code fr-core-cs-v2-0203}: INS-NIR, INS-NIA,
 * INS-NIR-TEST, INS-NIR-DEMO), OIDs 1.2.250.1.213.1.4.8 to .11. The last two are the NIRs of the INSi test and demo
 * environments (there is no test NIA) and must never appear in production data.
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum InsAuthority {
  /** INS-NIR (production). */
  NIR("1.2.250.1.213.1.4.8", false),
  /** INS-NIA (production). */
  NIA("1.2.250.1.213.1.4.9", false),
  /** INS-NIR-TEST: a NIR of the INSi test environment. */
  NIR_TEST("1.2.250.1.213.1.4.10", true),
  /** INS-NIR-DEMO: a NIR of the INSi demonstration environment (not a NIA). */
  NIR_DEMO("1.2.250.1.213.1.4.11", true);

  private final String oid;
  private final boolean test;

  InsAuthority(String oid, boolean test) {
    this.oid = oid;
    this.test = test;
  }

  @JsonValue
  public String oid() {
    return oid;
  }

  public boolean isTest() {
    return test;
  }

  /** The authority of an OID; accepts the enum name too. */
  @JsonCreator
  public static InsAuthority fromOid(String oid) {
    for (InsAuthority a : values()) {
      if (a.oid.equals(oid) || a.name().equals(oid)) {
        return a;
      }
    }
    throw new IllegalArgumentException(
        "unknown INS OID '" + oid + "': expected one of 1.2.250.1.213.1.4.8, .9, .10 or .11");
  }
}
