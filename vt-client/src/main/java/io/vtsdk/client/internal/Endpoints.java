package io.vtsdk.client.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import io.vtsdk.api.AvailableActions;
import io.vtsdk.api.Eligibility;
import io.vtsdk.api.EligibilityRequest;
import io.vtsdk.api.Event;
import io.vtsdk.api.HandicapRow;
import io.vtsdk.api.Health;
import io.vtsdk.api.ObservatoryScopes;
import io.vtsdk.api.Page;
import io.vtsdk.api.PreflightReport;
import io.vtsdk.api.RequestFigures;
import io.vtsdk.api.SendRequest;
import io.vtsdk.api.TuvRow;
import io.vtsdk.api.ValidationResult;
import io.vtsdk.api.WaitingListRow;
import io.vtsdk.client.DossierQuery;
import io.vtsdk.client.RequestOptions;
import io.vtsdk.client.RequestQuery;
import io.vtsdk.client.UnitQuery;
import io.vtsdk.client.VtDecodeException;
import io.vtsdk.model.AttachmentId;
import io.vtsdk.model.DossierId;
import io.vtsdk.model.RequestId;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.directory.Unit;
import io.vtsdk.model.dossier.Attachment;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.handicap.EsmsStatus;
import io.vtsdk.model.request.AdmissionRequest;
import io.vtsdk.model.request.Response;
import io.vtsdk.model.validation.Stage;
import io.vtsdk.rules.indicators.Tuv;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import okhttp3.MediaType;
import okhttp3.RequestBody;

/**
 * Every operation of the API as an {@link ApiCall}: the one place where paths, parameters and answer types live.
 * The blocking and the async clients both run these. Not API.
 */
public final class Endpoints {
  private final Pipeline p;

  public Endpoints(Pipeline p) {
    this.p = p;
  }

  // ------------------------------------------------------------------------------------------------ dossiers

  public ApiCall<Dossier> createDossier(Dossier draft, RequestOptions o) {
    Objects.requireNonNull(draft, "draft");
    return ApiCall.post("/v1/dossiers", p.toJson(draft), p.decoderOf(Dossier.class), o);
  }

  public ApiCall<Dossier> getDossier(DossierId id, RequestOptions o) {
    return ApiCall.get("/v1/dossiers/" + seg(id.value()), null, p.decoderOf(Dossier.class), o);
  }

  /** PUT with {@code If-Match} = the version the caller read ({@code dossier.version()}). */
  public ApiCall<Dossier> updateDossier(Dossier changed, RequestOptions o) {
    Objects.requireNonNull(changed, "changed");
    if (changed.version() < 1) {
      throw new IllegalArgumentException("update needs the dossier as read from the server (version >= 1), "
          + "whose version becomes If-Match; was version " + changed.version());
    }
    return new ApiCall<>("PUT", "/v1/dossiers/" + seg(changed.id().value()), null,
        RequestBody.create(p.toJson(changed), ApiCall.JSON), true, Map.of("If-Match", "\"" + changed.version() + "\""),
        p.decoderOf(Dossier.class), o);
  }

  public ApiCall<Page<Dossier>> listDossiers(DossierQuery q, String cursor, RequestOptions o) {
    Objects.requireNonNull(q, "query");
    return ApiCall.get("/v1/dossiers", null, page(new TypeReference<Page<Dossier>>() {}), o)
        .withQuery("module", q.module()).withQuery("status", q.status()).withQuery("limit", q.pageSize())
        .withQuery("cursor", cursor);
  }

  public ApiCall<ValidationResult> validate(DossierId id, Stage stage, RequestOptions o) {
    Objects.requireNonNull(stage, "stage");
    return ApiCall.post("/v1/dossiers/" + seg(id.value()) + "/validate", new byte[0],
        p.decoderOf(ValidationResult.class), o).withQuery("stage", stage.name().toLowerCase(Locale.ROOT));
  }

  public ApiCall<Eligibility> eligibility(DossierId id, String target, LocalDate date, UnitId unit,
      RequestOptions o) {
    return ApiCall.post("/v1/dossiers/" + seg(id.value()) + "/eligibility",
        p.toJson(new EligibilityRequest(target, date, unit)), p.decoderOf(Eligibility.class), o);
  }

  /** Would VT send this dossier to these units? Nothing is written. */
  public ApiCall<PreflightReport> preflight(DossierId id, List<UnitId> units, RequestOptions o) {
    return ApiCall.post("/v1/dossiers/" + seg(id.value()) + "/preflight", p.toJson(new SendRequest(units(units))),
        p.decoderOf(PreflightReport.class), o);
  }

  public ApiCall<List<AdmissionRequest>> send(DossierId id, List<UnitId> units, RequestOptions o) {
    return ApiCall.post("/v1/dossiers/" + seg(id.value()) + "/requests", p.toJson(new SendRequest(units(units))),
        items(new TypeReference<Page<AdmissionRequest>>() {}), o);
  }

  // ------------------------------------------------------------------------------------------------ attachments

  /** Uploads a file (streamed from disk; replayable, so retries are safe) with its sha-256 for the server to check. */
  public ApiCall<Attachment> upload(DossierId id, String fileName, String contentType, Path file, RequestOptions o) {
    requireName(fileName);
    MediaType type = mediaType(contentType);
    String sha = sha256(file);
    return new ApiCall<>("POST", "/v1/dossiers/" + seg(id.value()) + "/attachments", Map.of("fileName", fileName),
        RequestBody.create(file.toFile(), type), true, Map.of("X-Content-SHA256", sha),
        p.decoderOf(Attachment.class), o);
  }

  public ApiCall<Attachment> upload(DossierId id, String fileName, String contentType, byte[] content,
      RequestOptions o) {
    requireName(fileName);
    Objects.requireNonNull(content, "content");
    return new ApiCall<>("POST", "/v1/dossiers/" + seg(id.value()) + "/attachments", Map.of("fileName", fileName),
        RequestBody.create(content, mediaType(contentType)), true, Map.of("X-Content-SHA256", sha256(content)),
        p.decoderOf(Attachment.class), o);
  }

  /**
   * Streams an attachment to {@code out}, computing its sha-256 on the way, and checks it against the server's
   * {@code X-Content-SHA256}; a mismatch (altered or truncated content) is a {@link VtDecodeException}. Not retried
   * once bytes were written to {@code out}.
   */
  public ApiCall<Long> download(AttachmentId id, OutputStream out, RequestOptions o) {
    Objects.requireNonNull(out, "out");
    return new ApiCall<>("GET", "/v1/attachments/" + seg(id.value()), null, null, false, Map.of(), r -> {
      MessageDigest md = sha();
      long n = 0;
      try (InputStream in = r.body().byteStream()) {
        byte[] buf = new byte[64 * 1024];
        for (int k; (k = in.read(buf)) > 0; ) {
          md.update(buf, 0, k);
          out.write(buf, 0, k);
          n += k;
        }
      }
      String expected = r.header("X-Content-SHA256");
      String actual = hex(md.digest());
      if (expected != null && !expected.equalsIgnoreCase(actual)) {
        throw io.vtsdk.client.VtExceptions.decode("GET /v1/attachments/" + id.value() + ": sha-256 of the " + n
            + " bytes received does not match X-Content-SHA256 (altered or truncated)", r.code(),
            r.request().header("X-Correlation-Id"), r.header("X-Request-Id"), null);
      }
      return n;
    }, o);
  }

  // ------------------------------------------------------------------------------------------------ requests

  public ApiCall<AdmissionRequest> getRequest(RequestId id, RequestOptions o) {
    return ApiCall.get("/v1/requests/" + seg(id.value()), null, p.decoderOf(AdmissionRequest.class), o);
  }

  public ApiCall<Page<AdmissionRequest>> listRequests(RequestQuery q, String cursor, RequestOptions o) {
    Objects.requireNonNull(q, "query");
    return ApiCall.get("/v1/requests", null, page(new TypeReference<Page<AdmissionRequest>>() {}), o)
        .withQuery("dossier", q.dossier() == null ? null : q.dossier().value()).withQuery("status", q.status())
        .withQuery("limit", q.pageSize()).withQuery("cursor", cursor);
  }

  public ApiCall<AvailableActions> availableActions(RequestId id, RequestOptions o) {
    return ApiCall.get("/v1/requests/" + seg(id.value()) + "/available-actions", null,
        p.decoderOf(AvailableActions.class), o);
  }

  /** {@code read}, {@code cancel}, {@code confirm-admission}. */
  public ApiCall<AdmissionRequest> act(RequestId id, String action, RequestOptions o) {
    return ApiCall.post("/v1/requests/" + seg(id.value()) + "/" + action, new byte[0],
        p.decoderOf(AdmissionRequest.class), o);
  }

  public ApiCall<AdmissionRequest> respond(RequestId id, Response response, RequestOptions o) {
    Objects.requireNonNull(response, "response");
    return ApiCall.post("/v1/requests/" + seg(id.value()) + "/responses", p.toJson(response),
        p.decoderOf(AdmissionRequest.class), o);
  }

  public ApiCall<AdmissionRequest> reportEsmsStatus(RequestId id, EsmsStatus status, RequestOptions o) {
    Objects.requireNonNull(status, "status");
    return ApiCall.post("/v1/requests/" + seg(id.value()) + "/esms-statuses", p.toJson(status),
        p.decoderOf(AdmissionRequest.class), o);
  }

  public ApiCall<List<EsmsStatus>> esmsStatuses(RequestId id, RequestOptions o) {
    return ApiCall.get("/v1/requests/" + seg(id.value()) + "/esms-statuses", null,
        items(new TypeReference<Page<EsmsStatus>>() {}), o);
  }

  public ApiCall<List<AdmissionRequest>> waitingList(UnitId unit, RequestOptions o) {
    return ApiCall.get("/v1/waiting-lists", null, items(new TypeReference<Page<AdmissionRequest>>() {}), o)
        .withQuery("unit", unit == null ? null : unit.value());
  }

  public ApiCall<List<AdmissionRequest>> accompaniedRequests(RequestOptions o) {
    return ApiCall.get("/v1/accompanied-requests", null, items(new TypeReference<Page<AdmissionRequest>>() {}), o);
  }

  // ------------------------------------------------------------------------------------------------ directory

  public ApiCall<List<Unit>> searchUnits(UnitQuery q, RequestOptions o) {
    Objects.requireNonNull(q, "query");
    return ApiCall.get("/v1/units", null, items(new TypeReference<Page<Unit>>() {}), o)
        .withQuery("module", q.module()).withQuery("target", q.target())
        .withQuery("departement", q.departement() == null ? null : q.departement().code())
        .withQuery("finess", q.finess() == null ? null : q.finess().value())
        .withQuery("pradoVolet", q.pradoVolet()).withQuery("category", q.category());
  }

  public ApiCall<Unit> getUnit(UnitId id, RequestOptions o) {
    return ApiCall.get("/v1/units/" + seg(id.value()), null, p.decoderOf(Unit.class), o);
  }

  // ------------------------------------------------------------------------------------------------ the rest

  public ApiCall<Page<Event>> events(String after, int limit, RequestOptions o) {
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("limit must be between 1 and 1000, was " + limit);
    }
    return ApiCall.get("/v1/events", null, page(new TypeReference<Page<Event>>() {}), o)
        .withQuery("after", after == null ? "0" : after).withQuery("limit", limit);
  }

  public ApiCall<RequestFigures> requestIndicators(VtModule module, RequestOptions o) {
    return ApiCall.get("/v1/indicators/requests", null, p.decoderOf(RequestFigures.class), o)
        .withQuery("module", module);
  }

  public ApiCall<List<WaitingListRow>> waitingListIndicators(RequestOptions o) {
    return ApiCall.get("/v1/indicators/waiting-lists", null, items(new TypeReference<Page<WaitingListRow>>() {}), o);
  }

  public ApiCall<ObservatoryScopes> observatoryScopes(RequestOptions o) {
    return ApiCall.get("/v1/observatory/scopes", null, p.decoderOf(ObservatoryScopes.class), o);
  }

  public ApiCall<List<TuvRow>> observatoryTuv(Tuv.Period by, Tuv.Grouping group, RequestOptions o) {
    return ApiCall.get("/v1/observatory/tuv", null, items(new TypeReference<Page<TuvRow>>() {}), o)
        .withQuery("by", by == null ? null : by.code()).withQuery("group", group == null ? null : group.code());
  }

  public ApiCall<byte[]> observatoryTuvChart(Tuv.Period by, Tuv.Grouping group, java.util.Locale lang,
      RequestOptions o) {
    return ApiCall.get("/v1/observatory/tuv/chart", null, Endpoints::bytes, o)
        .withQuery("by", by == null ? null : by.code()).withQuery("group", group == null ? null : group.code())
        .withQuery("lang", lang == null ? null : lang.getLanguage());
  }

  public ApiCall<byte[]> observatoryHandicapChart(String indicator, java.util.Locale lang, RequestOptions o) {
    return ApiCall.get("/v1/observatory/handicap/chart", null, Endpoints::bytes, o).withQuery("indicator", indicator)
        .withQuery("lang", lang == null ? null : lang.getLanguage());
  }

  private static byte[] bytes(okhttp3.Response r) throws IOException {
    return r.body().bytes();
  }

  public ApiCall<List<HandicapRow>> observatoryHandicap(RequestOptions o) {
    return ApiCall.get("/v1/observatory/handicap", null, items(new TypeReference<Page<HandicapRow>>() {}), o);
  }

  public ApiCall<Health> health(RequestOptions o) {
    return ApiCall.get("/v1/health", null, p.decoderOf(Health.class), o);
  }

  public ApiCall<io.vtsdk.api.TestSession> testSession(RequestOptions o) {
    return ApiCall.get("/v1/test-session", null, p.decoderOf(io.vtsdk.api.TestSession.class), o);
  }

  // ------------------------------------------------------------------------------------------------ helpers

  private <T> ApiCall.Decoder<Page<T>> page(TypeReference<Page<T>> type) {
    return r -> {
      Page<T> page = p.json().readValue(r.body().bytes(), type);
      if (page == null) {
        throw new com.fasterxml.jackson.core.JsonParseException(null, "empty page");
      }
      return page;
    };
  }

  private <T> ApiCall.Decoder<List<T>> items(TypeReference<Page<T>> type) {
    ApiCall.Decoder<Page<T>> page = page(type);
    return r -> page.decode(r).items();
  }

  private static List<UnitId> units(List<UnitId> units) {
    if (units == null || units.isEmpty()) {
      throw new IllegalArgumentException("units: give at least one receiving unit");
    }
    return units;
  }

  private static void requireName(String fileName) {
    if (fileName == null || fileName.isBlank()) {
      throw new IllegalArgumentException("fileName must not be blank");
    }
  }

  private static MediaType mediaType(String contentType) {
    MediaType t = contentType == null ? null : MediaType.parse(contentType);
    if (t == null) {
      throw new IllegalArgumentException("contentType must be a media type such as application/pdf, was "
          + contentType);
    }
    return t;
  }

  /** Percent-encodes one path segment (ids come from the server but are not trusted to be URL-safe). */
  static String seg(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
          || c == '~') {
        sb.append((char) c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return sb.toString();
  }

  private static MessageDigest sha() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256(byte[] content) {
    return hex(sha().digest(content));
  }

  static String sha256(Path file) {
    MessageDigest md = sha();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[64 * 1024];
      for (int k; (k = in.read(buf)) > 0; ) {
        md.update(buf, 0, k);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return hex(md.digest());
  }

  static String hex(byte[] bytes) {
    return java.util.HexFormat.of().formatHex(bytes);
  }
}
