package io.vtsdk.model.module;

import static io.vtsdk.model.workflow.Action.*;
import static io.vtsdk.model.workflow.RequestStatus.*;
import static io.vtsdk.model.workflow.Role.*;

import io.vtsdk.model.Coding;
import io.vtsdk.model.PradoVolet;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.actor.Professional;
import io.vtsdk.model.directory.Unit;
import io.vtsdk.model.dossier.CareSection;
import io.vtsdk.model.dossier.Consent;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.dossier.Orientation;
import io.vtsdk.model.dossier.RequestType;
import io.vtsdk.model.dossier.SmrMention;
import io.vtsdk.model.dossier.TargetKind;
import io.vtsdk.model.handicap.MdphDecision;
import io.vtsdk.model.identity.Departement;
import io.vtsdk.model.nos.Nomenclatures;
import io.vtsdk.model.nos.NosTable;
import io.vtsdk.model.identity.IdentityStatus;
import io.vtsdk.model.patient.Address;
import io.vtsdk.model.patient.Patient;
import io.vtsdk.model.request.ResponseKind;
import io.vtsdk.model.validation.Violation;
import io.vtsdk.model.workflow.Action;
import io.vtsdk.model.workflow.RequestStatus;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.model.workflow.Workflow;
import io.vtsdk.model.handicap.EsmsStatus;
import io.vtsdk.model.request.AdmissionRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The five standard modules (DESIGN §1, §4). Each nested class is registered in
 * {@code META-INF/services/io.vtsdk.model.module.ModuleDescriptor}.
 *
 * <p>Workflow sources: the Sanitaire/Grand-âge and Prado flows follow the seeds (003: Prado answers of the CPAM) and
 * DESIGN §4; the Handicap flow follows the statuses of TRE_R357 and the SDO flows 4–5. Where the public texts give
 * statuses but not the order between them (Handicap), the transitions are our reading, listed in
 * {@code docs/workflows.md}. Requirements at SUBMISSION are documented in docs/validation.md.
 */
public final class Descriptors {
  private Descriptors() {}

  /** The answers of SANITAIRE and GRAND_AGE receivers. */
  static final Set<ResponseKind> ADMISSION_ANSWERS =
      Set.of(ResponseKind.ACCEPTED, ResponseKind.REFUSED, ResponseKind.WAITING_LIST);

  /** SANITAIRE and GRAND_AGE: SENT → READ → ACCEPTED | REFUSED | WAITING_LIST; confirm one, cancel, close, archive. */
  static Workflow admission(VtModule module, Role first, Role... requesters) {
    Set<Role> receiver = Set.of(RECEIVER);
    Set<Role> system = Set.of(SYSTEM);
    Set<Role> senders = EnumSet.of(first, requesters);
    return Workflow.builder(module).initial(SENT).senders(first, requesters)
        .on(Action.READ, receiver, RequestStatus.READ, SENT)
        .on(ACCEPT, receiver, ACCEPTED, SENT, RequestStatus.READ, WAITING_LIST)
        .on(REFUSE, receiver, REFUSED, SENT, RequestStatus.READ, WAITING_LIST)
        .on(PLACE_ON_WAITING_LIST, receiver, WAITING_LIST, SENT, RequestStatus.READ)
        .on(CONFIRM_ADMISSION, senders, ADMISSION_CONFIRMED, ACCEPTED)
        .on(CANCEL, senders, CANCELLED, SENT, RequestStatus.READ, WAITING_LIST, ACCEPTED)
        .on(CLOSE, system, CLOSED, SENT, RequestStatus.READ, WAITING_LIST, ACCEPTED)
        .on(ARCHIVE, system, ARCHIVED, SENT, RequestStatus.READ)
        .build();
  }

  /**
   * SMR, HAD, USP. An SMR unit described with its mentions (SMR reform, décret n° 2022-24; VT describes units with
   * them, seed 002) receives only dossiers oriented to one of them, or to any adult mention when it holds the
   * « polyvalent » mention; a unit not described (no mention) is not checked. Assumptions: that VT refuses rather than
   * only filters, and that a polyvalent SMR takes any adult mention (the décret defines the mentions, not VT's send).
   */
  public static final class Sanitaire extends AbstractModuleDescriptor {
    public Sanitaire() {
      super(admission(VtModule.SANITAIRE, REQUESTER), RECEIVER, ADMISSION_ANSWERS);
    }

    @Override
    public void requirements(Dossier d, Requirements c) {
      c.require(d.requestType(), "requestType");
      c.require(d.medical(), "medical");
      c.require(d.care(), "care");
      c.require(d.adminSocial(), "adminSocial");
      c.require(d.requestingService(), "requestingService");
      if (d.orientation() != null && d.orientation().target() == TargetKind.SMR) {
        c.require(d.orientation().smrMention(), "orientation.smrMention");
      }
    }

    @Override
    public List<Violation> routing(Dossier d, Unit requesting, Unit target, LocalDate date, String at, Messages m) {
      SmrMention wanted = d.orientation() == null ? null : d.orientation().smrMention();
      if (wanted != null && !target.smrMentions().isEmpty() && !target.smrMentions().contains(wanted)
          && !(wanted != SmrMention.PEDIATRIE && target.smrMentions().contains(SmrMention.POLYVALENT))) {
        return List.of(new Violation(at, "routing.smr.mention", m.get("routing.smr.mention")));
      }
      return List.of();
    }

    @Override
    public Dossier.Builder example(Dossier.Builder b, Examples kit) {
      Professional doctor = kit.doctor();
      Professional nurse = kit.nurse();
      return b.patient(kit.adult(60 + kit.nextInt(35)))
          .orientation(Orientation.smr(SmrMention.CARDIO_VASCULAIRE,
              List.of("Adultes", "Cardiologie et pathologies vasculaires", "Insuffisance cardiaque")))
          .medical(kit.medical(doctor, null))
          .care(new CareSection(kit.validated(nurse), "Réadaptation à l'effort", "Kinésithérapie quotidienne"))
          .adminSocial(kit.adminSocial(nurse));
    }
  }

  /** EHPAD, résidence autonomie, USLD; the person or family may send too (usager space). */
  public static final class GrandAge extends AbstractModuleDescriptor {
    public GrandAge() {
      super(admission(VtModule.GRAND_AGE, REQUESTER, USAGER), RECEIVER, ADMISSION_ANSWERS);
    }

    @Override
    public void requirements(Dossier d, Requirements c) {
      c.require(d.requestType(), "requestType");
      c.require(d.medical(), "medical");
      c.require(d.adminSocial(), "adminSocial");
    }

    @Override
    public Dossier.Builder example(Dossier.Builder b, Examples kit) {
      return b.patient(kit.adult(75 + kit.nextInt(20)))
          .requestType(RequestType.A_DOMICILE).hospitalisationDate(null).plannedDischargeDate(null)
          .desiredEntryDate(kit.today().plusMonths(1 + kit.nextInt(6)))
          .orientation(Orientation.of(TargetKind.EHPAD))
          .medical(kit.medical(kit.doctor(), 1 + kit.nextInt(6)))
          .adminSocial(kit.adminSocial(kit.nurse()))
          .consent(new Consent(true, Consent.GivenBy.PERSON, kit.today()));
    }
  }

  /**
   * TND: SENT to the PCO → ELIGIBLE | NOT_ELIGIBLE | ORIENTED_ELSEWHERE. The platform covering the child's département
   * is checked by the TND rule set (legal eligibility: the 7–12 parcours exists since décret n° 2021-383). VT itself
   * only received the 7–12 form in 2023 (seed 002, GRADeS Occitanie activity report 2023: « Module TND – Intégration
   * du formulaire 7-12 ans »), so a 7–12 request cannot be sent through VT before {@link #FORM_7_12_SINCE}. The seed
   * gives the year only: 1 January is an assumption.
   */
  public static final class Tnd extends AbstractModuleDescriptor {
    /** The first day VT accepts 7–12 requests (assumption: the seed dates the form to 2023 without a day). */
    public static final LocalDate FORM_7_12_SINCE = LocalDate.of(2023, 1, 1);

    public Tnd() {
      super(Workflow.builder(VtModule.TND).initial(SENT).senders(REQUESTER)
          .on(Action.READ, Set.of(RECEIVER), RequestStatus.READ, SENT)
          .on(DECLARE_ELIGIBLE, Set.of(RECEIVER), ELIGIBLE, SENT, RequestStatus.READ)
          .on(DECLARE_NOT_ELIGIBLE, Set.of(RECEIVER), NOT_ELIGIBLE, SENT, RequestStatus.READ)
          .on(ORIENT_ELSEWHERE, Set.of(RECEIVER), ORIENTED_ELSEWHERE, SENT, RequestStatus.READ)
          .on(CANCEL, Set.of(REQUESTER), CANCELLED, SENT, RequestStatus.READ)
          .on(ARCHIVE, Set.of(SYSTEM), ARCHIVED, SENT, RequestStatus.READ)
          .build(), RECEIVER,
          Set.of(ResponseKind.TND_ELIGIBLE, ResponseKind.TND_NOT_ELIGIBLE, ResponseKind.TND_ORIENTED_ELSEWHERE));
    }

    @Override
    public void requirements(Dossier d, Requirements c) {
      c.require(d.requestType(), "requestType");
      c.require(d.medical(), "medical");
      c.require(d.consent(), "consent");
      if (d.requester() != null
          && (d.requester().professional() == null || !d.requester().professional().fillsForADoctor())) {
        c.refuse("{vt.tnd.doctorRequired}", "requester.professional");
      }
    }

    @Override
    public List<Violation> routing(Dossier d, Unit requesting, Unit target, LocalDate date, String at, Messages m) {
      if (d.orientation() != null && d.orientation().target() == TargetKind.PCO_7_12
          && date.isBefore(FORM_7_12_SINCE)) {
        return List.of(new Violation(at, "routing.tnd.form-7-12", m.get("routing.tnd.form-7-12")));
      }
      return List.of();
    }

    @Override
    public Dossier.Builder example(Dossier.Builder b, Examples kit) {
      // the child lives in the Rhône, the area of the demo PCO (PCO-69): the TND rule set checks coverage
      Patient kid = kit.child(1 + kit.nextInt(5));
      return b.patient(kid.toBuilder().address(new Address(kid.address() == null ? null : kid.address().line(),
              "69003", "Lyon", Departement.of("69"))).build())
          .requestType(RequestType.A_DOMICILE).hospitalisationDate(null).plannedDischargeDate(null)
          .orientation(Orientation.of(TargetKind.PCO_0_6))
          .medical(kit.medical(kit.doctor(), null))
          .consent(new Consent(true, Consent.GivenBy.LEGAL_REPRESENTATIVE, kit.today()));
    }
  }

  /**
   * Prado (seed 003): SENT to the CPAM → ELIGIBLE_ADMINISTRATIVELY → ADHESION (final) | NON_ADHESION (motif). The
   * request goes to the patient's CPAM de rattachement (DESIGN §4); the volet's convention and the AME question are the
   * Prado rule set's.
   */
  public static final class Prado extends AbstractModuleDescriptor {
    private static final PradoVolet[] HOSPITAL_VOLETS = {PradoVolet.INSUFFISANCE_CARDIAQUE, PradoVolet.AVC,
        PradoVolet.BPCO, PradoVolet.CHIRURGIE, PradoVolet.PERSONNES_AGEES};

    public Prado() {
      super(Workflow.builder(VtModule.PRADO).initial(SENT).senders(REQUESTER)
          .on(Action.READ, Set.of(CPAM), RequestStatus.READ, SENT)
          .on(DECLARE_ELIGIBLE_ADMINISTRATIVELY, Set.of(CPAM), ELIGIBLE_ADMINISTRATIVELY, SENT, RequestStatus.READ)
          .on(RECORD_ADHESION, Set.of(CPAM), ADHESION, SENT, RequestStatus.READ, ELIGIBLE_ADMINISTRATIVELY)
          .on(RECORD_NON_ADHESION, Set.of(CPAM), NON_ADHESION, SENT, RequestStatus.READ, ELIGIBLE_ADMINISTRATIVELY)
          .on(CANCEL, Set.of(REQUESTER), CANCELLED, SENT, RequestStatus.READ, ELIGIBLE_ADMINISTRATIVELY)
          .on(ARCHIVE, Set.of(SYSTEM), ARCHIVED, SENT, RequestStatus.READ)
          .build(), CPAM, Set.of(ResponseKind.PRADO_ELIGIBLE_ADMINISTRATIVELY, ResponseKind.PRADO_ADHESION,
          ResponseKind.PRADO_NON_ADHESION));
    }

    @Override
    public void requirements(Dossier d, Requirements c) {
      c.require(d.requestType(), "requestType");
      if (d.orientation() != null) {
        c.require(d.orientation().pradoVolet(), "orientation.pradoVolet");
      }
      Patient p = d.patient();
      if (p != null) {
        c.require(p.insurance() == null ? null : p.insurance().ame(), "patient.insurance.ame", "{vt.prado.ameRequired}");
        c.require(p.treatingDoctor(), "patient.treatingDoctor");
      }
      if (d.requestType() == RequestType.EN_HOSPITALISATION) {
        c.require(d.plannedDischargeDate(), "plannedDischargeDate");
      }
      c.require(d.requestingService(), "requestingService");
    }

    @Override
    public List<Violation> routing(Dossier d, Unit requesting, Unit target, LocalDate date, String at, Messages m) {
      String cpam = d.patient() == null || d.patient().insurance() == null ? null
          : d.patient().insurance().cpamCode();
      if (cpam == null || !cpam.equals(target.cpamCode())) {
        return List.of(new Violation(at, "routing.prado.cpam", m.get("routing.prado.cpam")));
      }
      return List.of();
    }

    @Override
    public Dossier.Builder example(Dossier.Builder b, Examples kit) {
      int age = 45 + kit.nextInt(45);
      PradoVolet volet = HOSPITAL_VOLETS[kit.nextInt(HOSPITAL_VOLETS.length)];
      if (volet == PradoVolet.PERSONNES_AGEES && age < 75) {
        volet = PradoVolet.CHIRURGIE; // the PA volet is for patients of 75 and over (rule prado.pa.age)
      }
      return b.patient(kit.adult(age)).orientation(Orientation.prado(volet)).medical(kit.medical(kit.doctor(), null));
    }
  }

  /**
   * Handicap: the MDPH notifies the ESMS (39); the ESMS reports TRE_R357 statuses; the MDPH endorses impossible
   * admissions (46), cancels (49) and reactivates (54) notifications, or cancels the decision (37). A notification goes
   * to an ESMS of a category the MDPH decision orients to, while the decision is valid (the decision's validity
   * period, CASF L241-6; DESIGN §3). Its answers are ESMS statuses ({@link io.vtsdk.model.handicap.EsmsStatus}), not
   * response kinds.
   */
  /**
   * The identity as VT Handicap holds it: without the INS (seed 002: INSi « sauf module Handicap »), so validated on
   * a high-trust document rather than qualified.
   */
  public static Patient withoutIns(Patient p) {
    return p.toBuilder().ins(null).identityStatus(IdentityStatus.VALIDEE).build();
  }

  public static final class Handicap extends AbstractModuleDescriptor {
    private static final String[] ESMS_CATEGORIES = {"183", "182", "255", "449"};

    public Handicap() {
      super(handicap(), ESMS, Set.of());
    }

    @Override
    public void requirements(Dossier d, Requirements c) {
      c.require(d.mdphDecision(), "mdphDecision");
      c.require(d.consent(), "consent");
      c.require(d.adminSocial(), "adminSocial");
      if (d.orientation() != null) {
        c.require(d.orientation().esmsCategory(), "orientation.esmsCategory");
      }
    }

    @Override
    public List<Violation> routing(Dossier d, Unit requesting, Unit target, LocalDate date, String at, Messages m) {
      List<Violation> out = new ArrayList<>();
      if (d.mdphDecision() == null || target.esmsCategory() == null
          || !d.mdphDecision().allowsCategory(target.esmsCategory().code())) {
        out.add(new Violation(at, "routing.handicap.category", m.get("routing.handicap.category")));
      }
      if (d.mdphDecision() != null && !d.mdphDecision().isValidOn(date)) {
        out.add(new Violation("/mdphDecision/validTo", "routing.handicap.expired",
            m.get("routing.handicap.expired")));
      }
      return out;
    }

    /** A notification stays under VT's watch until it ends: its decision may expire. */
    @Override
    public boolean isOpen(RequestStatus status) {
      return !workflow().isTerminal(status);
    }

    /**
     * VT ends the notification of an expired decision (the first instant after its validity, in VT's zone) with
     * {@link Action#CANCEL_NOTIFICATION}, when the workflow lets {@code SYSTEM} do it (the person is not at the ESMS).
     */
    @Override
    public Optional<Expiry> expiry(AdmissionRequest request, Supplier<Dossier> dossier, Duration configured,
        ZoneId zone) {
      Dossier d = dossier.get();
      LocalDate validTo = d == null || d.mdphDecision() == null ? null : d.mdphDecision().validTo();
      return validTo == null ? Optional.empty()
          : Optional.of(new Expiry(validTo.plusDays(1).atStartOfDay(zone).toInstant(), CANCEL_NOTIFICATION));
    }

    /**
     * What the SI-SDO reports when VT ends a notification: status 49 « Notification annulée » with motif 174
     * « Décision clôturée par la MDPH » (TRE_R357, TRE_R358, paired by ASS_A32), so that SDO flow 5 carries it.
     */
    @Override
    public List<EsmsStatus> expiryReports(AdmissionRequest request, Dossier d, Unit unit, LocalDate day) {
      if (unit == null || unit.structure() == null || d.mdphDecision() == null) {
        return List.of();
      }
      return List.of(new EsmsStatus("1" + unit.structure().value(), unit.name(), Coding.of(NosTable.R357.url(), "49"),
          Coding.of(NosTable.R358.url(), "174"), day, null, null, null, null, d.mdphDecision().idDecision(),
          d.mdphDecision().nationalId()));
    }

    @Override
    public boolean sdoNotifications() {
      return true;
    }

    /** The DUA's accompagnants médico-sociaux PH (seed 002). */
    @Override
    public boolean followedByAccompagnants() {
      return true;
    }

    /** VT Handicap does not use the INS (seed 002: the INSi téléservice « sauf module Handicap »). */
    @Override
    public boolean usesIns() {
      return false;
    }

    @Override
    public Dossier.Builder example(Dossier.Builder b, Examples kit) {
      LocalDate today = kit.today();
      Coding category = Nomenclatures.get(NosTable.J254)
          .coding(ESMS_CATEGORIES[kit.nextInt(ESMS_CATEGORIES.length)]).orElseThrow();
      return b.patient(withoutIns(kit.child(6 + kit.nextInt(12))))
          .requestType(null).hospitalisationDate(null).plannedDischargeDate(null)
          .orientation(Orientation.esms(category))
          .mdphDecision(new MdphDecision("MDPH69-" + today.getYear() + "-" + (1000 + kit.nextInt(9000)), null,
              List.of(category), List.of(), today.minusMonths(1 + kit.nextInt(6)), today.plusYears(3)))
          .adminSocial(kit.adminSocial(kit.nurse()))
          .consent(new Consent(true, Consent.GivenBy.LEGAL_REPRESENTATIVE, today));
    }

    private static Workflow handicap() {
      Set<Role> esms = Set.of(ESMS);
      Set<Role> mdph = Set.of(MDPH);
      RequestStatus[] open = {
        NOTIFICATION_SENT, NOTIFICATION_READ, CONTACT_MADE, WAITING_LIST_ANALYSIS, WAITING_LIST_ADMISSIBLE,
        WAITING_LIST_ADMITTED, TRIAL_IN_PROGRESS, TRIAL_FAILED, NOTIFICATION_REACTIVATED, REORIENTATION_REQUESTED
      };
      // the MDPH notifies its decision; the person or its aidant sends the DUA, the one admission form, to ESMS of the
      // categories the decision allows (seed 002: « Livraison du module DUA »)
      return Workflow.builder(VtModule.HANDICAP).initial(NOTIFICATION_SENT).senders(MDPH, USAGER)
          .on(Action.READ, esms, NOTIFICATION_READ, NOTIFICATION_SENT, NOTIFICATION_REACTIVATED)
          .on(RECORD_CONTACT, esms, CONTACT_MADE, NOTIFICATION_SENT, NOTIFICATION_READ, NOTIFICATION_REACTIVATED)
          .on(START_ANALYSIS, esms, WAITING_LIST_ANALYSIS, NOTIFICATION_SENT, NOTIFICATION_READ, CONTACT_MADE,
              NOTIFICATION_REACTIVATED, TRIAL_FAILED)
          .on(DECLARE_ADMISSIBLE, esms, WAITING_LIST_ADMISSIBLE, WAITING_LIST_ANALYSIS)
          .on(DECLARE_ADMITTED, esms, WAITING_LIST_ADMITTED, WAITING_LIST_ANALYSIS, WAITING_LIST_ADMISSIBLE)
          .on(START_TRIAL, esms, TRIAL_IN_PROGRESS, WAITING_LIST_ADMISSIBLE, WAITING_LIST_ADMITTED)
          .on(FAIL_TRIAL, esms, TRIAL_FAILED, TRIAL_IN_PROGRESS)
          .on(RECORD_ENTRY, esms, USER_ENTERED, WAITING_LIST_ADMITTED, TRIAL_IN_PROGRESS)
          // After a réorientation request (51) the person may leave for another ESMS: ASS_A32 pairs the end of care
          // (188) with motif 91 « L'usager est admis dans un autre ESMS suite à une réorientation ».
          .on(RECORD_EXIT, esms, USER_EXITED, USER_ENTERED, REORIENTATION_REQUESTED)
          .on(SIGNAL_ADMISSION_IMPOSSIBLE, esms, ADMISSION_IMPOSSIBLE_SIGNALLED, NOTIFICATION_SENT,
              NOTIFICATION_READ, CONTACT_MADE, WAITING_LIST_ANALYSIS, WAITING_LIST_ADMISSIBLE, WAITING_LIST_ADMITTED,
              TRIAL_FAILED, NOTIFICATION_REACTIVATED)
          .on(REQUEST_REORIENTATION, esms, REORIENTATION_REQUESTED, CONTACT_MADE, WAITING_LIST_ANALYSIS,
              WAITING_LIST_ADMISSIBLE, WAITING_LIST_ADMITTED, TRIAL_IN_PROGRESS, TRIAL_FAILED, USER_ENTERED)
          .on(ENDORSE_ADMISSION_IMPOSSIBLE, mdph, ADMISSION_IMPOSSIBLE_ENDORSED, ADMISSION_IMPOSSIBLE_SIGNALLED)
          // VT also ends the notifications of an expired decision (validTo passed) whose person is not at the ESMS:
          // status 49 with motif 174 « Décision clôturée par la MDPH » (ASS_A32). Assumption: no public text says
          // what VT does at expiry; a person at the ESMS (trial, entered, réorientation asked) stays: renewal is
          // the MDPH's.
          .on(CANCEL_NOTIFICATION, Set.of(MDPH, SYSTEM), NOTIFICATION_CANCELLED, NOTIFICATION_SENT,
              NOTIFICATION_READ, CONTACT_MADE, WAITING_LIST_ANALYSIS, WAITING_LIST_ADMISSIBLE, WAITING_LIST_ADMITTED,
              TRIAL_FAILED, NOTIFICATION_REACTIVATED)
          .on(CANCEL_NOTIFICATION, mdph, NOTIFICATION_CANCELLED, TRIAL_IN_PROGRESS, REORIENTATION_REQUESTED)
          .on(CANCEL_NOTIFICATION, mdph, NOTIFICATION_CANCELLED, ADMISSION_IMPOSSIBLE_SIGNALLED)
          .on(REACTIVATE_NOTIFICATION, mdph, NOTIFICATION_REACTIVATED, NOTIFICATION_CANCELLED,
              ADMISSION_IMPOSSIBLE_ENDORSED)
          .on(CANCEL_DECISION, mdph, DECISION_CANCELLED, open)
          .on(CANCEL_DECISION, mdph, DECISION_CANCELLED, ADMISSION_IMPOSSIBLE_SIGNALLED, NOTIFICATION_CANCELLED)
          .build();
    }
  }
}
