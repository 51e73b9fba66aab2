package io.vtsdk.server.internal;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import io.vtsdk.model.UnitId;
import io.vtsdk.server.psc.PscProfessional;
import io.vtsdk.server.psc.PscSimulator;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The Pro Santé Connect simulator over HTTP, under {@code /psc}: discovery, JWKS, the authorization endpoint with its
 * login page, the token and userinfo endpoints. Public routes (an OpenID provider authenticates its callers itself);
 * the protocol's logic is the {@link PscSimulator}'s (Nimbus), this class only carries HTTP. Not API.
 */
public final class PscRoutes {
  /**
   * The login page: no script, no style, not framed. No {@code form-action}: browsers apply it to the redirect that
   * follows the form (to the client's redirect URI), which it would block.
   */
  private static final String CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

  private final PscSimulator psc;
  private final Function<UnitId, String> unitNames;

  public PscRoutes(PscSimulator psc, Function<UnitId, String> unitNames) {
    this.psc = psc;
    this.unitNames = unitNames;
  }

  public void register(Router r) {
    r.publicRoute("GET", "/psc/.well-known/openid-configuration",
        c -> json(200, psc.metadata().toJSONObject().toJSONString()));
    r.publicRoute("GET", "/psc/jwks", c -> json(200, psc.publicKeys().toString(true)));
    r.publicRoute("GET", "/psc/auth", c -> authorize(URLUtils.parseParameters(c.rawQuery)));
    r.publicRoute("POST", "/psc/login", c -> {
      Map<String, List<String>> form = URLUtils.parseParameters(new String(c.body, StandardCharsets.UTF_8));
      return answer(psc.login(first(form, "login"), first(form, "professional")));
    });
    r.publicRoute("POST", "/psc/token", c -> {
      HTTPRequest http = new HTTPRequest(HTTPRequest.Method.POST, URI.create(psc.issuer() + "/token"));
      String type = c.header("Content-Type");
      if (type != null) {
        try {
          http.setContentType(type);
        } catch (ParseException e) {
          return nimbus(new com.nimbusds.oauth2.sdk.TokenErrorResponse(com.nimbusds.oauth2.sdk.OAuth2Error
              .INVALID_REQUEST.setDescription("the Content-Type is not readable")).toHTTPResponse());
        }
      }
      if (c.header("Authorization") != null) {
        http.setAuthorization(c.header("Authorization"));
      }
      http.setBody(new String(c.body, StandardCharsets.UTF_8));
      return nimbus(psc.token(http));
    });
    r.publicRoute("GET", "/psc/userinfo", c -> nimbus(psc.userInfo(c.header("Authorization"))));
    // the control API (own token, loopback): a new signing key, the previous one still published
    r.adminControlRoute("POST", "/__admin/psc/rotate-keys", c -> {
      psc.rotateKeys();
      return json(200, "{\"currentKeyId\":\"" + psc.publicKeys().getKeys().get(0).getKeyID() + "\"}");
    });
  }

  private Reply authorize(Map<String, List<String>> params) {
    return answer(psc.authorize(params));
  }

  /** A redirect to the client, the login page, or an error page (never a redirect to an unchecked URI). */
  private Reply answer(PscSimulator.AuthorizationAnswer a) {
    if (a.redirect() != null) {
      return new Reply(302, Map.of("Location", a.redirect().toString(), "Cache-Control", "no-store"), new byte[0]);
    }
    if (a.loginId() != null) {
      return html(200, loginPage(a.loginId()));
    }
    return html(400, page("Pro Santé Connect (simulateur) — erreur", "<p>" + escape(a.error()) + "</p>"));
  }

  private String loginPage(String loginId) {
    AuthenticationRequest request = psc.pendingLogin(loginId).orElseThrow();
    StringBuilder b = new StringBuilder();
    b.append("<p>L'application <strong>").append(escape(request.getClientID().getValue()))
        .append("</strong> demande votre identité. Choisissez un professionnel de démonstration "
            + "(données fictives) :</p><form method=\"post\" action=\"/psc/login\">")
        .append("<input type=\"hidden\" name=\"login\" value=\"").append(escape(loginId)).append("\"><ul>");
    for (PscProfessional p : psc.professionals()) {
      b.append("<li><button type=\"submit\" name=\"professional\" value=\"").append(escape(p.nationalId()))
          .append("\">").append(escape(p.givenName() + " " + p.familyName())).append("</button> — ")
          .append(escape(p.professionCode().isEmpty() ? "sans RPPS" : "profession " + p.professionCode()))
          .append(", ").append(p.cpxCard() ? "carte CPx" : "e-CPS").append(" — ");
      List<String> units = p.units().stream().map(u -> escape(unitNames.apply(u))).toList();
      b.append(String.join(", ", units)).append("</li>");
    }
    b.append("</ul></form>");
    return page("Pro Santé Connect (simulateur)", b.toString());
  }

  private static String page(String title, String body) {
    return "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>" + escape(title)
        + "</title><meta name=\"viewport\" content=\"width=device-width\"></head><body><main><h1>" + escape(title)
        + "</h1>" + body + "</main></body></html>";
  }

  private static Reply html(int status, String page) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", "text/html; charset=utf-8");
    h.put("Content-Security-Policy", CSP);
    h.put("Cache-Control", "no-store");
    h.put("X-Content-Type-Options", "nosniff");
    return new Reply(status, h, page.getBytes(StandardCharsets.UTF_8));
  }

  private static Reply json(int status, String body) {
    return new Reply(status, Map.of("Content-Type", "application/json", "Cache-Control", "no-store"),
        body.getBytes(StandardCharsets.UTF_8));
  }

  /** A Nimbus answer as this server's reply: status, its headers, its body. */
  private static Reply nimbus(HTTPResponse response) {
    Map<String, String> h = new LinkedHashMap<>();
    response.getHeaderMap().forEach((k, v) -> {
      if (!v.isEmpty()) {
        h.put(k, v.get(0));
      }
    });
    h.putIfAbsent("Cache-Control", "no-store");
    String body = response.getBody();
    return new Reply(response.getStatusCode(), h, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
  }

  private static String first(Map<String, List<String>> form, String name) {
    List<String> v = form.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(ch);
      }
    }
    return b.toString();
  }
}
