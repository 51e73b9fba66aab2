package io.vtsdk.testkit.conformance;

import io.vtsdk.model.UnitId;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.server.ReferenceServer;
import java.net.URI;
import java.util.Objects;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * The VT implementation a {@link VtConformanceSuite} checks: its base URL and, for each party the suite plays, a unit
 * of its directory and a bearer token for that unit. Only HTTP is used; no control API is needed, and the suite only
 * adds data (fresh dossiers), so a shared sandbox can be checked.
 *
 * <p>The parties: a <b>requester</b> (a unit that may send SANITAIRE and PRADO dossiers), a <b>receiver</b> (an SMR
 * unit receiving SANITAIRE requests), the patient's <b>CPAM</b> (with its three-character code) and an
 * <b>outsider</b> (a receiver of another unit, who must see none of the suite's data).
 *
 * <p>{@code toString()} never shows the tokens.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ConformanceTarget {
  private final URI baseUrl;
  private final Party requester;
  private final Party receiver;
  private final Party cpam;
  private final String cpamCode;
  private final String outsiderToken;
  private final Party hnpService;

  /** A unit and the bearer token of a user of that unit. */
  public record Party(UnitId unit, String token) {
    public Party {
      Objects.requireNonNull(unit, "unit");
      if (token == null || token.isBlank()) {
        throw new IllegalArgumentException("token of " + unit + " is missing");
      }
    }

    @Override
    public String toString() {
      return "Party[unit=" + unit + ", token=***]";
    }
  }

  private ConformanceTarget(Builder b) {
    this.baseUrl = Objects.requireNonNull(b.baseUrl, "baseUrl");
    this.requester = require(b.requester, "requester");
    this.receiver = require(b.receiver, "receiver");
    this.cpam = require(b.cpam, "cpam");
    this.cpamCode = b.cpamCode;
    if (b.outsiderToken == null || b.outsiderToken.isBlank()) {
      throw new IllegalStateException("outsider token is missing");
    }
    this.outsiderToken = b.outsiderToken;
    this.hnpService = b.hnpService;
  }

  private static Party require(Party p, String name) {
    if (p == null) {
      throw new IllegalStateException(name + " is missing: call " + name + "(unit, token)");
    }
    return p;
  }

  public static Builder builder(URI baseUrl) {
    return new Builder(baseUrl);
  }

  /** The embedded reference server with its demo directory (which must be loaded, the default). */
  public static ConformanceTarget of(ReferenceServer server) {
    return builder(server.baseUrl())
        .requester(ReferenceServer.DEMO_REQUESTER_UNIT,
            server.tokens().issue(Role.REQUESTER, ReferenceServer.DEMO_REQUESTER_UNIT, "10003606315"))
        .receiver(UnitId.of("SMR-CARDIO-69"), server.tokens().issue(Role.RECEIVER, UnitId.of("SMR-CARDIO-69"), null))
        .cpam(ReferenceServer.DEMO_CPAM_UNIT, "691",
            server.tokens().issue(Role.CPAM, ReferenceServer.DEMO_CPAM_UNIT, null))
        .outsider(server.tokens().issue(Role.RECEIVER, UnitId.of("EHPAD-69-A"), null))
        .hnpService(UnitId.of("HNP-CARDIO-11"), server.tokens().issue(Role.RECEIVER, UnitId.of("HNP-CARDIO-11"), null))
        .build();
  }

  /**
   * A target described by system properties, for running the suite against another implementation without code:
   * {@code vt.conformance.baseUrl}, {@code .requesterUnit}, {@code .requesterToken}, {@code .receiverUnit},
   * {@code .receiverToken}, {@code .cpamUnit}, {@code .cpamCode}, {@code .cpamToken}, {@code .outsiderToken}; and,
   * for a target running the HNP module, {@code .hnpServiceUnit} with {@code .hnpServiceToken} (optional).
   *
   * @throws IllegalStateException naming the first missing property
   */
  public static ConformanceTarget fromSystemProperties() {
    return from(System::getProperty);
  }

  static ConformanceTarget from(Function<String, String> properties) {
    Function<String, String> get = name -> {
      String v = properties.apply("vt.conformance." + name);
      if (v == null || v.isBlank()) {
        throw new IllegalStateException("system property vt.conformance." + name + " is not set");
      }
      return v.trim();
    };
    Builder b = builder(URI.create(get.apply("baseUrl")))
        .requester(UnitId.of(get.apply("requesterUnit")), get.apply("requesterToken"))
        .receiver(UnitId.of(get.apply("receiverUnit")), get.apply("receiverToken"))
        .cpam(UnitId.of(get.apply("cpamUnit")), get.apply("cpamCode"), get.apply("cpamToken"))
        .outsider(get.apply("outsiderToken"));
    String hnpUnit = properties.apply("vt.conformance.hnpServiceUnit");
    if (hnpUnit != null && !hnpUnit.isBlank()) {
      b.hnpService(UnitId.of(hnpUnit.trim()), get.apply("hnpServiceToken"));
    }
    return b.build();
  }

  public URI baseUrl() {
    return baseUrl;
  }

  public Party requester() {
    return requester;
  }

  public Party receiver() {
    return receiver;
  }

  public Party cpam() {
    return cpam;
  }

  /** The CPAM's code as written in a patient's insurance (e.g. {@code 691}). */
  public String cpamCode() {
    return cpamCode;
  }

  public String outsiderToken() {
    return outsiderToken;
  }

  /** A specialty service of the HNP module, when the target runs it (HNP is regional and experimental). */
  public java.util.Optional<Party> hnpService() {
    return java.util.Optional.ofNullable(hnpService);
  }

  @Override
  public String toString() {
    return "ConformanceTarget[" + baseUrl + ", requester=" + requester.unit() + ", receiver=" + receiver.unit()
        + ", cpam=" + cpam.unit() + "]";
  }

  /** Builds a {@link ConformanceTarget}; every party is required but the HNP service. */
  public static final class Builder {
    private final URI baseUrl;
    private Party requester;
    private Party receiver;
    private Party cpam;
    private String cpamCode;
    private String outsiderToken;
    private Party hnpService;

    private Builder(URI baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
        throw new IllegalArgumentException("baseUrl must be an http(s) URL, was " + baseUrl);
      }
    }

    public Builder requester(UnitId unit, String token) {
      this.requester = new Party(unit, token);
      return this;
    }

    public Builder receiver(UnitId unit, String token) {
      this.receiver = new Party(unit, token);
      return this;
    }

    public Builder cpam(UnitId unit, String cpamCode, String token) {
      if (cpamCode == null || !cpamCode.matches("[0-9A-B]{3}")) {
        throw new IllegalArgumentException("cpamCode must be 3 characters like 691, was " + cpamCode);
      }
      this.cpam = new Party(unit, token);
      this.cpamCode = cpamCode;
      return this;
    }

    public Builder outsider(String token) {
      this.outsiderToken = token;
      return this;
    }

    /** A specialty service receiving HNP requests (optional: the HNP tests need it). */
    public Builder hnpService(UnitId unit, String token) {
      this.hnpService = new Party(unit, token);
      return this;
    }

    public ConformanceTarget build() {
      return new ConformanceTarget(this);
    }
  }
}
