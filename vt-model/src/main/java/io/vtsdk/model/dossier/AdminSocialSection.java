package io.vtsdk.model.dossier;

import io.vtsdk.model.internal.Sets;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * "Volet administratif et social": living situation, carers, housing, benefits. Holds the Prado fragility criteria
 * of seed 003 and the Grand-âge age derogation.
 *
 * @param ageDerogation reference of a documented derogation allowing an EHPAD / résidence autonomie admission under
 *     60 (null when none)
 */
@API(status = API.Status.STABLE, since = "0.1")
public record AdminSocialSection(
    @Valid SectionInfo info,
    LivingSituation livingSituation,
    Boolean carerStruggling,
    Boolean housingNeedsAdaptation,
    Boolean needsHelpPlanningCare,
    Set<SocialBenefit> benefits,
    @Size(max = 200, message = "{vt.size.max}") String ageDerogation,
    @Size(max = 2000, message = "{vt.size.max}") String comment) {

  public AdminSocialSection {
    benefits = Sets.ofEnums(benefits, SocialBenefit.class);
  }

  @Override
  public String toString() {
    return "AdminSocialSection[info=" + info + ", livingSituation=" + livingSituation + ", ***]";
  }
}
