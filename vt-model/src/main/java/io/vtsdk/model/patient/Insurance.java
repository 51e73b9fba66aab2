package io.vtsdk.model.patient;

import jakarta.validation.constraints.Pattern;
import org.apiguardian.api.API;

/**
 * Health-insurance situation.
 *
 * @param ame answer to "is the patient an AME beneficiary?" — {@code null} means not answered yet (the first question
 *     of the Prado orientation)
 * @param c2s beneficiary of the complémentaire santé solidaire; {@code null} when unknown
 * @param complementaryInsurance has a complementary insurance (mutuelle or C2S); {@code null} when unknown
 * @param cpamCode the 3-digit code of the CPAM de rattachement, e.g. {@code 691} for "CPAM du Rhône"
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Insurance(
    Regime regime,
    Boolean ame,
    Boolean c2s,
    Boolean complementaryInsurance,
    @Pattern(regexp = "[0-9]{3}", message = "{vt.cpamCode.format}") String cpamCode) {}
