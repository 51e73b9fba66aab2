package io.vtsdk.client.extension;

import static io.vtsdk.client.extension.TeleconsultationModule.MODULE;
import static io.vtsdk.client.extension.TeleconsultationModule.SLOT_PROPOSED;
import static io.vtsdk.client.extension.TeleconsultationModule.UNIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.vtsdk.api.Event;
import io.vtsdk.client.TokenProvider;
import io.vtsdk.client.UnitQuery;
import io.vtsdk.client.VtApiException;
import io.vtsdk.client.VtClient;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.dossier.TargetKind;
import io.vtsdk.model.request.AdmissionRequest;
import io.vtsdk.model.request.Response;
import io.vtsdk.model.request.ResponseKind;
import io.vtsdk.model.validation.Stage;
import io.vtsdk.model.workflow.RequestStatus;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.server.ReferenceServer;
import io.vtsdk.server.fixtures.VtFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A module defined in the test sources only ({@link TeleconsultationModule}) runs through the core, a durable store
 * and the console without a change of their code: the proof that a module is its descriptor. Runs in its own test run
 * (vt-client's pom: {@code extension-module}), the only one whose class path registers the module.
 */
class ExtensionModuleTest {
  static final Instant START = Instant.parse("2026-12-07T09:00:00Z");

  @TempDir
  Path dir;

  private static VtClient client(ReferenceServer vt, String token) {
    return VtClient.builder().baseUrl(vt.baseUrl()).tokenProvider(TokenProvider.of(token)).build();
  }

  /** A server whose test clock starts at {@link #START}. */
  private static ReferenceServer start(ReferenceServer.Builder b) {
    ReferenceServer vt = b.build().start();
    vt.setClock(START);
    return vt;
  }

  private static Dossier dossier() {
    return VtFixtures.seeded(3, LocalDate.ofInstant(START, ZoneOffset.UTC)).dossier(MODULE).build();
  }

  @Test
  void theVocabularyReadsTheModulesNamesOnceItsDescriptorIsRegistered() {
    assertThat(VtModule.valueOf("TELECONSULTATION")).isSameAs(MODULE);
    assertThat(VtModule.values()).endsWith(MODULE).contains(VtModule.PRADO);
    assertThat(TargetKind.valueOf("TELECONSULTATION_SLOT").module()).isSameAs(MODULE);
    assertThat(ResponseKind.valueOf("SLOT_PROPOSED").modules()).containsExactly(MODULE);
    assertThat(MODULE.isStandard()).isFalse();
  }

  @Test
  void theCoreRunsItsAnswersItsNotionOfOpenAndItsExpiry() {
    try (ReferenceServer vt = start(ReferenceServer.builder().admin(true).demoDossiers(false))) {
      VtClient ehr = client(vt, vt.demoToken(Role.REQUESTER));
      VtClient unit = client(vt, vt.tokens().issue(Role.RECEIVER, UNIT, null));
      assertThat(ehr.directory().search(UnitQuery.all().module(MODULE))).extracting(u -> u.id()).containsExactly(UNIT);

      Dossier d = ehr.dossiers().create(dossier());
      assertThat(ehr.dossiers().validate(d.id(), Stage.SUBMISSION).valid()).isTrue();
      AdmissionRequest r = ehr.dossiers().send(d.id(), List.of(UNIT)).get(0);
      assertThat(unit.requests().availableActions(r.id()).responseKinds()).contains(SLOT_PROPOSED);

      VtApiException noSlot = catchThrowableOfType(VtApiException.class, () -> unit.requests().respond(r.id(),
          new Response(SLOT_PROPOSED, null, null, null, null, null)));
      assertThat(noSlot.status()).isEqualTo(422);
      assertThat(noSlot.problem().violations()).extracting(v -> v.path()).containsExactly("/admissionAt");

      Instant slot = START.plus(Duration.ofHours(3));
      AdmissionRequest proposed = unit.requests().respond(r.id(), new Response(SLOT_PROPOSED, null, null, null,
          null, null, slot));
      assertThat(proposed.status()).isEqualTo(RequestStatus.ACCEPTED);

      Dossier unanswered = ehr.dossiers().create(dossier());
      AdmissionRequest waiting = ehr.dossiers().send(unanswered.id(), List.of(UNIT)).get(0);

      assertThat(vt.advanceClock(Duration.ofHours(4))).as("the slot passed unconfirmed").isEqualTo(1);
      assertThat(ehr.requests().get(r.id()).status()).isEqualTo(RequestStatus.CLOSED);
      assertThat(ehr.requests().get(waiting.id()).status()).isEqualTo(RequestStatus.SENT);
      assertThat(vt.advanceClock(Duration.ofHours(21))).as("unanswered a day, not the server's 30").isEqualTo(1);
      assertThat(ehr.requests().get(waiting.id()).status()).isEqualTo(RequestStatus.ARCHIVED);
      assertThat(ehr.events().page(null, 100).items()).extracting(Event::type)
          .contains("request.expire", "request.archive");
    }
  }

  @Test
  void aDurableStoreKeepsTheModulesOpenRequestsAcrossARestart() {
    Instant slot = START.plus(Duration.ofHours(2));
    String request;
    try (ReferenceServer vt = start(ReferenceServer.builder().dataDir(dir).demoDossiers(false))) {
      VtClient ehr = client(vt, vt.demoToken(Role.REQUESTER));
      Dossier d = ehr.dossiers().create(dossier());
      AdmissionRequest r = ehr.dossiers().send(d.id(), List.of(UNIT)).get(0);
      client(vt, vt.tokens().issue(Role.RECEIVER, UNIT, null)).requests().respond(r.id(),
          new Response(SLOT_PROPOSED, null, null, null, null, null, slot));
      request = r.id().value();
    }
    try (ReferenceServer vt = ReferenceServer.builder().dataDir(dir).demoDossiers(false).build().start()) {
      assertThat(vt.advanceClock(Duration.ofHours(3))).isEqualTo(1);
      assertThat(client(vt, vt.demoToken(Role.REQUESTER)).requests().get(io.vtsdk.model.RequestId.of(request))
          .status()).isEqualTo(RequestStatus.CLOSED);
    }
  }

  @Test
  void theConsoleLabelsItsAnswerAndOffersTheSlotItsDescriptorNames() throws Exception {
    Path profile = Files.createTempDirectory("vt-extension-chromium");
    ChromeDriver driver = io.vtsdk.client.ConsoleBrowserAccess.chromium(profile);
    try (ReferenceServer vt = start(ReferenceServer.builder().admin(true).demoDossiers(false))) {
      VtClient ehr = client(vt, vt.demoToken(Role.REQUESTER));
      AdmissionRequest r = ehr.dossiers().send(ehr.dossiers().create(dossier()).id(), List.of(UNIT)).get(0);
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
      driver.get(vt.url("/console").toString());
      WebElement principal = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("principal")));
      wait.until(x -> new Select(principal).getOptions().size() > 1);
      new Select(principal).selectByValue(UNIT.value());
      driver.findElement(By.id("sign-in")).click();
      wait.until(x -> "true".equals(x.findElement(By.cssSelector("[data-live]")).getAttribute("data-live")));
      driver.get(vt.url("/console").toString() + "#/request/" + r.id().value());
      Select kind = new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("kind"))));
      // the label is the descriptor's, through the console's vocabulary
      wait.until(x -> kind.getOptions().stream().anyMatch(o -> o.getText().equals("Créneau proposé")));
      kind.selectByValue(SLOT_PROPOSED.name());
      WebElement date = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("date")));
      assertThat(date.getAttribute("type")).isEqualTo("datetime-local");
      // the slot, three hours ahead in the browser's own time (what a person types in a datetime-local field)
      ((JavascriptExecutor) driver).executeScript("const d = new Date(Date.parse(arguments[1])); "
          + "const p = (n) => String(n).padStart(2, '0'); "
          + "arguments[0].value = d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate()) + 'T' "
          + "+ p(d.getHours()) + ':' + p(d.getMinutes()); "
          + "arguments[0].dispatchEvent(new Event('input', { bubbles: true }));", date,
          Instant.now().plus(Duration.ofHours(3)).toString());
      driver.findElement(By.id("submit-response")).click();
      wait.until(x -> x.findElement(By.cssSelector("h2 [data-status]")).getText().equals("ACCEPTED"));
      AdmissionRequest answered = ehr.requests().get(r.id());
      assertThat(answered.responses()).singleElement().satisfies(a -> {
        assertThat(a.kind()).isSameAs(SLOT_PROPOSED);
        assertThat(a.admissionAt()).isNotNull();
      });
      assertThat(driver.findElement(By.tagName("main")).getText()).contains("Créneau proposé");
    } finally {
      driver.quit();
    }
  }
}
