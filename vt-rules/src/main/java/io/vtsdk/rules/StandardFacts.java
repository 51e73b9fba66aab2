package io.vtsdk.rules;


import io.vtsdk.model.PradoVolet;
import io.vtsdk.model.dossier.Consent;
import io.vtsdk.model.dossier.LivingSituation;
import io.vtsdk.model.dossier.RequestType;
import io.vtsdk.model.dossier.SocialBenefit;
import io.vtsdk.model.handicap.EsmsStatus;
import io.vtsdk.model.handicap.MdphDecision;
import io.vtsdk.model.patient.ProtectionMeasure;
import io.vtsdk.model.patient.Regime;
import java.time.LocalDate;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The facts the standard rule sets read, named by their path in the dossier model (or, for data that comes from the
 * directory or the request, under {@code /requester/unit}, {@code /target/unit}, {@code /directory} and
 * {@code /request}).
 *
 * <p>Set-valued facts hold codes or enum constants: {@code Set<PradoVolet>}, {@code Set<String>} (département codes,
 * J254 codes, CPAM codes), {@code Set<SocialBenefit>}.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class StandardFacts {
  private StandardFacts() {}

  // patient
  public static final Fact<LocalDate> BIRTH_DATE = Fact.define("/patient/birthDate", LocalDate.class);
  public static final Fact<String> DEPARTEMENT = Fact.define("/patient/address/departement", String.class);
  public static final Fact<Boolean> AME = Fact.define("/patient/insurance/ame", Boolean.class);
  public static final Fact<Regime> REGIME = Fact.define("/patient/insurance/regime", Regime.class);
  public static final Fact<String> CPAM_CODE = Fact.define("/patient/insurance/cpamCode", String.class);
  public static final Fact<Boolean> COMPLEMENTARY_INSURANCE =
      Fact.define("/patient/insurance/complementaryInsurance", Boolean.class);
  /** The patient benefits from the complémentaire santé solidaire (Insurance.c2s), a Prado fragility criterion. */
  public static final Fact<Boolean> C2S = Fact.define("/patient/insurance/c2s", Boolean.class);
  public static final Fact<ProtectionMeasure> PROTECTION = Fact.define("/patient/protection", ProtectionMeasure.class);
  public static final Fact<Boolean> LEGAL_REPRESENTATIVE =
      Fact.define("/patient/legalRepresentative", Boolean.class);
  /** True when the patient has a treating doctor, false when "Pas de médecin traitant". */
  public static final Fact<Boolean> HAS_TREATING_DOCTOR = Fact.define("/patient/treatingDoctor", Boolean.class);

  // dossier
  public static final Fact<RequestType> REQUEST_TYPE = Fact.define("/requestType", RequestType.class);
  public static final Fact<LocalDate> PLANNED_DISCHARGE = Fact.define("/plannedDischargeDate", LocalDate.class);
  public static final Fact<PradoVolet> PRADO_VOLET = Fact.define("/orientation/pradoVolet", PradoVolet.class);
  public static final Fact<Boolean> MEDICAL_SECTION = Fact.define("/medical", Boolean.class);
  public static final Fact<Integer> GIR = Fact.define("/medical/gir", Integer.class);
  public static final Fact<Boolean> CARDIAC_DECOMPENSATION_STAY =
      Fact.define("/medical/cardiacDecompensationStay", Boolean.class);
  public static final Fact<LivingSituation> LIVING_SITUATION =
      Fact.define("/adminSocial/livingSituation", LivingSituation.class);
  public static final Fact<Boolean> CARER_STRUGGLING = Fact.define("/adminSocial/carerStruggling", Boolean.class);
  public static final Fact<Boolean> HOUSING_NEEDS_ADAPTATION =
      Fact.define("/adminSocial/housingNeedsAdaptation", Boolean.class);
  public static final Fact<Boolean> NEEDS_HELP_PLANNING_CARE =
      Fact.define("/adminSocial/needsHelpPlanningCare", Boolean.class);
  public static final Fact<Set<SocialBenefit>> BENEFITS = Fact.defineSet("/adminSocial/benefits", SocialBenefit.class);
  public static final Fact<String> AGE_DEROGATION = Fact.define("/adminSocial/ageDerogation", String.class);
  public static final Fact<Consent> CONSENT = Fact.define("/consent", Consent.class);
  public static final Fact<MdphDecision> MDPH_DECISION = Fact.define("/mdphDecision", MdphDecision.class);
  /** True when the requester (the author of the referral form) is a doctor. */
  public static final Fact<Boolean> REFERRAL_BY_DOCTOR =
      Fact.define("/requester/professional/profession", Boolean.class);

  // directory and request context
  public static final Fact<Set<PradoVolet>> REQUESTER_PRADO_VOLETS =
      Fact.defineSet("/requester/unit/pradoVolets", PradoVolet.class);
  /** JDV_J254 code of the target ESMS unit. */
  public static final Fact<String> TARGET_ESMS_CATEGORY = Fact.define("/target/unit/esmsCategory", String.class);
  /** The codes of the départements the target unit covers ("69", "2A"). */
  public static final Fact<Set<String>> TARGET_COVERED_DEPARTEMENTS =
      Fact.defineSet("/target/unit/coveredDepartements", String.class);
  /** CPAM codes the directory knows (to resolve the CPAM de rattachement). */
  public static final Fact<Set<String>> KNOWN_CPAM_CODES = Fact.defineSet("/directory/cpamCodes", String.class);
  /** How the request reaches the receiver: through VT or another channel. */
  public static final Fact<Channel> CHANNEL = Fact.define("/request/channel", Channel.class);
  /** The last ESMS status reported (Handicap). */
  public static final Fact<EsmsStatus> ESMS_STATUS = Fact.define("/esmsStatus", EsmsStatus.class);

  /** How a request is sent. */
  @API(status = API.Status.STABLE, since = "0.1")
  public enum Channel {
    VT,
    OTHER
  }

  /** Every standard fact, in declaration order. */
  public static java.util.List<Fact<?>> all() {
    return ALL;
  }

  private static final java.util.List<Fact<?>> ALL = java.util.Arrays.stream(StandardFacts.class.getFields())
      .filter(f -> java.lang.reflect.Modifier.isStatic(f.getModifiers()) && f.getType() == Fact.class)
      .<Fact<?>>map(f -> {
        try {
          return (Fact<?>) f.get(null);
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }).toList();
}
