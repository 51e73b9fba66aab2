package io.vtsdk.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.vtsdk.core.VtCore;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.directory.Unit;
import io.vtsdk.model.module.ModuleDescriptor;
import io.vtsdk.model.module.VtModules;
import io.vtsdk.model.nos.Nomenclatures;
import io.vtsdk.model.nos.NosTable;
import io.vtsdk.model.nos.StatusMotifMap;
import io.vtsdk.model.request.ResponseKind;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.server.TokenFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The web console at {@code /console}: static pages and scripts from the jar (Preact and htm from their WebJars), the
 * demo sign-in of a test server, and the vocabulary the forms offer (answers and motifs per module, R357 statuses with
 * their ASS_A32 motifs). Everything else the console shows or does goes through the public {@code /v1} API with the
 * signed-in principal's token. Not API.
 */
public final class ConsoleRoutes {
  private static final String BASE = "/io/vtsdk/server/console/";
  /** The files under /console/ and where they come from (our pages, then the libraries' ES modules). */
  private static final Map<String, String> FILES = Map.of(
      "console.js", BASE + "console.js",
      "console.css", BASE + "console.css",
      "vendor/preact.js", "/META-INF/resources/webjars/preact/10.26.4/dist/preact.module.js",
      "vendor/hooks.js", "/META-INF/resources/webjars/preact/10.26.4/hooks/dist/hooks.module.js",
      "vendor/htm.js", "/META-INF/resources/_static/htm/3.1.1/dist/htm.module.js");
  private static final Map<String, String> TYPES = Map.of("js", "text/javascript; charset=utf-8",
      "css", "text/css; charset=utf-8", "html", "text/html; charset=utf-8");

  private static final StatusMotifMap A32 = Nomenclatures.statusMotifs();
  private final VtCore core;
  private final TokenFactory tokens;
  private final V1Replies out;
  private final Map<String, byte[]> cache = new ConcurrentHashMap<>();
  private final byte[] index;
  private final String csp;

  public ConsoleRoutes(VtCore core, TokenFactory tokens, com.fasterxml.jackson.databind.json.JsonMapper json) {
    this.core = core;
    this.tokens = tokens;
    this.out = new V1Replies(json);
    String html = new String(read(BASE + "index.html"), StandardCharsets.UTF_8);
    String importMap = html.substring(html.indexOf("<script type=\"importmap\">") + 25,
        html.indexOf("</script>", html.indexOf("<script type=\"importmap\">")));
    this.index = html.getBytes(StandardCharsets.UTF_8);
    // Strict CSP: our own scripts only (the inline import map by its hash), no inline style, no framing.
    this.csp = "default-src 'self'; script-src 'self' '" + sha256(importMap) + "'; style-src 'self'; img-src 'self'"
        + " data: blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
  }

  public void register(Router r) {
    r.publicRoute("GET", "/console", c -> page());
    r.publicRoute("GET", "/console/{file}", c -> file(c.path("file")));
    r.publicRoute("GET", "/console/vendor/{file}", c -> file("vendor/" + c.path("file")));
    r.publicRoute("GET", "/console/api/principals", c -> out.ok(principals()));
    r.publicRoute("POST", "/console/api/sign-in", c -> {
      checkLocal(c);
      return signIn(c.jsonBody());
    });
    Map<String, Object> vocabulary = vocabulary(); // the model's code lists: the same for the server's life
    r.publicRoute("GET", "/console/api/vocabulary", c -> out.ok(vocabulary));
  }

  private Reply page() {
    return new Reply(200, headers("html"), index);
  }

  private Reply file(String name) {
    String resource = FILES.get(name);
    if (resource == null) {
      throw ApiException.notFound("console file", name);
    }
    byte[] body = cache.computeIfAbsent(resource, ConsoleRoutes::read);
    return new Reply(200, headers(name.substring(name.lastIndexOf('.') + 1)), body);
  }

  private Map<String, String> headers(String ext) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", TYPES.get(ext));
    h.put("Content-Security-Policy", csp);
    h.put("X-Content-Type-Options", "nosniff");
    h.put("Referrer-Policy", "no-referrer");
    h.put("Cache-Control", "no-cache");
    return h;
  }

  /** The demo principals a tester may sign in as: every unit of the directory in the role it acts in. */
  private List<Map<String, String>> principals() {
    List<Map<String, String>> outList = new ArrayList<>();
    for (Unit u : core.directory().all()) {
      outList.add(Map.of("unit", u.id().value(), "name", u.name(), "role", roleOf(u).name()));
    }
    return outList;
  }

  /**
   * A receiving unit acts in its module's receiver role; a unit that receives nothing sends in its modules: as a
   * requester (a ward) when they all take one, else as its first module's sender (an MDPH for Handicap); a unit of no
   * module reads the observatory (a GRADeS). Asked of the modules' descriptors: no module is named here.
   */
  public static Role roleOf(Unit u) {
    if (u.modules().isEmpty()) {
      return Role.OBSERVER;
    }
    if (!u.targetKinds().isEmpty()) {
      return VtModules.of(u.modules().iterator().next()).receiverRole();
    }
    if (u.modules().stream().allMatch(m -> VtModules.of(m).workflow().senders().contains(Role.REQUESTER))) {
      return Role.REQUESTER;
    }
    return VtModules.of(u.modules().iterator().next()).workflow().senders().iterator().next();
  }

  /**
   * The demo sign-in issues any unit's token, so it answers only as the control API does: for a loopback {@code Host}
   * and, when a browser sends one, a same-origin {@code Origin} (a page of another site cannot mint tokens). Reached
   * otherwise, the console still works with a pasted token.
   */
  private static void checkLocal(Call c) {
    String host = c.header("Host");
    String origin = c.header("Origin");
    if (host == null || !Router.isLoopbackAuthority(host)) {
      throw ApiException.forbidden("the demo sign-in answers only on a loopback address: paste a token instead");
    }
    if (origin != null && !(origin.startsWith("http://") && origin.substring(7).equalsIgnoreCase(host))) {
      throw ApiException.forbidden("the demo sign-in refuses cross-origin calls");
    }
  }

  /** A demo token for a unit of the directory in its role (a test server's sign-in; PSC comes with the identity issue). */
  private Reply signIn(JsonNode body) {
    String unit = body == null ? null : body.path("unit").asText(null);
    Unit u = null;
    if (unit != null && !unit.isBlank()) {
      try {
        u = core.directory().unit(UnitId.of(unit));
      } catch (io.vtsdk.core.VtCoreException | IllegalArgumentException e) {
        u = null; // not in the directory (or not a unit id): the 422 below
      }
    }
    if (u == null) {
      throw new ApiException(422, "validation-failed", "choose a unit of the directory", List.of(
          new io.vtsdk.model.validation.Violation("/unit", "console.unit", "choose a unit of the directory")),
          Map.of());
    }
    Role role = roleOf(u);
    String actor = role == Role.REQUESTER ? "10003606315" : null; // the demo doctor's RPPS
    return out.ok(Map.of("token", tokens.issue(role, UnitId.of(unit), actor), "role", role.name(), "unit", unit,
        "name", u.name()));
  }

  /**
   * What the screens show and the forms offer, asked of each module's descriptor (no module is named here or in the
   * script): per module, whether its requests are SDO notifications, its answers with their motifs, the fields an
   * answer form offers and, for an extension module's own answers, their labels; the R357 statuses with their ASS_A32
   * motifs.
   */
  private static Map<String, Object> vocabulary() {
    Map<String, Object> modules = new LinkedHashMap<>();
    for (ModuleDescriptor d : VtModules.all()) {
      Map<String, Object> kinds = new LinkedHashMap<>();
      for (ResponseKind k : new java.util.TreeSet<>(d.responseKinds())) {
        List<Map<String, String>> motifs = new ArrayList<>();
        k.motifs().forEach(m -> motifs.add(Map.of("system", m.system(), "code", m.code(), "display", m.label())));
        Map<String, Object> kind = new LinkedHashMap<>();
        kind.put("action", k.action().name());
        kind.put("motifs", motifs);
        kind.put("fields", new java.util.TreeSet<>(d.answerFields(k)));
        Map<String, String> label = new LinkedHashMap<>();
        d.label(k, "fr").ifPresent(l -> label.put("fr", l));
        d.label(k, "en").ifPresent(l -> label.put("en", l));
        if (!label.isEmpty()) {
          kind.put("label", label);
        }
        kinds.put(k.name(), kind);
      }
      modules.put(d.module().name(), Map.of("responseKinds", kinds, "sdo", d.sdoNotifications()));
    }
    List<Map<String, Object>> statuses = new ArrayList<>();
    for (var c : Nomenclatures.get(NosTable.J252).concepts()) {
      List<Map<String, String>> motifs = a32Motifs(c.code());
      // the workflow action that reaches this status: the form offers a status only when that action is available
      String action = io.vtsdk.model.workflow.RequestStatus.ofR357(c.code())
          .flatMap(s -> VtModules.all().stream().filter(ModuleDescriptor::sdoNotifications)
              .flatMap(d -> d.workflow().transitions().stream())
              .filter(tr -> tr.to() == s).map(tr -> tr.action().name()).findFirst()).orElse("");
      statuses.add(Map.of("code", c.code(), "display", c.display(), "motifs", motifs, "action", action));
    }
    List<Map<String, Object>> unitStatuses = new ArrayList<>();
    for (var c : Nomenclatures.get(NosTable.J253).concepts()) {
      unitStatuses.add(Map.of("code", c.code(), "display", c.display(), "motifs", a32Motifs(c.code())));
    }
    List<Map<String, Object>> careModes = new ArrayList<>();
    for (String code : new java.util.TreeSet<>(io.vtsdk.model.handicap.EsmsStatus.CARE_MODES)) {
      Nomenclatures.get(NosTable.R213).coding(code).ifPresent(cd -> careModes.add(Map.of("code", cd.code(),
          "display", cd.display() == null ? cd.code() : cd.display())));
    }
    return Map.of("modules", modules, "esmsStatuses", statuses, "unitStatuses", unitStatuses, "careModes",
        careModes, "r357", NosTable.R357.url(), "r358", NosTable.R358.url(), "j253", NosTable.J253.url(), "r213",
        NosTable.R213.url());
  }

  /** The R358 motifs ASS_A32 pairs with a status (ESMS or unit level). */
  private static List<Map<String, String>> a32Motifs(String status) {
    List<Map<String, String>> motifs = new ArrayList<>();
    for (String m : new java.util.TreeSet<>(A32.motifsFor(status))) {
      Nomenclatures.get(NosTable.R358).coding(m).ifPresent(cd -> motifs.add(Map.of("code", cd.code(), "display",
          cd.display() == null ? cd.code() : cd.display())));
    }
    return motifs;
  }

  private static byte[] read(String resource) {
    try (InputStream in = ConsoleRoutes.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("console resource missing from the jar: " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(String s) {
    try {
      return "sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
          .digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
