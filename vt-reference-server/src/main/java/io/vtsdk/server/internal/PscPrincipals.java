package io.vtsdk.server.internal;

import io.vtsdk.core.Principal;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.directory.Unit;
import io.vtsdk.server.psc.PscIdentity;
import io.vtsdk.server.psc.PscTokenException;
import io.vtsdk.server.psc.PscTokenVerifier;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns a Pro Santé Connect access token into the principal of a call: the token checked by a
 * {@link PscTokenVerifier} (signature, issuer, audience, expiry, level), then the unit the professional acts for — the
 * one of their activities the call names in {@value #UNIT_HEADER}, or their only one — in the role that unit acts in.
 * Not API.
 */
public final class PscPrincipals {
  /** The header naming the unit a professional acts for on this call, when they act for several. */
  static final String UNIT_HEADER = "X-VT-Unit";

  private final Lazy<PscTokenVerifier> verifier;
  private final Function<UnitId, Optional<Unit>> directory;

  /**
   * @param verifier built on first use (the issuer is the server's URL, known once it listens)
   * @param directory the units of the server's directory
   */
  public PscPrincipals(Supplier<PscTokenVerifier> verifier, Function<UnitId, Optional<Unit>> directory) {
    this.verifier = new Lazy<>(verifier);
    this.directory = directory;
  }

  /** Whether {@code token} is for this class: a JWT (three base64url parts), not a test server's {@code vt.} token. */
  static boolean looksLikeJwt(String token) {
    return token.startsWith("eyJ") && token.chars().filter(c -> c == '.').count() == 2;
  }

  /** The principal of a valid token for {@code unitHeader} (may be null); a refusal is a 401, 400 or 403. */
  Principal principal(String token, String unitHeader) {
    PscIdentity who;
    try {
      who = verifier().verify(token);
    } catch (PscTokenException e) {
      if (e.reason() == PscTokenException.Reason.INSUFFICIENT_AUTHENTICATION) {
        // RFC 9470 (step-up): the client may ask PSC again for the level named in acr_values
        throw new ApiException(401, "unauthorized", e.getMessage(), List.of(),
            Map.of("acrValues", String.join(" ", verifier().acceptedAcr())));
      }
      throw new ApiException(401, "unauthorized", "the Pro Santé Connect token is refused: " + e.getMessage());
    }
    UnitId unit;
    if (unitHeader == null || unitHeader.isBlank()) {
      if (who.units().size() != 1) {
        throw ApiException.badRequest("this professional acts for " + who.units().size() + " units: name the one "
            + "of this call in the " + UNIT_HEADER + " header");
      }
      unit = who.units().get(0);
    } else {
      if (!Router.isSafeId(unitHeader.trim())) {
        throw ApiException.badRequest(UNIT_HEADER + " is not a unit id");
      }
      unit = UnitId.of(unitHeader.trim());
      if (!who.units().contains(unit)) {
        throw ApiException.forbidden("this professional does not act for the unit named in " + UNIT_HEADER
            + " (Pro Santé Connect lists their activities)");
      }
    }
    Unit u = directory.apply(unit).orElseThrow(() -> ApiException.forbidden(
        "the unit of this professional's activity is not in VT's directory"));
    return new Principal(ConsoleRoutes.roleOf(u), unit, who.actorId(),
        new Principal.Authentication(who.profession(), who.cpxCard(), who.acr()));
  }

  private PscTokenVerifier verifier() {
    return verifier.get();
  }
}
