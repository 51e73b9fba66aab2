package io.vtsdk.server.directory;

import io.vtsdk.model.Coding;
import io.vtsdk.model.PradoVolet;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.directory.Unit;
import io.vtsdk.model.dossier.SmrMention;
import io.vtsdk.model.dossier.TargetKind;
import io.vtsdk.model.identity.CheckMode;
import io.vtsdk.model.identity.Departement;
import io.vtsdk.model.identity.Finess;
import io.vtsdk.model.nos.Nomenclatures;
import io.vtsdk.model.nos.NosTable;
import io.vtsdk.server.InvalidFileException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * The VT fields of a unit as a file gives them (a HealthcareService's codings and extensions, or a CSV's columns),
 * checked, with where each sits for the refusals. Not API.
 */
final class UnitFields {
  final String file;
  final Function<String, String> where;
  final Function<String, List<String>> get;

  UnitFields(String file, Function<String, String> where, Function<String, List<String>> get) {
    this.file = file;
    this.where = where;
    this.get = get;
  }

  String where(String field) {
    return where.apply(field);
  }

  Unit.Builder apply(Unit.Builder b) {
    Set<VtModule> modules = new LinkedHashSet<>();
    for (String m : get.apply("modules")) {
      try {
        modules.add(VtModule.valueOf(m.trim()));
      } catch (IllegalArgumentException e) {
        throw new InvalidFileException(file, where("modules"), "a module of VT or of a registered extension");
      }
    }
    if (modules.isEmpty()) {
      throw new InvalidFileException(file, where("modules"), "a unit needs at least one module");
    }
    Set<TargetKind> targets = new LinkedHashSet<>();
    for (String t : get.apply("targetKinds")) {
      try {
        targets.add(TargetKind.valueOf(t.trim()));
      } catch (IllegalArgumentException e) {
        throw new InvalidFileException(file, where("targetKinds"), "a target kind of VT or of a registered "
            + "extension");
      }
    }
    Set<PradoVolet> volets = new LinkedHashSet<>();
    for (String v : get.apply("pradoVolets")) {
      volets.add(enumValue(PradoVolet.class, v, "pradoVolets"));
    }
    Set<SmrMention> mentions = new LinkedHashSet<>();
    for (String v : get.apply("smrMentions")) {
      mentions.add(enumValue(SmrMention.class, v, "smrMentions"));
    }
    List<String> capacity = get.apply("capacity");
    if (!capacity.isEmpty()) {
      if (capacity.size() > 1 || !capacity.get(0).trim().matches("[0-9]{1,6}")) {
        throw new InvalidFileException(file, where("capacity"), "a number of places from 0 to 999999");
      }
      b.capacity(Integer.parseInt(capacity.get(0).trim()));
    }
    List<String> cpam = get.apply("cpamCode");
    if (!cpam.isEmpty()) {
      if (cpam.size() > 1 || !cpam.get(0).trim().matches("[0-9]{3}")) {
        throw new InvalidFileException(file, where("cpamCode"), "a caisse code has 3 digits");
      }
      b.cpamCode(cpam.get(0).trim());
    }
    List<String> category = get.apply("esmsCategory");
    if (!category.isEmpty()) {
      b.esmsCategory(Nomenclatures.get(NosTable.J254).coding(category.get(0).trim()).orElseThrow(
          () -> new InvalidFileException(file, where("esmsCategory"), "a code of JDV_J254")));
    }
    Set<Departement> covered = new LinkedHashSet<>();
    for (String d : get.apply("coveredDepartements")) {
      covered.add(departement(d.trim(), file, where("coveredDepartements")));
    }
    Set<Coding> modalities = new LinkedHashSet<>();
    for (String m : get.apply("modalities")) {
      modalities.add(Nomenclatures.get(NosTable.R213).coding(m.trim()).orElseThrow(
          () -> new InvalidFileException(file, where("modalities"), "a code of TRE_R213")));
    }
    if (!modalities.isEmpty()) {
      b.modalities(modalities);
    }
    for (TargetKind t : targets) {
      if (!modules.contains(t.module())) {
        throw new InvalidFileException(file, where("targetKinds"), "each target kind belongs to one of the "
            + "unit's modules");
      }
    }
    if (targets.contains(TargetKind.PRADO) && cpam.isEmpty()) {
      throw new InvalidFileException(file, where("cpamCode"), "a unit receiving Prado requests (a caisse) needs "
          + "its cpamCode");
    }
    return b.modules(modules).targetKinds(targets).pradoVolets(volets).smrMentions(mentions)
        .coveredDepartements(covered);
  }

  private <E extends Enum<E>> E enumValue(Class<E> type, String v, String field) {
    try {
      return Enum.valueOf(type, v.trim());
    } catch (IllegalArgumentException e) {
      throw new InvalidFileException(file, where(field), "one of " + java.util.Arrays.toString(
          type.getEnumConstants()));
    }
  }

  static Finess finess(String v, String file, String where) {
    try {
      return v.startsWith("2A") || v.startsWith("2B") ? Finess.parse(v, CheckMode.LENIENT) : Finess.parse(v);
    } catch (RuntimeException e) {
      throw new InvalidFileException(file, where, "a FINESS of 9 characters with its check key");
    }
  }

  static Departement departement(String v, String file, String where) {
    if (!Departement.isValid(v)) {
      throw new InvalidFileException(file, where, "an INSEE département code (01-95, 2A, 2B, 971-976)");
    }
    return Departement.of(v);
  }
}
