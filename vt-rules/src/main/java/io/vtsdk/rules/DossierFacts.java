package io.vtsdk.rules;

import static io.vtsdk.rules.StandardFacts.*;

import io.vtsdk.model.directory.Unit;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.handicap.EsmsStatus;
import io.vtsdk.model.identity.Departement;
import io.vtsdk.model.patient.Patient;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * Extracts the {@link StandardFacts} from a dossier and its context (the requesting and target units, the CPAMs the
 * directory knows, the channel). What the dossier does not hold stays missing, so rules answer UNKNOWN with the path.
 *
 * <pre>{@code
 * Facts facts = DossierFacts.of(dossier).requestingUnit(ward).targetUnit(pco).knownCpamCodes(Set.of("691")).build();
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class DossierFacts {
  private final Dossier dossier;
  private Unit requestingUnit;
  private Unit targetUnit;
  private Set<String> knownCpamCodes;
  private StandardFacts.Channel channel = StandardFacts.Channel.VT;
  private EsmsStatus esmsStatus;

  private DossierFacts(Dossier dossier) {
    this.dossier = Objects.requireNonNull(dossier, "dossier");
  }

  public static DossierFacts of(Dossier dossier) {
    return new DossierFacts(dossier);
  }

  public DossierFacts requestingUnit(Unit unit) {
    this.requestingUnit = unit;
    return this;
  }

  public DossierFacts targetUnit(Unit unit) {
    this.targetUnit = unit;
    return this;
  }

  public DossierFacts knownCpamCodes(Set<String> codes) {
    this.knownCpamCodes = codes == null ? null : Set.copyOf(codes);
    return this;
  }

  /** The channel (VT by default: a dossier of this SDK is a VT dossier). */
  public DossierFacts channel(StandardFacts.Channel channel) {
    this.channel = channel;
    return this;
  }

  public DossierFacts esmsStatus(EsmsStatus status) {
    this.esmsStatus = status;
    return this;
  }

  public Facts build() {
    Facts.Builder b = Facts.builder();
    Dossier d = dossier;
    Patient p = d.patient();
    if (p != null) {
      b.put(BIRTH_DATE, p.birthDate());
      if (p.address() != null && p.address().departement() != null) {
        b.put(DEPARTEMENT, p.address().departement().code());
      }
      if (p.insurance() != null) {
        b.put(AME, p.insurance().ame());
        b.put(REGIME, p.insurance().regime());
        b.put(CPAM_CODE, p.insurance().cpamCode());
        b.put(COMPLEMENTARY_INSURANCE, p.insurance().complementaryInsurance());
        b.put(C2S, p.insurance().c2s());
      }
      b.put(PROTECTION, p.protection());
      b.put(LEGAL_REPRESENTATIVE, p.legalRepresentative() != null);
      if (p.treatingDoctor() != null) {
        b.put(HAS_TREATING_DOCTOR, !p.treatingDoctor().none());
      }
    }
    b.put(REQUEST_TYPE, d.requestType());
    b.put(PLANNED_DISCHARGE, d.plannedDischargeDate());
    if (d.orientation() != null) {
      b.put(PRADO_VOLET, d.orientation().pradoVolet());
    }
    b.put(MEDICAL_SECTION, d.medical() != null);
    if (d.medical() != null) {
      b.put(GIR, d.medical().gir());
      b.put(CARDIAC_DECOMPENSATION_STAY, d.medical().cardiacDecompensationStay());
    }
    if (d.adminSocial() != null) {
      b.put(LIVING_SITUATION, d.adminSocial().livingSituation());
      b.put(CARER_STRUGGLING, d.adminSocial().carerStruggling());
      b.put(HOUSING_NEEDS_ADAPTATION, d.adminSocial().housingNeedsAdaptation());
      b.put(NEEDS_HELP_PLANNING_CARE, d.adminSocial().needsHelpPlanningCare());
      b.put(BENEFITS, d.adminSocial().benefits());
      b.put(AGE_DEROGATION, d.adminSocial().ageDerogation());
    }
    b.put(CONSENT, d.consent());
    b.put(MDPH_DECISION, d.mdphDecision());
    if (d.requester() != null && d.requester().professional() != null) {
      b.put(REFERRAL_BY_DOCTOR, d.requester().professional().fillsForADoctor());
    }
    if (requestingUnit != null) {
      b.put(REQUESTER_PRADO_VOLETS, requestingUnit.pradoVolets());
    }
    if (targetUnit != null) {
      if (targetUnit.esmsCategory() != null) {
        b.put(TARGET_ESMS_CATEGORY, targetUnit.esmsCategory().code());
      }
      b.put(TARGET_COVERED_DEPARTEMENTS, targetUnit.coveredDepartements().stream().map(Departement::code)
          .collect(Collectors.toUnmodifiableSet()));
    }
    b.put(KNOWN_CPAM_CODES, knownCpamCodes);
    b.put(CHANNEL, channel);
    b.put(ESMS_STATUS, esmsStatus);
    return b.build();
  }
}
