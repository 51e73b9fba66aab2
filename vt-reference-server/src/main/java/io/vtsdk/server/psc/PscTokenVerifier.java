package io.vtsdk.server.psc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.vtsdk.model.UnitId;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Checks Pro Santé Connect access tokens as a resource server does, with Nimbus: the RS256 signature against the
 * issuer's JWKS (kept in memory, fetched again when a token names an unknown key: rotation), {@code iss}, {@code aud},
 * {@code exp} (60 s of clock skew), then the authentication level ({@code acr}) against the accepted ones.
 *
 * <pre>{@code
 * PscTokenVerifier verifier = PscTokenVerifier.forIssuer(URI.create(server.baseUrl() + "/psc"), "viatrajectoire");
 * PscIdentity who = verifier.verify(accessToken);   // throws PscTokenException with its Reason
 * }</pre>
 *
 * <p>Thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class PscTokenVerifier {
  private final ConfigurableJWTProcessor<SecurityContext> processor;
  private final String issuer;
  private final String audience;
  private final Set<String> acceptedAcr;

  /**
   * @param keys the issuer's signing keys
   * @param issuer the expected {@code iss}
   * @param audience this service's audience (the expected {@code aud})
   * @param acceptedAcr the authentication levels accepted (PSC: {@value PscSimulator#ACR_SUBSTANTIAL})
   */
  public PscTokenVerifier(JWKSource<SecurityContext> keys, String issuer, String audience, Set<String> acceptedAcr) {
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.audience = Objects.requireNonNull(audience, "audience");
    this.acceptedAcr = Set.copyOf(acceptedAcr);
    DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
    p.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, Objects.requireNonNull(keys, "keys")));
    // iss and exp (with DefaultJWTClaimsVerifier's 60 s skew); the audience is checked below, to say which failed
    p.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(null, new JWTClaimsSet.Builder().issuer(issuer).build(),
        Set.of("sub", "exp", "acr", "SubjectNameID")));
    this.processor = p;
  }

  /**
   * A verifier of the tokens of {@code issuer}, whose keys are read from {@code issuer + "/jwks"} (the simulator's
   * JWKS) and cached, accepting {@value PscSimulator#ACR_SUBSTANTIAL}.
   */
  public static PscTokenVerifier forIssuer(URI issuer, String audience) {
    try {
      JWKSource<SecurityContext> keys = JWKSourceBuilder.create(URI.create(issuer + "/jwks").toURL())
          .retrying(true).build();
      return new PscTokenVerifier(keys, issuer.toString(), audience, Set.of(PscSimulator.ACR_SUBSTANTIAL));
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("issuer is not a URL", e);
    }
  }

  public String audience() {
    return audience;
  }

  /** The authentication levels ({@code acr}) this verifier accepts. */
  public Set<String> acceptedAcr() {
    return acceptedAcr;
  }

  /** The identity in a valid token; a refusal names its reason. */
  public PscIdentity verify(String token) throws PscTokenException {
    JWTClaimsSet claims = claims(token);
    if (claims.getAudience() == null || !claims.getAudience().contains(audience)) {
      throw new PscTokenException(PscTokenException.Reason.WRONG_AUDIENCE, "the token is not meant for " + audience);
    }
    Object acr = claims.getClaim("acr");
    if (!(acr instanceof String level) || !acceptedAcr.contains(level)) {
      throw new PscTokenException(PscTokenException.Reason.INSUFFICIENT_AUTHENTICATION,
          "this service requires an authentication of level " + String.join(" or ", acceptedAcr));
    }
    return identity(claims, level);
  }

  /** The claims of a token whose signature, issuer and expiry verify (the audience and level aside). */
  JWTClaimsSet claims(String token) throws PscTokenException {
    try {
      return processor.process(SignedJWT.parse(token), null);
    } catch (ParseException e) {
      throw new PscTokenException(PscTokenException.Reason.MALFORMED, "the token is not a signed JWT");
    } catch (BadJWTException e) {
      String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
      if (m.contains("expired")) {
        throw new PscTokenException(PscTokenException.Reason.EXPIRED, "the token has expired");
      }
      if (m.contains("iss")) {
        throw new PscTokenException(PscTokenException.Reason.WRONG_ISSUER, "the token was not issued by " + issuer);
      }
      throw new PscTokenException(PscTokenException.Reason.MISSING_CLAIM, "the token lacks a required claim (sub, exp, "
          + "acr, SubjectNameID)");
    } catch (BadJOSEException e) {
      throw new PscTokenException(PscTokenException.Reason.BAD_SIGNATURE,
          "the token's signature does not verify with the issuer's keys");
    } catch (JOSEException e) {
      throw new PscTokenException(PscTokenException.Reason.BAD_SIGNATURE,
          "the token's signature cannot be checked");
    }
  }

  private static PscIdentity identity(JWTClaimsSet claims, String acr) throws PscTokenException {
    try {
      String nationalId = claims.getStringClaim("SubjectNameID");
      List<String> amr = claims.getStringListClaim("amr");
      String profession = "";
      List<UnitId> units = new ArrayList<>();
      Map<String, Object> refPro = claims.getJSONObjectClaim("SubjectRefPro");
      if (refPro != null && refPro.get("exercices") instanceof List<?> exercices) {
        for (Object ex : exercices) {
          if (ex instanceof Map<?, ?> exercise) {
            if (profession.isEmpty() && exercise.get("codeProfession") instanceof String code) {
              profession = code;
            }
            if (exercise.get("activities") instanceof List<?> activities) {
              for (Object a : activities) {
                if (a instanceof Map<?, ?> activity
                    && activity.get("identifiantTechniqueDeLaStructure") instanceof String id && !id.isBlank()) {
                  units.add(UnitId.of(id));
                }
              }
            }
          }
        }
      }
      String rpps = nationalId.startsWith("8") && nationalId.length() == 12 ? nationalId.substring(1) : null;
      return new PscIdentity(nationalId, rpps, profession, amr != null && amr.contains("sc"), acr, units,
          claims.getExpirationTime().toInstant());
    } catch (ParseException | IllegalArgumentException e) {
      throw new PscTokenException(PscTokenException.Reason.MALFORMED, "the token's claims are not readable");
    }
  }
}
