package io.vtsdk.server;

import io.vtsdk.model.UnitId;
import io.vtsdk.model.workflow.Role;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apiguardian.api.API;

/**
 * Issues and checks the bearer tokens of one reference server: a role, the unit the caller acts for, an actor id and
 * an expiry, signed with HMAC-SHA256 by the server's secret, so a forged or altered token is refused (401).
 *
 * <pre>{@code
 * String token = server.tokens().issue(Role.REQUESTER, UnitId.of("U-CARDIO-HCL"), "10003606315");
 * }</pre>
 *
 * <p>Test tokens only: they carry no personal data (the actor id is an RPPS or an account id).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class TokenFactory {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();
  /** Bound of the verified-token cache; cleared when full (tokens are few in tests). */
  private static final int CACHE_SIZE = 4096;
  private final byte[] secret;
  private final Clock clock;
  private final Duration lifetime;
  /** Tokens whose signature was checked, with their claims; expiry is still checked on every call. */
  private final java.util.concurrent.ConcurrentHashMap<String, Claims> verified =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

  TokenFactory(byte[] secret, Clock clock, Duration lifetime) {
    this.secret = secret.clone();
    this.clock = clock;
    this.lifetime = lifetime;
  }

  /** A token for {@code role} acting for {@code unit}, valid for the factory's lifetime from now. */
  public String issue(Role role, UnitId unit, String actorId) {
    return issue(role, unit, actorId, clock.instant().plus(lifetime));
  }

  /** A token expiring at {@code expiresAt} (use a past instant to test expiry). */
  public String issue(Role role, UnitId unit, String actorId, Instant expiresAt) {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(unit, "unit");
    String actor = actorId == null ? "-" : actorId;
    if (actor.contains("|") || unit.value().contains("|")) {
      throw new IllegalArgumentException("unit and actor ids must not contain '|'");
    }
    String payload = role.name() + "|" + unit.value() + "|" + actor + "|" + expiresAt.getEpochSecond();
    byte[] p = payload.getBytes(StandardCharsets.UTF_8);
    return "vt." + B64.encodeToString(p) + "." + B64.encodeToString(sign(p));
  }

  /** The claims of a valid token, or empty when it is malformed, forged or expired. */
  public Optional<Claims> verify(String token) {
    if (token == null || !token.startsWith("vt.")) {
      return Optional.empty();
    }
    Claims known = verified.get(token);
    if (known != null) {
      return clock.instant().isBefore(known.expiresAt()) ? Optional.of(known) : Optional.empty();
    }
    String[] parts = token.split("\\.");
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      byte[] payload = B64D.decode(parts[1]);
      if (!MessageDigest.isEqual(sign(payload), B64D.decode(parts[2]))) {
        return Optional.empty();
      }
      String[] f = new String(payload, StandardCharsets.UTF_8).split("\\|");
      if (f.length != 4) {
        return Optional.empty();
      }
      Instant exp = Instant.ofEpochSecond(Long.parseLong(f[3]));
      if (!clock.instant().isBefore(exp)) {
        return Optional.empty();
      }
      Claims claims = new Claims(Role.valueOf(f[0]), UnitId.of(f[1]), "-".equals(f[2]) ? null : f[2], exp);
      if (verified.size() >= CACHE_SIZE) {
        verified.clear();
      }
      verified.put(token, claims);
      return Optional.of(claims);
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      return Optional.empty(); // a forged or malformed token, or an expiry beyond Instant's range: not a token
    }
  }

  private byte[] sign(byte[] payload) {
    return macs.get().doFinal(payload); // doFinal resets the Mac for the next use
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** What a valid token says. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1")
  public record Claims(Role role, UnitId unit, String actorId, Instant expiresAt) {}
}
