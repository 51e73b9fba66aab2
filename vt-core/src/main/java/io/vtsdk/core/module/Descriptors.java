package io.vtsdk.core.module;

import io.vtsdk.model.VtModule;
import io.vtsdk.model.directory.Unit;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.dossier.SmrMention;
import io.vtsdk.model.dossier.TargetKind;
import io.vtsdk.model.validation.Violation;
import io.vtsdk.model.workflow.Role;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The five standard modules (DESIGN §1, §4). Each nested class is registered in
 * {@code META-INF/services/io.vtsdk.core.module.ModuleDescriptor}.
 */
public final class Descriptors {
  private Descriptors() {}

  /** A module with no routing constraint beyond the common ones, received in the RECEIVER role. */
  abstract static class Plain implements ModuleDescriptor {
    @Override
    public Role receiverRole() {
      return Role.RECEIVER;
    }

    @Override
    public List<Violation> routing(Dossier d, Unit requesting, Unit target, LocalDate date, String at, Messages m) {
      return List.of();
    }
  }

  /**
   * SMR, HAD, USP. An SMR unit described with its mentions (SMR reform, décret n° 2022-24; VT describes units with
   * them, seed 002) receives only dossiers oriented to one of them, or to any adult mention when it holds the
   * « polyvalent » mention; a unit not described (no mention) is not checked. Assumptions: that VT refuses rather than
   * only filters, and that a polyvalent SMR takes any adult mention (the décret defines the mentions, not VT's send).
   */
  public static final class Sanitaire extends Plain {
    @Override
    public VtModule module() {
      return VtModule.SANITAIRE;
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
  }

  /** EHPAD, résidence autonomie, USLD. */
  public static final class GrandAge extends Plain {
    @Override
    public VtModule module() {
      return VtModule.GRAND_AGE;
    }
  }

  /**
   * PCO: the platform covering the child's département is checked by the TND rule set (legal eligibility: the 7–12
   * parcours exists since décret n° 2021-383). VT itself only received the 7–12 form in 2023 (seed 002, GRADeS
   * Occitanie activity report 2023: « Module TND – Intégration du formulaire 7-12 ans »), so a 7–12 request cannot be
   * sent through VT before {@link #FORM_7_12_SINCE}. The seed gives the year only: 1 January is an assumption.
   */
  public static final class Tnd extends Plain {
    /** The first day VT accepts 7–12 requests (assumption: the seed dates the form to 2023 without a day). */
    public static final LocalDate FORM_7_12_SINCE = LocalDate.of(2023, 1, 1);

    @Override
    public VtModule module() {
      return VtModule.TND;
    }

    @Override
    public List<Violation> routing(Dossier d, Unit requesting, Unit target, LocalDate date, String at, Messages m) {
      if (d.orientation() != null && d.orientation().target() == TargetKind.PCO_7_12
          && date.isBefore(FORM_7_12_SINCE)) {
        return List.of(new Violation(at, "routing.tnd.form-7-12", m.get("routing.tnd.form-7-12")));
      }
      return List.of();
    }
  }

  /**
   * Prado: the request goes to the patient's CPAM de rattachement (DESIGN §4); the volet's convention and the AME
   * question are the Prado rule set's.
   */
  public static final class Prado implements ModuleDescriptor {
    @Override
    public VtModule module() {
      return VtModule.PRADO;
    }

    @Override
    public Role receiverRole() {
      return Role.CPAM;
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
  }

  /**
   * Handicap: a notification goes to an ESMS of a category the MDPH decision orients to, while the decision is valid
   * (the decision's validity period, CASF L241-6; DESIGN §3).
   */
  public static final class Handicap implements ModuleDescriptor {
    @Override
    public VtModule module() {
      return VtModule.HANDICAP;
    }

    @Override
    public Role receiverRole() {
      return Role.ESMS;
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
  }
}
