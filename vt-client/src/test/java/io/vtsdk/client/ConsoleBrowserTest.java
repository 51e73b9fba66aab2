package io.vtsdk.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtsdk.api.Event;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.request.AdmissionRequest;
import io.vtsdk.model.request.Response;
import io.vtsdk.model.request.ResponseKind;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.server.ReferenceServer;
import io.vtsdk.server.fixtures.VtFixtures;
import io.vtsdk.testkit.junit.VtScenarios;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser (headless Chromium from Debian, driven by Selenium through the system chromedriver):
 * whole flows across the EHR side (vt-client) and the screens, with axe-core checking accessibility. Screenshots go
 * to {@code target/console/}.
 */
class ConsoleBrowserTest {
  static final Path SHOTS = Path.of("target", "console");
  static ChromeDriver driver;
  static Path profile;
  ReferenceServer vt;
  VtClient ehr;
  VtFixtures fx;
  WebDriverWait wait;

  @BeforeAll
  static void browser() throws IOException {
    profile = Files.createTempDirectory("vt-console-chromium");
    driver = chromium(profile);
    Files.createDirectories(SHOTS);
  }

  /**
   * Headless Chromium from Debian, through the system chromedriver (no driver download), without the background
   * networking a closed machine refuses.
   */
  static ChromeDriver chromium(Path profile) {
    ChromeOptions o = new ChromeOptions();
    o.setBinary(System.getProperty("vt.chromium", "/usr/bin/chromium"));
    o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--window-size=1280,800", "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(System.getProperty("vt.chromedriver", "/usr/bin/chromedriver")))
        .usingAnyFreePort().build();
    return new ChromeDriver(service, o);
  }

  @AfterAll
  static void closeBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  @BeforeEach
  void server() {
    // a handful of people: every observatory row shown (the threshold of 11 is DisclosureTest's)
    vt = ReferenceServer.builder().admin(true).disclosureThreshold(1).build().start();
    ehr = client(vt.demoToken(Role.REQUESTER));
    fx = VtFixtures.seeded(11, java.time.LocalDate.now(java.time.ZoneOffset.UTC));
    wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    driver.get(vt.url("/console").toString());
    ((JavascriptExecutor) driver).executeScript("sessionStorage.clear(); localStorage.clear();");
  }

  @AfterEach
  void shot(TestInfo info) throws IOException {
    Path file = SHOTS.resolve(info.getTestMethod().orElseThrow().getName() + ".png");
    Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    vt.close();
  }

  VtClient client(String token) {
    return VtClient.builder().baseUrl(vt.baseUrl()).tokenProvider(TokenProvider.of(token))
        .httpClient(ClientTestBase.HTTP).build();
  }

  void signIn(String unit) {
    driver.get(vt.url("/console").toString());
    WebElement principal = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("principal")));
    wait.until(d -> new Select(principal).getOptions().size() > 1);
    new Select(principal).selectByValue(unit);
    driver.findElement(By.id("sign-in")).click();
    wait.until(d -> "true".equals(d.findElement(By.cssSelector("[data-live]")).getAttribute("data-live")));
  }

  String statusOf(String requestId) {
    return driver.findElement(By.cssSelector("[data-request='" + requestId + "'] [data-status]")).getText();
  }

  void answer(ResponseKind kind, String comment) {
    new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("kind")))).selectByValue(kind.name());
    if (comment != null) {
      driver.findElement(By.id("comment")).sendKeys(comment);
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("comment-count"),
          comment.length() + " / 500")); // counted as one types
    }
    driver.findElement(By.id("submit-response")).click();
  }

  @Test
  void aPradoRequestSentFromTheEhrAppearsLiveAtTheCpamWhoAnswersByClicking() throws Exception {
    BlockingQueue<Event> ehrEvents = new LinkedBlockingQueue<>();
    try (EventStream following = ehr.events().stream(null, ehrEvents::add)) {
      signIn("CPAM-691");
      wait.until(d -> following.isConnected());
      Dossier prado = ehr.dossiers().create(fx.dossier(VtModule.PRADO).build());
      long sent = System.nanoTime();
      AdmissionRequest r = ehr.dossiers().send(prado.id(), List.of(UnitId.of("CPAM-691"))).get(0);
      WebElement row = new WebDriverWait(driver, Duration.ofSeconds(15), Duration.ofMillis(5)).until(
          ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-request='" + r.id().value() + "']")));
      long delayMillis = (System.nanoTime() - sent) / 1_000_000;
      System.out.println("console: a request sent through vt-client appeared at the CPAM without reload after "
          + delayMillis + " ms");
      assertThat(row.getAttribute("class")).contains("unread");
      assertThat(driver.findElement(By.id("counts")).getText()).contains("1 ");
      axe("worklist");

      row.findElement(By.tagName("a")).click();
      answer(ResponseKind.PRADO_ELIGIBLE_ADMINISTRATIVELY, "Dossier complet, éligible.");
      wait.until(d -> d.findElement(By.cssSelector("h2 [data-status]")).getText().equals("ELIGIBLE_ADMINISTRATIVELY"));
      answer(ResponseKind.PRADO_ADHESION, null);
      wait.until(d -> d.findElement(By.cssSelector("h2 [data-status]")).getText().equals("ADHESION"));
      axe("request");

      List<String> types = new java.util.ArrayList<>();
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!types.contains("request.record_adhesion") && System.nanoTime() < until) {
        Event e = ehrEvents.poll(500, TimeUnit.MILLISECONDS);
        if (e != null) {
          types.add(e.type());
        }
      }
      assertThat(types).as("the EHR follows the CPAM's answers").containsSubsequence("request.sent",
          "request.declare_eligible_administratively", "request.record_adhesion");
    }
  }

  @Test
  void anSmrAcceptsAndTheRequesterConfirmsInTheBrowserAndTheOtherRequestCloses() {
    Dossier d = ehr.dossiers().create(fx.dossier(VtModule.SANITAIRE).build());
    List<AdmissionRequest> rs = ehr.dossiers().send(d.id(), List.of(UnitId.of("SMR-CARDIO-69"),
        UnitId.of("SMR-POLY-75")));
    signIn("U-CARDIO-HCL");
    driver.get(vt.url("/console").toString() + "#/dossier/" + d.id().value());
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-request='" + rs.get(0).id().value()
        + "']")));
    client(vt.tokens().issue(Role.RECEIVER, UnitId.of("SMR-CARDIO-69"), null)).requests().respond(rs.get(0).id(),
        new Response(ResponseKind.ACCEPTED, null, "Lit disponible", null, null, fx.today().plusDays(2)));
    WebElement confirm = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(
        "[data-request='" + rs.get(0).id().value() + "'] [data-action='CONFIRM_ADMISSION']")));
    assertThat(statusOf(rs.get(0).id().value())).isEqualTo("ACCEPTED");
    confirm.click();
    wait.until(dr -> statusOf(rs.get(1).id().value()).equals("CLOSED"));
    assertThat(statusOf(rs.get(0).id().value())).isEqualTo("ADMISSION_CONFIRMED");
    assertThat(driver.findElement(By.cssSelector("[data-dossier-status]")).getText()).isEqualTo("ADMISSION_CONFIRMED");
    assertThat(driver.findElement(By.cssSelector("[data-trust]")).getText()).isNotBlank();
    axe("dossier");
  }

  @Test
  void advancingTheClockArchivesAnUnansweredRequestOnScreenAndEnglishIsOneClickAway() {
    Dossier d = ehr.dossiers().create(fx.dossier(VtModule.SANITAIRE).build());
    AdmissionRequest r = ehr.dossiers().send(d.id(), List.of(UnitId.of("SMR-CARDIO-69"))).get(0);
    signIn("SMR-CARDIO-69");
    wait.until(dr -> statusOf(r.id().value()).equals("SENT"));
    driver.findElement(By.id("lang")).click();
    wait.until(dr -> dr.findElement(By.tagName("h2")).getText().equals("Received requests"));
    assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
    driver.get(vt.url("/console").toString() + "#/control");
    driver.findElement(By.id("admin-token")).sendKeys(vt.adminToken());
    driver.findElement(By.id("admin-load")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-advance='P31D']"))).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("control-message"), " — 1"));
    driver.get(vt.url("/console").toString() + "#/requests");
    wait.until(dr -> statusOf(r.id().value()).equals("ARCHIVED"));
    axe("control");
  }

  @Test
  void theControlPageShowsTheUnitsTheServerPlaysAndImportsADirectoryFile(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path dir) throws Exception {
    vt.counterparts(io.vtsdk.server.counterparts.Counterparts.NONE.with(io.vtsdk.server.counterparts.Counterpart
        .role(Role.CPAM, io.vtsdk.server.counterparts.Behaviour.answer(io.vtsdk.model.request.ResponseKind
            .PRADO_ADHESION).after(java.time.Duration.ofHours(2)))));
    try {
      java.nio.file.Path csv = java.nio.file.Files.writeString(dir.resolve("my-units.csv"),
          "id,name,departement,modules,targetKinds\nCONSOLE-SMR,SMR importé,13,SANITAIRE,SMR\n");
      signIn("SMR-CARDIO-69");
      driver.get(vt.url("/console").toString() + "#/control");
      wait.until(ExpectedConditions.elementToBeClickable(By.id("admin-token"))).sendKeys(vt.adminToken());
      driver.findElement(By.id("admin-load")).click();
      WebElement played = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
          "#counterparts [data-played='CPAM']")));
      assertThat(played.getText()).contains("PRADO_ADHESION", "PT2H");
      driver.findElement(By.id("directory-file")).sendKeys(csv.toString());
      driver.findElement(By.id("import-directory")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("control-message"), "1 "));
      assertThat(vt.core().directory().unit(UnitId.of("CONSOLE-SMR")).departement().code()).isEqualTo("13");
      axe("control with counterparts");
    } finally {
      vt.counterparts(io.vtsdk.server.counterparts.Counterparts.NONE);
    }
  }

  @Test
  void theControlPageShowsASessionsStepsTickLive() {
    io.vtsdk.server.scenarios.Session session = VtScenarios.start(vt, "dpi-prado");
    var send = session.begin().orElseThrow();
    signIn("SMR-CARDIO-69");
    driver.get(vt.url("/console").toString() + "#/control");
    wait.until(ExpectedConditions.elementToBeClickable(By.id("admin-token"))).sendKeys(vt.adminToken());
    driver.findElement(By.id("admin-load")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
        "[data-session='session-1'] [data-step='send'][data-state='current']")));
    new ScenariosTest.ClientEhr().accept(new VtScenarios.Step(send, session.token(), vt)); // the EHR sends
    session.end();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
        "[data-session='session-1'] [data-step='send'][data-state='done']"))); // live: no reload
    session.begin();
    session.end();
    session.finish();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(
        "[data-session='session-1'] .session-status"), "réussie"));
    axe("control with a session");
  }

  /** A call with the JDK's client (no key, no retry: what a careless EHR sends). */
  void raw(String token, String method, String path, String body) {
    try {
      java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(vt.url(path))
          .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
          .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
              : java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
          java.net.http.HttpResponse.BodyHandlers.discarding());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theHtmlReportShowsTheFailedChecksFirstInChromium(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    io.vtsdk.server.scenarios.Session session = VtScenarios.start(vt, "dpi-prado");
    var send = session.begin().orElseThrow();
    // an EHR that sends without Idempotency-Key and puts a NIR in a query string: two checks fail
    String nir = "2480569123456";
    raw(session.token(), "POST", "/v1/dossiers", send.data().get("dossier").toString());
    raw(session.token(), "GET", "/v1/dossiers?nir=" + nir, null);
    session.end();
    io.vtsdk.server.scenarios.Report report = session.finish();
    Path html = Files.writeString(dir.resolve("report.html"), report.toHtml());
    driver.get(html.toUri().toString());
    assertThat(driver.findElement(By.id("verdict")).getText()).isEqualTo("failed");
    List<WebElement> checks = driver.findElements(By.cssSelector("#checks > li"));
    List<String> failed = report.failedChecks();
    assertThat(failed).contains("idempotency-key", "no-pii-in-url", "state-reached");
    assertThat(checks.subList(0, failed.size())).allMatch(li -> "fail".equals(li.getAttribute("class")));
    assertThat(checks.subList(failed.size(), checks.size())).allMatch(li -> "pass".equals(li.getAttribute("class")));
    assertThat(driver.getPageSource()).doesNotContain(nir);
  }

  @Test
  void anEsmsReportsStatusesOfferingOnlyTheMotifsAss32PairsWithTheChosenStatus() {
    VtClient mdph = client(vt.tokens().issue(Role.MDPH, ClientTestBase.MDPH, null));
    Dossier h = mdph.dossiers().create(ClientTestBase.handicap(fx));
    AdmissionRequest n = mdph.dossiers().send(h.id(), List.of(ClientTestBase.IME)).get(0);
    signIn("IME-69");
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-request='" + n.id().value() + "'] a")))
        .click();
    Select status = new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("esms-status"))));
    status.selectByValue("41"); // contact made: ASS_A32 pairs it with some motifs
    Select motif = new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("esms-motif"))));
    assertThat(values(motif)).isEqualTo(new java.util.TreeSet<>(io.vtsdk.model.nos.Nomenclatures.statusMotifs()
        .motifsFor("41")));
    motif.selectByIndex(1);
    driver.findElement(By.id("report-status")).click();
    wait.until(d -> d.findElement(By.cssSelector("h2 [data-status]")).getText().equals("CONTACT_MADE"));
    new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("esms-status")))).selectByValue("42");
    assertThat(driver.findElements(By.id("esms-motif"))).as("no motif pairs with 42 in ASS_A32").isEmpty();
    // with the unit's own status (J253): the ROR unit, its name and category come from the directory
    Select unitStatus = new Select(driver.findElement(By.id("unit-status")));
    unitStatus.selectByIndex(1);
    new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("care-mode")))).selectByIndex(1);
    driver.findElement(By.id("report-status")).click();
    wait.until(d -> d.findElement(By.cssSelector("h2 [data-status]")).getText().equals("WAITING_LIST_ANALYSIS"));
    assertThat(mdph.requests().esmsStatuses(n.id())).hasSize(2);
    assertThat(mdph.requests().esmsStatuses(n.id()).get(1).unitStatus()).as("the unit status too").isNotNull();
    wait.until(d -> d.findElements(By.cssSelector("#esms-history li")).size() == 2);
    axe("esms");
  }

  @Test
  void theMdphEndorsesAnImpossibleAdmissionFromItsNotifications() {
    VtClient mdph = client(vt.tokens().issue(Role.MDPH, ClientTestBase.MDPH, null));
    Dossier h = mdph.dossiers().create(ClientTestBase.handicap(fx));
    AdmissionRequest n = mdph.dossiers().send(h.id(), List.of(ClientTestBase.IME)).get(0);
    client(vt.tokens().issue(Role.ESMS, ClientTestBase.IME, null)).requests().reportEsmsStatus(n.id(),
        ClientTestBase.esmsStatus("45", "86", h.mdphDecision().idDecision()));
    signIn("MDPH-69");
    driver.get(vt.url("/console").toString() + "#/dossier/" + h.id().value());
    assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("decision"))).isDisplayed()).isTrue();
    driver.get(vt.url("/console").toString() + "#/requests");
    wait.until(ExpectedConditions.elementToBeClickable(By.id("to-endorse"))).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-request='" + n.id().value() + "'] a")))
        .click();
    Select status = new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("esms-status"))));
    wait.until(d -> status.getOptions().size() > 1);
    assertThat(values(status)).as("what the MDPH may do from 45: endorse (46), cancel (49) or the decision (37)")
        .containsExactlyInAnyOrder("46", "49", "37");
    status.selectByValue("46");
    driver.findElement(By.id("report-status")).click();
    wait.until(d -> d.findElement(By.cssSelector("h2 [data-status]")).getText()
        .equals("ADMISSION_IMPOSSIBLE_ENDORSED"));
    axe("mdph");
  }

  @Test
  void anInjectedFaultShowsAsAnErrorAndTheRetryGoesThroughOnANarrowWindowByKeyboard() {
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(420, 800));
    try {
      Dossier d = ehr.dossiers().create(fx.dossier(VtModule.SANITAIRE).build());
      AdmissionRequest r = ehr.dossiers().send(d.id(), List.of(UnitId.of("SMR-CARDIO-69"))).get(0);
      driver.get(vt.url("/console").toString());
      // sign in by keyboard only: focus the unit list, choose, press Enter on the button
      WebElement principal = wait.until(ExpectedConditions.elementToBeClickable(By.id("principal")));
      wait.until(dr -> new Select(principal).getOptions().size() > 1);
      principal.sendKeys("SMR cardio");
      new org.openqa.selenium.interactions.Actions(driver).sendKeys(org.openqa.selenium.Keys.TAB,
          org.openqa.selenium.Keys.TAB, org.openqa.selenium.Keys.ENTER).perform();
      wait.until(dr -> statusOf(r.id().value()).equals("SENT"));
      assertThat(((JavascriptExecutor) driver).executeScript(
          "return document.documentElement.scrollWidth <= window.innerWidth")).as("no sideways scroll").isEqualTo(true);
      driver.get(vt.url("/console").toString() + "#/control");
      driver.findElement(By.id("admin-token")).sendKeys(vt.adminToken());
      driver.findElement(By.id("admin-load")).click();
      wait.until(ExpectedConditions.elementToBeClickable(By.id("inject"))).click();
      wait.until(dr -> dr.findElements(By.cssSelector("#faults li")).size() == 1);
      driver.get(vt.url("/console").toString() + "#/request/" + r.id().value());
      new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("kind")))).selectByValue("REFUSED");
      new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("motif")))).selectByIndex(1);
      driver.findElement(By.id("submit-response")).click();
      assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#response-form [role=alert]")))
          .getText()).contains("503");
      assertThat(driver.findElement(By.cssSelector("h2 [data-status]")).getText()).isEqualTo("SENT");
      driver.findElement(By.id("submit-response")).click(); // the fault was for one call
      wait.until(dr -> dr.findElement(By.cssSelector("h2 [data-status]")).getText().equals("REFUSED"));
      assertThat(((JavascriptExecutor) driver).executeScript(
          "return document.documentElement.scrollWidth <= window.innerWidth")).as("no sideways scroll").isEqualTo(true);
      axe("narrow request page");
    } finally {
      driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 800));
    }
  }

  @Test
  void theRequesterSendsAfterThePreflightCancelsOneAndFindsItAgainAmongTheCancelled() {
    Dossier d = ehr.dossiers().create(fx.dossier(VtModule.SANITAIRE).orientation(io.vtsdk.model.dossier.Orientation
        .smr(io.vtsdk.model.dossier.SmrMention.LOCOMOTEUR, List.of("Adultes", "Locomoteur"))).build());
    signIn("U-CARDIO-HCL");
    driver.get(vt.url("/console").toString() + "#/dossier/" + d.id().value());
    wait.until(ExpectedConditions.elementToBeClickable(By.id("search-units"))).click();
    for (String unit : List.of("SMR-CARDIO-69", "SMR-GERIA-01")) {
      wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name=unit][value='" + unit + "']")))
          .click();
    }
    assertThat(driver.findElement(By.id("send-requests")).isEnabled()).as("send after the preflight only").isFalse();
    driver.findElement(By.id("preflight")).click();
    WebElement report = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("preflight-report")));
    // oriented to the « locomoteur » mention: the cardio-vascular SMR lacks it, the polyvalent one takes it
    assertThat(report.getText()).contains("SMR-CARDIO-69", "SMR-GERIA-01", "routing.smr.mention");
    assertThat(report.getAttribute("data-accepted")).isEqualTo("false");
    driver.findElement(By.cssSelector("input[name=unit][value='SMR-CARDIO-69']")).click(); // untick it
    driver.findElement(By.id("preflight")).click();
    wait.until(dr -> "true".equals(dr.findElement(By.id("preflight-report")).getAttribute("data-accepted")));
    driver.findElement(By.id("send-requests")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role=status].notice")));
    AdmissionRequest sent = ehr.requests().list(RequestQuery.all(), null).items().get(0);
    WebElement cancel = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(
        "[data-request='" + sent.id().value() + "'] [data-action='CANCEL']")));
    cancel.click();
    wait.until(dr -> dr.findElements(By.cssSelector("[data-request='" + sent.id().value() + "']")).isEmpty());
    driver.findElement(By.id("show-cancelled")).click();
    wait.until(dr -> statusOf(sent.id().value()).equals("CANCELLED"));
    assertThat(ehr.requests().get(sent.id()).status().name()).isEqualTo("CANCELLED");
    axe("dossier after sending");
    driver.get(vt.url("/console").toString() + "#/observatory");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("request-count"), "1"));
    axe("observatory");
  }

  @Test
  void theObservatoryShowsTheServersChartsWithinTheCallersScope() throws IOException {
    // a Prado dossier of the cardiology ward with the CPAM's adhesion, and OMV adhesions of the ward's establishment
    Dossier prado = ehr.dossiers().create(fx.dossier(VtModule.PRADO).build());
    AdmissionRequest p = ehr.dossiers().send(prado.id(), List.of(UnitId.of("CPAM-691"))).get(0);
    client(vt.demoToken(Role.CPAM)).requests().respond(p.id(), Response.of(ResponseKind.PRADO_ADHESION, null, null,
        null));
    String finess = ehr.directory().get(UnitId.of("U-CARDIO-HCL")).structure().value();
    String day = java.time.LocalDate.ofInstant(vt.core().now(), java.time.ZoneId.of("Europe/Paris")).toString();
    Path omv = Files.writeString(Files.createTempDirectory("vt-omv").resolve("omv.csv"),
        "finessGeographique,region,volet,closedOn\n" + (finess + ",ARA,AVC," + day + "\n").repeat(4));
    assertThat(vt.importOmv(omv)).isEqualTo(4);

    signIn("GRADES-ARA"); // the GRADeS of Auvergne-Rhône-Alpes: its region's TUV and Handicap indicators
    driver.get(vt.url("/console").toString() + "#/observatory");
    WebElement tuv = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tuv-chart")));
    wait.until(d -> ((Number) ((JavascriptExecutor) d).executeScript("return arguments[0].naturalWidth", tuv))
        .intValue() > 0);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tuv-rows"), "25,0 %"));
    new Select(driver.findElement(By.id("tuv-group"))).selectByValue("establishment");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tuv-rows"), finess));
    WebElement handicap = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("handicap-chart")));
    wait.until(d -> ((Number) ((JavascriptExecutor) d).executeScript("return arguments[0].naturalWidth",
        handicap)).intValue() > 0);
    assertThat(tuv.getAttribute("src")).startsWith("blob:");
    // drawn, not an empty frame: the image's pixels, painted on a canvas, are not all white
    Number inked = (Number) ((JavascriptExecutor) driver).executeScript("const img = arguments[0];"
        + "const c = document.createElement('canvas'); c.width = img.naturalWidth; c.height = img.naturalHeight;"
        + "const g = c.getContext('2d'); g.drawImage(img, 0, 0);"
        + "const d = g.getImageData(0, 0, c.width, c.height).data; let n = 0;"
        + "for (let i = 0; i < d.length; i += 4) { if (d[i + 3] > 0 && (d[i] < 200 || d[i + 1] < 200 || d[i + 2] < 200)) n++; }"
        + "return n;", tuv);
    assertThat(inked.intValue()).as("dark pixels of the TUV chart").isGreaterThan(2000);
    assertThat(((JavascriptExecutor) driver).executeScript("return window.vtConsoleErrors").toString())
        .isEqualTo("[]");
    axe("observatory of a region");
  }

  /** The values a list offers (its "choose" placeholder left out). */
  static java.util.Set<String> values(Select list) {
    java.util.Set<String> out = new java.util.TreeSet<>();
    list.getOptions().stream().map(o -> o.getAttribute("value")).filter(v -> !v.isEmpty()).forEach(out::add);
    return out;
  }

  /** Runs axe-core in the page; fails on serious or critical violations. */
  void axe(String page) {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    js.executeScript(axeSource());
    Object result = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
        + "axe.run(document, {resultTypes: ['violations']}).then(r => done(JSON.stringify(r.violations"
        + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
        + ".map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', ')))))"
        + ".catch(e => done('axe failed: ' + e));");
    assertThat(String.valueOf(result)).as("axe-core on the " + page + " page").isEqualTo("[]");
    assertThat(js.executeScript("return JSON.stringify(window.vtConsoleErrors)")).as("script errors on the " + page
        + " page").isEqualTo("[]");
  }

  private static String axeSource;

  static synchronized String axeSource() {
    if (axeSource == null) {
      try (InputStream in = ConsoleBrowserTest.class.getResourceAsStream("/axe.min.js")) {
        axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return axeSource;
  }
}
