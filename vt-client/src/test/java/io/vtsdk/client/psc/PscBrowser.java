package io.vtsdk.client.psc;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The professional's browser, for tests: opens the authorization URL, reads the simulator's login page, clicks the
 * professional's button, and returns where PSC sends the browser back (the callback with its code). No redirect is
 * followed: the callback is what the EHR backend receives.
 */
public final class PscBrowser {
  private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private PscBrowser() {}

  public static URI login(URI authorizationUri, String professional) {
    HttpResponse<String> page = send(HttpRequest.newBuilder(authorizationUri).GET().build());
    if (page.statusCode() != 200) {
      throw new AssertionError("no login page: " + page.statusCode() + " " + page.body());
    }
    Matcher login = Pattern.compile("name=\"login\" value=\"([^\"]+)\"").matcher(page.body());
    if (!login.find() || !page.body().contains("value=\"" + professional + "\"")) {
      throw new AssertionError("the login page does not offer " + professional);
    }
    URI form = authorizationUri.resolve("/psc/login");
    HttpResponse<String> chosen = send(HttpRequest.newBuilder(form)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("login=" + login.group(1) + "&professional="
            + URLEncoder.encode(professional, StandardCharsets.UTF_8))).build());
    if (chosen.statusCode() != 302) {
      throw new AssertionError("the login did not redirect: " + chosen.statusCode());
    }
    return URI.create(chosen.headers().firstValue("Location").orElseThrow());
  }

  private static HttpResponse<String> send(HttpRequest r) {
    try {
      return HTTP.send(r, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
