package io.vtsdk.rules;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Where a rule comes from. Rules that a public text states cite it; rules we had to assume say so
 * ({@link Kind#ASSUMPTION}) and are configurable.
 *
 * @param kind what kind of source
 * @param citation the document and place, e.g. {@code "seed 003 – L'orientation PRADO (1/2)"}
 * @param url a public URL when there is one, else null
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Source(Kind kind, String citation, String url) {

  /** Kinds of sources. */
  @API(status = API.Status.STABLE, since = "0.1")
  public enum Kind {
    /** One of the public French texts of the project's seeds. */
    SEED,
    /** A public legal or official text. */
    PUBLIC_TEXT,
    /** A public nomenclature (ANS NOS). */
    NOMENCLATURE,
    /** The project's design or issue statement, itself based on public information. */
    SPECIFICATION,
    /** Our assumption: no public text we could cite; configurable. */
    ASSUMPTION
  }

  public Source {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(citation, "citation");
  }

  public static Source seed(String citation) {
    return new Source(Kind.SEED, citation, null);
  }

  public static Source publicText(String citation, String url) {
    return new Source(Kind.PUBLIC_TEXT, citation, url);
  }

  public static Source nomenclature(String citation, String url) {
    return new Source(Kind.NOMENCLATURE, citation, url);
  }

  public static Source specification(String citation) {
    return new Source(Kind.SPECIFICATION, citation, null);
  }

  public static Source assumption(String why) {
    return new Source(Kind.ASSUMPTION, why, null);
  }

  public boolean isAssumption() {
    return kind == Kind.ASSUMPTION;
  }
}
