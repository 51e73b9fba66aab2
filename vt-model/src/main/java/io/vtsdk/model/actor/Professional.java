package io.vtsdk.model.actor;

import io.vtsdk.model.identity.Rpps;
import io.vtsdk.model.validation.ValidIdentifier;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A professional acting in VT: a doctor, a nurse, a social worker, a secretary… The RPPS is present for health
 * professionals; assistants authenticated by CPx card without RPPS have none.
 *
 * @param delegation set when this professional acts on behalf of a doctor (a GP may delegate data entry to a
 *     collaborator authenticated by CPx card)
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Professional(
    @ValidIdentifier Rpps rpps,
    @NotBlank(message = "{vt.required}") @Size(max = 100, message = "{vt.size.max}") String lastName,
    @Size(max = 100, message = "{vt.size.max}") String firstName,
    @NotNull(message = "{vt.required}") Profession profession,
    @Valid Delegation delegation) {

  public Professional {
    Objects.requireNonNull(profession, "profession");
  }

  public static Professional of(Rpps rpps, String lastName, String firstName, Profession profession) {
    return new Professional(rpps, lastName, firstName, profession, null);
  }

  /**
   * Whether what this professional fills counts as the doctor's: a doctor, or a collaborator authenticated by CPx
   * card entering data for a doctor (seed 002: « Le médecin libéral peut déléguer le renseignement du module à des
   * collaborateurs […] du moment que ces derniers s'authentifient par carte CPX »).
   */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean fillsForADoctor() {
    return profession.isDoctor() || delegation != null && delegation.cpxAuthenticated();
  }

  /**
   * Whether this professional may validate a medical section: the prescribing doctor himself, never a delegate
   * (seed 003: « la validation médicale relevant exclusivement du prescripteur médical »).
   */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean mayValidateMedicalSection() {
    return profession.isDoctor() && delegation == null;
  }

  /**
   * A delegation: this professional enters data for {@code delegatorRpps}.
   *
   * @param cpxAuthenticated the delegate authenticated with a CPx card (required by VT for delegation)
   */
  @API(status = API.Status.STABLE, since = "0.1")
  public record Delegation(
      @NotNull(message = "{vt.required}") @ValidIdentifier Rpps delegatorRpps, boolean cpxAuthenticated) {}
}
