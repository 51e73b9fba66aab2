package io.vtsdk.model.identity.insi;

import io.vtsdk.model.identity.Ins;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The two operations of the INSi teleservice of the Assurance Maladie, as an EHR calls them before sending an
 * identity to VT (RNIV: an identity is « récupérée » once its INS comes from the teleservice, « qualifiée » once the
 * identity was also checked against a high-trust document). Implement it over the real teleservice (a SOAP service
 * reached with a CPx card or an organisation certificate); the testkit's {@code InsiSimulator} implements it over a
 * synthetic population, for tests.
 *
 * <p>The outcomes mirror the teleservice's: one identity found, none, or several (the caller must then ask for more
 * traits); a verification is OK or KO. The message formats (the WSDL) are not reproduced here: this is the documented
 * form of the operations (assumption: the WSDL is not in the public texts we could read).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public interface InsiClient {

  /** Searches the national identity by traits. */
  SearchResult search(InsTraits traits);

  /** Verifies that {@code ins} is the national identity of a person of these traits. */
  Verification verify(Ins ins, InsTraits traits);

  /** A search's outcome. */
  record SearchResult(Outcome outcome, Ins ins, InsTraits reference) {
    public SearchResult {
      Objects.requireNonNull(outcome, "outcome");
      if ((outcome == Outcome.FOUND) != (ins != null && reference != null)) {
        throw new IllegalArgumentException("an INS and its reference traits go with FOUND only");
      }
    }

    public static SearchResult found(Ins ins, InsTraits reference) {
      return new SearchResult(Outcome.FOUND, ins, reference);
    }

    public static SearchResult of(Outcome outcome) {
      return new SearchResult(outcome, null, null);
    }

    @Override
    public String toString() {
      return "SearchResult[" + outcome + "]";
    }
  }

  /** What a search found. */
  enum Outcome {
    /** One identity: its INS and reference traits (the traits to keep in the EHR). */
    FOUND,
    /** No identity with these traits. */
    NONE,
    /** Several identities: give more traits (the birthplace). */
    SEVERAL
  }

  /** A verification's outcome; {@code problems} names the traits that differ (never their values). */
  record Verification(boolean ok, List<String> problems) {
    public Verification {
      problems = List.copyOf(problems);
    }
  }
}
