package io.vtsdk.model.handicap;

import io.vtsdk.model.Coding;
import io.vtsdk.model.nos.NosTable;
import io.vtsdk.model.validation.NosCode;
import io.vtsdk.model.validation.ValidEsmsStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import org.apiguardian.api.API;

/**
 * The status of a person at an ESMS, as the ESMS reports it to VT (SDO flows 4–5): ESMS level (JDV_J252, motif
 * JDV_J251) and optionally unit level (JDV_J253, motif JDV_J250). A motif must be a TRE_R358 code paired with its
 * status in ASS_A32. ASS_A32 (2025) pairs four motifs with ESMS statuses 49 and 51 that the older JDV_J251 (2023)
 * lacks (92, 93, 100, 172): we follow ASS_A32, so motifs are checked against R358 + ASS_A32 rather than J250/J251
 * (see docs/nomenclatures.md).
 *
 * <p>The unit-level fields follow the SDO {@code sdo-task} profile (input slices in brackets). When a unit status is
 * given, the unit's id, name, category, mode of care and status date are required (SDO invariant regle-StatutUnite),
 * and the mode of care is one of 46, 47, 48 (regle-ModePriseEnCharge).
 *
 * @param idNatStruct national structure id: {@code "1" + FINESS} or {@code "3" + SIRET} [idNat_Struct]
 * @param esmsName [nomESMS]
 * @param status [statutESMS], JDV_J252
 * @param motif [motifESMS], TRE_R358 paired by ASS_A32
 * @param statusDate [dateStatutESMS], 0..1 in sdo-task: {@code null} when the ESMS does not date its status
 * @param rorUnitId the unit's ROR id [idUnite]
 * @param unitStatus [statutUnite], JDV_J253
 * @param unitMotif [motifUnite]
 * @param unitStatusDate [dateStatutUnite]
 * @param idDecision the MDPH's business id of the decision [idDecision]
 * @param idNatDecision the national id of the decision, made by VT [idNat_Decision]
 * @param unitName [nomUnite]
 * @param unitCategory the unit's organisation category, JDV_J34 [categorieOrganisation]
 * @param reception the reception time pattern, JDV_J30 / TRE_R240 [temporaliteAccueil]
 * @param sequentialReception sequential reception [accueilSequentiel]
 * @param careMode mode of care, TRE_R213 codes 46, 47 or 48 [modePriseCharge]
 * @param rightType type of right or benefit [typeDroitPrestation]
 */
@API(status = API.Status.STABLE, since = "0.1")
@ValidEsmsStatus
public record EsmsStatus(
    @NotBlank(message = "{vt.required}")
        @Pattern(regexp = "1[0-9][0-9AB][0-9]{7}|3[0-9]{14}", message = "{vt.idNatStruct.format}")
        String idNatStruct,
    String esmsName,
    @NotNull(message = "{vt.required}") @NosCode(NosTable.J252) Coding status,
    @NosCode(NosTable.R358) Coding motif,
    LocalDate statusDate,
    String rorUnitId,
    @NosCode(NosTable.J253) Coding unitStatus,
    @NosCode(NosTable.R358) Coding unitMotif,
    LocalDate unitStatusDate,
    @NotBlank(message = "{vt.required}") String idDecision,
    String idNatDecision,
    String unitName,
    Coding unitCategory,
    Coding reception,
    Boolean sequentialReception,
    Coding careMode,
    Coding rightType) {

  /** The codes of TRE_R213 allowed as the mode of care (regle-ModePriseEnCharge). */
  public static final java.util.Set<String> CARE_MODES = java.util.Set.of("46", "47", "48");

  /** A status without the unit's description (name, category, reception, mode of care, right type). */
  public EsmsStatus(String idNatStruct, String esmsName, Coding status, Coding motif, LocalDate statusDate,
      String rorUnitId, Coding unitStatus, Coding unitMotif, LocalDate unitStatusDate, String idDecision,
      String idNatDecision) {
    this(idNatStruct, esmsName, status, motif, statusDate, rorUnitId, unitStatus, unitMotif, unitStatusDate,
        idDecision, idNatDecision, null, null, null, null, null, null);
  }
}
