package io.vtsdk.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtsdk.model.UnitId;
import io.vtsdk.model.workflow.Role;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenFactoryTest {
  @Test
  void aVerifiedTokenStillExpiresAndAnAlteredOneIsStillRefused() {
    io.vtsdk.server.internal.MutableClock clock = new io.vtsdk.server.internal.MutableClock();
    TokenFactory tokens = new TokenFactory(new byte[32], clock, Duration.ofHours(12));
    {
      String token = tokens.issue(Role.RECEIVER, UnitId.of("SMR-CARDIO-69"), null);
      assertThat(tokens.verify(token)).hasValueSatisfying(c -> assertThat(c.role()).isEqualTo(Role.RECEIVER));
      assertThat(tokens.verify(token)).as("second check (cached)").isPresent();
      String altered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
      assertThat(tokens.verify(altered)).isEmpty();
      clock.advance(Duration.ofHours(13)); // lifetime is 12 h
      assertThat(tokens.verify(token)).as("expired although verified before").isEmpty();
    }
  }

  /** Issue 40: a correctly signed token whose expiry overflows Instant is no token (it was a 500). */
  @Test
  void aSignedTokenWhoseExpiryOverflowsInstantIsRefusedNotThrown() throws Exception {
    TokenFactory tokens = new TokenFactory(new byte[32], java.time.Clock.systemUTC(), Duration.ofHours(12));
    byte[] payload = ("REQUESTER|U-CARDIO-HCL|-|" + Long.MAX_VALUE).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(new byte[32], "HmacSHA256"));
    java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
    String forged = "vt." + b64.encodeToString(payload) + "." + b64.encodeToString(mac.doFinal(payload));
    org.assertj.core.api.Assertions.assertThat(tokens.verify(forged)).isEmpty();
  }

  @Test
  void movingTheServersTestClockKeepsTokensValid() {
    try (ReferenceServer vt = ReferenceServer.builder().build()) {
      String token = vt.demoToken(Role.REQUESTER);
      vt.advanceClock(Duration.ofDays(31)); // to trigger archiving: tokens run on the real clock
      assertThat(vt.tokens().verify(token)).isPresent();
    }
  }

  @Test
  void concurrentVerificationsAgree() throws Exception {
    try (ReferenceServer vt = ReferenceServer.builder().build()) {
      TokenFactory tokens = vt.tokens();
      java.util.List<String> issued = new java.util.ArrayList<>();
      for (int i = 0; i < 50; i++) {
        issued.add(tokens.issue(Role.REQUESTER, UnitId.of("U-" + i), null));
      }
      var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
      java.util.concurrent.Callable<Boolean> checkAll = () -> {
        for (int i = 0; i < issued.size(); i++) {
          String expected = "U-" + i;
          if (!tokens.verify(issued.get(i)).map(c -> c.unit().value().equals(expected)).orElse(false)) {
            return false;
          }
        }
        return true;
      };
      var results = pool.invokeAll(java.util.Collections.nCopies(8, checkAll));
      pool.shutdown();
      for (var r : results) {
        assertThat(r.get()).isTrue();
      }
    }
  }
}
