package io.vtsdk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vtsdk.model.DossierId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.testkit.JournalEntry;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Builder and per-call options: bad settings are refused with a message naming the setting and the rule. */
class SettingsTest extends ClientTestBase {

  @Test
  void requestOptionsAreChecked() {
    assertThatThrownBy(() -> RequestOptions.builder().timeout(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout must be positive");
    assertThatThrownBy(() -> RequestOptions.builder().idempotencyKey(" ").build())
        .hasMessage("idempotencyKey must not be blank");
    assertThatThrownBy(() -> RequestOptions.builder().idempotencyKey("k".repeat(256)).build())
        .hasMessage("idempotencyKey must be at most 255 characters");
    assertThatThrownBy(() -> RequestOptions.builder().correlationId("é").build())
        .hasMessage("correlationId must be printable ASCII (HTTP header)");
    assertThatThrownBy(() -> RequestOptions.builder().header("X-Trace", "a\r\nInjected: 1").build())
        .hasMessageContaining("header X-Trace must be printable ASCII");
    for (String reserved : new String[] {"Authorization", "idempotency-key", "If-Match", "X-Correlation-Id"}) {
      assertThatThrownBy(() -> RequestOptions.builder().header(reserved, "x").build())
          .as(reserved).hasMessageContaining("is set by the client");
    }
  }

  @Test
  void builderSettingsAreChecked() {
    assertThatThrownBy(() -> VtClient.builder().tokenProvider(TokenProvider.of("t")).build())
        .isInstanceOf(IllegalStateException.class).hasMessage("baseUrl is required");
    assertThatThrownBy(() -> VtClient.builder().baseUrl(URI.create("http://x/")).build())
        .hasMessageContaining("tokenProvider is required");
    assertThatThrownBy(() -> VtClient.builder().baseUrl(URI.create("ftp://x/")))
        .hasMessageContaining("baseUrl must be an http(s) URL");
    assertThatThrownBy(() -> VtClient.builder().maxAttempts(0)).hasMessageContaining("between 1 and 10");
    assertThatThrownBy(() -> VtClient.builder().backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .hasMessageContaining("0 <= base <= max");
    assertThatThrownBy(() -> VtClient.builder().appInfo("Mon DPI\n")).hasMessageContaining("printable ASCII");
    assertThatThrownBy(() -> TokenProvider.of(" ")).hasMessage("token must not be blank");
    assertThat(TokenProvider.of("secret-token").toString()).doesNotContain("secret-token");
    assertThatThrownBy(() -> requester.dossiers().get(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void userAgentLanguageAndExtraHeadersReachTheServer() {
    requester.dossiers().create(dossier(VtModule.TND), RequestOptions.builder().header("X-Ehr-Site", "Lyon")
        .timeout(Duration.ofSeconds(5)).build());
    JournalEntry e = vt.journal().get(0);
    assertThat(e.status()).isEqualTo(201);
    assertThat(e.idempotencyKey()).as("generated").matches("[0-9a-f-]{36}");
    assertThat(VtClient.Builder.version()).doesNotContain("${");
  }

  @Test
  void newBuilderKeepsTheSettingsAndSharesTheConnectionPool() {
    VtClient english = requester.newBuilder().language(java.util.Locale.ENGLISH).build();
    VtException e = ContractTest.catchVt(() -> english.dossiers().get(DossierId.of("D-404")));
    assertThat(((VtApiException) e).problem().title()).isEqualTo("Not found");
    assertThat(english.toString()).isEqualTo("VtClient[" + vt.baseUrl() + "]");
    VtClient cpam = english.newBuilder().tokenProvider(TokenProvider.of(vt.demoToken(Role.CPAM))).build();
    assertThat(cpam.requests().list(RequestQuery.all(), null).items()).isEmpty();
  }

  @Test
  void parametersAreCheckedBeforeAnyCall() {
    assertThatThrownBy(() -> requester.dossiers().send(DossierId.of("D-1"), java.util.List.of()))
        .hasMessage("units: give at least one receiving unit");
    assertThatThrownBy(() -> requester.events().page(null, 0)).hasMessageContaining("between 1 and 1000");
    assertThatThrownBy(() -> DossierQuery.all().pageSize(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> requester.attachments().upload(DossierId.of("D-1"), " ", "application/pdf",
        new byte[1])).hasMessage("fileName must not be blank");
    assertThatThrownBy(() -> requester.attachments().upload(DossierId.of("D-1"), "a.pdf", "not a type",
        new byte[1])).hasMessageContaining("contentType must be a media type");
    assertThat(vt.journal()).isEmpty();
  }
}
