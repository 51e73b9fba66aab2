package io.vtsdk.core;

import io.vtsdk.model.module.VtModules;
import io.vtsdk.core.spi.RecordedAgreement;
import io.vtsdk.core.spi.StoredDossier;
import io.vtsdk.core.spi.StoredEvent;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.request.AdmissionRequest;
import io.vtsdk.model.workflow.RequestStatus;
import io.vtsdk.model.workflow.Role;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The one place that decides who sees and does what. Every adapter (the {@code /v1} and {@code /fhir} routes, the
 * console) reaches data through {@link VtCore}, and {@link VtCore} asks this policy; nothing else decides.
 *
 * <ul>
 *   <li><b>Requester side</b>: professionals of the requesting unit (roles REQUESTER and MDPH) see and act on every
 *       dossier of their unit; an account of the usager space (USAGER) only on the dossiers it created.
 *   <li><b>Receiving side</b>: a unit sees a request sent to it when it acts in its module's receiving role (RECEIVER,
 *       CPAM for Prado, ESMS for Handicap). It reads the dossier while it has a request that was not cancelled; once
 *       the requester cancels, the dossier, its later changes and its attachments are closed to it (it keeps its own
 *       request, the history of what it answered). A Handicap ESMS reads the evaluation documents (attachments) only
 *       once it has recorded the person's agreement (SDO flow 2).
 *   <li><b>Accompagnant médico-social PH</b> (ACCOMPAGNANT, seed 002): reads, never changes, the Handicap dossiers
 *       that name its account ({@code Dossier.accompagnants}) and their requests; its dashboard lists their current
 *       requests.
 *   <li><b>Events</b>: the same rule as what they are about, evaluated when read.
 *   <li><b>Medical section</b> (when the caller authenticated with Pro Santé Connect): a collaborator fills it for a
 *       doctor only when authenticated by CPx card (seed 002); only the prescribing doctor, the section's author,
 *       validates it (seed 003). A demo token stands for the professional the dossier names: not checked.
 *   <li><b>Aggregates</b>: a receiving unit sees indicators of its own unit; an MDPH those of its département;
 *       others none.
 *   <li><b>Observatory</b> (seed 003: « observatoire VT avec droits d'accès différenciés », for « hôpitaux, CPAM,
 *       GRADeS »): the Prado TUV of its own establishment (FINESS) for a hospital's unit, of its own CPAM for a CPAM,
 *       of its region for a GRADeS/ARS (OBSERVER); the Handicap indicators of the people living in its département
 *       for an MDPH, in its region for an OBSERVER, of its own notifications for an ESMS. Nothing for the others.
 * </ul>
 *
 * <p>Assumption (no public text decides): a USAGER account cannot see the dossiers other accounts of the same usager
 * space created; a cancelled unit loses access to the dossier at once.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class AccessPolicy {

  /** The standard policy. */
  public static AccessPolicy standard() {
    return new AccessPolicy();
  }

  AccessPolicy() {}

  /** True when {@code p} acts for the requesting side of the dossier. */
  public boolean isRequesterSide(Principal p, StoredDossier d) {
    if (d.dossier().requester() == null || !d.dossier().requester().unit().equals(p.unit())) {
      return false;
    }
    return switch (p.role()) {
      case REQUESTER, MDPH -> true;
      case USAGER -> !p.actorId().isEmpty() && p.actorId().equals(d.createdBy());
      default -> false;
    };
  }

  /** True for the roles receiving units act in: a module's {@code receiverRole} (RECEIVER, CPAM, ESMS…). */
  public static boolean isReceivingRole(Role role) {
    return RECEIVING_ROLES.contains(role);
  }

  private static final java.util.Set<Role> RECEIVING_ROLES = VtModules.all().stream()
      .map(io.vtsdk.model.module.ModuleDescriptor::receiverRole)
      .collect(java.util.stream.Collectors.toUnmodifiableSet());

  /** True when {@code p} is the receiving unit of {@code r}, in the module's receiving role. */
  public boolean isReceiverOf(Principal p, AdmissionRequest r) {
    return r.unit().equals(p.unit()) && p.role() == VtModules.of(r.module()).receiverRole();
  }

  /**
   * True when {@code p} is an accompagnant médico-social the dossier names, in a module whose dossiers accompagnants
   * follow ({@link io.vtsdk.model.module.ModuleDescriptor#followedByAccompagnants()}: Handicap, seed 002).
   * Assumption: the account named is the accompagnant's own ({@link Principal#actorId()}), whatever its unit.
   */
  public boolean isAccompagnantOf(Principal p, StoredDossier d) {
    return p.role() == Role.ACCOMPAGNANT && !p.actorId().isEmpty()
        && VtModules.of(d.dossier().module()).followedByAccompagnants()
        && d.dossier().accompagnants().contains(p.actorId());
  }

  /** May {@code p} read the dossier (given its requests)? */
  public boolean canReadDossier(Principal p, StoredDossier d, List<AdmissionRequest> requests) {
    if (isRequesterSide(p, d) || isAccompagnantOf(p, d)) {
      return true;
    }
    for (AdmissionRequest r : requests) {
      if (isReceiverOf(p, r) && r.status() != RequestStatus.CANCELLED) {
        return true;
      }
    }
    return false;
  }

  /** May {@code p} change the dossier (update it, attach files, send it)? Only its requesting side. */
  public boolean canEditDossier(Principal p, StoredDossier d) {
    return isRequesterSide(p, d);
  }

  /**
   * May {@code p} write the content of a medical section? A doctor; another professional only as a delegate
   * authenticated by CPx card (seed 002: « du moment que ces derniers s'authentifient par carte CPX »).
   */
  public boolean mayFillMedicalSection(Principal p) {
    Principal.Authentication a = p.authentication();
    return a == null || a.profession().isDoctor() || a.cpxCard();
  }

  /**
   * May {@code p} validate a medical section written by {@code author}? The prescribing doctor himself: a doctor whose
   * RPPS is the author's, never a delegate (seed 003: « la validation médicale relevant exclusivement du prescripteur
   * médical »).
   */
  public boolean mayValidateMedicalSection(Principal p, io.vtsdk.model.actor.Professional author) {
    Principal.Authentication a = p.authentication();
    if (a == null) {
      return true;
    }
    return a.profession().isDoctor() && author != null && author.mayValidateMedicalSection()
        && author.rpps() != null && author.rpps().value().equals(p.actorId());
  }

  /** May {@code p} see the request (the requesting side of its dossier, or its receiving unit)? */
  public boolean canSeeRequest(Principal p, AdmissionRequest r, StoredDossier d) {
    return isReceiverOf(p, r) || d != null && (isRequesterSide(p, d) || isAccompagnantOf(p, d));
  }

  /**
   * May {@code p} read an attachment of {@code d}? Whoever reads the dossier, except an ESMS notified of an MDPH
   * decision ({@link io.vtsdk.model.module.ModuleDescriptor#sdoNotifications()}) before it recorded the person's
   * agreement for this dossier (SDO flows 2 and 3).
   */
  public boolean canReadAttachment(Principal p, StoredDossier d, List<AdmissionRequest> requests,
      List<RecordedAgreement> agreements) {
    if (!canReadDossier(p, d, requests)) {
      return false;
    }
    if (isRequesterSide(p, d) || !VtModules.of(d.dossier().module()).sdoNotifications()) {
      return true;
    }
    return hasAgreement(p, requests, agreements);
  }

  /** True when {@code p}'s unit recorded an agreement on one of these requests. */
  public boolean hasAgreement(Principal p, List<AdmissionRequest> requests, List<RecordedAgreement> agreements) {
    for (RecordedAgreement a : agreements) {
      for (AdmissionRequest r : requests) {
        if (r.id().equals(a.request()) && isReceiverOf(p, r)) {
          return true;
        }
      }
    }
    return false;
  }

  /** May {@code p} see the event? */
  public boolean canSeeEvent(Principal p, StoredEvent e) {
    boolean requester = p.unit().equals(e.requesterUnit()) && switch (p.role()) {
      case REQUESTER, MDPH -> true;
      case USAGER -> !p.actorId().isEmpty() && p.actorId().equals(e.dossierCreatedBy());
      default -> false;
    };
    boolean receiver = p.unit().equals(e.receiverUnit()) && p.role() == VtModules.of(e.module()).receiverRole();
    return requester || receiver;
  }

  /** May {@code p} read an accompagnant's dashboard? An accompagnant médico-social PH (seed 002). */
  public boolean canReadAccompaniedRequests(Principal p) {
    return p.role() == Role.ACCOMPAGNANT && !p.actorId().isEmpty();
  }

  /** May {@code p} list every open request, whoever received it? VT's own principal (role SYSTEM) only. */
  public boolean canScanOpenRequests(Principal p) {
    return p.role() == Role.SYSTEM;
  }

  /** May {@code p} import units into the directory? VT's own principal (role SYSTEM) only. */
  public boolean canImportDirectory(Principal p) {
    return p.role() == Role.SYSTEM;
  }

  /** May {@code p} use the SDO flows (FHIR Task, Consent, DocumentReference)? The ESMS only. */
  public boolean canUseSdoFlows(Principal p) {
    return p.role() == Role.ESMS;
  }

  /**
   * May {@code p} call the INSi téléservice (search, verify)? The care professionals' and structures' software only:
   * "l'appel au téléservice n'est possible que par l'intermédiaire du système d'information de santé du professionnel
   * ou de la structure", authenticated by the operator's CPx card or the structure's certificate (ANS / GIE
   * SESAM-Vitale documentation, as relayed by the regional e-santé GRADeS, e.g. esegur-normandie.fr "Documentation SI
   * et téléservice INSi"). In VT that is the requesting and receiving units (REQUESTER, RECEIVER); not a patient
   * (USAGER), not the Assurance Maladie's CPAM, not the Handicap roles (MDPH, ESMS: seed 002, the INSi téléservice is
   * not called in Handicap), not the observatory.
   */
  public boolean canCallInsi(Principal p) {
    return p.role() == Role.REQUESTER || p.role() == Role.RECEIVER;
  }

  /** May {@code p} read the waiting list of {@code unit}? Its own unit, in a receiving role. */
  public boolean canReadWaitingList(Principal p, UnitId unit) {
    return unit.equals(p.unit()) && (p.role() == Role.ESMS || p.role() == Role.RECEIVER);
  }

  /** The scope of aggregate indicators {@code p} may read. */
  public IndicatorScope indicatorScope(Principal p, io.vtsdk.model.directory.Unit own) {
    return switch (p.role()) {
      case RECEIVER, ESMS, CPAM -> new IndicatorScope(p.unit(), null);
      case MDPH -> own == null || own.departement() == null ? null
          : new IndicatorScope(null, own.departement().code());
      default -> null;
    };
  }

  /** The observatory's indicators, as {@link #observatoryScope} distinguishes them. */
  public enum ObservatoryView { TUV, HANDICAP }

  /**
   * What {@code p}, acting for {@code own}, may read of {@code observatory}; null when nothing (the caller is told
   * why by {@link VtCore}).
   */
  public ObservatoryScope observatoryScope(Principal p, io.vtsdk.model.directory.Unit own,
      ObservatoryView observatory) {
    if (own == null) {
      return null;
    }
    String departement = own.departement() == null ? null : own.departement().code();
    String finess = own.structure() == null ? null : own.structure().value();
    ObservatoryScope scope = switch (observatory) {
      case TUV -> switch (p.role()) {
        case REQUESTER -> finess == null ? null : new ObservatoryScope(ObservatoryScope.Kind.ESTABLISHMENT, finess);
        case CPAM -> own.cpamCode() == null ? null : new ObservatoryScope(ObservatoryScope.Kind.CPAM, own.cpamCode());
        case OBSERVER -> region(own);
        default -> null;
      };
      case HANDICAP -> switch (p.role()) {
        case MDPH -> departement == null ? null
            : new ObservatoryScope(ObservatoryScope.Kind.DEPARTEMENT, departement);
        case OBSERVER -> region(own);
        case ESMS -> finess == null ? null : new ObservatoryScope(ObservatoryScope.Kind.ESTABLISHMENT, finess);
        default -> null;
      };
    };
    return scope;
  }

  private static ObservatoryScope region(io.vtsdk.model.directory.Unit own) {
    return own.departement() == null ? null : own.departement().region()
        .map(r -> new ObservatoryScope(ObservatoryScope.Kind.REGION, r.inseeCode())).orElse(null);
  }

  /**
   * A scope of the observatory: an establishment (FINESS), a CPAM (its code), a département or a region (INSEE
   * code).
   */
  public record ObservatoryScope(Kind kind, String value) {
    /** What the scope is made of. */
    public enum Kind { ESTABLISHMENT, CPAM, DEPARTEMENT, REGION }
  }

  /** A scope of aggregates: one unit, or one département. */
  public record IndicatorScope(UnitId unit, String departement) {
    public boolean includes(io.vtsdk.model.directory.Unit u) {
      return unit != null ? u.id().equals(unit)
          : u.departement() != null && u.departement().code().equals(departement);
    }
  }
}
