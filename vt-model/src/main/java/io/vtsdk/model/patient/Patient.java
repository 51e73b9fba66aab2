package io.vtsdk.model.patient;

import io.vtsdk.model.internal.Sets;
import io.vtsdk.model.identity.IdentityProof;
import io.vtsdk.model.identity.IdentityStatus;
import io.vtsdk.model.identity.Ins;
import io.vtsdk.model.identity.Sex;
import io.vtsdk.model.identity.VigilanceAttribute;
import io.vtsdk.model.validation.SubmissionGroup;
import io.vtsdk.model.validation.ValidPatient;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.Period;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The person a dossier is about: identity (INS and traits), identity trust level and vigilance points, address,
 * insurance, protection measure and legal representative, treating doctor.
 *
 * <p>Build with {@link #builder()}. {@link #toString()} prints no identity trait (NIR, names, birth date, birthplace,
 * address): only the identity status and the presence of an INS.
 */
@API(status = API.Status.STABLE, since = "0.1")
@ValidPatient
public record Patient(
    @Valid Ins ins,
    @NotBlank(groups = SubmissionGroup.class, message = "{vt.required}")
        @Size(max = 100, message = "{vt.size.max}") String birthName,
    @NotBlank(groups = SubmissionGroup.class, message = "{vt.required}")
        @Size(max = 100, message = "{vt.size.max}") String firstBirthGivenName,
    @Size(max = 100, message = "{vt.size.max}") String birthGivenNames,
    @Size(max = 100, message = "{vt.size.max}") String usedName,
    @Size(max = 100, message = "{vt.size.max}") String usedGivenName,
    @NotNull(groups = SubmissionGroup.class, message = "{vt.required}") Sex sex,
    @NotNull(groups = SubmissionGroup.class, message = "{vt.required}")
        @PastOrPresent(message = "{vt.date.future}") LocalDate birthDate,
    @Pattern(regexp = Patient.INSEE_CODE, message = "{vt.inseeCode.format}") String birthPlace,
    @NotNull(groups = SubmissionGroup.class, message = "{vt.required}") IdentityStatus identityStatus,
    IdentityProof identityProof,
    Set<VigilanceAttribute> vigilance,
    @Valid Address address,
    @Valid Insurance insurance,
    ProtectionMeasure protection,
    @Valid LegalRepresentative legalRepresentative,
    @Valid TreatingDoctor treatingDoctor) {

  /**
   * An INSEE code of the place of birth: a commune ({@code 69123}, Corsica {@code 2A004}, overseas {@code 97411}) or,
   * for a birth abroad, {@code 99} and the country ({@code 99134}); {@code 99999} when unknown (INSEE, Code officiel
   * géographique; ANS, Guide d'implémentation de l'INS).
   */
  public static final String INSEE_CODE = "([0-9]{2}|2[AB])[0-9]{3}";

  public Patient {
    vigilance = Sets.ofEnums(vigilance, VigilanceAttribute.class);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .ins(ins)
        .birthName(birthName)
        .firstBirthGivenName(firstBirthGivenName)
        .birthGivenNames(birthGivenNames)
        .usedName(usedName)
        .usedGivenName(usedGivenName)
        .sex(sex)
        .birthDate(birthDate)
        .birthPlace(birthPlace)
        .identityStatus(identityStatus)
        .identityProof(identityProof)
        .vigilance(vigilance)
        .address(address)
        .insurance(insurance)
        .protection(protection)
        .legalRepresentative(legalRepresentative)
        .treatingDoctor(treatingDoctor);
  }

  /** Age in whole years on {@code date}, or -1 when the birth date is unknown. */
  public int ageOn(LocalDate date) {
    return birthDate == null ? -1 : Period.between(birthDate, date).getYears();
  }

  /** True when a birth date is known and the person is under 18 on {@code date}. */
  public boolean isMinorOn(LocalDate date) {
    return birthDate != null && ageOn(date) < 18;
  }

  /** True when the protection measure calls for a legal representative. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isProtectedAdult() {
    return protection != null && protection.needsRepresentative();
  }

  @Override
  public String toString() {
    return "Patient[identityStatus=" + identityStatus + ", ins=" + (ins == null ? "none" : "***") + ", ***]";
  }

  /** Builder for {@link Patient}. */
  public static final class Builder {
    private Ins ins;
    private String birthName;
    private String firstBirthGivenName;
    private String birthGivenNames;
    private String usedName;
    private String usedGivenName;
    private Sex sex;
    private LocalDate birthDate;
    private String birthPlace;
    private IdentityStatus identityStatus;
    private IdentityProof identityProof;
    private Set<VigilanceAttribute> vigilance;
    private Address address;
    private Insurance insurance;
    private ProtectionMeasure protection;
    private LegalRepresentative legalRepresentative;
    private TreatingDoctor treatingDoctor;

    Builder() {}

    public Builder ins(Ins ins) { this.ins = ins; return this; }
    public Builder birthName(String v) { this.birthName = v; return this; }
    public Builder firstBirthGivenName(String v) { this.firstBirthGivenName = v; return this; }
    /**
     * The list of birth given names, separated by spaces, as INSi gives it (« liste des prénoms de naissance »); the
     * first is {@link #firstBirthGivenName(String)}.
     */
    public Builder birthGivenNames(String v) { this.birthGivenNames = v; return this; }
    public Builder usedName(String v) { this.usedName = v; return this; }
    public Builder usedGivenName(String v) { this.usedGivenName = v; return this; }
    public Builder sex(Sex v) { this.sex = v; return this; }
    public Builder birthDate(LocalDate v) { this.birthDate = v; return this; }
    /** The INSEE code of the place of birth ({@link Patient#INSEE_CODE}): commune, or {@code 99} + country. */
    public Builder birthPlace(String v) { this.birthPlace = v; return this; }
    public Builder identityStatus(IdentityStatus v) { this.identityStatus = v; return this; }
    /** The document the identity was checked against; {@code null} when the sender does not say. */
    public Builder identityProof(IdentityProof v) { this.identityProof = v; return this; }
    public Builder vigilance(Set<VigilanceAttribute> v) { this.vigilance = v; return this; }
    public Builder address(Address v) { this.address = v; return this; }
    public Builder insurance(Insurance v) { this.insurance = v; return this; }
    public Builder protection(ProtectionMeasure v) { this.protection = v; return this; }
    public Builder legalRepresentative(LegalRepresentative v) { this.legalRepresentative = v; return this; }
    public Builder treatingDoctor(TreatingDoctor v) { this.treatingDoctor = v; return this; }

    public Patient build() {
      return new Patient(ins, birthName, firstBirthGivenName, birthGivenNames, usedName, usedGivenName, sex, birthDate,
          birthPlace, identityStatus, identityProof, vigilance, address, insurance, protection, legalRepresentative,
          treatingDoctor);
    }
  }
}
