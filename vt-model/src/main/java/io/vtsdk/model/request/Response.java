package io.vtsdk.model.request;

import io.vtsdk.model.Coding;
import io.vtsdk.model.actor.Professional;
import io.vtsdk.model.validation.ValidResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A receiver's answer to a request. The motif must come from the list of the {@link ResponseKind}; "autre" needs a
 * précision in {@code comment}; the comment is at most 500 characters (VT's limit, seed 003). These are checked by the
 * validator, so a bad answer is reported with all its problems at once.
 *
 * @param proposedEntryDate for ACCEPTED: the entry date the unit proposes
 * @param admissionAt for ACCEPTED in a module answering in hours (HNP): when the service admits the patient
 */
@API(status = API.Status.STABLE, since = "0.1")
@ValidResponse
public record Response(
    ResponseKind kind,
    Coding motif,
    @Size(max = 500, message = "{vt.comment.size}") String comment,
    @Valid Professional author,
    Instant at,
    LocalDate proposedEntryDate,
    Instant admissionAt) {

  public static final int MAX_COMMENT_LENGTH = 500;

  public Response {
    Objects.requireNonNull(kind, "kind");
  }

  /** An answer without an admission time. */
  public Response(ResponseKind kind, Coding motif, String comment, Professional author, Instant at,
      LocalDate proposedEntryDate) {
    this(kind, motif, comment, author, at, proposedEntryDate, null);
  }

  /** This answer, given at {@code at}. */
  public Response withAt(Instant at) {
    return new Response(kind, motif, comment, author, at, proposedEntryDate, admissionAt);
  }

  public static Response of(ResponseKind kind, Motif motif, String comment, Instant at) {
    return new Response(kind, motif == null ? null : motif.toCoding(), comment, null, at, null);
  }

  @Override
  public String toString() {
    return "Response[kind=" + kind + ", motif=" + (motif == null ? null : motif.code()) + ", at=" + at + "]";
  }
}
