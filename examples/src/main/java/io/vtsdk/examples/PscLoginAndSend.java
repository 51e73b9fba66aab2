package io.vtsdk.examples;

import com.sun.net.httpserver.HttpServer;
import io.vtsdk.client.UnitQuery;
import io.vtsdk.client.VtClient;
import io.vtsdk.client.psc.PscLogin;
import io.vtsdk.client.psc.PscTokenProvider;
import io.vtsdk.model.PradoVolet;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.actor.Profession;
import io.vtsdk.model.actor.Professional;
import io.vtsdk.model.identity.Rpps;
import io.vtsdk.model.request.AdmissionRequest;
import io.vtsdk.server.ReferenceServer;
import io.vtsdk.server.fixtures.VtFixtures;
import io.vtsdk.server.psc.PscSimulator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Example 5 — a DPI vendor's backend logs a doctor in with Pro Santé Connect (authorization code + PKCE), then sends a
 * Prado dossier to VT as him.
 *
 * <ol>
 *   <li>the EHR backend starts a login and sends the doctor's browser to PSC (here the simulator of the reference
 *       server, at {@code {base}/psc});</li>
 *   <li>the doctor picks himself on PSC's login page (with the real PSC: his CPS card or e-CPS);</li>
 *   <li>PSC sends the browser back to the backend's callback; the backend completes the login (state, code + PKCE
 *       verifier, ID token checked);</li>
 *   <li>VtClient uses his access token (refreshed before expiry) for the unit he acts for, and sends.</li>
 * </ol>
 *
 * <p>Run: {@code ./mvnw -q -pl examples exec:java@psc}. The browser is played by an HTTP client, so the example runs
 * alone; everything else is what a backend does.
 */
public final class PscLoginAndSend {
  private PscLoginAndSend() {}

  public static void main(String[] args) throws Exception {
    try (ReferenceServer vt = ReferenceServer.builder().build().start()) {
      run(vt, System.out);
    }
  }

  /** Runs the example against {@code server}; returns the request sent. */
  static AdmissionRequest run(ReferenceServer server, PrintStream out) throws Exception {
    // The backend's callback endpoint, on loopback (RFC 8252: any port for a loopback redirect URI).
    HttpServer backend = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    CompletableFuture<URI> callback = new CompletableFuture<>();
    backend.createContext("/callback", exchange -> {
      callback.complete(URI.create("http://127.0.0.1:" + backend.getAddress().getPort()
          + exchange.getRequestURI()));
      byte[] page = "Connexion réussie, vous pouvez fermer cet onglet.".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, page.length);
      try (OutputStream o = exchange.getResponseBody()) {
        o.write(page);
      }
    });
    backend.start();
    try {
      URI redirect = URI.create("http://127.0.0.1:" + backend.getAddress().getPort() + "/callback");
      PscTokenProvider psc = PscTokenProvider.builder(URI.create(server.baseUrl() + "/psc"))
          .clientId(PscSimulator.DEMO_CLIENT_ID).clientSecret(PscSimulator.DEMO_CLIENT_SECRET)
          .redirectUri(redirect).build();

      // 1. start the login; keep `login` in the user's session and redirect the browser
      PscLogin login = psc.startLogin();
      out.println("1. login started at " + login);

      // 2. (the doctor's browser) the login page, his choice, then back to the backend's callback
      doctorsBrowser(login.authorizationUri(), "810003606315");
      out.println("2. the doctor chose himself on the login page; PSC sent his browser back");

      // 3. the backend completes the login with what came back
      String subject = psc.completeLogin(login, callback.get(10, TimeUnit.SECONDS));
      out.println("3. logged in: " + subject + " (level " + psc.acr() + ")");

      // 4. VT calls as the doctor, for the ward he acts for
      VtClient vt = VtClient.builder().baseUrl(server.baseUrl()).tokenProvider(psc)
          .actingUnit(UnitId.of("U-CARDIO-HCL")).appInfo("vt-sdk-examples/1").build();
      Professional doctor = Professional.of(Rpps.parse("10003606315"), "MEDECIN-DEMO", "Claire",
          Profession.MEDECIN);
      PradoFromTheEhr.EhrStay stay = new PradoFromTheEhr.EhrStay(
          VtFixtures.seeded(2026, LocalDate.now()).adult(70), doctor, doctor, "Cardiologie",
          LocalDate.now().minusDays(3), LocalDate.now().plusDays(2), PradoVolet.INSUFFISANCE_CARDIAQUE,
          "Décompensation cardiaque, traitement adapté");
      var created = vt.dossiers().create(PradoFromTheEhr.dossierOf(stay, server.now()));
      UnitId cpam = vt.directory().search(UnitQuery.all().module(VtModule.PRADO)).stream()
          .filter(u -> "691".equals(u.cpamCode())).findFirst().orElseThrow().id();
      AdmissionRequest sent = vt.dossiers().send(created.id(), List.of(cpam)).get(0);
      out.println("4. dossier " + created.id() + " sent as " + subject + ": request " + sent.id() + " "
          + sent.status());
      return sent;
    } finally {
      backend.stop(0);
    }
  }

  /** What the doctor's browser does: open PSC, click his name, follow PSC's redirect to the backend. */
  private static void doctorsBrowser(URI authorization, String professional) throws IOException,
      InterruptedException {
    HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    String page = browser.send(HttpRequest.newBuilder(authorization).build(), HttpResponse.BodyHandlers.ofString())
        .body();
    Matcher login = Pattern.compile("name=\"login\" value=\"([^\"]+)\"").matcher(page);
    if (!login.find()) {
      throw new IllegalStateException("no login page");
    }
    browser.send(HttpRequest.newBuilder(authorization.resolve("/psc/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("login=" + login.group(1) + "&professional=" + professional))
        .build(), HttpResponse.BodyHandlers.discarding());
  }
}
