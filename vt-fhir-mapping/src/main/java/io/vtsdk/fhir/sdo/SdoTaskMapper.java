package io.vtsdk.fhir.sdo;

import io.vtsdk.fhir.FhirMappingException;
import io.vtsdk.model.Coding;
import io.vtsdk.model.handicap.EsmsStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.EnumMap;
import java.util.Map;
import org.apiguardian.api.API;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Type;

/**
 * {@link EsmsStatus} ↔ SDO {@code sdo-task} (flows 4 and 5): one {@code Task.input} per slice, discriminated by
 * {@code input.type.text} as the IG's JSON profile says; {@code status} completed, {@code intent} plan,
 * {@code meta.lastUpdated} set.
 *
 * <p><b>Writing is strict:</b> the slices the profile requires (idNat_Struct, nomESMS, statutESMS, idDecision,
 * idNat_Decision) must have a value, else a {@link FhirMappingException} names the slice.
 *
 * <p><b>Reading is tolerant</b> where the IG's own examples deviate (docs/fhir.md): an Identifier slice given as
 * {@code valueString} or {@code valueId}; the type text {@code acceuilSequentiel} (typo in the IG's example); an
 * optional coded slice whose codings have no system and code (read as absent); inputs of unknown types (open
 * slicing) are ignored. A required slice that is missing, a slice that appears twice, a
 * value of the wrong type, or a coding without a system or code is refused.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class SdoTaskMapper {
  private SdoTaskMapper() {}

  /** The input slices of {@code sdo-task}, with the {@code type.text} that discriminates them. */
  public enum Slice {
    ID_NAT_STRUCT("idNat_Struct", true),
    NOM_ESMS("nomESMS", true),
    STATUT_ESMS("statutESMS", true),
    MOTIF_ESMS("motifESMS", false),
    DATE_STATUT_ESMS("dateStatutESMS", false),
    ID_UNITE("idUnite", false),
    NOM_UNITE("nomUnite", false),
    CATEGORIE_ORGANISATION("categorieOrganisation", false),
    TEMPORALITE_ACCUEIL("temporaliteAccueil", false),
    ACCUEIL_SEQUENTIEL("accueilSequentiel", false),
    MODE_PRISE_CHARGE("modePriseCharge", false),
    STATUT_UNITE("statutUnite", false),
    DATE_STATUT_UNITE("dateStatutUnite", false),
    MOTIF_UNITE("motifUnite", false),
    TYPE_DROIT_PRESTATION("typeDroitPrestation", false),
    ID_DECISION("idDecision", true),
    ID_NAT_DECISION("idNat_Decision", true);

    private final String text;
    private final boolean required;

    Slice(String text, boolean required) {
      this.text = text;
      this.required = required;
    }

    /** The {@code input.type.text} of the slice. */
    public String text() {
      return text;
    }

    /** Required (1..1) by the profile. */
    public boolean required() {
      return required;
    }

    String element() {
      return "Task.input:" + text;
    }

    static Slice ofText(String text) {
      if ("acceuilSequentiel".equals(text)) { // the IG's example misspells it
        return ACCUEIL_SEQUENTIEL;
      }
      for (Slice s : values()) {
        if (s.text.equals(text)) {
          return s;
        }
      }
      return null;
    }
  }

  // ------------------------------------------------------------------------------------------------ write

  /**
   * The Task of a status, as VT publishes it (flow 5) or an ESMS posts it (flow 4).
   *
   * @param lastUpdated {@code meta.lastUpdated} (required by the profile)
   * @throws FhirMappingException naming the slice when a value the profile requires is missing
   */
  public static Task toTask(EsmsStatus s, Instant lastUpdated) {
    java.util.Objects.requireNonNull(s, "status");
    java.util.Objects.requireNonNull(lastUpdated, "lastUpdated");
    Task t = new Task();
    t.getMeta().addProfile(SdoProfiles.SDO_TASK).setLastUpdated(Date.from(lastUpdated));
    t.setStatus(Task.TaskStatus.COMPLETED);
    t.setIntent(Task.TaskIntent.PLAN);
    add(t, Slice.ID_NAT_STRUCT, identifier(required(s.idNatStruct(), Slice.ID_NAT_STRUCT), null));
    add(t, Slice.NOM_ESMS, string(required(s.esmsName(), Slice.NOM_ESMS)));
    add(t, Slice.STATUT_ESMS, concept(required(s.status(), Slice.STATUT_ESMS)));
    add(t, Slice.MOTIF_ESMS, concept(s.motif()));
    add(t, Slice.DATE_STATUT_ESMS, date(s.statusDate()));
    add(t, Slice.ID_UNITE, s.rorUnitId() == null ? null : identifier(s.rorUnitId(), null));
    add(t, Slice.NOM_UNITE, string(s.unitName()));
    add(t, Slice.CATEGORIE_ORGANISATION, concept(s.unitCategory()));
    add(t, Slice.TEMPORALITE_ACCUEIL, concept(s.reception()));
    add(t, Slice.ACCUEIL_SEQUENTIEL, s.sequentialReception() == null ? null
        : new BooleanType(s.sequentialReception()));
    add(t, Slice.MODE_PRISE_CHARGE, concept(s.careMode()));
    add(t, Slice.STATUT_UNITE, concept(s.unitStatus()));
    add(t, Slice.DATE_STATUT_UNITE, date(s.unitStatusDate()));
    add(t, Slice.MOTIF_UNITE, concept(s.unitMotif()));
    add(t, Slice.TYPE_DROIT_PRESTATION, concept(s.rightType()));
    add(t, Slice.ID_DECISION, identifier(required(s.idDecision(), Slice.ID_DECISION), Identifier.IdentifierUse.USUAL));
    add(t, Slice.ID_NAT_DECISION, identifier(required(s.idNatDecision(), Slice.ID_NAT_DECISION),
        Identifier.IdentifierUse.OFFICIAL));
    return t;
  }

  private static <T> T required(T value, Slice slice) {
    if (value == null || value instanceof String str && str.isBlank()) {
      throw new FhirMappingException(slice.element(), "required (1..1) by sdo-task; the status has no value for it");
    }
    return value;
  }

  private static void add(Task t, Slice slice, Type value) {
    if (value != null) {
      t.addInput().setType(new CodeableConcept().setText(slice.text())).setValue(value);
    }
  }

  private static Identifier identifier(String value, Identifier.IdentifierUse use) {
    Identifier id = new Identifier().setValue(value);
    return use == null ? id : id.setUse(use);
  }

  private static StringType string(String value) {
    return value == null ? null : new StringType(value);
  }

  private static DateType date(LocalDate d) {
    return d == null ? null : io.vtsdk.fhir.internal.Values.date(d);
  }

  private static CodeableConcept concept(Coding c) {
    return c == null ? null : io.vtsdk.fhir.internal.Values.concept(c);
  }

  // ------------------------------------------------------------------------------------------------ read

  /**
   * The status a Task carries.
   *
   * @throws FhirMappingException naming the element and the rule when the Task cannot be read as an SDO status
   */
  public static EsmsStatus fromTask(Task t) {
    java.util.Objects.requireNonNull(t, "task");
    Map<Slice, Type> in = new EnumMap<>(Slice.class);
    for (Task.ParameterComponent p : t.getInput()) {
      Slice slice = Slice.ofText(p.getType() == null ? null : p.getType().getText());
      if (slice == null) {
        continue; // open slicing: other inputs are allowed and ignored
      }
      if (in.put(slice, p.getValue()) != null) {
        throw new FhirMappingException(slice.element(), "appears twice; sdo-task allows it once (0..1 or 1..1)");
      }
    }
    for (Slice s : Slice.values()) {
      if (s.required() && (in.get(s) == null || in.get(s).isEmpty())) {
        throw new FhirMappingException(s.element(), "required (1..1) by sdo-task");
      }
    }
    return new EsmsStatus(idValue(in, Slice.ID_NAT_STRUCT), text(in, Slice.NOM_ESMS), coding(in, Slice.STATUT_ESMS),
        coding(in, Slice.MOTIF_ESMS), localDate(in, Slice.DATE_STATUT_ESMS), idValue(in, Slice.ID_UNITE),
        coding(in, Slice.STATUT_UNITE), coding(in, Slice.MOTIF_UNITE), localDate(in, Slice.DATE_STATUT_UNITE),
        idValue(in, Slice.ID_DECISION), idValue(in, Slice.ID_NAT_DECISION), text(in, Slice.NOM_UNITE),
        coding(in, Slice.CATEGORIE_ORGANISATION), coding(in, Slice.TEMPORALITE_ACCUEIL),
        bool(in, Slice.ACCUEIL_SEQUENTIEL), coding(in, Slice.MODE_PRISE_CHARGE),
        coding(in, Slice.TYPE_DROIT_PRESTATION));
  }

  /** {@code meta.lastUpdated} of a Task, or null. */
  public static Instant lastUpdated(Task t) {
    return t.getMeta().getLastUpdated() == null ? null : t.getMeta().getLastUpdated().toInstant();
  }

  private static FhirMappingException wrongType(Slice s, String expected, Type v) {
    return new FhirMappingException(s.element() + ".value[x]", "must be " + expected + ", was " + v.fhirType());
  }

  /** Identifier (the profile), or string / id (tolerated: the IG's examples use them). */
  private static String idValue(Map<Slice, Type> in, Slice s) {
    Type v = in.get(s);
    if (v == null) {
      return null;
    }
    if (v instanceof Identifier id) {
      if (!id.hasValue()) {
        throw new FhirMappingException(s.element() + ".valueIdentifier.value", "required");
      }
      return id.getValue();
    }
    if (v instanceof StringType || v instanceof IdType) {
      return v.primitiveValue();
    }
    throw wrongType(s, "Identifier", v);
  }

  private static String text(Map<Slice, Type> in, Slice s) {
    Type v = in.get(s);
    if (v == null) {
      return null;
    }
    if (!(v instanceof StringType str)) {
      throw wrongType(s, "string", v);
    }
    return str.getValue();
  }

  private static Boolean bool(Map<Slice, Type> in, Slice s) {
    Type v = in.get(s);
    if (v == null) {
      return null;
    }
    if (!(v instanceof BooleanType b)) {
      throw wrongType(s, "boolean", v);
    }
    return b.getValue();
  }

  private static LocalDate localDate(Map<Slice, Type> in, Slice s) {
    Type v = in.get(s);
    if (v == null) {
      return null;
    }
    if (!(v instanceof DateType d) || d.getPrecision() != ca.uhn.fhir.model.api.TemporalPrecisionEnum.DAY) {
      throw wrongType(s, "a full date (YYYY-MM-DD)", v);
    }
    return LocalDate.of(d.getYear(), d.getMonth() + 1, d.getDay());
  }

  private static Coding coding(Map<Slice, Type> in, Slice s) {
    Type v = in.get(s);
    if (v == null) {
      return null;
    }
    if (!(v instanceof CodeableConcept cc)) {
      throw wrongType(s, "CodeableConcept", v);
    }
    for (org.hl7.fhir.r4.model.Coding c : cc.getCoding()) {
      if (c.hasSystem() && c.hasCode()) {
        return new Coding(c.getSystem(), c.getCode(), c.getDisplay());
      }
    }
    if (!s.required()) {
      return null; // tolerated: the IG's example has optional codings with a display only
    }
    throw new FhirMappingException(s.element() + ".valueCodeableConcept.coding",
        "needs a coding with a system and a code");
  }
}
