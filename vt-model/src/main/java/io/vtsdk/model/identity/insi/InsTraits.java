package io.vtsdk.model.identity.insi;

import io.vtsdk.model.identity.Sex;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The traits the INSi teleservice searches and verifies an identity by: birth name, first birth given name, sex,
 * birth date and, optionally, the INSEE code of the birthplace (the "traits stricts" of the RNIV); in an answer, also
 * the list of birth given names the teleservice returns (space-separated, the first given name first). Names are compared
 * as the teleservice's callers are told to write them: upper case, without accents ({@link #normalise}).
 * {@code toString()} redacts the names and the date: traits are personal data.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record InsTraits(String birthName, String firstBirthGivenName, String birthGivenNames, Sex sex,
    LocalDate birthDate, String birthPlace) {
  /** Traits to search or verify by: without the list of birth given names, which only answers carry. */
  public InsTraits(String birthName, String firstBirthGivenName, Sex sex, LocalDate birthDate, String birthPlace) {
    this(birthName, firstBirthGivenName, null, sex, birthDate, birthPlace);
  }

  public InsTraits {
    if (birthName == null || birthName.isBlank()) {
      throw new IllegalArgumentException("birthName is required");
    }
    if (firstBirthGivenName == null || firstBirthGivenName.isBlank()) {
      throw new IllegalArgumentException("firstBirthGivenName is required");
    }
    Objects.requireNonNull(sex, "sex");
    Objects.requireNonNull(birthDate, "birthDate");
    if (birthPlace != null && !birthPlace.matches(io.vtsdk.model.patient.Patient.INSEE_CODE)) {
      throw new IllegalArgumentException("birthPlace must be a 5-character INSEE code");
    }
  }

  /** A name as compared: upper case, accents and apostrophes removed, spaces and hyphens as one space. */
  public static String normalise(String name) {
    String s = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return s.toUpperCase(Locale.ROOT).replace('\'', ' ').replaceAll("[\\s-]+", " ").trim();
  }

  /** Whether {@code other} (a reference identity's traits) matches these: names normalised, birthplace if given. */
  public boolean matches(InsTraits other) {
    return differencesFrom(other).isEmpty();
  }

  /**
   * The traits (by name: {@code birthName}, {@code firstBirthGivenName}, {@code sex}, {@code birthDate},
   * {@code birthPlace}) in which these differ from {@code reference}, names normalised, the birthplace compared
   * only when both have one. Never the values.
   */
  public java.util.List<String> differencesFrom(InsTraits reference) {
    java.util.List<String> out = new java.util.ArrayList<>();
    if (!normalise(birthName).equals(normalise(reference.birthName))) {
      out.add("birthName");
    }
    if (!normalise(firstBirthGivenName).equals(normalise(reference.firstBirthGivenName))) {
      out.add("firstBirthGivenName");
    }
    if (sex != reference.sex) {
      out.add("sex");
    }
    if (!birthDate.equals(reference.birthDate)) {
      out.add("birthDate");
    }
    if (birthPlace != null && reference.birthPlace != null && !birthPlace.equals(reference.birthPlace)) {
      out.add("birthPlace");
    }
    return out;
  }

  @Override
  public String toString() {
    return "InsTraits[birthName=***, firstBirthGivenName=***, birthGivenNames=" + (birthGivenNames == null ? "none"
        : "***") + ", sex=" + sex + ", birthDate=***, birthPlace=" + (birthPlace == null ? "none" : "***") + "]";
  }
}
